"""The families of errors the first-run evaluation (``tests/data/eval/firstrun``) revealed, each
tested on sentences written for these tests: other stories, names and wording than the
evaluation's articles, so that the rules are fixed for the construction, not for its sentences.
Read, like ``test_attribution_families.py``, with a story folder that has no actor table."""

from __future__ import annotations

import pytest
from story_free import no_story_table, speaker, tags  # noqa: F401 (the fixture is autouse)

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


# ----------------------------------------------------------------------------- 2 related roles


@pytest.mark.parametrize("text, expected", [
    ("Jeanne Martin, maire de Brive, a annoncé la fermeture des écoles. « Nous ne prendrons "
     "aucun risque », a expliqué l'élue.", "Jeanne Martin"),
    ("Le député du Doubs, Paul Garnier, a interpellé le gouvernement. « Les éleveurs sont à "
     "bout », a ajouté l'élu.", "Paul Garnier"),
    ("Le procureur de Lyon, Marc Dupré, a ouvert une enquête. « Rien n'est exclu », a insisté "
     "le magistrat.", "Marc Dupré"),
    ("La juge d'instruction Marie Lenoir a entendu les témoins. « Le dossier avance », a "
     "précisé la magistrate.", "Marie Lenoir"),
    ("« Nous tiendrons », a déclaré le colonel Bruno Vial, commandant du groupement. Le "
     "convoi partira à l'aube, a ajouté l'officier.", "Bruno Vial"),
])
def test_a_general_role_goes_back_to_the_person_named_in_a_role_it_covers(text, expected):
    assert speaker(text) == expected


def test_a_general_role_keeps_the_gender_of_its_article():
    text = ("La sénatrice de la Corrèze, Lise Roux, a ouvert la réunion. Le maire de Tulle, Henri "
            "Vidal, a ensuite pris la parole. « Il faut des moyens », a insisté l'élue.")
    assert speaker(text) == "Lise Roux"


def test_a_quotation_over_two_sentences_attributed_to_a_general_role():
    text = ("Le procureur de Nîmes, Alain Roche, a ouvert une enquête.\n\n« Nous irons jusqu'au "
            "bout. Les auteurs seront retrouvés », a martelé le magistrat.")
    assert list(tags(text)["speaker"])[-2:] == ["Alain Roche", "Alain Roche"]


# ----------------------------------------------------------------------------- 3 plural bodies


@pytest.mark.parametrize("text, expected", [
    ("Les douanes françaises annoncent avoir intercepté 800 kilos de tabac.", "douanes françaises"),
    ("Les douanes revendiquent 30 % de saisies supplémentaires cette année.", "douanes"),
    ("Les hôpitaux de la région signalent une hausse de 30 % des admissions.",
     "hôpitaux de la région"),
    ("Les urgences ont enregistré 400 passages dans la nuit.", "urgences"),
])
def test_plural_bodies_are_subjects_of_reporting_verbs(text, expected):
    row = tags(text).iloc[-1]
    assert (row["speaker"], row["speaker_kind"]) == (expected, "institution")


def test_every_body_the_affiliation_lexicon_knows_can_speak():
    """A word ``affiliation_words.csv`` reads as a body or a role (``douanes``) is one for the
    attribution rules too (metonyms and phrases are the actor lexicon's)."""
    from helpers.claims.attribution.lexicon import DATA_DIR, _words
    from helpers.core.datafiles import read_rows

    classes = _words()[0]
    speaking = classes["institution_head"] | classes["role_head"]
    words = {r["word"] for r in read_rows(DATA_DIR / "affiliation_words.csv")}
    missing = {w for w in words if " " not in w and "'" not in w and w not in speaking}
    assert missing <= {"élysée", "matignon", "état"}, missing


# ----------------------------------------------------------------------------- 4 bodies named


@pytest.mark.parametrize("text, expected", [
    ("Deux routes restent coupées, selon le groupement de gendarmerie de l'Isère.",
     "groupement de gendarmerie de l'Isère"),
    ("Deux routes restent coupées, selon la brigade de gendarmerie de Lannion.",
     "brigade de gendarmerie de Lannion"),
    # a unit the lexicon does not list, named after its body
    ("Deux suspects ont été interpellés, selon la section de recherches de la gendarmerie.",
     "section de recherches de la gendarmerie"),
])
def test_a_unit_of_a_body_is_a_body(text, expected):
    row = tags(text).iloc[-1]
    assert (row["speaker"], row["speaker_kind"]) == (expected, "institution")


@pytest.mark.parametrize("text, expected", [
    ("La préfecture a ouvert un gymnase. Près de 4.000 abonnés restent privés d'eau, contre "
     "9.000 la veille, selon l'exploitant du réseau, Aquavia.", "Aquavia"),
    ("Le SDIS a engagé 80 pompiers. Quelque 12.000 foyers restent sans courant, selon le "
     "distributeur, Enedis.", "Enedis"),
    ("La mairie a fermé le parc. Les trains circulent à nouveau, a indiqué l'opérateur "
     "ferroviaire, la SNCF.", "SNCF"),
])
def test_a_generic_body_named_in_apposition_is_that_body(text, expected):
    assert speaker(text) == expected


# ----------------------------------------------------------------------------- 5 fuller names


@pytest.mark.parametrize("text, expected", [
    ("Le parquet de Brest a ouvert une enquête. Selon les chiffres du parquet, 30 personnes ont "
     "été interpellées.", "parquet de Brest"),
    ("Le rectorat de Nantes a fermé 40 écoles. Selon les données du rectorat, 12 000 élèves "
     "sont concernés.", "rectorat de Nantes"),
    ("La préfecture de la Somme a recensé 40 sinistrés. D'après le bilan de la préfecture, 12 "
     "maisons sont détruites.", "préfecture de la Somme"),
])
def test_a_bare_body_after_du_is_the_body_named_before(text, expected):
    assert speaker(text) == expected


# ----------------------------------------------------------------------------- 6 not hedges


@pytest.mark.parametrize("text", [
    "Les deux hommes devaient être jugés en comparution immédiate lundi.",
    "Le prévenu a été présenté à un juge en vue d'une éventuelle mise en examen.",
    "Les secours recherchent d'éventuelles victimes sous les décombres.",
])
def test_what_is_scheduled_or_possible_is_not_a_hedge(text):
    row = tags(text).iloc[-1]
    assert not row["hedged"], row["hedges"]


@pytest.mark.parametrize("text", [
    "Le suspect aurait été payé 5 000 euros.",
    "La digue pourrait éventuellement céder.",
])
def test_the_conditional_and_eventuellement_still_hedge(text):
    assert tags(text).iloc[-1]["hedged"]
