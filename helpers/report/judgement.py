"""The report's last section: the learner's own judgement, their Admiralty grades beside the
rubric's and their conclusion with what the checker says; a friendly line where nothing is saved
yet."""

from __future__ import annotations

import html
import warnings

import pandas as pd

from helpers.core import workspace
from helpers.core.story import Story
from helpers.reliability.conclusion import CONCLUSION_KEY, conclusion_report
from helpers.reliability.grading import (
    grade_name,
    load_grades,
    origins_to_grade,
    propose_grades,
    reconcile,
)
from helpers.report.page import DASH, friendly_note, table_html

NOTEBOOK_NAMES = {"04": "Assessing reliability", "05": "Your own investigation"}


def _where(notebook: str) -> str:
    return f"notebook {notebook} (<em>{NOTEBOOK_NAMES.get(notebook, '')}</em>)"


def grades_section(figures: pd.DataFrame, claims: pd.DataFrame, story: Story,
                   notebook: str = "04") -> str:
    """The learner's grades beside the rubric's, for the origins the notebook has them grade
    (:func:`helpers.reliability.origins_to_grade` of ``figures``, those answering the story's
    question) and any other origin they graded."""
    grades = load_grades()
    try:
        proposals = propose_grades(figures, claims, story=story,
                                   origins=origins_to_grade(figures, claims, story=story))
    except (KeyError, ValueError):  # a table without the columns the rubric needs
        proposals = pd.DataFrame(columns=["origin", "claim", "proposed", "reliability",
                                          "credibility", "name", "reasons"])

    def named(code: str) -> str:
        try:
            return grade_name(code)
        except ValueError:
            return code or DASH

    if not grades:
        parts = [friendly_note(
            f"You have not saved any grades yet. In {_where(notebook)}, grade each origin with "
            "the grading widget (a letter for the source, a number for the claim, then "
            "<em>Save grade</em>), then write this report again: your grades will appear here, "
            "beside the rubric's.")]
        if len(proposals):
            rows = [{"origin": r["origin"], "claim": r["claim"],
                     "proposed": named(r["proposed"])}
                    for _, r in proposals.iterrows()]
            parts.append('<p class="intro">For reference, the grades the course\'s rubric '
                         "proposes (not yours):</p>")
            parts.append(table_html(pd.DataFrame(rows), "proposals"))
        return "\n".join(parts)
    table = reconcile(proposals, grades)
    rows = [{"origin": r["origin"], "claim": r["claim"], "proposed by the rubric":
             named(r["proposed"]), "your grade": named(r["yours"]) if r["yours"] else DASH,
             "comparison": r["comment"], "your note": r["note"] or DASH}
            for _, r in table.iterrows()]
    known = set(table["origin"])
    for origin, mine in grades.items():  # origins the learner graded that the rubric did not
        if origin in known or not isinstance(mine, dict):
            continue
        code = f"{mine.get('reliability', '')}{mine.get('credibility', '')}"
        rows.append({"origin": origin, "claim": mine.get("claim") or DASH,
                     "proposed by the rubric": named(str(mine.get("proposed") or "")),
                     "your grade": named(code), "comparison": "your own choice of origin",
                     "your note": mine.get("note") or DASH})
    rows.sort(key=lambda r: r["your grade"] == DASH)  # the learner's first, in rubric order
    graded = sum(1 for r in rows if r["your grade"] != DASH)
    intro = (f'<p class="intro">You graded {graded} origin{"s" if graded != 1 else ""}. '
             "Where you differ from the rubric, your note says why.</p>")
    return intro + "\n" + table_html(pd.DataFrame(rows), "grades")


def conclusion_section(story: Story, claims: pd.DataFrame | None = None,
                       notebook: str = "04") -> str:
    """The learner's saved conclusion and what the checker says of it (knowing the story's
    speakers from ``claims``)."""
    saved = workspace.load(CONCLUSION_KEY)
    text = saved.get("text", "") if isinstance(saved, dict) else saved
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        ask = story.report_text("conclusion_ask", "what the figures say")
        return friendly_note(
            f"You have not saved a conclusion yet. At the end of {_where(notebook)}, write your "
            f"paragraph: {html.escape(ask)}, how sure (an estimative term such as "
            "<em>likely</em>), according to which independent origins. Save it, then write "
            "this report again.")
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>"
                         for p in text.split("\n\n") if p.strip())
    parts = [f'<blockquote class="conclusion">{paragraphs}</blockquote>']
    try:
        check = conclusion_report(text, story, claims)
    except Exception as err:  # the checker's data missing: the paragraph still goes in
        warnings.warn(f"The conclusion checker could not run ({err}).", stacklevel=2)
        return "\n".join(parts)
    verdict = "passes both checks" if check.ok else "does not pass both checks yet"
    items = "".join(f"<li>{html.escape(line.strip())}</li>" for line in check.feedback)
    parts.append(f'<p class="intro">What the course\'s checker says (it {verdict}):</p>'
                 f'<ul class="feedback">{items}</ul>')
    return "\n".join(parts)
