"""Shared by the attribution family tests: sentences read with a story folder that has no actor
table (the rules' own knowledge, not the course's corrections), and the speaker they give."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.claims.tagging import tag_claims
from helpers.core.story import story_in_use


@pytest.fixture(autouse=True)
def no_story_table(tmp_path):
    """Import into a test module to read every test's sentences as a story with no actors.csv."""
    with story_in_use(tmp_path):
        yield tmp_path


def tags(text: str) -> pd.DataFrame:
    return tag_claims(text)


def speaker(text: str) -> str:
    """The speaker of the last sentence of ``text`` (earlier sentences give context)."""
    return tags(text).iloc[-1]["speaker"]
