"""The families of errors the second first-run evaluation (``tests/data/eval/firstrun2``)
revealed, each tested on sentences written for these tests: other stories, names and wording
than the evaluation's articles, so that the rules are fixed for the construction, not for its
sentences. Read, like ``test_attribution_firstrun_families.py``, with a story folder that has no
actor table."""

from __future__ import annotations

import pytest
from story_free import no_story_table, speaker, tags  # noqa: F401 (the fixture is autouse)

# ----------------------------------------------------------------------------- 1 addresses


@pytest.mark.parametrize("text, expected", [
    ("L'avenue de Ségur a annoncé 20 millions d'euros pour les urgences.",
     "ministère de la Santé"),
    ("Selon la rue de Valois, la fréquentation des musées a baissé de 8 %.",
     "ministère de la Culture"),
    ("La rue de Varenne a annoncé une aide de 200 euros par hectare.",
     "ministère de l'Agriculture"),
    ("L'hôtel de Brienne a confirmé l'envoi de deux frégates.", "ministère des Armées"),
    ("L'hôtel de Roquelaure a annoncé un plan pour les rivières.",
     "ministère de la Transition écologique"),
    ("La rue de Grenelle a promis 3 000 postes d'enseignants.",
     "ministère de l'Éducation nationale"),
])
def test_a_ministry_named_by_its_address_is_the_ministry(text, expected):
    row = tags(text).iloc[-1]
    assert (row["speaker"], row["speaker_kind"]) == (expected, "institution")


@pytest.mark.parametrize("text, expected", [
    ("Rue de Valois, on indique que le festival aura bien lieu.", "ministère de la Culture"),
    ("Place Beauvau, on affirme que 4 000 policiers seront mobilisés.",
     "ministère de l'Intérieur"),
    ("Avenue de Ségur, on reconnaît que la pénurie durera jusqu'en mars.",
     "ministère de la Santé"),
    ("Côté Bercy, on estime que le déficit sera tenu.", "ministère de l'Économie"),
])
def test_a_fronted_address_before_impersonal_on_is_the_ministry(text, expected):
    assert speaker(text) == expected


def test_a_country_or_a_bare_place_before_on_is_not_read_as_a_metonym():
    # "Hier, on…": no body opens the sentence
    assert speaker("Hier, on annonçait encore 300 évacués.") == ""


# ----------------------------------------------------------------------------- 2 same source


PREVIOUS = "La digue a cédé dans la nuit, a indiqué la préfecture du Gard. "


@pytest.mark.parametrize("text", [
    PREVIOUS + "Aucun blessé n'est à déplorer, a-t-on appris de même source.",
    PREVIOUS + "Trois maisons ont été évacuées, apprend-on de même source.",
    PREVIOUS + "Deux routes restent coupées, précise-t-on de même source.",
    PREVIOUS + "Deux routes restent coupées, de même source.",
    PREVIOUS + "De même source, on indique que deux routes restent coupées.",
    PREVIOUS + "Deux routes restent coupées, selon la même source.",
    PREVIOUS + "Toujours selon la même source, deux routes restent coupées.",
    PREVIOUS + "Deux routes restent coupées, d'après la même source.",
    PREVIOUS + "Deux routes restent coupées, a ajouté cette même source.",
])
def test_de_meme_source_is_the_source_before(text):
    assert speaker(text) == "préfecture du Gard"


def test_de_meme_source_with_no_source_before_names_nobody():
    assert speaker("Aucun blessé n'est à déplorer, a-t-on appris de même source.") == ""


# ----------------------------------------------------------------------------- 3 documents


@pytest.mark.parametrize("document", [
    "les premières analyses", "les résultats", "les conclusions", "les relevés", "les données",
    "les chiffres", "le bilan", "le rapport", "une étude", "une enquête", "une note",
    "un communiqué",
])
def test_a_document_is_its_author_named_after_de(document):
    text = f"D'après {document} du laboratoire vétérinaire de la Manche, le lait est contaminé."
    row = tags(text).iloc[-1]
    assert (row["speaker"], row["speaker_kind"]) == (
        "laboratoire vétérinaire de la Manche", "institution")


@pytest.mark.parametrize("text, expected", [
    ("Selon le rapport de la chambre régionale des comptes, la dette a doublé.",
     "chambre régionale des comptes"),
    ("Selon une enquête de l'inspection du travail, 12 salariés étaient exposés.",
     "inspection du travail"),
    ("Selon les premières conclusions des enquêteurs, le feu est accidentel.", "enquêteurs"),
])
def test_bodies_that_write_documents(text, expected):
    assert speaker(text) == expected


def test_what_is_counted_is_not_an_author():
    assert speaker("Selon les résultats de l'élection, le maire sortant est réélu.") == ""


# ----------------------------------------------------------------------------- 4 consulted


@pytest.mark.parametrize("text, expected", [
    ("Selon un rapport de l'inspection générale des affaires sociales, consulté par Le Monde, "
     "30 % des lits sont fermés.", "inspection générale des affaires sociales"),
    ("Selon une note de la DGSI que s'est procurée franceinfo, 40 menaces ont été recensées.",
     "DGSI"),
    ("D'après une étude de l'Inserm obtenue par Le Parisien, 12 % des enfants sont concernés.",
     "Inserm"),
])
def test_a_medium_that_read_a_document_is_not_its_author(text, expected):
    assert speaker(text) == expected


def test_a_document_a_medium_read_without_an_author_named_has_no_speaker():
    text = ("La mairie a fermé la piscine. Selon le rapport d'expertise, consulté par "
            "Ouest-France, le toit menaçait de s'effondrer.")
    assert speaker(text) == ""


@pytest.mark.parametrize("text, expected", [
    ("Le rapport, consulté par l'AFP, indique que 30 % des lits sont fermés.", ""),
    ("La Cour des comptes a publié un rapport mardi. Le rapport, consulté par l'AFP, indique "
     "que 30 % des lits sont fermés.", "Cour des comptes"),
    ("Un rapport de la Cour des comptes, que franceinfo a pu consulter, pointe 30 % de lits "
     "fermés.", "Cour des comptes"),
])
def test_a_document_read_by_a_medium_as_the_subject(text, expected):
    assert speaker(text) == expected


def test_a_document_of_a_kind_is_by_the_body_given_that_kind_before():
    """``une expertise du bureau Veritas… le rapport d'expertise``: the same noun, its author
    named with it before."""
    text = ("La mairie a fermé la piscine après une expertise du bureau Veritas. Selon le rapport "
            "d'expertise, consulté par Ouest-France, le toit menaçait de s'effondrer.")
    assert speaker(text) == "bureau Veritas"


# ----------------------------------------------------------------------------- 5 ministère public


@pytest.mark.parametrize("text", [
    "Le parquet de Rennes, dont le pôle financier est saisi, a ouvert une enquête, a-t-on appris "
    "auprès du ministère public.",
    "Le parquet de Rennes a ouvert une enquête. Selon le ministère public, deux suspects sont en "
    "fuite.",
    "Le parquet de Rennes a ouvert une enquête. Deux suspects sont en fuite, a indiqué le "
    "ministère public.",
])
def test_le_ministere_public_is_the_parquet_named_before(text):
    assert speaker(text) == "parquet de Rennes"


@pytest.mark.parametrize("text, expected", [
    ("Le parquet de Paris a indiqué que deux suspects sont en fuite.", "parquet de Paris"),
    ("Le tribunal de Madrid a confirmé la condamnation.", "tribunal de Madrid"),
    ("La mairie de Rome a annoncé la fermeture du Colisée.", "mairie de Rome"),
    ("Le parquet de Paris s'est saisi de l'enquête, a-t-on appris auprès du ministère public.",
     "parquet de Paris"),
])
def test_a_body_seated_in_a_capital_is_not_the_government(text, expected):
    """The capital in ``le parquet de Paris`` names where the parquet sits: it was read as the
    government Paris stands for (France), and ``le ministère public`` could not find it."""
    assert speaker(text) == expected


def test_the_regime_of_a_capital_is_still_the_government():
    assert speaker("Le régime de Pyongyang a démenti l'information.") == "Corée du Nord"


def test_le_ministere_public_with_no_parquet_before_is_as_written():
    assert speaker("Selon le ministère public, deux suspects sont en fuite.") == "ministère public"


# ----------------------------------------------------------------------------- 6 addressees


@pytest.mark.parametrize("text", [
    "Le club a signalé les faits à la Ligue de football professionnel (LFP), comme l'exige le "
    "règlement.",
    "L'usine a déclaré la fuite à la préfecture du Rhône, comme l'impose la réglementation.",
    "Le maire a transmis le dossier aux pompiers, ainsi que le prévoit la loi.",
])
def test_whom_a_body_told_as_a_rule_requires_is_not_a_speaker(text):
    """``comme l'exige la réglementation``: the subject of a clause of comparison comes after
    its verb; a rule speaks for nobody, and the body told before it is not its subject."""
    assert speaker(text) == ""


def test_a_clause_of_comparison_with_a_speaker_after_its_verb():
    text = "Les écoles fermeront lundi, comme l'a annoncé le ministre de l'Éducation, Paul Morel."
    assert speaker(text) == "Paul Morel"


@pytest.mark.parametrize("text, expected", [
    ("Les familles ont été informées, a indiqué la mairie de Vannes à l'AFP.", "mairie de Vannes"),
    ("Les familles ont été informées, a indiqué la mairie de Vannes aux journalistes.",
     "mairie de Vannes"),
    ("Les familles ont été informées, a précisé le préfet du Morbihan à la presse locale.",
     "préfet du Morbihan"),
    ("Le gymnase restera ouvert, a expliqué le président du SDIS au Télégramme.",
     "président du SDIS"),
])
def test_the_medium_told_after_the_speaker_is_not_part_of_the_speaker(text, expected):
    row = tags(text).iloc[-1]
    assert row["speaker"] == expected


def test_a_place_after_a_role_stays_part_of_it():
    assert speaker("L'ambassadeur de France à Bakou a démenti l'information.") == (
        "ambassadeur de France à Bakou")


def test_a_name_in_brackets_belongs_to_the_phrase_before_it():
    """Looking left of a verb for its subject, ``à la Ligue… (LFP)`` is one complement: the
    bracketed acronym is no subject."""
    from helpers.claims.attribution import build_context
    from helpers.claims.attribution.subjects import _before_verb
    from helpers.core.nlp import parse

    doc = parse("Le club a signalé les faits à la Ligue de football professionnel (LFP), "
                "comme l'exige le règlement.")
    ctx = build_context(doc)
    verb = next(t.i for t in doc if t.lower_ == "exige")
    j = _before_verb(ctx, verb - 1, 0)
    assert j is None or doc[j].text not in {"LFP", "Ligue"}, doc[j].text


# ----------------------------------------------------------------------------- 7 named groups


CONTEXT = "La CGT dénonce « un scandale » dans la gestion du réseau. "


@pytest.mark.parametrize("name", ["DarkOrbit", "Vortex", "NovaCrew"])
def test_a_group_with_a_made_up_name_is_the_subject_not_the_body_quoted_before(name):
    """The model tags some made-up names as auxiliaries (``LockNova a``): the name stays in the
    subject, and ``le groupe de pirates`` named is not *any body quoted before*."""
    text = (CONTEXT + f"Jeudi, le groupe de pirates {name} a revendiqué l'attaque sur son site. "
            f"Dans sa revendication, il affirme avoir volé 300 000 fichiers.")
    rows = tags(text)
    assert list(rows["speaker"])[-2:] == [f"groupe de pirates {name}"] * 2


def test_a_group_described_but_not_named_is_not_the_body_quoted_before():
    text = CONTEXT + "Un groupe de pirates a revendiqué l'attaque. Le groupe de pirates affirme " \
        "avoir volé 300 000 fichiers."
    assert speaker(text) != "CGT"


def test_a_name_after_a_body_noun_takes_the_gender_of_its_article():
    """``le collectif Bastion``: the name's morphology is the model's guess (feminine here); the
    article says masculine, so a later *il* is the collectif."""
    text = (CONTEXT + "Le collectif Bastion a revendiqué l'incendie. Il affirme avoir agi "
            "seul.")
    assert list(tags(text)["speaker"])[-2:] == ["Bastion", "Bastion"]


def test_a_bare_body_still_points_back_to_the_body_quoted_before():
    text = ("La SNCF a annoncé la reprise du trafic. Selon l'entreprise, 80 % des trains "
            "circuleront lundi.")
    assert speaker(text) == "SNCF"


# ----------------------------------------------------------------------------- 8 penser à


@pytest.mark.parametrize("text", [
    "« Quand j'ai vu la fumée, j'ai pensé à mes voisins », raconte Paul Henry.",
    "« On pense aux familles des victimes », a déclaré le maire de Lorient, Yves Morin.",
    "La direction pense à réorganiser le service.",
])
def test_penser_a_is_to_think_of_not_a_hedge(text):
    row = tags(text).iloc[-1]
    assert not row["hedged"], row["hedges"]


@pytest.mark.parametrize("text", [
    "Le maire pense que la digue tiendra.",
    "Les enquêteurs pensent avoir identifié le suspect.",
    "« La digue tiendra, je pense », a déclaré le maire.",
    "Le préfet croit à une reprise rapide du trafic.",
])
def test_a_belief_still_hedges(text):
    assert tags(text).iloc[-1]["hedged"]
