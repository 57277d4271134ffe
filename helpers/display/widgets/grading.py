"""The Admiralty grading widget of notebooks 04 and 05: one row per origin (officials folded into
the government or body they speak for), the learner's grade saved at once, the rubric's proposal
and its reasons a click away.

The rubric and the saving are :mod:`helpers.reliability.grading` (tested there); this module only
draws them with ipywidgets, and is driven in tests by setting values and clicking.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from helpers.core.workspace import WorkspaceWarning
from helpers.reliability.grading import admiralty_scale, load_grades, propose_grade, save_grade

CHOOSE = "—"


def _options(scale: str) -> list[tuple[str, str]]:
    table = admiralty_scale()
    table = table[table["scale"] == scale]
    return [(CHOOSE, "")] + [(f"{c} · {n}", c) for c, n in zip(table["code"], table["name"],
                                                                 strict=True)]


class OriginGrader(widgets.VBox):
    """The controls for one origin: reliability, credibility, a note, Save, and Why?."""

    def __init__(self, origin: str, claim: str, figures: pd.DataFrame, value=None,
                 unit_kind=None, *, measure=None, scope=None, kind: str = "", speakers=(),
                 story=None):
        self.origin, self.claim = origin, claim
        self.proposal = propose_grade(origin, figures, value=value, unit_kind=unit_kind,
                                      measure=measure, scope=scope, kind=kind, story=story)
        saved = load_grades().get(origin, {})
        self.reliability = widgets.Dropdown(options=_options("reliability"),
                                            value=saved.get("reliability", ""),
                                            description="Source")
        self.credibility = widgets.Dropdown(options=_options("credibility"),
                                            value=saved.get("credibility", ""),
                                            description="Claim")
        self.note = widgets.Text(value=saved.get("note", ""), placeholder="why? (one line)",
                                 description="Note")
        self.save_button = widgets.Button(description="Save grade", icon="check")
        # width auto: the default width cuts the label to "Show the rubric's..."
        self.why_button = widgets.ToggleButton(description="Show the rubric's grade",
                                               layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML()
        self.reasons = widgets.HTML()
        self.save_button.on_click(self.save)
        self.why_button.observe(lambda _c: self._show_reasons(), names="value")
        others = [s for s in speakers if s and s != origin]
        who = f" ({html.escape(', '.join(others))})" if others else ""
        title = widgets.HTML(f"<b>{html.escape(origin)}</b>{who} — claim: "
                             f"{html.escape(claim or 'no figure')}")
        row = widgets.HBox([self.reliability, self.credibility])
        buttons = widgets.HBox([self.save_button, self.why_button, self.status])
        super().__init__([title, row, self.note, buttons, self.reasons])
        self.add_class("kr-grade")
        if saved:
            self.status.value = f"saved: <b>{saved['reliability']}{saved['credibility']}</b>"

    def __repr__(self) -> str:
        return f"[grading {self.origin}: run this cell in JupyterLab to use it]"

    def save(self, _button=None) -> bool:
        """Save the chosen grade (both parts needed); say what happened in the status line."""
        if not self.reliability.value or not self.credibility.value:
            self.status.value = "choose a grade for the source <i>and</i> for the claim first"
            return False
        try:
            save_grade(self.origin, self.reliability.value, self.credibility.value,
                       note=self.note.value, claim=self.claim, proposed=self.proposal.code)
        except (OSError, ValueError, WorkspaceWarning) as err:
            self.status.value = f"✗ not saved: {html.escape(str(err))}"
            return False
        self.status.value = (f"✓ saved: <b>{self.reliability.value}{self.credibility.value}"
                             "</b>")
        return True

    def _show_reasons(self) -> None:
        if not self.why_button.value:
            self.reasons.value = ""
            return
        items = "".join(f"<li><b>{html.escape(k)}</b>: {html.escape(v)}</li>"
                        for k, v in self.proposal.reasons.items())
        self.reasons.value = (f"<div>Rubric: <b>{html.escape(self.proposal.name)}</b><ul>"
                              f"{items}</ul></div>")


class GradingWidget(widgets.VBox):
    """One :class:`OriginGrader` per main origin."""

    def __init__(self, origins: pd.DataFrame, figures: pd.DataFrame, story=None):
        self.graders = [OriginGrader(r.origin, r.claim, figures, value=r.value,
                                     unit_kind=getattr(r, "unit_kind", None),
                                     measure=getattr(r, "measure", None),
                                     scope=getattr(r, "scope", None),
                                     kind=getattr(r, "kind", "") or "",
                                     speakers=getattr(r, "speakers", ()) or (), story=story)
                        for r in origins.itertuples()]
        intro = widgets.HTML(
            "<b>Grade each origin.</b> Officials who speak for one government or body are one "
            "origin, graded once. <i>Source</i>: how reliable is the origin (A–F)? "
            "<i>Claim</i>: how credible is its figure (1–6)? Save each grade; then open the "
            "rubric's grade and compare." if len(origins) else
            "<b>No origin to grade yet</b>: no figure answering your question names who it "
            "comes from. Choose another question, or add articles that name their sources.")
        super().__init__([intro, *self.graders])
        self.add_class("kr-grading")

    def __repr__(self) -> str:
        return "[the grading widget: run this cell in JupyterLab to use it]"


def grading_widget(origins: pd.DataFrame, figures: pd.DataFrame, story=None) -> GradingWidget:
    """The grading widget for ``origins`` (:func:`helpers.reliability.origins_to_grade`);
    ``story``: whose data say what each origin could know (the course's when None)."""
    return GradingWidget(origins, figures, story)
