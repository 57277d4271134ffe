"""The sources form of notebook 05: one row per article, what is known of it (outlet, date,
author, kind of site, original source), prefilled with what the loader found and saved beside the
articles as ``sources.csv``, which the loader reads back (:mod:`.corpus`).

>>> sources_rows(corpus, folder)          # the rows to edit: the folder's sources.csv, else found
>>> write_sources(folder, rows)           # sources.csv, the same columns as seeds/sources.csv

The columns are the course's own ``seeds/sources.csv``'s, so a learner's notes read like the
course's. Nothing here guesses more than the loader: a field it found nothing for stays empty.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pandas as pd

from helpers import SEEDS_DIR
from helpers.core.text import is_missing
from helpers.sources.files import SOURCES_FILE
from helpers.sources.formats import timestamp

__all__ = ["KINDS", "SOURCE_COLUMNS", "sources_rows", "write_sources"]

#: the columns of ``sources.csv``, as the course's ``seeds/sources.csv`` has them
SOURCE_COLUMNS = ["article_id", "outlet", "kind", "published", "date_evidence",
                  "original_source", "byline", "notes", "summary_en"]
#: the kinds of site the form offers (a learner may type another)
KINDS = ("newspaper website", "news agency", "public broadcaster", "news website",
         "aggregator republication", "blog or opinion site", "social media post",
         "website of unknown ownership")


def _text(value) -> str:
    return "" if is_missing(value) else str(value).strip()


def _date_evidence(removed) -> str:
    """The date line the loader removed from the text, if any."""
    for item in removed if isinstance(removed, list) else []:
        if item.get("kind") in ("date line", "byline") and any(c.isdigit() for c in
                                                                 str(item.get("text", ""))):
            return " ".join(str(item["text"]).split())
    return ""


def _found(row: pd.Series) -> dict:
    """What the loader found about one article, as a row of the form."""
    warnings = row.get("warnings") if isinstance(row.get("warnings"), list) else []
    published = row.get("published")
    evidence = _date_evidence(row.get("removed"))
    if not evidence and not is_missing(published):
        evidence = "the page's metadata" if str(row.get("source_file", "")).lower().endswith(
            (".html", ".htm")) else ""
    notes = [w for w in warnings if w.startswith(("outlet '", "the date line says"))]
    return {
        "article_id": str(row["article_id"]),
        "outlet": _text(row.get("outlet")),
        "kind": "",
        "published": "" if is_missing(published) else pd.Timestamp(published).strftime("%Y-%m-%d"),
        "date_evidence": evidence,
        "original_source": "",
        "byline": _text(row.get("byline")),
        "notes": "; ".join(notes),
        "summary_en": _text(row.get("summary_en")),
    }


def sources_rows(corpus: pd.DataFrame, folder=None) -> pd.DataFrame:
    """One row per article of ``corpus``: the folder's ``sources.csv`` where it has the
    article, else what the loader found (HTML metadata, date lines, bylines, an outlet read
    from the file name). Columns: :data:`SOURCE_COLUMNS`."""
    saved = {}
    path = Path(folder) / SOURCES_FILE if folder is not None else None
    if path is not None and path.is_file():
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        saved = {str(r["article_id"]).strip(): r for r in table.to_dict("records")
                 if "article_id" in r}
    rows = []
    for _, row in corpus.iterrows():
        found = _found(row)
        mine = saved.get(found["article_id"], {})
        rows.append({c: (_text(mine.get(c)) or found[c]) if c != "article_id" else found[c]
                     for c in SOURCE_COLUMNS})
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


def check_rows(rows: pd.DataFrame) -> list[str]:
    """What is wrong with the rows, in plain sentences (a date that is not a date)."""
    problems = []
    for _, row in rows.iterrows():
        when = _text(row.get("published"))
        if when and timestamp(when) is None:
            problems.append(f"{row['article_id']}: “{when}” is not a date; write it as "
                            "2025-10-14 (year-month-day)")
    return problems


def write_sources(folder, rows) -> Path:
    """Write ``rows`` (a DataFrame or a list of dicts with :data:`SOURCE_COLUMNS`) as the
    folder's ``sources.csv``, atomically; ``ValueError`` (in words) for a date that is not one,
    or for the course's own folder, whose notes are part of the course."""
    folder = Path(folder)
    if folder.resolve() == SEEDS_DIR.resolve():
        raise ValueError("these are the course's articles: their sources.csv is the course's "
                         "own. Add your articles (section 1) to fill in the form for them.")
    table = pd.DataFrame(rows).reindex(columns=SOURCE_COLUMNS).fillna("")
    table = table.map(lambda v: " ".join(str(v).split()))
    problems = check_rows(table)
    if problems:
        raise ValueError("; ".join(problems))
    table["published"] = [timestamp(v).strftime("%Y-%m-%d") if v else ""
                          for v in table["published"]]
    by_hand = (table["published"] != "") & (table["date_evidence"] == "")
    table.loc[by_hand, "date_evidence"] = "entered in the sources form"
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    path = folder / SOURCES_FILE
    tmp = folder / f".{SOURCES_FILE}.tmp"
    tmp.write_text(buffer.getvalue(), encoding="utf-8")
    os.replace(tmp, path)
    return path
