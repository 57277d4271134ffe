"""The check of the learner's conclusion paragraph (notebooks 04 and 05), and where it is saved.

>>> check_conclusion("It is likely that … according to … and …")   # prints feedback, True/False

The checker (written by hand: no library reads estimative language or knows who the origins of
a story's reports are) asks two things of the paragraph, in English or French:

1. a **calibrated estimative term** from ICD 203 (:mod:`.estimative`: *almost no chance* …
   *almost certain*, their alternatives *remote* … *nearly certain*, and the course's French
   translations); vague words (*maybe*, *possibly*, *certainly*) are named, since readers take
   them to mean anything from 10 % to 90 %; a negated term ("not likely at all", *pas
   probable*) is not the term;
2. at least **two independent origins** (:mod:`.origin_rule`, the rule corroboration and
   grading follow): named people and bodies (:mod:`.named`: the actor table by canonical name,
   alias or English name, and the speakers the story's claims table names, by full name,
   surname or head word in French or English; case and accents ignored), folded into the
   government or body they speak for, on at least two different sides (a body the story gives
   no side is its own). Anonymous sources and news outlets are recognised but not counted (they
   cannot be shown independent); nor is a name that only denies or says nothing ("Russia denied
   it", "North Korea confirmed nothing": a denial is not an origin); a state named by its
   country or capital counts only when cited as a source (*according to …*, *… says*:
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
from helpers.core.actors import actor, side_role
from helpers.core.datafiles import read_table
from helpers.core.story import OTHER, Story, active_story, load_story
from helpers.reliability.estimative import calibrated_ranges, key, phrase, plain, term_regex
from helpers.reliability.named import find_names, names_of_story
from helpers.reliability.named import speakers_of as named_speakers

DATA_DIR = Path(__file__).resolve().parent / "data"
CONCLUSION_KEY = "conclusion"


# ------------------------------------------------------------------------------- who is named


def _english_aliases(story: Story) -> pd.DataFrame:
    return read_table(story.path("english_aliases"), columns=["canonical", "display", "aliases"])


def _cited(text: str, start: int, end: int) -> bool:
    before, after = _cue_regexes()
    return bool(before.search(text[max(0, start - 40) : start])) or bool(
        after.search(text[end : end + 40])
    )


@lru_cache(maxsize=1)
def _cue_regexes() -> tuple[re.Pattern, re.Pattern]:
    cues = read_table(DATA_DIR / "citation_cues.csv")
    before = "|".join(phrase(c) for c in cues.loc[cues["position"] == "before", "cue"])
    after = "|".join(phrase(c) for c in cues.loc[cues["position"] == "after", "cue"])
    return (
        re.compile(rf"(?:{before})\s+(?:the\s+|le\s+|la\s+|les\s+|l')?$", re.I),
        re.compile(rf"^(?:'s)?\s*(?:{after})", re.I),
    )


@lru_cache(maxsize=1)
def _displays() -> dict[str, str]:
    return {r.canonical: r.display for r in _english_aliases(load_story()).itertuples()
            if r.display}


def display_name(canonical: str) -> str:
    """How feedback names an actor in English (``Pentagone`` -> ``the Pentagon``)."""
    return _displays().get(canonical, canonical)


def _story_suggestions(story: Story) -> dict[str, list[str]]:
    """Per side, origins with direct access (the story's access.csv, in its order) to suggest."""
    out: dict[str, list[str]] = {}
    for row in read_table(story.path("access"), columns=["origin", "access"]).itertuples():
        found = actor(row.origin)
        if row.access == "direct" and found and found.kind != "anonymous":
            out.setdefault(found.side, []).append(found.canonical)
    return out


def _suggest(cited_keys: set[str], story: Story, claims: pd.DataFrame | None) -> str:
    """Origins from other sides to name: the story's suggestions (``story.json``) when it has
    them, else the origins its claims table quotes most."""
    picks = []
    sides_ = story.conclusion.get("suggest_sides", [])
    if sides_:
        suggestions = _story_suggestions(story)
        for side in sides_:
            if side not in cited_keys and suggestions.get(side):
                names = " or ".join(display_name(n) for n in suggestions[side][:2])
                picks.append(f"{names} ({side})")
        return "; ".join(picks)
    _, names = names_of_story(story, claims)
    seen: set[str] = set()
    for speaker, _kind in named_speakers(claims):
        name = names.get(plain(speaker).lower())
        if name and name.kind not in ("anonymous", "media") and name.side_key not in cited_keys \
                and name.side_key not in seen:
            seen.add(name.side_key)
            picks.append(display_name(name.canonical))
        if len(picks) == 3:
            break
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
    negated: list[str] = field(default_factory=list)  # terms under a negation, as written
    speakers: list[str] = field(default_factory=list)  # named people and bodies counted
    origins: list[str] = field(default_factory=list)  # what they fold into (one rule)
    sides: list[str] = field(default_factory=list)  # the origins' distinct sides
    anonymous: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # states mentioned, not cited
    denied: list[str] = field(default_factory=list)  # named only to deny or say nothing
    has_figure: bool = False
    feedback: list[str] = field(default_factory=list)
    ok: bool = False
    counted: dict = field(default_factory=dict, repr=False)  # canonical → Name
    story: Story | None = field(default=None, repr=False)
    claims: pd.DataFrame | None = field(default=None, repr=False)

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return "\n".join(self.feedback)


#: a negation just before an estimative term ("not likely", "not at all likely", "pas probable")
_NEGATION = re.compile(r"(?:\bnot|n't|\bnever|\bhardly|\bpas|\bguere|\bnullement|\bjamais)"
                       r"(?:\s+\w+){0,2}\s+$", re.I)


def _find_terms(report: ConclusionCheck, folded: str) -> None:
    term_rx, lookup = term_regex()
    for m in term_rx.finditer(folded):
        kind, term = lookup[key(m.group(0))]
        if _NEGATION.search(folded[max(0, m.start() - 30):m.start()]):
            written = folded[max(0, m.start() - 30):m.end()]
            negation = _NEGATION.search(folded[max(0, m.start() - 30):m.start()])
            phrase_ = written[negation.start():].strip()
            if phrase_ not in report.negated:
                report.negated.append(phrase_)
            continue
        target = report.terms if kind == "calibrated" else report.vague
        value = term if kind == "calibrated" else m.group(0)
        if value not in target:
            target.append(value)


def _find_origins(report: ConclusionCheck, folded: str) -> None:
    anonymous, media, places, denied = [], [], [], []
    cited: set[str] = set()
    for mention in find_names(folded, report.story, report.claims):
        name = mention.name
        if name.kind == "anonymous":
            anonymous.append(name.canonical)
        elif name.kind == "media":
            media.append(name.canonical)
        elif mention.denied:
            denied.append(mention.written)
        elif name.label == "LOC" and not _cited(folded, mention.start, mention.end):
            places.append(mention.written)
        else:
            cited.add(name.canonical)
            report.counted.setdefault(name.canonical, name)
    report.anonymous = list(dict.fromkeys(anonymous))
    report.media = list(dict.fromkeys(media))
    report.places = list(dict.fromkeys(places))
    report.denied = [d for d in dict.fromkeys(denied)]
    report.speakers = list(report.counted)
    report.origins = list(dict.fromkeys(n.origin for n in report.counted.values()))
    report.sides = list(dict.fromkeys(n.side_key for n in report.counted.values()))


def _language_feedback(report: ConclusionCheck) -> list[str]:
    ranges = calibrated_ranges()
    if report.terms:
        shown = ", ".join(f"“{t}” ({ranges[t][0]:g}–{ranges[t][1]:g} %)" for t in report.terms)
        out = [f"✓ Calibrated estimative language: {shown} on the ICD 203 scale."]
    else:
        scale_words = ", ".join(f"{t} ({lo:g}–{hi:g} %)" for t, (lo, hi) in ranges.items())
        out = ["✗ No calibrated estimative term. Say how likely your estimate is with one of "
               f"ICD 203's seven terms: {scale_words}."]
    if report.negated:
        words = ", ".join(f"“{w}”" for w in report.negated)
        out.append(f"  Note: {words} negates a term, and is not on the scale: say it with the "
                   "term you mean (“unlikely”, “very unlikely”).")
    if report.vague:
        words = ", ".join(f"“{w}”" for w in report.vague)
        out.append(f"  Note: {words} {'is' if len(report.vague) == 1 else 'are'} not on the "
                   "scale: readers take such words to mean anything from 10 % to 90 %.")
    return out


def _who(name) -> str:
    side = name.side if name.side not in ("", OTHER) else ""
    return f"{display_name(name.canonical)}{f' ({side})' if side else ''}"


def _independent_feedback(counted: dict) -> list[str]:
    listed = _join(_who(n) for n in counted.values())
    sides = list(dict.fromkeys(n.side_key for n in counted.values()))
    out = [f"✓ Independent origins: {listed}, from {len(sides)} different sides."]
    belligerent = sorted({n.side for n in counted.values() if side_role(n.side) == "belligerent"})
    if belligerent and len(sides) == len(belligerent):
        out.append(f"  Note: every side you cite ({_join(belligerent)}) is at war: "
                   "each has a stake in the figures.")
    return out


def _one_side_feedback(report: ConclusionCheck) -> list[str]:
    counted = report.counted
    listed = _join(display_name(c) for c in counted)
    first = next(iter(counted.values()))
    side = first.side if first.side not in ("", OTHER) else first.origin
    if len(counted) == 1:
        out = [f"✗ Only one origin named: {_who(first)}. A figure repeated by many articles "
               "from one origin is still one origin."]
    elif len(report.origins) == 1 and first.origin not in counted:
        every = "both" if len(counted) == 2 else "all"
        out = [f"✗ {listed} {every} speak for {display_name(first.origin)}: one origin, not "
               f"{len(counted)}."]
    else:
        every = "both" if len(counted) == 2 else "all"
        out = [f"✗ {listed} are {every} on the same side ({side}): they are not "
               "independent of each other."]
    if side_role(first.side) == "belligerent":
        out.append(f"  {first.side} is a party to the war: its figures about the enemy are not "
                   "neutral.")
    hint = _suggest(set(report.sides), report.story, report.claims)
    if hint:
        out.append(f"  Add an origin from another side, e.g. {hint}.")
    return out


def _uncounted_feedback(report: ConclusionCheck) -> list[str]:
    """Why the anonymous sources, outlets, denials and places named were not counted (when that
    is why the check fails)."""
    if len(report.sides) >= 2:
        return []
    out = []
    if report.anonymous:
        who = _join(display_name(a) for a in report.anonymous)
        out.append(f"  {who[:1].upper() + who[1:]}: anonymous, so not counted: nobody can check "
                   "who it is, or whether it is independent of the others.")
    if report.media:
        out.append(f"  {_join(report.media)}: a news outlet relays; name the origin it quotes.")
    if report.denied:
        out.append(f"  {_join(report.denied)}: named as denying or saying nothing; a denial or a "
                   "silence is not an origin of the figure.")
    if report.places:
        how = report.story.conclusion.get("cite_example", "write “according to …” with its "
                                          "capital, or name the body that speaks")
        out.append(f"  {_join(report.places)}: mentioned, but not as a source. To cite a "
                   f"government {how}.")
    return out


def _origin_feedback(report: ConclusionCheck) -> list[str]:
    if len(report.sides) >= 2:
        return _independent_feedback(report.counted)
    if report.counted:
        return _one_side_feedback(report)
    hint = _suggest(set(), report.story, report.claims)
    return ["✗ No origin named: say who the figures come from (a person or an institution), "
            "from at least two sides" + (f", e.g. {hint}." if hint else ".")]


def _tips(report: ConclusionCheck, folded: str) -> list[str]:
    out = []
    if not report.has_figure:
        example = report.story.conclusion.get("figure_example", "")
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


def conclusion_report(text: str, story: Story | None = None,
                      claims: pd.DataFrame | None = None) -> ConclusionCheck:
    """Check a conclusion paragraph (see the module docstring) and return what was found, with
    specific feedback in ``.feedback`` and ``.ok`` (truthy when both checks pass).

    ``story``: whose actors, suggestions and wording (the course's when None); ``claims``: its
    claims table, whose speakers the paragraph may name (any story's, found in its text)."""
    text = text if isinstance(text, str) else ""
    story = story or active_story()
    report = ConclusionCheck(text=text, story=story, claims=claims)
    folded = plain(text)
    if not folded.strip():
        prompt = story.conclusion.get(
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


def check_conclusion(text: str, story: Story | None = None,
                     claims: pd.DataFrame | None = None) -> bool:
    """Print specific feedback on the learner's conclusion paragraph; True when it uses a
    calibrated ICD 203 term and cites at least two independent origins. ``story`` and
    ``claims``: see :func:`conclusion_report`."""
    report = conclusion_report(text, story, claims)
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
