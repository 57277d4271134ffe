"""An ipywidgets filter over the claims table (notebook 02): by article, speaker kind, hedging
and words (accents and case ignored: "coreens" finds "coréens"). The filtering itself is
:func:`helpers.claims.filter_claims`, tested on its own."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from helpers.claims.filters import filter_claims
from helpers.core.text import short_id
from helpers.display.frames import frame_html, frame_text

SHOWN = ["article", "sentence_id", "sentence", "speaker", "speaker_kind", "hedges"]
KINDS = [("all", None), ("named person", "person"), ("institution", "institution"),
         ("media", "media"), ("anonymous source", "anonymous"), ("nobody (no attribution)", "none")]


class ClaimFilter(widgets.VBox):
    """Dropdowns and a search box above the matching rows; every change redraws the table."""

    def __repr__(self) -> str:
        # What a saved notebook shows where the widget was (on GitHub, say): a sentence, not
        # the widget's internals.
        return "[the claims filter: run this cell in JupyterLab to use it]"

    def __init__(self, claims: pd.DataFrame, max_rows: int = 15):
        self.claims = claims
        self.max_rows = max_rows
        articles = sorted({short_id(a) for a in claims["article_id"]})
        self.article = widgets.Dropdown(options=[("all", None)] + [(a, a) for a in articles],
                                        description="Article")
        self.kind = widgets.Dropdown(options=KINDS, description="Speaker")
        self.hedged = widgets.Checkbox(value=False, description="hedged only", indent=False)
        self.contains = widgets.Text(value="", placeholder="words in the sentence",
                                     description="Contains")
        self.count = widgets.Label()
        self.output = widgets.Output()
        for control in (self.article, self.kind, self.hedged, self.contains):
            control.observe(lambda _change: self.refresh(), names="value")
        controls = widgets.HBox([self.article, self.kind, self.hedged])
        super().__init__([controls, self.contains, self.count, self.output])
        self.add_class("kr-claim-filter")
        self.refresh()

    def rows(self) -> pd.DataFrame:
        """The rows the current choices select."""
        return filter_claims(
            self.claims,
            article=self.article.value,
            kind=self.kind.value,
            hedged=True if self.hedged.value else None,
            contains=self.contains.value.strip() or None,
        )

    def refresh(self) -> None:
        rows = self.rows()
        shown = rows.assign(article=rows["article_id"].map(short_id))[SHOWN]
        more = f" (showing the first {self.max_rows})" if len(rows) > self.max_rows else ""
        self.count.value = f"{len(rows)} of {len(self.claims)} sentences{more}"
        table = shown.head(self.max_rows).reset_index(drop=True)
        # the course's table (frames), whether or not setup_notebook() was run
        self.output.outputs = ({
            "output_type": "display_data",
            "data": {"text/html": frame_html(table), "text/plain": frame_text(table)},
            "metadata": {},
        },)


def claim_filter(claims: pd.DataFrame, max_rows: int = 15) -> ClaimFilter:
    """The interactive filter for a claims table (``tag_claims`` output)."""
    return ClaimFilter(claims, max_rows=max_rows)
