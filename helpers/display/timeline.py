"""Notebook 03's central picture: who gave which figure answering the story's question, and when.

>>> estimates = story_estimates(extract_figures(corpus))     # helpers.figures
>>> ax = plot_timeline(estimates, takeaway="Most sources say about 10 000.")
>>> plt.show()

The timeline never prints and draws the same picture for the same data: colour = side
(:mod:`helpers.display.colours`), marker shape = speaker, and the meaning of each point is also in
its label (:mod:`helpers.display.labels` places them), so colour is never the only cue. Titles and
axis labels come from the story's question (``story.json``).
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.legend_handler import HandlerPatch
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from helpers.core.story import Question, load_story
from helpers.core.text import format_day, format_number, is_missing
from helpers.display.chart_text import chart_text
from helpers.display.colours import side_colour, side_colours
from helpers.display.labels import bbox, place_labels, renderer_of
from helpers.display.points import short_speaker, speaker_markers, timeline_points

__all__ = ["plot_timeline"]

_STYLE_LEGEND = [  # (qualifier, how the legend draws it, its label)
    ("approx", {"markerfacecolor": "white"}, "≈ approximate"),
    ("range", {"marker": "_", "markersize": 10, "color": "#777777", "lw": 2.2, "linestyle": "-"},
     "range (low–high)"),
    ("lower", {"marker": r"$\uparrow$", "markersize": 9, "markeredgewidth": 0.3},
     "at least (lower bound)"),
    ("upper", {"marker": r"$\downarrow$", "markersize": 9, "markeredgewidth": 0.3},
     "up to (upper bound)"),
]


def date_formatter(x, _pos=None) -> str:
    """A date axis tick: ``"18 Oct"``."""
    return format_day(mdates.num2date(x), year=False)


def number_formatter(y, _pos=None) -> str:
    """A value axis tick: ``"10 000"``."""
    return format_number(round(y))


def _matches(point: pd.Series, highlight) -> bool:
    names = {highlight} if isinstance(highlight, str) else set(highlight)
    return bool(names & {point["speaker"], point["side"], *point["articles"]})


def _default_takeaway(points: pd.DataFrame) -> str:
    values = points["value"]
    lo, hi = values.min(), values.max()
    n_speakers = points["speaker"].nunique()
    return (f"{len(points)} estimates from {n_speakers} sources, from {format_number(lo)} to "
            f"{format_number(hi)}: read what each one counts before comparing them.")


def _frame(ax, title: str, takeaway: str, counted: str, n_missing: int) -> None:
    """Title, takeaway, axis labels and ticks, grid, and a note on what is not shown."""
    ax.set_title(chart_text(title), loc="left", fontsize=11.5, fontweight="bold", pad=22)
    ax.annotate(chart_text(takeaway), (0, 1), xycoords="axes fraction", xytext=(0, 6),
                textcoords="offset points", ha="left", va="bottom", fontsize=9.5,
                style="italic", color="#333333", gid="takeaway")
    ax.set_xlabel("date the figure was stated")
    ax.set_ylabel(chart_text(counted))
    ax.yaxis.set_major_formatter(FuncFormatter(number_formatter))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10], integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(date_formatter))
    ax.grid(axis="y", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if n_missing:
        ax.annotate(f"Not shown: {n_missing} estimate(s) without a date or a number.",
                    (1, 0), xycoords="axes fraction", xytext=(0, -44),
                    textcoords="offset points", ha="right", va="top", fontsize=7.5,
                    color="#555555")


def _limits(ax, points: pd.DataFrame, xs: list[float]) -> float:
    """Axis limits around the points (room above for the arrows of lower bounds); the top."""
    tops = [v if is_missing(h) else max(v, h)
            for v, h in zip(points["value"], points["high"], strict=True)]
    ymax = max(tops) * (1.3 if (points["qualifier"] == "lower").any() else 1.15)
    ax.set_ylim(0, ymax)
    pad = max(6.0, (max(xs) - min(xs)) * 0.08)
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=8))
    return ymax


def _draw_point(ax, p: pd.Series, x: float, marker: str, alpha: float, arrow_len: float):
    """One estimate: its marker, its range bar or bound arrow, its dashed ring if derived.
    Returns the arrow (an obstacle for the labels) or None."""
    colour = side_colour(p["side"])
    hollow = p["qualifier"] == "approx" or p["derived"]
    v, arrow = p["value"], None
    if p["qualifier"] == "range" and not (is_missing(p["low"]) or is_missing(p["high"])):
        ax.add_line(Line2D([x, x], [p["low"], p["high"]], color=colour, lw=2.2, marker="_",
                           markersize=10, markeredgewidth=2.2, alpha=alpha, zorder=2,
                           gid="range"))
    if p["qualifier"] in ("lower", "upper"):
        sign = 1 if p["qualifier"] == "lower" else -1
        arrow = FancyArrowPatch((x, v), (x, max(v + sign * arrow_len, 0)), arrowstyle="-|>",
                                mutation_scale=11, color=colour, lw=1.6, alpha=alpha, shrinkA=6,
                                shrinkB=0, zorder=2, gid=f"bound-{p['qualifier']}")
        ax.add_patch(arrow)
    ax.scatter([x], [v], s=90, marker=marker, facecolors="white" if hollow else colour,
               edgecolors=colour, linewidths=1.8, alpha=alpha, zorder=3, gid="estimate")
    if p["derived"]:  # a dashed ring: computed by someone, not stated by anyone
        ax.scatter([x], [v], s=380, marker="o", facecolors="none", edgecolors=colour,
                   linewidths=1.2, linestyles=(0, (2.5, 2)), alpha=alpha, zorder=3,
                   gid="derived")
    return arrow


def _obstacles(ax, points: pd.DataFrame, xs: list[float], arrows: list) -> list:
    """What the labels must not cover: the markers (with their rings) and the arrows."""
    fig = ax.figure
    out = []
    for x, v, derived in zip(xs, points["value"], points["derived"], strict=True):
        cx, cy = ax.transData.transform((x, v))
        r = (10 if derived else 6) * fig.dpi / 72  # points to pixels
        out.append(bbox(cx - r, cy - r, cx + r, cy + r))
    renderer = renderer_of(fig)
    return out + [arrow.get_window_extent(renderer) for arrow in arrows]


def plot_timeline(
    estimates: pd.DataFrame,
    ax=None,
    title: str | None = None,
    takeaway: str | None = None,
    highlight=None,
    markers: dict[str, str] | None = None,
    fontsize: float = 9,
    question: Question | None = None,
):
    """The timeline of the estimates: x = when stated, y = the value. Returns the Axes.

    - ``estimates``: :func:`helpers.figures.story_estimates` (any table with ``stated_on,
      speaker, value, low, high, qualifier``; ``side``, ``derived``, ``article_id`` are used
      when present).
    - one colour per side, one marker shape per speaker, a label on each point;
    - exact: filled marker; approximate: hollow marker and "≈"; ranges: a bar from low to high;
      lower bounds: an arrow up from the value ("at least"); upper bounds: an arrow down ("up
      to"); derived totals: hollow, in a dashed ring, "(derived)";
    - ``title``: default, the question's ``timeline_title``; the value axis is labelled with
      what the question counts (``question``: the course story's when None);
    - ``takeaway``: the one-line message under the title (a neutral summary when None);
    - ``highlight``: a speaker, side or article id (or a list of them) to stand out; the other
      points are faded;
    - ``markers``: ``{speaker: marker}`` to keep shapes fixed across pictures
      (:func:`helpers.display.points.speaker_markers` of the whole table).

    Artists carry a ``gid`` for tests: ``estimate`` (markers), ``range``, ``bound-lower``,
    ``bound-upper``, ``label``. With ``ax=None`` a new 8×4.5 in figure is made with pyplot.
    """
    question = question or load_story().question
    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, 4.5))
        fig.subplots_adjust(left=0.1, right=0.74, top=0.84, bottom=0.12)
    points = timeline_points(estimates)
    if takeaway is None:
        takeaway = _default_takeaway(points) if len(points) else "No estimates to show."
    n_missing = 0 if estimates is None else len(estimates) - int(
        (estimates["stated_on"].notna() & estimates["value"].notna()).sum())
    _frame(ax, title or question.timeline_title, takeaway, question.counted, n_missing)
    if points.empty:
        ax.set_ylim(0, 1000)
        return ax

    xs = [mdates.date2num(d) for d in points["stated_on"]]
    ymax = _limits(ax, points, xs)
    markers = speaker_markers(points, markers)
    alphas = [1.0 if highlight is None or _matches(p, highlight) else 0.3
              for _, p in points.iterrows()]
    arrows = [_draw_point(ax, p, xs[i], markers[p["speaker"]], alphas[i], 0.12 * ymax)
              for i, p in points.iterrows()]
    # the labels avoid the markers, the arrows and each other
    obstacles = _obstacles(ax, points, xs, [a for a in arrows if a is not None])
    place_labels(ax, points, xs, obstacles, alphas, fontsize)
    _legends(ax, points, markers)
    return ax


def _handle(**kw):
    base = dict(color="none", marker="o", markersize=8, markerfacecolor="#777777",
                markeredgecolor="#777777", markeredgewidth=1.6, linestyle="none")
    base.update(kw)
    return Line2D([], [], **base)


def _style_handles(points: pd.DataFrame) -> list:
    """How each figure is stated, only the styles the picture uses."""
    handles = [_handle(label="exact count")]
    qualifiers = set(points.loc[~points["derived"], "qualifier"])
    handles += [_handle(label=label, **style) for qualifier, style, label in _STYLE_LEGEND
                if qualifier in qualifiers]
    if points["derived"].any():
        handles.append(Circle((0, 0), 1, fill=False, edgecolor="#777777", lw=1.2,
                              linestyle=(0, (2.5, 2)), label="derived total (computed)"))
    return handles


def _legends(ax, points: pd.DataFrame, markers: dict[str, str]) -> None:
    """Three legends right of the axes: the sides (colour), the speakers (shape) and how each
    figure is stated (style); only what the picture uses."""
    colours = side_colours()
    present = set(points["side"])
    side_handles = [_handle(marker="s", markerfacecolor=c, markeredgecolor=c, label=chart_text(s))
                    for s, c in colours.items() if s in present]
    speaker_handles = [_handle(marker=markers[s], label=chart_text(short_speaker(s)))
                       for s in dict.fromkeys(points["speaker"])]
    kw = dict(loc="upper left", frameon=False, fontsize=8, title_fontsize=8.5,
              alignment="left", handletextpad=0.4, borderaxespad=0.0, labelspacing=0.35)
    first = ax.legend(handles=side_handles, title="Side (colour)", bbox_to_anchor=(1.02, 1.0),
                      **kw)
    ax.add_artist(first)
    renderer = renderer_of(ax.figure)
    inv = ax.transAxes.inverted()
    y = inv.transform((0, first.get_window_extent(renderer).y0))[1] - 0.04
    second = ax.legend(handles=speaker_handles, title="Speaker (shape)",
                       bbox_to_anchor=(1.02, y), **kw)
    ax.add_artist(second)
    y = inv.transform((0, second.get_window_extent(renderer).y0))[1] - 0.04
    ax.legend(handles=_style_handles(points), title="How it is stated", bbox_to_anchor=(1.02, y),
              handler_map={Circle: HandlerPatch(patch_func=_ring)}, **kw)


def _ring(legend, orig_handle, xdescent, ydescent, width, height, fontsize):
    """The legend's picture of a derived total: a dashed ring the size of the timeline's."""
    return Circle((width / 2 - xdescent, height / 2 - ydescent), radius=min(width, height) * 0.75)
