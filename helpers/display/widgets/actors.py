"""The actor editor of notebook 05: the actors found in the learner's articles, one row each,
with their kind and affiliation (what corroboration counts as an origin) to correct, and a
*same as* to merge two names of one actor. Saved with the learner's work; the origins follow at
once, the speakers after the analysis cell is run again.

The logic is :mod:`helpers.claims.story_actors` and :mod:`helpers.core.actors` (tested there);
this module only draws it with ipywidgets, and is driven in tests by setting values and
clicking.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from helpers.claims.story_actors import actor_table, corrections_from, found_actors
from helpers.core.actors import KINDS, save_corrections
from helpers.core.workspace import WorkspaceWarning

NOT_MERGED = "—"


class ActorRow(widgets.HBox):
    """One actor: its name and mentions, its kind, its affiliation, the actor it is the same
    as."""

    def __init__(self, row: pd.Series, names: list[str]):
        self.name = row["name"]
        label = html.escape(self.name)
        aliases = ", ".join(html.escape(a) for a in row["aliases"][:3])
        extra = f"<br><small>also: {aliases}</small>" if aliases else ""
        self.title = widgets.HTML(f"<b>{label}</b> ({int(row['mentions'])}×){extra}",
                                  layout=widgets.Layout(width="30%"))
        self.kind = widgets.Dropdown(options=list(KINDS), value=row["kind"]
                                     if row["kind"] in KINDS else "institution",
                                     layout=widgets.Layout(width="16%"))
        self.affiliation = widgets.Text(value=row["affiliation"],
                                        layout=widgets.Layout(width="26%"))
        others = [n for n in names if n != self.name]
        self.same_as = widgets.Dropdown(options=[NOT_MERGED, *others], value=NOT_MERGED,
                                        layout=widgets.Layout(width="26%"))
        super().__init__([self.title, self.kind, self.affiliation, self.same_as])

    def edit(self) -> dict:
        same = self.same_as.value
        return {"name": self.name, "kind": self.kind.value,
                "affiliation": self.affiliation.value,
                "same_as": "" if same == NOT_MERGED else same}


class ActorEditor(widgets.VBox):
    """The table of :func:`helpers.claims.story_actors.actor_table`, editable, with a Save
    button."""

    def __init__(self, source, limit: int = 20):
        self.found = found_actors(source)
        table = actor_table(self.found).head(limit)
        names = list(table["name"])
        self.rows = [ActorRow(r, names) for _, r in table.iterrows()]
        header = widgets.HTML(
            "<b>Who is who in your articles.</b> Correct an actor's <i>kind</i> or "
            "<i>affiliation</i> (the government, organisation or side it speaks for: two "
            "actors with one affiliation count as one origin), or say it is the <i>same as</i> "
            "another name. Then save.")
        columns = widgets.HTML("<small><b>actor</b> · kind · affiliation · same as</small>")
        self.save_button = widgets.Button(description="Save corrections", icon="check")
        self.status = widgets.HTML()
        self.save_button.on_click(self.save)
        super().__init__([header, columns, *self.rows,
                          widgets.HBox([self.save_button, self.status])])
        self.add_class("kr-actors")

    def __repr__(self) -> str:
        return "[the actor editor: run this cell in JupyterLab to use it]"

    def save(self, _button=None) -> bool:
        """Save the rows that differ from what was found; say what happened."""
        fixes = corrections_from(self.found, [row.edit() for row in self.rows])
        try:
            save_corrections(fixes)
        except (OSError, ValueError, WorkspaceWarning) as err:
            self.status.value = f"✗ not saved: {html.escape(str(err))}"
            return False
        self.status.value = (f"✓ {len(fixes)} correction(s) saved. The origins use them now; "
                             "run the analysis cell again to see them in the claims.")
        return True


def actor_editor(source, limit: int = 20) -> ActorEditor:
    """The actor editor for what :func:`helpers.pipeline.run` returned (or a claims table):
    the ``limit`` most mentioned actors."""
    return ActorEditor(source, limit=limit)
