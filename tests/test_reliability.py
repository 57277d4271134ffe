"""helpers.reliability on the five seed articles: signals, corroboration, text reuse, grades.

The other test_reliability_*.py files test each part on small tables built by hand.
"""

import pandas as pd
import pytest

import helpers.claims.tagging
import helpers.core.nlp
from helpers import reliability
from helpers.claims.tagging import tag_claims
from helpers.core.nlp import parse_many
from helpers.figures.extract import extract_figures
from helpers.reliability import (
    article_signals,
    corroboration,
    figure_origins,
    main_origins,
    propose_grade,
    propose_grades,
    shared_passages,
    signal_evidence,
    signal_explanations,
)
from helpers.reliability.signals import SIGNALS
from helpers.sources.corpus import load_corpus


@pytest.fixture(scope="module")
def seeds():
    corpus = load_corpus()
    docs = parse_many(corpus["text"].tolist())
    claims = tag_claims(corpus, docs=docs)
    figures = extract_figures(corpus, docs=docs, claims=claims)
    return corpus, docs, claims, figures


@pytest.fixture(scope="module")
def signals(seeds):
    corpus, docs, claims, _ = seeds
    table = article_signals(corpus, docs=docs, claims=claims)
    table.index = [a[:3] for a in table["article_id"]]
    return table


@pytest.fixture(scope="module")
def table(seeds):
    return corroboration(seeds[3])


def row_of(table, value, unit_kind="troops"):
    found = table[(table["value"] == value) & (table["unit_kind"] == unit_kind)]
    assert len(found) == 1, table[["value", "unit_kind"]]
    return found.iloc[0]


# ----------------------------------------------------------------------------- the API


def test_reliability_exports_the_stable_api():
    assert callable(reliability.article_signals)
    assert callable(reliability.corroboration)
    for name in reliability.__all__:
        assert hasattr(reliability, name), name


def test_signals_has_a_row_per_article_and_the_stable_columns_first(seeds, signals):
    corpus = seeds[0]
    assert list(signals["article_id"]) == list(corpus["article_id"])
    assert list(signals.columns[:6]) == [
        "article_id", "outlet_named", "has_byline", "author_box", "headline_style",
        "named_sources",
    ]
    for column in ("anonymous_sources", "hedged_share", "verification_caveats"):
        assert column in signals.columns
    assert list(signals.columns[1:]) == list(SIGNALS)


def test_signal_types_counts_are_ints_and_shares_between_0_and_1(signals):
    for column in ("named_sources", "anonymous_sources", "direct_quotes", "verification_caveats",
                   "other_side_response", "aggregator_traces", "scraper_traces",
                   "translation_slips"):
        assert signals[column].dtype == "int64", column
    for column in ("outlet_named", "has_byline", "author_box"):
        assert signals[column].dtype == bool, column
    assert signals["hedged_share"].dtype == "float64"
    assert signals["hedged_share"].between(0, 1).all()


def test_every_signal_is_explained(signals):
    explained = signal_explanations()
    assert list(explained["signal"]) == list(signals.columns[1:])
    assert list(explained.columns[:3]) == ["signal", "meaning", "does_not_prove"]
    assert (explained["meaning"].str.len() > 20).all()
    assert (explained["does_not_prove"].str.len() > 20).all()


# ----------------------------------------------------------------------------- the seeds


def test_only_002_has_a_byline(signals):
    assert signals["has_byline"].to_dict() == {
        "000": False, "001": False, "002": True, "003": False, "004": False}


def test_000_and_004_warn_that_claims_were_not_verified(seeds, signals):
    assert signals.loc["000", "verification_caveats"] >= 1
    assert signals.loc["004", "verification_caveats"] >= 1
    evidence = signal_evidence(seeds[0], claims=seeds[2])
    caveats = evidence[evidence["signal"] == "verification_caveats"]
    bbc = caveats[caveats["article_id"].str.startswith("004")]
    assert bbc["evidence"].str.contains("La BBC n'a pas vérifié").any()
    assert (bbc["kind"] == "not verified").all()
    # Moscow not confirming is not the outlet's caveat (notebook 01): a signal of its own, read
    # as context, not transparency (issue 15)
    assert not caveats["article_id"].str.startswith("001").any()
    others = evidence[evidence["signal"] == "not_confirmed"]
    moscow = others[others["article_id"].str.startswith("001")]
    assert moscow["evidence"].str.contains("confirmée par Moscou").any()
    assert set(moscow["kind"]) == {"not confirmed"}
    assert signals.loc["001", "verification_caveats"] == 0
    assert signals.loc["001", "not_confirmed"] >= 1
    reading = signal_explanations().set_index("signal")["reading"]
    assert reading["verification_caveats"] == "transparency"
    assert reading["not_confirmed"] == "context"


def test_003_has_a_title_case_headline_and_an_author_box(signals):
    assert signals.loc["003", "headline_style"] == "Title Case"
    assert bool(signals.loc["003", "author_box"])
    assert not signals.drop(index="003")["author_box"].any()
    assert signals.loc["000", "headline_style"] == "sentence case"
    assert signals.loc["002", "headline_style"] == "sentence case"
    assert signals.loc["001", "headline_style"] == "none"
    assert signals.loc["004", "headline_style"] == "none"


def test_sources_named_anonymous_and_credited(signals):
    assert signals.loc["004", "anonymous_sources"] == 0
    assert signals.loc["003", "anonymous_sources"] == 3  # diplomatic sources, "proche du
    # dossier", South Korean officials
    assert signals.loc["002", "anonymous_sources"] == 1  # une Source à la présidence
    assert (signals["named_sources"] >= 5).all()
    assert signals.loc["000", "stated_original_source"] == "BBC"
    assert signals.loc["002", "stated_original_source"] == "Yonhap, AFP"
    assert signals.loc["001", "stated_original_source"] == ""


def test_copy_traces(signals):
    # footers of the aggregator that republished 000 and 002; 001's lone "-" does not count
    assert signals["aggregator_traces"].to_dict() == {
        "000": 2, "001": 0, "002": 3, "003": 0, "004": 0}
    # 002: two repeated headlines, one link label, the jsx residue
    assert signals.loc["002", "scraper_traces"] == 4
    assert signals.loc["001", "scraper_traces"] == 2
    assert signals.loc["004", "translation_slips"] == 2  # "l'Ukraine. lancer", Vorobzha
    assert signals.loc["000", "translation_slips"] == 1  # "déployées. déployés"
    assert signals.loc["003", "translation_slips"] == 0


def test_other_side_response(signals):
    assert signals.loc["002", "other_side_response"] == 2  # rejette; a nié
    assert signals.loc["004", "other_side_response"] == 1  # n'a fait aucun commentaire
    assert signals.loc["000", "other_side_response"] == 0


def test_given_claims_are_never_tagged_again_nor_docs_parsed_again(seeds, monkeypatch):
    corpus, docs, claims, _ = seeds

    def refuse(*args, **kwargs):
        raise AssertionError("parsed or tagged again")

    monkeypatch.setattr(helpers.claims.tagging, "tag_claims", refuse)
    monkeypatch.setattr(helpers.core.nlp, "parse_many", refuse)
    monkeypatch.setattr(helpers.core.nlp, "parse", refuse)
    assert len(article_signals(corpus, claims=claims)) == 5
    assert len(article_signals(corpus, docs=docs, claims=claims)) == 5


def test_docs_alone_are_used_to_tag_without_parsing(seeds, monkeypatch):
    corpus, docs, claims, _ = seeds
    monkeypatch.setattr(helpers.core.nlp, "parse_many", lambda *a, **k: pytest.fail("parsed"))
    table = article_signals(corpus, docs=docs)
    expected = article_signals(corpus, claims=claims)
    pd.testing.assert_frame_equal(table, expected)


# ----------------------------------------------------------------------------- corroboration


def test_11000_is_two_articles_and_one_origin(table):
    row = row_of(table, 11000)
    assert row["n_articles"] == 2
    assert row["n_origins"] == 1
    assert row["origins"] == ["Ukraine"] and row["speakers"] == ["Volodymyr Zelensky"]
    assert [a[:3] for a in row["articles"]] == ["000", "001"]
    assert row["sides"] == ["Ukraine"]
    assert "repeating it is not confirming it" in row["independent"]
    assert "party to the war" in row["independent"]


def test_30_killed_or_wounded_is_two_articles_and_one_gur(table):
    row = row_of(table, 30)
    assert (row["n_articles"], row["n_origins"]) == (2, 1)
    assert row["origins"] == ["Ukraine"] and row["speakers"] == ["GUR"]
    assert [a[:3] for a in row["articles"]] == ["003", "004"]
    assert row["qualifiers"] == "lower"


def test_about_10000_comes_from_several_origins_on_two_sides(table):
    row = row_of(table, 10000)
    assert row["n_articles"] == 4
    # Blinken and Austin both speak for the United States: one origin, two speakers
    assert set(row["speakers"]) == {"Volodymyr Zelensky", "Antony Blinken", "Lloyd Austin"}
    assert set(row["origins"]) == {"Ukraine", "États-Unis"}
    assert row["n_origins"] == 2
    assert row["sides"] == ["Ukraine", "United States"]
    assert row["n_sides"] == 2
    # 004 states it without a source: an article, not an origin
    assert [a[:3] for a in row["unattributed"]] == ["004"]
    assert "independent confirmation is possible" in row["independent"]


def test_vague_and_derived_figures_are_left_out_unless_asked(seeds, table):
    figures = seeds[3]
    assert table["value"].notna().all()
    assert 15000 not in set(table["value"])  # 5 units x about 3 000: derived
    with_derived = corroboration(figures, include_derived=True)
    assert bool(row_of(with_derived, 15000)["derived"])


def test_figure_origins_links_articles_to_origins(seeds):
    links = figure_origins(seeds[3])
    ten = links[(links["value"] == 10000) & (links["unit_kind"] == "troops")]
    assert len(ten) == 4
    assert set(ten["speaker"]) == {"Volodymyr Zelensky", "Antony Blinken", "Lloyd Austin", ""}
    assert set(ten["origin"]) == {"Ukraine", "États-Unis", ""}
    assert set(ten.loc[ten["speaker"] == "Volodymyr Zelensky", "role"]) == {"belligerent"}


# ----------------------------------------------------------------------------- reuse


def test_text_reuse_finds_the_zelensky_quote_that_000_and_001_share(seeds):
    passages = shared_passages(seeds[0])
    pair = passages[passages["article_a"].str.startswith("000")
                    & passages["article_b"].str.startswith("001")]
    quote = pair[pair["passage_a"].str.contains("Nous constatons une augmentation")]
    assert len(quote) == 1
    found = quote.iloc[0]
    assert found["passage_a"].startswith("Nous constatons une augmentation du nombre")
    assert found["passage_a"].endswith("aucune augmentation de la réaction de nos partenaires")
    assert "près du front" in found["passage_a"]  # 000 has three words more: one passage
    assert found["passage_b"].endswith("aucune augmentation de la réaction de nos partenaires")
    assert found["similarity"] > 90
    assert found["shared_words"] >= 15
    corpus = seeds[0].set_index("article_id")
    a, b = found["article_a"], found["article_b"]
    assert corpus.loc[a, "text"][found["start_a"]:found["end_a"]] == found["passage_a"]
    assert corpus.loc[b, "text"][found["start_b"]:found["end_b"]] == found["passage_b"]


def test_text_reuse_finds_the_gur_casualty_sentence_of_003_and_004(seeds):
    passages = shared_passages(seeds[0])
    pair = passages[passages["article_a"].str.startswith("003")
                    & passages["article_b"].str.startswith("004")]
    assert pair["passage_a"].str.contains("au moins 30 soldats nord-coréens").any()


def test_text_reuse_ignores_common_phrases(seeds):
    passages = shared_passages(seeds[0])
    assert not (passages["passage_a"].str.strip() == "dans la région de Koursk").any()
    assert (passages["shared_words"] >= 8).all()


# ----------------------------------------------------------------------------- grading


def test_main_origins_of_the_troop_figures(seeds):
    # officials fold into the government they speak for (issue 15): one row per origin
    origins = main_origins(seeds[3], seeds[2]).set_index("origin")
    assert {"Ukraine", "États-Unis", "Corée du Sud"} <= set(origins.index)
    assert not {"Antony Blinken", "Lloyd Austin", "GUR", "NIS"} & set(origins.index)
    assert origins.loc["Ukraine", "n_articles"] == 5  # Zelensky is quoted in all five
    assert {"Antony Blinken", "Lloyd Austin"} <= set(origins.loc["États-Unis", "speakers"])
    assert origins.loc["Ukraine", "claim"] == "11\u202f000 troops"


def test_proposed_grades_for_the_seed_origins(seeds):
    figures = seeds[3]
    proposed = propose_grades(figures, seeds[2]).set_index("origin")["proposed"].to_dict()
    assert proposed["Ukraine"] == "C2"  # belligerent; a close figure from the United States
    assert proposed["États-Unis"][0] == "B"  # direct access, not a party to the war
    assert proposed["Corée du Sud"] == "B6"
    gur = propose_grade("GUR", figures)  # graded as the origin it speaks for
    assert gur.origin == "Ukraine"
    assert set(gur.reasons) == {"access", "affiliation", "side and interest", "track record",
                                "corroboration"}
    anonymous = propose_grade("responsable ukrainien", figures)
    assert anonymous.reliability == "F"  # an anonymous source stays its own origin
