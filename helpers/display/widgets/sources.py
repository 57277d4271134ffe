"""Notebook 05's sources form: one editable row per article, saved as the folder's
``sources.csv`` (:mod:`helpers.sources.sources_form` does the reading and writing, tested
there); driven in tests by setting values and clicking."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from helpers.core.text import short_id
from helpers.sources.sources_form import KINDS, sources_rows, write_sources

FIELDS = (("outlet", "Outlet", "e.g. Le Monde"),
          ("published", "Date", "2025-10-14"),
          ("byline", "Author", "as the byline says"),
          ("kind", "Kind of site", "newspaper website…"),
          ("original_source", "Original source", "who the article says it comes from"),
          ("summary_en", "In English", "one line: what the article reports"))


class SourceRow(widgets.VBox):
    """The fields of one article."""

    def __init__(self, row: pd.Series, title: str):
        self.article_id = str(row["article_id"])
        self.row = row
        self.fields: dict[str, widgets.Widget] = {}
        for name, label, hint in FIELDS:
            kw = dict(value=str(row.get(name, "") or ""), placeholder=hint, description=label,
                      layout=widgets.Layout(width="32em"),
                      style={"description_width": "9em"})
            field = (widgets.Combobox(options=list(KINDS), ensure_option=False, **kw)
                     if name == "kind" else widgets.Text(**kw))
            field.add_class(f"kr-field-{name}")
            self.fields[name] = field
        head = widgets.HTML(f"<b>{html.escape(short_id(self.article_id))}</b> "
                            f"{html.escape(title[:110])}")
        super().__init__([head, *self.fields.values()])
        self.add_class("kr-source-row")

    def values(self) -> dict:
        out = {k: self.row.get(k, "") for k in self.row.index}
        out.update({name: field.value for name, field in self.fields.items()})
        return out


class SourcesForm(widgets.VBox):
    """One :class:`SourceRow` per article and a Save button."""

    def __init__(self, corpus: pd.DataFrame, folder):
        self.folder = folder
        rows = sources_rows(corpus, folder)
        files = corpus["source_file"] if "source_file" in corpus else corpus["article_id"]
        titles = {str(a): f"{f} · {t}" if t else str(f) for a, f, t in zip(
            corpus["article_id"], files.astype(str), corpus["title"].fillna(""), strict=True)}
        self.rows = [SourceRow(r, str(titles.get(str(r["article_id"]), "")))
                     for _, r in rows.iterrows()]
        self.save_button = widgets.Button(description="Save sources.csv", icon="check",
                                          layout=widgets.Layout(width="auto"))
        self.save_button.add_class("kr-sources-save")
        self.status = widgets.HTML()
        self.status.add_class("kr-sources-status")
        self.save_button.on_click(self.save)
        intro = widgets.HTML(
            "<b>What you know of each article.</b> Check what was found, correct it, fill the "
            "gaps (a date as 2025-10-14), then <i>Save</i>: the form is saved as "
            "<code>sources.csv</code> beside your articles, and the notebook reads it when you "
            "run it again.")
        super().__init__([intro, *self.rows, widgets.HBox([self.save_button, self.status])])
        self.add_class("kr-sources-form")

    def __repr__(self) -> str:
        return "[the sources form: run this cell in JupyterLab to use it]"

    def save(self, _button=None) -> bool:
        try:
            path = write_sources(self.folder, [r.values() for r in self.rows])
        except (OSError, ValueError) as err:
            self.status.value = f"✗ not saved: {html.escape(str(err))}"
            return False
        self.status.value = (f"✓ saved {html.escape(path.name)} ({len(self.rows)} articles). "
                             "Run the notebook again (<i>Run → Run All Cells</i>) to use it.")
        return True


def sources_form(corpus: pd.DataFrame, folder) -> SourcesForm:
    """The sources form for the articles of ``corpus`` in ``folder``."""
    return SourcesForm(corpus, folder)
