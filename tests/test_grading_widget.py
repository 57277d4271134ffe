"""The grading widget, driven without a browser: grades saved at once, restored, explained."""

import pandas as pd
import pytest

from helpers.core import workspace
from helpers.display.widgets.grading import grading_widget
from helpers.reliability.grading import load_grades


@pytest.fixture(autouse=True)
def work(tmp_path):
    workspace.set_root(tmp_path)
    yield tmp_path
    workspace.set_root(None)


def figures():
    return pd.DataFrame(
        {
            "article_id": ["003_a", "004_b", "000_c"],
            "value": [30.0, 30.0, 11000.0],
            "qualifier": ["lower", "lower", "exact"],
            "unit_kind": ["troops"] * 3,
            "speaker": ["GUR", "GUR", "Volodymyr Zelensky"],
            "text": ["au moins 30", "au moins 30", "11 000"],
            "derived": [False] * 3,
        }
    )


def origins():
    return pd.DataFrame(
        {"origin": ["GUR"], "claim": ["at least 30 troops"], "value": [30.0],
         "unit_kind": ["troops"]}
    )


def test_a_grade_needs_both_parts_then_is_saved(work):
    w = grading_widget(origins(), figures())
    grader = w.graders[0]
    grader.reliability.value = "C"
    assert grader.save() is False and "first" in grader.status.value
    grader.credibility.value = "3"
    grader.note.value = "a party to the war"
    grader.save_button.click()
    assert "saved" in grader.status.value
    saved = load_grades()["GUR"]
    assert (saved["reliability"], saved["credibility"], saved["note"]) == ("C", "3",
                                                                          "a party to the war")
    assert saved["proposed"] == grader.proposal.code


def test_a_new_widget_shows_the_saved_grade():
    first = grading_widget(origins(), figures()).graders[0]
    first.reliability.value, first.credibility.value = "B", "2"
    first.save()
    again = grading_widget(origins(), figures()).graders[0]
    assert (again.reliability.value, again.credibility.value) == ("B", "2")


def test_the_rubric_reasons_show_on_demand_escaped():
    grader = grading_widget(origins(), figures()).graders[0]
    assert grader.reasons.value == ""
    grader.why_button.value = True
    assert "Rubric:" in grader.reasons.value and "<li>" in grader.reasons.value
    grader.why_button.value = False
    assert grader.reasons.value == ""
    assert repr(grader).startswith("[grading GUR")


def test_the_rubric_button_is_as_wide_as_its_label():
    """A fixed width cut the label to "Show the rubric's..." (make e2e checks it in a browser)."""
    button = grading_widget(origins(), figures()).graders[0].why_button
    assert button.description == "Show the rubric's grade" and button.layout.width == "auto"
def test_one_row_per_origin_with_who_spoke_for_it():
    from helpers.reliability import origins_to_grade

    rows = pd.DataFrame({
        "article_id": ["001", "003", "002"], "value": [10000.0, 10000.0, 1500.0],
        "qualifier": ["exact", "approx", "exact"], "unit_kind": ["troops"] * 3,
        "speaker": ["Antony Blinken", "Lloyd Austin", "NIS"],
        "text": ["10 000", "environ 10.000", "1 500"], "derived": [False] * 3})
    origins = origins_to_grade(rows)
    w = grading_widget(origins, rows)
    titles = [g.children[0].value for g in w.graders]
    assert len(titles) == 2  # not États-Unis + Blinken + Austin
    us = next(t for t in titles if "États-Unis" in t)
    assert "Antony Blinken, Lloyd Austin" in us
    assert grading_widget(origins.iloc[:0], rows).children[0].value.startswith(
        "<b>No origin to grade yet")
