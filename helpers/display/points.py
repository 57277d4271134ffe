"""What the figure charts draw: a figure in words, the points of the timeline (one per distinct
claim) and a marker shape per speaker, shared by the timeline, the spread and the report."""

from __future__ import annotations

import pandas as pd

from helpers.core.actors import actor
from helpers.core.story import UNATTRIBUTED
from helpers.core.text import format_number, is_missing
from helpers.figures.question import speaker_side

__all__ = ["speaker_markers", "timeline_points", "value_text"]

#: marker shapes given to speakers in order of their first estimate; no triangles (they would
#: read as the arrows of bounds)
SPEAKER_MARKERS = ["o", "s", "D", "P", "X", "h", "p", "*", "8", "d", "H"]


def value_text(row) -> str:
    """A figure in words: "11 000", "≈10 000", "up to 8 000", "at least 30", "2 000–4 000",
    with " (derived)" for a derived total."""
    q = row["qualifier"]
    if q == "range":
        text = f"{format_number(row['low'])}–{format_number(row['high'])}"
    elif q == "lower":
        text = f"at least {format_number(row['value'])}"
    elif q == "upper":
        text = f"up to {format_number(row['value'])}"
    elif q == "approx":
        text = f"≈{format_number(row['value'])}"
    else:
        text = format_number(row["value"])
    if row.get("derived", False):
        text += " (derived)"
    return text


def short_speaker(speaker: str) -> str:
    """A speaker as a chart label names it: a person's surname, anything else as it is."""
    if not speaker:
        return UNATTRIBUTED
    found = actor(speaker)
    if found and found.kind == "person":
        return found.canonical.split()[-1]
    return speaker


def _key_value(v):
    return None if is_missing(v) else v


def timeline_points(estimates: pd.DataFrame) -> pd.DataFrame:
    """The points of the timeline: one per distinct claim (date, speaker, value, bounds,
    qualifier, derived); the same claim reported by several articles is one point whose
    ``articles`` lists them. Rows without a value are left out; a claim without a date is kept
    (``stated_on`` NaT), one point per article: the timeline places it by article.

    Columns: ``stated_on, speaker, side, value, low, high, qualifier, derived, articles, scope,
    label``.
    """
    cols = ["stated_on", "speaker", "side", "value", "low", "high", "qualifier", "derived",
            "articles", "scope", "label"]
    if estimates is None or len(estimates) == 0:
        return pd.DataFrame(columns=cols)
    est = estimates.copy()
    if "side" not in est.columns:
        est["side"] = est["speaker"].map(speaker_side)
    if "derived" not in est.columns:
        est["derived"] = False
    if "scope" not in est.columns:
        est["scope"] = ""
    est = est[est["value"].notna()]
    points: dict[tuple, dict] = {}
    for _, row in est.iterrows():
        speaker = "" if is_missing(row["speaker"]) else str(row["speaker"])
        # an undated claim is a point of its own article: the timeline places it there
        when = (row.get("article_id", "") if is_missing(row["stated_on"])
                else pd.Timestamp(row["stated_on"]))
        key = (when, speaker, _key_value(row["value"]),
               _key_value(row["low"]), _key_value(row["high"]), row["qualifier"],
               bool(row["derived"]))
        if key in points:
            if row["article_id"] not in points[key]["articles"]:
                points[key]["articles"].append(row["article_id"])
            continue
        points[key] = {
            "stated_on": pd.Timestamp(row["stated_on"]) if not is_missing(row["stated_on"])
            else pd.NaT, "speaker": speaker,
            "side": row["side"] or UNATTRIBUTED, "value": float(row["value"]),
            "low": row["low"], "high": row["high"], "qualifier": row["qualifier"],
            "derived": bool(row["derived"]), "articles": [row.get("article_id", "")],
            "scope": row["scope"] if isinstance(row["scope"], str) else "",
        }
    out = pd.DataFrame(list(points.values()), columns=cols[:-1])
    out["label"] = [
        f"{short_speaker(p['speaker'])} {value_text(p)}"
        + (f" ({len(p['articles'])} articles)" if len(p["articles"]) > 1 else "")
        for _, p in out.iterrows()
    ]
    out["stated_on"] = pd.to_datetime(out["stated_on"])
    out = out.sort_values(["stated_on", "value", "speaker"], kind="stable", na_position="last")
    return out.reset_index(drop=True)


def speaker_markers(estimates: pd.DataFrame, given: dict[str, str] | None = None
                    ) -> dict[str, str]:
    """A marker shape per speaker, in order of their first point on the timeline; ``given``
    shapes are kept (so that a filtered picture keeps the shapes of the whole one)."""
    points = estimates if "label" in estimates.columns else timeline_points(estimates)
    out = dict(given or {})
    free = [m for m in SPEAKER_MARKERS if m not in out.values()] or SPEAKER_MARKERS
    new = [s for s in dict.fromkeys(points["speaker"]) if s not in out]
    for i, speaker in enumerate(new):
        out[speaker] = free[i % len(free)]
    return out


