"""Admiralty grading: a grade proposed for each origin and claim, with reasons; the learner's own.

>>> main_origins(figures, claims)                  # the origins to grade, with their claim
>>> p = propose_grade("GUR", figures)              # Proposal for Ukraine (the GUR speaks for it)
>>> print(p.explain())
>>> save_grade("GUR", "C", 3, note="the Pentagon confirms losses, without a number")
>>> reconcile(propose_grades(figures, claims))     # the rubric's grade next to yours

The Admiralty code (NATO AJP-2.1 / STANAG 2511, ``helpers/reliability/data/admiralty.csv``)
grades the *source* (reliability, A-F) and the *information* (credibility, 1-6) separately. No
library grades sources, so the rubric below is the course's, written here by hand from its data
files:

An origin is graded once, whoever spoke for it (:mod:`.origin_rule`: officials fold into the
government or body they speak for). The evidence is generic; a story's data files refine it.

Reliability of the origin (the source):

* **anonymity**: an anonymous origin gets F (reliability cannot be judged): nobody can check its
  record or its access. So does a name nobody says anything about (look it up).
* **access**: could it know? The story's ``access.csv`` when it has one (the course's does):
  ``direct`` starts at B, ``indirect`` (it relays others) at C; a named person or institution
  whose access the articles do not show starts at C; a news outlet relays (C).
* **affiliation**: the officials who spoke for the origin are named; they are one origin.
* **side and interest** (``sides.csv``): a party to a conflict speaking of it has a stake in
  the figure: one step down (B -> C).
* **track record**: A needs a long record of complete reliability, which a handful of articles
  cannot show, so A is never proposed.

Credibility of the claim (a figure: ``value``, ``measure``, ``scope``), from its links
(:func:`figure_origins`):

* 1 **confirmed by other sources**: an independent origin (another side) gives the same figure
  for the same thing over the same scope (a different scope is not a confirmation);
* 2 **probably true**: an independent origin gives a close figure (within ``tolerance``, 15 %);
* 3 **possibly true**: only origins on the same side give the same or a close figure;
* 6 **truth cannot be judged**: nobody else in the articles gives it or anything close.
  (4 *doubtful* and 5 *improbable* need a judgement the rubric cannot make: whether the claim is
  logical and whether other information contradicts it. That is the learner's override.)

The learner's grades are saved with :mod:`helpers.core.workspace` under ``"grades"``: a dict from
origin to ``{"reliability", "credibility", "claim", "note", "proposed"}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from helpers.core import workspace
from helpers.core.actors import actor, side_role, sides
from helpers.core.story import OTHER, Story
from helpers.reliability.corroborate import claim_label, close, corroboration, figure_origins
from helpers.reliability.graded import _main_claim, access_of, main_origins, origins_to_grade
from helpers.reliability.origin_rule import confirmations, side_key
from helpers.reliability.origin_rule import origin as origin_of_speaker
from helpers.reliability.signals import data_table

__all__ = [
    "CREDIBILITY",
    "GRADES_KEY",
    "RELIABILITY",
    "Proposal",
    "admiralty_scale",
    "claim_label",
    "grade_name",
    "load_grades",
    "main_origins",
    "origins_to_grade",
    "parse_grade",
    "propose_grade",
    "propose_grades",
    "reconcile",
    "save_grade",
]

RELIABILITY = ("A", "B", "C", "D", "E", "F")
CREDIBILITY = ("1", "2", "3", "4", "5", "6")
#: the workspace key of the learner's grades (``work/grades.json``)
GRADES_KEY = "grades"


# ------------------------------------------------------------------------------- the scale


@lru_cache(maxsize=1)
def _scale() -> pd.DataFrame:
    return data_table("admiralty.csv")


def admiralty_scale() -> pd.DataFrame:
    """``scale, code, name, meaning, source``: the six reliability and six credibility grades."""
    return _scale().copy()


def _name(scale: str, code: str) -> str:
    table = _scale()
    return table[(table["scale"] == scale) & (table["code"] == code)]["name"].iloc[0]


def parse_grade(reliability, credibility=None) -> tuple[str, str]:
    """``("B", "2")`` from ``"B2"``, ``"b", 2``, ``("B", "2")``; ValueError with a friendly
    message for anything else."""
    if credibility is None and isinstance(reliability, str) and len(reliability.strip()) == 2:
        reliability, credibility = reliability.strip()[0], reliability.strip()[1]
    letter = str(reliability).strip().upper()
    number = str(credibility).strip()
    if number.endswith(".0"):
        number = number[:-2]
    if letter not in RELIABILITY:
        raise ValueError(f"Reliability is a letter from A to F, not {reliability!r}.")
    if number not in CREDIBILITY:
        raise ValueError(f"Credibility is a number from 1 to 6, not {credibility!r}.")
    return letter, number


def grade_name(reliability, credibility=None) -> str:
    """``"B2: Usually reliable · Probably true"``."""
    letter, number = parse_grade(reliability, credibility)
    return (f"{letter}{number}: {_name('reliability', letter)} · "
            f"{_name('credibility', number)}")


# ------------------------------------------------------------------------------- origins


@lru_cache(maxsize=1)
def _interests() -> dict[str, str]:
    table = sides()
    return dict(zip(table["side"], table["interest"], strict=True))


# ------------------------------------------------------------------------------- proposals


@dataclass
class Proposal:
    """A proposed Admiralty grade and its reasons (``factor -> sentence``)."""

    origin: str
    claim: str
    reliability: str
    credibility: str
    reasons: dict[str, str] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def name(self) -> str:
        return grade_name(self.reliability, self.credibility)

    def explain(self) -> str:
        claim = f" for “{self.claim}”" if self.claim else ""
        lines = [f"Proposed grade for {self.origin}{claim}: {self.name}"]
        lines += [f"  • {factor}: {text}" for factor, text in self.reasons.items()]
        lines.append("  You may disagree: save your own grade with save_grade(), and say why.")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()


def _reliability(origin: str, kind: str = "", story: Story | None = None,
                 speakers=()) -> tuple[str, dict[str, str]]:
    """(letter, reasons): anonymity, access, affiliation, side and interest, track record."""
    reasons: dict[str, str] = {}
    found = actor(origin) if origin else None
    kind = found.kind if found else kind
    if kind == "anonymous":
        reasons["anonymity"] = ("anonymous: nobody is named, so neither its record nor its "
                                "access can be checked → F (reliability cannot be judged).")
        return "F", reasons
    if not kind:
        reasons["anonymity"] = (f"who “{origin}” is, and what it could know, the articles do "
                                "not say: look it up (lateral reading) → F until you know.")
        return "F", reasons
    access, why = access_of(origin, story)
    if access == "unknown" and kind == "media":
        access, why = "indirect", "a news outlet relays what others tell it: grade its origin."
    elif access == "unknown":
        why = (f"named ({kind}), but the articles do not say how it would know: find out "
               "(lateral reading)")
    level = 1 if access == "direct" else 2  # index in RELIABILITY: B or C
    reasons["access"] = f"{access}{': ' + why if why else ''} → starts at {RELIABILITY[level]}."
    others = [s for s in speakers if s and s != origin]
    if others:
        reasons["affiliation"] = (f"{_join(others)} speak{'s' if len(others) == 1 else ''} for "
                                  f"{origin}: one origin, graded once.")
    side = found.side if found else ""
    if side_role(side) == "belligerent":
        level += 1
        reasons["side and interest"] = (f"{side} is a party to the war. "
                                        f"{_interests().get(side, '')} → one step down, to "
                                        f"{RELIABILITY[level]}.")
    elif side and side != OTHER:
        reasons["side and interest"] = (f"{side}, not a party to the conflict: no step down. "
                                        f"{_interests().get(side, '')}".strip())
    else:
        reasons["side and interest"] = ("no stake in the figures is known from the articles: "
                                        "ask who it answers to, and what it gains.")
    reasons["track record"] = ("A needs a long record of complete reliability, which these "
                               "articles cannot show: never proposed.")
    return RELIABILITY[level], reasons


def _join(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _others(links: pd.DataFrame, origin: str, mask) -> dict[str, tuple[str, set[str]]]:
    """``{origin: (side key, scopes)}`` of the other origins among ``links[mask]``."""
    rows = links[mask & (links["origin"] != "") & (links["origin"] != origin)]
    out: dict[str, tuple[str, set[str]]] = {}
    for row in rows.itertuples():
        key, scopes = out.get(row.origin, (side_key(row.origin, row.side), set()))
        out[row.origin] = (key, scopes | {row.scope})
    return out


def _credibility(origin: str, value, measure: str, scopes: set[str], links: pd.DataFrame,
                 tolerance: float, label: str) -> tuple[str, str]:
    """(grade, reason) for ``origin``'s figure ``value`` of ``measure`` (the rule of
    :mod:`.origin_rule`: other origins, other sides, the same scope)."""
    mine = (side_key(origin, next(iter(links.loc[links["origin"] == origin, "side"]), None)),
            scopes)
    kind = links["measure"] == measure
    same = _others(links, origin, kind & (links["value"] == value))
    confirm, differ = confirmations(mine, same)
    note = ""
    if differ:
        what = "; ".join(sorted({s for o in differ for s in same[o][1] if s}))
        note = (f" {_join(differ)} give{'s' if len(differ) == 1 else ''} the same number for "
                f"something else ({what}): a different scope is not a confirmation.")
    if confirm:
        return "1", (f"{label}: also given by {_join(confirm)}, independent of {origin} "
                     "→ 1 (confirmed by other sources). Check they did not get it from the "
                     f"same place.{note}")
    near_mask = kind & (links["value"] != value) & links["value"].map(
        lambda v: close(v, value, tolerance))
    near = _others(links, origin, near_mask)
    near_confirm, _ = confirmations(mine, near)
    if near_confirm:
        return "2", (f"{label}: nobody else gives exactly this, but {_join(near_confirm)}, "
                     f"independent of {origin}, give{'s' if len(near_confirm) == 1 else ''} a "
                     f"close figure → 2 (probably true).{note}")
    own_side = [o for o, (key, _) in {**same, **near}.items() if key == mine[0]]
    if own_side:
        return "3", (f"{label}: only {_join(own_side)}, on the same side, say the same or "
                     f"close: they are not independent → 3 (possibly true).{note}")
    return "6", (f"{label}: nobody else in these articles confirms it → 6 (truth cannot be "
                 f"judged). If other information contradicts it, 4 or 5.{note}")


def propose_grade(
    origin: str,
    figures: pd.DataFrame,
    value: float | None = None,
    unit_kind: str | None = None,
    tolerance: float = 0.15,
    *,
    measure: str | None = None,
    scope: str | None = None,
    kind: str = "",
    story: Story | None = None,
) -> Proposal:
    """The rubric's grade for ``origin`` and one of its figures. A speaker is folded into the
    origin they speak for first (Antony Blinken: the United States).

    ``value`` (with ``measure`` or ``unit_kind``, default: the figure's own) names the claim;
    without it the origin's main claim is graded (the figure it gives in most articles).
    ``kind``: what the claims table says the origin is, when the actor table does not know it
    (``anonymous``, ``person``…); ``story``: whose ``access.csv`` says what each could know. An
    origin with no figure gets credibility 6, with a reason saying so.
    """
    name = origin_of_speaker(origin) or str(origin)
    links = figure_origins(figures)
    mine = links[links["origin"] == name]
    reliability, reasons = _reliability(name, kind, story, sorted(set(mine["speaker"])))
    if value is None and len(mine):
        main = _main_claim(mine, corroboration(figures))
        value, measure, scope = float(main["value"]), main["measure"], main["scope"]
    if value is None:
        reasons["corroboration"] = ("no figure from this origin in the table: pick one of its "
                                    "claims to grade its credibility.")
        return Proposal(name, "", reliability, "6", reasons)
    at = mine[mine["value"] == value]
    if unit_kind is not None:
        at = at[at["unit_kind"] == unit_kind]
    if measure is None:
        measure = at["measure"].iloc[0] if len(at) else (unit_kind or "")
    at = at[at["measure"] == measure]
    scopes = {scope} if scope else set(at["scope"]) or {""}
    qualifier = at["qualifier"].iloc[0] if len(at) else ""
    shown = scope if scope is not None else next((s for s in at["scope"] if s), "")
    claim = claim_label(value, measure, qualifier, shown)
    credibility, reasons["corroboration"] = _credibility(name, value, measure, scopes, links,
                                                         tolerance, claim)
    return Proposal(name, claim, reliability, credibility, reasons)


def propose_grades(figures: pd.DataFrame, claims: pd.DataFrame | None = None,
                   unit_kinds="story", origins: pd.DataFrame | None = None,
                   story: Story | None = None) -> pd.DataFrame:
    """A proposal for each origin and its claim: ``origin, claim, proposed, reliability,
    credibility, name, reasons`` (reasons as one text). ``origins``: a table of
    :func:`main_origins` (e.g. :func:`origins_to_grade`); default, every main origin."""
    if origins is None:
        origins = main_origins(figures, claims, unit_kinds, story=story)
    rows = []
    for row in origins.itertuples():
        p = propose_grade(row.origin, figures, value=row.value, measure=row.measure,
                          scope=row.scope, kind=row.kind, story=story)
        rows.append({"origin": p.origin, "claim": p.claim, "proposed": p.code,
                     "reliability": p.reliability, "credibility": p.credibility,
                     "name": p.name,
                     "reasons": "\n".join(f"{k}: {v}" for k, v in p.reasons.items())})
    return pd.DataFrame(rows, columns=["origin", "claim", "proposed", "reliability",
                                       "credibility", "name", "reasons"])


# ------------------------------------------------------------------------------- the learner's


def load_grades(key: str = GRADES_KEY) -> dict[str, dict]:
    """The learner's saved grades: ``{origin: {"reliability", "credibility", "claim", "note",
    "proposed"}}`` (``{}`` when none)."""
    saved = workspace.load(key, default={})
    return saved if isinstance(saved, dict) else {}


def save_grade(origin: str, reliability, credibility=None, note: str = "", claim: str = "",
               proposed: str = "", key: str = GRADES_KEY) -> dict:
    """Save the learner's grade for ``origin`` (overriding the proposal); returns it.

    ``save_grade("GUR", "C", 3)`` or ``save_grade("GUR", "C3", note="...")``. The file is
    written at once (atomically) by :func:`helpers.core.workspace.save`.
    """
    letter, number = parse_grade(reliability, credibility)
    if not str(origin).strip():
        raise ValueError("Say which origin you grade (e.g. 'GUR').")
    grades = load_grades(key)
    grades[str(origin)] = {"reliability": letter, "credibility": number, "claim": str(claim),
                           "note": str(note), "proposed": str(proposed)}
    workspace.save(key, grades)
    return grades[str(origin)]


def _compare(proposed: str, yours: str) -> str:
    if not yours:
        return "not graded yet"
    if yours == proposed:
        return "same grade as the rubric"
    parts = []
    if yours[0] != proposed[0]:
        more = "more" if yours[0] < proposed[0] else "less"
        parts.append(f"you find the source {more} reliable ({yours[0]} vs {proposed[0]})")
    if yours[1] != proposed[1]:
        more = "more" if yours[1] < proposed[1] else "less"
        parts.append(f"you find the claim {more} credible ({yours[1]} vs {proposed[1]})")
    return "; ".join(parts) + ": read the rubric's reasons, and write yours in the note"


def reconcile(proposals: pd.DataFrame, grades: dict | None = None) -> pd.DataFrame:
    """The rubric's grade next to the learner's: ``origin, claim, proposed, yours, same,
    comment, note``. ``proposals``: from :func:`propose_grades`; ``grades``: default, the saved
    ones."""
    grades = load_grades() if grades is None else grades
    rows = []
    for row in proposals.itertuples():
        mine = grades.get(row.origin) or {}
        yours = f"{mine.get('reliability', '')}{mine.get('credibility', '')}"
        rows.append({"origin": row.origin, "claim": row.claim, "proposed": row.proposed,
                     "yours": yours, "same": yours == row.proposed,
                     "comment": _compare(row.proposed, yours), "note": mine.get("note", "")})
    return pd.DataFrame(rows, columns=["origin", "claim", "proposed", "yours", "same",
                                       "comment", "note"])
