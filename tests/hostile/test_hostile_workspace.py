"""Issue 16, items 1, 4, 9 and 12: saved work under hostile imports, concurrent kernels, broken
zips and odd folder states. Attack ids (W…) are listed in README.md beside this file."""

from __future__ import annotations

import errno
import json
import os
import struct
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest
from filelock import FileLock

from helpers import REPO_DIR
from helpers.core import workfiles, workspace, workzip


def _answer(exercise: str, text: str) -> None:
    """What tasks.check does after checking: load the answers, set one, save them."""
    answers = workspace.load("answers", default={})
    answers[exercise] = {"answer": text}
    workspace.save("answers", answers)


def _skipped(caught) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, workspace.WorkspaceWarning)]


def _on_disk(folder: Path) -> list[str]:
    """Every saved-work file under ``folder`` (current, backups, versions, moved aside)."""
    return [p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*.json")
            if ".workspace" not in p.parts]


# ------------------------------------------------------------------- item 1: imports erase work


def test_W01_importing_an_older_zip_twice_keeps_the_newer_answers(work_dir, tmp_path, capsys):
    _answer("01.slip", "old")
    old_zip = workspace.export_zip(tmp_path / "old.zip")
    _answer("01.slip", "new")
    _answer("02.hedge_word", "new too")
    workspace.import_zip(old_zip)
    workspace.import_zip(old_zip)
    assert workspace.load("answers") == {"01.slip": {"answer": "new"},
                                         "02.hedge_word": {"answer": "new too"}}
    assert "kept because yours is newer (01.slip)" in capsys.readouterr().out


def test_W02_import_then_answering_one_exercise_keeps_everything(work_dir, tmp_path):
    _answer("01.slip", "old")
    _answer("03.bound", "old")
    old_zip = workspace.export_zip(tmp_path / "old.zip")
    _answer("01.slip", "new")
    workspace.import_zip(old_zip)
    _answer("04.no_author", "after the import")
    assert workspace.load("answers") == {"01.slip": {"answer": "new"},
                                         "03.bound": {"answer": "old"},
                                         "04.no_author": {"answer": "after the import"}}


def test_W03_a_zip_holding_answers_twice_is_refused_in_one_sentence(work_dir, tmp_path):
    _answer("01.slip", "mine")
    path = tmp_path / "twice.zip"
    with zipfile.ZipFile(path, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name itself
        zf.writestr("answers.json", '{"01.slip": {"answer": "zip 1"}}')
        zf.writestr("answers.json", '{"01.slip": {"answer": "zip 2"}}')
        zf.writestr("grades.json", '{"GUR": {"reliability": "B"}}')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert workspace.import_zip(path) == ["grades"]
    messages = _skipped(caught)
    assert len(messages) == 1 and "answers.json" in messages[0] and "2 files" in messages[0]
    assert workspace.load("answers") == {"01.slip": {"answer": "mine"}}
    assert workspace.load("grades") == {"GUR": {"reliability": "B"}}


def test_W04_every_replaced_version_is_kept_up_to_the_bound(work_dir):
    for n in range(workfiles.MAX_VERSIONS + 5):
        workspace.save("notes", {"v": n})
    kept = workspace.versions("notes")
    assert len(kept) == workfiles.MAX_VERSIONS
    assert [json.loads(p.read_text())["v"] for p in kept] == list(range(4, 24))
    assert json.loads((work_dir / "notes.bak.json").read_text()) == {"v": 23}


def test_W05_import_takes_the_newer_item_from_either_side_and_says_which(work_dir, tmp_path,
                                                                         capsys):
    _answer("a", "mine, old")
    _answer("b", "mine, old")
    base = workspace.export_zip(tmp_path / "base.zip")
    # another machine: imports base, changes b, adds c, exports
    workspace.set_root(tmp_path / "other")
    workspace.import_zip(base)
    _answer("b", "theirs, newer")
    _answer("c", "theirs, new")
    theirs = workspace.export_zip(tmp_path / "theirs.zip")
    workspace.set_root(work_dir)
    _answer("a", "mine, newest")
    capsys.readouterr()
    workspace.import_zip(theirs)
    assert workspace.load("answers") == {"a": {"answer": "mine, newest"},
                                         "b": {"answer": "theirs, newer"},
                                         "c": {"answer": "theirs, new"}}
    said = capsys.readouterr().out
    assert "1 item added from the zip (c)" in said and "replaced by the zip's newer version (b)" \
        in said and "kept because yours is newer (a)" in said
    assert "versions/answers" in said or "answers/" in said  # where the replaced one went


# ------------------------------------------------------------------- item 4: lost updates


_WORKER = """
import sys
from helpers.core import workspace
workspace.set_root(sys.argv[1])
for j in range(int(sys.argv[3])):
    answers = workspace.load("answers", default={})
    answers[f"{sys.argv[2]}-{j}"] = j
    workspace.save("answers", answers)
"""


def test_W06_four_kernels_saving_at_once_lose_nothing(work_dir):
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR)}
    procs = [subprocess.Popen([sys.executable, "-c", _WORKER, str(work_dir), name, "40"],
                              env=env, cwd=REPO_DIR) for name in "abcd"]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    assert len(workspace.load("answers")) == 160


def test_W07_a_kernel_holding_stale_data_does_not_undo_another_kernels_save(work_dir):
    workspace.save("grades", {"GUR": "B2"})
    stale = workspace.load("grades")  # this kernel's copy
    # another kernel (simulated: the file written behind this one's back) grades a second origin
    (work_dir / "grades.json").write_text('{"GUR": "B2", "Pentagone": "A1"}', encoding="utf-8")
    stale["GUR"] = "C3"
    workspace.save("grades", stale)
    assert workspace.load("grades") == {"GUR": "C3", "Pentagone": "A1"}


def test_W08_removing_an_item_still_works_in_one_kernel(work_dir):
    workspace.save("tags_02", {"s1": "claim", "s2": "hedge"})
    tags = workspace.load("tags_02")
    del tags["s1"]
    workspace.save("tags_02", tags)
    assert workspace.load("tags_02") == {"s2": "hedge"}
    workspace.save("tags_02", {"only": 1}, merge=False)
    assert workspace.load("tags_02") == {"only": 1}


# ------------------------------------------------------------------- item 9: zip limits


def test_W09_a_zip_over_the_total_size_is_refused_before_anything_is_written(work_dir,
                                                                             tmp_path):
    path = tmp_path / "bomb.zip"
    member = b"0" * (3 * 2**20)  # 30 small compressed members, 90 MB once unpacked
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i in range(30):
            zf.writestr(f"k{i}.json", b'"' + member + b'"')
    assert path.stat().st_size < 2**20
    with pytest.raises(ValueError, match="more than the 50 MB allowed.*Nothing was imported"):
        workspace.import_zip(path)
    assert not work_dir.exists() or not list(work_dir.iterdir())


def test_W10_a_zip_with_too_many_entries_is_refused_at_once(work_dir, tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(workzip.MAX_ENTRIES + 1):
            zf.writestr(f"k{i}.json", b"1")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValueError, match="1,001 files"):
            workspace.import_zip(path)
    assert _skipped(caught) == []  # one refusal, not a thousand warnings
    assert not work_dir.exists() or not list(work_dir.iterdir())


def _zip_with_broken_member(path: Path, damage) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("good.json", '{"ok": 1}')
        zf.writestr("broken.json", '{"bad": "member"}')
        zf.writestr("after.json", '{"ok": 2}')
    data = bytearray(path.read_bytes())
    damage(data, data.find(b"broken.json"))
    path.write_bytes(bytes(data))
    return path


def _bad_crc(data: bytearray, at: int) -> None:
    content = data.find(b'{"bad"', at)
    data[content + 2] ^= 0x01  # one flipped bit in the member's content


def _encrypted(data: bytearray, at: int) -> None:
    for name_at in (at, data.find(b"broken.json", at + 1)):  # local and central headers
        header = data.rfind(b"PK", 0, name_at)
        flag = header + (6 if data[header + 2 : header + 4] == b"\x03\x04" else 8)
        data[flag] |= 0x01


def _unknown_method(data: bytearray, at: int) -> None:
    for name_at in (at, data.find(b"broken.json", at + 1)):
        header = data.rfind(b"PK", 0, name_at)
        method = header + (8 if data[header + 2 : header + 4] == b"\x03\x04" else 10)
        data[method : method + 2] = struct.pack("<H", 99)


@pytest.mark.parametrize(("damage", "said"), [
    (_bad_crc, "checksum"), (_encrypted, "encrypted"), (_unknown_method, "compressed with"),
], ids=["W11-bad-crc", "W12-encrypted", "W13-unknown-compression"])
def test_W11_W13_a_broken_member_is_one_sentence_and_the_rest_is_restored(work_dir, tmp_path,
                                                                          damage, said):
    path = _zip_with_broken_member(tmp_path / "broken.zip", damage)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        restored = workspace.import_zip(path)
    assert restored == ["good", "after"]
    messages = _skipped(caught)
    assert len(messages) == 1 and "broken.json" in messages[0] and said in messages[0]
    assert "\n" not in messages[0]
    assert workspace.load("after") == {"ok": 2}


def test_W14_a_truncated_zip_is_refused_in_words(tmp_path):
    good = tmp_path / "w.zip"
    workspace.save("notes", {"v": 1})
    workspace.export_zip(good)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:40])
    with pytest.raises(ValueError, match="not a zip file.*nothing was imported"):
        workspace.import_zip(cut)


def test_W15_garbage_stamps_in_a_zip_fall_back_to_the_member_date(work_dir, tmp_path):
    path = tmp_path / "odd.zip"
    with zipfile.ZipFile(path, "w") as zf:
        info = zipfile.ZipInfo("notes.json", date_time=(2020, 1, 1, 0, 0, 0))
        info.comment = b"kursk-stamps-v1:" + b"\x78\x9c" + os.urandom(200)
        zf.writestr(info, '{"v": "from 2020"}')
    workspace.save("notes", {"v": "today"})
    workspace.import_zip(path)
    assert workspace.load("notes") == {"v": "today"}


# ------------------------------------------------------------------- item 12: odd states


def test_W16_a_folder_named_like_a_key_breaks_nothing(work_dir, capsys):
    workspace.save("answers", {"a": 1})
    (work_dir / "tags.json").mkdir()
    (work_dir / "tags.json" / "inside.txt").write_text("learner's file")
    assert workspace.keys() == ["answers"]
    workspace.summary()
    assert "answers: 1 entries" in capsys.readouterr().out
    workspace.export_zip()
    with pytest.warns(workspace.WorkspaceWarning, match="is a folder"):
        assert workspace.load("tags", default={}) == {}
    with pytest.warns(workspace.WorkspaceWarning, match="was a folder"):
        workspace.save("tags", {"s1": "claim"})
    assert workspace.load("tags") == {"s1": "claim"}
    moved = [p for p in work_dir.iterdir() if p.is_dir() and p.name.startswith("tags.corrupt-")]
    assert (moved[0] / "inside.txt").read_text() == "learner's file"  # nothing deleted


def test_W17_a_file_nested_very_deep_is_reported_not_a_recursion_error(work_dir):
    workspace.save("answers", {"a": 1})
    workspace.save("answers", {"a": 2})
    (work_dir / "answers.json").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.warns(workspace.WorkspaceWarning, match="nested too deeply"):
        assert workspace.load("answers") == {"a": 1}  # the last good copy
    _answer("b", "still saves")
    assert workspace.load("answers")["b"] == {"answer": "still saves"}


def test_W18_a_read_only_work_folder_is_named_in_a_plain_message(work_dir, monkeypatch):
    workspace.save("notes", {"v": 1})

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied",
                              str(work_dir / ".notes.json.x1y2.tmp"))

    monkeypatch.setattr(workfiles.tempfile, "mkstemp", refuse)
    with pytest.raises(PermissionError) as info:
        workspace.save("notes", {"v": 2})
    message = str(info.value)
    assert "read-only" in message and "set_root" in message and ".tmp" not in message
    assert workspace.load("notes") == {"v": 1}


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_W18b_a_really_read_only_folder(work_dir):
    workspace.save("notes", {"v": 1})
    work_dir.chmod(0o500)
    try:
        with pytest.raises(PermissionError, match="read-only"):
            workspace.save("notes", {"v": 2})
    finally:
        work_dir.chmod(0o700)


def test_W19_a_full_disk_is_said_in_words(work_dir, monkeypatch):
    workspace.save("notes", {"v": 1})

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="disk .* is full"):
        workspace.save("notes", {"v": 2})
    monkeypatch.undo()
    assert workspace.load("notes") == {"v": 1}


def test_W20_temporary_files_left_by_killed_saves_are_cleaned(work_dir):
    workspace.save("answers", {"a": 1})
    (work_dir / ".answers.json.k1ll3d.tmp").write_text('{"a": 1, "b": 2}')  # complete
    (work_dir / ".answers.json.cutcut.tmp").write_text('{"a": 1, "b"')  # cut off
    workspace.save("answers", {"a": 1, "c": 3})
    assert not list(work_dir.glob(".*.tmp"))
    assert any(json.loads(p.read_text()) == {"a": 1, "b": 2}
               for p in workspace.versions("answers"))  # a complete one is kept as a version


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-8-sig", "utf-16"],
                         ids=["W21-utf16le", "W21-utf16be", "W22-utf8-bom", "W21-utf16-bom"])
def test_W21_W22_saved_files_in_other_unicode_encodings_are_read(work_dir, encoding):
    work_dir.mkdir(parents=True)
    (work_dir / "notes.json").write_bytes('{"é": "à"}'.encode(encoding))
    assert workspace.load("notes") == {"é": "à"}


def test_W23_a_hand_edited_item_takes_the_file_time_and_import_still_merges(work_dir, tmp_path):
    _answer("a", "v1")
    old_zip = workspace.export_zip(tmp_path / "old.zip")
    text = (work_dir / "answers.json").read_text().replace("v1", "edited by hand")
    (work_dir / "answers.json").write_text(text)
    workspace.import_zip(old_zip)
    assert workspace.load("answers") == {"a": {"answer": "edited by hand"}}


def test_W24_a_save_waiting_too_long_for_the_lock_says_why(work_dir, monkeypatch):
    workspace.save("notes", {"v": 1})
    monkeypatch.setattr(workfiles, "LOCK_TIMEOUT", 0.2)
    other = FileLock(work_dir / workfiles.META_DIR / "lock", is_singleton=False,
                     thread_local=False)
    with other, pytest.raises(OSError, match="another notebook has been saving"):
        workspace.save("notes", {"v": 2})
    assert workspace.load("notes") == {"v": 1}


def test_W25_stamps_deleted_or_damaged_never_lose_the_current_value(work_dir, tmp_path):
    _answer("a", "old")
    old_zip = workspace.export_zip(tmp_path / "old.zip")
    _answer("a", "new")
    stamps = work_dir / workfiles.META_DIR / "stamps" / "answers.json"
    stamps.write_bytes(b"\x00garbage")
    workspace.import_zip(old_zip)
    assert workspace.load("answers") == {"a": {"answer": "new"}}
