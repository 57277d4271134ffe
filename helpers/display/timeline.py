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

import textwrap

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.legend_handler import HandlerPatch
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from helpers.core.story import Question, load_story
from helpers.core.text import format_day, format_number, is_missing, short_id
from helpers.display.chart_text import chart_text
from helpers.display.colours import side_colour, side_colours
from helpers.display.labels import bbox, place_labels, renderer_of
from helpers.display.points import short_speaker, speaker_markers, timeline_points

__all__ = ["plot_timeline", "undated_note"]

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


def _frame(ax, title: str, takeaway: str, counted: str, notes: list[str]) -> None:
    """Title, takeaway, axis labels and ticks, grid, and notes on what is placed otherwise."""
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
    if notes:
        lines = [line for note in notes for line in textwrap.wrap(note, 105)]
        ax.annotate(chart_text("\n".join(lines)), (0, 0), xycoords="axes fraction",
                    xytext=(0, -54), textcoords="offset points", ha="left", va="top",
                    fontsize=7.5, color="#333333", gid="date-note")


def undated_note(articles) -> str:
    """The line under a timeline (and in the report) that says which articles have no date and
    how to add one."""
    articles = list(dict.fromkeys(str(a) for a in articles))
    if not articles:
        return ""
    which = ", ".join(articles)
    return (f"No date for article {which}: its figures are placed by article. To add the date, "
            "fill in the sources form of notebook 05 (or the 'published' column of sources.csv) "
            "and run again.")


class _Placement:
    """Where each point goes on the x axis: at its date, or by article (an undated claim, right
    of the dates, or every claim when none has a date)."""

    def __init__(self, points: pd.DataFrame):
        dated = points["stated_on"].notna()
        self.undated = sorted({short_id(p["articles"][0]) for _, p in points[~dated].iterrows()})
        self.any_date = bool(dated.any())
        self.dates = [mdates.date2num(d) for d in points.loc[dated, "stated_on"]]
        if self.any_date:
            first, last = min(self.dates), max(self.dates)
            span = max(last - first, 8.0)
            self.band = last + span * 0.16  # where the undated begin, after a gap
            step = span * 0.13
        else:
            self.band, step = 0.0, 1.0
        self.slot = {a: self.band + i * step for i, a in enumerate(self.undated)}
        self.xs = [mdates.date2num(p["stated_on"]) if not is_missing(p["stated_on"])
                   else self.slot[short_id(p["articles"][0])] for _, p in points.iterrows()]

    def axis(self, ax) -> None:
        """Limits, ticks and labels of the x axis."""
        lo, hi = min(self.xs), max(self.xs)
        pad = max(6.0, (hi - lo) * 0.08) if self.any_date else 0.6
        ax.set_xlim(lo - pad, hi + (pad if not self.undated or not self.any_date
                                    else (self.slot[self.undated[-1]] - self.band) * 0.3 + 3))
        after = "\n(no date)" if self.any_date else ""
        labels = {round(x, 6): f"article {a}{after}" for a, x in self.slot.items()}
        if not self.any_date:
            ax.set_xlabel("article (no date found: the figures are placed by article)")
            ticks = list(self.slot.values())
        else:
            locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
            gap = self.band - (self.band - max(self.dates)) / 2 if self.undated else hi + pad
            ticks = [t for t in locator.tick_values(mdates.num2date(lo - pad),
                                                    mdates.num2date(max(self.dates) + pad))
                     if lo - pad <= t < gap] + list(self.slot.values())
            if self.undated:
                ax.axvline(gap, color="#999999", lw=0.8, ls=(0, (4, 3)), zorder=1,
                           gid="no-date-line")
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_major_formatter(FuncFormatter(
            lambda x, _pos=None: labels.get(round(x, 6)) or date_formatter(x)))


#: the value axis is logarithmic when the largest figure is this many times the smallest (a
#: national count and a town's in one picture): on a linear axis the small ones would overlap
LOG_RATIO = 100


def _limits(ax, points: pd.DataFrame, placement: _Placement):
    """Axis limits around the points (room above for the arrows of lower bounds); how far the
    arrow of a bound goes from its value, ``(value, sign) -> end``."""
    tops = [v if is_missing(h) else max(v, h)
            for v, h in zip(points["value"], points["high"], strict=True)]
    lows = [v if is_missing(lo) else min(v, lo)
            for v, lo in zip(points["value"], points["low"], strict=True)]
    placement.axis(ax)
    if min(lows) > 0 and max(tops) / min(lows) >= LOG_RATIO:
        ax.set_yscale("log")
        ax.set_ylim(min(lows) / 2.5, max(tops) * 4)
        ax.yaxis.set_major_formatter(FuncFormatter(number_formatter))
        ax.yaxis.set_minor_formatter(FuncFormatter(lambda *_: ""))
        ax.set_ylabel(chart_text(f"{ax.get_ylabel()} (log scale)"))
        return lambda v, sign: v * 1.8 ** sign
    ymax = max(tops) * (1.3 if (points["qualifier"] == "lower").any() else 1.15)
    ax.set_ylim(0, ymax)
    return lambda v, sign: max(v + sign * 0.12 * ymax, 0)


def _draw_point(ax, p: pd.Series, x: float, marker: str, alpha: float, arrow_end):
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
        arrow = FancyArrowPatch((x, v), (x, arrow_end(v, sign)), arrowstyle="-|>",
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
    n_missing = 0 if estimates is None else int(estimates["value"].isna().sum())
    placement = _Placement(points) if len(points) else None
    notes = [undated_note(placement.undated)] if placement and placement.undated else []
    if n_missing:
        notes.append(f"Not shown: {n_missing} estimate(s) without a number.")
    _frame(ax, title or question.timeline_title, takeaway, question.counted, notes)
    if points.empty:
        _empty(ax)
        return ax

    xs = placement.xs
    arrow_end = _limits(ax, points, placement)
    markers = speaker_markers(points, markers)
    alphas = [1.0 if highlight is None or _matches(p, highlight) else 0.3
              for _, p in points.iterrows()]
    arrows = [_draw_point(ax, p, xs[i], markers[p["speaker"]], alphas[i], arrow_end)
              for i, p in points.iterrows()]
    # the labels avoid the markers, the arrows and each other
    obstacles = _obstacles(ax, points, xs, [a for a in arrows if a is not None])
    place_labels(ax, points, xs, obstacles, alphas, fontsize)
    _legends(ax, points, markers)
    return ax


def _empty(ax) -> None:
    """No point to draw: say so in the frame, with no ticks that would read as dates."""
    ax.set_ylim(0, 1)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.text(0.5, 0.5, "No figure answers the question yet: choose what your story counts, or "
            "add articles.", transform=ax.transAxes, ha="center", va="center", fontsize=9,
            color="#333333", wrap=True)


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
