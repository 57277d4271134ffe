"""Where a figure sits in its sentence, and the words of its clause: what the rules that say what
a figure counts (:mod:`.counted`) and whether it answers the story's question (:mod:`.question`)
read. Written by hand: the figures table keeps each figure's text and sentence, and no library
cuts a French sentence into the clause of one number."""

from __future__ import annotations

import re

import pandas as pd

_CLAUSE_OPENER = re.compile(
    r"(?:[;:«»“”\"]|\b(?:que|lesquel(?:le)?s|laquelle|lequel)\b|\bqu')", re.I
)


def figure_span(row: pd.Series, siblings: pd.DataFrame) -> tuple[int, int]:
    """Where the figure is in its sentence (character span); (-1, -1) when not found.
    ``siblings``: the figures of the same sentence (``derived`` as booleans)."""
    sentence = str(row["sentence"]).lower()
    text = str(row["text"])
    if row.get("derived", False) and "×" in text:
        text = text.split("×")[-1].strip()  # the per-unit figure, the last one written
        same = siblings[~siblings["derived"]]
    else:
        same = siblings[siblings["derived"] == bool(row.get("derived", False))]
    text = text.lower()
    # the n-th figure with the same text in this sentence is the n-th occurrence
    nth = int((same["text"].str.lower() == text).loc[: row.name].sum()) - 1
    pos = -1
    for _ in range(max(nth, 0) + 1):
        pos = sentence.find(text, pos + 1)
        if pos < 0:
            break
    if pos < 0:
        pos = sentence.find(text)
    return (pos, pos + len(text)) if pos >= 0 else (-1, -1)


def clause(row: pd.Series, siblings: pd.DataFrame) -> tuple[str, str]:
    """The words of the figure's clause before and after it, cut at the neighbouring figures,
    at the last clause opener before it (que, qu', lesquelles, quotes, ;) and at ';'."""
    sentence = str(row["sentence"])
    start, end = figure_span(row, siblings)
    if start < 0:
        return "", sentence
    before, after = sentence[:start], sentence[end:]
    for name, other in siblings.iterrows():
        if name == row.name or other["derived"]:
            continue
        o_start, o_end = figure_span(other, siblings)
        if o_start < 0 or o_start == start:
            continue
        if o_end <= start:
            before = sentence[max(o_end, start - len(before)):start]
        elif o_start >= end:
            after = sentence[end:min(o_start, end + len(after))]
    openers = list(_CLAUSE_OPENER.finditer(before))
    if openers:
        before = before[openers[-1].end():]
    return before, after.split(";")[0]


def by_sentence(figures: pd.DataFrame) -> dict[tuple, pd.DataFrame]:
    """The figures of each (article, sentence), ``derived`` as booleans: the siblings
    :func:`clause` cuts at."""
    table = figures.assign(derived=figures["derived"].fillna(False).astype(bool))
    return dict(list(table.groupby(["article_id", "sentence_id"], sort=False)))


def clauses(figures: pd.DataFrame) -> pd.DataFrame:
    """``before`` and ``after`` (:func:`clause`) of every figure, indexed as ``figures``."""
    if figures.empty:
        return pd.DataFrame(columns=["before", "after"], index=figures.index)
    groups = by_sentence(figures)
    rows = {}
    for name, row in figures.assign(
            derived=figures["derived"].fillna(False).astype(bool)).iterrows():
        rows[name] = clause(row, groups[(row["article_id"], row["sentence_id"])])
    return pd.DataFrame.from_dict(rows, orient="index", columns=["before", "after"])
