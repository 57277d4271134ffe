"""The report's charts: PNG images embedded as base64 ``data:`` URIs, each with an ``alt`` text
that says what it shows; drawn on a matplotlib ``Figure`` (no pyplot, no global state)."""

from __future__ import annotations

import base64
import html
import io

import pandas as pd

from helpers.core.story import Question
from helpers.core.text import short_id
from helpers.display.points import speaker_markers, timeline_points
from helpers.display.spread import plot_spread
from helpers.display.timeline import plot_timeline
from helpers.report.page import day, num


def new_figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)  # no pyplot: no global state, no backend to choose, nothing leaks
    return fig


def png_bytes(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", facecolor="white",
                metadata={"Software": None})
    return buf.getvalue()


def timeline_png(estimates: pd.DataFrame, question: Question) -> bytes:
    fig = new_figure(8, 4.5)
    ax = fig.add_subplot()
    fig.subplots_adjust(left=0.1, right=0.74, top=0.84, bottom=0.12)
    plot_timeline(estimates, ax=ax, question=question)
    return png_bytes(fig)


def spread_png(estimates: pd.DataFrame, question: Question) -> bytes:
    n = len(timeline_points(estimates))
    fig = new_figure(8, 1.1 + 0.32 * max(n, 1))
    ax = fig.add_subplot()
    plot_spread(estimates, ax=ax, markers=speaker_markers(timeline_points(estimates)),
                question=question)
    return png_bytes(fig)


def timeline_alt(points: pd.DataFrame, question: Question) -> str:
    dated = points[points["stated_on"].notna()]
    listed = "; ".join(
        f"{p['label']} on {day(p['stated_on'])}" if not pd.isna(p["stated_on"])
        else f"{p['label']} in article {short_id(p['articles'][0])} (no date)"
        for _, p in points.iterrows())
    when = (f"from {day(dated['stated_on'].min())} to {day(dated['stated_on'].max())}"
            if len(dated) else "placed by article (no date found)")
    return (f"Timeline chart of {len(points)} estimates of {question.answers}, by the date "
            f"stated, {when}, between {num(points['value'].min())} and "
            f"{num(points['value'].max())}: {listed}.")


def spread_alt(points: pd.DataFrame, s: pd.Series) -> str:
    return (f"Dot chart of the same {len(points)} estimates in order of size, from "
            f"{num(s['low'])} ({s['low_by']}) to {num(s['high'])} ({s['high_by']}); "
            f"median {num(s['median'])}.")


def figure_html(png: bytes, alt: str, caption: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")
