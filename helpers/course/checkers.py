"""How each kind of answer is checked: ``(spec, answer) -> (correct, message)``. The checkers
never print and never raise; the message says *what* is wrong ("001 is not a verification
caveat: …"), not only "no" (the habit of explosion/spacy-course)."""

from __future__ import annotations

import math
import numbers
import re
import textwrap
from collections.abc import Callable, Iterable
from typing import Any

from helpers.core.text import fold, format_number
from helpers.course.exercise_file import _articles
from helpers.figures.numbers import find_numbers

OK, NO = "✅", "❌"

WIDTH = 92


def _fold(text: Any) -> str:
    """Lower case, no accents, punctuation and hyphens as spaces, single spaces.

    So « Nord-Coréens », "nord coreens" and ' NORD-CORÉENS. ' compare equal.
    """
    return " ".join(re.sub(r"[^\w\s]|_", " ", fold(text)).split())


def _wrap(text: str, indent: str = "   ", first: str = "") -> str:
    """Wrap a message for the notebook: hanging indent, no break inside « » or before "?"."""
    # French puts a space before ? ! » and after «; a no-break space keeps them on the line.
    text = re.sub(r" ([?!»])", "\u00a0\\1", text).replace("« ", "«\u00a0")
    return textwrap.fill(text, width=WIDTH, initial_indent=first, subsequent_indent=indent,
                         break_on_hyphens=False)


def _is_text_or_number(answer: Any) -> bool:
    return isinstance(answer, str | numbers.Number) and not isinstance(answer, bool)


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
def _parse_number(answer: Any) -> float | None:
    """A number from an int/float, or the first number written with digits in a string, read
    the way the figures are (:func:`helpers.figures.numbers.find_numbers`: ``"11 000"``,
    ``"11.000"``, ``"1,5 million"``); None when there is none. Number words (``"onze mille"``)
    are not read: the tasks ask for digits."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        return float(answer) if math.isfinite(answer) else None
    if not isinstance(answer, str):
        return None
    found = [n for n in find_numbers(answer) if n.kind in {"digits", "mixed"}]
    return found[0].value if found else None


def check_number(spec: dict, answer: Any) -> tuple[bool, str]:
    """A number within ``tolerance`` of the solution; say whether it is too high or too low."""
    value = _parse_number(answer)
    if value is None:
        return False, f"{NO} I could not read a number in {answer!r}. Type it in digits, e.g. 1500."
    target, tolerance = float(spec["solution"]), float(spec.get("tolerance", 0))
    read_as = f" (I read {answer!r} as {format_number(value)}.)" if isinstance(answer, str) else ""
    if abs(value - target) <= tolerance:
        shown = format_number(target)
        return True, _wrap(f"{OK} Correct: {shown}.{read_as} {spec['explanation']}")
    for wrong, message in spec.get("feedback", {}).items():
        known = _parse_number(wrong)
        if known is not None and abs(value - known) <= tolerance:
            return False, _wrap(f"{NO} {format_number(value)}: {message}")
    direction = "too high" if value > target else "too low"
    return False, _wrap(f"{NO} {format_number(value)} is {direction}.{read_as}")


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
