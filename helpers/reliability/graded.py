"""The origins a learner grades (notebooks 04 and 05, the report): one row per origin, officials
folded into the government or body they speak for (:mod:`.origin_rule`), each with the claim to
grade and what the story knows of its access.

>>> main_origins(story_figures(figures), claims)    # every origin behind the question's figures
>>> origins_to_grade(story_figures(figures), claims)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.core.actors import actor, side_role
from helpers.core.datafiles import read_table
from helpers.core.story import Story, load_story
from helpers.reliability.corroborate import claim_label, corroboration, figure_origins
from helpers.reliability.origin_rule import origin as origin_of_speaker

__all__ = ["ORIGIN_COLUMNS", "access_of", "kind_of", "main_origins", "origins_to_grade"]

ORIGIN_COLUMNS = ["origin", "speakers", "kind", "side", "role", "access", "n_articles",
                  "articles", "figures", "claim", "value", "measure", "scope", "unit_kind"]


@lru_cache(maxsize=8)
def _access_table(path: Path, _stamp: float) -> dict[str, tuple[str, str]]:
    table = read_table(path, columns=["origin", "access", "why"])
    return {r.origin: (r.access, r.why) for r in table.itertuples()}


def access_of(origin: str, story: Story | None = None) -> tuple[str, str]:
    """(access, why) of ``origin`` in the story's ``access.csv`` (could it know?);
    ``("unknown", "")`` when the story says nothing of it."""
    path = (story or load_story()).path("access")
    stamp = path.stat().st_mtime if path.is_file() else 0.0
    return _access_table(path, stamp).get(origin, ("unknown", ""))


def kind_of(origin: str, speakers=(), kinds: dict | None = None) -> str:
    """``person``, ``institution``, ``media``, ``anonymous`` or ``""``: the actor table's, else
    what the claims table says of its speakers (anonymous only when every one of them is)."""
    found = actor(origin) if origin else None
    if found is not None:
        return found.kind
    said = [str((kinds or {}).get(s, "")) for s in speakers]
    said = [k for k in said if k]
    if said and all(k == "anonymous" for k in said):
        return "anonymous"
    return next((k for k in said if k != "anonymous"), "")


def _speaker_kinds(claims: pd.DataFrame | None) -> dict[str, str]:
    if claims is None or not len(claims) or "speaker_kind" not in claims.columns:
        return {}
    said = claims[claims["speaker"].fillna("") != ""]
    return dict(zip(said["speaker"], said["speaker_kind"].fillna(""), strict=True))


def _main_claim(mine: pd.DataFrame, table: pd.DataFrame) -> pd.Series:
    """The origin's claim to grade: the figure it gives in most articles, then the one others
    give too, then the largest."""
    per_value = mine.groupby(["value", "measure"], sort=True).agg(
        n=("article_id", "nunique"), qualifier=("qualifier", "first"),
        scope=("scope", lambda s: next((x for x in s if x), "")),
        unit_kind=("unit_kind", "first"),
    ).reset_index()
    others = table.set_index(["value", "measure"])["n_origins"]
    per_value["others"] = [others.get((v, m), 1) - 1 for v, m in
                           zip(per_value["value"], per_value["measure"], strict=True)]
    per_value = per_value.sort_values(["n", "others", "value"], ascending=False, kind="stable")
    return per_value.iloc[0]


def _unit_kinds(unit_kinds, story: Story | None):
    """``"story"``: the kinds the story's question counts (any, when it names none)."""
    if isinstance(unit_kinds, str) and unit_kinds == "story":
        return (story or load_story()).question.unit_kinds or None
    return unit_kinds


def _articles(origin: str, mine: pd.DataFrame, claims: pd.DataFrame | None) -> list:
    if claims is not None and len(claims):
        said = claims["speaker"].fillna("").map(origin_of_speaker)
        found = sorted(set(claims.loc[said == origin, "article_id"]))
        if found:
            return found
    return sorted(set(mine["article_id"]))


def main_origins(figures: pd.DataFrame, claims: pd.DataFrame | None = None,
                 unit_kinds="story", story: Story | None = None) -> pd.DataFrame:
    """Every origin behind a figure of ``figures`` (those answering the story's question,
    :func:`helpers.figures.story_figures`), one row each after folding officials into the
    government or body they speak for (Antony Blinken and Lloyd Austin: one United States).

    Columns: ``origin, speakers`` (who spoke for it), ``kind, side, role, access, n_articles,
    articles`` (those quoting it: every claim it is tagged with when ``claims`` is given),
    ``figures`` (its figures in words), ``claim`` (the one proposed for grading), ``value,
    measure, scope, unit_kind``. ``unit_kinds``: ``"story"`` keeps the kinds the story's
    question counts; ``None`` any. Sorted by ``n_articles``, then by number of figures."""
    links = figure_origins(figures)
    unit_kinds = _unit_kinds(unit_kinds, story)
    if unit_kinds is not None:
        links = links[links["unit_kind"].isin(list(unit_kinds))]
    links = links[links["origin"] != ""]
    table = corroboration(figures)
    kinds = _speaker_kinds(claims)
    rows = []
    for origin, mine in links.groupby("origin", sort=True):
        speakers = sorted(set(mine["speaker"]), key=lambda s: (s != origin, s))
        main = _main_claim(mine, table)
        side = next((s for s in mine["side"] if s), "")
        rows.append({
            "origin": origin, "speakers": speakers,
            "kind": kind_of(origin, speakers, kinds), "side": side, "role": side_role(side),
            "access": access_of(origin, story)[0],
            "articles": _articles(origin, mine, claims),
            "figures": [claim_label(v, m, q) for v, m, q in mine[["value", "measure",
                        "qualifier"]].drop_duplicates(["value", "measure"]).itertuples(
                            index=False)],
            "claim": claim_label(main["value"], main["measure"], main["qualifier"],
                                 main["scope"]),
            "value": float(main["value"]), "measure": main["measure"], "scope": main["scope"],
            "unit_kind": main["unit_kind"],
        })
        rows[-1]["n_articles"] = len(rows[-1]["articles"])
    out = pd.DataFrame(rows, columns=ORIGIN_COLUMNS)
    out["_n"] = out["figures"].map(len)
    out = out.sort_values(["n_articles", "_n"], ascending=False, kind="stable")
    return out.drop(columns="_n").reset_index(drop=True)


def origins_to_grade(figures: pd.DataFrame, claims: pd.DataFrame | None = None,
                     story: Story | None = None) -> pd.DataFrame:
    """The origins a learner grades, in the widget and the report alike: every origin of
    :func:`main_origins` (one per government or body, however many officials spoke for it).
    ``figures``: those answering the story's question (:func:`helpers.figures.story_figures`)."""
    return main_origins(figures, claims, story=story).reset_index(drop=True)
