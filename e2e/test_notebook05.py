"""Notebook 05 as a learner uses it: run it, upload three articles of their own (the flood story
of tests/data/stories/crue), run it again on them, fill one row of the sources form and save it;
then look at the timeline and at the report it wrote.

Screenshots (e2e/out/): ``notebook05_timeline.png`` (the timeline of the learner's question),
``notebook05_sources_form.png`` (the form after saving) and ``report05.png`` (the report, whole
page). Every wait is on a condition, never a fixed sleep.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect
from test_lab import (
    CLICK,
    KERNEL_READY,
    PANEL,
    _open_notebook,
    _run_all_and_wait,
)

OUT = Path(__file__).resolve().parent / "out"
NOTEBOOK = "notebooks/05_your_own_investigation.ipynb"
STORY = Path(__file__).resolve().parents[1] / "tests" / "data" / "stories" / "crue"
ARTICLES = sorted(p for p in STORY.iterdir() if p.suffix in (".txt", ".html"))
OUTLET = "Le Journal du Midi"


def _cell(page: Page, code: str):
    """The code cell whose source contains ``code``."""
    return page.locator(f"{PANEL} .jp-CodeCell", has_text=code).first


def test_upload_run_and_fill_the_sources_form(page: Page, page_errors: list[str], lab,
                                             phases) -> None:
    assert len(ARTICLES) == 3
    _open_notebook(page, lab, NOTEBOOK)
    phases("notebook 05 open")
    _run_all_and_wait(page)
    expect(_cell(page, "folder = choose_folder()")).to_contain_text("No articles in")
    phases("notebook 05 run on the course's articles")

    # 1. upload the learner's three articles with the button
    upload = page.locator(".kr-upload")
    upload.scroll_into_view_if_needed()
    # the widget's file input is not in the page: its button opens the browser's file chooser
    with page.expect_file_chooser(timeout=CLICK) as chooser:
        upload.locator("button.widget-upload").click()
    chooser.value.set_files([str(p) for p in ARTICLES])
    expect(upload).to_contain_text(f"✓ {ARTICLES[-1].name}: saved", timeout=CLICK)
    assert sorted(p.name for p in lab.my_articles.iterdir() if not p.name.startswith(".")) == \
        [p.name for p in ARTICLES]
    phases("three articles uploaded")

    # 2. run it again: now on the learner's articles and their question
    _run_all_and_wait(page)
    expect(_cell(page, "folder = choose_folder()")).to_contain_text("Using your 3 article(s)")
    expect(_cell(page, "story = choose_question(")).to_contain_text(
        "Your question: How many deaths?")
    phases("notebook 05 run on the uploaded articles")

    # 3. fill one row of the sources form, save it
    form = page.locator(".kr-sources-form")
    form.scroll_into_view_if_needed()
    first = form.locator(".kr-source-row").first
    expect(first).to_contain_text("01_journaldumidi")
    outlet = first.locator(".kr-field-outlet input")
    outlet.fill(OUTLET)
    outlet.press("Tab")  # a Text widget syncs its value on change
    form.locator(".kr-sources-save button, button.kr-sources-save").first.click()
    expect(form.locator(".kr-sources-status")).to_contain_text("saved sources.csv",
                                                               timeout=CLICK)
    saved = (lab.my_articles / "sources.csv").read_text(encoding="utf-8")
    assert OUTLET in saved and "01_journaldumidi_premier-bilan" in saved
    OUT.mkdir(parents=True, exist_ok=True)
    form.screenshot(path=str(OUT / "notebook05_sources_form.png"))
    phases("sources form saved")

    # 4. the timeline of the learner's question, and the report it wrote
    timeline = _cell(page, "plot_timeline(estimates, question=story.question)").locator(
        ".jp-OutputArea-output img").first
    timeline.scroll_into_view_if_needed()
    expect(timeline).to_be_visible(timeout=CLICK)
    timeline.screenshot(path=str(OUT / "notebook05_timeline.png"))
    report = lab.work_dir / "my_investigation" / "report.html"
    assert report.is_file(), f"no report in {report.parent}"
    html = report.read_text(encoding="utf-8")
    assert "<title>How many deaths?" in html
    assert not re.search(r"kursk|koursk|zelensk|north korea", html, re.I)
    page.goto(report.as_uri())
    expect(page.locator("h1")).to_contain_text("How many deaths?", timeout=KERNEL_READY)
    page.screenshot(path=str(OUT / "report05.png"), full_page=True)
    phases("timeline and report looked at")
    assert not page_errors, f"JavaScript errors in the page: {page_errors}"
