"""Attacks that hold only in part (README.md says so): what happens is pinned here, so that a
change to it is seen. In each case nothing is lost from disk: the version that loses is kept in
``versions/``; what the learner sees as current is not what they would expect."""

from __future__ import annotations

import importlib.util
import json
import shutil
import warnings
from pathlib import Path

from helpers import SEEDS_DIR
from helpers.core import workfiles, workspace
from helpers.sources.corpus import CorpusWarning, load_corpus


def _kept(key: str) -> list:
    return [json.loads(p.read_text()) for p in workspace.versions(key)]


def test_W26_two_stale_copies_in_one_kernel_the_last_save_wins_items_it_did_not_change():
    workspace.save("tags_02", {"s1": "a", "s2": "a"})
    widget = workspace.load("tags_02")  # a widget holds this copy
    by_hand = workspace.load("tags_02")
    by_hand["s1"] = "b"
    workspace.save("tags_02", by_hand)
    widget["s2"] = "c"
    workspace.save("tags_02", widget)  # its stale s1 looks like a change to this kernel
    assert workspace.load("tags_02") == {"s1": "a", "s2": "c"}
    assert {"s1": "b", "s2": "a"} in _kept("tags_02")


def _kernel():
    spec = importlib.util.spec_from_file_location("helpers._workspace_other",
                                                  Path(workspace.__file__))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.set_root(workspace.root())
    return module


def test_W27_two_kernels_changing_the_same_item_at_once_the_later_wins():
    workspace.save("answers", {"01.slip": {"answer": "x", "attempts": 1}})
    other = _kernel()
    mine, theirs = workspace.load("answers"), other.load("answers")
    mine["01.slip"] = {"answer": "mine", "attempts": 2}
    theirs["01.slip"] = {"answer": "theirs", "attempts": 2}
    workspace.save("answers", mine)
    other.save("answers", theirs)
    assert workspace.load("answers")["01.slip"]["answer"] == "theirs"  # one attempt not counted
    assert {"01.slip": {"answer": "mine", "attempts": 2}} in _kept("answers")


def test_W28_a_machine_whose_clock_runs_ahead_wins_the_merge(work_dir, tmp_path, capsys):
    workspace.save("grades", {"GUR": "B2"})
    workspace.set_root(tmp_path / "other_machine")
    workspace.save("grades", {"GUR": "C3"})
    workfiles.write_stamps(workspace.root(), "grades", {"GUR": "C3"},
                           {"GUR": "2099-01-01T00:00:00.000000Z"})
    ahead = workspace.export_zip(tmp_path / "ahead.zip")
    workspace.set_root(work_dir)
    workspace.save("grades", {"GUR": "A1"})  # really the newest
    workspace.import_zip(ahead)
    assert workspace.load("grades") == {"GUR": "C3"}
    assert {"GUR": "A1"} in _kept("grades")
    assert "replaced by the zip's newer version" in capsys.readouterr().out


def test_L18_an_html_page_with_one_and_a_half_million_characters_is_skipped_after_reading(
        tmp_path):
    # trafilatura reads the whole page before its text can be measured: about 2 s here, 10 s
    # for a 6 MB page (the largest accepted file is 10 MB)
    paragraph = "<p>Selon Kiev, 11 000 soldats nord-coréens sont arrivés à Koursk.</p>"
    (tmp_path / "page.html").write_text("<html><body>" + paragraph * 25_000 + "</body></html>")
    shutil.copy(sorted(SEEDS_DIR.glob("*.txt"))[0], tmp_path / "normal.txt")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(tmp_path)
    assert corpus["source_file"].tolist() == ["normal.txt"]
    assert any("page.html" in str(w.message) and "1,000,000" in str(w.message)
               for w in caught if issubclass(w.category, CorpusWarning))
