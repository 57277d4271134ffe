"""Article HTML: escaped (articles are untrusted), removed pieces marked, ids found by number."""

import pandas as pd
import pytest

from helpers.display.notebook import article_html
from helpers.sources.corpus import find_article

AGGREGATOR = "For Latest Updates Follow us on Google News"
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def corpus():
    raw = f"Titre\n\nCorps {EVIL}\n\nFor Latest Updates Follow us on Google News\n"
    return pd.DataFrame(
        {
            "article_id": ["000_aaaa", "012_bbbb"],
            "title": [f"Titre {EVIL}", "Autre"],
            "text": [f"Corps {EVIL}\n\nDeuxième paragraphe", "x"],
            "raw": [raw, "x"],
            "byline": ["", "Zoé SAMIN"],
            "published": [pd.Timestamp("2024-10-18"), pd.NaT],
            "outlet": ["News Day FR", ""],
            "removed": [
                [{"kind": "aggregator line", "text": AGGREGATOR}],
                [],
            ],
        }
    )


@pytest.mark.parametrize("view", ["clean", "raw"])
def test_article_text_is_escaped(corpus, view):
    out = article_html(corpus.iloc[0], view=view)
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_clean_view_has_paragraphs_and_metadata(corpus):
    out = article_html(corpus.iloc[0])
    assert out.count("<p>") == 2
    assert "18 October 2024" in out and "News Day FR" in out
    assert "byline: <i>not stated</i>" in out


def test_raw_view_marks_removed_text_with_its_kind(corpus):
    out = article_html(corpus.iloc[0], view="raw")
    assert 'title="aggregator line"' in out
    assert "For Latest Updates Follow us on Google News</span>" in out


def test_unknown_view_is_refused(corpus):
    with pytest.raises(ValueError, match="clean"):
        article_html(corpus.iloc[0], view="pdf")


@pytest.mark.parametrize("key", ["000_aaaa", "000", "0", 0])
def test_find_article_by_id_or_number(corpus, key):
    assert find_article(corpus, key)["article_id"] == "000_aaaa"


def test_find_article_names_the_choices(corpus):
    assert find_article(corpus, 12)["article_id"] == "012_bbbb"
    with pytest.raises(KeyError, match="000_aaaa, 012_bbbb"):
        find_article(corpus, "7")


def test_repeated_headline_marks_the_repeats_not_the_kept_title():
    row = pd.Series(
        {
            "article_id": "002_x", "title": "Titre ?", "text": "Corps", "byline": "",
            "published": pd.NaT, "outlet": "",
            "raw": "Titre ?\n\nTitre ?\nCorps",
            "removed": [{"kind": "repeated headline", "text": "Titre ?"}],
        }
    )
    out = article_html(row, view="raw")
    assert '<div class="kr-raw">Titre ?\n\n<span class="kr-removed"' in out


def test_entities_view_escapes_text_and_names_the_canonical_actor():
    from helpers.core.nlp import parse
    from helpers.display.notebook import entities_html

    doc = parse(
        "Selon <script>alert(1)</script> Volodymyr Zelenskiy, 11 000 soldats. Le Kremlin nie."
    )
    out = entities_html(doc)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "PER · Volodymyr Zelensky" in out
    assert "Kremlin" in out
    assert "Kremlin" not in entities_html(doc, max_sentences=1)


def test_signals_table_is_tinted_by_reading_and_blank_for_none():
    from helpers.display.tables import style_signals

    signals = pd.DataFrame({"article_id": ["000_a", "004_b"], "has_byline": [False, True],
                            "anonymous_sources": [3, 0], "hedged_share": [0.4, 0.0]})
    explanations = pd.DataFrame({"signal": ["has_byline", "anonymous_sources", "hedged_share"],
                                 "reading": ["transparency", "caution", "context"]})
    styled = style_signals(signals, explanations)
    shown = styled.data
    assert shown.loc["has_byline (transparency)", "004"] == "yes"
    assert shown.loc["anonymous_sources (caution)", "004"] == ""
    assert shown.loc["hedged_share (context)", "000"] == "40\u202f%"  # French: 40 %
    out = styled.to_html()
    assert "#CCE3F2" in out and "#F9DEC2" in out


def test_show_article_gives_one_english_line_from_sources_csv():
    from helpers.sources import load_corpus

    corpus = load_corpus()
    assert corpus["summary_en"].str.len().gt(40).all()  # one line per seed article
    out = article_html(find_article(corpus, "003"))
    line = '<div class="kr-summary" lang="en"><b>In English:</b> Ukrainian intelligence says'
    assert line in out
    assert out.index("kr-summary\"") < out.index("<p>")  # above the French text


def test_an_article_without_a_summary_shows_none_and_a_learners_note_is_escaped(corpus):
    assert "kr-summary\"" not in article_html(corpus.iloc[0])  # a learner's folder: nothing
    own = corpus.iloc[0].copy()
    own["summary_en"] = f"My note {EVIL}"
    out = article_html(own)
    assert "<b>In English:</b> My note &lt;script&gt;" in out and "<script>" not in out


def test_a_learners_sources_csv_can_hold_the_english_line(tmp_path):
    from helpers.sources import load_corpus

    (tmp_path / "lemonde.txt").write_text("Titre\n\nUn texte assez long pour être lu.\n",
                                          encoding="utf-8")
    (tmp_path / "sources.csv").write_text("article_id,summary_en\nlemonde,What it reports.\n",
                                          encoding="utf-8")
    out = article_html(load_corpus(tmp_path).iloc[0])
    assert "<b>In English:</b> What it reports.</div>" in out
