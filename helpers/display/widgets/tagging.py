"""The hand-tagging widget of notebook 02: one sentence at a time, three questions, saved at once.

>>> tagging_widget(claims)            # in a notebook cell; claims = tag_claims(corpus)

The logic (which sentences, what is saved, how it is compared) is in
:mod:`helpers.claims.hand_tags`; this module only draws it with ipywidgets. The widget object
keeps its :class:`TaggingSession` as ``.session`` and its controls as attributes, so tests drive
it without a browser::

    w = tagging_widget(claims)
    w.checkable.value = True          # saved to work/tags_02.json at once
    w.speaker.value = "GUR"
    w.hedged.value = False
    w.next_button.click()

Every interactive element has a visible label and a CSS class a browser test can find:

============================ ===================================================================
``kr-tag``                   the whole widget (a VBox)
``kr-tag-help``              the instructions
``kr-tag-sentence``          the sentence card: position, article id, context, the quote block
``kr-tag-checkable``         ToggleButtons "1. Checkable claim?" with buttons "Yes" / "No"
``kr-tag-speaker``           Dropdown "2. Who says it?" (a ``<select>``)
``kr-tag-hedged``            ToggleButtons "3. Hedged?" with buttons "Yes" / "No"
``kr-tag-prev``              Button "← Previous"
``kr-tag-next``              Button "Save and next →"
``kr-tag-progress``          Label "3 of 12 tagged"
``kr-tag-status``            the save confirmation ("✓ Saved to work/tags_02.json …"); it also
                             carries ``kr-tag-saved`` after a save and ``kr-tag-error`` when a
                             save failed
============================ ===================================================================

Article text is untrusted input: every sentence shown goes through :func:`html.escape`.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from helpers.claims.hand_tags import QUESTIONS, TAGS_KEY, TaggingSession
from helpers.core import workspace
from helpers.core.text import short_id

__all__ = ["TaggingWidget", "tagging_widget"]

CHOOSE = "— choose —"
# The speaker dropdown's value for "not answered": a Dropdown cannot show an option whose value
# is None (None means "no selection" to ipywidgets and leaves the box blank).
_UNANSWERED = ""

# Colours: Okabe–Ito blue for the quote, green for "saved", vermilion for errors; the meaning is
# always in the words too (✓ Saved / Not saved), never in the colour alone.
_STYLE = """<style>
.kr-tag {max-width: 52em; font-size: 15px; line-height: 1.45;}
.kr-tag .widget-label, .kr-tag .widget-toggle-button, .kr-tag select,
.kr-tag .widget-button {font-size: 14px;}
.kr-tag .widget-html-content {line-height: 1.45;}
.kr-tag .widget-toggle-button.mod-active {background: #0072B2; color: #fff; font-weight: 600;}
.kr-tag .widget-toggle-buttons {display: flex; align-items: center; margin: 4px 0;}
.kr-tag .widget-toggle-buttons > .widget-label {text-align: right; flex-shrink: 0;
                                               margin-right: 8px;}
.kr-tag-help h4 {margin: 0.2em 0 0.3em 0; font-size: 1.15em;}
.kr-tag-help ol {margin: 0.2em 0 0.4em 0; padding-left: 1.4em;}
.kr-tag-card {margin: 0.4em 0 0.6em 0;}
.kr-tag-meta {font-family: sans-serif; font-size: 0.9em; color: var(--jp-ui-font-color2, #555);}
.kr-tag-context {font-size: 0.9em; color: var(--jp-ui-font-color2, #555); margin: 0.3em 0;}
.kr-tag-context b {font-family: sans-serif; font-weight: 600;}
.kr-tag-quote {font-family: Georgia, serif; font-size: 1.15em; margin: 0.4em 0;
               padding: 0.5em 0.9em; border-left: 5px solid #0072B2;
               background: var(--jp-layout-color2, #eef4f9);}
.kr-tag-ok {color: #007a56; font-weight: 600;}
.kr-tag-bad {color: #b34700; font-weight: 600;}
</style>"""

_HELP = """
<h4>Tag the claims yourself</h4>
<div>Read the French sentence in the blue box (the grey lines are the sentences around it, for
context) and answer three questions. <b>Every click is saved at once</b>: if the notebook
restarts, run this cell again and you carry on where you stopped.</div>
<ol>
<li><b>Checkable claim?</b> Does it state a fact someone could check (a number, an event, a
place, a date)? Opinions, questions and predictions are not checkable.</li>
<li><b>Who says it?</b> The person or body the article gives as the source. Choose
<i>nobody / the outlet itself</i> when the journalist states it without a source.</li>
<li><b>Hedged?</b> Does the wording stop short of vouching for it? Look for the conditional
(<i>auraient tiré</i>, <i>serait</i>), <i>selon</i>, <i>présumé</i>, <i>affirme</i>.</li>
</ol>
"""

_YES_NO = [("Yes", True), ("No", False)]


def _esc(text: Any) -> str:
    return html.escape(str(text))


def _label_width() -> dict:
    return {"description_width": "11em"}


def _toggle_style() -> dict:
    return {"description_width": "11em", "button_width": "7em"}


class TaggingWidget(widgets.VBox):
    """The tagging UI around a :class:`TaggingSession` (``.session``)."""

    def __repr__(self) -> str:
        # What a saved notebook shows where the widget was (on GitHub, say): a sentence, not
        # the widget's internals.
        return "[the hand-tagging widget: run this cell in JupyterLab to use it]"

    def __init__(self, session: TaggingSession, **kwargs):
        self.session = session
        self._showing = False  # True while the controls are being filled in from the session

        self.help = widgets.HTML(_STYLE + _HELP)
        self.help.add_class("kr-tag-help")
        self.sentence_html = widgets.HTML()
        self.sentence_html.add_class("kr-tag-sentence")

        self.checkable = widgets.ToggleButtons(
            options=_YES_NO, value=None, description="1. Checkable claim?",
            tooltips=["It states a fact that could be checked",
                      "An opinion, a question, a prediction, or too vague to check"],
            style=_toggle_style(), layout=widgets.Layout(width="auto"),
        )
        self.checkable.add_class("kr-tag-checkable")
        self.speaker = widgets.Dropdown(
            options=[(CHOOSE, _UNANSWERED)] + [(s, s) for s in session.choices],
            value=_UNANSWERED,
            description="2. Who says it?", style=_label_width(),
            layout=widgets.Layout(width="34em"),
        )
        self.speaker.add_class("kr-tag-speaker")
        self.hedged = widgets.ToggleButtons(
            options=_YES_NO, value=None, description="3. Hedged?",
            tooltips=["The wording does not vouch for it (conditional, selon, présumé…)",
                      "It is stated as plain fact"],
            style=_toggle_style(), layout=widgets.Layout(width="auto"),
        )
        self.hedged.add_class("kr-tag-hedged")
        self.controls = {"checkable": self.checkable, "speaker": self.speaker,
                         "hedged": self.hedged}
        for question, control in self.controls.items():
            control.observe(self._changed_handler(question), names="value")

        self.previous_button = widgets.Button(
            description="← Previous", tooltip="Go back to the previous sentence",
            layout=widgets.Layout(width="10em"),
        )
        self.previous_button.add_class("kr-tag-prev")
        self.previous_button.on_click(self._on_previous)
        self.next_button = widgets.Button(
            description="Save and next →", button_style="primary",
            tooltip="Save your answers and show the next sentence",
            layout=widgets.Layout(width="12em"),
        )
        self.next_button.add_class("kr-tag-next")
        self.next_button.on_click(self._on_next)
        self.progress = widgets.Label()
        self.progress.add_class("kr-tag-progress")
        self.status = widgets.HTML()
        self.status.add_class("kr-tag-status")

        nav = widgets.HBox([self.previous_button, self.next_button, self.progress],
                           layout=widgets.Layout(align_items="center", margin="0.6em 0 0 0"))
        nav.add_class("kr-tag-nav")
        super().__init__(
            [self.help, self.sentence_html, self.checkable, self.speaker, self.hedged, nav,
             self.status],
            **kwargs,
        )
        self.add_class("kr-tag")
        self.show()
        self._welcome()

    # ------------------------------------------------------------------------- drawing

    def card_html(self) -> str:
        """The sentence card (escaped HTML) for the current sentence."""
        s = self.session
        if not len(s):
            return ('<div class="kr-tag-card"><i>There are no sentences to tag in this claims '
                    "table.</i></div>")
        unit = s.unit()
        before, after = s.neighbours()
        done = ' · <span class="kr-tag-ok">✓ tagged</span>' if s.is_tagged() else ""
        parts = [
            '<div class="kr-tag-card">',
            f'<div class="kr-tag-meta">Sentence {s.position + 1} of {len(s)} · article '
            f"<code>{_esc(short_id(unit['article_id']))}</code>, sentence "
            f"{int(unit['sentence_id'])}"
            f"{done}</div>",
        ]
        if before:
            parts.append(f'<div class="kr-tag-context"><b>Before:</b> {_esc(before)}</div>')
        parts.append(f'<blockquote class="kr-tag-quote" lang="fr">{_esc(unit["sentence"])}'
                     "</blockquote>")
        if after:
            parts.append(f'<div class="kr-tag-context"><b>After:</b> {_esc(after)}</div>')
        parts.append("</div>")
        return "\n".join(parts)

    def show(self) -> None:
        """Redraw the card, the controls (with the saved answers) and the progress."""
        s = self.session
        self._showing = True
        try:
            self.sentence_html.value = self.card_html()
            answers = s.tag() if len(s) else dict.fromkeys(QUESTIONS)
            for question, control in self.controls.items():
                value = answers[question]
                control.value = _UNANSWERED if value is None and control is self.speaker else value
                control.disabled = not len(s)
        finally:
            self._showing = False
        self.previous_button.disabled = s.position <= 0
        self.next_button.disabled = not len(s)
        self.progress.value = s.progress_text()

    def answers(self) -> dict:
        """What the controls show: ``{"checkable": …, "speaker": …, "hedged": …}``, None when
        unanswered (the same shape as ``session.tag()``)."""
        return {q: None if c.value == _UNANSWERED else c.value for q, c in self.controls.items()}

    def _set_status(self, text: str, ok: bool | None) -> None:
        self.status.remove_class("kr-tag-saved")
        self.status.remove_class("kr-tag-error")
        if ok is True:
            self.status.add_class("kr-tag-saved")
        elif ok is False:
            self.status.add_class("kr-tag-error")
        self.status.value = text

    def _welcome(self) -> None:
        s = self.session
        where = _esc(workspace.shown(workspace.root() / f"{s.key}.json"))
        if not len(s):
            self._set_status("Nothing to tag.", None)
        elif s.n_tagged or any(k in s.tags for k in s.keys):
            self._set_status(
                f"Welcome back: {s.n_tagged} of {len(s)} already tagged (from {where}). "
                f"Carrying on at sentence {s.position + 1}.", None)
        else:
            self._set_status(f"Your answers will be written to {where} at each click.", None)

    def _saved(self, path, extra: str = "") -> None:
        self._set_status(
            f'<span class="kr-tag-ok">✓ Saved</span> to {_esc(workspace.shown(path))} '
            f"(save {self.session.saves} of this session).{extra}", True)

    def _failed(self, err: Exception) -> None:
        self._set_status(
            f'<span class="kr-tag-bad">✗ Not saved:</span> {_esc(err)}. Your answer is kept in '
            "memory; try again, or ask for help if this persists.", False)

    # ------------------------------------------------------------------------- events

    def _changed_handler(self, question: str):
        def changed(change: dict) -> None:
            if self._showing or not len(self.session):
                return
            value = None if change["new"] == _UNANSWERED else change["new"]
            try:
                path = self.session.set(question, value)
            except Exception as err:  # a widget callback's error would be invisible: show it
                self._failed(err)
                return
            self.progress.value = self.session.progress_text()
            self.sentence_html.value = self.card_html()
            self._saved(path)

        return changed

    def _on_next(self, _button=None) -> None:
        s = self.session
        if not len(s):
            return
        left = [q for q, v in s.tag().items() if v is None]
        try:
            path = s.save()
        except Exception as err:
            self._failed(err)
            return
        note = ""
        if left:
            note = (f" Sentence {s.position + 1} still has {len(left)} question"
                    f"{'s' if len(left) > 1 else ''} unanswered.")
        if s.position + 1 >= len(s):
            note += (f" That was the last sentence: {s.progress_text()}. Run the next cell to "
                     "compare your tags with the automatic ones.")
        else:
            s.next()
        self.show()
        self._saved(path, note)

    def _on_previous(self, _button=None) -> None:
        self.session.previous()
        self.show()


def tagging_widget(claims: pd.DataFrame, n: int = 12, seed: int = 0,
                   key: str = TAGS_KEY) -> TaggingWidget:
    """The hand-tagging widget for ``n`` sentences of ``claims`` (the output of ``tag_claims``).

    Tags are saved under the workspace key ``key`` at every click; calling this again (after a
    restart, say) resumes at the first sentence not fully tagged, with the saved answers shown.
    """
    return TaggingWidget(TaggingSession(claims, n=n, seed=seed, key=key))
