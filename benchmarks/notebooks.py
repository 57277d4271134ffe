"""Time and kernel memory of the notebooks (a measurement, not a test).

    .venv/bin/python benchmarks/notebooks.py [notebooks/01_reading_the_sources.ipynb ...]
    .venv/bin/python benchmarks/notebooks.py --all-open

Default: each notebook runs top to bottom in a fresh kernel with an empty work folder, as nbval
runs it; peak memory is the kernel's high-water mark (VmHWM in /proc), read before it shuts down.

``--all-open``: what a Binder user does: the six notebooks run in order, 00 to 05, each in its own
kernel, sharing one work folder and one parse cache that start empty (a first launch), and every
kernel is left running. Then the memory of all six kernels together is read: the sum of RSS, and
the sum of PSS (shared pages divided between the processes that share them, closer to what the
container's memory limit counts). Binder guarantees 1 GB per user and caps at 2 GB; the course's
target is under 1 GB for the six kernels together.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_core.utils import run_sync
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def _status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def peak_rss_mb(pid: int) -> float:
    return _status_kb(pid, "VmHWM") / 1024


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of a process and its children, in MB."""
    pids = [pid] + _children(pid)
    rss = sum(_status_kb(p, "VmRSS") for p in pids) / 1024
    pss = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss / 1024


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for kid in map(int, kids):
            found += [kid] + _children(kid)
    return found


def _client(path: Path) -> NotebookClient:
    nb = nbformat.read(path, as_version=4)
    return NotebookClient(nb, timeout=600, kernel_name="python3",
                          resources={"metadata": {"path": str(path.parent)}})


def measure(path: Path) -> tuple[float, float]:
    client = _client(path)
    with tempfile.TemporaryDirectory() as work:
        os.environ["KURSK_WORK_DIR"] = work
        with client.setup_kernel():
            pid = client.km.provisioner.process.pid
            start = time.perf_counter()
            for index, cell in enumerate(client.nb.cells):
                client.execute_cell(cell, index)
            seconds = time.perf_counter() - start
            peak = peak_rss_mb(pid)
    return seconds, peak


def all_open(paths: list[Path]) -> None:
    """Run every notebook in its own kernel, leave them all open, then read their memory."""
    with tempfile.TemporaryDirectory() as work:
        os.environ["KURSK_WORK_DIR"] = work
        os.environ["KURSK_CACHE_DIR"] = str(Path(work) / "cache")
        open_kernels = []
        try:
            print(f"{'notebook':<40} {'run (s)':>8} {'RSS now (MB)':>13} {'peak (MB)':>10}")
            for path in paths:
                client = _client(path)
                client.km = client.create_kernel_manager()
                client.start_new_kernel()
                client.start_new_kernel_client()
                open_kernels.append(client)
                pid = client.km.provisioner.process.pid
                start = time.perf_counter()
                for index, cell in enumerate(client.nb.cells):
                    client.execute_cell(cell, index)
                seconds = time.perf_counter() - start
                rss, _ = memory_mb(pid)
                print(f"{path.name:<40} {seconds:>8.1f} {rss:>13.0f} {peak_rss_mb(pid):>10.0f}")
            time.sleep(2)  # let the kernels settle (garbage collection, idle)
            rss = pss = 0.0
            for client in open_kernels:
                r, p = memory_mb(client.km.provisioner.process.pid)
                rss, pss = rss + r, pss + p
            print(f"\nall {len(open_kernels)} kernels left open: RSS {rss:.0f} MB in total, "
                  f"PSS {pss:.0f} MB (target: under 1024 MB)")
        finally:
            for client in open_kernels:
                try:
                    client.kc.stop_channels()
                    run_sync(client.km.shutdown_kernel)(now=True)  # the manager is async
                except Exception:  # a kernel that already died is not the measurement's problem
                    pass


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--all-open", action="store_true",
                        help="run all notebooks in order and measure their kernels together")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if args.all_open:
        all_open(paths)
        return
    print(f"{'notebook':<40} {'run (s)':>8} {'peak kernel (MB)':>17}")
    for path in paths:
        seconds, peak = measure(path)
        print(f"{path.name:<40} {seconds:>8.1f} {peak:>17.0f}")


if __name__ == "__main__":
    main()
