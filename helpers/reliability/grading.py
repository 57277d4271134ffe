"""Admiralty grading: a grade proposed for each origin and claim, with reasons; the learner's own.

>>> main_origins(figures, claims)                  # the origins worth grading, with their claim
>>> p = propose_grade("GUR", figures)              # Proposal: C6, and why
>>> print(p.explain())
>>> save_grade("GUR", "C", 3, note="the Pentagon confirms losses, without a number")
>>> reconcile(propose_grades(figures, claims))     # the rubric's grade next to yours

The Admiralty code (NATO AJP-2.1 / STANAG 2511, ``helpers/reliability/data/admiralty.csv``)
grades the *source* (reliability, A-F) and the *information* (credibility, 1-6) separately. No
library grades sources, so the rubric below is the course's, written here by hand from its data
files:

Reliability of the origin (the source):

* **anonymity**: an anonymous origin gets F (reliability cannot be judged): nobody can check its
  record or its access. So does an origin missing from ``actors.csv``.
* **access** (``access.csv``): could it know? ``direct`` (intelligence services, the governments
  and commanders concerned) starts at B, ``indirect`` (it relays others) or unknown at C.
* **side and interest** (``sides.csv``): a belligerent (Ukraine, Russia, North Korea) speaking of
  the war it fights has a stake in the figure: one step down (B -> C).
* **track record**: A needs a long record of complete reliability, which a handful of articles
  cannot show, so A is never proposed.

Credibility of the claim (a figure, ``value`` + ``unit_kind``), from :func:`corroboration`:

* 1 **confirmed by other sources**: another origin on another side gives the same figure;
* 2 **probably true**: another side gives a close figure (within ``tolerance``, 15 %);
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
from helpers.core.actors import actor, side_of, side_role, sides
from helpers.core.datafiles import read_table
from helpers.core.story import load_story
from helpers.core.text import format_number
from helpers.reliability.corroborate import close, corroboration, figure_origins
from helpers.reliability.signals import data_table

__all__ = [
    "CREDIBILITY",
    "GRADES_KEY",
    "ORIGINS_TO_GRADE",
    "RELIABILITY",
    "Proposal",
    "admiralty_scale",
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
#: how many origins a learner grades: the most quoted, which the articles lean on most
ORIGINS_TO_GRADE = 6
_QUALIFIER_WORDS = {"approx": "about ", "lower": "at least ", "upper": "up to "}


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
def _access() -> dict[str, tuple[str, str]]:
    table = read_table(load_story().path("access"), columns=["origin", "access", "why"])
    return {r.origin: (r.access, r.why) for r in table.itertuples()}


@lru_cache(maxsize=1)
def _interests() -> dict[str, str]:
    table = sides()
    return dict(zip(table["side"], table["interest"], strict=True))


def _actor(origin: str):
    return actor(origin) if origin else None


def claim_label(value: float, unit_kind: str = "", qualifier: str = "") -> str:
    """``"about 10 000 troops"``: a figure as a learner reads it (French thousands, with a narrow
    no-break space, :func:`helpers.core.text.format_number`)."""
    number = format_number(value)
    words = _QUALIFIER_WORDS.get(qualifier.split(", ")[0] if qualifier else "", "")
    return f"{words}{number} {unit_kind}".strip()


def _main_claim(origin: str, links: pd.DataFrame, table: pd.DataFrame) -> pd.Series | None:
    """The origin's claim to grade: the figure it gives in most articles, then the one others
    give too, then the largest."""
    mine = links[links["speaker"] == origin]
    if mine.empty:
        return None
    per_value = mine.groupby(["value", "unit_kind"]).agg(
        n=("article_id", "nunique"), qualifier=("qualifier", "first")
    ).reset_index()
    others = table.set_index(["value", "unit_kind"])["n_origins"]
    per_value["others"] = [others.get((v, u), 1) - 1 for v, u in
                           zip(per_value["value"], per_value["unit_kind"], strict=True)]
    per_value = per_value.sort_values(["n", "others", "value"], ascending=False, kind="stable")
    return per_value.iloc[0]


def _unit_kinds(unit_kinds) -> tuple | None:
    """``"story"``: the kinds the story's question counts (any, when it names none)."""
    if isinstance(unit_kinds, str) and unit_kinds == "story":
        return load_story().question.unit_kinds or None
    return unit_kinds


def main_origins(
    figures: pd.DataFrame, claims: pd.DataFrame | None = None, unit_kinds="story"
) -> pd.DataFrame:
    """The origins to grade: every speaker behind a figure of ``unit_kinds`` (``"story"``: the
    kinds the story's question counts, troops for the course; ``None``: any).

    Columns: ``origin, kind, side, role, access, n_articles, articles, figures, claim, value,
    unit_kind``. ``articles`` are those quoting the origin (every claim it is tagged with, when
    ``claims`` is given; else those where it gives a figure). ``figures`` lists its figures;
    ``claim`` is the one proposed for grading. Sorted by ``n_articles``, then by number of
    figures, descending.
    """
    links = figure_origins(figures)
    unit_kinds = _unit_kinds(unit_kinds)
    if unit_kinds is not None:
        links = links[links["unit_kind"].isin(list(unit_kinds))]
    links = links[links["speaker"] != ""]
    table = corroboration(figures)
    rows = []
    for origin, mine in links.groupby("speaker", sort=True):
        if claims is not None and len(claims):
            articles = sorted(set(claims.loc[claims["speaker"] == origin, "article_id"]))
        else:
            articles = sorted(set(mine["article_id"]))
        found = _actor(origin)
        side = mine["side"].iloc[0]
        main = _main_claim(origin, links, table)
        figures_ = [claim_label(v, u, q) for v, u, q in
                    mine[["value", "unit_kind", "qualifier"]].drop_duplicates(
                        ["value", "unit_kind"]).itertuples(index=False)]
        rows.append({
            "origin": origin,
            "kind": found.kind if found else "",
            "side": side,
            "role": side_role(side),
            "access": _access().get(origin, ("unknown", ""))[0],
            "n_articles": len(articles),
            "articles": articles,
            "figures": figures_,
            "claim": claim_label(main["value"], main["unit_kind"], main["qualifier"]),
            "value": float(main["value"]),
            "unit_kind": main["unit_kind"],
        })
    out = pd.DataFrame(rows, columns=["origin", "kind", "side", "role", "access", "n_articles",
                                      "articles", "figures", "claim", "value", "unit_kind"])
    out["_n"] = out["figures"].map(len)
    out = out.sort_values(["n_articles", "_n"], ascending=False, kind="stable")
    return out.drop(columns="_n").reset_index(drop=True)


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


def _reliability(origin: str) -> tuple[str, dict[str, str]]:
    reasons: dict[str, str] = {}
    found = _actor(origin)
    if found is None:
        reasons["anonymity"] = (f"“{origin}” is not in the course's actor table: who it is and "
                                "what it could know are unknown; look it up (lateral reading).")
        return "F", reasons
    if found.kind == "anonymous":
        reasons["anonymity"] = ("anonymous: nobody is named, so neither its record nor its "
                                "access can be checked → F (reliability cannot be judged).")
        return "F", reasons
    access, why = _access().get(found.canonical, ("indirect" if found.kind == "media"
                                                  else "unknown", ""))
    if found.kind == "media" and not why:
        why = "a news outlet relays what others tell it: grade the origin it quotes."
    level = 1 if access == "direct" else 2  # index in RELIABILITY: B or C
    start = RELIABILITY[level]
    reasons["access"] = f"{access}{': ' + why if why else ''} → starts at {start}."
    role = side_role(found.side)
    interest = _interests().get(found.side, "")
    if role == "belligerent":
        level += 1
        reasons["side and interest"] = (f"{found.side} is a party to the war. {interest} "
                                        f"→ one step down, to {RELIABILITY[level]}.")
    else:
        side = found.side if found.side != "other" else "no known side"
        reasons["side and interest"] = (f"{side}, not a party to the war: no step down. "
                                        f"{interest}".strip())
    reasons["track record"] = ("A needs a long record of complete reliability, which these "
                               "articles cannot show: never proposed.")
    return RELIABILITY[level], reasons


def _credibility(origin: str, value, unit_kind: str, table: pd.DataFrame,
                 tolerance: float, label: str = "") -> tuple[str, str]:
    """(grade, reason) for ``origin``'s figure ``value`` of ``unit_kind``."""
    own_side = side_of(origin)

    def side_key(name: str, side: str) -> str:
        return name if side in ("", "other") else side  # an unknown side is its own

    def foreign(name: str) -> bool:
        return side_key(name, side_of(name)) != side_key(origin, own_side)

    same = table[(table["value"] == value) & (table["unit_kind"] == unit_kind)]
    others = [o for o in (same["speakers"].iloc[0] if len(same) else []) if o != origin]
    label = label or claim_label(value, unit_kind)
    other_side = [o for o in others if foreign(o)]
    if other_side:
        names = ", ".join(f"{o} ({side_of(o) or 'side unknown'})" for o in other_side)
        return "1", (f"{label}: also given by {names}, on another side → 1 (confirmed by "
                     "other sources). Check they did not get it from the same place.")
    nearby = table[(table["unit_kind"] == unit_kind) & (table["value"] != value)
                   & table["value"].map(lambda v: close(v, value, tolerance))]
    near = sorted({(o, v) for v, origins in zip(nearby["value"], nearby["speakers"], strict=True)
                   for o in origins if o != origin})
    near_other = [(o, v) for o, v in near if foreign(o)]
    if near_other:
        names = ", ".join(f"{o}: {claim_label(v, unit_kind)}" for o, v in near_other)
        return "2", (f"{label}: nobody else gives exactly this, but another side gives a close "
                     f"figure ({names}) → 2 (probably true).")
    if others or near:
        names = ", ".join(others + [f"{o}: {claim_label(v, unit_kind)}" for o, v in near])
        return "3", (f"{label}: only origins on the same side say the same or close ({names}):"
                     " they are not independent → 3 (possibly true).")
    return "6", (f"{label}: nobody else in these articles gives this figure or a close one → 6 "
                 "(truth cannot be judged). If other information contradicts it, 4 or 5.")


def propose_grade(
    origin: str,
    figures: pd.DataFrame,
    value: float | None = None,
    unit_kind: str | None = None,
    tolerance: float = 0.15,
) -> Proposal:
    """The rubric's grade for ``origin`` (a canonical speaker) and one of its figures.

    ``value`` (and ``unit_kind``, default: the figure's own) names the claim; without it the
    origin's main claim is graded (the figure it gives in most articles). An origin with no
    figure gets credibility 6, with a reason saying so.
    """
    reliability, reasons = _reliability(origin)
    table = corroboration(figures)
    links = figure_origins(figures)
    claim = ""
    if value is None:
        main = _main_claim(origin, links, table)
        if main is not None:
            value, unit_kind = float(main["value"]), main["unit_kind"]
    elif unit_kind is None:
        kinds = links.loc[(links["speaker"] == origin) & (links["value"] == value), "unit_kind"]
        unit_kind = kinds.iloc[0] if len(kinds) else ""
    if value is None:
        credibility = "6"
        reasons["corroboration"] = ("no figure from this origin in the table: pick one of its "
                                    "claims to grade its credibility.")
    else:
        mine = links[(links["speaker"] == origin) & (links["value"] == value)]
        qualifier = mine["qualifier"].iloc[0] if len(mine) else ""
        claim = claim_label(value, unit_kind or "", qualifier)
        credibility, reasons["corroboration"] = _credibility(origin, value, unit_kind or "",
                                                             table, tolerance, claim)
    return Proposal(origin, claim, reliability, credibility, reasons)


def origins_to_grade(figures: pd.DataFrame, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """The origins a learner grades, notebook 04's widget and the report alike: the
    :data:`ORIGINS_TO_GRADE` most quoted of :func:`main_origins`. ``figures``: those answering
    the story's question (:func:`helpers.figures.story_figures`)."""
    return main_origins(figures, claims).head(ORIGINS_TO_GRADE).reset_index(drop=True)


def propose_grades(figures: pd.DataFrame, claims: pd.DataFrame | None = None,
                   unit_kinds="story", origins: pd.DataFrame | None = None) -> pd.DataFrame:
    """A proposal for each origin and its claim: ``origin, claim, proposed, reliability,
    credibility, name, reasons`` (reasons as one text). ``origins``: a table of
    :func:`main_origins` (e.g. :func:`origins_to_grade`); default, every main origin."""
    if origins is None:
        origins = main_origins(figures, claims, unit_kinds)
    rows = []
    for row in origins.itertuples():
        p = propose_grade(row.origin, figures, value=row.value, unit_kind=row.unit_kind)
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
