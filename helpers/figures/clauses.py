"""Where a figure sits in its sentence, and the words of its clause: what the rules that say what
a figure counts (:mod:`.counted`) and whether it answers the story's question (:mod:`.question`)
read. Written by hand: the figures table keeps each figure's text and sentence, and no library
cuts a French sentence into the clause of one number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

_CLAUSE_OPENER = re.compile(
    r"(?:[;:«»“”\"]|\b(?:que|lesquel(?:le)?s|laquelle|lequel)\b|\bqu')", re.I
)


@dataclass
class SentenceFigures:
    """The figures of one sentence, in the figures table's order: their index (``names``),
    text and ``derived`` flag, the sentence, and where each figure is in it (``spans``)."""

    sentence: str
    names: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    derived: list = field(default_factory=list)
    rows: dict = field(default_factory=dict)  # name -> the figure's values, as a dict
    spans: dict = field(default_factory=dict)

    def span(self, name) -> tuple[int, int]:
        """Where the figure ``name`` is in the sentence (character span); (-1, -1) when not
        found."""
        if not self.spans:
            low = self.sentence.lower()
            self.spans = {n: _span(low, p, self.texts, self.derived)
                          for p, n in enumerate(self.names)}
        return self.spans[name]

    def neighbours(self, name) -> list[tuple[int, int]]:
        """The spans of the other figures that were written (not derived) and found, where a
        clause or a window around the figure ``name`` stops."""
        start = self.span(name)[0]
        spans = [self.span(other) for other, derived in zip(self.names, self.derived, strict=True)
                 if other != name and not derived]
        return [s for s in spans if s[0] >= 0 and s[0] != start]


def _span(sentence: str, p: int, texts: list, derived: list) -> tuple[int, int]:
    text, kind = texts[p], derived[p]
    if kind and "×" in text:
        text, kind = text.split("×")[-1].strip(), False  # the per-unit figure, the last written
    text = text.lower()
    # the n-th figure with the same text in this sentence is the n-th occurrence
    nth = sum(derived[k] == kind and texts[k].lower() == text for k in range(p + 1)) - 1
    pos = -1
    for _ in range(max(nth, 0) + 1):
        pos = sentence.find(text, pos + 1)
        if pos < 0:
            break
    if pos < 0:
        pos = sentence.find(text)
    return (pos, pos + len(text)) if pos >= 0 else (-1, -1)


def by_sentence(figures: pd.DataFrame) -> dict[tuple, SentenceFigures]:
    """The figures of each (article, sentence), ``derived`` as booleans: the siblings
    :func:`clause` cuts at. Plain Python, not a DataFrame per sentence: the rules ask about
    every figure of every sentence."""
    out: dict[tuple, SentenceFigures] = {}
    records = figures.assign(derived=figures["derived"].fillna(False).astype(bool)).to_dict("index")
    for name, row in records.items():
        key = (row["article_id"], row["sentence_id"])
        group = out.get(key)
        if group is None:
            group = out[key] = SentenceFigures(str(row["sentence"]))
        group.names.append(name)
        group.texts.append(str(row["text"]))
        group.derived.append(row["derived"])
        group.rows[name] = row
    return out


def clause(row: pd.Series, siblings: SentenceFigures) -> tuple[str, str]:
    """The words of the figure's clause before and after it, cut at the neighbouring figures,
    at the last clause opener before it (que, qu', lesquelles, quotes, ;) and at ';'."""
    sentence = str(row["sentence"])
    start, end = siblings.span(row.name)
    if start < 0:
        return "", sentence
    before, after = sentence[:start], sentence[end:]
    for o_start, o_end in siblings.neighbours(row.name):
        if o_end <= start:
            before = sentence[max(o_end, start - len(before)):start]
        elif o_start >= end:
            after = sentence[end:min(o_start, end + len(after))]
    openers = list(_CLAUSE_OPENER.finditer(before))
    if openers:
        before = before[openers[-1].end():]
    return before, after.split(";")[0]
