"""extract_figures: every figure of the seeds, our own sentences, and the rules one by one.

Accuracy held here (benchmarks/figures_accuracy.py prints the details):

- seed list (tests/data/figures_gold.csv, 28 figures): 28 found, 28 with every field right,
  no extra figure; ``stated_on`` right for 26 of 28 (misses: a background clause inside a dated
  statement, and "depuis qu'il est apparu en octobre", which dates the news, not a statement);
- own sentences (tests/data/figures_own.csv): the ``dev`` batch, written with the code, 47/47;
  the ``heldout`` batch, written afterwards and run once before any fix: 25 of 26 figures found
  and right, 1 false positive out of 26 predicted (the minutes of "14 h 30", fixed since);
  still missed: the fraction "près d'un tiers".
"""

import importlib.util
import math
from pathlib import Path

import pandas as pd
import pytest

from helpers.core.nlp import parse_many
from helpers.figures.article import patterns
from helpers.figures.extract import (
    COLUMNS,
    QUALIFIERS,
    extract_figures,
)
from helpers.figures.qualifiers import qualifier_lexicon

ROOT = Path(__file__).resolve().parents[1]


def _benchmark():
    spec = importlib.util.spec_from_file_location(
        "figures_accuracy", ROOT / "benchmarks" / "figures_accuracy.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _benchmark()
NO_CLAIMS = pd.DataFrame(columns=["article_id", "sentence_id", "speaker"])


@pytest.fixture(scope="module")
def seeds():
    corpus = bench.seed_corpus()
    return corpus, parse_many(corpus["text"])


@pytest.fixture(scope="module")
def seed_figures(seeds):
    corpus, docs = seeds
    return extract_figures(corpus, docs=docs, claims=NO_CLAIMS)


def figures(text, **kwargs):
    return extract_figures(text, claims=NO_CLAIMS, **kwargs)


def one(text, **kwargs):
    found = figures(text, **kwargs)
    assert len(found) == 1, found[["text", "qualifier", "unit"]]
    return found.iloc[0]


# --------------------------------------------------------------------------- accuracy held


def test_seed_list_accuracy(seed_figures):
    result = bench.score(seed_figures, bench.read_gold(bench.GOLD))
    assert result["gold"] == 28
    assert result["found"] == 28, result["misses"]
    assert result["correct"] == 28, result["wrong"]
    assert result["precision"] == 1.0, result["extra"]
    assert result["stated_on"] >= 26 / 28, result["wrong"]


@pytest.fixture(scope="module")
def own():
    gold = bench.read_gold(bench.OWN)
    return gold, bench.own_predictions(gold, figures)


def test_own_sentences_cover_every_format_and_qualifier(own):
    gold, _ = own
    assert gold["sentence"].nunique() >= 30
    assert set(gold["qualifier"]) == set(QUALIFIERS) | {"none"}
    notes = " ".join(gold["note"])
    for form in ("dot grouping", "number words", "decimal comma", "derived", "collective"):
        assert form in notes


def test_own_sentences_accuracy(own):
    gold, predicted = own
    dev = gold[gold["batch"] == "dev"]
    result = bench.score(predicted[predicted["sentence"].isin(set(dev["sentence"]))], dev,
                         by="sentence")
    assert (result["found"], result["correct"]) == (47, 47), result["misses"] + result["wrong"]
    assert result["precision"] == 1.0, result["extra"]
    held = gold[gold["batch"] == "heldout"]
    result = bench.score(predicted[predicted["sentence"].isin(set(held["sentence"]))], held,
                         by="sentence")
    assert result["found"] >= 25 and result["correct"] >= 25, result["misses"] + result["wrong"]
    assert result["precision"] == 1.0, result["extra"]


# --------------------------------------------------------------------------- the table


def test_columns_and_types(seed_figures):
    assert list(seed_figures.columns) == COLUMNS
    assert COLUMNS[:9] == ["article_id", "sentence_id", "text", "value", "low", "high",
                           "qualifier", "unit", "speaker"]
    assert pd.api.types.is_datetime64_dtype(seed_figures["stated_on"])
    assert seed_figures["derived"].dtype == bool
    assert set(seed_figures["qualifier"]) <= set(QUALIFIERS)
    for col in ("value", "low", "high"):
        assert seed_figures[col].dtype == float


def test_sentence_ids_point_at_the_sentence(seeds, seed_figures):
    from helpers.core.nlp import sentences

    corpus, docs = seeds
    for row in seed_figures.itertuples():
        doc = docs[corpus.index[corpus["article_id"] == row.article_id][0]]
        sent = sentences(doc)[row.sentence_id]
        assert sent.start_char <= row.start < sent.end_char
        assert row.sentence == sent.text.strip()
        assert doc.text[row.start : row.end] in row.context


def test_key_seed_figures_and_when_they_were_stated(seed_figures):
    f = seed_figures.assign(aid=seed_figures["article_id"].str[:3]).set_index(["aid", "text"])
    zelensky = f.loc[("000", "11.000")]
    assert (zelensky["value"], zelensky["qualifier"], zelensky["unit"]) == (11000, "exact",
                                                                           "soldat")
    assert zelensky["stated_on"] == pd.Timestamp("2024-11-04")  # "lundi soir", published Wed
    austin = f.loc[("003", "environ 10.000")]
    assert austin["qualifier"] == "approx" and austin["stated_on"] == pd.Timestamp("2024-11-30")
    blinken = f.loc[("001", "10 000")]
    assert blinken["stated_on"] == pd.Timestamp("2024-10-31")  # "jeudi dernier", published Mon
    total = seed_figures[seed_figures["derived"]]
    assert len(total) == 1
    assert total.iloc[0]["value"] == 15000 and total.iloc[0]["qualifier"] == "approx"


def test_plain_string_and_published():
    row = one("Zelensky a affirmé lundi soir que 11.000 soldats étaient là.", published=WED)
    assert row["article_id"] == "text" and row["speaker"] == ""
    assert row["stated_on"] == pd.Timestamp("2024-11-04")
    assert one("11.000 soldats.")["stated_on"] is pd.NaT


WED = pd.Timestamp("2024-11-06")


def test_empty_inputs():
    for text in ("", "Rien à compter ici."):
        out = figures(text)
        assert out.empty and list(out.columns) == COLUMNS
    assert extract_figures(pd.DataFrame({"article_id": [], "text": []}), docs=[]).empty


def test_bad_inputs():
    with pytest.raises(TypeError):
        extract_figures(42)
    with pytest.raises(ValueError, match="text"):
        extract_figures(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(ValueError, match="aligned"):
        extract_figures(pd.DataFrame({"article_id": ["a"], "text": ["8 000 soldats"]}), docs=[])


def test_docs_are_not_parsed_again(seeds, monkeypatch):
    import helpers.core.nlp

    corpus, docs = seeds

    def refuse(*args, **kwargs):
        raise AssertionError("parsed twice")

    monkeypatch.setattr(helpers.core.nlp, "parse_many", refuse)
    monkeypatch.setattr(helpers.core.nlp, "parse", refuse)
    assert len(extract_figures(corpus, docs=docs, claims=NO_CLAIMS)) == 28


def test_speaker_comes_from_the_claims_table(seeds, seed_figures):
    corpus, docs = seeds
    sid = seed_figures.loc[seed_figures["text"] == "environ 10.000", "sentence_id"].item()
    claims = pd.DataFrame(
        {"article_id": ["003_a74d49738eea9ff9"], "sentence_id": [sid], "speaker": ["Lloyd Austin"]}
    )
    out = extract_figures(corpus, docs=docs, claims=claims)
    austin = out[out["text"] == "environ 10.000"]
    assert list(austin["speaker"]) == ["Lloyd Austin"]
    assert set(out["speaker"]) == {"", "Lloyd Austin"}


def test_without_claims_given_speakers_are_tagged(seeds):
    corpus, docs = seeds
    out = extract_figures(corpus, docs=docs)
    assert (out["speaker"] != "").sum() >= len(out) // 2


def test_load_corpus_gives_the_same_figures():
    corpus_module = pytest.importorskip("helpers.sources.corpus")
    out = extract_figures(corpus_module.load_corpus(), claims=NO_CLAIMS)
    result = bench.score(out, bench.read_gold(bench.GOLD))
    assert result["found"] == result["gold"], result["misses"]


# --------------------------------------------------------------------------- the rules


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Environ 3 000 soldats.", ("approx", 3000, math.nan, math.nan)),
        ("Quelque 50.000 hommes.", ("approx", 50000, math.nan, math.nan)),
        ("Près de 12 000 militaires.", ("approx", 12000, math.nan, math.nan)),
        ("Une dizaine de soldats.", ("approx", 10, math.nan, math.nan)),
        ("Un millier de soldats.", ("approx", 1000, math.nan, math.nan)),
        ("Au moins 30 soldats.", ("lower", 30, 30, math.nan)),
        ("Plus de 1 500 personnes.", ("lower", 1500, 1500, math.nan)),
        ("Jusqu\u2019à 8 000 soldats.", ("upper", 8000, math.nan, 8000)),
        ("Moins de 200 prisonniers.", ("upper", 200, math.nan, 200)),
        ("Le taux ne dépasse pas 40 %.", ("upper", 40, math.nan, 40)),
        ("La facture n'excède pas 300 euros.", ("upper", 300, math.nan, 300)),
        ("Entre 10 000 et 12 000 soldats.", ("range", 11000, 10000, 12000)),
        ("De 3 000 à 5 000 hommes.", ("range", 4000, 3000, 5000)),
        ("Plus de 10 000 mais moins de 12 000 soldats.", ("range", 11000, 10000, 12000)),
        ("Plusieurs milliers de soldats.", ("vague", math.nan, math.nan, math.nan)),
        ("Quelques centaines de civils.", ("vague", math.nan, math.nan, math.nan)),
        ("Un petit nombre de soldats.", ("vague", math.nan, math.nan, math.nan)),
        ("Un certain nombre d'hommes.", ("vague", math.nan, math.nan, math.nan)),
        ("Cinq soldats.", ("exact", 5, 5, 5)),
    ],
)
def test_qualifiers(text, expected):
    row = one(text)
    got = (row["qualifier"], row["value"], row["low"], row["high"])
    assert got[0] == expected[0]
    for a, b in zip(got[1:], expected[1:], strict=True):
        assert (math.isnan(a) and math.isnan(b)) or a == b, (text, got)


@pytest.mark.parametrize(
    "text, interval",
    [
        ("au moins 30 soldats", "[30,)"),
        ("plus de 30 soldats", "(30,)"),
        ("jusqu'à 8 000 soldats", "(,8000]"),
        ("moins de 200 soldats", "(,200)"),
        ("entre 10 et 20 soldats", "[10,20]"),
        ("environ 10 000 soldats", "~10000"),
        ("11 000 soldats", "[11000,11000]"),
    ],
)
def test_interval_says_whether_the_bound_is_included(text, interval):
    assert one(text)["interval"] == interval


@pytest.mark.parametrize(
    "text",
    [
        "Le 18 octobre, Séoul a publié des images.",
        "L'invasion de février 2022.",
        "Il a été constaté du 8 au 13 octobre que les navires ont fait la navette.",
        "Alerte orange à 8 heures du matin.",
        "Un pacte qui prévoit en son article 4 une aide militaire.",
        'type="image/avif" class="jsx-2028956212">',
        "C'est la première fois que les deux armées s'affrontent.",
        "Un responsable ukrainien a confirmé.",
        "Kim Jong Un a reçu la ministre vendredi 1er novembre.",
        "Ils étaient au combat depuis un peu plus d'une semaine.",
        "Une visite de plusieurs jours en Russie.",
        "En 2023, la guerre a continué.",
        # a number that ends a name: a département's, a channel's
        "Selon le SDIS 29, le feu est maîtrisé.",
        "Interrogé par France 2, le maire a confirmé.",
    ],
)
def test_not_figures(text):
    assert figures(text).empty, figures(text)[["text", "qualifier"]]


@pytest.mark.parametrize(
    "text, unit",
    [
        ("11 000 soldats nord-coréens", "soldat"),
        ("jusqu'à 8 000 Nord-Coréens", "nord-coréen"),
        ("quelques centaines de kilomètres carrés", "km²"),
        ("plusieurs centaines de km²", "km²"),
        ("12,5 % des troupes", "%"),
        ("deux de nos hommes", "homme"),
        ("estimé à environ 10.000 le nombre de soldats", "soldat"),
        ("neuf personnes", "personne"),
        ("sept entités", "entité"),
        ("1,5 million de dollars", "dollar"),
        ("800 véhicules", "véhicule"),
        ("quelque 850 sapeurs-pompiers", "sapeur-pompier"),  # a compound noun, both in the
        ("douze maîtres-nageurs", "maître-nageur"),           # singular
    ],
)
def test_units_are_lemmas(text, unit):
    assert figures(text)["unit"].iloc[0] == unit


def test_elliptic_figures_borrow_the_unit():
    out = figures("Sur les 10 000 soldats envoyés, jusqu'à 8 000 seraient à Koursk.")
    assert out["unit"].tolist() == ["soldat", "soldat"]
    out = figures("Au moins 30 soldats sont morts. « Il y en a déjà 11 000 », a-t-il dit.")
    assert out["unit"].tolist() == ["soldat", "soldat"]


def test_derived_total():
    out = figures("Cinq unités, chacune composée d\u2019environ 3 000 soldats, seront déployées.")
    assert out[["text", "value", "qualifier", "unit", "derived"]].values.tolist() == [
        ["Cinq", 5.0, "exact", "unité", False],
        ["Cinq × environ 3 000", 15000.0, "approx", "soldat", True],
        ["environ 3 000", 3000.0, "approx", "soldat", False],
    ]
    out = figures("Trois bataillons de 600 hommes.")
    total = out[out["derived"]].iloc[0]
    assert (total["value"], total["low"], total["high"], total["qualifier"]) == (
        1800, 1800, 1800, "exact")


def test_a_change_is_not_a_range():
    out = figures("Le nombre de soldats est passé de 200 à 300.")
    assert out["qualifier"].tolist() == ["exact", "exact"]


def test_repeated_figure_takes_the_date_of_its_dated_twin():
    text = ("Jusqu'à 8 000 soldats déployés.\n"
            "Blinken a indiqué jeudi dernier que jusqu'à 8 000 soldats étaient à Koursk.")
    out = figures(text, published="2024-11-04")
    assert out["stated_on"].tolist() == [pd.Timestamp("2024-10-31")] * 2
    assert out["stated_on_text"].iloc[0].startswith("jeudi dernier (same figure")


def test_lexicons_are_well_formed():
    assert {q.qualifier for q in qualifier_lexicon()} <= set(QUALIFIERS)
    assert {q.position for q in qualifier_lexicon()} == {"before", "after"}
    assert {"vague", "range_connectors", "change_verbs"} <= set(patterns())
