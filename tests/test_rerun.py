"""`make test` runs every notebook twice in a row (conftest.py's --nbval-rerun)."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_make_test_reruns_every_notebook_on_one_worker():
    recipe = (ROOT / "Makefile").read_text().split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "--nbval-rerun" in recipe
    # loadfile keeps a notebook and its rerun on one worker, in order; loadscope would not
    assert "--dist loadfile" in recipe


def test_each_notebook_is_collected_again_right_after_itself():
    notebook = "notebooks/00_start_here.ipynb"
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "--nbval", "--nbval-rerun", notebook],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    ids = [line for line in out.splitlines() if line.startswith(notebook)]
    first = [i for i in ids if "::rerun::" not in i]
    again = [i for i in ids if "::rerun::" in i]
    assert first and len(again) == len(first)
    assert ids == first + again  # every cell once, then every cell again
    assert [re.sub(r"::rerun", "", i) for i in again] == first
