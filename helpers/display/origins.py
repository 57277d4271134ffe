"""The picture of notebook 04: articles → speakers → figures, so that "five articles, one
source" can be seen. Built from :func:`helpers.reliability.figure_origins`."""

from __future__ import annotations

import pandas as pd

from helpers.core.story import UNATTRIBUTED
from helpers.core.text import format_number, short_id
from helpers.display.chart_text import chart_text
from helpers.display.colours import side_colour

_QUALIFIER = {"approx": "≈", "upper": "up to ", "lower": "at least ", "range": ""}


def _figure_label(value: float, qualifiers: str) -> str:
    first = qualifiers.split(", ")[0] if qualifiers else ""
    return f"{_QUALIFIER.get(first, '')}{format_number(value)}"


def origin_links(links: pd.DataFrame, values=None) -> pd.DataFrame:
    """The links to draw: ``article, speaker, side, figure`` (one row per distinct link).
    ``values``: the figure values to keep (default: every value in ``links``). Figures that
    measure different things (soldiers sent, soldiers killed) are apart, labelled with it."""
    table = links if values is None else links[links["value"].isin(list(values))]
    if "measure" not in table.columns:
        table = table.assign(measure="")
    keys = list(zip(table["value"], table["measure"], strict=True))
    qualifiers = table.groupby(["value", "measure"])["qualifier"].agg(
        lambda s: ", ".join(sorted(set(s))))
    several = table["measure"].nunique() > 1
    out = pd.DataFrame({
        "article": table["article_id"].map(short_id),
        "speaker": table["speaker"].replace("", UNATTRIBUTED),
        "side": table["side"].replace("", UNATTRIBUTED),
        "value": table["value"],
        "figure": [_figure_label(v, qualifiers[(v, m)]) + (f"\n{m}" if several and m else "")
                   for v, m in keys],
    })
    return out.drop_duplicates().reset_index(drop=True)


def plot_origins(links: pd.DataFrame, values=None, ax=None,
                 title="Which origins stand behind each figure?"):
    """Three columns, articles | speakers | figures, joined by lines; speakers and their lines
    coloured by side (Okabe–Ito), with the side also written under each speaker. Returns the
    Axes; prints nothing."""
    import matplotlib.pyplot as plt

    table = origin_links(links, values)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.8))
    if table.empty:
        ax.axis("off")
        ax.set_title(chart_text(title), loc="left", fontweight="bold")
        ax.text(0.5, 0.5, "No figure answering the question yet: nothing to link.",
                ha="center", va="center", fontsize=10, color="#333333")
        return ax
    articles = sorted(table["article"].unique())
    speakers = (table.groupby("speaker")["value"].max().sort_values(ascending=False)
                .index.tolist())
    figures = (table.drop_duplicates("figure").sort_values("value", ascending=False))
    ys = {}

    def column(names, x):
        n = len(names)
        for i, name in enumerate(names):
            ys[(x, name)] = 1 - (i + 0.5) / max(n, 1)

    column(articles, 0)
    column(speakers, 1)
    column(list(figures["figure"]), 2)
    side_of = dict(zip(table["speaker"], table["side"], strict=False))
    for row in table.itertuples():
        colour = side_colour(row.side)
        ax.plot([0.06, 0.94], [ys[(0, row.article)], ys[(1, row.speaker)]], color="#BBBBBB",
                lw=1.2, zorder=1)
        ax.plot([1.06, 1.94], [ys[(1, row.speaker)], ys[(2, row.figure)]], color=colour,
                lw=2, zorder=1)
    for name in articles:
        ax.text(0, ys[(0, name)], chart_text(name), ha="center", va="center", fontsize=10,
                bbox=dict(boxstyle="round", fc="white", ec="#777777"))
    for name in speakers:
        colour = side_colour(side_of[name])
        label = ("no source named\n(the outlet itself)" if name == UNATTRIBUTED
                 else f"{name}\n({side_of[name]})")
        ax.text(1, ys[(1, name)], chart_text(label), ha="center", va="center",
                fontsize=8.5, bbox=dict(boxstyle="round", fc="white", ec=colour, lw=2))
    for label in figures["figure"]:
        ax.text(2, ys[(2, label)], chart_text(label), ha="center", va="center", fontsize=10,
                fontweight="bold", bbox=dict(boxstyle="round", fc="#F2F2F2", ec="#777777"))
    for x, head in ((0, "articles"), (1, "speakers (side)"), (2, "figures")):
        ax.text(x, 1.04, head, ha="center", va="bottom", fontsize=10, style="italic")
    ax.set_xlim(-0.3, 2.3)
    ax.set_ylim(-0.02, 1.1)
    ax.axis("off")
    ax.set_title(chart_text(title), loc="left", fontweight="bold")
    return ax
