"""What a learner types in an answer cell: English thousands, an empty cell after a restart,
near misses (issue 15). The cell hook for answers typed without quotes is tested in
tests/test_answer_cells.py."""

from __future__ import annotations

import json

import pytest

from helpers import SEEDS_DIR
from helpers.core import workspace
from helpers.course import tasks as exercises
from helpers.course import validation
from helpers.figures.numbers import find_numbers


def _out(capsys) -> str:
    return " ".join(capsys.readouterr().out.replace("\u00a0", " ").split())


# ------------------------------------------------------------------ English thousands


@pytest.mark.parametrize(("text", "value"), [
    ("8,000", 8000), ("9,500", 9500), ("11,000", 11000), ("1,500,000", 1_500_000),
    ("-8,000", -8000), ("8,000.5", 8000.5), ("about 8,000 soldiers", 8000),
    ("1,5", 1.5), ("1,50", 1.5), ("8,0000", 8.0), ("11.000", 11000), ("8 000", 8000),
])
def test_the_parser_reads_english_thousands_on_request(text, value):
    assert find_numbers(text, english_thousands=True)[0].value == value


def test_french_text_is_never_read_the_english_way():
    assert [n.value for n in find_numbers("8,000 et 1,5")] == [8.0, 1.5]


@pytest.mark.parametrize(("exercise_id", "answer"), [
    ("03.bound", "8,000"), ("03.spread", "9,500"), ("03.bound", "8,000 soldiers"),
])
def test_an_answer_to_a_count_reads_english_thousands(exercise_id, answer, capsys):
    assert exercises.check(exercise_id, answer) is True
    out = _out(capsys)
    assert f"I read '{answer}' as" in out and "English thousands" in out


def test_a_wrong_english_number_says_how_it_was_read(capsys):
    assert exercises.check("03.bound", "11,000") is False
    out = _out(capsys)
    assert "11 000: Zelensky's 11,000 is stated as a count" in out  # split() ate U+202F
    assert "I read '11,000' as 11 000" in out


def test_a_decimal_comma_stays_a_decimal(capsys):
    assert exercises.check("03.bound", "1,5") is False
    assert "1,5 is too low" in _out(capsys)


# ------------------------------------------------------------------ an empty cell, solved before


def test_an_empty_cell_of_a_solved_exercise_says_it_was_solved(capsys):
    exercises.check("01.slip", "russes")
    capsys.readouterr()
    for placeholder in ("", None, ["", ""]):
        assert exercises.check("01.slip", placeholder) is False
        out = _out(capsys)
        assert "Already solved (your answer: 'russes'), saved in answers.json" in out
        assert 'solution("01.slip")' in out and "Not answered yet" not in out
    assert workspace.load("answers")["01.slip"]["attempts"] == 1  # an empty cell is no attempt


def test_solved_then_wrong_still_says_solved_without_the_wrong_answer(capsys):
    exercises.check("01.slip", "russes")
    exercises.check("01.slip", "Ukraine")
    capsys.readouterr()
    exercises.check("01.slip", "")
    out = _out(capsys)
    assert "Already solved" in out and "Ukraine" not in out


def test_an_empty_cell_of_an_unsolved_exercise_is_not_answered_yet(capsys):
    exercises.check("01.slip", "Ukraine")
    capsys.readouterr()
    exercises.check("01.slip", "")
    assert "Not answered yet" in _out(capsys)


def test_unreadable_saved_answers_do_not_break_an_empty_check(work_dir, capsys):
    work_dir.mkdir(parents=True)
    (work_dir / "answers.json").write_text("{ not json", encoding="utf-8")
    with pytest.warns(workspace.WorkspaceWarning):
        assert exercises.check("01.slip", "") is False
    assert "Not answered yet" in _out(capsys)


# ------------------------------------------------------------------ near misses


@pytest.mark.parametrize(("exercise_id", "answer", "phrase"), [
    ("02.one_origin", "Ukrainian intelligence", "Close: it is Ukrainian intelligence"),
    ("02.one_origin", "the Ukrainian intelligence services", "Name the agency"),
    ("02.one_origin", "les services de renseignement ukrainiens", "Name the agency"),
    ("02.one_origin", "GRU", "the GRU is Russia's military intelligence"),
    ("04.anonymous_grade", "F", "The letter is right"),
    ("04.anonymous_grade", "6", "The number is right"),
    ("01.slip", "Russian", "the French word for \"Russian\""),
    ("02.hedge_word", "le conditionnel", "which verb of the sentence"),
])
def test_near_misses_get_their_own_message(exercise_id, answer, phrase, capsys):
    assert exercises.check(exercise_id, answer) is False
    assert phrase in _out(capsys)


@pytest.mark.parametrize(("exercise_id", "answer"), [
    ("02.one_origin", "the GUR"), ("02.one_origin", "the Ukrainian military intelligence"),
    ("01.original_source", "the BBC"),
])
def test_an_article_before_a_right_answer_is_still_right(exercise_id, answer, capsys):
    assert exercises.check(exercise_id, answer) is True


def test_a_short_near_miss_must_be_a_whole_word(capsys):
    exercises.check("04.anonymous_grade", "F4")
    assert "The letter is right" not in _out(capsys)


def test_near_misses_are_data_in_the_exercises_file():
    data = json.loads((SEEDS_DIR / "exercises.json").read_text(encoding="utf-8"))
    near = {e["id"]: e["near_misses"] for e in data["exercises"] if "near_misses" in e}
    assert any("Ukrainian intelligence" in n["answers"] for n in near["02.one_origin"])


def test_validate_reports_a_near_miss_that_is_right_or_hidden():
    spec = {
        "id": "99.x", "notebook": "99", "kind": "choice", "task": "t", "hints": ["h"],
        "solution": "GUR", "accept": [], "explanation": "e", "feedback": {"GRU": "exact"},
        "near_misses": [{"answers": ["GUR"], "message": "right"},
                        {"answers": ["GRU"], "message": "hidden by feedback"},
                        {"answers": []}],
    }
    problems = validation._validate([spec])
    assert "99.x: near miss 'GUR' is a right answer" in problems
    assert "99.x: near miss 'GRU' gets another message" in problems
    assert "99.x: a near miss needs 'answers' and a 'message'" in problems
