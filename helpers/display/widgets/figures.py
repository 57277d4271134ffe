"""Notebook 03's filter: tick sides and speakers, see their estimates on the timeline and table.

>>> figure_filter(figures)          # in a notebook cell; figures = extract_figures(corpus)

The filtering itself is :func:`filter_figures`, a plain function tested on its own; the widget
only draws it. The widget keeps its controls as attributes so tests drive it without a browser::

    w = figure_filter(figures)
    w.side_boxes["United States"].value = False     # redraws at once
    w.speaker_boxes["NIS"].value = False
    w.selected                                      # the rows shown now
    w.show_all.click()

CSS classes: ``kr-figfilter`` (the whole VBox), ``kr-figfilter-sides``, ``kr-figfilter-speakers``,
``kr-figfilter-status``, ``kr-figfilter-plot``, ``kr-figfilter-table``.

The picture is drawn on a :class:`matplotlib.figure.Figure` (not pyplot, so nothing is shown twice)
and put into the ``Output`` as a PNG; with nothing ticked, the status line says so, and no empty
picture or table is drawn. The table
is :func:`helpers.display.frames.frame_html`, escaped: article text is untrusted input.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd

from helpers.core.actors import side_names
from helpers.core.story import UNATTRIBUTED
from helpers.display.frames import frame_html, frame_text
from helpers.display.points import speaker_markers, timeline_points
from helpers.display.tables import estimates_table
from helpers.display.timeline import plot_timeline
from helpers.figures.question import speaker_side, story_estimates

__all__ = ["FigureFilter", "filter_figures", "figure_filter"]



def _as_list(values) -> list | None:
    if values is None:
        return None
    if isinstance(values, str):
        return [values]
    if isinstance(values, Iterable):
        return list(values)
    return [values]


def _with_side(figures: pd.DataFrame) -> pd.DataFrame:
    if "side" in figures.columns:
        return figures
    out = figures.copy()
    out["side"] = out["speaker"].map(speaker_side)
    return out


def filter_figures(figures: pd.DataFrame, sides=None, speakers=None) -> pd.DataFrame:
    """The rows of ``figures`` whose side is in ``sides`` and whose speaker is in ``speakers``.

    ``None`` means no filter on that column; a single name may be given as a string. A figure
    with nobody named has the side and the speaker ``"unattributed"`` (``""`` also works for the
    speaker). A table without a ``side`` column gets one from the speakers (``actors.csv``).
    The index is reset; the input is not changed.

    Raises ``ValueError`` for a side that does not exist or a speaker absent from ``figures``,
    naming the choices: a typo should not look like "nobody said anything".
    """
    table = _with_side(figures)
    sides, speakers = _as_list(sides), _as_list(speakers)
    keep = pd.Series(True, index=table.index)
    if sides is not None:
        known = {*side_names(), UNATTRIBUTED}
        wrong = [s for s in sides if s not in known]
        if wrong:
            raise ValueError(f"unknown side(s) {wrong}; choose from {sorted(known)}")
        keep &= table["side"].isin(sides)
    if speakers is not None:
        names = table["speaker"].fillna("").astype(str)
        wanted = {"" if s == UNATTRIBUTED else str(s) for s in speakers}
        present = set(names)
        wrong = [s for s in speakers if ("" if s == UNATTRIBUTED else s) not in present]
        if wrong:
            choices = sorted(n or UNATTRIBUTED for n in present)
            raise ValueError(f"speaker(s) {wrong} not in this table; choose from {choices}")
        keep &= names.isin(wanted)
    return table[keep].reset_index(drop=True)


def _png(estimates: pd.DataFrame, title: str, takeaway: str | None, markers: dict) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4.5), dpi=90)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    fig.subplots_adjust(left=0.1, right=0.74, top=0.84, bottom=0.12)
    plot_timeline(estimates, ax=ax, title=title, takeaway=takeaway, markers=markers)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


class FigureFilter(widgets.VBox):
    """Checkboxes for sides and speakers, a "Show all" button, the timeline and the table of
    the ticked estimates. ``selected`` holds the rows shown; ``redraws`` counts the redraws."""

    def __repr__(self) -> str:
        # What a saved notebook shows where the widget was (on GitHub, say): a sentence, not
        # the widget's internals.
        return "[the figures filter: run this cell in JupyterLab to use it]"

    def __init__(self, estimates: pd.DataFrame, title: str | None = None,
                 takeaway: str | None = None):
        self.estimates = _with_side(estimates).reset_index(drop=True)
        self.title, self.takeaway = title, takeaway
        self.redraws = 0
        self.markers = speaker_markers(self.estimates)  # shapes stay put when filtering
        self._hold = False
        sides = [s for s in [*side_names(), UNATTRIBUTED] if s in set(self.estimates["side"])]
        speakers = list(dict.fromkeys(self.estimates["speaker"].fillna("").astype(str)))
        self.side_boxes = {s: widgets.Checkbox(value=True, description=s, indent=False,
                                               layout=widgets.Layout(width="auto"))
                           for s in sides}
        self.speaker_boxes = {s: widgets.Checkbox(value=True, description=s or UNATTRIBUTED,
                                                  indent=False,
                                                  layout=widgets.Layout(width="auto"))
                              for s in speakers}
        self.show_all = widgets.Button(description="Show all", icon="refresh",
                                       tooltip="Tick every side and speaker")
        self.status = widgets.HTML()
        self.plot_out = widgets.Output()
        self.table_out = widgets.Output()
        for box in [*self.side_boxes.values(), *self.speaker_boxes.values()]:
            box.observe(self._changed, names="value")
        self.show_all.on_click(self._show_all)
        side_row = widgets.HBox([widgets.Label("Sides:"), *self.side_boxes.values()],
                                layout=widgets.Layout(flex_flow="row wrap"))
        speaker_row = widgets.HBox([widgets.Label("Speakers:"), *self.speaker_boxes.values()],
                                   layout=widgets.Layout(flex_flow="row wrap"))
        side_row.add_class("kr-figfilter-sides")
        speaker_row.add_class("kr-figfilter-speakers")
        self.status.add_class("kr-figfilter-status")
        self.plot_out.add_class("kr-figfilter-plot")
        self.table_out.add_class("kr-figfilter-table")
        super().__init__([side_row, speaker_row, widgets.HBox([self.show_all, self.status]),
                          self.plot_out, self.table_out])
        self.add_class("kr-figfilter")
        self.selected = self.estimates
        self.redraw()

    # ------------------------------------------------------------------ state
    @property
    def ticked_sides(self) -> list[str]:
        return [s for s, box in self.side_boxes.items() if box.value]

    @property
    def ticked_speakers(self) -> list[str]:
        return [s for s, box in self.speaker_boxes.items() if box.value]

    def _changed(self, _change=None) -> None:
        if not self._hold:
            self.redraw()

    def _show_all(self, _button=None) -> None:
        self._hold = True
        try:
            for box in [*self.side_boxes.values(), *self.speaker_boxes.values()]:
                box.value = True
        finally:
            self._hold = False
        self.redraw()

    # ------------------------------------------------------------------ drawing
    def redraw(self) -> None:
        """Filter, then replace the picture and the table (no printing, no pyplot)."""
        self.selected = filter_figures(self.estimates, sides=self.ticked_sides,
                                       speakers=self.ticked_speakers)
        n = len(timeline_points(self.selected))
        self.status.value = self.status_text()
        self.plot_out.outputs, self.table_out.outputs = (), ()
        if not len(self.selected):  # the status line says why: no empty axis, no empty table
            self.redraws += 1
            return
        if n:
            png = _png(self.selected, self.title, self.takeaway, self.markers)
            self.plot_out.outputs = ({
                "output_type": "display_data",
                "data": {"image/png": base64.b64encode(png).decode("ascii"),
                         "text/plain": f"<timeline of {n} estimates>"},
                "metadata": {},
            },)
        table = estimates_table(self.selected)
        self.table_out.outputs = ({
            "output_type": "display_data",
            "data": {"text/html": frame_html(table), "text/plain": frame_text(table)},
            "metadata": {},
        },)
        self.redraws += 1

    def status_text(self) -> str:
        """The count above the picture, in the picture's own unit (its points): an estimate
        that several articles report is one point, and one row per article in the table."""
        n, rows = len(timeline_points(self.selected)), len(self.selected)
        total = len(timeline_points(self.estimates))
        if not rows:
            return ("Nothing is selected: tick at least one side and one speaker to see their "
                    "estimates.")
        text = f"Showing <b>{n}</b> of {total} estimates"
        if rows != n:
            text += (f" ({rows} rows in the table: an estimate reported by several articles "
                     "is one point, with a row for each article)")
        return text + "."


def figure_filter(figures: pd.DataFrame, title: str | None = None,
                  takeaway: str | None = None) -> FigureFilter:
    """The filter widget. ``figures``: :func:`helpers.figures.story_estimates` (a table with a
    ``side`` column), or :func:`helpers.figures.extract_figures`' table, whose estimates are
    selected first."""
    estimates = figures if "side" in figures.columns else story_estimates(figures)
    return FigureFilter(estimates, title=title, takeaway=takeaway)
