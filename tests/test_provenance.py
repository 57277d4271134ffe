"""Provenance clues: removed pieces explained, spelling variants, sentences about verification."""

import pandas as pd

from helpers.sources.provenance import (
    find_sentences,
    removed_summary,
    removed_table,
    sources_table,
    spelling_variants,
)


def small_corpus():
    return pd.DataFrame(
        {
            "article_id": ["000_a", "001_b"],
            "title": ["", ""],
            "text": [
                "Kyiv affirme. Les militaires de Kiev auraient tiré. Volodymyr Zelensky a parlé.",
                "Volodymyr Zelenskiy affirme. La BBC n'a pas vérifié ces affirmations.",
            ],
            "removed": [[{"kind": "aggregator line", "text": "Related News :"}], []],
        }
    )


def test_removed_table_explains_each_piece():
    table = removed_table(small_corpus())
    assert table.to_dict("records") == [
        {
            "article": "000",
            "kind": "aggregator line",
            "text": "Related News :",
            "clue": "an aggregator republished the page automatically (not the original outlet)",
        }
    ]


def test_spelling_variants_counts_per_article_and_keeps_only_varied_names():
    table = spelling_variants(small_corpus())
    assert table.loc[("Kyiv (capital of Ukraine)", "Kiev"), "000"] == 1
    assert table.loc[("Zelensky (Ukraine's president)", "Zelenskiy"), "001"] == 1
    # Kim Jong Un appears nowhere: no row for it.
    assert not any("Kim" in name for name, _ in table.index)


def test_find_sentences_is_case_insensitive_and_whole_sentences():
    hits = find_sentences(small_corpus(), r"vérifi")
    assert hits.to_dict("records") == [
        {"article": "001", "sentence": "La BBC n'a pas vérifié ces affirmations."}
    ]


def test_sources_table_shows_unknowns_as_dashes_and_formats_dates():
    corpus = pd.DataFrame(
        {
            "article_id": ["002_x", "003_y"],
            "title": ["Des soldats ?", ""],
            "outlet": ["", "BBC"],
            "published": [pd.Timestamp("2024-10-18"), pd.NaT],
            "byline": ["Zoé SAMIN", ""],
        }
    )
    table = sources_table(corpus)
    assert list(table.index) == ["002", "003"]
    assert table.loc["002", "published"] == "Fri 18 Oct 2024"
    assert table.loc["003", "published"] == "—" and table.loc["002", "outlet"] == "—"
    assert list(table.columns) == ["headline", "outlet", "published", "byline"]


def test_removed_summary_counts_kinds_per_article_including_clean_ones():
    summary = removed_summary(small_corpus())
    assert summary.loc["000", "aggregator line"] == 1
    assert summary.loc["001", "aggregator line"] == 0


def test_removed_table_for_one_article():
    assert removed_table(small_corpus(), article="001").empty
    assert removed_table(small_corpus(), article=0)["kind"].tolist() == ["aggregator line"]
