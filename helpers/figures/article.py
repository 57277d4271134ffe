"""One parsed article as the figure rules read it: a view with quick character → token
lookups, the word lists (``figure_patterns.json``, ``figure_units.csv``), the noun each figure
counts, and what looks like a number but is not a figure (dates, times, years, identifiers,
"les deux", the article "un")."""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path

from helpers.core.datafiles import read_rows
from helpers.core.nlp import token_table
from helpers.core.story import load_story
from helpers.core.text import FRENCH_MONTHS, normalise
from helpers.figures.dates import _reporting_flags, date_words
from helpers.figures.numbers import Number

DATA_DIR = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def patterns() -> dict:
    with open(DATA_DIR / "figure_patterns.json", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def unit_lexicon() -> dict[str, tuple[str, str]]:
    """``{surface (lower case): (lemma, kind)}`` from ``figure_units.csv``, then the nouns the
    story counts (its ``units.csv``)."""
    rows = read_rows(DATA_DIR / "figure_units.csv") + load_story().rows("units")
    return {r["surface"].lower(): (r["lemma"], r["kind"]) for r in rows}


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern]:
    p = patterns()
    units = sorted(unit_lexicon(), key=len, reverse=True)
    months = "|".join(sorted(FRENCH_MONTHS, key=len, reverse=True))
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


class _DocView:
    """The parsed article with quick char -> token lookups.

    The tokens are read as lists, once per Doc (:func:`helpers.core.nlp.token_table`, shared with
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
        """Is each token a verb of saying (for :func:`helpers.figures.dates.statement_date`)."""
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
    if tok is not None and tok.idx - pos < 40 and tok.pos_ in {"NOUN", "PROPN"} and (
            tok.is_alpha or tok.text.replace("-", "").isalpha()):  # "sapeurs-pompiers"
        lemma = _compound_lemma(tok.lower_) if "-" in tok.text else tok.lemma_.lower() or tok.lower_
        known = unit_lexicon().get(tok.lower_) or unit_lexicon().get(lemma)
        if known:
            return known[0], known[1], tok.idx + len(tok)
        return lemma, "other", tok.idx + len(tok)
    return "", "", -1


def _compound_lemma(word: str) -> str:
    """``maîtres-nageurs`` → ``maître-nageur``: each noun of a plural compound in the singular
    (the model's lemma singularises only the last: ``maîtres-nageur``)."""
    return "-".join(part[:-1] if len(part) > 3 and part.endswith(("s", "x")) and not (
        part.endswith("ss")) else part for part in word.split("-"))


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
    return _ends_a_name(view, n, prev)


def _ends_a_name(view: _DocView, n: Number, prev) -> bool:
    """``SDIS 81``, ``Rail 37``, ``France 3``, ``Laïcité et République 30``: a number of two or
    three digits right after a capitalised word inside the sentence, with no noun counted after
    it, is part of a name (a département's number, a channel), not a figure."""
    if n.kind != "digits" or not n.text.isdigit() or not 1 <= len(n.text) <= 3:
        return False
    if prev is None or prev.is_sent_start or not prev.text[:1].isupper() or prev.pos_ not in {
            "PROPN", "NOUN", "ADJ"} or view.text[prev.idx + len(prev.text) : n.start] != " ":
        return False
    nxt = view.token_at(n.end + 1)  # "Rail 37 réclame": a verb is no noun counted
    counted = _unit_after(view, n.end)[0] and not (
        nxt is not None and (nxt.pos_ in {"VERB", "AUX"} or view.reporting[nxt.i]))
    return not counted


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
