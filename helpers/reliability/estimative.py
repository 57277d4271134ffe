"""Estimative language (ICD 203): the seven calibrated terms with their probability bands, their
alternatives and the course's French translations, and the vague words readers take to mean
anything from 10 % to 90 % (``estimative_terms.csv``). The conclusion checker finds them."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.core.datafiles import read_table
from helpers.core.text import fold, normalise

DATA_DIR = Path(__file__).resolve().parent / "data"


def estimative_terms() -> pd.DataFrame:
    """The ICD 203 terms (``kind == "calibrated"``, with ``low_pct``/``high_pct``) and the vague
    words the checker names (``kind == "vague"``): ``kind, term, also, low_pct, high_pct,
    french, source``; ``also`` and ``french`` are lists of words (``|``-separated in the file)."""
    table = read_table(DATA_DIR / "estimative_terms.csv")
    for column in ("low_pct", "high_pct"):
        table[column] = pd.to_numeric(table[column], errors="coerce")
    for column in ("also", "french"):
        table[column] = [[w.strip() for w in str(v).split("|") if w.strip()] if v else []
                         for v in table[column].fillna("")]
    return table


def plain(text: str) -> str:
    """Accents off, straight apostrophes, single spaces; case kept (acronyms need it)."""
    return re.sub(r"\s+", " ", fold(normalise(str(text)), case=False))


def phrase(words: str, case_sensitive: bool = False) -> str:
    """A regex for ``words`` as whole words, any spacing, on :func:`plain` text."""
    body = r"\s+".join(re.escape(w) for w in plain(words).split())
    body = rf"(?<![\w-]){body}(?![\w-])"  # l'UE, d'après: elision is a boundary
    return f"(?-i:{body})" if case_sensitive else body


def key(words: str) -> str:
    """How a match is looked up: lower case, single spaces."""
    return " ".join(words.lower().split())


@lru_cache(maxsize=1)
def term_regex() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One regex for every estimative word (longest first) and ``{key: (kind, term)}``."""
    lookup: dict[str, tuple[str, str]] = {}
    for row in estimative_terms().itertuples():
        for surface in [row.term, *row.also, *row.french]:
            if surface:
                lookup.setdefault(plain(surface).lower(), (row.kind, row.term))
    alternatives = sorted(lookup, key=len, reverse=True)
    rx = re.compile("|".join(phrase(a) for a in alternatives), re.I)
    return rx, lookup


def calibrated_ranges() -> dict[str, tuple[float, float]]:
    """``{term: (low %, high %)}`` of the seven calibrated terms, in the scale's order."""
    return {r.term: (r.low_pct, r.high_pct) for r in estimative_terms().itertuples()
            if r.kind == "calibrated"}
