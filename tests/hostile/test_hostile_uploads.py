"""Issue 16, item 6, and issue 14's uploads bullet: what a learner can upload, under which name,
and what the upload button says. Attack ids (U…) are listed in README.md."""

from __future__ import annotations

import os

import pytest

from helpers import SEEDS_DIR
from helpers.display.widgets.upload import upload_status
from helpers.sources.corpus import load_corpus
from helpers.sources.uploads import MAX_BYTES, save_uploads

ARTICLE = sorted(SEEDS_DIR.glob("*.txt"))[0].read_bytes()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    target = tmp_path / "my_articles"
    monkeypatch.setenv("KURSK_MY_ARTICLES", str(target))
    return target


def _article(n: int) -> bytes:
    return f"Titre {n}\n\nSelon Kiev, {n} 000 soldats sont arrivés à Koursk.\n".encode()


@pytest.mark.parametrize("name", ["Статья о войне.txt", "新闻报道.md", "مقال عن الحرب.html",
                                  "😀 dépêche 🚀.txt", "नमस्ते दुनिया.txt"],
                         ids=["cyrillic", "chinese", "arabic", "emoji", "devanagari"])
def test_U01_names_in_any_script_are_saved_and_the_original_is_shown(folder, name):
    html = b"<html><body><h1>Titre</h1><p>Selon Kiev, 11 000 soldats.</p></body></html>"
    content = html if name.endswith(".html") else _article(1)
    result = save_uploads([{"name": name, "content": content}])
    assert len(result) == 1 and result[0].exists()
    assert result.lines()[0].startswith(f"✓ {name}")
    corpus = load_corpus(folder)
    assert corpus["source_file"].tolist() == [result[0].name]


def test_U02_a_300_character_name_is_saved_under_a_short_one(folder):
    name = "é" * 300 + ".txt"
    result = save_uploads([{"name": name, "content": _article(2)}])
    assert len(os.fsencode(result[0].name)) < 200
    again = save_uploads([{"name": name, "content": _article(3)}])
    assert again[0] == result[0]  # the same long name is the same file


def test_U03_a_readme_file_is_saved_where_the_loader_reads_it(folder):
    result = save_uploads([{"name": "README_notes.txt", "content": _article(4)}])
    assert result[0].name == "article_README_notes.txt"
    assert load_corpus(folder)["source_file"].tolist() == ["article_README_notes.txt"]


def test_U04_any_error_in_the_widget_is_a_plain_status_line(folder, monkeypatch):
    import helpers.display.widgets.upload as upload

    def broken(files):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(upload, "save_uploads", broken)
    status = upload_status([{"name": "a.txt", "content": b"x"}])
    assert status.startswith("✗ The upload failed: the disk went away")


def test_U05_a_batch_keeps_the_good_files_after_a_bad_one(folder):
    files = [{"name": "un.txt", "content": _article(5)},
             {"name": "photo.png", "content": b"\x89PNG"},
             {"name": "trop.txt", "content": b"x" * (MAX_BYTES + 1)},
             {"name": "cassé.txt", "content": None},
             {"name": "deux.txt", "content": _article(6)}]
    result = save_uploads(files)
    assert [p.name for p in result] == ["un.txt", "deux.txt"]
    lines = result.lines()
    assert lines[1].startswith("✗ photo.png: only") and lines[2].startswith("✗ trop.txt")
    assert lines[3].startswith("✗ cassé.txt")
    assert lines[4].startswith("✓ deux.txt")


def test_U06_the_same_file_uploaded_twice_replaces_the_first_and_says_so(folder):
    save_uploads([{"name": "crue.txt", "content": _article(7)}])
    result = save_uploads([{"name": "crue.txt", "content": _article(8)}])
    assert "replacing the file of the same name" in result.lines()[0]
    assert len(load_corpus(folder)) == 1
    assert (folder / "crue.txt").read_bytes() == _article(8)


def test_U07_the_same_text_under_another_name_is_flagged(folder):
    save_uploads([{"name": "a.txt", "content": ARTICLE}])
    result = save_uploads([{"name": "copie de a.txt", "content": ARTICLE}])
    assert "same content as a.txt" in result.lines()[0]
    with pytest.warns(UserWarning, match="same text"):
        load_corpus(folder)


@pytest.mark.parametrize("name", ["../../../etc/evil.txt", "C:\\Users\\x\\evil.txt",
                                  "évil\x00.txt", "\udcff\udcfe.txt", ".bashrc.txt", "....txt",
                                  "<img src=x onerror=alert(1)>.txt"],
                         ids=["traversal", "windows-path", "nul", "bad-bytes", "hidden",
                              "dots", "html"])
def test_U08_hostile_names_stay_in_the_folder_and_escaped(folder, name):
    status = upload_status([{"name": name, "content": _article(9)}])
    saved = list(folder.iterdir())
    visible = [p for p in saved if not p.name.startswith(".")]
    assert len(visible) == 1 and visible[0].parent == folder
    assert "<img" not in status and "\x00" not in status
    assert len(load_corpus(folder)) == 1
