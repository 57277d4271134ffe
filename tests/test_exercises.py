"""helpers.course: right answers pass, wrong ones get specific, friendly feedback."""

from __future__ import annotations

import json

import pytest

from helpers import SEEDS_DIR
from helpers.core import workspace
from helpers.course import checkers, exercise_file, validation
from helpers.course import tasks as exercises

NOTEBOOK_01 = ["01.google_news", "01.verification", "01.slip", "01.original_source",
               "01.spellings"]


@pytest.fixture(autouse=True)
def fresh_hints(monkeypatch):
    """Hint counters start from zero (answers go to conftest's temporary work folder)."""
    monkeypatch.setattr(exercises, "_hints_shown", {})


def _flat(text: str) -> str:
    """A message with no-break spaces and line wrapping turned back into plain spaces."""
    return " ".join(text.replace("\u00a0", " ").split())


def _out(capsys) -> str:
    """What was printed, flattened."""
    return _flat(capsys.readouterr().out)


# ------------------------------------------------------------------------------ the data


def test_data_file_has_every_required_field():
    data = json.loads((SEEDS_DIR / "exercises.json").read_text(encoding="utf-8"))
    assert data["exercises"], "no exercises"
    for spec in data["exercises"]:
        for field in validation.REQUIRED_FIELDS + validation.KIND_FIELDS[spec["kind"]]:
            assert field in spec, f"{spec.get('id')}: missing {field}"
        assert spec["hints"] and all(isinstance(h, str) and h.strip() for h in spec["hints"])
        assert spec["task"].strip() and spec["explanation"].strip()


def test_articles_in_data_match_the_seeds():
    stems = sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    assert sorted(exercise_file._articles().values()) == stems
    assert all(full.startswith(prefix + "_") for prefix, full in exercise_file._articles().items())


def test_validate_finds_no_problem():
    assert validation._validate() == []


@pytest.mark.parametrize("exercise_id", exercises.exercises())
def test_solution_passes_and_nonsense_fails_quietly(exercise_id):
    spec = exercises._spec(exercise_id)
    assert exercises._evaluate(spec, spec["solution"])[0]
    for nonsense in (None, "", "banana", 42, [], {"x": 1}):
        correct, message = exercises._evaluate(spec, nonsense)
        assert correct is False and message.startswith(("❌", "✏️"))


def test_validate_reports_broken_exercises():
    good = exercises._spec("01.slip")
    broken = [
        {**exercises._spec("01.google_news"), "id": "01.bad", "solution": ["009"]},  # fails
        {k: v for k, v in good.items() if k != "hints"} | {"id": "01.nohints"},
        {**good, "id": "02.wrong_notebook"},
        {**good, "id": "01.kind", "kind": "essay"},
        {**good, "id": "01.fb", "feedback": {"russe": "never shown"}},
    ]
    problems = " | ".join(validation._validate(broken))
    assert "does not pass its own check" in problems
    assert "01.nohints: missing field 'hints'" in problems
    assert "must start with its notebook" in problems
    assert "unknown kind 'essay'" in problems
    assert "would never be shown" in problems


def test_validate_reports_duplicate_ids():
    spec = exercises._spec("01.slip")
    assert "duplicate id '01.slip'" in validation._validate([spec, spec])


# ---------------------------------------------------------------------- listing, unknown ids


def test_exercises_lists_ids_by_notebook():
    assert exercises.exercises("01") == NOTEBOOK_01
    assert exercises.exercises(1) == NOTEBOOK_01
    assert exercises.exercises("01_read_the_sources.ipynb") == NOTEBOOK_01
    assert exercises.exercises("99") == []
    assert set(NOTEBOOK_01) <= set(exercises.exercises())


@pytest.mark.parametrize("call", ["check", "hint", "solution", "task"])
def test_unknown_id_raises_friendly_value_error(call, capsys):
    args = ("1.slip", "russes") if call == "check" else ("1.slip",)
    with pytest.raises(ValueError) as info:
        getattr(exercises, call)(*args)
    message = str(info.value)
    assert "There is no exercise '1.slip'" in message
    assert "Did you mean '01.slip'?" in message
    assert all(repr(i) in message for i in NOTEBOOK_01)
    assert capsys.readouterr().out == ""
    assert workspace.load("answers") is None  # nothing recorded for a typo


def test_non_string_id_raises_value_error():
    with pytest.raises(ValueError, match="There is no exercise 3"):
        exercises.check(3, "x")


# ------------------------------------------------------------------------------ article_set


@pytest.mark.parametrize(
    "answer",
    [
        ["000", "002"],
        ("0", "2"),
        {0, 2},
        ["000_a2d806d17827b430", "002_fd0b306409274ced"],
        ["000_a2d806d17827b430.txt", 2],
        "000, 002",
        "0 et 2",
        "000;002",
        ["000", "002", "002"],  # repeating an id is not a mistake
    ],
)
def test_article_ids_are_normalised(answer, capsys):
    assert exercises.check("01.google_news", answer) is True
    assert _out(capsys).startswith("✅ Correct: 000 and 002.")


def test_article_set_names_missing_and_extra_with_item_feedback(capsys):
    assert exercises.check("01.verification", ["001", "004"]) is False
    out = _out(capsys)
    assert "you have 1 of the 2 articles, and 1 that should not be there" in out
    assert "Missing 000:" in out and "ne peuvent être vérifiées" in out
    assert "001 should not be there:" in out
    assert "n'ait pas été confirmée par Moscou" in out and "party to the war" in out
    assert "004 should not be there" not in out and "Missing 004" not in out


def test_article_set_only_missing(capsys):
    assert exercises.check("01.verification", "4") is False
    out = _out(capsys)
    assert "you have 1 of the 2 articles." in out
    assert "Missing 000" in out and "should not be there" not in out


@pytest.mark.parametrize(
    ("extra", "phrase"),
    [("001", "no aggregator line"), ("003", "author box"), ("004", "no aggregator line")],
)
def test_google_news_feedback_for_each_wrong_article(extra, phrase, capsys):
    assert exercises.check("01.google_news", ["000", "002", extra]) is False
    out = _out(capsys)
    assert f"{extra} should not be there" in out and phrase in out


def test_verification_feedback_for_003(capsys):
    exercises.check("01.verification", [0, 3, 4])
    assert "003 makes no such caveat" in _out(capsys)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (["banana"], "I don't recognise 'banana' as an article"),
        (["007"], "I don't recognise '007'"),
        ([5], "I don't recognise 5"),
        ([True], "I don't recognise True"),
        ([], "Your answer is empty"),
        ({"x": 1}, "Answer with a list of article ids"),
    ],
)
def test_article_set_bad_shapes(answer, expected, capsys):
    assert exercises.check("01.google_news", answer) is False
    out = _out(capsys)
    assert expected in out
    if "recognise" in expected:
        assert "000, 001, 002, 003, 004" in out


# ------------------------------------------------------------------------------ choice


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [
        ("01.slip", "russes"), ("01.slip", "  RUSSES "), ("01.slip", "russe"),
        ("01.slip", "soldats russes"), ("01.slip", "« russes »"),
        ("01.original_source", "BBC"), ("01.original_source", "la bbc"),
        ("01.original_source", "BBC News"),
        ("01.spellings", "Vorojba"), ("01.spellings", "vorojba."),
    ],
)
def test_choice_accepts_variants(exercise_id, answer, capsys):
    assert exercises.check(exercise_id, answer) is True
    assert _out(capsys).startswith("✅ Correct:")


@pytest.mark.parametrize(
    ("exercise_id", "answer", "phrase"),
    [
        ("01.slip", "nord-coréens", "the word that should be there"),
        ("01.slip", "Nord Coreens", "the word that should be there"),  # no hyphen, no accent
        ("01.slip", "Ukraine", "matches the headline"),
        ("01.slip", "aurait", "conditionnel journalistique"),
        ("01.slip", "soldats", "whose soldiers"),
        ("01.original_source", "News Day FR", "aggregator itself"),
        ("01.original_source", "Telegram", "Kovalenko"),
        ("01.original_source", "les responsables ukrainiens", "origin"),
        ("01.spellings", "Vorobzha", "That is 004's spelling"),
        ("01.spellings", "Vorozhba", "single \"j\""),
        ("01.spellings", "Plekhovo", "in the middle"),
    ],
)
def test_choice_known_mistakes_get_specific_feedback(exercise_id, answer, phrase, capsys):
    assert exercises.check(exercise_id, answer) is False
    out = _out(capsys)
    assert out.startswith("❌") and phrase in out


def test_choice_unknown_answer_points_to_hint(capsys):
    assert exercises.check("01.slip", "banana") is False
    out = _out(capsys)
    assert "'banana' is not the answer" in out and 'hint("01.slip")' in out


def test_choice_with_lettered_options():
    spec = {
        "id": "99.letters", "kind": "choice", "solution": "B", "accept": [],
        "explanation": "Because.", "feedback": {"A": "A is the aggregator."},
        "options": {"A": "News Day FR", "B": "la BBC", "C": "l'AFP"},
    }
    assert exercises._evaluate(spec, "b")[0]
    assert exercises._evaluate(spec, "La BBC")[0]
    correct, message = exercises._evaluate(spec, "news day fr")
    assert not correct and "aggregator" in message  # feedback keyed by letter, answered by text
    correct, message = exercises._evaluate(spec, "D")
    assert not correct and "not one of the options: A, B, C" in message


# ------------------------------------------------------------------------------ number


NUMBER_SPEC = {
    "id": "99.number", "kind": "number", "solution": 11000, "tolerance": 0,
    "explanation": "Zelensky's figure.",
    "feedback": {"8000": "8 000 is the US figure, not Zelensky's."},
}


@pytest.mark.parametrize(
    "answer", [11000, 11000.0, "11000", "11 000", "11.000", "11\u202f000", "11\u00a0000 soldats",
               "environ 11 000", "11 mille"],
)
def test_number_accepts_french_writing(answer):
    assert exercises._evaluate(NUMBER_SPEC, answer)[0]


@pytest.mark.parametrize(
    ("answer", "phrase"),
    [
        (12000, "12 000 is too high"),
        ("10.000", "10 000 is too low"),
        ("1,5", "1,5 is too low"),
        ("8 000", "US figure"),
        ("onze mille", "could not read a number"),
        (True, "could not read a number"),
        (float("nan"), "could not read a number"),
    ],
)
def test_number_feedback(answer, phrase):
    correct, message = exercises._evaluate(NUMBER_SPEC, answer)
    assert not correct and phrase in _flat(message)


def test_number_echoes_how_a_string_was_read():
    _, message = exercises._evaluate(NUMBER_SPEC, "1.500")
    assert "I read '1.500' as 1 500" in _flat(message)  # 1 500 with a narrow no-break space


def test_number_tolerance():
    spec = {**NUMBER_SPEC, "solution": 3000, "tolerance": 100, "feedback": {}}
    assert exercises._evaluate(spec, "2 950")[0]
    assert not exercises._evaluate(spec, 3101)[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,5 million", 1_500_000), ("0.125", 0.125), ("1.5", 1.5), ("1.234.567", 1_234_567),
     ("-3", -3), ("10.000,5", 10000.5), ("abc", None)],
)
def test_parse_number(text, value):
    assert checkers._parse_number(text) == value


# ------------------------------------------------------------------------------ keywords


KEYWORDS_SPEC = {
    "id": "99.words", "kind": "keywords",
    "solution": "Moscou n'a pas confirmé, ce n'est pas le média",
    "explanation": "A party to the war is not the outlet.",
    "keywords": [
        {"idea": "who did not confirm (a party to the war)",
         "terms": ["moscou", "kremlin", "russie"]},
        {"idea": "that this is not the outlet's own check",
         "terms": ["media", "outlet", "journal"]},
    ],
    "feedback": {},
    "feedback_contains": {"bbc": "The BBC is in 004, not 001."},
}


def test_keywords_accepts_any_term_ignoring_accents_and_case():
    assert exercises._evaluate(KEYWORDS_SPEC, KEYWORDS_SPEC["solution"])[0]
    assert exercises._evaluate(KEYWORDS_SPEC, "Le KREMLIN ne confirme pas; le MÉDIA ne dit rien")[0]
    assert exercises._evaluate({**KEYWORDS_SPEC, "kind": "text_contains"}, "Moscou, media")[0]


def test_keywords_names_the_missing_idea():
    correct, message = exercises._evaluate(KEYWORDS_SPEC, "Moscou ne confirme pas")
    assert not correct
    assert "not the outlet's own check" in _flat(message)
    assert "who did not confirm" not in message


def test_keywords_term_must_start_a_word():
    # "media" inside "intermediaire" is not the idea
    assert not exercises._evaluate(KEYWORDS_SPEC, "Moscou, intermédiaire")[0]


def test_keywords_feedback_contains():
    _, message = exercises._evaluate(KEYWORDS_SPEC, "La BBC")
    assert "in 004, not 001" in message


# ---------------------------------------------------------------------- task, hint, solution


def test_task_prints_task_and_how_to_answer(capsys):
    exercises.task("01.google_news")
    out = _out(capsys)
    assert out.startswith("📝 01.google_news:")
    assert "For Latest Updates Follow us on Google News" in out
    assert 'Answer: check("01.google_news", ["...", "..."])' in out


def test_hints_are_revealed_one_by_one(capsys):
    spec = exercises._spec("01.slip")
    exercises.hint("01.slip")
    first = _out(capsys)
    assert "Hint 1/2" in first and spec["hints"][0] in first and "again" in first
    exercises.hint("01.slip")
    second = _out(capsys)
    assert "Hint 2/2" in second and spec["hints"][1] in second and "solution(" in second
    exercises.hint("01.slip")  # past the end: the last hint again, no crash
    assert "Hint 2/2" in _out(capsys)


def test_solution_prints_answer_and_explanation(capsys):
    exercises.solution("01.verification")
    out = _out(capsys)
    assert out.startswith("🔑 Solution to 01.verification: 000, 004")
    assert "check('01.verification', ['000', '004'])" in out
    assert "La BBC n'a pas vérifié" in out


def test_output_is_plain_text(capsys):
    for exercise_id in NOTEBOOK_01:
        exercises.task(exercise_id)
        exercises.hint(exercise_id)
        exercises.solution(exercise_id)
        exercises.check(exercise_id, "banana")
    out = capsys.readouterr().out
    assert "<" not in out.replace("<no", "")  # no HTML tags


# ------------------------------------------------------------------------------ persistence


def test_answers_are_saved_in_the_workspace(work_dir, capsys):
    exercises.check("01.slip", "Ukraine")
    exercises.check("01.slip", "russes")
    exercises.check("01.google_news", {2, "000"})
    saved = workspace.load("answers")
    assert saved["01.slip"] == {"answer": "russes", "correct": True, "attempts": 2, "solved": True}
    assert saved["01.google_news"]["answer"] == ["000", 2]  # the set, as a sorted list
    assert saved["01.google_news"]["correct"] is True
    assert (work_dir / "answers.json").exists()
    assert exercises.answers() == saved


def test_solved_stays_true_after_a_later_wrong_answer(capsys):
    exercises.check("01.spellings", "Vorojba")
    exercises.check("01.spellings", "Vorobzha")
    entry = workspace.load("answers")["01.spellings"]
    assert entry["correct"] is False and entry["solved"] is True and entry["attempts"] == 2


def test_answers_survive_a_restart(work_dir, capsys, monkeypatch):
    exercises.check("01.slip", "russes")
    # A new kernel: module state is gone, only the files remain.
    workspace.set_root(None)
    monkeypatch.setenv(workspace.ENV_VAR, str(work_dir))
    assert workspace.load("answers")["01.slip"]["correct"] is True
    exercises.check("01.slip", "russes")
    assert workspace.load("answers")["01.slip"]["attempts"] == 2


def test_saving_failure_does_not_break_check(monkeypatch, capsys):
    def broken_save(key, data):
        raise OSError("read-only file system")

    monkeypatch.setattr(workspace, "save", broken_save)
    with pytest.warns(workspace.WorkspaceWarning, match="checked but not saved"):
        assert exercises.check("01.slip", "russes") is True
    assert "✅" in capsys.readouterr().out


def test_unsaveable_answer_is_stored_as_text(capsys):
    exercises.check("01.slip", object())
    saved = workspace.load("answers")["01.slip"]
    assert saved["correct"] is False and saved["answer"].startswith("<object object")


@pytest.mark.parametrize("placeholder", [None, ..., "", "  ", ["", ""], [""], ("", "")])
def test_the_notebook_placeholder_is_not_an_attempt(placeholder, capsys):
    """Cells start as `my_answer = ""` (or `["", ""]`; `None` in older copies): say how to
    answer, and record nothing."""
    assert exercises.check("01.google_news", placeholder) is False
    out = _out(capsys)
    assert "Not answered yet: type your answer between the quotes" in out
    assert 'check("01.google_news", ["...", "..."])' in out
    assert "01.google_news" not in exercises.answers()
