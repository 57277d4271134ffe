"""Notebook 02 as a learner clicks it: open it in JupyterLab, run all cells, tag one sentence.

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


def _file_stamp(lab) -> tuple[int, int]:
    st = (lab.work_dir / TAGS_FILE).stat()
    return st.st_ino, st.st_mtime_ns


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
    """Wait until the widget reports save number ``n`` of this session."""
    expect(page.locator(".kr-tag-status")).to_contain_text(
        f"save {n} of this session", timeout=CLICK)


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
    # Saves replace the file atomically (a new inode), so this differs after any save.
    stamp = _file_stamp(lab)
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "notebook02_answered.png"))

    # Save and next -> the file is written again, the card moves on, the progress stays counted
    page.get_by_role("button", name="Save and next →").click()
    _wait_for_status(page, 4)
    expect(meta).to_contain_text("Sentence 2 of", timeout=CLICK)
    expect(progress).to_have_text(f"{done_before + 1} of {total} tagged")
    # saved again: rewritten, or left as it is when nothing changed (the workspace does not
    # rewrite a file with the same content)
    assert _file_stamp(lab) != stamp or _read_tags(lab) == after_answers, \
        f"Save and next lost what {TAGS_FILE} held"

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
