"""helpers.reliability.signals on small tables built by hand: each signal, its patterns and its
data."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.reliability.signals import (
    SIGNALS,
    article_signals,
    data_table,
    headline_style,
    signal_evidence,
    signal_explanations,
)


def claims_table(rows):
    """Claims with the columns tag_claims gives; each row: (article, sentence, speaker, kind,
    quoted, hedged[, claim_id])."""
    out = []
    for i, row in enumerate(rows):
        article, sentence, speaker, kind, quoted, hedged, *claim = row
        out.append({"article_id": article, "sentence_id": i, "sentence": sentence,
                    "speaker": speaker, "speaker_kind": kind, "quoted": quoted,
                    "hedged": hedged, "claim_id": claim[0] if claim else i})
    return pd.DataFrame(out)


def corpus_table(**columns):
    base = {"article_id": ["a"], "title": [""], "text": ["Un texte."], "byline": [""],
            "outlet": [""], "removed": [[]]}
    base.update(columns)
    return pd.DataFrame(base)


def one(corpus, claims):
    table = article_signals(corpus, claims=claims)
    assert len(table) == (1 if isinstance(corpus, str) else len(corpus))
    return table.iloc[0]


# ----------------------------------------------------------------------------- headline


@pytest.mark.parametrize(
    ("title", "style"),
    [
        ("Soldats Nord-Coréens Tués Et Blessés En Russie Selon Les Renseignements Ukrainiens",
         "Title Case"),
        ("Des soldats nord-coréens bientôt aux côtés des troupes russes en Ukraine ?",
         "sentence case"),
        ("Volodymyr Zelensky rencontre Kim Jong Un à Pyongyang", "sentence case"),
        ("Kim Jong Un rencontre Vladimir Poutine", "sentence case"),
        ("Les Soldats De Kim Jong Un Sont À Koursk", "Title Case"),
        ("Kyiv affirme avoir combattu les troupes nord-coréennes pour la première fois",
         "sentence case"),
        ("LA RUSSIE DÉMENT TOUT", "ALL CAPS"),
        ("", "none"),
        (None, "none"),
        (float("nan"), "none"),
        ("Koursk", "sentence case"),
    ],
)
def test_headline_style(title, style):
    assert headline_style(title) == style


@given(st.text(max_size=80))
def test_headline_style_always_answers_one_of_four(title):
    assert headline_style(title) in {"Title Case", "sentence case", "ALL CAPS", "none"}


# ----------------------------------------------------------------------------- from claims


def test_sources_quotes_and_hedging_are_counted_per_claim():
    claims = claims_table([
        ("a", "Selon Kiev, 30 soldats auraient été tués.", "Ukraine", "institution", False,
         True),
        ("a", "« Ils sont là », a déclaré Zelensky.", "Volodymyr Zelensky", "person", True,
         False),
        ("a", "Zelensky l'a répété.", "Volodymyr Zelensky", "person", False, False),
        ("a", "Un responsable ukrainien l'a confirmé.", "responsable ukrainien", "anonymous",
         False, False),
        ("a", "Une source proche du dossier", "source proche du dossier", "anonymous", False,
         False),
        ("a", "Le « Jour de la Victoire » approche.", "", "", True, False),
    ])
    row = one(corpus_table(), claims)
    assert row["named_sources"] == 2  # distinct: Ukraine, Zelensky
    assert row["anonymous_sources"] == 2
    assert row["direct_quotes"] == 1  # a quote with nobody behind it is not counted
    assert row["hedged_share"] == pytest.approx(1 / 6)


def test_a_sentence_split_by_the_parser_counts_once():
    claims = claims_table([
        ("a", "Selon Washington", "États-Unis", "institution", False, True, 0),
        ("a", ", jusqu'à 8 000 soldats seraient là.", "États-Unis", "institution", False, True,
         0),
        ("a", "Le Kremlin se tait.", "Kremlin", "institution", False, False, 1),
    ])
    row = one(corpus_table(), claims)
    assert row["hedged_share"] == pytest.approx(0.5)


def test_no_claims_gives_zero_counts():
    claims = claims_table([])
    row = one(corpus_table(), claims.reindex(columns=["article_id", "sentence_id", "sentence",
                                                      "speaker", "hedged"]))
    assert row["named_sources"] == 0
    assert row["hedged_share"] == 0.0


# ----------------------------------------------------------------------------- from the text


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("La BBC n'a pas vérifié ces affirmations de manière indépendante.", "not verified"),
        ("Ces informations ne peuvent être vérifiées de manière indépendante.", "not verified"),
        ("Il est impossible de vérifier ces chiffres.", "not verified"),
        ("Les chiffres, invérifiables, circulent.", "not verified"),
        ("Une information qui n'a pas été confirmée par Moscou.", "not confirmed"),
        ("L'OTAN ne peut pas confirmer ce déploiement.", "not confirmed"),
        ("Le Kremlin, refusant de confirmer ces informations, se tait.", "not confirmed"),
        ("Ni confirmation, ni démenti.", "not confirmed"),
    ],
)
def test_verification_caveats(sentence, kind):
    # the outlet's own caveat (not verified) and someone else's silence (not confirmed) are two
    # signals: only the first tells about the outlet's work
    signal = "verification_caveats" if kind == "not verified" else "not_confirmed"
    claims = claims_table([("a", sentence, "", "", False, False)])
    evidence = signal_evidence(corpus_table(text=[sentence]), claims=claims)
    caveats = evidence[evidence["signal"] == signal]
    assert caveats["kind"].tolist() == [kind]
    row = one(corpus_table(text=[sentence]), claims)
    assert row[signal] == 1
    other = "not_confirmed" if signal == "verification_caveats" else "verification_caveats"
    assert row[other] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "L'AFP a vérifié ces images.",
        "Les services ont confirmé la présence de troupes.",
        "Le chiffre a été vérifié de manière indépendante par Reuters.",
    ],
)
def test_verified_claims_are_not_caveats(sentence):
    claims = claims_table([("a", sentence, "", "", False, False)])
    assert one(corpus_table(text=[sentence]), claims)["verification_caveats"] == 0


def test_several_caveats_in_one_sentence_count_once():
    sentence = ("Ces informations doivent être prises avec prudence et ne peuvent être "
                "vérifiées de manière indépendante.")
    claims = claims_table([("a", sentence, "", "", False, False)])
    assert one(corpus_table(text=[sentence]), claims)["verification_caveats"] == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Le Kremlin a par la suite nié toutes ces accusations.",
        "Moscou rejette cette accusation.",
        "Le ministère, qui n'a fait aucun commentaire.",
        "Pyongyang est resté tout aussi silencieux.",
        "La Russie s'est bien gardée de commenter.",
    ],
)
def test_other_side_response(sentence):
    claims = claims_table([("a", sentence, "", "", False, False)])
    assert one(corpus_table(text=[sentence]), claims)["other_side_response"] == 1


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        ("Des soldats se sont affrontés, rapporte la BBC.", "BBC"),
        ("Une source a assuré vendredi à l'AFP que Moscou tentait d'étendre la guerre.", "AFP"),
        ("Pyongyang enverrait des troupes, a déclaré l'agence de presse sud-coréenne Yonhap.",
         "Yonhap"),
        ("Selon Reuters, 10 000 soldats sont arrivés.", "Reuters"),
        ("Des soldats sont arrivés (AFP).", "AFP"),
        ("Des soldats sont arrivés, selon des images satellite.", ""),
        ("La BBC n'a pas vérifié ces affirmations.", ""),  # the outlet itself, not a credit
        ("Il est apparu en octobre que la Corée du Nord avait envoyé des soldats.", ""),
    ],
)
def test_stated_original_source(sentence, credited):
    claims = claims_table([("a", sentence, "", "", False, False)])
    assert one(corpus_table(text=[sentence]), claims)["stated_original_source"] == credited


def test_credits_are_listed_once_each_in_order():
    sentences = ["Selon l'AFP, ils sont 10 000.", "Selon la BBC, non.", "Selon l'AFP, oui."]
    claims = claims_table([("a", s, "", "", False, False) for s in sentences])
    row = one(corpus_table(text=[" ".join(sentences)]), claims)
    assert row["stated_original_source"] == "AFP, BBC"


@pytest.mark.parametrize(
    ("text", "slips"),
    [
        ("Cinq unités soient déployées. déployés sur le champ de bataille.", 1),
        ("Une partie est occupée par l'Ukraine. lancer une incursion surprise.", 1),
        ("Volodymyr Zelenskiy affirme que les troupes sont à Kursk.", 2),
        ("Des drones, des obus, etc. et des missiles.", 0),
        ("Ils sont 11.000 à Koursk. Et puis ?", 0),
        ("Le président Zelensky est à Koursk.", 0),
    ],
)
def test_translation_slips(text, slips):
    assert one(corpus_table(text=[text]), claims_table([]))["translation_slips"] == slips


# ----------------------------------------------------------------------------- from `removed`


def test_signals_from_what_the_loader_removed():
    removed = [
        {"kind": "aggregator line", "text": "For Latest Updates Follow us on Google News"},
        {"kind": "aggregator line", "text": "-"},
        {"kind": "scraper residue", "text": 'type="image/avif" class="jsx-1">'},
        {"kind": "repeated headline", "text": "Titre"},
        {"kind": "link marker", "text": "(nouvelle fenêtre)"},
        {"kind": "related links", "text": "Lire aussi"},
        {"kind": "author box", "text": "Passionné et dévoué, contactez-nous."},
        {"kind": "byline", "text": "Zoé SAMIN"},
    ]
    row = one(corpus_table(removed=[removed], byline=["Zoé SAMIN"], outlet=["News Day FR"]),
              claims_table([]))
    assert row["aggregator_traces"] == 1  # a lone "-" is not evidence
    assert row["scraper_traces"] == 3
    assert bool(row["author_box"]) and bool(row["has_byline"]) and bool(row["outlet_named"])


def test_a_plain_string_and_a_minimal_corpus_work():
    claims = claims_table([("text", "La BBC n'a pas vérifié.", "", "", False, False)])
    row = one("La BBC n'a pas vérifié.", claims)
    assert row["article_id"] == "text"
    assert row["verification_caveats"] == 1
    assert row["headline_style"] == "none"
    assert not row["has_byline"]


def test_a_bad_corpus_is_refused():
    with pytest.raises(TypeError):
        article_signals(pd.DataFrame({"x": [1]}), claims=claims_table([]))


# ----------------------------------------------------------------------------- the data files


def test_signals_csv_explains_every_column_in_words():
    explained = signal_explanations()
    assert tuple(explained["signal"]) == SIGNALS
    assert set(explained["reading"]) <= {"transparency", "caution", "context"}
    assert set(explained["type"]) <= {"bool", "int", "share", "text"}
    for column in ("meaning", "does_not_prove", "method"):
        assert (explained[column].str.strip() != "").all(), column


@pytest.mark.parametrize(
    "name", ["verification_caveats.csv", "source_credits.csv", "translation_slips.csv"]
)
def test_pattern_files_compile_and_name_an_example(name):
    import re

    table = data_table(name)
    assert len(table) > 0
    for pattern in table["pattern"]:
        re.compile(pattern.replace("{media}", "(?P<media>BBC)"))
    assert (table["example"].str.strip() != "").all()


def test_explanations_are_generic_with_the_course_examples_only_for_the_course(tmp_path):
    import re

    from helpers.reliability.signals import signal_explanations

    story_words = re.compile(r"zelensk|kursk|koursk|seeds/|BBC n'a pas", re.I)
    own = signal_explanations(tmp_path)  # a learner's folder: no examples
    assert not own["meaning"].str.contains(story_words).any()
    course = signal_explanations()
    assert course["meaning"].str.contains("La BBC n'a pas vérifié").any()
