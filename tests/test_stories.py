"""Notebook 05 and its report, end to end, on the two stories of tests/data/stories/ that are not
the course's (issue 14): floods (crue: three articles, .txt and .html, a past flood recalled) and
a day of demonstrations (manifestation: one article without a date). Only the article files are
copied into a learner's folder, as a learner would bring them.

The notebook runs as a learner runs it (its folder in ``KURSK_MY_ARTICLES``, an empty work
folder); the conclusion cell gets the paragraph a learner would write. The helpers' own answers
on the same folders are checked beside it, from the parse the notebook cached."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient
from report_page import ReportPage

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "data" / "stories"
NOTEBOOK = ROOT / "notebooks" / "05_your_own_investigation.ipynb"
#: the course's story, which a learner's report must not name (tests/test_layout.py's words)
STORY_WORDS = re.compile(r"nord-cor|north korea|koursk|kursk|zelensk|blinken|pyongyang", re.I)
CONCLUSIONS = {
    # the prefecture and the minister speak for one State: the mayor of Anduze is another origin
    "crue": ("Il est très probable qu'au moins sept personnes sont mortes dans les inondations "
             "du Gard, selon la préfecture du Gard ; le ministre de l'Intérieur parlait de six "
             "morts la veille, et la maire d'Anduze, Martine Roustan, décrit elle aussi des "
             "victimes dans sa commune."),
    "manifestation": ("It is likely that between 320 000 and 1.2 million people demonstrated, "
                      "according to the CGT and the préfecture de police."),
}
QUESTIONS = {"crue": "How many deaths?", "manifestation": "How many demonstrators?"}


def copy_articles(name: str, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in sorted((STORIES / name).iterdir()):
        if path.suffix in (".txt", ".html"):
            shutil.copy(path, folder / path.name)
    return folder


BOTH = pytest.mark.parametrize("investigation", ["crue", "manifestation"], indirect=True)
FLOOD = pytest.mark.parametrize("investigation", ["crue"], indirect=True)
DEMONSTRATION = pytest.mark.parametrize("investigation", ["manifestation"], indirect=True)


@pytest.fixture(scope="module")
def investigation(request, tmp_path_factory):
    """Notebook 05 run on one story's articles: (name, folder, work folder, notebook)."""
    name = request.param
    base = tmp_path_factory.mktemp(name)
    folder = copy_articles(name, base / "my_articles")
    work = base / "work"
    env = {"KURSK_MY_ARTICLES": str(folder), "KURSK_WORK_DIR": str(work),
           "KURSK_CACHE_DIR": str(base / "cache"), "JUPYTER_PLATFORM_DIRS": "1"}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(c for c in nb.cells if c.get("id") == "dd8841ec")
    cell.source = cell.source.replace("Write your paragraph here.", CONCLUSIONS[name])
    try:
        NotebookClient(nb, timeout=900, kernel_name="python3",
                       resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return name, folder, work / "my_investigation", nb, base / "cache"


def _outputs(nb, cell_id: str) -> list:
    return next(c for c in nb.cells if c.get("id") == cell_id).outputs


def _text(outputs) -> str:
    return "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "")
                   for o in outputs)


@BOTH
def test_every_cell_runs_and_the_question_is_the_learners(investigation):
    name, folder, work, nb, _ = investigation
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert not errors, errors[0].get("evalue") if errors else ""
    assert "Using your 3 article(s)" in _text(_outputs(nb, "b22a20da"))
    assert f"Your question: {QUESTIONS[name]}" in _text(_outputs(nb, "91c4e6ab"))
    assert '"question"' in (folder / "story.json").read_text(encoding="utf-8")
    timeline = _outputs(nb, "f6d59fbc")
    assert any("image/png" in o.get("data", {}) for o in timeline)


@BOTH
def test_the_report_is_about_the_learners_story(investigation):
    name, folder, work, nb, _ = investigation
    html = (work / "report.html").read_text(encoding="utf-8")
    assert f"<title>{QUESTIONS[name]}" in html
    assert f">{QUESTIONS[name]} The figures over time</h3>" in html
    assert html.count('src="data:image/png;base64,') >= 2  # the timeline and the spread
    assert not STORY_WORDS.search(html), STORY_WORDS.search(html).group(0)
    assert "save_grade(" not in html and "notebook 04" not in html
    assert "notebook 05" in html
    tables = ReportPage(html)
    assert len(tables.tables["kr-estimates"]) > 2
    assert (work / "exports" / "corroboration.csv").is_file()


@FLOOD
def test_the_past_flood_is_listed_apart_and_never_on_the_timeline(investigation):
    _, _, work, nb, _ = investigation
    past = _text(_outputs(nb, "d5f83a16"))
    assert past.count("23") >= 3  # the 23 deaths of 2002, in each of the three articles
    html = (work / "report.html").read_text(encoding="utf-8")
    tables = ReportPage(html)
    assert "Figures about earlier events" in html
    assert [r for r in tables.tables["kr-past"][1:] if r[1] == "23"]
    estimates = [r[3] for r in tables.tables["kr-estimates"][1:]]
    assert "23" not in estimates and "7" in estimates
    assert not [a for a in tables.alts if "23 on" in a]


@DEMONSTRATION
def test_the_undated_article_is_shown_by_article_with_how_to_add_its_date(investigation):
    _, _, work, nb, _ = investigation
    html = (work / "report.html").read_text(encoding="utf-8")
    assert "No date for article 03: its figures are placed by article" in html
    assert "sources form of notebook 05" in html
    tables = ReportPage(html)
    undated = [r for r in tables.tables["kr-estimates"][1:] if r[0] == "no date"]
    assert undated and all(r[5] == "03" for r in undated)
    assert any("in article 03 (no date)" in alt for alt in tables.alts)


@BOTH
def test_every_origin_behind_the_figures_is_gradable(investigation):
    name, folder, work, nb, cache = investigation
    from helpers.core.story import load_story
    from helpers.figures import story_figures
    from helpers.pipeline import run
    from helpers.reliability import figure_origins, origins_to_grade
    from helpers.sources import load_corpus

    story = load_story(folder)
    results = run(load_corpus(folder), story=folder, cache=cache)
    answering = story_figures(results["figures"], story.question)
    behind = set(figure_origins(answering)["origin"]) - {""}
    graded = origins_to_grade(answering, results["claims"], story=story)
    assert behind and behind == set(graded["origin"])
    html = (work / "report.html").read_text(encoding="utf-8")
    proposals = {r[0] for r in ReportPage(html).tables["kr-proposals"][1:]}
    assert proposals == behind


@FLOOD
def test_the_conclusion_naming_the_prefecture_the_minister_and_the_mayor_passes(investigation):
    _, _, work, nb, _ = investigation
    said = _text(_outputs(nb, "dd8841ec"))
    assert "Well done" in said, said
    assert "Austin" not in said and "Pentagon" not in said
    html = (work / "report.html").read_text(encoding="utf-8")
    assert "passes both checks" in html


def test_the_course_articles_copied_elsewhere_still_chart(tmp_path):
    """The five seeds in another folder: no seeds/sources.csv, no story data; the report still
    has its charts (the figures are placed by article when no date is found)."""
    from helpers import SEEDS_DIR
    from helpers.report import write_report

    folder = tmp_path / "copy"
    folder.mkdir()
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    html = write_report(folder, out_path=tmp_path / "r.html",
                        cache=tmp_path / "cache").read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') >= 2
    assert "How many soldiers?" in html  # the question its figures count most


def test_the_question_can_be_changed_in_words(tmp_path):
    from helpers.figures import choose_question

    figures = pd.DataFrame({
        "article_id": ["a", "a"], "sentence_id": [0, 1], "text": ["six", "2 300"],
        "value": [6.0, 2300.0], "low": [6.0, 2300.0], "high": [6.0, 2300.0],
        "qualifier": ["exact", "exact"], "unit": ["mort", "personne"],
        "unit_kind": ["people", "people"], "speaker": ["préfecture", "préfecture"],
        "derived": [False, False], "stated_on": [pd.NaT, pd.NaT], "past_event": [False, False],
        "sentence": ["Six morts, selon la préfecture.",
                     "Près de 2 300 personnes ont été évacuées."]})
    assert choose_question(tmp_path, figures).question.text == "How many deaths?"
    assert choose_question(tmp_path, figures, "évacués").question.counts == ("évacué",)
    assert choose_question(tmp_path, figures, "").question.counts == ("évacué",)  # kept
    assert choose_question(tmp_path, figures, "deaths").question.counts == ("mort",)
