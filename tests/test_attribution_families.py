"""Attribution on French news in general (issue 13): one test per rule family, on sentences
written for these tests (not copied from the evaluation set), read with a story folder that has
no actor table of its own: what the rules know comes from the text and the French news
lexicon, never from the course's story."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.claims.attribution import quote_mask
from helpers.claims.tagging import tag_claims
from helpers.core.nlp import parse
from helpers.core.story import story_in_use


@pytest.fixture(autouse=True)
def no_story_table(tmp_path):
    """A story folder without actors.csv: the course's table is out of the way."""
    with story_in_use(tmp_path):
        yield tmp_path


def last(text: str) -> pd.Series:
    """The tags of the last sentence of ``text`` (earlier sentences give context)."""
    return tag_claims(text).iloc[-1]


def speaker(text: str) -> str:
    return last(text)["speaker"]


# ----------------------------------------------------------------------------- 1 institutions


@pytest.mark.parametrize("text, expected, kind", [
    ("La préfecture de la Gironde a recensé 3 200 sinistrés.", "préfecture de la Gironde",
     "institution"),
    ("Les syndicats revendiquent 80 000 manifestants à Lyon.", "syndicats", "institution"),
    ("L'Insee observe une hausse des prix de 2 % sur un an.", "Insee", "institution"),
    ("Le cabinet Ipsum, mandaté par plusieurs journaux, a compté 12 000 participants.",
     "cabinet Ipsum", "institution"),
    ("La Croix-Rouge a dénombré 450 familles sans abri.", "Croix-Rouge française", "institution"),
    ("Les pompiers ont comptabilisé 230 interventions dans la nuit.", "pompiers", "institution"),
])
def test_institutions_and_collectives_are_subjects(text, expected, kind):
    row = last(text)
    assert (row["speaker"], row["speaker_kind"]) == (expected, kind)


@pytest.mark.parametrize("text, expected", [
    ("La Place Beauvau a fait état de 120 interpellations.", "ministère de l'Intérieur"),
    ("Selon Matignon, le projet sera présenté en juin.", "services du Premier ministre"),
    ("Le Quai d'Orsay a dénoncé une décision « inacceptable ».",
     "ministère de l'Europe et des Affaires étrangères"),
    ("Bercy chiffre le coût de la mesure à deux milliards d'euros.", "ministère de l'Économie"),
    ("L'Élysée a démenti toute réunion secrète.", "présidence de la République"),
    ("Berlin a averti que les sanctions resteraient en place.", "Allemagne"),
    ("À Bercy, on relativise la baisse des recettes.", "ministère de l'Économie"),
])
def test_metonyms_name_the_body(text, expected):
    assert speaker(text) == expected


# ----------------------------------------------------------------------------- 2 reporting verbs


@pytest.mark.parametrize("text", [
    "Le ministère a dévoilé une hausse de 4 % des cambriolages.",
    "La CFDT en revendique 20 000 dans la région.",
    "Le gestionnaire du réseau fait état de 9 000 foyers privés de courant.",
    "La Sécurité sociale observe une baisse des arrêts maladie.",
    "La gendarmerie a recensé 14 accidents sur l'autoroute.",
    "La police en a compté 6 500 dans le cortège.",
    "Les secours ont comptabilisé une trentaine de blessés.",
    "L'assureur chiffre les dégâts à 40 millions d'euros.",
    "La fédération évalue à 2 000 le nombre d'emplois menacés.",
    "Le collectif avance le chiffre de 3 000 participants.",
    "La préfecture a livré un premier bilan de quatre morts.",
    "Le service météorologique a relevé 180 mm de pluie à Nîmes.",
    "La mairie a prévenu que les écoles resteraient fermées.",
    "Le syndicat a mis en garde contre « une rentrée explosive ».",
    "L'ONG décrit des camps « surpeuplés ».",
    "L'association dénonce un « abandon » des sinistrés.",
    "Le gouvernement conteste ces chiffres.",
    "Le porte-parole de l'armée a démenti toute frappe sur la ville.",
    "L'Unicef s'alarme de la situation des enfants.",
    "Les organisateurs attendent 40 000 personnes samedi.",
])
def test_reporting_verbs_beyond_the_old_list(text):
    row = last(text)
    assert row["speaker"] and row["cue"], row["sentence"]


@pytest.mark.parametrize("text", [
    "L'armée avance de dix kilomètres vers le nord.",
    "L'ambassade compte une trentaine d'agents.",
    "Le groupe a livré 50 camions au port.",
    "Le club a lancé une campagne d'abonnements.",
    "Les données recensent les inscrits, qu'ils cherchent ou non un emploi.",
    "La hausse des prix se confirme en France.",
])
def test_verbs_that_do_not_report_here(text):
    assert speaker(text) == ""


def test_one_lexicon_of_reporting_verbs():
    from helpers.claims.attribution.lexicon import (
        dating_verbs,
        reporting_verbs,
        verb_needs,
        verb_phrases,
    )

    verbs = reporting_verbs()
    assert {"dévoiler", "faire état", "mettre en garde", "comptabiliser", "alarmer"} <= set(verbs)
    assert set(verb_needs().values()) <= {"clause", "figure", "measure", "count", "quote", "à",
                                          "on", "claim", "incise", "reason", "active", "forecast"}
    assert (["état"], "faire état") in verb_phrases()["faire"]
    assert "lancer" not in dating_verbs() and "déclarer" in dating_verbs()


# ----------------------------------------------------------------------------- 3 numbers


@pytest.mark.parametrize("text, expected", [
    ("Au moins six personnes sont mortes, a annoncé la mairie.", "mairie"),
    ("L'association, créée après la crue de 2003 qui avait fait 12 morts, dénonce un manque de "
     "moyens.", "association"),
    ("Trois cents personnes ont été évacuées, a précisé la préfecture.", "préfecture"),
    ("Plus de 200 écoles sont fermées, selon le rectorat.", "rectorat"),
])
def test_a_number_is_never_a_speaker(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("La Ligue contre le cancer a dénoncé une « pénurie » de médicaments.",
     "Ligue contre le cancer"),
    ("Le président sud-coréen, Lee Jun, a parlé mardi. Le président ukrainien a estimé que la "
     "guerre durerait.", "président ukrainien"),
    ("L'OTAN, par l'intermédiaire de son secrétaire général, Jens Olsen, a déclaré que l'alliance "
     "restait unie.", "Jens Olsen"),
])
def test_names_of_bodies_and_people_around_roles(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("« Il faudra rester prudent », indique le prévisionniste Paul Berger.", "Paul Berger"),
    ("« On manque de bras », résume une infirmière.", "infirmière"),
    ("La mairie a ouvert un gymnase, a fait savoir son directeur de cabinet.",
     "directeur de cabinet"),
    ("Le commandant des opérations de secours évoque « une nuit difficile ».",
     "commandant des opérations de secours"),
    ("Le syndicat Sud Santé dénonce des fermetures. Selon ses calculs, 4 300 lits ont été "
     "supprimés.", "syndicat Sud Santé"),
    ("Plus de 3 000 hectares ont brûlé, selon le dernier point de situation de la préfecture.",
     "préfecture"),
    ("La présidente de la banque, Clara Viel, a parlé jeudi. Elle a laissé entendre qu'une "
     "baisse était possible.", "Clara Viel"),
])
def test_more_french_news_constructions(text, expected):
    assert speaker(text) == expected


def test_a_numbered_body_keeps_its_number():
    assert speaker("Le SDIS 13 a comptabilisé 400 interventions.") == "SDIS 13"


# ----------------------------------------------------------------------------- 4 roles


@pytest.mark.parametrize("text, expected", [
    ("Le chef du gouvernement a indiqué que le texte serait voté.", "chef du gouvernement"),
    ("Le maire de Brest, Paul Guen, a annoncé la fermeture des écoles.", "Paul Guen"),
    ("Paul Guen, maire de Brest, a annoncé la fermeture des écoles.", "Paul Guen"),
    ("À Lyon, Inès Marchal, porte-parole de la fédération, a dénoncé des « provocations ».",
     "Inès Marchal"),
    ("Interrogée par la presse, la ministre de la Santé, Claire Morin, a reconnu des retards.",
     "Claire Morin"),
])
def test_roles_with_complements_and_appositions(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Le maire de Brest, Paul Guen, a annoncé la fermeture des écoles. L'édile a ajouté que "
     "les cantines resteraient ouvertes.", "Paul Guen"),
    ("La ministre de la Santé, Claire Morin, a reconnu des retards. La ministre a précisé que "
     "des renforts arrivaient.", "Claire Morin"),
    ("Le préfet du Var, Luc Arnaud, a décrit une situation « critique ». La mairie a annoncé un "
     "plan d'urgence. Le préfet a ensuite précisé que 300 pompiers étaient mobilisés.",
     "Luc Arnaud"),
    ("« La digue a cédé », a expliqué Anne Joly, hydrologue au CNRS. La chercheuse estime que "
     "d'autres digues sont fragiles.", "Anne Joly"),
])
def test_a_bare_role_goes_back_to_the_person_in_that_role(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("La préfecture du Var a recensé 40 blessés. Deux pompiers sont hospitalisés, selon la même "
     "source.", "préfecture du Var"),
    ("La préfecture du Var a recensé 40 blessés. La route reste coupée, a indiqué la "
     "préfecture.", "préfecture du Var"),
    ("Le rectorat de Lille a fermé 80 écoles. Elles devraient rouvrir lundi, selon le rectorat.",
     "rectorat de Lille"),
    ("Enedis a fait état de 20 000 foyers sans courant. Quelque 300 techniciens sont mobilisés, "
     "a précisé l'entreprise.", "Enedis"),
    ("Le Mali a protesté. Son ministère de la Défense a indiqué que douze soldats avaient été "
     "tués.", "ministère de la Défense (Mali)"),
])
def test_references_to_a_body_named_before(text, expected):
    assert speaker(text) == expected


# ----------------------------------------------------------------------------- 5 pronouns


@pytest.mark.parametrize("text, expected", [
    ("« Nos équipes sont sur place », a expliqué à l'AFP Jeanne Roux, directrice de la "
     "Croix-Rouge du Var. Elle estime que 2 000 repas seront servis.", "Jeanne Roux"),
    ("La mairie a indiqué que la route était coupée. « Nous faisons au mieux », a déclaré le "
     "maire, Marc Petit. Selon lui, la circulation reprendra lundi.", "Marc Petit"),
    ("« Le bilan est lourd », a déclaré Marc Petit. Le préfet du Var, Luc Arnaud, est arrivé "
     "dans la soirée. « Tout sera fait », a-t-il assuré.", "Luc Arnaud"),
])
def test_pronouns_go_to_the_person_just_quoted(text, expected):
    assert speaker(text) == expected


# ----------------------------------------------------------------------------- 6-7 quotes


@pytest.mark.parametrize("text, expected", [
    # an unclosed « silences its own sentence only
    ("Le maire a dénoncé « un abandon. Selon la préfecture, 300 foyers sont sans courant.",
     "préfecture"),
    # a stray "" does not open a quotation
    ('Le syndicat a dénoncé "" une décision injuste. Selon la CGT, 5 000 personnes ont défilé.',
     "CGT"),
    # a stray straight closing mark
    ('Le syndicat a dénoncé une décision injuste". Selon la CGT, 5 000 personnes ont défilé.',
     "CGT"),
])
def test_quote_tracking_recovers_after_a_stray_mark(text, expected):
    assert speaker(text) == expected


def test_an_unclosed_quote_covers_its_own_sentence_only():
    doc = parse("Il a dit « tout va bien. Selon la police, le calme est revenu.")
    inside = quote_mask(doc)
    words = {t.text: inside[t.i] for t in doc}
    assert words["tout"] and words["bien"] and not words["police"] and not words["calme"]


@pytest.mark.parametrize("text, expected", [
    ("“Nous avons compté 3 000 manifestants,” a déclaré le préfet Jean Dupont.", "Jean Dupont"),
    ("« Nous tiendrons, » a assuré la maire, Sophie Lenoir.", "Sophie Lenoir"),
])
def test_quotes_with_the_comma_inside(text, expected):
    assert speaker(text) == expected


# ----------------------------------------------------------------------------- 8 selon


@pytest.mark.parametrize("text", [
    "Le chômage est mesuré selon les normes du BIT.",
    "Selon la loi, un préfet peut interdire un rassemblement.",
    "Selon la méthode de calcul retenue, le taux atteint 7 %.",
    "Les notes sont attribuées selon des critères nationaux.",
])
def test_selon_without_a_source_attributes_nothing_and_hedges_nothing(text):
    row = last(text)
    assert row["speaker"] == "" and not row["hedged"], row["hedges"]


# ----------------------------------------------------------------------------- 9 documents


@pytest.mark.parametrize("text, expected", [
    ("Six personnes sont mortes, selon un bilan officiel publié mercredi par le ministère de la "
     "Santé.", "ministère de la Santé"),
    ("Plus de 90 cortèges ont défilé, d'après le décompte des syndicats.", "syndicats"),
    ("Les jeunes sont les plus touchés, selon les chiffres publiés vendredi par l'Insee.",
     "Insee"),
    ("Le ministère a publié un communiqué. Il s'agit d'une « mesure temporaire », souligne le "
     "texte.", "ministère"),
    ("Le communiqué, signé par quatre associations, réclame « un moratoire ».",
     "quatre associations"),
])
def test_a_document_is_its_publisher(text, expected):
    assert speaker(text) == expected


def test_an_anonymous_document_names_nobody():
    assert speaker("Selon un sondage publié jeudi, 64 % des Français soutiennent la grève.") == ""


# ----------------------------------------------------------------------------- on / pour


@pytest.mark.parametrize("text, expected, kind", [
    ("Le corps a été retrouvé mardi, a-t-on appris auprès des gendarmes.", "gendarmes",
     "institution"),
    ("Le bilan pourrait s'alourdir, reconnaît-on de source préfectorale.", "source préfectorale",
     "anonymous"),
    ("Dans l'entourage du ministre, on assure que le texte sera retiré.",
     "entourage du ministre", "anonymous"),
    ("Pour Hugo Blanc, économiste à l'OFCE, la reprise sera lente.", "Hugo Blanc", "person"),
])
def test_impersonal_on_and_pour(text, expected, kind):
    row = last(text)
    assert (row["speaker"], row["speaker_kind"]) == (expected, kind)


def test_a_quotation_after_a_colon_is_its_subject_s():
    assert speaker("Marie, 68 ans, est venue de Vitré : « Je perds 40 euros par mois. »") == "Marie"
    assert speaker("Le message est clair : « Nous resterons. »") == ""


def test_pour_that_names_nobody():
    assert speaker("Pour l'instant, aucune décision n'a été prise.") == ""


def test_a_person_named_before_the_verb_is_the_antecedent_of_a_pronoun_when_the_parse_breaks():
    # the apostrophe in the name breaks the parse: the verb has no subject the model links
    text = ("D'après une source policière, le bus aurait roulé trop vite. À Landerneau, la "
            "directrice, Nolwenn Kerhervé'h, a fait évacuer l'école. « Nous n'avions pas le "
            "choix », a-t-elle expliqué.")
    assert speaker(text) == "Nolwenn Kerhervé'h"
