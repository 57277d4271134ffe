"""The few text utilities every move needs, each written once.

* :func:`normalise`: straight apostrophes and plain spaces, the typography spaCy needs;
* :func:`fold`: accents (and case) off, for comparing what a learner types or a name is spelled;
* :func:`format_number`: French thousands and decimals (``10 000`` with U+202F, ``1,5``);
* :func:`is_missing`: None, NaN, NaT, ``pd.NA``;
* :data:`MONTHS`, :data:`FRENCH_MONTHS`: month names, in English for labels, in French for text;
* :func:`short_id`, :func:`article_labels`: how tables name an article (``"002"``).
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

# Typographic apostrophes and quotes that the French tokenizer handles badly: with ’ it keeps
# "jusqu’" or "L’" as one token and NER tags them as entities. Same length on both sides, so
# character offsets in the normalised text match the original.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})
# Thin and no-break spaces group thousands ("8 000"); a plain space keeps them one token pattern.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
_NORMALISED = str.maketrans({**_APOSTROPHES, **_SPACES})
# str.translate walks accented text character by character in Python-level lookups; a regex
# search is much cheaper, and most sentences have nothing to replace.
_TO_NORMALISE = re.compile("[\u2019\u2018\u02bc\u2032\u00a0\u202f\u2009\u2007]")

#: narrow no-break space, the French thousands separator (no line break inside "10 000")
THIN_SPACE = "\u202f"

#: English month names, for dates in labels and reports (the course speaks English)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
#: French month names as news text writes them, accents dropped too, → month number
FRENCH_MONTHS = {
    name: number
    for number, names in enumerate((
        "janvier", "février fevrier", "mars", "avril", "mai", "juin", "juillet", "août aout",
        "septembre", "octobre", "novembre", "décembre decembre",
    ), start=1)
    for name in names.split()
}


def normalise(text: str) -> str:
    """Return ``text`` ready for spaCy: straight apostrophes, plain spaces.

    The length never changes, so an offset into the result is an offset into ``text``
    (Unicode composition, which can change it, is done once by the loader).
    """
    return text.translate(_NORMALISED) if _TO_NORMALISE.search(text) else text


def fold(text, case: bool = True) -> str:
    """``text`` without accents (``"Nord-Coréens"`` → ``"nord-coreens"``), and without case
    unless ``case=False``: how names and answers are compared when spelling may differ."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold() if case else plain


def is_missing(value) -> bool:
    """None, NaN, NaT or ``pd.NA``; a string, even empty, and a list are values."""
    if value is None:
        return True
    if isinstance(value, str | bytes | list | tuple | dict | set):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # an array: not one missing value
        return False


def format_number(value, sep: str = THIN_SPACE) -> str:
    """``11000`` → ``"11 000"`` (a narrow no-break space between thousands), ``1.5`` →
    ``"1,5"`` (the decimal comma, up to three decimals); ``""`` when missing."""
    if is_missing(value):
        return ""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}".replace(",", sep)
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", sep)


def month_name(number: int, short: bool = False) -> str:
    """``10`` → ``"October"`` (``"Oct"`` when ``short``)."""
    name = MONTHS[int(number) - 1]
    return name[:3] if short else name


def format_day(value, short: bool = True, year: bool = True) -> str:
    """A date as labels write it: ``"18 Oct 2024"`` (``short=False``: ``"18 October 2024"``;
    ``year=False``: ``"18 Oct"``); ``""`` when missing."""
    if is_missing(value):
        return ""
    stamp = pd.Timestamp(value)
    text = f"{stamp.day} {month_name(stamp.month, short)}"
    return f"{text} {stamp.year}" if year else text


def short_id(article_id) -> str:
    """How tables label an article: ``"002"`` for the course's ``"002_fd0b306409274ced"`` (a
    number, then a hash), the full id for anything else (``"article_1"`` stays itself, so two
    learner files never share a label)."""
    text = str(article_id)
    head, sep, _ = text.partition("_")
    return head if sep and head.isdigit() else text


def article_labels(article_ids) -> list[str]:
    """:func:`short_id` of each article, in order; the full ids when two short ones clash."""
    ids = [str(a) for a in article_ids]
    short = [short_id(a) for a in ids]
    return short if len(set(short)) == len(short) else ids
