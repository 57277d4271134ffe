"""Notebook 05 on a learner's own folder (one .txt and one .html article written for this test):
every cell runs, and the report it writes opens with its charts."""

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "tests" / "data" / "own_articles"


@pytest.fixture
def env(tmp_path, monkeypatch):
    # a copy: the notebook writes the learner's question (story.json) into their folder
    own = shutil.copytree(OWN, tmp_path / "my_articles")
    monkeypatch.setenv("KURSK_MY_ARTICLES", str(own))
    monkeypatch.setenv("KURSK_WORK_DIR", str(tmp_path / "work"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    return tmp_path / "work"


def test_notebook05_runs_on_my_own_articles_and_writes_the_report(env):
    nb = nbformat.read(ROOT / "notebooks" / "05_your_own_investigation.ipynb", as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Using your 2 article(s)" in text and "exemple_depeche.txt" in text
    report = env / "my_investigation" / "report.html"
    assert report.is_file() and os.environ["KURSK_WORK_DIR"] == str(env)
    html = report.read_text(encoding="utf-8")
    assert "exemple_page" in html and "exemple_depeche" in html
    assert html.count('src="data:image/png;base64,') >= 1  # the timeline, embedded
    assert "Le Journal d" in html  # the HTML page's site name, from its metadata
    assert "window.trackingId" not in html  # the page's script never reaches the report
    assert (env / "my_investigation" / "exports" / "claims.csv").is_file()
