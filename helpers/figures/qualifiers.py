"""What a qualifier does to a figure: "environ", "quelque", "près de", "une dizaine" (approx);
"au moins", "plus de" (lower bound); "jusqu'à", "moins de" (upper bound); "entre X et Y", "de X
à Y" (range); two bounds joined into a range; "cinq unités de 3 000 soldats" (a derived total).
The phrases are data (``figure_qualifiers.csv``, the range connectors of
``figure_patterns.json``)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from helpers.core.text import is_missing
from helpers.figures.article import DATA_DIR, _DocView, _regexes, patterns
from helpers.figures.numbers import Number

QUALIFIERS = ("exact", "approx", "lower", "upper", "range", "vague")


NAN = float("nan")


def _phrase_regex(phrase: str, before: bool = True) -> str:
    """'plus de' -> r'plus\\s+(?:de\\s+|d')', "jusqu'à" -> r"jusqu'\\s*à\\s*"; a phrase placed
    before the number may end in a space, one placed after it ends at a word boundary."""
    words = phrase.split()
    parts = []
    for i, word in enumerate(words):
        last = i == len(words) - 1
        if last and before and word == "de":
            parts.append(r"(?:de\s+|d')")
            continue
        piece = re.escape(word).replace("'", r"'\s*").replace(r"\-", r"[-\s]?")
        parts.append(piece + (r"\s*" if last and before else ""))
    return r"\s+".join(parts)


# a qualifier placed before the number starts after a separator and runs up to the number
_BEFORE_START = r"(?:^|(?<=[\s(«“\"',;:]))"


_BEFORE_END = r"[\s«“\"]*$"


@dataclass(frozen=True)
class _Qualifier:
    phrase: str
    position: str
    qualifier: str
    bound: str
    regex: re.Pattern


@lru_cache(maxsize=1)
def qualifier_lexicon() -> list[_Qualifier]:
    """The qualifier phrases of ``figure_qualifiers.csv``, longest first."""
    out = []
    with open(DATA_DIR / "figure_qualifiers.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["position"] == "before":
                body = _phrase_regex(row["phrase"], before=True)
                rx = re.compile(_BEFORE_START + body + _BEFORE_END, re.I)
            else:
                body = _phrase_regex(row["phrase"], before=False)
                # "10 et plus petit que 20", "5000 ou moins de 6000": a comparison goes on
                rx = re.compile(
                    r"^[\s»”\"]*" + body + r"(?![\w'])(?!\s+(?:de|d'|que|qu'|petite?s?|grande?s?"
                    r"|haut|bas|élevée?s?)\b)",
                    re.I,
                )
            out.append(
                _Qualifier(row["phrase"], row["position"], row["qualifier"], row["bound"], rx)
            )
    return sorted(out, key=lambda q: len(q.phrase), reverse=True)


@lru_cache(maxsize=1)
def _any_qualifier_before() -> re.Pattern:
    """Every "before" qualifier as one regex (their common start and end written once): the
    text before most numbers matches none, and one search tells so; the lexicon's order
    decides which one it is only when one does match."""
    bodies = [_phrase_regex(q.phrase, before=True)
              for q in qualifier_lexicon() if q.position == "before"]
    return re.compile(_BEFORE_START + "(?:" + "|".join(bodies) + ")" + _BEFORE_END if bodies
                      else "(?!)", re.I)


@dataclass
class _Figure:
    start: int  # start of the whole expression, qualifier included
    end: int  # end of the number (or of a postfix qualifier)
    value: float
    low: float
    high: float
    qualifier: str
    cue: str = ""
    bound: str = ""
    unit: str = ""
    unit_kind: str = ""
    unit_end: int = -1
    derived: bool = False
    text: str = ""


def _bounds(qualifier: str, value: float, low=NAN, high=NAN) -> tuple[float, float, float]:
    """(value, low, high) for a qualifier: exact v→[v,v], approx v→(v, NaN, NaN), lower v→[v,),
    upper v→(,v], range→midpoint with both ends, vague→all NaN."""
    if qualifier == "exact":
        return value, value, value
    if qualifier == "approx":
        return value, NAN, NAN
    if qualifier == "lower":
        return value, value, NAN
    if qualifier == "upper":
        return value, NAN, value
    if qualifier == "range":
        return (low + high) / 2, low, high
    return NAN, NAN, NAN


def _fmt(v: float) -> str:
    if is_missing(v):
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def _interval(f: _Figure) -> str:
    """Interval notation for the figure: [30,), (8000,], [10,20], ~10000."""
    if f.qualifier == "exact":
        return f"[{_fmt(f.value)},{_fmt(f.value)}]"
    if f.qualifier == "approx":
        return f"~{_fmt(f.value)}"
    if f.qualifier == "lower":
        return ("(" if f.bound == "exclusive" else "[") + f"{_fmt(f.low)},)"
    if f.qualifier == "upper":
        return f"(,{_fmt(f.high)}" + (")" if f.bound == "exclusive" else "]")
    if f.qualifier == "range":
        brackets = f.bound if len(f.bound) == 2 else "[]"
        return f"{brackets[0]}{_fmt(f.low)},{_fmt(f.high)}{brackets[1]}"
    return ""


def _qualify_single(text: str, n: Number) -> _Figure:
    left = text[max(0, n.start - 40) : n.start]
    if _any_qualifier_before().search(left):  # most numbers have none
        for q in qualifier_lexicon():
            if q.position != "before":
                continue
            m = q.regex.search(left)
            if m:
                start = n.start - len(left) + m.start()
                v, lo, hi = _bounds(q.qualifier, n.value)
                return _Figure(start, n.end, v, lo, hi, q.qualifier, q.phrase, q.bound)
    right = text[n.end : n.end + 30]
    for q in qualifier_lexicon():
        if q.position != "after":
            continue
        m = q.regex.match(right)
        if m:
            v, lo, hi = _bounds(q.qualifier, n.value)
            return _Figure(n.start, n.end + m.end(), v, lo, hi, q.qualifier, q.phrase, q.bound)
    if n.kind == "collective":
        v, lo, hi = _bounds("approx", n.value)
        collective = " ".join(n.text.split()[1:]) or n.text  # "une dizaine" -> "dizaine"
        return _Figure(n.start, n.end, v, lo, hi, "approx", collective)
    return _Figure(n.start, n.end, n.value, n.value, n.value, "exact")


def _postfix_after_unit(text: str, f: _Figure) -> None:
    """'30 soldats au moins': a postfix qualifier after the unit."""
    if f.qualifier != "exact" or f.unit_end < 0:
        return
    right = text[f.unit_end : f.unit_end + 30]
    for q in qualifier_lexicon():
        m = q.regex.match(right) if q.position == "after" else None
        if m:
            f.qualifier, f.cue, f.bound = q.qualifier, q.phrase, q.bound
            f.value, f.low, f.high = _bounds(q.qualifier, f.value)
            f.end = f.unit_end + m.end()
            return


def _ranges(view: _DocView, numbers: list[Number], change_verbs: set) -> dict[int, _Figure]:
    """Pairs of numbers joined by a range connector: {index of the first number: figure}."""
    text = view.text
    out: dict[int, _Figure] = {}
    i = 0
    while i < len(numbers) - 1:
        a, b = numbers[i], numbers[i + 1]
        between = text[a.end : b.start]
        for conn in patterns()["range_connectors"]:
            if not re.fullmatch(r"\s*(?:" + conn["between"] + r")\s*", between, re.I):
                continue
            if conn.get("digits_only") and not (a.kind == b.kind == "digits"):
                continue
            start = a.start
            if conn["before"]:
                left = text[max(0, a.start - 12) : a.start]
                m = re.search(r"(?<![\w'])(?:" + conn["before"] + r")\s*$", left, re.I)
                if not m:
                    continue
                start = a.start - len(left) + m.start()
                word = view.token_before(start)
                if word is not None and word.lemma_.lower() in change_verbs:
                    break  # "est passé de 200 à 300": a change, two figures
            lo, hi = a.value, b.value
            if a.scale == 1.0 and b.scale > 1.0 and lo * b.scale <= hi:
                lo = lo * b.scale  # "entre 1 et 2 millions"
            lo, hi = min(lo, hi), max(lo, hi)
            v, lo, hi = _bounds("range", NAN, lo, hi)
            out[i] = _Figure(start, b.end, v, lo, hi, "range", conn["name"], "[]")
            break
        if i in out:
            i += 2
        else:
            i += 1
    return out


def _join_bounds(text: str, figures: list[_Figure]) -> list[_Figure]:
    """'plus de 10 et moins de 40', 'au plus 100 et au moins 20': two bounds make a range."""
    out: list[_Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if (
            prev is not None
            and {prev.qualifier, f.qualifier} == {"lower", "upper"}
            and _regexes()["joiner"].fullmatch(text[prev.end : f.start])
        ):
            lower, upper = (prev, f) if prev.qualifier == "lower" else (f, prev)
            if lower.low < upper.high:
                v, lo, hi = _bounds("range", NAN, lower.low, upper.high)
                bound = ("(" if lower.bound == "exclusive" else "[") + (
                    ")" if upper.bound == "exclusive" else "]"
                )
                out[-1] = _Figure(prev.start, f.end, v, lo, hi, "range",
                                  f"{prev.cue} … {f.cue}", bound)
                continue
        out.append(f)
    return out


def _combine(a: _Figure, b: _Figure) -> _Figure | None:
    """The derived total of ``a`` groups of ``b`` each."""
    quals = {a.qualifier, b.qualifier}
    if "vague" in quals:
        return None
    if quals == {"exact"}:
        q = "exact"
    elif "range" in quals and quals <= {"range", "exact"}:
        q = "range"
    elif quals <= {"exact", "lower"}:
        q = "lower"
    elif quals <= {"exact", "upper"}:
        q = "upper"
    else:
        q = "approx"

    def end(f, side):
        x = getattr(f, side)
        return f.value if is_missing(x) else x

    value = a.value * b.value
    if q == "range":
        v, lo, hi = _bounds(q, value, end(a, "low") * end(b, "low"),
                            end(a, "high") * end(b, "high"))
    else:
        v, lo, hi = _bounds(q, value)
    return _Figure(a.start, b.end, v, lo, hi, q, "×", b.bound, b.unit, b.unit_kind, b.unit_end,
                   derived=True)
