"""Figures in French news: how many, of what, how sure, who said it and when.

``extract_figures`` returns a row per figure: the number (``value``, ``low``, ``high``), how it is
qualified (``exact, approx, lower, upper, range, vague``), what is counted (``unit``), the
``speaker`` (from the claim tagging of the same sentence) and when it was stated (``stated_on``).

What libraries do: spaCy parses (one parse per article, :mod:`helpers.core.nlp`), ``text2num``
reads number words, ``dateparser`` reads dates (see :mod:`.numbers`, :mod:`.dates`).
What no library does for French, and is therefore written here by hand, with its word lists kept
as data in ``helpers/data/`` (``figure_qualifiers.csv``, ``figure_units.csv``,
``figure_patterns.json``):

- the qualifiers that change a figure's meaning: "environ", "quelque", "près de", "une dizaine"
  (approx); "au moins", "plus de" (lower bound); "jusqu'à", "moins de" (upper bound); "entre X et
  Y", "de X à Y" (range); "plusieurs milliers", "quelques centaines", "un petit nombre" (vague,
  no value);
- what is not a figure: dates, times and durations, years, article numbers, identifiers,
  "les deux" (both), the article "un";
- the unit (the noun counted, as a lemma), carried over to an elliptic figure ("sur les 10 000
  soldats…, jusqu'à 8 000") or a pronoun ("il y en a 11 000");
- derived totals: "cinq unités, chacune composée d'environ 3 000 soldats" gives 5 units, about
  3 000 soldiers each, and a derived total of about 15 000 (``derived=True``).
"""

from __future__ import annotations

import bisect
import csv
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.core.nlp import normalise, token_table
from helpers.figures.dates import _find_dates, _reporting_flags, _statement_date, date_words
from helpers.figures.numbers import (  # parse_number: public API here
    Number,
    _find_numbers,
    parse_number,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = ["COLUMNS", "QUALIFIERS", "extract_figures", "figures_in_doc", "parse_number"]

QUALIFIERS = ("exact", "approx", "lower", "upper", "range", "vague")

#: the stable columns first (GUIDE.md), then the helpful ones
COLUMNS = [
    "article_id", "sentence_id", "text", "value", "low", "high", "qualifier", "unit", "speaker",
    "derived", "stated_on", "stated_on_text", "cue", "interval", "unit_kind", "sentence",
    "context", "start", "end",
]  # fmt: skip

NAN = float("nan")


# --------------------------------------------------------------------------- the word lists


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


@lru_cache(maxsize=1)
def patterns() -> dict:
    with open(DATA_DIR / "figure_patterns.json", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def unit_lexicon() -> dict[str, tuple[str, str]]:
    """``{surface (lower case): (lemma, kind)}`` from ``figure_units.csv``."""
    with open(DATA_DIR / "figure_units.csv", encoding="utf-8", newline="") as fh:
        return {r["surface"].lower(): (r["lemma"], r["kind"]) for r in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern]:
    p = patterns()
    units = sorted(unit_lexicon(), key=len, reverse=True)
    months = "|".join(sorted(date_words()["months"], key=len, reverse=True))
    weekdays = "|".join(date_words()["weekdays"])
    ids = "|".join(p["identifier_before"])
    return {
        "vague": re.compile(
            r"(?<![\w'])(?:" + "|".join(p["vague"]) + r")(?![\w'])", re.I
        ),
        "unit": re.compile(
            r"(?:" + "|".join(re.escape(u) for u in units) + r")(?![\w'])", re.I
        ),
        "unit_skip": re.compile(
            r"[\s«“\"]*(?:(?:de|des)\s+|d')?[\s«“\"]*"
            r"(?:(?:" + "|".join(p["unit_skip"]) + r")\s+)?[\s«“\"]*",
            re.I,
        ),
        "bridge": re.compile(r"\s*(?:" + "|".join(p["unit_bridges"]) + r")", re.I),
        "date_after": re.compile(
            r"\s*(?:(?:au|et|à|-)\s*(?:1er|\d{1,2})\s+)?(?:" + months + r")\b", re.I
        ),
        "date_before": re.compile(r"\b(?:" + weekdays + r")\s*$", re.I),
        "identifier": re.compile(r"(?<![\w])(?:" + ids + r")\s*$", re.I),
        "both": re.compile(
            r"(?<![\w'])(?:" + "|".join(p["both_words"]).replace(" deux", "") + r")\s+$", re.I
        ),
        "each": re.compile(r"[\s,]*" + p["derived_each"], re.I),
        "year_cue": re.compile(
            r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in p["year_before"]) + r")\s*$", re.I
        ),
        "joiner": re.compile(p["bound_joiners"], re.I),
        "of": re.compile(r"\s*(?:de\s+|d')\s*", re.I),
    }


# --------------------------------------------------------------------------- one figure


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
    if v is None or (isinstance(v, float) and math.isnan(v)):
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


# --------------------------------------------------------------------------- one document


class _DocView:
    """The parsed article with quick char -> token lookups.

    The tokens are read as lists, once per Doc (:func:`helpers.nlp.token_table`, shared with
    the claims): ``doc[i]`` builds a new Token object at every access, ``doc.text`` rebuilds
    the text token by token.
    """

    def __init__(self, doc):
        from spacy.attrs import IS_SPACE

        self.doc = doc
        self.table = token_table(doc)
        self.text = self.table.doc_text
        self.norm = normalise(self.text)  # what numbers and dates are searched in
        self.starts = self.table.idx
        self.is_space = doc.to_array([IS_SPACE]).tolist() if len(doc) else []
        self._reporting = None

    @property
    def reporting(self) -> list[bool]:
        """Is each token a verb of saying (for :func:`helpers.dates.statement_date`)."""
        if self._reporting is None:
            self._reporting = _reporting_flags(self.table)
        return self._reporting

    def token_at(self, char: int):
        i = bisect.bisect_left(self.starts, char)
        return self.doc[i] if i < len(self.starts) else None

    def token_before(self, char: int):
        i = bisect.bisect_left(self.starts, char) - 1
        while i >= 0 and self.is_space[i]:
            i -= 1
        return self.doc[i] if i >= 0 else None


def _unit_after(view: _DocView, pos: int) -> tuple[str, str, int]:
    """(lemma, kind, end) of the noun counted by the figure ending at ``pos``."""
    rx = _regexes()
    text = view.text
    m = rx["bridge"].match(text, pos)  # "à environ 10.000 le nombre de soldats"
    if m:
        pos = m.end()
    else:
        m = rx["unit_skip"].match(text, pos)
        if m:
            pos = m.end()
    m = rx["unit"].match(text, pos)
    if m:
        lemma, kind = unit_lexicon()[m.group().lower()]
        return lemma, kind, m.end()
    tok = view.token_at(pos)
    skipped = 0
    while tok is not None and tok.pos_ == "ADJ" and skipped < 2 and tok.i + 1 < len(view.doc):
        tok, skipped = view.doc[tok.i + 1], skipped + 1
    if tok is not None and tok.idx - pos < 40 and tok.pos_ in {"NOUN", "PROPN"} and tok.is_alpha:
        lemma = tok.lemma_.lower() or tok.lower_
        known = unit_lexicon().get(tok.lower_) or unit_lexicon().get(lemma)
        if known:
            return known[0], known[1], tok.idx + len(tok)
        return lemma, "other", tok.idx + len(tok)
    return "", "", -1


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


def _is_not_a_figure(view: _DocView, n: Number, dates: list) -> bool:
    rx = _regexes()
    text = view.text
    left = text[max(0, n.start - 30) : n.start]
    if any(d.start < n.end and n.start < d.end for d in dates):
        return True  # "18 octobre", "du 8 au 13 octobre", "en février 2022"
    if rx["date_after"].match(text, n.end) and n.value <= 31 and n.kind in {"digits", "words"}:
        return True  # "les 8 et 9 novembre", "1 mars"
    if rx["date_before"].search(left) and n.kind == "digits" and n.value <= 31:
        return True  # "vendredi 18"
    if rx["identifier"].search(left):
        return True  # "article 4", "n° 5"
    if re.search(r"\d\s*h\s*$", left):
        return True  # the minutes of "14 h 30"
    if n.text.lower() == "deux" and rx["both"].search(left):
        return True  # "les deux pays": both
    prev = view.token_before(n.start)
    if n.text.lower() in {"neuf", "neufs"} and prev is not None and prev.pos_ == "NOUN":
        return True  # "un matériel neuf"
    return False


def _year_like(n: Number) -> bool:
    return n.kind == "digits" and re.fullmatch(r"\d{4}", n.text) is not None and (
        1000 <= n.value <= 2100
    )


def _years(view: _DocView, numbers: list[Number]) -> set[int]:
    """Indices of the numbers that are years: four digits without a noun counted after them,
    read as a year when paired with another year ("entre 2014 et 2022"), after a year word
    ("en 2009", "depuis 2014") or between 1900 and 2100; "de 1000 à 5000" stays a range."""
    text = view.text
    joined = re.compile(r"\s*(?:à|au|et|-|–|ou)\s*", re.I)
    years = set()
    for i, n in enumerate(numbers):
        if not _year_like(n):
            continue
        lemma, kind, _ = _unit_after(view, n.end)
        if lemma and kind != "time":
            continue  # "2000 soldats"
        partner = None
        if i + 1 < len(numbers) and joined.fullmatch(text[n.end : numbers[i + 1].start]):
            partner = numbers[i + 1]
        elif i > 0 and joined.fullmatch(text[numbers[i - 1].end : n.start]):
            partner = numbers[i - 1]
        if partner is not None:
            if _year_like(partner) and 1800 <= min(n.value, partner.value):
                years.add(i)
            continue
        if _regexes()["year_cue"].search(text[max(0, n.start - 20) : n.start]):
            years.add(i)
        elif 1900 <= n.value <= 2100:
            years.add(i)
    return years


def _is_lone_one(n: Number) -> bool:
    return n.kind == "words" and n.text.lower() in set(patterns()["lone_one"])


def _before_fraction(text: str, n: Number) -> bool:
    """'un quart', 'un tiers': the number is part of a fraction."""
    m = re.match(r"[\s-]*([^\W\d_]+)", text[n.end : n.end + 20])
    if not m:
        return False
    word = m.group(1).lower()
    return word in set(patterns()["fraction_words"]) or word.endswith(("ième", "ièmes"))


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
        return f.value if math.isnan(x) else x

    value = a.value * b.value
    if q == "range":
        v, lo, hi = _bounds(q, value, end(a, "low") * end(b, "low"),
                            end(a, "high") * end(b, "high"))
    else:
        v, lo, hi = _bounds(q, value)
    return _Figure(a.start, b.end, v, lo, hi, q, "×", b.bound, b.unit, b.unit_kind, b.unit_end,
                   derived=True)


def figures_in_doc(doc, published=None) -> list[dict]:
    """The figures of one parsed article, as dicts (no article_id or speaker yet).

    ``doc`` must come from :func:`helpers.nlp.parse` (normalised text).
    """
    from helpers.core.nlp import sentences

    view = _DocView(doc)
    text = view.text
    rx = _regexes()
    change_verbs = set(patterns()["change_verbs"])
    dates = _find_dates(view.norm)
    date_starts = [d.start for d in dates]

    # sentences, and "statements": runs of sentences up to a final stop or a line break (the
    # parser cuts "Selon Washington / , / jusqu'à 8 000…" into pieces)
    sents = sentences(doc)
    if not sents:
        return []
    sent_starts = [s.start_char for s in sents]
    sent_ends = [s.end_char for s in sents]
    group_of, groups = [], []
    for k, s in enumerate(sents):
        if not groups or _ends_statement(text, sents[k - 1], s):
            groups.append([k])
        else:
            groups[-1].append(k)
        group_of.append(len(groups) - 1)

    def sentence_id(char: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, char) - 1)

    # vague amounts first; numbers inside them are not counted again
    vague_spans = [(m.start(), m.end()) for m in rx["vague"].finditer(text)]
    numbers = [
        n
        for n in _find_numbers(view.norm)
        if not any(s < n.end and n.start < e for s, e in vague_spans)
        and not _is_not_a_figure(view, n, dates)
    ]
    years = _years(view, numbers)
    numbers = [n for i, n in enumerate(numbers) if i not in years]
    ranges = _ranges(view, numbers, change_verbs)
    figures: list[_Figure] = []
    skip = set()
    for i, n in enumerate(numbers):
        if i in skip:
            continue
        if i in ranges:
            figures.append(ranges[i])
            skip.add(i + 1)
            continue
        f = _qualify_single(text, n)
        if _is_lone_one(n) and (f.qualifier == "exact" or _before_fraction(text, n)):
            continue  # the article "un", "un quart"
        figures.append(f)
    figures = _join_bounds(text, figures)
    for s, e in vague_spans:
        figures.append(_Figure(s, e, NAN, NAN, NAN, "vague", text[s:e].strip()))
    figures.sort(key=lambda f: f.start)

    # units, durations out, postfix qualifiers after the unit
    kept = []
    for f in figures:
        f.unit, f.unit_kind, f.unit_end = _unit_after(view, f.end)
        if f.unit_kind == "time":
            continue  # "8 heures", "trois jours", "plus d'une semaine"
        _postfix_after_unit(text, f)
        kept.append(f)
    figures = kept

    # elliptic figures borrow the unit of the previous figure of the same statement, or after
    # the pronoun "en" ("il y en a 11 000") the last unit of the article
    last_unit = ("", "")
    previous_in_group: dict[int, tuple[str, str]] = {}
    for f in figures:
        g = group_of[sentence_id(f.start)]
        if not f.unit:
            if g in previous_in_group:
                f.unit, f.unit_kind = previous_in_group[g]
            elif _has_clitic_en(view, groups[g], sents, f.start) and last_unit[0]:
                f.unit, f.unit_kind = last_unit
        if f.unit:
            previous_in_group[g] = last_unit = (f.unit, f.unit_kind)

    # derived totals: "cinq unités, chacune composée d'environ 3 000 soldats"
    derived = []
    for a, b in zip(figures, figures[1:], strict=False):
        if a.unit_kind != "group" or a.unit_end < 0 or b.start < a.unit_end:
            continue
        if group_of[sentence_id(a.start)] != group_of[sentence_id(b.start)]:
            continue
        between = text[a.unit_end : b.start]
        if rx["each"].fullmatch(between) or rx["of"].fullmatch(between):
            total = _combine(a, b)
            if total is not None:
                total.text = f"{text[a.start:a.end]} × {text[b.start:b.end]}"
                derived.append(total)
    figures = sorted(figures + derived, key=lambda f: (f.start, f.derived))

    # when each statement was made, and its words
    dated: dict[int, tuple] = {}
    contexts: dict[int, str] = {}
    rows = []
    for f in figures:
        sid = sentence_id(f.start)
        g = group_of[sid]
        members = groups[g]
        if g not in dated:
            span = doc[sents[members[0]].start : sents[members[-1]].end]
            dated[g] = _statement_date(span, published, view.table, view.reporting, view.norm,
                                       (dates, date_starts))
            context = text[sent_starts[members[0]] : sent_ends[members[-1]]]
            contexts[g] = " ".join(context.split())
        stated_on, stated_text = dated[g]
        rows.append(
            {
                "sentence_id": sid,
                "text": f.text or text[f.start : f.end].strip(),
                "value": f.value,
                "low": f.low,
                "high": f.high,
                "qualifier": f.qualifier,
                "unit": f.unit,
                "derived": f.derived,
                "stated_on": stated_on,
                "stated_on_text": stated_text,
                "cue": f.cue,
                "interval": _interval(f),
                "unit_kind": f.unit_kind,
                # a Span's text is this slice of the Doc's (Span.text rebuilds it token by token)
                "sentence": text[sent_starts[sid] : sent_ends[sid]].strip(),
                "context": contexts[g],
                "start": f.start,
                "end": f.end,
                "_group": [members[0], members[-1]],
            }
        )
    _date_repeated_figures(rows)
    return rows


def _date_repeated_figures(rows: list[dict]) -> None:
    """A lead or subheading repeats a figure the body dates ("jusqu'à 8 000 … a indiqué jeudi
    dernier"): an undated figure takes the date of the same figure
    dated elsewhere in the article (same value and qualifier; the unit may be worded otherwise)."""
    dated = {}
    for r in rows:
        if r["stated_on_text"] and not r["derived"]:
            dated.setdefault((r["value"], r["qualifier"]), r)
    for r in rows:
        if r["stated_on_text"] or r["qualifier"] == "vague":
            continue
        source = dated.get((r["value"], r["qualifier"]))
        if source is not None:
            r["stated_on"] = source["stated_on"]
            r["stated_on_text"] = f"{source['stated_on_text']} (same figure, sentence " \
                                  f"{source['sentence_id']})"


def _ends_statement(text: str, previous, current) -> bool:
    """Does a new statement start at ``current`` (a final stop or a line break before it)?"""
    gap = text[previous.start_char : current.start_char].rstrip(" \t")
    if "\n" in text[previous.end_char - 1 : current.start_char] or gap.endswith("\n"):
        return True
    tail = gap.rstrip(" »”\")'\u00a0")
    return tail.endswith((".", "!", "?", "…"))


def _has_clitic_en(view: _DocView, members: list[int], sents, char: int) -> bool:
    start = sents[members[0]].start
    for tok in view.doc[start : view.token_at(char).i if view.token_at(char) else len(view.doc)]:
        if tok.lower_ == "en" and tok.pos_ == "PRON":
            return True
    return False


# --------------------------------------------------------------------------- corpus level


def _as_corpus(corpus_or_text, published=None) -> pd.DataFrame:
    if isinstance(corpus_or_text, str):
        return pd.DataFrame(
            {"article_id": ["text"], "text": [corpus_or_text], "published": [published]}
        )
    if isinstance(corpus_or_text, pd.DataFrame):
        missing = {"article_id", "text"} - set(corpus_or_text.columns)
        if missing:
            raise ValueError(f"corpus lacks the column(s) {sorted(missing)}")
        corpus = corpus_or_text.reset_index(drop=True)
        if "published" not in corpus.columns:
            corpus = corpus.assign(published=published)
        return corpus
    raise TypeError("extract_figures expects a corpus DataFrame or a string")


def _speakers(corpus: pd.DataFrame, docs, claims) -> dict:
    if claims is None:
        try:
            from helpers.claims.tagging import tag_claims
        except ModuleNotFoundError as err:
            if err.name not in {"helpers.claims.tagging"}:
                raise
            return {}
        claims = tag_claims(corpus, docs=docs)
    if claims is None or len(claims) == 0 or "speaker" not in claims.columns:
        return {}
    speakers = claims["speaker"].fillna("").astype(str)
    return dict(zip(zip(claims["article_id"], claims["sentence_id"], strict=True), speakers,
                    strict=True))


def extract_figures(corpus_or_text, docs=None, claims=None, published=None) -> pd.DataFrame:
    """A row per figure in a corpus (or in one string, whose ``article_id`` is ``"text"``).

    - ``docs``: the Docs already parsed from ``corpus.text`` (same order); parsed here if None.
    - ``claims``: ``helpers.claims.tag_claims`` for the same corpus, used for ``speaker`` by
      ``(article_id, sentence_id)``; computed here when None and that module exists, else the
      speaker is "".
    - ``published``: publication date for a plain string (a corpus brings its own column).

    Columns: ``article_id, sentence_id, text, value, low, high, qualifier, unit, speaker``, then
    ``derived`` (a total computed from two stated figures), ``stated_on`` (when it was said:
    :func:`helpers.dates.statement_date`) and its ``stated_on_text``, ``cue`` (the qualifier as
    written), ``interval`` ("[30,)" = 30 or more, "(,8000]" = up to 8 000, "~10000"),
    ``unit_kind`` (troops, people, group, area, percent, currency…, other), ``sentence`` (the
    parser's sentence), ``context`` (the whole statement around it) and ``start``/``end`` in the
    normalised text.

    Qualifiers: exact (value = low = high), approx (value; bounds NaN), lower (value = low),
    upper (value = high), range (low, high, value = midpoint), vague (all NaN).
    """
    corpus = _as_corpus(corpus_or_text, published)
    if docs is None:
        from helpers.core.nlp import parse_many

        docs = parse_many(corpus["text"].fillna("").astype(str).tolist())
    docs = list(docs)
    if len(docs) != len(corpus):
        raise ValueError(f"{len(docs)} docs for {len(corpus)} articles: they must be aligned")
    speakers = _speakers(corpus, docs, claims)

    rows = []
    for aid, published, doc in zip(corpus["article_id"].tolist(), corpus["published"].tolist(),
                                   docs, strict=True):
        found = figures_in_doc(doc, published)
        for row in found:
            first, last = row.pop("_group")
            speaker = speakers.get((aid, row["sentence_id"]), "")
            if not speaker:  # the parser may have cut the statement: ask its other pieces
                for k in range(first, last + 1):
                    speaker = speakers.get((aid, k), "")
                    if speaker:
                        break
            rows.append({"article_id": aid, "speaker": speaker, **row})
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if frame.empty:
        return frame.astype(
            {"value": float, "low": float, "high": float, "derived": bool,
             "stated_on": "datetime64[ns]"}
        )
    frame["stated_on"] = pd.to_datetime(frame["stated_on"]).astype("datetime64[ns]")
    for col in ("value", "low", "high"):
        frame[col] = frame[col].astype(float)
    frame["derived"] = frame["derived"].astype(bool)
    frame["sentence_id"] = frame["sentence_id"].astype(int)
    return frame

