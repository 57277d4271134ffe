"""The navigation lines and the README's course table are generated: fail when they are stale."""

import subprocess
import sys
from pathlib import Path

from helpers.course import course_map, course_table

ROOT = Path(__file__).resolve().parents[1]


def test_navigation_and_course_table_are_up_to_date():
    result = subprocess.run(
        [sys.executable, "tools/navigation.py", "--check"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_ready_notebook_exists_and_every_notebook_is_in_the_map():
    table = course_map()
    ready = set(table.loc[table["status"] == "ready", "file"])
    present = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert ready <= present
    assert present <= set(table["file"]), "a notebook is missing from helpers/data/course.csv"


def test_course_table_reads_well():
    table = course_table()
    assert list(table.columns) == ["what you learn", "time"]
    assert table.index[0] == "00 Start here" and table.index.name == "notebook"
    assert table["time"].str.endswith(" min").all()
