"""Shared test set-up: no test ever writes into a learner's real work/ folder."""

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
