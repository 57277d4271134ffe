"""Shared test set-up: no test ever writes into a learner's real work/ folder."""

import pytest

from helpers import workspace


@pytest.fixture(autouse=True)
def work_dir(tmp_path, monkeypatch):
    """Every test saves into its own temporary work folder (returned for tests that look in it)."""
    monkeypatch.delenv(workspace.ENV_VAR, raising=False)
    folder = tmp_path / "work"
    workspace.set_root(folder)
    yield folder
    workspace.set_root(None)
