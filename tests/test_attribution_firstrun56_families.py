"""The families of errors the fifth and sixth first-run evaluations (``tests/data/eval/firstrun5``
and ``firstrun6``) revealed, each tested on sentences written for these tests: other stories,
names and wording than the evaluations' articles, so that the rules are fixed for the
construction, not for its sentences. Read, like ``test_attribution_firstrun4_families.py``, with
a story folder that has no actor table."""

from __future__ import annotations

import pytest
from story_free import no_story_table, speaker, tags  # noqa: F401 (the fixture is autouse)

from helpers.claims.story_actors import story_actors
from helpers.claims.tagging import tag_claims

# ---------------------------------------------------------------- 1 titles are not part of a name


@pytest.mark.parametrize("text, expected", [
    ("« Nous ferons appel », a déclaré son avocat, Me Julien Ferrand.", "Julien Ferrand"),
    ("« Les urgences sont saturées », témoigne la Dre Inès Carpentier, urgentiste à Lorient.",
     "Inès Carpentier"),
    ("Le Dr Yann Le Goff, médecin de garde, assure que « personne n'a été refoulé ».",
     "Yann Le Goff"),
    ("Selon le Pr Hugo Delmas, chef du service de cardiologie, l'hôpital manque de lits.",
     "Hugo Delmas"),
    ("« Le diocèse accueillera les familles », a annoncé Mgr Bernard Vial.", "Bernard Vial"),
    ("M. Alain Perrot, gérant de la scierie, a dénoncé « un abandon de l'État ».", "Alain Perrot"),
    ("Mme Odile Brunet, directrice de l'école, affirme que les cours reprendront lundi.",
     "Odile Brunet"),
    ("« Nous n'avons reçu aucun courrier », a indiqué maître Paul Cazenave, avocat des riverains.",
     "Paul Cazenave"),
])
def test_a_title_is_not_part_of_the_name(text, expected):
    assert speaker(text) == expected


def test_a_titled_name_and_the_bare_name_are_one_actor():
    text = ("L'avocate des riverains, Me Sandrine Olivier, a déposé plainte mardi. « Le dossier "
            "est solide », a déclaré Sandrine Olivier.")
    claims = tag_claims(text)
    assert set(claims["speaker"]) - {""} == {"Sandrine Olivier"}
    names = set(story_actors(claims)["name"])
    assert "Sandrine Olivier" in names
    assert not any(n.startswith("Me ") for n in names)
