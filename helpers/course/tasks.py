"""Exercises for the notebooks: a task, hints, a solution and a check with specific feedback.

The habit comes from explosion/spacy-course: a wrong answer should tell the learner *what* is
wrong ("001 is not a verification caveat: Moscou not confirming is a party to the war, not the
outlet"), not only "no". The exercises themselves are data, the story's ``exercises.json``
(``seeds/``); :mod:`.checkers` knows how to check each *kind* of answer:

``article_set``
    a set of article ids. ``"002_fd0b306409274ced"``, ``"002"``, ``"2"`` and ``2`` all mean
    article 002; a list, tuple, set or a string such as ``"000, 002"`` gives several.
``choice``
    one word or option, compared ignoring case, accents, hyphens, quotes and spaces.
``number``
    a number within a tolerance; ``"11 000"``, ``"11.000"`` and ``"1,5 million"`` are read the
    French way.
``keywords`` (alias ``text_contains``)
    a free-text answer that must mention each expected idea.

In a notebook::

    from helpers.course import task, check, hint, solution
    task("01.slip")
    check("01.slip", "russes")      # prints feedback, returns True / False
    hint("01.slip")                 # call again for the next hint
    solution("01.slip")

Every ``check`` is recorded with :func:`helpers.core.workspace.save` under the key ``"answers"``:
``{id: {"answer": ..., "correct": bool, "attempts": n, "solved": bool}}`` (``solved`` stays True
once the exercise has been answered right). An unknown id raises a ValueError listing the ids.
"""


from __future__ import annotations

import difflib
import math
import numbers
import re
import warnings
from typing import Any

from helpers.core import workspace
from helpers.core.text import format_number
from helpers.course.checkers import CHECKERS, _article_id, _wrap
from helpers.course.exercise_file import _specs

__all__ = ["answers", "check", "exercises", "hint", "solution", "task"]

HINT, KEY, TASK = "💡", "🔑", "📝"


ANSWERS_KEY = "answers"


# How many hints each exercise has shown in this kernel: the next hint() call shows the next one.
_hints_shown: dict[str, int] = {}


def _notebook_code(notebook: Any) -> str:
    """``1``, ``"1"``, ``"01"`` and ``"01_read_the_sources.ipynb"`` all mean notebook ``"01"``."""
    head = str(notebook).strip().split("_")[0].split(".")[0]
    return head.zfill(2) if head.isdigit() else head


def exercises(notebook: Any = None) -> list[str]:
    """The exercise ids, in course order; only those of ``notebook`` when it is given."""
    ids = list(_specs())
    if notebook is None:
        return ids
    code = _notebook_code(notebook)
    return [i for i in ids if _notebook_code(_specs()[i]["notebook"]) == code]


def _spec(exercise_id: Any) -> dict:
    """The exercise, or a ValueError that lists the valid ids (and the closest one)."""
    specs = _specs()
    if isinstance(exercise_id, str) and exercise_id in specs:
        return specs[exercise_id]
    close = difflib.get_close_matches(str(exercise_id), list(specs), n=1, cutoff=0.6)
    suggestion = f" Did you mean {close[0]!r}?" if close else ""
    raise ValueError(
        f"There is no exercise {exercise_id!r}.{suggestion} "
        f"The exercises are: {', '.join(repr(i) for i in specs)}."
    )


def _unanswered(answer: Any) -> bool:
    """The placeholder a notebook cell starts with (``""``, ``["", ""]``, or ``None`` and ``...``
    in notebooks saved before the templates held quotes): not an attempt yet."""
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, list | tuple) and len(answer) <= _MAX_ITEMS:
        return bool(answer) and all(isinstance(a, str) and not a.strip() for a in answer)
    return False


def _evaluate(spec: dict, answer: Any) -> tuple[bool, str]:
    if _unanswered(answer):
        call = _how_to_answer(spec).strip().removeprefix("Answer: ")
        message = "✏️  Not answered yet: type your answer between the quotes, then run the cell."
        return False, f"{message}\n   {call}"
    return CHECKERS[spec["kind"]](spec, answer)


def _already_solved(spec: dict) -> str | None:
    """For an empty answer cell (a notebook reopened after a restart): the message saying the
    exercise was solved before, from the saved answers; None when it was not."""
    try:
        saved = answers().get(spec["id"])
    except Exception:  # unreadable saved work: the exercise is shown as not answered
        return None
    if not (isinstance(saved, dict) and saved.get("solved")):
        return None
    where = workspace.shown(workspace.root() / f"{ANSWERS_KEY}.json")
    last = saved.get("answer") if saved.get("correct") else None
    yours = f" (your answer: {_shown(last)})" if last is not None else ""
    return _wrap(f"✅ Already solved{yours}, saved in {where}. To see the answer and why: "
                 f"solution(\"{spec['id']}\"). To answer again, type it between the quotes.")


def _how_to_answer(spec: dict) -> str:
    """A line the learner can copy: the call, and a comment saying what to put in it."""
    forms = {
        "article_set": ('["...", "..."]', 'article numbers in quotes, e.g. ["001", "003"]'),
        "choice": ('"..."', "a word or option, in quotes"),
        "number": ('"..."', 'a number in quotes, e.g. "1500" or "1 500"'),
        "keywords": ('"..."', "your answer as a sentence, in quotes"),
    }
    call, what = forms.get(spec["kind"], forms["keywords"])
    return f'   Answer: check("{spec["id"]}", {call})  # {what}'


def task(exercise_id: str) -> None:
    """Print the task and how to answer it."""
    spec = _spec(exercise_id)
    print(_wrap(f"{TASK} {spec['id']}: {spec['task']}"))
    print(_how_to_answer(spec))


def hint(exercise_id: str) -> None:
    """Print the next hint; after the last one, repeat it and point to ``solution``."""
    spec = _spec(exercise_id)
    hints = spec["hints"]
    shown = _hints_shown.get(spec["id"], 0)
    index = min(shown, len(hints) - 1)
    _hints_shown[spec["id"]] = shown + 1
    print(_wrap(f"{HINT} Hint {index + 1}/{len(hints)}: {hints[index]}"))
    if index < len(hints) - 1:
        print(f'   (Stuck? hint("{spec["id"]}") again gives another one.)')
    else:
        print(f'   (That was the last hint; solution("{spec["id"]}") shows the answer.)')


def _format_solution(spec: dict) -> str:
    answer = spec["solution"]
    if spec["kind"] == "article_set":
        return ", ".join(sorted(_article_id(a) for a in answer))
    if spec["kind"] == "number":
        return format_number(float(answer))
    options = spec.get("options")
    if isinstance(options, dict) and answer in options:
        return f"{answer}: {options[answer]}"
    return str(answer)


def solution(exercise_id: str) -> None:
    """Print the answer, the call that checks it, and why it is the answer."""
    spec = _spec(exercise_id)
    print(f"{KEY} Solution to {spec['id']}: {_format_solution(spec)}")
    print(f"   check({spec['id']!r}, {spec['solution']!r})")
    print(_wrap(spec["explanation"], first="   "))


def _shown(value: Any) -> str:
    """``repr(value)``, cut to 500 characters; a fixed text when ``repr`` itself fails."""
    try:
        return repr(value)[:500]
    except Exception:  # a learner's object may raise anything from its __repr__
        return f"<a {type(value).__name__} that cannot be shown>"


def _jsonable(value: Any, depth: int = 0) -> Any:
    """The answer in a form workspace can store (sets sorted, unknown objects as text; past
    20 levels of nesting, the rest as text)."""
    if depth > _MAX_DEPTH:
        return _shown(value)
    if isinstance(value, set | frozenset):
        return [_jsonable(v, depth + 1) for v in sorted(value, key=_shown)]
    if isinstance(value, list | tuple):
        return [_jsonable(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {_shown(k) if not isinstance(k, str) else k: _jsonable(v, depth + 1)
                for k, v in value.items()}
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        try:
            return float(value) if math.isfinite(value) else str(value)
        except (OverflowError, ValueError):  # Fraction(10**400, 3) has no float
            return _shown(value)
    return _shown(value)


def _record(exercise_id: str, answer: Any, correct: bool) -> None:
    """Add this attempt to the saved answers; a failure to save never breaks the check."""
    try:
        answers = workspace.load(ANSWERS_KEY, default={})
        if not isinstance(answers, dict):
            raise TypeError(f"the saved {ANSWERS_KEY!r} is not a dict")
        previous = answers.get(exercise_id) if isinstance(answers.get(exercise_id), dict) else {}
        answers[exercise_id] = {
            "answer": _jsonable(answer),
            "correct": correct,
            "attempts": int(previous.get("attempts", 0)) + 1,
            "solved": bool(previous.get("solved")) or correct,
        }
        workspace.save(ANSWERS_KEY, answers)
    except (OSError, TypeError, ValueError) as err:
        warnings.warn(
            f"Your answer to {exercise_id} was checked but not saved ({err}).",
            workspace.WorkspaceWarning,
            stacklevel=3,
        )


# What an answer can be: a few hundred characters of text, a number, a short list. Beyond these,
# check() says so in a sentence instead of feeding the checkers something that makes them raise.
_MAX_DEPTH = 20
_MAX_ITEMS = 10_000
_MAX_CHARS = 20_000
_MAX_DIGITS = 300
_PLAIN = (str, int, float, bool, type(None))


def _too_big(value: Any) -> str | None:
    """Why one piece of an answer cannot be checked (a number or a text too large), or None."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        digits = int(int(value).bit_length() * 0.30103) + 1  # str() refuses past 4,300 digits
        if digits > _MAX_DIGITS:
            return f"a number with about {digits:,} digits"
    if isinstance(value, str):
        if len(value) > _MAX_CHARS:
            return f"{len(value):,} characters of text"
        if re.search(rf"\d{{{_MAX_DIGITS + 1}}}", value):
            return f"a number with more than {_MAX_DIGITS} digits"
    if not isinstance(value, _PLAIN + (list, tuple, set, frozenset, dict)):
        try:
            repr(value)
        except Exception as err:  # whatever a learner's __repr__ raises
            return f"an object that Python cannot show as text ({type(err).__name__})"
    return None


def _unusable(answer: Any) -> str | None:
    """A sentence saying why ``answer`` cannot be checked, or None when it can. Walks the answer
    without recursion, so a list nested 10,000 deep is measured, not crashed on."""
    stack, seen = [(answer, 0)], 0
    while stack:
        value, depth = stack.pop()
        seen += 1
        if depth > _MAX_DEPTH:
            return f"it is nested more than {_MAX_DEPTH} levels deep"
        if seen > _MAX_ITEMS:
            return f"it has more than {_MAX_ITEMS:,} items"
        if (problem := _too_big(value)) is not None:
            return f"it {'is' if depth == 0 else 'holds'} {problem}"
        if isinstance(value, dict):
            stack += [(v, depth + 1) for pair in value.items() for v in pair]
        elif isinstance(value, list | tuple | set | frozenset):
            stack += [(v, depth + 1) for v in value]
    return None


def check(exercise_id: str, answer: Any) -> bool:
    """Check ``answer``, print specific feedback, save the attempt; return True when right.

    An empty answer (the cell's ``""`` template) is not checked and returns False; when the
    saved answers say the exercise was solved, the message says so and how to see it again.

    Never raises on the answer: one that cannot be checked (a huge number or text, deep
    nesting, an object that cannot be shown) gets a sentence saying so, and is not saved."""
    spec = _spec(exercise_id)
    problem = _unusable(answer)
    if problem is None:
        try:
            correct, message = _evaluate(spec, answer)
            empty = _unanswered(answer)
        except Exception as err:  # a checker must never take the notebook down with it
            problem = f"checking it failed ({type(err).__name__})"
    if problem is not None:
        print(_wrap(f"❌ This answer cannot be checked: {problem}. Answer with a word, a number "
                    f"or a short list."))
        print(_how_to_answer(spec))
        return False
    if empty:
        # An empty cell is not an attempt: nothing is saved, and a solved exercise says so.
        print(_already_solved(spec) or message)
        return False
    print(message)
    _record(spec["id"], answer, correct)
    return correct


def answers() -> dict:
    """The saved attempts: ``{id: {"answer", "correct", "attempts", "solved"}}``."""
    saved = workspace.load(ANSWERS_KEY, default={})
    return saved if isinstance(saved, dict) else {}
