"""The families of errors the ninth and tenth first-run evaluations (``tests/data/eval/firstrun9``
and ``firstrun10``) revealed, each tested on sentences written for these tests: other stories,
names and wording than the evaluations' articles. Read with a story folder that has no actor
table."""

from __future__ import annotations

import pytest
from story_free import no_story_table, speaker, tags  # noqa: F401 (the fixture is autouse)


@pytest.mark.parametrize("text, expected", [
    # a noun the lexicon does not know, its complement, then the name
    ("Pour le spécialiste du droit maritime Yves Carnot, l'armateur « joue la montre ».",
     "Yves Carnot"),
    ("Selon l'historienne de l'architecture Marion Vasseur-Lenoir, la façade date de 1760.",
     "Marion Vasseur-Lenoir"),
])
def test_a_description_then_a_name_is_the_person(text, expected):
    assert speaker(text) == expected


def test_a_body_named_after_its_description_keeps_the_whole_name_and_is_its_antecedent():
    text = ("Le coût dépasse 4 millions d'euros, selon un communiqué du gestionnaire du port, la "
            "Compagnie des bassins de l'Ouest (CBO). Les travaux dureront deux ans, a ajouté le "
            "gestionnaire.")
    rows = tags(text)
    assert list(rows["speaker"]) == ["Compagnie des bassins de l'Ouest"] * 2


@pytest.mark.parametrize("text", [
    "Joint par téléphone, le cabinet du préfet n'a pas souhaité commenter ces chiffres.",
    "Interrogée, la direction ne veut pas préciser le montant des indemnités.",
])
def test_who_declines_to_say_is_no_speaker(text):
    assert speaker(text) == ""


def test_an_anonymous_source_keeps_its_adjective_when_the_parse_breaks():
    text = "Le suspect a été interpellé lundi, a-t-on appris de sources concordantes."
    assert speaker(text) == "sources concordantes"


@pytest.mark.parametrize("text, expected", [
    # a public operator's noun
    ("La régie municipale des eaux de Lisieux a annoncé mardi que l'eau était de nouveau "
     "potable.", "régie municipale des eaux de Lisieux"),
    # a general noun for a local authority goes back to the council named before
    ("Le conseil régional de Bretagne versera 2 millions d'euros aux ports, a annoncé son "
     "président. Chaque port pourra recevoir 100 000 euros, précise la collectivité.",
     "conseil régional de Bretagne"),
])
def test_public_bodies_by_their_general_nouns(text, expected):
    assert speaker(text) == expected


def test_a_medium_whose_title_opens_with_an_article():
    text = "Le maire aurait démissionné, selon L'Éveil du Berry."
    assert speaker(text) == "Éveil du Berry"


def test_an_acronym_the_model_reads_as_a_pronoun_is_still_a_body():
    text = ("Le long de la rue de la Gare, 300 foyers ont été privés d'électricité pendant deux "
            "heures, a fait savoir Enedis.")
    assert speaker(text) == "Enedis"


def test_making_sure_is_not_saying():
    text = ("Près de 40 gendarmes ont fouillé le bois pour s'assurer que personne n'était blessé, "
            "a indiqué la préfecture de l'Orne.")
    row = tags(text).iloc[-1]
    assert row["speaker"] == "préfecture de l'Orne" and not row["hedged"]


def test_a_name_with_an_adverb_inside():
    text = ("« Nous l'avions signalé », a réagi l'association Abri d'urgence Gironde, qui "
            "défend les locataires.")
    assert speaker(text) == "association Abri d'urgence Gironde"
