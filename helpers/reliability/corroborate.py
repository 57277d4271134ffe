"""Corroboration: for each figure, the articles that carry it and the *origins* behind it.

>>> figures = extract_figures(corpus)
>>> corroboration(figures)               # a row per figure value
>>> figure_origins(figures)              # the links article -> origin -> figure, for a picture

Five articles repeating one ministry are one origin. So 11 000 in two articles from one Zelensky
is one origin; "at least 30 killed or wounded" in two articles from one GUR is one origin; about
10 000 comes from several (Zelensky, Antony Blinken, Lloyd Austin).

How figures are grouped (decided here, and why):

* **Key**: the number and what it measures, ``(value, measure)`` (``measure`` from
  :func:`helpers.figures.story_figures`: "soldiers", "soldiers killed or wounded"; the
  ``unit_kind`` when the table has no ``measure``): "environ 10 000 soldats" and "10 000 soldats"
  are one figure; 10 soldiers and 10 entities are not, nor 30 soldiers and 30 killed. The
  qualifiers are kept in ``qualifiers`` ("approx, exact"), since "jusqu'à 8 000" is not quite
  "8 000": pass ``with_qualifier=True`` to make the qualifier part of the key.
* **Vague figures** ("plusieurs milliers") have no value and are left out.
* **Derived figures** (5 units x about 3 000 = about 15 000, which no one stated) are left out by
  default; ``include_derived=True`` keeps them, with ``derived=True`` on their row.
* **Origins** are where the speakers' claims come from: the government or body a speaker speaks
  for (``speaks_for`` in ``actors.csv``: Antony Blinken and Lloyd Austin both speak for the
  United States, relaying one intelligence assessment), else the canonical speaker itself. The
  ``speakers`` column keeps who actually spoke. A figure with **no speaker** is the outlet's
  own statement: it is not an origin, because the outlet does not say where it got it and it
  cannot be shown independent of the others. Those articles are listed in ``unattributed``
  and never add to ``n_origins``.
* **Sides and scopes** (:mod:`.origin_rule`): each origin's side comes from ``actors.csv`` (a
  ``speaker_side`` column in the figures table wins); an origin the story gives no side is a
  side of its own. ``independent`` says in words what the origins amount to: a confirmation
  needs origins on different sides with the same scope (``scopes`` lists them: "in training"
  is not "in Russia"); belligerents (``sides.csv``) speaking of the war are flagged, since a
  side's figure about its enemy's troops or losses is not a neutral origin.

Nothing here is a library's job (pandas does the grouping); the grouping rules above are the
course's and are written here by hand.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from helpers.core.actors import side_of, side_role, sides
from helpers.core.text import format_number, is_missing
from helpers.reliability.origin_rule import confirmations, origin, side_key

__all__ = ["COLUMNS", "claim_label", "close", "corroboration", "figure_origins", "side_role",
           "sides"]

COLUMNS = [
    "value", "unit_kind", "measure", "claim", "qualifiers", "n_articles", "n_origins", "articles",
    "origins", "speakers", "sides", "n_sides", "scopes", "unattributed", "mentions", "texts",
    "derived", "independent",
]  # fmt: skip
LINK_COLUMNS = [
    "value", "unit_kind", "measure", "scope", "qualifier", "article_id", "origin", "speaker",
    "side", "role", "mentions", "texts", "derived",
]  # fmt: skip
_QUALIFIER_WORDS = {"approx": "about ", "lower": "at least ", "upper": "up to "}


class _Mention(NamedTuple):
    """One row of the cleaned figures table, as :func:`corroboration` reads it."""

    article_id: object
    speaker: str
    origin: str
    side: str
    qualifier: str
    text: object
    derived: bool
    scope: str
    unit_kind: str


def claim_label(value: float, measure: str = "", qualifier: str = "", scope: str = "") -> str:
    """``"about 10 000 soldiers (in Kursk)"``: a figure as a learner reads it, with what it
    measures and its scope (French thousands, :func:`helpers.core.text.format_number`)."""
    number = format_number(value)
    words = _QUALIFIER_WORDS.get(qualifier.split(", ")[0] if qualifier else "", "")
    text = f"{words}{number} {measure}".strip()
    return f"{text} ({scope})" if scope else text


def _clean(figures: pd.DataFrame, include_derived: bool) -> pd.DataFrame:
    needed = {"article_id", "value", "speaker"}
    missing = needed - set(figures.columns)
    if missing and len(figures) == 0:
        figures = pd.DataFrame(columns=sorted(needed))
    elif missing:
        raise ValueError(f"the figures table lacks {sorted(missing)} (use extract_figures)")
    table = figures.copy()
    for column, default in (("unit_kind", ""), ("qualifier", ""), ("derived", False),
                            ("text", ""), ("scope", "")):
        if column not in table.columns:
            table[column] = default
    table = table[table["value"].notna() & (table["qualifier"] != "vague")]
    table["derived"] = table["derived"].fillna(False).astype(bool)
    if not include_derived:
        table = table[~table["derived"]]
    table["speaker"] = table["speaker"].fillna("").astype(str)
    table["origin"] = table["speaker"].map(origin)
    table["unit_kind"] = table["unit_kind"].fillna("").astype(str)
    table["scope"] = table["scope"].fillna("").astype(str)
    if "measure" in table.columns:
        table["measure"] = table["measure"].fillna("").astype(str)
        table["measure"] = table["measure"].where(table["measure"] != "", table["unit_kind"])
    else:
        table["measure"] = table["unit_kind"]
    table["qualifier"] = table["qualifier"].fillna("").astype(str)
    if "speaker_side" in table.columns:
        given = table["speaker_side"].fillna("").astype(str)
    else:
        given = pd.Series("", index=table.index)
    looked_up = table["origin"].map(side_of).where(table["origin"] != "", "")
    looked_up = looked_up.where(looked_up != "", table["speaker"].map(side_of))
    table["side"] = given.where(given != "", looked_up)
    table["value"] = table["value"].astype(float)
    return table


def figure_origins(figures: pd.DataFrame, include_derived: bool = False) -> pd.DataFrame:
    """The links behind :func:`corroboration`: a row per (figure value, article, origin, scope)
    with ``value, unit_kind, measure, scope, qualifier, article_id, origin, speaker, side, role,
    mentions, texts, derived``.

    ``origin`` is ``""`` for a figure the article states without a source. Good for drawing
    articles -> origins -> figures.
    """
    table = _clean(figures, include_derived)
    if table.empty:
        return pd.DataFrame(columns=LINK_COLUMNS)
    grouped = table.groupby(["value", "unit_kind", "measure", "scope", "article_id", "origin",
                             "speaker", "side"], sort=True)
    links = grouped.agg(
        qualifier=("qualifier", lambda s: ", ".join(sorted(set(s)))),
        mentions=("value", "size"),
        texts=("text", lambda s: list(dict.fromkeys(str(x) for x in s))),
        derived=("derived", "any"),
    ).reset_index()
    links["role"] = links["side"].map(side_role)
    links["mentions"] = links["mentions"].astype(int)
    return links[LINK_COLUMNS]


def _independence(origins: list[str], sides_: list[str], n_articles: int,
                  scopes: dict[str, set[str]] | None = None) -> str:
    """In words: what the origins behind a figure amount to (``sides_``: each origin's side;
    ``scopes``: the scopes each origin gives the figure)."""
    if not origins:
        return "no origin named: the outlet states it without saying who it comes from"
    named_sides = list(dict.fromkeys(s for s in sides_ if s))
    belligerents = [s for s in named_sides if side_role(s) == "belligerent"]
    flag = ""
    if belligerents:
        flag = f"; {', '.join(belligerents)}: a party to the war, not a neutral origin"
    if len(origins) == 1:
        side = f" ({sides_[0]})" if sides_ and sides_[0] else ""
        if n_articles > 1:
            return (f"one origin{side} in {n_articles} articles: repeating it is not"
                    f" confirming it{flag}")
        return f"one origin{side}: nobody else confirms it{flag}"
    scopes = scopes or {}
    keyed = {o: (side_key(o, s), scopes.get(o, set())) for o, s in zip(origins, sides_,
                                                                       strict=True)}
    if len({k for k, _ in keyed.values()}) <= 1:
        where = f"all from {named_sides[0]}" if named_sides else "sides unknown"
        return f"{len(origins)} origins, {where}: not independent of each other{flag}"
    confirm = {o for o in origins
               if confirmations(keyed[o], {k: v for k, v in keyed.items() if k != o})[0]}
    known = len(named_sides) > 1
    where = (f"from {len(named_sides)} sides ({', '.join(named_sides)})" if known
             else f"({', '.join(origins)}), sides unknown")
    if not confirm:
        counted = "; ".join(sorted({s for v in scopes.values() for s in v if s}))
        return (f"{len(origins)} origins {where}, but they count different things ({counted}):"
                f" the same number is not a confirmation{flag}")
    if not known:
        return (f"{len(origins)} origins {where}: they may confirm each other; check that "
                f"neither got it from the other{flag}")
    return f"{len(origins)} origins {where}: independent confirmation is possible{flag}"


def corroboration(
    figures: pd.DataFrame, include_derived: bool = False, with_qualifier: bool = False
) -> pd.DataFrame:
    """A row per figure value: ``value, unit_kind, measure, claim, qualifiers, n_articles,
    n_origins, articles, origins, speakers, sides, n_sides, scopes, unattributed, mentions,
    texts, derived, independent``.

    ``figures``: the :func:`helpers.figures.story_figures` table (``article_id, value,
    speaker`` needed; ``qualifier, unit_kind, measure, scope, derived, text, speaker_side`` used
    when present). ``articles``, ``origins``, ``sides``, ``scopes``, ``unattributed`` are sorted
    lists; ``n_articles`` counts every article carrying the figure, attributed or not;
    ``n_origins`` counts distinct origins only (see the module docstring for the rules).
    Sorted by ``n_articles``, then ``n_origins``, both descending, then by value.
    """
    table = _clean(figures, include_derived)
    if table.empty:
        return pd.DataFrame(columns=COLUMNS)
    # Grouped in plain Python over the columns as lists: a figure value has a handful of rows,
    # and filtering a DataFrame for each value cost far more than the work itself. The groups
    # come out as pandas' groupby(sort=True) gives them, rows in table order within each.
    keys = ["value", "measure"] + (["qualifier"] if with_qualifier else [])
    groups: dict[tuple, list[_Mention]] = {}
    key_rows = zip(*(table[k].tolist() for k in keys), strict=True)
    mentions = map(_Mention._make,
                   zip(*(table[c].tolist() for c in _Mention._fields), strict=True))
    for key, mention in zip(key_rows, mentions, strict=True):
        groups.setdefault(key, []).append(mention)
    rows = [_row(key, groups[key]) for key in sorted(groups)]
    out = pd.DataFrame(rows, columns=COLUMNS)
    out = out.sort_values(["n_articles", "n_origins", "value"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True)
    return out


def _row(key: tuple, group: list[_Mention]) -> dict:
    said = [m for m in group if m.speaker != ""]
    origins = sorted({m.origin for m in said})
    side_of_ = {m.origin: m.side for m in said}  # the last row of an origin gives its side
    origin_sides = [side_of_[o] for o in origins]
    named_sides = sorted({s for s in origin_sides if s})
    scopes: dict[str, set[str]] = {}
    for m in said:
        scopes.setdefault(m.origin, set()).add(m.scope)
    articles = [m.article_id for m in group]
    n_articles = len({a for a in articles if not is_missing(a)})  # as pandas' nunique()
    qualifiers = ", ".join(sorted({m.qualifier for m in group}))
    all_scopes = sorted({m.scope for m in group if m.scope})
    return {
        "value": key[0],
        "unit_kind": group[0].unit_kind,
        "measure": key[1],
        "claim": claim_label(key[0], key[1], qualifiers,
                             all_scopes[0] if len(all_scopes) == 1 else ""),
        "qualifiers": qualifiers,
        "n_articles": n_articles,
        "n_origins": len(origins),
        "articles": sorted(set(articles)),
        "origins": origins,
        "speakers": sorted({m.speaker for m in said}),
        "sides": named_sides,
        "n_sides": len(named_sides),
        "scopes": all_scopes,
        "unattributed": sorted({m.article_id for m in group if m.speaker == ""}),
        "mentions": len(group),
        "texts": list(dict.fromkeys(str(m.text) for m in group)),
        "derived": any(m.derived for m in group),
        "independent": _independence(origins, origin_sides, n_articles, scopes),
    }


def close(a: float, b: float, tolerance: float = 0.15) -> bool:
    """Two figures within ``tolerance`` of the larger one (11 000 and 10 000 at 15 %)."""
    if is_missing(a) or is_missing(b):
        return False
    return abs(a - b) <= tolerance * max(abs(a), abs(b))
