"""helpers.core.workspace: the learner's work must survive crashes, restarts and bad files."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from helpers import REPO_DIR
from helpers.core import workspace


def _corrupt_files(folder: Path, key: str) -> list[Path]:
    return sorted(folder.glob(f"{key}.corrupt-*.json"))


# ------------------------------------------------------------------------------ basics


def test_round_trip_plain_json(work_dir):
    data = {"s1": "claim", "n": 3, "ok": True, "none": None, "list": [1, 2.5, "é"]}
    path = workspace.save("tags_02", data)
    assert path == work_dir / "tags_02.json"
    assert workspace.load("tags_02") == data
    # the file is plain UTF-8 JSON a learner can open and read
    assert json.loads(path.read_text(encoding="utf-8")) == data
    assert "é" in path.read_text(encoding="utf-8")


def test_missing_key_returns_default():
    assert workspace.load("nothing") is None
    assert workspace.load("nothing", default={}) == {}


def test_keys_lists_only_real_keys(work_dir):
    workspace.save("b", 1)
    workspace.save("a", 1)
    workspace.save("a", 2)  # creates a.bak.json
    (work_dir / "a.corrupt-20240101-000000.json").write_text("x")
    (work_dir / ".a.json.xyz.tmp").write_text("x")
    assert workspace.keys() == ["a", "b"]


def test_keys_on_missing_folder_is_empty(tmp_path):
    workspace.set_root(tmp_path / "does-not-exist")
    assert workspace.keys() == []


def test_set_and_frozenset_saved_as_sorted_list():
    workspace.save("ids", {"picked": {"004", "000", "002"}, "f": frozenset({3, 1})})
    assert workspace.load("ids") == {"picked": ["000", "002", "004"], "f": [1, 3]}


def test_mixed_type_set_does_not_crash():
    workspace.save("mixed", {2, "002"})
    assert sorted(map(str, workspace.load("mixed"))) == ["002", "2"]


def test_dataframe_round_trip():
    df = pd.DataFrame(
        {"sentence_id": [1, 2, 3], "tag": ["claim", None, "hedge"], "score": [0.5, float("nan"), 2]}
    )
    workspace.save("grades", df)
    back = workspace.load("grades")
    assert isinstance(back, pd.DataFrame)
    assert list(back.columns) == ["sentence_id", "tag", "score"]
    assert back["sentence_id"].tolist() == [1, 2, 3]
    assert back["tag"].iloc[0] == "claim" and pd.isna(back["tag"].iloc[1])
    assert back["score"].iloc[0] == 0.5 and pd.isna(back["score"].iloc[1])


def test_empty_dataframe_keeps_columns():
    workspace.save("empty", pd.DataFrame(columns=["a", "b"]))
    back = workspace.load("empty")
    assert isinstance(back, pd.DataFrame) and list(back.columns) == ["a", "b"] and back.empty


def test_dataframe_inside_a_dict_and_numpy_scalars():
    df = pd.DataFrame({"x": [1, 2]})
    workspace.save("nested", {"table": df, "total": df["x"].sum()})
    back = workspace.load("nested")
    assert back["total"] == 3
    assert back["table"]["x"].tolist() == [1, 2]


# ------------------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    "key",
    ["", "../evil", "a/b", "a\\b", "..", ".hidden", "-x", "a..b", "tags.bak",
     "tags.corrupt-1", "x" * 101, "é", "with space", None, 3],
)
def test_bad_keys_raise_clear_value_error(key):
    with pytest.raises(ValueError, match="key"):
        workspace.save(key, 1)
    with pytest.raises(ValueError, match="key"):
        workspace.load(key)


@pytest.mark.parametrize("key", ["tags_02", "grades", "01.answers", "my-notes", "A.b-c_9"])
def test_good_keys(key):
    workspace.save(key, [key])
    assert workspace.load(key) == [key]


@pytest.mark.parametrize("bad", [object(), {"f": lambda: 1}, float("nan"), {(1, 2): "tuple key"}])
def test_unserialisable_data_raises_type_error_and_keeps_old_file(work_dir, bad):
    workspace.save("notes", {"v": 1})
    before = (work_dir / "notes.json").read_bytes()
    with pytest.raises(TypeError, match="'notes'"):
        workspace.save("notes", bad)
    assert (work_dir / "notes.json").read_bytes() == before
    assert not (work_dir / "notes.bak.json").exists()  # nothing at all was written
    assert workspace.load("notes") == {"v": 1}


def test_circular_data_raises_type_error():
    loop: list = []
    loop.append(loop)
    with pytest.raises(TypeError, match="'loop'"):
        workspace.save("loop", loop)
    assert workspace.load("loop") is None


# ------------------------------------------------------------------------------ restarts


def _fresh_workspace_module():
    """A second, independent copy of helpers.core.workspace, as a restarted kernel would import it.

    Not importlib.reload: that would replace WorkspaceWarning under every other test module.
    """
    spec = importlib.util.spec_from_file_location(
        "helpers._workspace_fresh_copy", Path(workspace.__file__)
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_survives_fresh_module_state(work_dir, monkeypatch):
    workspace.save("tags_02", {"s1": "claim"})
    monkeypatch.setenv(workspace.ENV_VAR, str(work_dir))  # the fresh copy has no set_root yet
    fresh = _fresh_workspace_module()
    assert fresh is not workspace and fresh._root_override is None
    assert fresh.load("tags_02") == {"s1": "claim"}


def test_survives_new_process(work_dir):
    workspace.save("tags_02", {"s1": "claim", "ids": {"002", "000"}})
    env = {**os.environ, workspace.ENV_VAR: str(work_dir), "PYTHONPATH": str(REPO_DIR)}
    code = (
        "import json; from helpers import workspace;"
        "print(json.dumps(workspace.load('tags_02')));"
        "workspace.save('from_child', [1, 2])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=REPO_DIR, capture_output=True, text=True,
        check=True,
    )
    assert json.loads(out.stdout) == {"s1": "claim", "ids": ["000", "002"]}
    assert workspace.load("from_child") == [1, 2]  # and the other way round


def test_env_var_sets_root_when_no_override(tmp_path, monkeypatch):
    workspace.set_root(None)
    monkeypatch.setenv(workspace.ENV_VAR, str(tmp_path / "elsewhere"))
    assert workspace.root() == tmp_path / "elsewhere"
    workspace.save("k", 1)
    assert (tmp_path / "elsewhere" / "k.json").exists()


def test_default_root_is_repo_work_folder(monkeypatch):
    workspace.set_root(None)
    monkeypatch.delenv(workspace.ENV_VAR, raising=False)
    assert workspace.root() == REPO_DIR / "work"  # only checked, never written to


# ------------------------------------------------------------------------------ atomicity


def test_previous_version_kept_as_backup(work_dir):
    workspace.save("notes", {"v": 1})
    assert not (work_dir / "notes.bak.json").exists()
    workspace.save("notes", {"v": 2})
    assert json.loads((work_dir / "notes.bak.json").read_text()) == {"v": 1}
    workspace.save("notes", {"v": 3})
    assert json.loads((work_dir / "notes.bak.json").read_text()) == {"v": 2}
    assert workspace.load("notes") == {"v": 3}


def test_crash_at_rename_leaves_old_file_intact(work_dir, monkeypatch):
    workspace.save("notes", {"v": 1})
    real_replace = os.replace

    def crash_on_target(src, dst, *args, **kwargs):
        if Path(dst) == work_dir / "notes.json":
            raise OSError("simulated crash")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", crash_on_target)
    with pytest.raises(OSError, match="simulated crash"):
        workspace.save("notes", {"v": 2})
    monkeypatch.undo()
    assert workspace.load("notes") == {"v": 1}
    # no temp file left behind, and none of them is taken for a key
    assert not list(work_dir.glob("*.tmp"))
    assert workspace.keys() == ["notes"]


def test_crash_while_writing_leaves_old_file_intact(work_dir, monkeypatch):
    workspace.save("notes", {"v": 1})

    def crash(_fd):
        raise OSError("disk gone")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError, match="disk gone"):
        workspace.save("notes", {"v": 2, "big": "x" * 100_000})
    monkeypatch.undo()
    assert workspace.load("notes") == {"v": 1}
    assert not list(work_dir.glob("*.tmp"))


def test_stale_temp_file_from_killed_kernel_is_ignored(work_dir):
    workspace.save("notes", {"v": 1})
    (work_dir / ".notes.json.abc123.tmp").write_text('{"v": 2, "trunc')
    assert workspace.load("notes") == {"v": 1}
    assert workspace.keys() == ["notes"]


# ------------------------------------------------------------------------------ corruption


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"v": 2, "tags": ["cla', "not valid JSON"),  # truncated mid-write
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\xff\xfe{not utf8", "not UTF-8"),
        (b"{'single': 'quotes'}", "not valid JSON"),  # hand-edited
    ],
)
def test_corrupted_file_reported_moved_aside_and_backup_used(work_dir, content, reason):
    workspace.save("notes", {"v": 1})
    workspace.save("notes", {"v": 2})  # notes.bak.json now holds v1
    (work_dir / "notes.json").write_bytes(content)
    with pytest.warns(workspace.WorkspaceWarning) as record:
        value = workspace.load("notes")
    assert value == {"v": 1}
    message = str(record[0].message)
    assert "notes.json" in message and reason in message
    assert "notes.bak.json" in message and "last good copy" in message
    moved = _corrupt_files(work_dir, "notes")
    assert len(moved) == 1 and moved[0].read_bytes() == content  # learner data never deleted
    assert not (work_dir / "notes.json").exists()


def test_corrupted_file_without_backup_returns_default(work_dir):
    (work_dir).mkdir(parents=True, exist_ok=True)
    (work_dir / "notes.json").write_text('{"v": 1', encoding="utf-8")
    with pytest.warns(workspace.WorkspaceWarning, match="no usable backup"):
        assert workspace.load("notes", default="fallback") == "fallback"
    assert len(_corrupt_files(work_dir, "notes")) == 1


def test_corrupted_file_and_corrupted_backup(work_dir):
    work_dir.mkdir(parents=True, exist_ok=True)
    (work_dir / "notes.json").write_text("{", encoding="utf-8")
    (work_dir / "notes.bak.json").write_text("[", encoding="utf-8")
    with pytest.warns(workspace.WorkspaceWarning, match="no usable backup"):
        assert workspace.load("notes", default=[]) == []


def test_two_corruptions_in_the_same_second_keep_both(work_dir):
    work_dir.mkdir(parents=True, exist_ok=True)
    for content in ("{1", "{2"):
        (work_dir / "notes.json").write_text(content)
        with pytest.warns(workspace.WorkspaceWarning):
            workspace.load("notes")
    moved = _corrupt_files(work_dir, "notes")
    assert sorted(p.read_text() for p in moved) == ["{1", "{2"]


def test_saving_over_a_corrupt_file_keeps_it_and_the_good_backup(work_dir):
    workspace.save("notes", {"v": 1})
    workspace.save("notes", {"v": 2})
    (work_dir / "notes.json").write_text("garbage")
    with pytest.warns(workspace.WorkspaceWarning, match="unreadable"):
        workspace.save("notes", {"v": 3})
    assert workspace.load("notes") == {"v": 3}
    # the good backup was not overwritten by the garbage
    assert json.loads((work_dir / "notes.bak.json").read_text()) == {"v": 1}
    assert [p.read_text() for p in _corrupt_files(work_dir, "notes")] == ["garbage"]


# ------------------------------------------------------------------------------ zip


def test_export_import_round_trip(work_dir, tmp_path):
    workspace.save("tags_02", {"s1": "claim"})
    workspace.save("grades", pd.DataFrame({"a": [1]}))
    workspace.save("tags_02", {"s1": "hedge"})  # backups are not exported
    zip_path = workspace.export_zip()
    assert zip_path.parent == work_dir and zip_path.name.startswith("my_work_")
    assert zip_path.suffix == ".zip"
    with zipfile.ZipFile(zip_path) as zf:
        assert sorted(zf.namelist()) == ["grades.json", "tags_02.json"]

    workspace.set_root(tmp_path / "other_machine")
    assert sorted(workspace.import_zip(zip_path)) == ["grades", "tags_02"]
    assert workspace.load("tags_02") == {"s1": "hedge"}
    assert workspace.load("grades")["a"].tolist() == [1]


def test_export_to_explicit_path(tmp_path):
    workspace.save("k", 1)
    target = workspace.export_zip(tmp_path / "out" / "mine.zip")
    assert target == tmp_path / "out" / "mine.zip" and zipfile.is_zipfile(target)


def test_export_skips_unreadable_file_with_warning(work_dir):
    workspace.save("good", 1)
    (work_dir / "bad.json").write_text("{")
    with pytest.warns(workspace.WorkspaceWarning, match="'bad'"):
        target = workspace.export_zip()
    with zipfile.ZipFile(target) as zf:
        assert zf.namelist() == ["good.json"]
    assert (work_dir / "bad.json").read_text() == "{"  # export never moves or deletes anything


def test_import_of_an_older_zip_keeps_the_newer_work(work_dir, tmp_path, capsys):
    workspace.save("notes", {"from": "zip"})
    zip_path = workspace.export_zip(tmp_path / "w.zip")
    workspace.save("notes", {"from": "today"})
    assert workspace.import_zip(zip_path) == ["notes"]
    assert workspace.load("notes") == {"from": "today"}
    assert "kept because yours is newer" in capsys.readouterr().out


def test_import_preferring_the_zip_keeps_current_version_as_backup(work_dir, tmp_path):
    workspace.save("notes", {"from": "zip"})
    zip_path = workspace.export_zip(tmp_path / "w.zip")
    workspace.save("notes", {"from": "today"})
    assert workspace.import_zip(zip_path, prefer_zip=True) == ["notes"]
    assert workspace.load("notes") == {"from": "zip"}
    assert json.loads((work_dir / "notes.bak.json").read_text()) == {"from": "today"}
    assert json.loads(workspace.versions("notes")[-1].read_text()) == {"from": "today"}


def _make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_import_rejects_malicious_and_bad_members(work_dir, tmp_path):
    zip_path = _make_zip(
        tmp_path / "evil.zip",
        {
            "../escape.json": b"{}",
            "/abs.json": b"{}",
            "sub/dir.json": b"{}",
            "..\\win.json": b"{}",
            "notes.bak.json": b"{}",
            "x.corrupt-1.json": b"{}",
            ".hidden.json": b"{}",
            "readme.txt": b"hello",
            "broken.json": b'{"a": ',
            "latin1.json": "\"caf\u00e9\"".encode("latin-1"),
            "good.json": b'{"ok": true}',
        },
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        restored = workspace.import_zip(zip_path)
    assert restored == ["good"]
    assert workspace.load("good") == {"ok": True}
    skipped = [str(w.message) for w in caught if issubclass(w.category, workspace.WorkspaceWarning)]
    assert len(skipped) == 10
    assert any("../escape.json" in m and "top level" in m for m in skipped)
    assert any("broken.json" in m and "not valid JSON" in m for m in skipped)
    assert any("latin1.json" in m and "UTF-8" in m for m in skipped)
    # nothing escaped the work folder, and nothing but good.json was written (besides the
    # hidden bookkeeping: the lock and the items' stamps)
    assert not (tmp_path / "escape.json").exists()
    assert sorted(p.name for p in work_dir.iterdir() if not p.name.startswith(".")) == [
        "good.json"]


def test_import_missing_or_not_a_zip(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.zip"):
        workspace.import_zip(tmp_path / "nope.zip")
    fake = tmp_path / "fake.zip"
    fake.write_text("not a zip")
    with pytest.raises(ValueError, match="not a zip"):
        workspace.import_zip(fake)


# ------------------------------------------------------------------------------ learner's view


def test_summary_lists_what_is_saved_without_paths(capsys):
    workspace.summary()
    assert capsys.readouterr().out.startswith("Nothing saved yet")
    workspace.save("answers", {"00.articles": {}, "01.slip": {}})
    workspace.summary()
    out = capsys.readouterr().out
    assert "answers: 2 entries" in out and "/" not in out


def test_warnings_show_paths_relative_to_the_course(work_dir):
    inside = REPO_DIR / "work" / "x.json"
    assert workspace.shown(inside) == "work/x.json"
    assert workspace.shown(work_dir / "x.json") == "x.json"  # outside the course: name only


def test_import_zip_finds_an_upload_in_the_work_folder(work_dir, monkeypatch, tmp_path):
    workspace.save("grades", {"GUR": "B2"})
    exported = workspace.export_zip()
    assert exported.parent == work_dir
    workspace.save("grades", {"GUR": "C3"})
    monkeypatch.chdir(tmp_path)  # the kernel's cwd is not where the file was uploaded
    assert workspace.import_zip(exported.name, prefer_zip=True) == ["grades"]
    assert workspace.load("grades") == {"GUR": "B2"}


def test_import_zip_missing_file_says_how_to_upload():
    with pytest.raises(FileNotFoundError, match="upload"):
        workspace.import_zip("nowhere.zip")
