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


# "the GUR", "le GUR", "a British broadcaster": an article before the answer changes nothing.
_LEADING_ARTICLE = re.compile(r"^(?:the|an?|l|les?|la|une?|des?|du)\s+")


def _chosen(spec: dict, folded: str) -> str | None:
    """The canonical answer the folded answer names (with or without a leading article)."""
    aliases = _choice_aliases(spec)
    return aliases.get(folded) or aliases.get(_LEADING_ARTICLE.sub("", folded))


def _near_miss(spec: dict, folded: str) -> str | None:
    """The message of the exercise's first near miss the answer matches, or None.

    ``near_misses`` in the exercises file: ``[{"answers": [...], "message": ...}]``; an answer
    matches when it mentions every word of one of ``answers`` (at the start of a word, in any
    order), so "the Ukrainian intelligence services" is near "Ukrainian intelligence". A word
    of fewer than four characters must be a whole word: "F" is near, "F4" is not."""
    for near in spec.get("near_misses", []):
        for phrase in near["answers"]:
            words = _fold(phrase).split()
            if words and all(_has_word(folded, word) for word in words):
                return near["message"]
    return None


def _has_word(folded: str, word: str) -> bool:
    """``word`` starts a word of ``folded`` ("ukrainien" in "ukrainiens"); a short one is the
    whole word ("f" in "f", not in "f4")."""
    end = r"(?!\w)" if len(word) < 4 else ""
    return re.search(rf"(?<!\w){re.escape(word)}{end}", folded) is not None


def check_choice(spec: dict, answer: Any) -> tuple[bool, str]:
    """One option or word, ignoring case, accents and spacing; known mistakes get a message."""
    if not _is_text_or_number(answer) or not _fold(answer):
        example = f'check("{spec["id"]}", "…")'
        return False, f"{NO} Type your answer as text in quotes, e.g. {example}."
    folded = _fold(answer)
    chosen = _chosen(spec, folded)
    if chosen is not None and _fold(chosen) == _fold(spec["solution"]):
        return True, _wrap(f"{OK} Correct: {spec['solution']}. {spec['explanation']}")
    for wrong, message in spec.get("feedback", {}).items():
        if _fold(wrong) == folded or (chosen is not None and _fold(wrong) == _fold(chosen)):
            return False, _wrap(f"{NO} {answer}: {message}")
    if (near := _near_miss(spec, folded)) is not None:
        return False, _wrap(f"{NO} {answer}: {near}")
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


def _parse_number(answer: Any, count: bool = False) -> float | None:
    """A number from an int/float, or the first number written with digits in a string, read
    the way the figures are (:func:`helpers.figures.numbers.find_numbers`: ``"11 000"``,
    ``"11.000"``, ``"1,5 million"``); None when there is none. For a ``count``, a comma before
    groups of three digits is read the English way (``"8,000"`` is 8000; ``"1,5"`` stays 1.5).
    Number words (``"onze mille"``) are not read: the tasks ask for digits."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        return float(answer) if math.isfinite(answer) else None
    if not isinstance(answer, str):
        return None
    found = [n for n in find_numbers(answer, english_thousands=count)
             if n.kind in {"digits", "mixed"}]
    return found[0].value if found else None


def _is_count(spec: dict) -> bool:
    """Does the exercise ask for a count (a whole number), so that "8,000" means thousands?"""
    solution = spec["solution"]
    return isinstance(solution, numbers.Real) and float(solution).is_integer()


def _read_as(answer: Any, value: float, count: bool) -> str:
    """How a typed answer was read, echoed back: " (I read '8,000' as 8 000 …)"."""
    if not isinstance(answer, str):
        return ""
    english = count and _parse_number(answer) != value
    why = ": the comma before three digits is read as English thousands" if english else ""
    return f" (I read {answer!r} as {format_number(value)}{why}.)"


def check_number(spec: dict, answer: Any) -> tuple[bool, str]:
    """A number within ``tolerance`` of the solution; say whether it is too high or too low."""
    count = _is_count(spec)
    value = _parse_number(answer, count)
    if value is None:
        return False, _wrap(f"{NO} I could not read a number in {_shown(answer)}. Type it in "
                            f"digits between the quotes, e.g. \"1500\".")
    target, tolerance = float(spec["solution"]), float(spec.get("tolerance", 0))
    read_as = _read_as(answer, value, count)
    if abs(value - target) <= tolerance:
        shown = format_number(target)
        return True, _wrap(f"{OK} Correct: {shown}.{read_as} {spec['explanation']}")
    for wrong, message in spec.get("feedback", {}).items():
        known = _parse_number(wrong, count)
        if known is not None and abs(value - known) <= tolerance:
            return False, _wrap(f"{NO} {format_number(value)}: {message}{read_as}")
    direction = "too high" if value > target else "too low"
    return False, _wrap(f"{NO} {format_number(value)} is {direction}.{read_as}")


def _shown(answer: Any) -> str:
    """The answer as the learner typed it, cut short: repr of a text, a list, a number."""
    text = repr(answer)
    return text if len(text) <= 80 else text[:79] + "…"


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
    if (near := _near_miss(spec, folded)) is not None:
        return False, _wrap(f"{NO} {near}")
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
