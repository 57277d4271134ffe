"""Families of errors found in the test stories (``tests/data/stories/``: crue, manifestation),
tested on sentences written for these tests, read with a story folder that has no actor table.

* A figure's source when its sentence gives figures from several (the « bataille des chiffres »):
  each figure takes the source of its own part of the sentence, the sentence keeps one speaker.
* A bare *la préfecture* with none named before: the préfecture of the département the sentence
  or the article names.
"""

from __future__ import annotations

import pytest

from helpers.claims.tagging import tag_claims
from helpers.core.story import story_in_use
from helpers.figures.extract import extract_figures


@pytest.fixture(autouse=True)
def no_story_table(tmp_path):
    with story_in_use(tmp_path):
        yield tmp_path


def sources(text: str) -> dict[float, str]:
    """Each figure's value and its speaker."""
    found = extract_figures(text)
    return dict(zip(found["value"], found["speaker"], strict=True))


@pytest.mark.parametrize("text, expected", [
    ("À Lyon, 6 000 personnes ont défilé selon la police, 15 000 selon les organisateurs.",
     {6000: "police", 15000: "organisateurs"}),
    ("La FNSEA a revendiqué 800 tracteurs dans les rues, quand la préfecture en a compté 350.",
     {800: "FNSEA", 350: "préfecture"}),
    ("Le trafic a repris sur 70 % des lignes selon la SNCF, contre 40 % d'après les syndicats "
     "de cheminots.", {70: "SNCF", 40: "syndicats de cheminots"}),
])
def test_each_figure_takes_the_source_of_its_part(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("La préfecture a recensé 2 000 manifestants, les organisateurs 5 000.",
     {2000: "préfecture", 5000: "organisateurs"}),
    ("Le syndicat a annoncé 40 % de grévistes et la direction 18 %.",
     {40: "syndicat", 18: "direction"}),
])
def test_a_source_whose_verb_is_left_out(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize("text, speaker", [
    ("Selon la police, 6 000 personnes ont défilé, dont 2 000 à Lyon.", "police"),
    ("Quelque 300 foyers restaient sans courant, contre 9 000 la veille, selon Enedis.", "Enedis"),
])
def test_one_source_for_every_figure_of_its_sentence(text, speaker):
    assert set(sources(text).values()) == {speaker}
    assert tag_claims(text)["part_speakers"].tolist() == [[]]


def test_the_sentence_keeps_one_speaker_and_lists_its_parts():
    text = "Ils étaient 4 000 selon la police, 9 000 selon la CGT."
    row = tag_claims(text).iloc[0]
    assert row["speaker"] == "police"
    parts = [(text[a:b], name) for a, b, name in row["part_speakers"]]
    assert parts == [("Ils étaient 4 000 selon la police", "police"), ("9 000 selon la CGT", "CGT")]


# ----------------------------------------------------------------------------- la préfecture


def speaker(text: str) -> str:
    return tag_claims(text).iloc[-1]["speaker"]


@pytest.mark.parametrize("text, expected", [
    ("De violents orages ont frappé la Gironde lundi. Au moins 300 arbres sont tombés, selon la "
     "préfecture.", "préfecture de la Gironde"),
    ("À Grenoble, 3 000 personnes ont défilé selon la préfecture.", "préfecture de l'Isère"),
    # a préfecture named before for another place is not this one
    ("La préfecture du Var a recensé 40 blessés. À Lille, la préfecture a compté 2 000 "
     "manifestants.", "préfecture du Nord"),
    ("La préfecture du Var a recensé 40 blessés. La route reste coupée, selon la préfecture.",
     "préfecture du Var"),
])
def test_a_bare_prefecture_is_that_of_the_departement_named(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text", [
    "Des soldats venus de Corée du Nord ont été vus, selon la préfecture.",
    "Le village de Saint-Jean-du-Gard est inondé, a indiqué la préfecture.",
    "L'Olympique de Marseille a gagné. Le stade était plein, selon la préfecture.",
])
def test_a_place_inside_another_name_is_no_departement(text):
    assert speaker(text) == "préfecture"
