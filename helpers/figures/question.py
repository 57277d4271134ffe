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

**What is counted** (``counts``, :mod:`helpers.figures.counted`): the noun after the figure
with its synonyms, or what the clause says a generic noun counts (*quatre personnes sont
mortes*: deaths). A learner's question names one (notebook 05); the course's counts soldiers.

**Roles** (:func:`classify_figures`, each with the reason in ``why``). A figure counting what
the question's ``counts`` name, whose ``unit_kind`` is one of its ``unit_kinds`` (any, when it
names none), is an ``estimate`` unless, checked in this order:

1. ``vague`` – it has no number ("plusieurs milliers", "un petit nombre");
2. ``past event`` – it is about an earlier event (``past_event``: *la crue de 2002 qui avait
   fait 23 morts*): kept off the timeline, listed apart (:func:`past_figures`);
3. ``per unit`` – it is the size of one unit in a derived total ("cinq unités, chacune composée
   d'environ 3 000 soldats": the 3 000; the derived total ~15 000 is kept, ``derived=True``);
4. ``other force`` – the words right after it match the question's ``other_forces`` (soldiers of
   another army, their losses too: "deux de nos hommes"; a larger force that only includes the
   ones counted: "50.000 hommes, dont…");
5. ``casualties`` – its clause matches the question's ``casualties`` words (killed, wounded…);
6. ``small group`` – it is below the question's ``min_value``: a group seen in one place.

``measure`` says in English what each figure measures, with what happened for a casualty count
("soldiers killed or wounded"): claims are labelled with it, and figures with different
measures are never compared as one.

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
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.core.actors import actor, side_of
from helpers.core.datafiles import read_rows
from helpers.core.story import OTHER, UNATTRIBUTED, Question, load_story
from helpers.core.text import is_missing
from helpers.figures.clauses import by_sentence, clause
from helpers.figures.counted import counted_english, counts_of

__all__ = ["classify_figures", "measure", "past_figures", "speaker_side", "spread",
           "story_estimates", "story_figures"]

_KIND_RANK = {"person": 0, "institution": 1, "anonymous": 2, "media": 3}
EXTRA_COLUMNS = ["side", "scope", "role", "why", "counts", "measure"]
DATA_DIR = Path(__file__).resolve().parent / "data"


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


def _scope(question: Question, clause_text: str) -> str:
    return next((label for label, rx in question.scopes if rx.search(clause_text)), "")


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
    if bool(row.get("past_event", False)) is True:
        when = row.get("stated_on_text") or ""
        return "past event", ("about an earlier event" + (f" ({when})" if when else "")
                              + ", not this story's count")
    if per_unit:
        return "per unit", "the size of one unit; the derived total is kept"
    # another force before casualties: "deux de nos hommes" are casualties of another army
    other = question.other_forces.search(after) if question.other_forces else None
    if other:
        words = other.group(0).strip(" ,«»“”\"")
        return "other force", f"counts another army or a larger force ({words})"
    casualty = question.casualties.search(before + " " + after) if question.casualties else None
    if casualty:
        return "casualties", f"counts casualties ({casualty.group(0)!r})"
    if row["value"] < question.min_value:
        return "small group", f"under {question.min_value:g}: a group seen in one place"
    return "estimate", question.answers


@lru_cache(maxsize=1)
def _casualty_words() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r["pattern"], re.I), r["english"])
                 for r in read_rows(DATA_DIR / "casualty_words.csv"))


def measure(counts: str, role: str = "estimate", clause_text: str = "") -> str:
    """What a figure measures, in words: what it counts (``"soldiers"``, ``"deaths"``), and for
    a casualty count what happened to them, in the clause's order (``"soldiers killed or
    wounded"``)."""
    words = counted_english(counts) if counts else ""
    if role == "casualties":
        found = sorted((m.start(), english) for rx, english in _casualty_words()
                       if (m := rx.search(clause_text.lower())))
        said = list(dict.fromkeys(english for _, english in found))
        if said:
            words = f"{words} {' or '.join(said)}".strip()
    return words


def _candidates(figures: pd.DataFrame, question: Question) -> pd.DataFrame:
    table = figures.copy()
    if "counts" not in table.columns:
        table["counts"] = counts_of(figures)
    if question.unit_kinds:
        table = table[table["unit_kind"].isin(question.unit_kinds)]
    if question.counts:
        table = table[table["counts"].isin(question.counts)]
    return table


def classify_figures(figures: pd.DataFrame, question: Question | None = None) -> pd.DataFrame:
    """Every figure that may answer the story's question, with its ``role`` — ``estimate``,
    ``vague``, ``past event``, ``per unit``, ``other force``, ``casualties`` or ``small
    group`` — and ``why`` (the rule, in words), plus ``side``, ``scope``, ``counts`` (what it
    counts, :func:`helpers.figures.counted.counts_of`) and ``measure`` (that in English, with
    what happened to them for a casualty count). ``question``: the course story's when None.
    The rules are in this module's docstring."""
    question = question or load_story().question
    candidates = _candidates(figures, question)
    if candidates.empty:
        columns = list(dict.fromkeys([*figures.columns, *EXTRA_COLUMNS]))
        return pd.DataFrame(columns=columns)
    candidates["derived"] = candidates["derived"].astype(bool)
    factors = _factor_texts(figures)
    by_sentence_ = by_sentence(figures)
    roles, whys, scopes, measures = [], [], [], []
    for _, row in candidates.iterrows():
        where = (row["article_id"], row["sentence_id"])
        before, after = clause(row, by_sentence_[where])
        key = (row["article_id"], row["sentence_id"], str(row["text"]).strip().lower())
        role, why = _role(question, row, before, after,
                          per_unit=not row["derived"] and key in factors)
        scopes.append(_scope(question, before + " " + after))
        roles.append(role)
        whys.append(why)
        measures.append(measure(row["counts"], role, before + " " + after))
    candidates["side"] = candidates["speaker"].map(speaker_side)
    candidates["scope"] = scopes
    candidates["role"] = roles
    candidates["why"] = whys
    candidates["measure"] = measures
    return candidates


def story_figures(figures: pd.DataFrame, question: Question | None = None,
                  roles=None) -> pd.DataFrame:
    """The rows of ``figures`` that answer the story's question: those whose role
    (:func:`classify_figures`) is one of ``roles`` (default: the question's ``assessed_roles``,
    for the course the soldiers sent and lost), every mention kept, with ``side``, ``scope``,
    ``role``, ``counts`` and ``measure``. Notebooks 03–05, the report and
    :func:`helpers.pipeline.run`'s corroboration all assess these."""
    question = question or load_story().question
    wanted = list(roles if roles is not None else question.assessed_roles)
    classified = classify_figures(figures, question)
    return classified[classified["role"].isin(wanted)].drop(columns=["why"])


def past_figures(figures: pd.DataFrame, question: Question | None = None) -> pd.DataFrame:
    """The figures counting what the question counts, but about an earlier event
    (``past_event``: *la crue de 2002 qui avait fait 23 morts*): kept off the timeline, listed
    apart. Columns: :func:`classify_figures`'."""
    classified = classify_figures(figures, question)
    return classified[classified["role"] == "past event"].reset_index(drop=True)


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
    ``side``, ``scope``, ``measure``, ``mentions`` (how often the article repeats the claim) and
    ``sentence_ids``. Derived totals are kept (``derived=True``). With ``merge_repeats=False``
    every mention is its own row (``mentions`` = 1). Rules: this module's docstring.
    """
    classified = classify_figures(figures, question)
    est = classified[classified["role"] == "estimate"].drop(columns=["role", "why", "counts"])
    base_cols = [c for c in figures.columns if c in est.columns]
    out_cols = base_cols + ["side", "scope", "measure", "mentions", "sentence_ids"]
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
