"""Issue 16, item 10: text with dollar signs (money stories) in every place a chart writes
text. It crashed matplotlib's math-text parser, in the report and in the notebooks' timelines.
Attack ids (G…) are listed in README.md."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.display import plot_origins, plot_spread, plot_timeline  # noqa: E402
from helpers.display.chart_text import chart_text  # noqa: E402
from helpers.report.charts import new_figure, png_bytes, spread_png, timeline_png  # noqa: E402

HOSTILE = ["A $^$ B", "5 $ à 10 $", r"$\frac{a}$", "x $_$ y", "$$", "prix: 3$"]


def _estimates() -> pd.DataFrame:
    n = len(HOSTILE)
    return pd.DataFrame({
        "stated_on": pd.date_range("2024-11-01", periods=n, freq="D"),
        "speaker": HOSTILE, "value": [float(10 * (i + 1)) for i in range(n)],
        "low": [None] * n, "high": [None] * n, "qualifier": ["exact", "approx"] * (n // 2),
        "side": HOSTILE[::-1], "derived": [False] * n, "article_id": HOSTILE,
        "text": HOSTILE, "scope": [""] * n,
    })


def _drawn_texts(fig) -> list[str]:
    """What each text of the figure shows once drawn (math-text parsing included)."""
    from matplotlib.text import Text

    return [t._preprocess_math(t.get_text())[0] for t in fig.findobj(Text) if t.get_text()]


def test_G01_the_escape_shows_dollars_as_written():
    fig = new_figure(3, 2)
    ax = fig.add_subplot()
    for s in HOSTILE:
        ax.set_title(chart_text(s))
        png_bytes(fig)
        assert s in _drawn_texts(fig)


@pytest.mark.parametrize("draw", ["timeline", "spread", "origins"])
def test_G02_every_chart_draws_hostile_names_as_written(draw):
    fig = new_figure(8, 4.5)
    ax = fig.add_subplot()
    estimates = _estimates()
    if draw == "timeline":
        plot_timeline(estimates, ax=ax, title="Combien de $ ? $^$", takeaway="de 5 $ à 10 $")
    elif draw == "spread":
        plot_spread(estimates, ax=ax, title="$x$ $")
    else:
        links = estimates.assign(article_id=[f"00{i}_{s}" for i, s in enumerate(HOSTILE)])
        plot_origins(links, ax=ax, title="$^$")
    png_bytes(fig)  # draws every text: the math-text parser used to raise here
    shown = "\n".join(_drawn_texts(fig))
    assert "A $^$ B" in shown


def test_G03_the_reports_charts_draw_hostile_names():
    from helpers.core.story import load_story

    estimates, question = _estimates(), load_story().question
    assert timeline_png(estimates, question).startswith(b"\x89PNG")
    assert spread_png(estimates, question).startswith(b"\x89PNG")
