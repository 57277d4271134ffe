"""Exercises for the notebooks: a task, hints, a solution and a check with specific feedback.

The habit comes from explosion/spacy-course: a wrong answer should tell the learner *what* is
wrong ("001 is not a verification caveat: Moscou not confirming is a party to the war, not the
outlet"), not only "no". The exercises themselves are data, in ``helpers/data/exercises.json``;
this module only knows how to check each *kind* of answer:

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

    from helpers.course.tasks import task, check, hint, solution
    task("01.slip")
    check("01.slip", "russes")      # prints feedback, returns True / False
    hint("01.slip")                 # call again for the next hint
    solution("01.slip")

Every ``check`` is recorded with :func:`helpers.workspace.save` under the key ``"answers"``:
``{id: {"answer": ..., "correct": bool, "attempts": n, "solved": bool}}`` (``solved`` stays True
once the exercise has been answered right). An unknown id raises a ValueError listing the ids.
"""

from __future__ import annotations

import difflib
import json
import math
import numbers
import re
import textwrap
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from helpers import SEEDS_DIR
from helpers.core import workspace

__all__ = ["answers", "check", "exercises", "hint", "solution", "task"]

EXERCISES_FILE = SEEDS_DIR / "exercises.json"
ANSWERS_KEY = "answers"

#: Fields every exercise must have, and the extra fields each kind needs.
REQUIRED_FIELDS = ("id", "notebook", "kind", "task", "hints", "solution", "explanation", "feedback")
KIND_FIELDS = {
    "article_set": (),
    "choice": ("accept",),
    "number": ("tolerance",),
    "keywords": ("keywords",),
    "text_contains": ("keywords",),
}
#: Answers no exercise should accept; ``_validate`` makes sure each one fails without raising.
NONSENSE = (None, "", "banana", 42, [], {"x": 1}, True, 3.5, "   ", ["banana"])

OK, NO, HINT, KEY, TASK = "✅", "❌", "💡", "🔑", "📝"
WIDTH = 92

# How many hints each exercise has shown in this kernel: the next hint() call shows the next one.
_hints_shown: dict[str, int] = {}


# --------------------------------------------------------------------------------------------
# the data
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _data() -> dict:
    """The parsed exercises file (read once; loaded lazily so importing never fails)."""
    return json.loads(EXERCISES_FILE.read_text(encoding="utf-8"))


def _specs() -> dict[str, dict]:
    return {spec["id"]: spec for spec in _data()["exercises"]}


def _articles() -> dict[str, str]:
    """Three-digit prefix -> full article id, e.g. ``"002" -> "002_fd0b306409274ced"``."""
    return _data()["articles"]


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


# --------------------------------------------------------------------------------------------
# small text tools
# --------------------------------------------------------------------------------------------


def _fold(text: Any) -> str:
    """Lower case, no accents, punctuation and hyphens as spaces, single spaces.

    So « Nord-Coréens », "nord coreens" and ' NORD-CORÉENS. ' compare equal.
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def _wrap(text: str, indent: str = "   ", first: str = "") -> str:
    """Wrap a message for the notebook: hanging indent, no break inside « » or before "?"."""
    # French puts a space before ? ! » and after «; a no-break space keeps them on the line.
    text = re.sub(r" ([?!»])", "\u00a0\\1", text).replace("« ", "«\u00a0")
    return textwrap.fill(text, width=WIDTH, initial_indent=first, subsequent_indent=indent,
                         break_on_hyphens=False)


def _is_text_or_number(answer: Any) -> bool:
    return isinstance(answer, str | numbers.Number) and not isinstance(answer, bool)


# --------------------------------------------------------------------------------------------
# checkers: (spec, answer) -> (correct, message). They never print and never raise.
# --------------------------------------------------------------------------------------------

_ARTICLE_RE = re.compile(r"(\d{1,3})(?:_[0-9a-f]*)?(?:\.[a-z]+)?", re.IGNORECASE)
_SEPARATORS = re.compile(r"[,;\s]+|\bet\b|\band\b")


def _article_items(answer: Any) -> list | None:
    """The separate items of an article-set answer, or None when it has the wrong shape."""
    if isinstance(answer, str):
        return [part for part in _SEPARATORS.split(answer) if part]
    if isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
        return [answer]
    if isinstance(answer, Iterable) and not isinstance(answer, dict | bytes):
        items = []
        for item in answer:
            items.extend(_article_items(item) if isinstance(item, str) else [item])
        return items
    return None


def _article_id(item: Any) -> str | None:
    """``"002_fd0b…"``, ``"002"``, ``"2"``, ``2`` -> ``"002"``; None if it is not an article."""
    if isinstance(item, numbers.Integral) and not isinstance(item, bool):
        prefix = f"{int(item):03d}" if 0 <= item < 1000 else None
    elif isinstance(item, str) and (m := _ARTICLE_RE.fullmatch(item.strip().strip("'\""))):
        prefix = m.group(1).zfill(3)
    else:
        prefix = None
    return prefix if prefix in _articles() else None


def _join_ids(ids: Iterable[str]) -> str:
    ids = sorted(ids)
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]


def check_article_set(spec: dict, answer: Any) -> tuple[bool, str]:
    """Compare a set of article ids; name what is missing and what should not be there."""
    example = "e.g. [\"001\", \"003\"] or \"1, 3\""
    items = _article_items(answer)
    if items is None:
        return False, f"{NO} Answer with a list of article ids, {example}."
    if not items:
        return False, f"{NO} Your answer is empty. Give the ids of the articles, {example}."
    unknown = [item for item in items if _article_id(item) is None]
    if unknown:
        valid = ", ".join(_articles())
        return False, _wrap(
            f"{NO} I don't recognise {', '.join(repr(u) for u in unknown)} as an article. "
            f"The articles are {valid} (type \"002\", 2 or the full id \"{_articles()['002']}\")."
        )
    given = {_article_id(item) for item in items}
    expected = {_article_id(item) for item in spec["solution"]}
    if given == expected:
        return True, _wrap(f"{OK} Correct: {_join_ids(expected)}. {spec['explanation']}")
    return False, _article_set_feedback(spec, given, expected)


def _article_set_feedback(spec: dict, given: set[str], expected: set[str]) -> str:
    """The message for a wrong set: a count, then one line per missing or extra article."""
    found, missing, extra = given & expected, expected - given, given - expected
    lines = [f"{NO} Not quite: you have {len(found)} of the {len(expected)} articles"
             + (f", and {len(extra)} that should not be there." if extra else ".")]
    feedback = spec.get("feedback", {})
    for art in sorted(missing):
        why = feedback.get(art, f"look at article {art} again.")
        lines.append(_wrap(f"  • Missing {art}: {why}", indent="    "))
    for art in sorted(extra):
        why = feedback.get(art, f"article {art} does not fit this question.")
        lines.append(_wrap(f"  • {art} should not be there: {why}", indent="    "))
    return "\n".join(lines)


def _choice_aliases(spec: dict) -> dict[str, str]:
    """Folded text -> canonical answer, for the solution, ``accept`` and lettered options."""
    aliases = {_fold(a): str(spec["solution"]) for a in spec.get("accept", [])}
    options = spec.get("options")
    if isinstance(options, dict):  # {"A": "text", ...}: the letter or the text both count
        for letter, text in options.items():
            aliases[_fold(letter)] = aliases[_fold(text)] = str(letter)
    aliases[_fold(spec["solution"])] = str(spec["solution"])
    return aliases


def check_choice(spec: dict, answer: Any) -> tuple[bool, str]:
    """One option or word, ignoring case, accents and spacing; known mistakes get a message."""
    if not _is_text_or_number(answer) or not _fold(answer):
        example = f'check("{spec["id"]}", "…")'
        return False, f"{NO} Type your answer as text in quotes, e.g. {example}."
    folded = _fold(answer)
    chosen = _choice_aliases(spec).get(folded)
    if chosen is not None and _fold(chosen) == _fold(spec["solution"]):
        return True, _wrap(f"{OK} Correct: {spec['solution']}. {spec['explanation']}")
    for wrong, message in spec.get("feedback", {}).items():
        if _fold(wrong) == folded or (chosen is not None and _fold(wrong) == _fold(chosen)):
            return False, _wrap(f"{NO} {answer}: {message}")
    for fragment, message in spec.get("feedback_contains", {}).items():
        if _fold(fragment) in folded:
            return False, _wrap(f"{NO} {answer}: {message}")
    options = spec.get("options")
    if options and chosen is None:
        shown = ", ".join(options if isinstance(options, list) else options.keys())
        return False, _wrap(f"{NO} {answer!r} is not one of the options: {shown}.")
    return False, _wrap(
        f"{NO} {answer!r} is not the answer. "
        f"Read the passage again, or call hint(\"{spec['id']}\")."
    )


# French grouping first (11.000, 11 000, 1 500,5), then a plain number (11000, 1,5, 0.25).
# A first group starting with 0 cannot be grouped thousands, so "0.125" stays a decimal.
_NUMBER_RE = re.compile(
    r"(?P<sign>[-+]?)(?:(?P<grouped>[1-9]\d{0,2}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?)(?!\d)"
    r"|(?P<plain>\d+(?:[.,]\d+)?))"
)
_SCALES = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9}


def _parse_number(answer: Any) -> float | None:
    """A number from an int/float or a French-written string; None when there is none."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        return float(answer) if math.isfinite(answer) else None
    if not isinstance(answer, str) or not (m := _NUMBER_RE.search(answer)):
        return None
    if m.group("grouped"):
        digits = re.sub(r"[ \u00a0\u202f.]", "", m.group("grouped"))  # drop grouping marks
    else:
        digits = m.group("plain")
    value = float(m.group("sign") + digits.replace(",", "."))
    scale = re.match(r"\s*([a-z]+)", answer[m.end():].lower())  # "1,5 million"
    return value * _SCALES.get(scale.group(1), 1) if scale else value


def _format_number(value: float) -> str:
    """11000.0 -> "11 000", 1.5 -> "1,5": the way the articles write numbers."""
    if value == int(value):
        return f"{int(value):,}".replace(",", " ")
    return f"{value:g}".replace(".", ",")


def check_number(spec: dict, answer: Any) -> tuple[bool, str]:
    """A number within ``tolerance`` of the solution; say whether it is too high or too low."""
    value = _parse_number(answer)
    if value is None:
        return False, f"{NO} I could not read a number in {answer!r}. Type it in digits, e.g. 1500."
    target, tolerance = float(spec["solution"]), float(spec.get("tolerance", 0))
    read_as = f" (I read {answer!r} as {_format_number(value)}.)" if isinstance(answer, str) else ""
    if abs(value - target) <= tolerance:
        shown = _format_number(target)
        return True, _wrap(f"{OK} Correct: {shown}.{read_as} {spec['explanation']}")
    for wrong, message in spec.get("feedback", {}).items():
        known = _parse_number(wrong)
        if known is not None and abs(value - known) <= tolerance:
            return False, _wrap(f"{NO} {_format_number(value)}: {message}")
    direction = "too high" if value > target else "too low"
    return False, _wrap(f"{NO} {_format_number(value)} is {direction}.{read_as}")


def _mentions(folded_text: str, term: str) -> bool:
    """Does the text mention ``term`` at the start of a word ("vérifi" matches "vérifiées")?"""
    return re.search(r"(?<!\w)" + re.escape(_fold(term)), folded_text) is not None


def check_keywords(spec: dict, answer: Any) -> tuple[bool, str]:
    """Free text that must mention every expected idea; name the ideas that are missing."""
    if not isinstance(answer, str) or not _fold(answer):
        return False, f"{NO} Write your answer as a sentence in quotes, e.g. \"The outlet …\"."
    folded = _fold(answer)
    missing = [group["idea"] for group in spec["keywords"]
               if not any(_mentions(folded, term) for term in group["terms"])]
    if not missing:
        return True, _wrap(f"{OK} Well put. {spec['explanation']}")
    for fragment, message in spec.get("feedback_contains", {}).items():
        if _mentions(folded, fragment):
            return False, _wrap(f"{NO} {message}")
    ideas = "; ".join(missing)
    return False, _wrap(f"{NO} Your answer is on its way, but it does not yet say: {ideas}.")


CHECKERS: dict[str, Callable[[dict, Any], tuple[bool, str]]] = {
    "article_set": check_article_set,
    "choice": check_choice,
    "number": check_number,
    "keywords": check_keywords,
    "text_contains": check_keywords,
}


def _unanswered(answer: Any) -> bool:
    """The placeholder a notebook cell starts with (``None`` or ``...``): not an attempt yet."""
    return answer is None or answer is Ellipsis


def _evaluate(spec: dict, answer: Any) -> tuple[bool, str]:
    if _unanswered(answer):
        call = _how_to_answer(spec).strip().removeprefix("Answer: ")
        message = "✏️  Not answered yet: replace None with your answer, then run the cell."
        return False, f"{message}\n   {call}"
    return CHECKERS[spec["kind"]](spec, answer)


# --------------------------------------------------------------------------------------------
# what the learner calls
# --------------------------------------------------------------------------------------------


def _how_to_answer(spec: dict) -> str:
    """A line the learner can copy: the call, and a comment saying what to put in it."""
    forms = {
        "article_set": ('[...]', 'a list of article ids, e.g. ["001", "003"] or "1, 3"'),
        "choice": ('"..."', "a word or option, in quotes"),
        "number": ("...", 'a number, e.g. 1500 or "1 500"'),
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
        return _format_number(float(answer))
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


def _jsonable(value: Any) -> Any:
    """The answer in a form workspace can store (sets sorted, unknown objects as text)."""
    if isinstance(value, set | frozenset):
        return [_jsonable(v) for v in sorted(value, key=str)]
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value) if math.isfinite(value) else str(value)
    return repr(value)[:500]


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


def check(exercise_id: str, answer: Any) -> bool:
    """Check ``answer``, print specific feedback, save the attempt; return True when right."""
    spec = _spec(exercise_id)
    correct, message = _evaluate(spec, answer)
    print(message)
    if not _unanswered(answer):
        _record(spec["id"], answer, correct)
    return correct


def answers() -> dict:
    """The saved attempts: ``{id: {"answer", "correct", "attempts", "solved"}}``."""
    saved = workspace.load(ANSWERS_KEY, default={})
    return saved if isinstance(saved, dict) else {}


# --------------------------------------------------------------------------------------------
# self-check of the data, used by the tests
# --------------------------------------------------------------------------------------------


def _structure_problems(spec: dict) -> list[str]:
    """Missing or ill-typed fields of one exercise."""
    name = spec.get("id", "<no id>")
    kind = spec.get("kind")
    needed = REQUIRED_FIELDS + KIND_FIELDS.get(kind, ())
    problems = [f"{name}: missing field {f!r}" for f in needed if f not in spec]
    if kind not in KIND_FIELDS:
        problems.append(f"{name}: unknown kind {kind!r}")
    for field in ("task", "explanation"):
        if not (isinstance(spec.get(field), str) and spec.get(field, "").strip()):
            problems.append(f"{name}: {field!r} must be a non-empty string")
    hints = spec.get("hints")
    if not (isinstance(hints, list) and hints and all(isinstance(h, str) and h for h in hints)):
        problems.append(f"{name}: 'hints' must be a non-empty list of strings")
    if not str(name).startswith(f"{spec.get('notebook')}."):
        problems.append(f"{name}: the id must start with its notebook, {spec.get('notebook')}.")
    return problems


def _answer_problems(spec: dict) -> list[str]:
    """The solution must pass, nonsense must fail quietly, feedback must be reachable."""
    name = spec["id"]
    problems = []
    for right in [spec["solution"], *spec.get("accept", [])]:
        if not _evaluate(spec, right)[0]:
            problems.append(f"{name}: the answer {right!r} does not pass its own check")
    for nonsense in NONSENSE:
        try:
            correct, message = _evaluate(spec, nonsense)
        except Exception as err:  # the point is to report any crash, whatever it is
            problems.append(f"{name}: check raised {err!r} on {nonsense!r}")
            continue
        if correct or not message.strip():
            problems.append(f"{name}: {nonsense!r} was accepted or got no feedback")
    if spec["kind"] == "article_set":
        problems += [f"{name}: feedback for unknown article {k!r}"
                     for k in spec["feedback"] if k not in _articles()]
    if spec["kind"] == "choice":
        problems += [f"{name}: feedback {k!r} is a right answer, it would never be shown"
                     for k in spec["feedback"] if _evaluate(spec, k)[0]]
    return problems


def _validate(specs: list[dict] | None = None) -> list[str]:
    """Every problem found in the exercises (an empty list means all is well)."""
    specs = _data()["exercises"] if specs is None else specs
    problems = []
    ids = [s.get("id") for s in specs]
    problems += [f"duplicate id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for spec in specs:
        structure = _structure_problems(spec)
        problems += structure or _answer_problems(spec)
    return problems
