"""The spread of the estimates: one dot per estimate on a single value axis, lowest to highest,
with the timeline's colours, shapes and styles (the report draws it under the timeline); and
:func:`spread_table`, the same numbers as a small table a learner reads."""

from __future__ import annotations

import pandas as pd
from matplotlib.ticker import FuncFormatter

from helpers.core.story import Question, load_story
from helpers.core.text import format_day
from helpers.display.chart_text import chart_text
from helpers.display.colours import side_colour
from helpers.display.points import speaker_markers, timeline_points
from helpers.display.timeline import number_formatter
from helpers.figures.question import spread

__all__ = ["plot_spread", "spread_table"]


def spread_table(estimates: pd.DataFrame, include_derived: bool = True) -> pd.DataFrame:
    """How far apart the estimates are (:func:`helpers.figures.spread`), as a small table: the
    lowest and the highest estimate and who gave each, the median, how many times the lowest
    the highest is, and how many estimates were compared."""
    s = spread(estimates, include_derived=include_derived)
    rows = {
        "lowest": (s["low"], s["low_by"]),
        "highest": (s["high"], s["high_by"]),
        "median": (s["median"], ""),
        "highest ÷ lowest": (round(s["ratio"], 1) if s["n"] else None, ""),
        "estimates compared": (s["n"], ""),
    }
    return pd.DataFrame.from_dict(rows, orient="index", columns=["figure", "given by"])


def _draw_row(ax, i: int, p: pd.Series, marker: str) -> None:
    colour = side_colour(p["side"])
    hollow = p["qualifier"] == "approx" or p["derived"]
    if p["qualifier"] == "range":
        ax.plot([p["low"], p["high"]], [i, i], color=colour, lw=2.2, gid="range")
    if p["qualifier"] in ("lower", "upper"):
        sign = 1 if p["qualifier"] == "lower" else -1
        ax.annotate("", (p["value"] * (1 + 0.15 * sign), i), (p["value"], i),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.4, shrinkA=6),
                    gid=f"bound-{p['qualifier']}")
    ax.scatter([p["value"]], [i], s=70, marker=marker,
               facecolors="white" if hollow else colour, edgecolors=colour,
               linewidths=1.6, linestyles="--" if p["derived"] else "-", zorder=3,
               gid="estimate")


def plot_spread(estimates: pd.DataFrame, ax=None, title: str = "The spread of the estimates",
                markers: dict[str, str] | None = None, question: Question | None = None):
    """A dot per estimate on one value axis, one row per estimate from the lowest to the
    highest, coloured by side, with the same styles as the timeline. Returns the Axes."""
    question = question or load_story().question
    points = timeline_points(estimates)
    markers = speaker_markers(points, markers)  # the same shapes as on the timeline
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(8, 0.9 + 0.32 * max(len(points), 1)))
    points = points.sort_values(["value", "stated_on"], kind="stable").reset_index(drop=True)
    for i, p in points.iterrows():
        _draw_row(ax, i, p, markers[p["speaker"]])
    ax.set_yticks(range(len(points)))
    ax.set_yticklabels([chart_text(f"{lab}, {format_day(d, year=False) or 'no date'}")
                        for lab, d in zip(points["label"], points["stated_on"], strict=True)],
                       fontsize=8)
    ax.set_xlim(0, (points["value"].max() if len(points) else 1000) * 1.12)
    ax.xaxis.set_major_formatter(FuncFormatter(number_formatter))
    ax.set_xlabel(chart_text(question.counted))
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(chart_text(title), loc="left", fontsize=11, fontweight="bold")
    return ax
