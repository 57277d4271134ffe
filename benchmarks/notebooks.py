"""Execution time and peak kernel memory of each notebook (a measurement, not a test).

    .venv/bin/python benchmarks/notebooks.py [notebooks/01_reading_the_sources.ipynb ...]

Each notebook runs top to bottom in a fresh kernel with an empty work folder, as nbval runs it.
Peak memory is the kernel process's high-water mark (VmHWM in /proc), read just before the kernel
shuts down: Binder gives each user 1–2 GB, and the course's target is well under 700 MB.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(path: Path) -> tuple[float, float]:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={
        "metadata": {"path": str(path.parent)}})
    with tempfile.TemporaryDirectory() as work:
        os.environ["KURSK_WORK_DIR"] = work
        with client.setup_kernel():
            pid = client.km.provisioner.process.pid
            start = time.perf_counter()
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            seconds = time.perf_counter() - start
            peak = peak_rss_mb(pid)
    return seconds, peak


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    print(f"{'notebook':<40} {'run (s)':>8} {'peak kernel (MB)':>17}")
    for path in paths:
        seconds, peak = measure(path.resolve())
        print(f"{path.name:<40} {seconds:>8.1f} {peak:>17.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
