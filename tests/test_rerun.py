"""`make test` runs every notebook twice in a row (conftest.py's --nbval-rerun)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_make_test_reruns_every_notebook_on_one_worker():
    recipe = (ROOT / "Makefile").read_text().split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "--nbval-rerun" in recipe
    # loadfile keeps a notebook and its rerun on one worker, in order; loadscope would not
    assert "--dist loadfile" in recipe


class _Collected:
    """A pytest plugin that keeps the node ids a session collected."""

    ids: list = []

    def pytest_collection_finish(self, session):
        self.ids = [item.nodeid for item in session.items]


def test_each_notebook_is_collected_again_right_after_itself(capsys):
    notebook = "notebooks/00_start_here.ipynb"
    collected = _Collected()
    # in this process: a nested session costs no new imports (nbformat alone takes seconds)
    status = pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "--rootdir", str(ROOT),
                          "--nbval", "--nbval-rerun", str(ROOT / notebook)], plugins=[collected])
    capsys.readouterr()
    assert status == 0
    ids = collected.ids
    first = [i for i in ids if "::rerun::" not in i]
    again = [i for i in ids if "::rerun::" in i]
    assert first and len(again) == len(first)
    assert all(i.startswith(notebook) for i in ids)
    assert ids == first + again  # every cell once, then every cell again
    assert [re.sub(r"::rerun", "", i) for i in again] == first
