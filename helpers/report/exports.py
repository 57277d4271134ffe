"""The investigation's tables as CSV files a spreadsheet opens: UTF-8 with a byte-order mark (Excel
reads the accents), lists joined with ``"; "``, formula-like text defused (OWASP's advice against
CSV injection: an article could carry ``=HYPERLINK(...)``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.core import workspace
from helpers.core.story import load_story
from helpers.figures.question import story_figures
from helpers.reliability.corroborate import corroboration
from helpers.report.write import reliability_tables

#: the CSV files :func:`export_tables` writes, and the results table each comes from
EXPORTS = {"claims": "claims.csv", "figures": "figures.csv", "signals": "signals.csv",
           "corroboration": "corroboration.csv"}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_tables(results: dict, folder=None, story=None) -> list[Path]:
    """Write ``claims.csv``, ``figures.csv``, ``signals.csv`` and ``corroboration.csv`` from
    :func:`helpers.pipeline.run`'s ``results`` into ``folder`` (``None``: ``exports/`` in the work
    folder) and return their paths. UTF-8 with a byte-order mark (Excel reads the accents), no
    index, list cells joined with ``"; "``, dates as ``YYYY-MM-DD``. ``story``: corroborate the
    figures answering its question (the one chosen in notebook 05), not ``results``' own."""
    folder = Path(folder) if folder is not None else workspace.root() / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    if story is not None:
        answering = story_figures(results["figures"], load_story(story).question
                                  if not hasattr(story, "question") else story.question)
        results = {**results, "corroboration": corroboration(answering)}
    tables = reliability_tables(results)
    paths = []
    for key, name in EXPORTS.items():
        table = results[key] if key in results else tables[key]
        path = folder / name
        _csv_ready(table).to_csv(path, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d")
        paths.append(path)
    return paths


def _csv_cell(value):
    if isinstance(value, list | tuple | set):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists joined with ``"; "`` and formula-like text defused, in text columns only."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(_csv_cell)
    return out
