"""The families of errors the fifteenth and sixteenth first-run evaluations
(``tests/data/eval/firstrun15`` and ``firstrun16``) revealed, each tested on sentences written for
these tests: other stories, names and wording than the evaluations' articles. Read with a story
folder that has no actor table."""

from __future__ import annotations

import pytest
from story_free import no_story_table, speaker, tags  # noqa: F401 (the fixture is autouse)


def test_a_body_the_sentence_opens_with_before_on():
    text = ("Chez Transalp, l'un des principaux transporteurs du Grand-Ouest, on assure que les "
            "cars rouleront lundi.")
    assert speaker(text) == "Transalp"


def test_an_irregular_participle_opening_the_sentence():
    text = ("Venu mardi à Brest, le ministre des Transports, Luc Aubry, a promis que le pont "
            "serait rouvert en juin.")
    assert speaker(text) == "Luc Aubry"


def test_a_person_named_as_an_object_is_the_antecedent_of_a_description():
    text = ("Les riverains ont choisi un avocat, Me Paul Tessier. L'avocat n'exclut pas de "
            "saisir le tribunal.")
    assert speaker(text) == "Paul Tessier"


@pytest.mark.parametrize("text, expected", [
    ("La Protection civile salue au contraire une décision « sage ».", "Protection civile"),
    ("Au moins 30 % des puits seraient pollués, selon le collectif Eau sans pesticides.",
     "collectif Eau sans pesticides"),
])
def test_names_of_bodies(text, expected):
    assert speaker(text) == expected


def test_an_anonymous_source_cited_with_why_it_has_no_name():
    text = "Le site fermerait en mars, selon un négociant lyonnais qui a requis l'anonymat."
    assert speaker(text) == "négociant lyonnais"


def test_a_demonstrative_description_of_the_person_quoted():
    text = ("« On ne sait rien », lâche Karima, mère de trois enfants. « On attend depuis juin », "
            "soupire cette mère de famille.")
    assert speaker(text) == "Karima"


def test_a_general_noun_for_a_body():
    text = ("Le rectorat de Lille a confirmé la fermeture. Un car sera affrété dès lundi, a "
            "assuré l'institution.")
    assert speaker(text) == "rectorat de Lille"


@pytest.mark.parametrize("text", [
    "De nombreux éleveurs risquent de ne pas s'en relever.",
    "Ces inondations risquent de se multiplier, prévient Anne Roy, hydrologue.",
])
def test_risquer_de_past_a_negation_or_a_pronoun_is_a_hedge(text):
    assert tags(text).iloc[-1]["hedged"]
