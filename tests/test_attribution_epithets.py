"""A plain definite description that names someone already in the story anew (the *reprise* of
French news writing: ``Karine Lebon, vétérinaire… La spécialiste affirme``), resolved by
:mod:`helpers.claims.attribution.epithets`. Sentences written for these tests, read with a story
folder that has no actor table."""

from __future__ import annotations

import pytest
from story_free import no_story_table, speaker  # noqa: F401 (the fixture is autouse)

from helpers.claims.attribution.epithets import WINDOW


@pytest.mark.parametrize("text, expected", [
    # a person described by a noun of the same kind as her role, not the same noun
    ("Karine Lebon, vétérinaire à Tulle, a alerté la préfecture. La spécialiste affirme que 40 "
     "bêtes sont mortes.", "Karine Lebon"),
    ("« La nappe a baissé de deux mètres », explique Marc Duval, chercheur au BRGM. Le "
     "scientifique assure que la situation est « inédite ».", "Marc Duval"),
    ("« Nous n'avons rien vu venir », témoigne Sophie Caron, gérante d'un camping à Sète. La "
     "commerçante affirme avoir perdu 40 % de son chiffre d'affaires.", "Sophie Caron"),
    ("Interrogée par Ouest-France, Léa Gourvennec, infirmière aux urgences de Morlaix, raconte "
     "des nuits « sans fin ». La soignante affirme que 30 patients attendaient sur des "
     "brancards.", "Léa Gourvennec"),
    # a role the person was not named with
    ("Jean Morel, le directeur de l'usine, a annoncé 80 licenciements. Le patron assure que "
     "« rien n'est joué ».", "Jean Morel"),
])
def test_a_person_described_anew_is_the_person_named_before(text, expected):
    assert speaker(text) == expected


def test_a_company_described_by_its_trade_is_the_company():
    text = ("Le groupe Solvena a confirmé mardi la fermeture de son site de Vierzon. Le chimiste "
            "assure que 120 salariés seront reclassés.")
    assert speaker(text) == "Solvena"


def test_the_article_agrees_with_the_person():
    text = ("Paul Ribes, maire de Vals, a demandé une enquête. Anne Vidal, pharmacienne du "
            "village, dit avoir vu « une file de 50 personnes ». La commerçante affirme que les "
            "stocks sont vides.")
    assert speaker(text) == "Anne Vidal"


def test_a_description_far_from_anyone_stays_as_written():
    far = " ".join(["La pluie est tombée toute la nuit."] * (WINDOW + 1))
    text = (f"Karine Lebon, vétérinaire à Tulle, a alerté la préfecture. {far} La spécialiste "
            "affirme que 40 bêtes sont mortes.")
    assert speaker(text) != "Karine Lebon"


@pytest.mark.parametrize("text, unwanted", [
    # a thing is no description of a speaker, even before a verb of appearance
    ("« Le feu progresse vers le nord », a expliqué Marc Oliveri, commandant des pompiers. Le "
     "vent semblait faiblir en fin de journée.", "Marc Oliveri"),
    # a noun that names a body of its own is not the body quoted before
    ("La CGT a dénoncé une « provocation ». Selon la police, 3 000 personnes ont défilé.", "CGT"),
    ("Le porte-parole du gouvernement japonais, Ken Sato, a condamné l'essai. Le tir représente "
     "« une menace », a souligné la présidence sud-coréenne.", "Ken Sato"),
])
def test_no_description_where_the_noun_does_not_describe_the_one_before(text, unwanted):
    assert speaker(text) != unwanted


def test_a_plural_subject_is_not_the_antecedent_of_a_singular_description():
    text = ("Les urgences de Ploërmel fermeront la nuit, a annoncé l'agence régionale de santé. "
            "Les urgences avaient connu 23 fermetures, d'après l'organisme.")
    assert speaker(text) != "urgences de Ploërmel"

