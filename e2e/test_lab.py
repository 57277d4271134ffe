"""The notebooks as a learner uses them in JupyterLab: tag a sentence in 02, type answers in 03
and 01 (an English-style number, answers without quotes), use the figures filter and look at the
grading widget of 04.

Every wait is on a condition (Playwright's auto-waiting, ``expect``, ``wait_for_function``), never a
fixed sleep. The first run of the notebook loads the spaCy model and parses the five articles, so
the wait for the widget is long; later steps are quick.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

OUT = Path(__file__).resolve().parent / "out"

NOTEBOOK = "notebooks/02_tagging_claims.ipynb"
TAGS_FILE = "tags_02.json"

KERNEL_READY = 90_000  # ms: the kernel starts (Python, ipykernel)
RUN_ALL = 240_000  # ms: spaCy model load + first parse of the five articles + every other cell
CLICK = 30_000  # ms: a widget click reaches the kernel, is saved, and the view updates

# What an error output looks like (a warning on stderr does not count).
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\w*(Error|Exception)\b", re.M)

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
# The status bar's kernel item, "Python 3 (ipykernel) | Idle", once the browser is connected to a
# started kernel. (The toolbar's execution indicator says "idle" before any kernel exists, and a
# "Run All" clicked then is lost: that was the first-run time-out seen before.)
KERNEL_IDLE = re.compile(r"^(?!No Kernel).+ \| Idle$")

# True when no code cell is queued or running ("[*]:") in the visible notebook.
NO_CELL_RUNNING = """(panel) => {
    const prompts = document.querySelectorAll(panel + ' .jp-CodeCell .jp-InputArea-prompt');
    return prompts.length > 0 && ![...prompts].some(p => p.textContent.includes('*'));
}"""


def _read_tags(lab) -> dict | None:
    path = lab.work_dir / TAGS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _kernel_idle(page: Page):
    return page.locator("#jp-main-statusbar .jp-StatusBar-TextItem", has_text=KERNEL_IDLE)


def _open_notebook(page: Page, lab, notebook: str = NOTEBOOK) -> None:
    page.goto(f"{lab.url}/lab/tree/{notebook}?token={lab.token}")
    expect(page.locator(f"{PANEL} .jp-Notebook .jp-Cell").first).to_be_visible(
        timeout=KERNEL_READY)
    # A notebook without a kernelspec asks which kernel to use: take the default.
    idle, dialog = _kernel_idle(page), page.locator(".jp-Dialog")
    idle.or_(dialog).first.wait_for(timeout=KERNEL_READY)
    if dialog.count():
        dialog.get_by_role("button", name="Select").click()
    expect(idle).to_be_visible(timeout=KERNEL_READY)


def _run_all_cells(page: Page) -> None:
    page.locator(f"{PANEL} .jp-Notebook").click(position={"x": 5, "y": 5})  # focus the notebook
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()


def _wait_for_status(page: Page, n: int) -> None:
    """Wait until the widget reports save number ``n`` of this session, then check that it
    stays there once the kernel is idle: one click, one save (not two)."""
    status = page.locator(".kr-tag-status")
    expect(status).to_contain_text(f"(save {n} of this session)", timeout=CLICK)
    expect(_kernel_idle(page)).to_be_visible(timeout=CLICK)
    expect(status).to_contain_text(f"(save {n} of this session)")


def _run_all_and_wait(page: Page) -> None:
    """Run All Cells, wait until none is queued or running, and check that none failed."""
    _run_all_cells(page)
    page.wait_for_function(NO_CELL_RUNNING, arg=PANEL, timeout=RUN_ALL)
    expect(_kernel_idle(page)).to_be_visible(timeout=RUN_ALL)
    stderr = page.locator(
        f'{PANEL} .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    errors = [t for t in stderr.all_inner_texts() if TRACEBACK.search(t)]
    assert not errors, "a cell failed:\n" + "\n---\n".join(e[:2000] for e in errors)


def _answer(page: Page, marker: str, source: str):
    """Replace the text of the code cell holding ``marker`` by ``source``, as a learner types
    it, and run that cell (Shift+Enter); returns the cell."""
    cell = page.locator(f"{PANEL} .jp-CodeCell", has_text=marker).first
    cell.scroll_into_view_if_needed()
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    # insert_text, not type: the editor's auto-closing quotes and brackets would double them
    page.keyboard.insert_text(source)
    expect(editor).to_contain_text(source.splitlines()[0])
    page.keyboard.press("Shift+Enter")
    return cell


def test_tagging_widget_saves_clicks(page: Page, page_errors: list[str], lab, phases) -> None:
    assert (lab.root / NOTEBOOK).exists(), f"{NOTEBOOK} is missing under {lab.root}"
    assert _read_tags(lab) is None, "the work folder should start empty"

    _open_notebook(page, lab)
    phases("notebook open, kernel idle")
    _run_all_cells(page)

    widget = page.locator(".kr-tag")
    expect(widget).to_be_visible(timeout=RUN_ALL)
    # Let every cell finish (later cells may still be queued) before using the widget.
    page.wait_for_function(NO_CELL_RUNNING, arg=PANEL, timeout=RUN_ALL)
    expect(_kernel_idle(page)).to_be_visible(timeout=RUN_ALL)
    phases("all cells run")

    # No cell may end in an error (tracebacks are shown as stderr output).
    stderr = page.locator(
        f'{PANEL} .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    errors = [t for t in stderr.all_inner_texts() if TRACEBACK.search(t)]
    assert not errors, "a cell failed:\n" + "\n---\n".join(e[:2000] for e in errors)

    widget.scroll_into_view_if_needed()
    progress = page.locator(".kr-tag-progress")
    expect(progress).to_have_text(re.compile(r"^\d+ of \d+ tagged$"))
    done_before, total = map(int, re.findall(r"\d+", progress.inner_text()))
    meta = page.locator(".kr-tag-meta")
    expect(meta).to_contain_text("Sentence 1 of")
    expect(meta).to_contain_text(re.compile(r"article \d{3}, sentence"))  # "000", as in tables
    sentence = page.locator(".kr-tag-quote").inner_text().strip()
    assert sentence, "the sentence card is empty"

    # 1. Checkable claim? -> Yes (saved at once)
    yes = page.locator('.kr-tag-checkable button[data-value="Yes"]')
    yes.click()
    expect(yes).to_have_class(re.compile(r"\bmod-active\b"), timeout=CLICK)
    _wait_for_status(page, 1)

    # 2. Who says it? -> the first real choice in the list
    select = page.locator(".kr-tag-speaker select")
    options = [o.strip() for o in select.locator("option").all_inner_texts()]
    assert len(options) > 1, f"no speakers to choose from: {options}"
    speaker = select.locator("option").nth(1).get_attribute("value")
    select.select_option(index=1)
    _wait_for_status(page, 2)

    # 3. Hedged? -> No
    no = page.locator('.kr-tag-hedged button[data-value="No"]')
    no.click()
    expect(no).to_have_class(re.compile(r"\bmod-active\b"), timeout=CLICK)
    _wait_for_status(page, 3)
    expect(progress).to_have_text(f"{done_before + 1} of {total} tagged", timeout=CLICK)

    after_answers = _read_tags(lab)
    assert after_answers is not None, f"{TAGS_FILE} was not written to {lab.work_dir}"
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "notebook02_answered.png"))

    # Save and next -> saved (the file is rewritten only when something changed: the workspace
    # writes changed items only), the card moves on, the progress stays counted
    page.get_by_role("button", name="Save and next →").click()
    _wait_for_status(page, 4)
    expect(meta).to_contain_text("Sentence 2 of", timeout=CLICK)
    expect(progress).to_have_text(f"{done_before + 1} of {total} tagged")
    assert _read_tags(lab) == after_answers, f"Save and next changed {TAGS_FILE}"

    tags = _read_tags(lab)
    answered = [t for t in tags.values() if t.get("checkable") is not None]
    assert len(answered) == 1, f"expected one tagged sentence, got {tags}"
    tag = answered[0]
    assert tag["checkable"] is True
    assert tag["speaker"] == speaker
    assert tag["hedged"] is False
    assert " ".join(tag["sentence"].split()) == " ".join(sentence.split())

    # The course's own settings (jupyter/overrides.json) keep JupyterLab's news question away.
    expect(page.locator(".Toastify__toast", has_text=re.compile("news", re.I))).to_have_count(0)

    widget.scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / "notebook02.png"))
    phases("widget clicked and checked")
    assert not page_errors, f"JavaScript errors in the page: {page_errors}"


def test_answers_typed_the_learners_way(page: Page, page_errors: list[str], lab, phases) -> None:
    """Notebook 03: an English-style number is read as thousands, and an answer typed without
    quotes gets one plain sentence instead of Python's SyntaxError."""
    _open_notebook(page, lab, "notebooks/03_comparing_figures.ipynb")
    _run_all_and_wait(page)
    phases("notebook 03 run")

    cell = _answer(page, 'check("03.bound"', 'my_answer = "8,000"\n\ncheck("03.bound", my_answer);')
    output = cell.locator(".jp-OutputArea-output")
    expect(output).to_contain_text("Correct: 8\u202f000", timeout=CLICK)
    expect(output).to_contain_text("English thousands")

    cell = _answer(page, 'check("03.same_origin"',
                   'my_answer = [000, 001]\n\ncheck("03.same_origin", my_answer);')
    output = cell.locator(".jp-OutputArea-output")
    expect(output).to_contain_text(
        'Write article numbers in quotes: my_answer = ["000", "001"]', timeout=CLICK)
    assert "SyntaxError" not in output.inner_text() and "Traceback" not in output.inner_text()
    OUT.mkdir(parents=True, exist_ok=True)
    cell.scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / "notebook03_answers.png"))

    # The figures filter: one count for the picture and the table; a sentence when empty.
    status = page.locator(".kr-figfilter-status")
    status.scroll_into_view_if_needed()
    expect(status).to_contain_text(re.compile(r"Showing (\d+) of \1 estimates"))
    page.screenshot(path=str(OUT / "notebook03_filter.png"))
    for box in page.locator(".kr-figfilter-sides input[type=checkbox]").all():
        box.uncheck()
    expect(status).to_contain_text("Nothing is selected", timeout=CLICK)
    expect(page.locator(".kr-figfilter-plot img")).to_have_count(0)
    page.screenshot(path=str(OUT / "notebook03_filter_empty.png"))
    phases("answers and filter checked")
    assert not page_errors, f"JavaScript errors in the page: {page_errors}"


def test_an_unquoted_word_and_the_grading_button(page: Page, page_errors: list[str], lab,
                                                phases) -> None:
    """Notebook 01: ``my_answer = russes`` (a NameError) gets one sentence. Notebook 04: the
    grading widget's button shows its whole label."""
    _open_notebook(page, lab, "notebooks/01_reading_the_sources.ipynb")
    _run_all_and_wait(page)
    cell = _answer(page, 'check("01.slip"', 'my_answer = russes\n\ncheck("01.slip", my_answer);')
    output = cell.locator(".jp-OutputArea-output")
    expect(output).to_contain_text('Put your answer in quotes: my_answer = "russes"',
                                   timeout=CLICK)
    assert "NameError" not in output.inner_text()
    cell.scroll_into_view_if_needed()
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "notebook01_unquoted.png"))
    phases("notebook 01 unquoted answer")

    _open_notebook(page, lab, "notebooks/04_assessing_reliability.ipynb")
    _run_all_and_wait(page)
    button = page.get_by_role("button", name="Show the rubric's grade").first
    button.scroll_into_view_if_needed()
    expect(button).to_be_visible()
    cut = button.evaluate("b => b.scrollWidth > b.clientWidth + 1")
    assert not cut, "the button's label is cut"
    page.screenshot(path=str(OUT / "notebook04_grading.png"))
    phases("notebook 04 grading button")
    assert not page_errors, f"JavaScript errors in the page: {page_errors}"
