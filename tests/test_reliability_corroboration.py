"""helpers.reliability.corroborate on figure tables built by hand: grouping, origins, sides."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.reliability.corroborate import (
    COLUMNS,
    close,
    corroboration,
    figure_origins,
    side_role,
    sides,
)

NAN = float("nan")


def figures(*rows):
    """Rows: (article_id, value, qualifier, speaker[, unit_kind[, derived]])."""
    out = []
    for row in rows:
        article, value, qualifier, speaker, *rest = row
        unit_kind = rest[0] if rest else "troops"
        derived = rest[1] if len(rest) > 1 else False
        out.append({"article_id": article, "sentence_id": 0, "text": str(value),
                    "value": value, "low": NAN, "high": NAN, "qualifier": qualifier,
                    "unit": "soldat", "speaker": speaker, "derived": derived,
                    "unit_kind": unit_kind})
    return pd.DataFrame(out)


def only(table, value, unit_kind="troops"):
    found = table[(table["value"] == value) & (table["unit_kind"] == unit_kind)]
    assert len(found) == 1
    return found.iloc[0]


def test_five_articles_repeating_one_ministry_are_one_origin():
    table = corroboration(figures(*[(f"00{i}", 50000.0, "approx", "ministère russe de la Défense")
                                    for i in range(5)]))
    row = only(table, 50000)
    assert (row["n_articles"], row["n_origins"]) == (5, 1)
    assert row["sides"] == ["Russia"]
    assert "one origin (Russia) in 5 articles" in row["independent"]
    assert "party to the war" in row["independent"]


def test_aliases_are_already_canonical_so_one_speaker_is_one_origin_per_article():
    table = corroboration(figures(("a", 11000.0, "exact", "Volodymyr Zelensky"),
                                  ("a", 11000.0, "exact", "Volodymyr Zelensky"),
                                  ("b", 11000.0, "exact", "Volodymyr Zelensky")))
    row = only(table, 11000)
    assert (row["n_articles"], row["n_origins"], row["mentions"]) == (2, 1, 3)


def test_origins_on_different_sides_may_confirm_each_other():
    table = corroboration(figures(("a", 10000.0, "approx", "Volodymyr Zelensky"),
                                  ("b", 10000.0, "exact", "Lloyd Austin"),
                                  ("c", 10000.0, "approx", "NIS")))
    row = only(table, 10000)
    assert row["n_origins"] == 3
    assert row["sides"] == ["South Korea", "Ukraine", "United States"]
    assert row["n_sides"] == 3
    assert row["qualifiers"] == "approx, exact"
    assert "3 origins from 3 sides" in row["independent"]
    assert "Ukraine: a party to the war" in row["independent"]


def test_an_official_and_the_government_they_speak_for_are_one_origin():
    table = corroboration(figures(("a", 8000.0, "upper", "Antony Blinken"),
                                  ("a", 8000.0, "upper", "États-Unis")))
    row = only(table, 8000)
    assert row["n_origins"] == 1 and row["origins"] == ["États-Unis"]
    assert row["speakers"] == ["Antony Blinken", "États-Unis"]
    assert "party to the war" not in row["independent"]  # a backer, not a belligerent


def test_origins_on_one_side_are_not_independent():
    table = corroboration(figures(("a", 8000.0, "upper", "Antony Blinken"),
                                  ("a", 8000.0, "upper", "New York Times")))
    row = only(table, 8000)
    assert row["n_origins"] == 2 and row["n_sides"] == 1
    assert "all from United States: not independent" in row["independent"]


def test_an_empty_speaker_is_the_outlet_not_an_origin():
    table = corroboration(figures(("a", 10000.0, "approx", ""),
                                  ("b", 10000.0, "approx", ""),
                                  ("c", 10000.0, "approx", "Lloyd Austin")))
    row = only(table, 10000)
    assert row["n_articles"] == 3
    assert row["n_origins"] == 1
    assert row["unattributed"] == ["a", "b"]
    unsourced = corroboration(figures(("a", 1500.0, "exact", "")))
    assert only(unsourced, 1500)["n_origins"] == 0
    assert only(unsourced, 1500)["independent"].startswith("no origin named")


def test_vague_figures_are_left_out_and_units_are_kept_apart():
    table = corroboration(figures(("a", NAN, "vague", "Ukraine"),
                                  ("a", 9.0, "exact", "département du Trésor américain",
                                   "people"),
                                  ("a", 9.0, "exact", "département du Trésor américain",
                                   "entity")))
    assert len(table) == 2
    assert set(table["unit_kind"]) == {"people", "entity"}


def test_derived_figures_are_left_out_or_marked():
    rows = figures(("a", 15000.0, "approx", "responsable ukrainien", "troops", True),
                   ("a", 3000.0, "approx", "responsable ukrainien"))
    assert list(corroboration(rows)["value"]) == [3000.0]
    marked = corroboration(rows, include_derived=True)
    assert bool(only(marked, 15000)["derived"]) and not bool(only(marked, 3000)["derived"])


def test_with_qualifier_splits_upper_bounds_from_exact_figures():
    rows = figures(("a", 8000.0, "upper", "Antony Blinken"), ("b", 8000.0, "exact", "NIS"))
    assert len(corroboration(rows)) == 1
    split = corroboration(rows, with_qualifier=True)
    assert len(split) == 2
    assert set(split["qualifiers"]) == {"upper", "exact"}


def test_a_speaker_side_column_wins_over_the_actor_table():
    rows = figures(("a", 5.0, "exact", "someone unknown"), ("b", 5.0, "exact", "another one"))
    rows["speaker_side"] = ["Ukraine", "Russia"]
    row = only(corroboration(rows), 5)
    assert row["sides"] == ["Russia", "Ukraine"]
    unknown = only(corroboration(rows.drop(columns="speaker_side")), 5)
    # two bodies the story gives no side are not one side: they may confirm each other
    assert unknown["sides"] == [] and "sides unknown" in unknown["independent"]
    assert "may confirm each other" in unknown["independent"]


def test_sorted_by_articles_then_origins():
    table = corroboration(figures(("a", 1.0, "exact", "GUR"), ("a", 2.0, "exact", "GUR"),
                                  ("b", 2.0, "exact", "NIS"), ("c", 3.0, "exact", "GUR"),
                                  ("d", 3.0, "exact", "GUR")))
    assert list(table["value"]) == [2.0, 3.0, 1.0]


def test_columns_and_empty_tables():
    assert list(corroboration(figures(("a", 1.0, "exact", "GUR"))).columns) == COLUMNS
    empty = corroboration(figures())
    assert empty.empty and list(empty.columns) == COLUMNS
    assert figure_origins(figures()).empty
    with pytest.raises(ValueError, match="speaker"):
        corroboration(pd.DataFrame({"article_id": ["a"], "value": [1.0]}))


def test_figure_origins_has_a_row_per_article_and_origin():
    links = figure_origins(figures(("a", 30.0, "lower", "GUR"), ("a", 30.0, "lower", "GUR"),
                                   ("b", 30.0, "lower", "GUR"), ("b", 30.0, "lower", "")))
    assert links[["article_id", "origin", "speaker", "mentions"]].values.tolist() == [
        ["a", "Ukraine", "GUR", 2], ["b", "", "", 1], ["b", "Ukraine", "GUR", 1]]
    assert set(links.loc[links["speaker"] == "GUR", "role"]) == {"belligerent"}


def test_sides_data():
    table = sides()
    assert {"Ukraine", "Russia", "North Korea", "United States", "South Korea"} <= set(
        table["side"])
    assert side_role("Ukraine") == side_role("Russia") == "belligerent"
    assert side_role("United States") == "backer"
    assert side_role("nowhere") == ""
    assert (table["interest"].str.len() > 10).all()


@given(st.floats(1, 1e6), st.floats(0, 0.5))
def test_close_is_symmetric(value, ratio):
    other = value * (1 + ratio)
    assert close(value, other) == close(other, value)
    assert close(value, value)
    assert not close(value, NAN)


def test_close_at_fifteen_percent():
    assert close(11000, 10000)
    assert not close(8000, 10000)


def test_a_different_scope_is_not_a_confirmation():
    rows = figures(("a", 10000.0, "exact", "Antony Blinken"), ("b", 10000.0, "approx",
                                                              "Volodymyr Zelensky"),
                   ("c", 10000.0, "approx", "Lloyd Austin"))
    rows["scope"] = ["in Russia", "in training", "in Kursk"]
    row = only(corroboration(rows), 10000)
    assert row["origins"] == ["Ukraine", "États-Unis"]  # Blinken and Austin: one origin
    assert row["scopes"] == ["in Kursk", "in Russia", "in training"]
    assert "count different things" in row["independent"]
    assert "not a confirmation" in row["independent"]
    rows["scope"] = ["in Russia", "in Russia", ""]  # the same scope, or one unknown: it may be
    assert "independent confirmation is possible" in only(corroboration(rows),
                                                           10000)["independent"]


def test_a_measure_column_keeps_counts_of_different_things_apart():
    rows = figures(("a", 30.0, "lower", "GUR"), ("b", 30.0, "exact", "Pentagone"))
    rows["measure"] = ["soldiers killed or wounded", "soldiers"]
    table = corroboration(rows)
    assert sorted(table["claim"]) == ["30 soldiers", "at least 30 soldiers killed or wounded"]
    assert set(table["n_origins"]) == {1}
