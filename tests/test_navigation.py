"""The navigation lines and the README's course table are generated: fail when they are stale."""

import importlib.util
from pathlib import Path

from helpers.course.syllabus import course_map, course_table

ROOT = Path(__file__).resolve().parents[1]


def _navigation_tool():
    spec = importlib.util.spec_from_file_location("navigation", ROOT / "tools" / "navigation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_navigation_and_course_table_are_up_to_date(capsys):
    before = {p: p.stat().st_mtime_ns for p in [ROOT / "README.md",
                                                 *(ROOT / "notebooks").glob("*.ipynb")]}
    status = _navigation_tool().main(["--check"])
    assert status == 0, capsys.readouterr().out
    # a check writes nothing (other test workers may be reading the notebooks)
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_the_check_names_what_is_stale_and_changes_nothing(tmp_path, monkeypatch, capsys):
    tool = _navigation_tool()
    readme = tmp_path / "README.md"
    readme.write_text(f"{tool.MAP_START}\nold table\n{tool.MAP_END}\n", encoding="utf-8")
    monkeypatch.setattr(tool, "README", readme)
    assert tool.main(["--check"]) == 1
    assert "stale: README.md" in capsys.readouterr().out
    assert "old table" in readme.read_text(encoding="utf-8")


def test_every_ready_notebook_exists_and_every_notebook_is_in_the_map():
    table = course_map()
    ready = set(table.loc[table["status"] == "ready", "file"])
    present = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert ready <= present
    assert present <= set(table["file"]), "a notebook is missing from course/data/course.csv"


def test_course_table_reads_well():
    table = course_table()
    assert list(table.columns) == ["what you learn", "time"]
    assert table.index[0] == "00 Start here" and table.index.name == "notebook"
    assert table["time"].str.endswith(" min").all()


def test_every_notebook_ends_by_saying_how_to_free_its_memory():
    """Learners leave notebooks open; six kernels must fit Binder's 1 GB (issue 11)."""
    import nbformat

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        last = nbformat.read(path, as_version=4).cells[-1]
        assert "navigation" in last.metadata.get("tags", [])
        assert "Kernel → Shut Down Kernel" in last.source, path.name
