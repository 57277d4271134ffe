"""The learner's own articles: where they go, safe names, never overwritten."""

import pytest

from helpers import SEEDS_DIR
from helpers.sources.uploads import choose_folder, safe_name, save_uploads


@pytest.fixture
def folder(tmp_path, monkeypatch):
    target = tmp_path / "my_articles"
    monkeypatch.setenv("KURSK_MY_ARTICLES", str(target))
    return target


def test_no_articles_means_the_seeds_with_a_message(folder, capsys):
    assert choose_folder() == SEEDS_DIR
    assert "No articles in" in capsys.readouterr().out


def test_uploaded_files_are_saved_safely_and_then_used(folder, capsys):
    files = [{"name": "../../Mon article é.txt", "content": b"Titre\n\nTexte."},
             {"name": "Mon article e.txt", "content": b"autre"}]
    saved = save_uploads(files)
    # two names that give the same safe name: two files, never one over the other
    assert [p.name for p in saved] == ["Mon_article_e.txt", "Mon_article_e-2.txt"]
    assert all(p.parent == folder for p in saved)
    assert choose_folder() == folder
    assert "Using your 2 article(s)" in capsys.readouterr().out


def test_the_same_file_uploaded_again_replaces_the_first_and_says_so(folder):
    save_uploads([{"name": "crue.txt", "content": b"Titre\n\nPremier jet."}])
    again = save_uploads([{"name": "crue.txt", "content": b"Titre\n\nVersion corrigee."}])
    assert [p.name for p in again] == ["crue.txt"]
    assert "replacing the file of the same name" in again.lines()[0]
    assert (folder / "crue.txt").read_bytes().endswith(b"corrigee.")
    kept = list((folder / ".replaced").iterdir())  # the first version is kept, out of the way
    assert len(kept) == 1 and kept[0].read_bytes().endswith(b"Premier jet.")
    same = save_uploads([{"name": "crue.txt", "content": b"Titre\n\nVersion corrigee."}])
    assert "nothing changed" in same.lines()[0]


@pytest.mark.parametrize("name", ["photo.png", "script.py", "archive.zip"])
def test_other_files_are_refused_with_the_reason(name):
    with pytest.raises(ValueError, match="can be analysed"):
        safe_name(name)


def test_own_investigation_is_saved_apart_and_not_nested_twice(tmp_path, capsys):
    from helpers.core import workspace
    from helpers.sources.uploads import use_own_workspace

    workspace.set_root(tmp_path / "work")
    try:
        first = use_own_workspace()
        assert first == tmp_path / "work" / "my_investigation"
        assert use_own_workspace() == first
        assert "my_investigation/" in capsys.readouterr().out
    finally:
        workspace.set_root(None)
