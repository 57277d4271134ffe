"""The one display layer for tables (helpers.display.frames): what every DataFrame a learner
sees looks like, in the notebooks (IPython's formatters) and in the report."""

from __future__ import annotations

import re

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell

from helpers.display.frames import cell_text, frame_html, frame_text, readable

N = "\u202f"  # the narrow no-break space of French numbers


@pytest.fixture
def table():
    return pd.DataFrame({
        "article_id": ["000_a2d806d17827b430", "001_9525bc5489a9129d"],
        "sentence": ["Selon eux, <b>30</b> soldats", "Il y en a déjà 11 000"],
        "hedges": [["aurait", "selon"], []],
        "value": [10000.0, np.nan],
        "hedged_share": [0.42, 0.0],
        "low_pct": [1.0, 5.5],
        "stated_on": [pd.Timestamp("2024-10-18"), pd.NaT],
        "quoted": [True, False],
        "sentence_id": [1200, 3],
        "speaker": [None, "GUR"],
    })


@pytest.mark.parametrize(("value", "column", "text"), [
    (10000.0, None, f"10{N}000"), (1.5, None, "1,5"), (3, None, "3"),
    (0.42, "hedged_share", f"42{N}%"), (55.0, "low_pct", f"55{N}%"),
    (1200, "sentence_id", "1200"), (["aurait", "selon"], None, "aurait, selon"),
    ((1500.0, 8000.0), None, f"1{N}500, 8{N}000"), ({"b", "a"}, None, "a, b"),
    (None, None, ""), (np.nan, None, ""), (pd.NaT, None, ""), (pd.NA, None, ""),
    (pd.Timestamp("2024-10-18"), None, "18 Oct 2024"), (True, None, "yes"),
    (np.bool_(False), None, "no"), ("texte", None, "texte"), ({"k": 1.5}, None, "k: 1,5"),
])
def test_one_value(value, column, text):
    assert cell_text(value, column) == text


def test_readable_values(table):
    shown = readable(table)
    assert shown["article_id"].tolist() == ["000", "001"]  # the labels every table uses
    assert shown["value"].tolist() == [f"10{N}000", ""]
    assert shown["hedges"].tolist() == ["aurait, selon", ""]
    assert shown["stated_on"].tolist() == ["18 Oct 2024", ""]
    assert shown["speaker"].tolist() == ["", "GUR"]


def test_article_ids_stay_whole_when_their_labels_clash():
    shown = readable(pd.DataFrame({"article_id": ["000_a", "000_b"],
                                   "articles": [["000_a", "000_b"], ["000_b"]]}))
    assert shown["article_id"].tolist() == ["000_a", "000_b"]
    assert readable(pd.DataFrame({"articles": [["000_a", "001_b"]]}))["articles"][0] == "000, 001"


def test_html_aligns_text_left_and_numbers_right_and_escapes(table):
    page = frame_html(table)
    for artefact in ("NaN", "NaT", "None", "10000.0", "[aurait", "<b>30"):
        assert artefact not in page, artefact
    assert "&lt;b&gt;30&lt;/b&gt;" in page
    cells = re.findall(r'<td style="text-align: (\w+);[^"]*">([^<]*)</td>', page)
    aligned = dict((text, side) for side, text in cells)
    assert aligned["Selon eux, &lt;b&gt;30&lt;/b&gt; soldats"] == "left"
    assert aligned[f"10{N}000"] == "right" and aligned["aurait, selon"] == "left"
    assert all('style="text-align: left' in th for th in re.findall(r"<th(?=[ >])[^>]*>", page))
    assert "<th" in page and ">0<" not in page  # pandas' row numbers are not shown


def test_a_named_index_is_shown():
    page = frame_html(pd.DataFrame({"n": [1]}, index=pd.Index(["000"], name="article")))
    assert ">article<" in page and ">000<" in page


def test_text_is_padded_and_has_no_artefacts(table):
    text = frame_text(table)
    for artefact in ("NaN", "NaT", "None", "10000.0", "[aurait", "dtype"):
        assert artefact not in text, artefact
    header, first, second = text.splitlines()[:3]
    assert first.startswith("000") and second.startswith("001")


def test_a_series_is_a_small_table_without_dtype():
    counts = pd.Series(["estimate", "vague", "estimate"], name="role").value_counts()
    text = frame_text(counts)
    assert "dtype" not in text and "Name:" not in text
    assert re.search(r"estimate\s+2", text)
    assert "<table" in frame_html(counts)


def test_an_empty_table_says_so():
    empty = pd.DataFrame(columns=["article", "sentence"])
    assert frame_text(empty) == "No rows (columns: article, sentence)."
    assert "No rows." in frame_html(empty)


def test_a_long_table_shows_its_ends_and_says_how_many_rows():
    with pd.option_context("display.max_rows", 10, "display.min_rows", 4):
        long = pd.DataFrame({"n": range(100)})
        text = frame_text(long)
        page = frame_html(long)
    assert "100 rows; the 96 in the middle are not shown." in text
    assert "96 in the middle" in page and ">99<" in page and ">50<" not in page


def test_the_shell_shows_every_dataframe_and_series_through_the_layer(table, monkeypatch):
    import helpers.core.nlp as nlp
    from helpers.display.notebook import setup_notebook

    shell = InteractiveShell.instance()
    monkeypatch.setattr(nlp, "parse_elsewhere", lambda *a, **k: None)
    with mpl.rc_context(), pd.option_context("display.max_rows", 60, "display.width", 80,
                                             "display.max_colwidth", 50):
        try:
            setup_notebook()
            data, _ = shell.display_formatter.format(table)
            series, _ = shell.display_formatter.format(pd.Series({"low": 1500.0}))
            assert shell.custom_exceptions == (NameError, SyntaxError)  # the answer-cell hook
            assert data["text/html"] == frame_html(table)
            assert data["text/plain"] == frame_text(table)
        finally:
            formatters = shell.display_formatter.formatters
            for kind in (pd.DataFrame, pd.Series):
                formatters["text/html"].pop(kind, None)
                formatters["text/plain"].pop(kind, None)
            shell.set_custom_exc((), None)
    assert f"1{N}500" in series["text/plain"] and "dtype" not in series["text/plain"]


def test_the_report_tables_are_the_same_tables():
    from helpers.report.page import table_html

    page = table_html(pd.DataFrame({"figure": [10000.0], "origins": [["Ukraine", "États-Unis"]]}),
                      "corroboration")
    assert f"10{N}000" in page and "Ukraine, États-Unis" in page
    assert '<td data-label="figure" style="text-align: right' in page
    assert 'class="dataframe kr-corroboration"' in page


def test_the_spread_is_a_small_readable_table():
    from helpers.display import spread_table

    estimates = pd.DataFrame({"value": [1500.0, 11000.0, 10000.0], "speaker": ["NIS", "Z", ""],
                              "derived": [False, False, False]})
    table = spread_table(estimates)
    assert table.loc["lowest"].tolist() == [1500.0, "NIS"]
    assert table.loc["highest ÷ lowest", "figure"] == 7.3
    text = frame_text(table)
    assert f"1{N}500" in text and "7,3" in text and "dtype" not in text and "low_by" not in text


def test_the_estimative_terms_list_their_synonyms_as_words():
    from helpers.reliability import estimative_terms

    terms = estimative_terms()
    likely = terms[terms["term"] == "likely"].iloc[0]
    assert likely["french"] == ["probable", "probablement"]
    assert cell_text(likely["french"]) == "probable, probablement"
    assert "|" not in frame_text(terms[["term", "also", "french"]])
