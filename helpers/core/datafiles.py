"""Reading the data files that sit beside the code (``<package>/data``) and beside a story's
articles: CSV tables whose lines starting with ``#`` are comments, and JSON.

pandas' own ``comment=`` would also cut a ``#`` inside a field (a regular expression may hold
one), so comment lines are dropped before the CSV reader sees them.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd


def read_rows(path: str | Path) -> list[dict[str, str]]:
    """The rows of a CSV file as dicts of strings (``#`` lines are comments); ``[]`` when the
    file does not exist."""
    path = Path(path)
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    return [{k: (v if v is not None else "") for k, v in row.items()} for row in rows]


def read_table(path: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A CSV file as a DataFrame of strings (``#`` lines are comments, missing cells ``""``).
    ``columns`` gives the columns of the empty table returned when the file does not exist."""
    path = Path(path)
    if not path.is_file():
        return pd.DataFrame(columns=columns or [])
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(line for line in fh if not line.startswith("#")))
    return pd.DataFrame(rows[1:], columns=rows[0]).fillna("")


def read_json(path: str | Path, default=None):
    """A JSON file's content, or ``default`` when the file does not exist."""
    path = Path(path)
    if not path.is_file():
        return default
    return json.loads(path.read_text(encoding="utf-8"))
