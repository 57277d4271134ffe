"""Assessing reliability (notebook 04): the public face of the reliability helpers, and the check
of the learner's conclusion.

>>> from helpers.reliability.conclusion import article_signals, corroboration, check_conclusion
>>> article_signals(corpus, docs=docs, claims=claims)   # transparency signals, a row per article
>>> corroboration(figures)                             # a row per figure value: articles, origins
>>> check_conclusion("It is likely that 10 000 to 12 000 ... according to Lloyd Austin and the GUR")

Where things are:

* :mod:`helpers.reliability.signals`: ``article_signals``, ``signal_explanations``,
  ``signal_evidence``, ``transparency_criteria``;
* :mod:`helpers.reliability.corroboration`: ``corroboration``, ``figure_origins``, ``sides``;
* :mod:`helpers.reliability.reuse`: ``shared_passages`` (text two articles share);
* :mod:`helpers.reliability.grading`: the Admiralty scale, ``main_origins``, ``propose_grade(s)``,
  ``save_grade``, ``load_grades``, ``reconcile``;
* here: ``estimative_terms`` (ICD 203) and the conclusion checker.

The conclusion checker (written by hand: no library reads estimative language or knows who the
origins of these reports are) asks two things of the learner's paragraph, in English or French:

1. a **calibrated estimative term** from ICD 203 (``helpers/data/estimative_terms.csv``: *almost
   no chance* ... *almost certain*, their alternatives *remote* ... *nearly certain*, and the
   course's French translations); vague words (*maybe*, *possibly*, *certainly*) are named, since
   readers take them to mean anything from 10 % to 90 %;
2. at least **two independent origins**: named origins (people and institutions of
   ``actors.csv``, by canonical name, alias or English name from ``english_aliases.csv``, case
   and accents ignored) on at least two different sides. Anonymous sources and news outlets are
   recognised but not counted (they cannot be shown independent); a state named by its country
   or capital (*Russia*, *Kyiv*) counts only when cited as a source (*according to Kyiv*, *Kyiv
   says*: ``citation_cues.csv``), not when it is just where things happen.

Tips that do not fail the check: no figure in the paragraph; a confidence level and a likelihood
in the same sentence (ICD 203 asks to keep them apart).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from helpers.core.datafiles import read_table
from helpers.core.story import load_story
from helpers.reliability.corroboration import corroboration, figure_origins, side_role, sides
from helpers.reliability.grading import (
    admiralty_scale,
    load_grades,
    main_origins,
    propose_grade,
    propose_grades,
    reconcile,
    save_grade,
)
from helpers.reliability.reuse import shared_passages
from helpers.reliability.signals import (
    article_signals,
    data_table,
    signal_evidence,
    signal_explanations,
    transparency_criteria,
)

__all__ = [
    "ConclusionCheck",
    "admiralty_scale",
    "article_signals",
    "check_conclusion",
    "conclusion_report",
    "corroboration",
    "display_name",
    "estimative_terms",
    "figure_origins",
    "load_grades",
    "main_origins",
    "propose_grade",
    "propose_grades",
    "reconcile",
    "save_grade",
    "shared_passages",
    "side_role",
    "sides",
    "signal_evidence",
    "signal_explanations",
    "transparency_criteria",
]


def estimative_terms() -> pd.DataFrame:
    """The ICD 203 terms (``kind == "calibrated"``, with ``low_pct``/``high_pct``) and the vague
    words the checker names (``kind == "vague"``): ``kind, term, also, low_pct, high_pct,
    french, source``."""
    table = data_table("estimative_terms.csv")
    for column in ("low_pct", "high_pct"):
        table[column] = pd.to_numeric(table[column], errors="coerce")
    return table


# ------------------------------------------------------------------------------- matching


def _fold(text: str) -> str:
    """Accents off, straight apostrophes, single spaces (case is kept: acronyms need it)."""
    text = unicodedata.normalize("NFKD", str(text).replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text)


def _phrase(words: str, case_sensitive: bool = False) -> str:
    body = r"\s+".join(re.escape(w) for w in _fold(words).split())
    body = rf"(?<![\w-]){body}(?![\w-])"  # l'UE, d'après: elision is a boundary
    return f"(?-i:{body})" if case_sensitive else body


@lru_cache(maxsize=1)
def _term_regex() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One regex for every estimative word (longest first) and ``{folded lower: (kind, term)}``."""
    lookup: dict[str, tuple[str, str]] = {}
    for row in estimative_terms().itertuples():
        for surface in [row.term, *row.also.split("|"), *row.french.split("|")]:
            if surface:
                lookup.setdefault(_fold(surface).lower(), (row.kind, row.term))
    alternatives = sorted(lookup, key=len, reverse=True)
    rx = re.compile("|".join(_phrase(a) for a in alternatives), re.I)
    return rx, lookup


def _english_aliases() -> pd.DataFrame:
    return read_table(load_story().path("english_aliases"),
                      columns=["canonical", "display", "aliases"])


def _access_table() -> pd.DataFrame:
    return read_table(load_story().path("access"), columns=["origin", "access", "why"])


@dataclass(frozen=True)
class _Name:
    canonical: str
    kind: str
    side: str
    label: str


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern, dict[str, _Name]]:
    """One regex for every actor name (canonical, aliases, English names), longest first, and
    ``{folded lower name: actor}``."""
    from helpers.core.actors import load_actors

    actors = load_actors().set_index("canonical")
    surfaces: dict[str, tuple[str, _Name]] = {}

    def add(surface: str, canonical: str) -> None:
        row = actors.loc[canonical]
        name = _Name(canonical, row["kind"], row["side"], row["label"])
        key = _fold(surface).lower()
        if key and key not in surfaces:
            surfaces[key] = (surface, name)

    for canonical, row in actors.iterrows():
        for surface in [canonical, *row["aliases"]]:
            add(surface, canonical)
    for row in _english_aliases().itertuples():
        if row.canonical not in actors.index:
            raise ValueError(f"english_aliases.csv: {row.canonical!r} is not in actors.csv")
        for surface in row.aliases.split("|"):
            add(surface, row.canonical)
    ordered = sorted(surfaces.values(), key=lambda item: len(item[0]), reverse=True)
    # a short acronym (GUR, NIS, EU) must be in capitals: "eu" is French for "had"; but "Nato"
    rx = re.compile(
        "|".join(_phrase(s, case_sensitive=s.isupper() and len(s) <= 3) for s, _ in ordered),
        re.I,
    )
    return rx, {_fold(s).lower(): n for s, n in ordered}


@lru_cache(maxsize=1)
def _cue_regexes() -> tuple[re.Pattern, re.Pattern]:
    cues = data_table("citation_cues.csv")
    before = "|".join(_phrase(c) for c in cues.loc[cues["position"] == "before", "cue"])
    after = "|".join(_phrase(c) for c in cues.loc[cues["position"] == "after", "cue"])
    return (
        re.compile(rf"(?:{before})\s+(?:the\s+|le\s+|la\s+|les\s+|l')?$", re.I),
        re.compile(rf"^(?:'s)?\s*(?:{after})", re.I),
    )


def _cited(text: str, start: int, end: int) -> bool:
    before, after = _cue_regexes()
    return bool(before.search(text[max(0, start - 40) : start])) or bool(
        after.search(text[end : end + 40])
    )


# ------------------------------------------------------------------------------- the check


@dataclass
class ConclusionCheck:
    """What :func:`conclusion_report` found in a paragraph, and what to tell the learner."""

    text: str
    terms: list[str] = field(default_factory=list)  # ICD 203 terms (their scale name)
    vague: list[str] = field(default_factory=list)  # vague words, as written
    origins: list[str] = field(default_factory=list)  # named origins counted (canonical)
    sides: list[str] = field(default_factory=list)  # their distinct sides
    anonymous: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # states mentioned, not cited
    has_figure: bool = False
    feedback: list[str] = field(default_factory=list)
    ok: bool = False

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return "\n".join(self.feedback)


@lru_cache(maxsize=1)
def _displays() -> dict[str, str]:
    table = _english_aliases()
    return {r.canonical: r.display for r in table.itertuples() if r.display}


def display_name(canonical: str) -> str:
    """How feedback names an actor in English (``Pentagone`` -> ``the Pentagon``)."""
    return _displays().get(canonical, canonical)


def _side_key(name: _Name) -> str:
    # "other" lumps unrelated states and bodies together: each is its own side
    return name.canonical if name.side in ("", "other") else name.side


@lru_cache(maxsize=1)
def _suggestions() -> dict[str, list[str]]:
    """Per side, origins with direct access (from access.csv, in its order) to suggest."""
    from helpers.core.actors import actor

    out: dict[str, list[str]] = {}
    for row in _access_table().itertuples():
        found = actor(row.origin)
        if row.access == "direct" and found and found.kind != "anonymous":
            out.setdefault(found.side, []).append(found.canonical)
    return out


def _suggest(cited_sides: set[str]) -> str:
    picks = []
    for side in ("United States", "South Korea", "Ukraine"):
        if side not in cited_sides and _suggestions().get(side):
            names = " or ".join(display_name(n) for n in _suggestions()[side][:2])
            picks.append(f"{names} ({side})")
    return "; ".join(picks)


def _join(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def conclusion_report(text: str) -> ConclusionCheck:
    """Check a conclusion paragraph (see the module docstring) and return what was found, with
    specific feedback in ``.feedback`` and ``.ok`` (truthy when both checks pass)."""
    text = text if isinstance(text, str) else ""
    report = ConclusionCheck(text=text)
    folded = _fold(text)
    if not folded.strip():
        report.feedback = ["Write your paragraph first: how many North Korean soldiers were in "
                           "Kursk by mid-December 2024, and how sure can we be?"]
        return report
    scale = estimative_terms()
    ranges = {r.term: (r.low_pct, r.high_pct) for r in scale.itertuples() if r.kind == "calibrated"}

    term_rx, lookup = _term_regex()
    for m in term_rx.finditer(folded):
        kind, term = lookup[" ".join(m.group(0).lower().split())]
        target = report.terms if kind == "calibrated" else report.vague
        value = term if kind == "calibrated" else m.group(0)
        if value not in target:
            target.append(value)

    name_rx, names = _names()
    counted: dict[str, _Name] = {}
    for m in name_rx.finditer(folded):
        name = names[" ".join(m.group(0).lower().split())]
        if name.kind == "anonymous":
            report.anonymous.append(name.canonical)
        elif name.kind == "media":
            report.media.append(name.canonical)
        elif name.label == "LOC" and not _cited(folded, m.start(), m.end()):
            report.places.append(m.group(0))
        else:
            counted.setdefault(name.canonical, name)
    report.anonymous = list(dict.fromkeys(report.anonymous))
    report.media = list(dict.fromkeys(report.media))
    report.places = list(dict.fromkeys(report.places))
    report.origins = list(counted)
    side_keys = list(dict.fromkeys(_side_key(n) for n in counted.values()))
    report.sides = side_keys
    report.has_figure = bool(re.search(r"\d", folded))

    fb = report.feedback
    # 1. estimative language
    if report.terms:
        shown = ", ".join(f"“{t}” ({ranges[t][0]:g}–{ranges[t][1]:g} %)" for t in report.terms)
        fb.append(f"✓ Calibrated estimative language: {shown} on the ICD 203 scale.")
    else:
        scale_words = ", ".join(
            f"{t} ({lo:g}–{hi:g} %)" for t, (lo, hi) in ranges.items())
        fb.append("✗ No calibrated estimative term. Say how likely your estimate is with one of "
                  f"ICD 203's seven terms: {scale_words}.")
    if report.vague:
        words = ", ".join(f"“{w}”" for w in report.vague)
        fb.append(f"  Note: {words} {'is' if len(report.vague) == 1 else 'are'} not on the "
                  "scale: readers take such words to mean anything from 10 % to 90 %.")
    # 2. independent origins
    cited_sides = {n.side for n in counted.values()}
    if len(side_keys) >= 2:
        listed = _join(f"{display_name(n.canonical)} ({n.side})" for n in counted.values())
        fb.append(f"✓ Independent origins: {listed}, from {len(side_keys)} different sides.")
        belligerent = sorted({n.side for n in counted.values()
                              if side_role(n.side) == "belligerent"})
        if belligerent and len(side_keys) == len(belligerent):
            fb.append(f"  Note: every side you cite ({_join(belligerent)}) is at war: "
                      "each has a stake in the figures.")
    elif counted:
        listed = _join(display_name(c) for c in counted)
        side = next(iter(counted.values())).side
        if len(counted) == 1:
            fb.append(f"✗ Only one origin named: {listed} ({side}). A figure repeated by many "
                      "articles from one origin is still one origin.")
        else:
            every = "both" if len(counted) == 2 else "all"
            fb.append(f"✗ {listed} are {every} on the same side ({side}): they are not "
                      "independent of each other.")
        if side_role(side) == "belligerent":
            fb.append(f"  {side} is a party to the war: its figures about the enemy are not "
                      "neutral.")
        hint = _suggest(cited_sides)
        if hint:
            fb.append(f"  Add an origin from another side, e.g. {hint}.")
    else:
        fb.append("✗ No origin named: say who the figures come from (a person or an "
                  f"institution), from at least two sides, e.g. {_suggest(set())}.")
    if report.anonymous and len(side_keys) < 2:
        who = _join(display_name(a) for a in report.anonymous)
        fb.append(f"  {who[:1].upper() + who[1:]}: anonymous, so not counted: nobody can check "
                  "who it is, or whether it is independent of the others.")
    if report.media and len(side_keys) < 2:
        fb.append(f"  {_join(report.media)}: a news outlet relays; name the origin it quotes.")
    if report.places and len(side_keys) < 2:
        fb.append(f"  {_join(report.places)}: mentioned, but not as a source. To cite a "
                  "government write “according to Kyiv” or name the body (the GUR).")
    # tips
    if not report.has_figure:
        fb.append("  Tip: give the figure or range you conclude on (e.g. 10 000 to 12 000).")
    for sentence in re.split(r"(?<=[.!?])\s+", folded):
        if re.search(r"\bconfiden", sentence, re.I) and term_rx.search(sentence):
            if any(lookup[" ".join(m.group(0).lower().split())][0] == "calibrated"
                   for m in term_rx.finditer(sentence)):
                fb.append("  Tip: ICD 203 asks not to put a confidence level and a likelihood "
                          "in the same sentence: say how likely in one, how confident in "
                          "another.")
                break
    report.ok = bool(report.terms) and len(side_keys) >= 2
    fb.append("Well done: your conclusion is calibrated and sourced." if report.ok else
              "Revise your paragraph and check it again.")
    return report


def check_conclusion(text: str) -> bool:
    """Print specific feedback on the learner's conclusion paragraph; True when it uses a
    calibrated ICD 203 term and cites at least two independent origins."""
    report = conclusion_report(text)
    print(report)
    return report.ok


# ------------------------------------------------------------------------------- the conclusion

CONCLUSION_KEY = "conclusion"


def save_conclusion(text: str) -> None:
    """Keep the learner's conclusion paragraph in the workspace (for the report); an empty or
    placeholder text is not saved."""
    from helpers.core import workspace

    if isinstance(text, str) and text.strip() and not text.strip().startswith("Write your"):
        workspace.save(CONCLUSION_KEY, {"text": text.strip()})


def load_conclusion() -> str:
    """The saved conclusion paragraph, or ``""``."""
    from helpers.core import workspace

    saved = workspace.load(CONCLUSION_KEY, default={})
    return saved.get("text", "") if isinstance(saved, dict) else ""
