"""Shared test set-up: no test ever writes into a learner's real work/ folder, and every test
starts with the course's story in use (a test that runs another story's folder leaves it)."""

import pandas as pd
import pytest

from helpers.core import workspace


@pytest.fixture(autouse=True)
def work_dir(tmp_path, monkeypatch):
    """Every test saves into its own temporary work folder (returned for tests that look in it)."""
    monkeypatch.delenv(workspace.ENV_VAR, raising=False)
    folder = tmp_path / "work"
    workspace.set_root(folder)
    yield folder
    workspace.set_root(None)


@pytest.fixture(autouse=True)
def course_story():
    """``run`` on a learner's folder makes that story the one in use (as in notebook 05): put
    the course's back after each test, and forget the actors found in other stories."""
    from helpers.core import actors
    from helpers.core.story import use_story

    use_story(None)
    yield
    use_story(None)
    actors._FOUND.clear()


@pytest.fixture
def three_claims() -> pd.DataFrame:
    """A small hand-made claims table: a hedged institutional claim, a sentence without a
    speaker, and an anonymous quoted source, in two articles."""
    return pd.DataFrame(
        {
            "article_id": ["000_a", "000_a", "003_b"],
            "sentence_id": [0, 1, 0],
            "sentence": ["Selon Kiev, 30 soldats.", "Le ciel est bleu.", "Une source proche."],
            "speaker": ["Ukraine", "", "source proche du dossier"],
            "speaker_kind": ["institution", "", "anonymous"],
            "quoted": [False, False, True],
            "hedged": [True, False, False],
            "hedges": [["Selon"], [], []],
        }
    )
