"""French numbers in text: read one number expression, or find every number in a text.

Most of the work is done by a library: ``text2num`` reads number words ("quatre-vingt-dix",
"dix mille", "deux cent virgule trois"). Written by hand here is only what it leaves out of news
text:

- digits grouped with a space, U+00A0, U+202F, a dot or an apostrophe ("8 000", "11.000",
  "11'000") and the decimal comma ("4,8"); digits glued to letters ("jsx-2028956212", "10k",
  "1er") are identifiers, not numbers;
- digits followed by a scale word ("1,5 million", "2,5 milliards", "10 mille");
- collective nouns after a count ("une dizaine" ~ 10, "un millier" ~ 1000, "trois centaines");
- on request (``english_thousands=True``), the English comma between thousands ("8,000",
  "11,000"): a learner's answer to a count may be typed the English way, a French text never.

The word lists live in ``helpers/figures/data/number_words.csv``.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from helpers.core.text import normalise

DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = ["Number", "find_numbers", "parse_number", "number_words"]

#: strings longer than this are not "a number expression" (keeps parse_number fast on any input)
MAX_EXPRESSION = 200


@dataclass(frozen=True)
class Number:
    """A number found in a text: character span, value and how it was written."""

    start: int
    end: int
    text: str
    value: float
    #: "digits" (8 000), "words" (dix mille), "mixed" (1,5 million), "collective" (une dizaine)
    kind: str
    #: the factor a scale word or collective contributed (1e6 for "2 millions"), for ranges such
    #: as "entre 1 et 2 millions"
    scale: float = 1.0


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[float, str]]:
    """``{word: (value, kind)}`` for collectives and scale words, singular and plural."""
    words: dict[str, tuple[float, str]] = {}
    with open(DATA_DIR / "number_words.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            value = float(row["value"])
            words[row["word"]] = (value, row["kind"])
            words[row["word"] + "s"] = (value, row["kind"])
    return words


def _alternatives(kind: str) -> str:
    names = sorted((w for w, (_, k) in number_words().items() if k == kind), key=len, reverse=True)
    return "|".join(re.escape(w) for w in names)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    return {
        # the integer part: grouped by one consistent separator (a group never starts with 0),
        # English-style decimal dot ("5.00", "0.125"; never three digits after a dot that
        # follows another digit: "11.000" is a French thousands group), or plain
        "digits": re.compile(
            r"(?P<sign>[-\u2212](?=[\d,]))?"
            r"(?:(?P<grouped>[1-9]\d{0,2}(?P<sep>[ .'])\d{3}(?:(?P=sep)\d{3})*)"
            r"|(?P<dotdec>0\.\d+|\d+\.(?!\d{3}(?!\d))\d+)"
            r"|(?P<plain>\d+)"
            r"|(?=,\d))"
            r"(?:,(?P<frac>\d+))?"
        ),
        # what "digits" can start with (a sign, a digit, a decimal comma): a bare character
        # class, which the regex engine scans for in C
        "digits_start": re.compile(r"[-\u2212\d,]"),
        "scale": re.compile(r"[ ]?(?P<scale>" + _alternatives("scale") + r")\b", re.I),
        "collective": re.compile(
            r"[ ]+(?P<coll>" + _alternatives("collective") + r")\b"
            r"(?:[ ]+(?:de[ ]+|d')(?P<scale>milliers|millions|milliards))?",
            re.I,
        ),
        "token": re.compile(r"[^\W\d_]+|\d+|\S"),
        # English thousands: groups of exactly three digits after commas ("8,000", "1,500,000"),
        # an optional decimal dot; "1,5" and "8,0000" are not English groups
        "english": re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![\d\w]|[.,]\d)"),
    }


def _digit_value(m: re.Match) -> Decimal | None:
    if m.group("grouped"):
        integer = re.sub(r"[ .']", "", m.group("grouped"))
    elif m.group("dotdec"):
        integer = m.group("dotdec")
    else:
        integer = m.group("plain") or "0"
    if not (m.group("grouped") or m.group("dotdec") or m.group("plain") or m.group("frac")):
        return None
    text = integer + ("." + m.group("frac") if m.group("frac") else "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return -value if m.group("sign") else value


def _finite(value) -> float | None:
    try:
        out = float(value)
    except (OverflowError, ValueError):
        return None
    return out if math.isfinite(out) else None


def _search_digits(text: str, pos: int) -> re.Match | None:
    """``_patterns()["digits"].search(text, pos)``, sooner: the full pattern is tried only where
    a number can start, not at every character of the text."""
    pats = _patterns()
    while True:
        candidate = pats["digits_start"].search(text, pos)
        if candidate is None:
            return None
        m = pats["digits"].match(text, candidate.start())
        if m is not None:
            return m
        pos = candidate.start() + 1


def _glued(text: str, m: re.Match) -> bool:
    """Is the number glued to the word before it ("jsx-2028956212", "F-16", "192.168.1.2"), or
    its minus sign not after a space, an opening bracket or the start?"""
    start = m.start()
    before = text[start - 1] if start else ""
    if m.group("sign"):
        return bool(before) and not (before.isspace() or before in "([«“\"/:;")
    return bool(before) and (before.isalnum() or before in ".,'_") or (
        before == "-" and text[start - 2 : start][:1].isalpha())


def _read_digits(text: str, m: re.Match, pos: int) -> tuple[Number | None, int]:
    """The Number the match reads, its scale word absorbed ("1,5 million"), or None; and where
    the search goes on."""
    pats = _patterns()
    start, end = m.span()
    if m.group("grouped") and text[end : end + 1].isdigit():
        # "423 0000": not a thousands group after all; read the plain digits before it
        plain = re.compile(r"\d+").match(text, start + (1 if m.group("sign") else 0))
        m = pats["digits"].fullmatch(text, start, plain.end())
        if m is None:
            return None, pos
        end = pos = m.end()
    value, scale = _digit_value(m), 1.0
    if value is None:
        return None, pos
    sm = pats["scale"].match(text, end)
    if sm:
        factor = number_words()[sm.group("scale").lower()][0]
        value, scale, end = value * Decimal(int(factor)), factor, sm.end()
    after = text[end : end + 2]
    number = _finite(value)
    if after[:1].isalnum() or after[:1] == "_" or re.match(r"[.,']\d", after) or number is None:
        return None, pos  # "10k", "180ml", "1er", "2.0.1"
    kind = "mixed" if scale != 1.0 else "digits"
    return Number(start, end, text[start:end], number, kind, scale), pos


def _english_grouped(text: str, m: re.Match) -> Number | None:
    """The digits match ``m`` read the English way ("8,000" → 8000), or None when it does not
    start an English group."""
    start, sign = m.start(), -1 if m.group("sign") else 1
    english = _patterns()["english"].match(text, start + (1 if m.group("sign") else 0))
    if english is None:
        return None
    value = _finite(sign * Decimal(english.group().replace(",", "")))
    if value is None:
        return None
    return Number(start, english.end(), text[start : english.end()], value, "digits")


def _digit_numbers(text: str, english_thousands: bool = False) -> list[Number]:
    """Numbers written with digits, with a scale word absorbed ("1,5 million")."""
    found: list[Number] = []
    pos = 0
    while (m := _search_digits(text, pos)) is not None:
        start, end = m.span()
        pos = max(end, start + 1)
        if end == start or _glued(text, m):
            continue
        english = _english_grouped(text, m) if english_thousands else None
        if english is not None:
            found.append(english)
            pos = english.end
            continue
        number, pos = _read_digits(text, m, pos)
        if number is not None:
            found.append(number)
    return found


class _Token:
    """The token protocol text2num.find_numbers expects."""

    __slots__ = ("_text", "start", "end")

    def __init__(self, text: str, start: int, end: int):
        self._text, self.start, self.end = text, start, end

    def text(self) -> str:
        return self._text

    def nt_separated(self, previous) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def _word_numbers(text: str, blocked: list[Number]) -> list[Number]:
    """Number words, read by text2num (ordinals such as "premier" are left out)."""
    from text_to_num import find_numbers as t2n_find

    inside = set()
    for n in blocked:
        inside.update(range(n.start, n.end))
    tokens = [
        _Token("§" if m.start() in inside else m.group(), m.start(), m.end())
        for m in _patterns()["token"].finditer(text)
    ]
    if not any(t.text()[:1].isalpha() for t in tokens):
        return []
    try:
        occurrences = t2n_find(tokens, "fr", 0)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: BLE001 - text2num is Rust: a panic is a BaseException
        return []
    found = []
    for occ in occurrences:
        if occ.is_ordinal or occ.end <= occ.start:
            continue
        first, last = tokens[occ.start], tokens[occ.end - 1]
        words = text[first.start : last.end]
        if words.lower() == "cent" and re.search(r"\bpour\s*$", text[: first.start], re.I):
            continue  # "30 pour cent" is a percentage sign, not a hundred
        value = _finite(occ.value)
        if value is None:
            continue
        found.append(Number(first.start, last.end, words, value, "words"))
    return found


def _with_collectives(text: str, numbers: list[Number]) -> list[Number]:
    """Merge "une dizaine", "trois centaines", "un millier de milliers" into one Number, and
    number words with the scale words text2num does not know ("vingt et un trillions")."""
    words = number_words()
    out = []
    for n in numbers:
        big = _patterns()["scale"].match(text, n.end) if n.kind == "words" else None
        if big and text[n.end : n.end + 1] == " " and big.group("scale").lower().startswith(
            ("billion", "trillion")
        ):
            factor = words[big.group("scale").lower()][0]
            value = _finite(Decimal(repr(n.value)) * Decimal(int(factor)))
            if value is not None:
                n = Number(n.start, big.end(), text[n.start : big.end()], value, "mixed", factor)
        m = _patterns()["collective"].match(text, n.end)
        if m is None:
            out.append(n)
            continue
        factor = words[m.group("coll").lower()][0]
        if m.group("scale"):
            factor *= words[m.group("scale").lower()][0]
        value = _finite(Decimal(repr(n.value)) * Decimal(int(factor)))
        if value is None:
            out.append(n)
            continue
        out.append(Number(n.start, m.end(), text[n.start : m.end()], value, "collective", factor))
    return out


def find_numbers(text: str, *, english_thousands: bool = False) -> list[Number]:
    """Every number in ``text`` (normalised first, same length), in order of position.

    Lone "un"/"une" are returned too (value 1): deciding whether they are an article is the
    caller's business (``extract_figures`` drops them). ``english_thousands=True`` also reads a
    comma followed by groups of exactly three digits as thousands ("8,000" → 8000, while "1,5"
    stays 1.5): for a learner's answer to a count, never for French text.
    """
    if not isinstance(text, str) or not text:
        return []
    return _find_numbers(normalise(text), english_thousands=english_thousands)


def _find_numbers(text: str, english_thousands: bool = False) -> list[Number]:
    """:func:`find_numbers` of a text already normalised (figures normalise each article once
    for every search they make in it)."""
    digits = _digit_numbers(text, english_thousands)
    words = [
        w
        for w in _word_numbers(text, digits)
        if not any(w.start < d.end and d.start < w.end for d in digits)
    ]
    numbers = sorted(digits + words, key=lambda n: n.start)
    return _with_collectives(text, numbers)


def parse_number(text) -> float | None:
    """The value of one French number expression, or None when ``text`` is not one.

    ``"11.000"`` → 11000.0, ``"8 000"`` → 8000.0, ``"1,5 million"`` → 1500000.0,
    ``"dix mille"`` → 10000.0, ``"quatre-vingt-dix"`` → 90.0, ``"une dizaine"`` → 10.0;
    ``"environ 3 000"`` → None (a figure with a qualifier: see ``extract_figures``),
    ``"18 octobre"`` → None. Never raises.
    """
    try:
        if not isinstance(text, str):
            return None
        stripped = normalise(text).strip()
        if not stripped or len(stripped) > MAX_EXPRESSION:
            return None
        found = find_numbers(stripped)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
            return found[0].value
        return None
    except Exception:  # noqa: BLE001 - the contract is "never raises"
        return None
