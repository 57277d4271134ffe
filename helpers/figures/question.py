"""Which figures answer the story's question, and how far apart they are.

>>> figures = extract_figures(corpus)
>>> classify_figures(figures)        # every candidate figure with its role and why
>>> story_estimates(figures)         # the estimates, one row per claim (notebook 03's timeline)
>>> story_figures(figures)           # the figures notebook 04 and the report assess
>>> spread(story_estimates(figures))

The question is the story's (``story.json`` beside its articles, :class:`helpers.core.story.
Question`): for the course, "how many North Korean soldiers were sent". This is the one place
that selects the figures answering it: notebook 03's timeline, notebook 04's origins and
corroboration, :func:`helpers.pipeline.run`'s ``corroboration`` and the report all read it.

**Roles** (:func:`classify_figures`, each with the reason in ``why``). A figure whose
``unit_kind`` is one of the question's ``unit_kinds`` (any, when it names none) is an
``estimate`` unless, checked in this order:

1. ``vague`` – it has no number ("plusieurs milliers", "un petit nombre");
2. ``per unit`` – it is the size of one unit in a derived total ("cinq unités, chacune composée
   d'environ 3 000 soldats": the 3 000; the derived total ~15 000 is kept, ``derived=True``);
3. ``casualties`` – its clause matches the question's ``casualties`` words (killed, wounded…);
4. ``other force`` – the words right after it match the question's ``other_forces`` (soldiers of
   another army, a larger force that only includes the ones counted: "50.000 hommes, dont…");
5. ``small group`` – it is below the question's ``min_value``: a group seen in one place.

**Repeats** (:func:`story_estimates`): within one article, the same figure (value, bounds,
qualifier, derived, date stated) said again by the same side, or said once with and once
without a named source, is one claim. The row kept names the most specific speaker (a person
before an institution, an anonymous official, a medium, nobody); ``mentions`` counts the repeats
and ``sentence_ids`` lists them. The same figure in two *articles* stays two rows: that is the
corroboration question of notebook 04.

**Scope** (``scope``): the first of the question's ``scopes`` whose words are in the figure's
clause; else "". A merged claim takes the scope of its first mention that has one.

**Side**: the speaker's side in the story's actor table; a figure with no speaker is
``"unattributed"``, a speaker not in the table ``"other"``.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers.core.actors import actor, side_of
from helpers.core.story import OTHER, UNATTRIBUTED, Question, load_story
from helpers.core.text import is_missing

__all__ = ["classify_figures", "speaker_side", "spread", "story_estimates", "story_figures"]

_CLAUSE_OPENER = re.compile(
    r"(?:[;:«»“”\"]|\b(?:que|lesquel(?:le)?s|laquelle|lequel)\b|\bqu')", re.I
)
_KIND_RANK = {"person": 0, "institution": 1, "anonymous": 2, "media": 3}
EXTRA_COLUMNS = ["side", "scope", "role", "why"]


def speaker_side(speaker) -> str:
    """A figure's side: its speaker's (:func:`helpers.core.actors.side_of`), ``"unattributed"``
    when nobody is named, ``"other"`` for a speaker the story does not know."""
    if is_missing(speaker) or not str(speaker):
        return UNATTRIBUTED
    return side_of(str(speaker)) or OTHER


def _speaker_rank(speaker: str) -> int:
    if not speaker:
        return 5
    found = actor(speaker)
    return _KIND_RANK.get(found.kind, 4) if found else 4


# --------------------------------------------------------------------------- the figure's clause


def _figure_span(row: pd.Series, siblings: pd.DataFrame) -> tuple[int, int]:
    """Where the figure is in its sentence (character span); (-1, -1) when not found."""
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


def _clause(row: pd.Series, siblings: pd.DataFrame) -> tuple[str, str]:
    """The words of the figure's clause before and after it, cut at the neighbouring figures,
    at the last clause opener before it (que, qu', lesquelles, quotes, ;) and at ';'."""
    sentence = str(row["sentence"])
    start, end = _figure_span(row, siblings)
    if start < 0:
        return "", sentence
    before, after = sentence[:start], sentence[end:]
    for name, other in siblings.iterrows():
        if name == row.name or other["derived"]:
            continue
        o_start, o_end = _figure_span(other, siblings)
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


def _scope(question: Question, clause: str) -> str:
    return next((label for label, rx in question.scopes if rx.search(clause)), "")


def _factor_texts(figures: pd.DataFrame) -> set[tuple]:
    """(article, sentence, text) of the per-unit figures inside derived totals."""
    out = set()
    for _, row in figures[figures["derived"].astype(bool)].iterrows():
        for part in [p.strip().lower() for p in str(row["text"]).split("×")][1:]:
            out.add((row["article_id"], row["sentence_id"], part))
    return out


# --------------------------------------------------------------------------- roles


def _role(question: Question, row: pd.Series, before: str, after: str,
          per_unit: bool) -> tuple[str, str]:
    """(role, why) of one candidate figure: the rules of the module docstring, in order."""
    if row["qualifier"] == "vague" or is_missing(row["value"]):
        return "vague", "no number: a vague amount"
    if per_unit:
        return "per unit", "the size of one unit; the derived total is kept"
    casualty = question.casualties.search(before + " " + after) if question.casualties else None
    if casualty:
        return "casualties", f"counts casualties ({casualty.group(0)!r})"
    other = question.other_forces.search(after) if question.other_forces else None
    if other:
        words = other.group(0).strip(" ,«»“”\"")
        return "other force", f"counts another army or a larger force ({words})"
    if row["value"] < question.min_value:
        return "small group", f"under {question.min_value:g}: a group seen in one place"
    return "estimate", question.answers


def _candidates(figures: pd.DataFrame, question: Question) -> pd.DataFrame:
    if question.unit_kinds:
        return figures[figures["unit_kind"].isin(question.unit_kinds)].copy()
    return figures.copy()


def classify_figures(figures: pd.DataFrame, question: Question | None = None) -> pd.DataFrame:
    """Every figure that may answer the story's question, with its ``role`` — ``estimate``,
    ``vague``, ``per unit``, ``casualties``, ``other force`` or ``small group`` — and ``why``
    (the rule, in words), plus ``side`` and ``scope``. ``question``: the course story's when
    None. The rules are in this module's docstring."""
    question = question or load_story().question
    candidates = _candidates(figures, question)
    if candidates.empty:
        return pd.DataFrame(columns=list(figures.columns) + EXTRA_COLUMNS)
    candidates["derived"] = candidates["derived"].astype(bool)
    factors = _factor_texts(figures)
    all_figures = figures.assign(derived=figures["derived"].astype(bool))
    by_sentence = dict(list(all_figures.groupby(["article_id", "sentence_id"], sort=False)))
    roles, whys, scopes = [], [], []
    for _, row in candidates.iterrows():
        siblings = by_sentence[(row["article_id"], row["sentence_id"])]
        before, after = _clause(row, siblings)
        key = (row["article_id"], row["sentence_id"], str(row["text"]).strip().lower())
        role, why = _role(question, row, before, after,
                          per_unit=not row["derived"] and key in factors)
        scopes.append(_scope(question, before + " " + after))
        roles.append(role)
        whys.append(why)
    candidates["side"] = candidates["speaker"].map(speaker_side)
    candidates["scope"] = scopes
    candidates["role"] = roles
    candidates["why"] = whys
    return candidates


def story_figures(figures: pd.DataFrame, question: Question | None = None,
                  roles=None) -> pd.DataFrame:
    """The rows of ``figures`` that answer the story's question: those whose role
    (:func:`classify_figures`) is one of ``roles`` (default: the question's ``assessed_roles``,
    for the course the soldiers sent and lost), every mention kept. Notebook 04, the report and
    :func:`helpers.pipeline.run`'s corroboration all assess these."""
    question = question or load_story().question
    wanted = list(roles if roles is not None else question.assessed_roles)
    role = classify_figures(figures, question)["role"]
    return figures.loc[role[role.isin(wanted)].index]


# --------------------------------------------------------------------------- one row per claim


def _key_value(v):
    return None if is_missing(v) else v


def _claim_key(row: pd.Series) -> tuple:
    return (row["article_id"], _key_value(row["value"]), _key_value(row["low"]),
            _key_value(row["high"]), row["qualifier"], bool(row["derived"]),
            None if is_missing(row["stated_on"]) else pd.Timestamp(row["stated_on"]))


def _clusters(members: list[pd.Series]) -> list[list[pd.Series]]:
    """The mentions of one figure grouped by side; nobody-named repeats join the first named
    side's claim."""
    named = list(dict.fromkeys(m["side"] for m in members if m["side"] != UNATTRIBUTED))
    loose = [m for m in members if m["side"] == UNATTRIBUTED]
    if not named:
        return [loose]
    clusters = {side: [m for m in members if m["side"] == side] for side in named}
    clusters[named[0]] = clusters[named[0]] + loose
    return list(clusters.values())


def _merged(cluster: list[pd.Series]) -> dict:
    cluster = sorted(cluster, key=lambda m: m["sentence_id"])
    keep = min(cluster, key=lambda m: (_speaker_rank(m["speaker"]), m["sentence_id"]))
    scope = next((m["scope"] for m in cluster if m["scope"]), "")
    return {**keep.to_dict(), "scope": scope, "mentions": len(cluster),
            "sentence_ids": [int(m["sentence_id"]) for m in cluster]}


def story_estimates(figures: pd.DataFrame, merge_repeats: bool = True,
                    question: Question | None = None) -> pd.DataFrame:
    """The estimates answering the story's question, one row per claim, sorted by date.

    ``figures`` is :func:`helpers.figures.extract_figures`' table. Columns: its own, plus
    ``side``, ``scope``, ``mentions`` (how often the article repeats the claim) and
    ``sentence_ids``. Derived totals are kept (``derived=True``). With ``merge_repeats=False``
    every mention is its own row (``mentions`` = 1). Rules: this module's docstring.
    """
    classified = classify_figures(figures, question)
    est = classified[classified["role"] == "estimate"].drop(columns=["role", "why"])
    base_cols = [c for c in figures.columns if c in est.columns]
    out_cols = base_cols + ["side", "scope", "mentions", "sentence_ids"]
    if est.empty:
        return pd.DataFrame(columns=out_cols)
    est = est.sort_values(["article_id", "sentence_id", "start"], kind="stable")
    if not merge_repeats:
        rows = [{**row.to_dict(), "mentions": 1, "sentence_ids": [row["sentence_id"]]}
                for _, row in est.iterrows()]
    else:
        groups: dict[tuple, list[pd.Series]] = {}
        for _, row in est.iterrows():
            groups.setdefault(_claim_key(row), []).append(row)
        rows = [_merged(cluster) for members in groups.values() for cluster in _clusters(members)]
    out = pd.DataFrame(rows)[out_cols]
    out = out.sort_values(["stated_on", "article_id", "sentence_id"], kind="stable",
                          na_position="last")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- the spread


def spread(estimates: pd.DataFrame, include_derived: bool = True) -> pd.Series:
    """How far apart the estimates are: ``n``, ``low``, ``high``, ``median``, ``ratio``
    (high / low) and who said the lowest and the highest (``low_by``, ``high_by``)."""
    est = estimates[estimates["value"].notna()]
    if not include_derived and "derived" in est.columns:
        est = est[~est["derived"].astype(bool)]
    if est.empty:
        return pd.Series({"n": 0, "low": np.nan, "high": np.nan, "median": np.nan,
                          "ratio": np.nan, "low_by": "", "high_by": ""})
    lo = est.loc[est["value"].idxmin()]
    hi = est.loc[est["value"].idxmax()]
    return pd.Series({
        "n": len(est), "low": float(lo["value"]), "high": float(hi["value"]),
        "median": float(est["value"].median()), "ratio": float(hi["value"] / lo["value"]),
        "low_by": lo["speaker"] or UNATTRIBUTED, "high_by": hi["speaker"] or UNATTRIBUTED,
    })
