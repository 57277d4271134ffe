"""The families of errors the forty-third to forty-sixth first-run evaluations
(``tests/data/eval/firstrun43`` to ``firstrun46``) revealed, each tested on sentences written for
these tests: other stories, names and wording than the evaluations' articles. Read with a story
folder that has no actor table."""

from __future__ import annotations

from story_free import no_story_table, speaker, tags  # noqa: F401 (the fixture is autouse)

from helpers.claims.hedging import hedge_words
from helpers.core.nlp import parse


def test_an_imperfect_the_model_calls_a_conditional_is_no_hedge():
    assert hedge_words(parse("Jeudi soir, la route restait fermée aux camions.")[:]) == []
    assert hedge_words(parse("La route serait fermée jusqu'à lundi.")[:]) == ["serait"]


def test_members_after_a_contracted_article_speak_for_their_body():
    text = ("Le service départemental d'incendie et de secours du Gers (SDIS 32) est intervenu. "
            "Trente hommes ont été engagés, d'après un communiqué des pompiers gersois.")
    assert speaker(text) == "service départemental d'incendie et de secours du Gers"


def test_an_anonymous_source_without_the_participle_of_the_meeting():
    text = "Des commerçants interrogés mardi pensent que la mairie a tardé."
    assert speaker(text) == "commerçants"
