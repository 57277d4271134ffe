"""The check of the learner's conclusion paragraph (notebooks 04 and 05), and where it is saved.

>>> check_conclusion("It is likely that … according to … and …")   # prints feedback, True/False

The checker (written by hand: no library reads estimative language or knows who the origins of
a story's reports are) asks two things of the paragraph, in English or French:

1. a **calibrated estimative term** from ICD 203 (:mod:`.estimative`: *almost no chance* …
   *almost certain*, their alternatives *remote* … *nearly certain*, and the course's French
   translations); vague words (*maybe*, *possibly*, *certainly*) are named, since readers take
   them to mean anything from 10 % to 90 %;
2. at least **two independent origins**: named origins (people and institutions of the story's
   ``actors.csv``, by canonical name, alias or English name from ``english_aliases.csv``, case
   and accents ignored) on at least two different sides. Anonymous sources and news outlets are
   recognised but not counted (they cannot be shown independent); a state named by its country
   or capital counts only when cited as a source (*according to …*, *… says*:
   ``citation_cues.csv``), not when it is just where things happen.

Tips that do not fail the check: no figure in the paragraph; a confidence level and a likelihood
in the same sentence (ICD 203 asks to keep them apart). What the checker asks and suggests in
words is the story's (``story.json``, ``conclusion``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.core import workspace
from helpers.core.actors import actor, load_actors, side_role, tables_key
from helpers.core.datafiles import read_table
from helpers.core.story import OTHER, active_story, load_story
from helpers.reliability.estimative import calibrated_ranges, key, phrase, plain, term_regex

DATA_DIR = Path(__file__).resolve().parent / "data"
CONCLUSION_KEY = "conclusion"


# ------------------------------------------------------------------------------- who is named


def _english_aliases() -> pd.DataFrame:
    """The English names of the story in use (beside its ``actors.csv``)."""
    return read_table(active_story().path("english_aliases"),
                      columns=["canonical", "display", "aliases"])


@dataclass(frozen=True)
class _Name:
    canonical: str
    kind: str
    side: str
    label: str


def _names() -> tuple[re.Pattern, dict[str, _Name]]:
    """One regex for every actor name (canonical, aliases, English names), longest first, and
    ``{key: actor}``, for the story in use."""
    return _names_for(tables_key())


@lru_cache(maxsize=4)
def _names_for(key: tuple) -> tuple[re.Pattern, dict[str, _Name]]:
    actors = load_actors().set_index("canonical")
    surfaces: dict[str, tuple[str, _Name]] = {}

    def add(surface: str, canonical: str) -> None:
        row = actors.loc[canonical]
        name = _Name(canonical, row["kind"], row["side"], row["label"])
        folded = plain(surface).lower()
        if folded and folded not in surfaces:
            surfaces[folded] = (surface, name)

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
        "|".join(phrase(s, case_sensitive=s.isupper() and len(s) <= 3) for s, _ in ordered),
        re.I,
    ) if ordered else re.compile("(?!)")
    return rx, {plain(s).lower(): n for s, n in ordered}


@lru_cache(maxsize=1)
def _cue_regexes() -> tuple[re.Pattern, re.Pattern]:
    cues = read_table(DATA_DIR / "citation_cues.csv")
    before = "|".join(phrase(c) for c in cues.loc[cues["position"] == "before", "cue"])
    after = "|".join(phrase(c) for c in cues.loc[cues["position"] == "after", "cue"])
    return (
        re.compile(rf"(?:{before})\s+(?:the\s+|le\s+|la\s+|les\s+|l')?$", re.I),
        re.compile(rf"^(?:'s)?\s*(?:{after})", re.I),
    )


def _cited(text: str, start: int, end: int) -> bool:
    before, after = _cue_regexes()
    return bool(before.search(text[max(0, start - 40) : start])) or bool(
        after.search(text[end : end + 40])
    )


def _displays() -> dict[str, str]:
    return _displays_for(tables_key())


@lru_cache(maxsize=4)
def _displays_for(key: tuple) -> dict[str, str]:
    return {r.canonical: r.display for r in _english_aliases().itertuples() if r.display}


def display_name(canonical: str) -> str:
    """How feedback names an actor in English (``Pentagone`` -> ``the Pentagon``)."""
    return _displays().get(canonical, canonical)


def _side_key(name: _Name) -> str:
    # "other" lumps unrelated states and bodies together: each is its own side
    return name.canonical if name.side in ("", OTHER) else name.side


@lru_cache(maxsize=1)
def _suggestions() -> dict[str, list[str]]:
    """Per side, origins with direct access (from access.csv, in its order) to suggest."""
    out: dict[str, list[str]] = {}
    for row in read_table(load_story().path("access"), columns=["origin", "access"]).itertuples():
        found = actor(row.origin)
        if row.access == "direct" and found and found.kind != "anonymous":
            out.setdefault(found.side, []).append(found.canonical)
    return out


def _suggest(cited_sides: set[str]) -> str:
    picks = []
    for side in load_story().conclusion.get("suggest_sides", []):
        if side not in cited_sides and _suggestions().get(side):
            names = " or ".join(display_name(n) for n in _suggestions()[side][:2])
            picks.append(f"{names} ({side})")
    return "; ".join(picks)


def _join(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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
    counted: dict = field(default_factory=dict, repr=False)  # canonical → _Name

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return "\n".join(self.feedback)


def _find_terms(report: ConclusionCheck, folded: str) -> None:
    term_rx, lookup = term_regex()
    for m in term_rx.finditer(folded):
        kind, term = lookup[key(m.group(0))]
        target = report.terms if kind == "calibrated" else report.vague
        value = term if kind == "calibrated" else m.group(0)
        if value not in target:
            target.append(value)


def _find_origins(report: ConclusionCheck, folded: str) -> None:
    name_rx, names = _names()
    anonymous, media, places = [], [], []
    for m in name_rx.finditer(folded):
        name = names[key(m.group(0))]
        if name.kind == "anonymous":
            anonymous.append(name.canonical)
        elif name.kind == "media":
            media.append(name.canonical)
        elif name.label == "LOC" and not _cited(folded, m.start(), m.end()):
            places.append(m.group(0))
        else:
            report.counted.setdefault(name.canonical, name)
    report.anonymous = list(dict.fromkeys(anonymous))
    report.media = list(dict.fromkeys(media))
    report.places = list(dict.fromkeys(places))
    report.origins = list(report.counted)
    report.sides = list(dict.fromkeys(_side_key(n) for n in report.counted.values()))


def _language_feedback(report: ConclusionCheck) -> list[str]:
    ranges = calibrated_ranges()
    if report.terms:
        shown = ", ".join(f"“{t}” ({ranges[t][0]:g}–{ranges[t][1]:g} %)" for t in report.terms)
        out = [f"✓ Calibrated estimative language: {shown} on the ICD 203 scale."]
    else:
        scale_words = ", ".join(f"{t} ({lo:g}–{hi:g} %)" for t, (lo, hi) in ranges.items())
        out = ["✗ No calibrated estimative term. Say how likely your estimate is with one of "
               f"ICD 203's seven terms: {scale_words}."]
    if report.vague:
        words = ", ".join(f"“{w}”" for w in report.vague)
        out.append(f"  Note: {words} {'is' if len(report.vague) == 1 else 'are'} not on the "
                   "scale: readers take such words to mean anything from 10 % to 90 %.")
    return out


def _independent_feedback(counted: dict) -> list[str]:
    listed = _join(f"{display_name(n.canonical)} ({n.side})" for n in counted.values())
    sides = list(dict.fromkeys(_side_key(n) for n in counted.values()))
    out = [f"✓ Independent origins: {listed}, from {len(sides)} different sides."]
    belligerent = sorted({n.side for n in counted.values() if side_role(n.side) == "belligerent"})
    if belligerent and len(sides) == len(belligerent):
        out.append(f"  Note: every side you cite ({_join(belligerent)}) is at war: "
                   "each has a stake in the figures.")
    return out


def _one_side_feedback(counted: dict) -> list[str]:
    listed = _join(display_name(c) for c in counted)
    side = next(iter(counted.values())).side
    if len(counted) == 1:
        out = [f"✗ Only one origin named: {listed} ({side}). A figure repeated by many "
               "articles from one origin is still one origin."]
    else:
        every = "both" if len(counted) == 2 else "all"
        out = [f"✗ {listed} are {every} on the same side ({side}): they are not "
               "independent of each other."]
    if side_role(side) == "belligerent":
        out.append(f"  {side} is a party to the war: its figures about the enemy are not "
                   "neutral.")
    hint = _suggest({n.side for n in counted.values()})
    if hint:
        out.append(f"  Add an origin from another side, e.g. {hint}.")
    return out


def _uncounted_feedback(report: ConclusionCheck) -> list[str]:
    """Why the anonymous sources, outlets and places named were not counted (when that is
    why the check fails)."""
    if len(report.sides) >= 2:
        return []
    out = []
    if report.anonymous:
        who = _join(display_name(a) for a in report.anonymous)
        out.append(f"  {who[:1].upper() + who[1:]}: anonymous, so not counted: nobody can check "
                   "who it is, or whether it is independent of the others.")
    if report.media:
        out.append(f"  {_join(report.media)}: a news outlet relays; name the origin it quotes.")
    if report.places:
        how = load_story().conclusion.get("cite_example", "write “according to …” with its "
                                          "capital, or name the body that speaks")
        out.append(f"  {_join(report.places)}: mentioned, but not as a source. To cite a "
                   f"government {how}.")
    return out


def _origin_feedback(report: ConclusionCheck) -> list[str]:
    if len(report.sides) >= 2:
        return _independent_feedback(report.counted)
    if report.counted:
        return _one_side_feedback(report.counted)
    hint = _suggest(set())
    return ["✗ No origin named: say who the figures come from (a person or an institution), "
            "from at least two sides" + (f", e.g. {hint}." if hint else ".")]


def _tips(report: ConclusionCheck, folded: str) -> list[str]:
    out = []
    if not report.has_figure:
        example = load_story().conclusion.get("figure_example", "")
        out.append("  Tip: give the figure or range you conclude on"
                   + (f" (e.g. {example})." if example else "."))
    term_rx, lookup = term_regex()
    for sentence in re.split(r"(?<=[.!?])\s+", folded):
        if re.search(r"\bconfiden", sentence, re.I) and any(
                lookup[key(m.group(0))][0] == "calibrated" for m in term_rx.finditer(sentence)):
            out.append("  Tip: ICD 203 asks not to put a confidence level and a likelihood in "
                       "the same sentence: say how likely in one, how confident in another.")
            break
    return out


def conclusion_report(text: str) -> ConclusionCheck:
    """Check a conclusion paragraph (see the module docstring) and return what was found, with
    specific feedback in ``.feedback`` and ``.ok`` (truthy when both checks pass)."""
    text = text if isinstance(text, str) else ""
    report = ConclusionCheck(text=text)
    folded = plain(text)
    if not folded.strip():
        prompt = load_story().conclusion.get(
            "prompt", "what do the figures say, according to whom, and how sure can we be?")
        report.feedback = [f"Write your paragraph first: {prompt}"]
        return report
    _find_terms(report, folded)
    _find_origins(report, folded)
    report.has_figure = bool(re.search(r"\d", folded))
    report.feedback = (_language_feedback(report) + _origin_feedback(report)
                       + _uncounted_feedback(report) + _tips(report, folded))
    report.ok = bool(report.terms) and len(report.sides) >= 2
    report.feedback.append("Well done: your conclusion is calibrated and sourced." if report.ok
                           else "Revise your paragraph and check it again.")
    return report


def check_conclusion(text: str) -> bool:
    """Print specific feedback on the learner's conclusion paragraph; True when it uses a
    calibrated ICD 203 term and cites at least two independent origins."""
    report = conclusion_report(text)
    print(report)
    return report.ok


# ------------------------------------------------------------------------------- saved


def save_conclusion(text: str) -> None:
    """Keep the learner's conclusion paragraph in the workspace (for the report); an empty or
    placeholder text is not saved."""
    if isinstance(text, str) and text.strip() and not text.strip().startswith("Write your"):
        workspace.save(CONCLUSION_KEY, {"text": text.strip()})


def load_conclusion() -> str:
    """The saved conclusion paragraph, or ``""``."""
    saved = workspace.load(CONCLUSION_KEY, default={})
    return saved.get("text", "") if isinstance(saved, dict) else ""
