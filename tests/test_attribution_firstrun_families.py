"""The families of errors the first-run evaluation (``tests/data/eval/firstrun``) revealed, each
tested on sentences written for these tests: other stories, names and wording than the
evaluation's articles, so that the rules are fixed for the construction, not for its sentences.
Read, like ``test_attribution_families.py``, with a story folder that has no actor table."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.claims.tagging import tag_claims
from helpers.core.story import story_in_use


@pytest.fixture(autouse=True)
def no_story_table(tmp_path):
    with story_in_use(tmp_path):
        yield tmp_path


def tags(text: str) -> pd.DataFrame:
    return tag_claims(text)


def speaker(text: str) -> str:
    """The speaker of the last sentence of ``text`` (earlier sentences give context)."""
    return tags(text).iloc[-1]["speaker"]


# ----------------------------------------------------------------------------- 1 time phrases


@pytest.mark.parametrize("text, expected", [
    ("« Le port reste fermé », a assuré dimanche après-midi le directeur de la capitainerie, "
     "Paul Henry.", "Paul Henry"),
    ("« Les routes sont coupées », a expliqué vendredi vers 18 heures le commandant des "
     "pompiers, Yves Morin.", "Yves Morin"),
    ("« Nous restons mobilisés », a indiqué jeudi en fin de matinée le sous-préfet de Dax, "
     "Laurent Bressac.", "Laurent Bressac"),
    ("« La digue tiendra », a affirmé tard dans la soirée la présidente de la communauté de "
     "communes, Odile Marchand.", "Odile Marchand"),
    ("« Aucun blessé n'est à déplorer », a précisé peu avant midi le capitaine Hugo Ferrand.",
     "Hugo Ferrand"),
])
def test_a_time_phrase_between_the_verb_and_its_inverted_subject(text, expected):
    assert speaker(text) == expected


def test_selon_lui_after_an_inverted_subject_past_a_time_phrase():
    text = ("« Nous restons mobilisés », a indiqué samedi en début d'après-midi le sous-préfet de "
            "Dax, Laurent Bressac. Selon lui, 80 maisons ont été inondées.")
    assert list(tags(text)["speaker"]) == ["Laurent Bressac", "Laurent Bressac"]
