"""Every table a learner sees, made readable once: the notebooks (``setup_notebook()`` registers
:func:`frame_html` and :func:`frame_text` as IPython's formatters for DataFrames and Series, so
no cell needs a change) and the report (``helpers.report.page.table_html``).

What readable means here:

* text left-aligned (French sentences, headlines), numbers right-aligned;
* numbers the French way (``10 000`` with a narrow no-break space, ``1,5``; never ``10000.0``),
  shares as percentages (``hedged_share`` 0.42 → ``42 %``; ``*_pct`` columns hold percents);
* lists as words (``aurait, selon``, never ``[aurait, selon]``), dates as ``18 Oct 2024``,
  yes/no for booleans, and nothing at all for a missing value (no NaN, NaT or None);
* article ids as the short labels every table uses (``000``, not ``000_a2d806d17827b430``);
* pandas' default row numbers (0, 1, 2…) left out: they are not part of the data.

Cells are escaped: article text is untrusted input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from numbers import Integral, Real

import numpy as np
import pandas as pd

from helpers.core.text import THIN_SPACE, article_labels, format_day, format_number, is_missing

__all__ = ["cell_text", "frame_html", "frame_text", "readable", "register_formatters"]

PERCENT = f"{THIN_SPACE}%"
# Columns holding article ids (or lists of them), shown as "000" like the rest of the course.
_ARTICLE_COLUMNS = {"article_id", "article", "articles", "article_a", "article_b"}
# Inline styles rather than a stylesheet: JupyterLab keeps them in saved and untrusted outputs,
# and they win over its right-aligned default.
_LEFT = "text-align: left; vertical-align: top;"
_RIGHT = "text-align: right; vertical-align: top; white-space: nowrap;"


def _share(column) -> bool:
    return str(column).endswith("share")


def _percent(column) -> bool:
    return str(column).endswith(("_pct", "percent"))


def _identifier(column) -> bool:
    """``sentence_id``, ``id``: numbers that name something, not amounts (no grouping)."""
    return str(column) == "id" or str(column).endswith("_id")


def cell_text(value, column=None) -> str:
    """One value as a table shows it (see the module docstring); ``column`` says whether a
    number is a share, a percentage or an identifier."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return ", ".join(f"{k}: {cell_text(v)}" for k, v in value.items())
    if isinstance(value, Iterable) and not isinstance(value, bytes):  # list, tuple, set, array
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return ", ".join(t for t in (cell_text(v) for v in items) if t)
    if is_missing(value):
        return ""
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp | dt.date | np.datetime64):
        return format_day(value)
    if isinstance(value, Real):
        return _number_text(value, column)
    return str(value)


def _number_text(value, column) -> str:
    if _identifier(column) and isinstance(value, Integral | np.integer):
        return str(int(value))
    if _share(column):
        return format_number(round(float(value) * 100)) + PERCENT
    if _percent(column):
        return format_number(value) + PERCENT
    return format_number(value)


def _is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _default_index(frame: pd.DataFrame) -> bool:
    """pandas' own row numbers (0, 1, 2… with no name): nothing a learner needs to read."""
    index = frame.index
    return (isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
            and index.name is None)


def _is_article_column(column) -> bool:
    return str(column) in _ARTICLE_COLUMNS


def _article_ids(values) -> list[str]:
    """Every article id in a column (lists included)."""
    ids = []
    for v in values:
        if isinstance(v, str):
            ids.append(v)
        elif isinstance(v, list | tuple | set):
            ids += [str(x) for x in v]
    return list(dict.fromkeys(ids))


def _short_ids(values) -> pd.Series:
    """An article column with the labels every table uses ("000"), unless two would clash."""
    ids = _article_ids(values)
    label = dict(zip(ids, article_labels(ids), strict=True))

    def short(v):
        if isinstance(v, str):
            return label.get(v, v)
        if isinstance(v, list | tuple | set):
            return [label.get(str(x), x) for x in v]
        return v

    return pd.Series([short(v) for v in values])


def readable(data: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """``data`` with every value as the text a table shows (a Series becomes one column);
    article ids as the short labels every table uses ("000")."""
    frame = _as_frame(data)

    def column_text(i: int, column) -> list[str]:
        values = frame.iloc[:, i]
        if _is_article_column(column):
            values = _short_ids(values)
        return [cell_text(v, column) for v in values]

    out = pd.DataFrame({i: column_text(i, column) for i, column in enumerate(frame.columns)},
                       index=frame.index)
    out.columns = frame.columns
    if not isinstance(out.index, pd.RangeIndex):
        out.index = _readable_index(out.index)
    return out


def _readable_index(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_tuples([tuple(cell_text(v) for v in t) for t in index],
                                         names=index.names)
    return pd.Index([cell_text(v) for v in index], name=index.name)


def _as_frame(data) -> pd.DataFrame:
    if isinstance(data, pd.Series):
        return data.to_frame(name=data.name if data.name is not None else "value")
    return data


def _alignments(frame: pd.DataFrame) -> list[str]:
    return [_RIGHT if _is_numeric(frame.iloc[:, i]) else _LEFT for i in range(frame.shape[1])]


def _shown_rows(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The rows a table shows, as text (pandas' ``display.max_rows``: only the first and the
    last ones of a long table, with a row saying how many are left out between them)."""
    limit = pd.get_option("display.max_rows")
    if limit is None or len(frame) <= limit:
        return readable(frame), 0
    keep = max(2, min(pd.get_option("display.min_rows") or 10, limit))
    head, tail = keep - keep // 2, keep // 2
    hidden = len(frame) - keep
    text = readable(pd.concat([frame.iloc[:head], frame.iloc[len(frame) - tail:]]))
    gap = pd.DataFrame([["…"] * text.shape[1]], columns=text.columns,
                       index=_gap_label(text.index, hidden))
    return pd.concat([text.iloc[:head], gap, text.iloc[head:]]), hidden


def frame_html(data: pd.DataFrame | pd.Series, index: bool | None = None,
               classes: str = "kr-table") -> str:
    """The table as escaped HTML: formatted values, text left and numbers right, every cell
    with its own alignment (a notebook's stylesheet cannot undo it). ``index=None`` shows the
    row labels unless they are pandas' default numbers."""
    frame = _as_frame(data)
    if index is None:
        index = isinstance(data, pd.Series) or not _default_index(frame)
    text, hidden = _shown_rows(frame)
    body = text.to_html(escape=True, border=0, index=index, classes=classes, justify="left",
                        na_rep="")
    body = _align_cells(body, _alignments(frame))
    if frame.empty:
        body += '\n<p class="kr-empty"><i>No rows.</i></p>'
    if hidden:
        body += f'\n<p class="kr-more">{_rows_note(frame, hidden)}</p>'
    return body


def _rows_note(frame: pd.DataFrame, hidden: int) -> str:
    return (f"{format_number(len(frame))} rows; the {format_number(hidden)} in the middle are "
            "not shown.")


def _gap_label(index: pd.Index, hidden: int):
    label = f"… {hidden} more rows"
    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_tuples([(label,) + ("",) * (index.nlevels - 1)])
    return [label]


_ROW = re.compile(r"<tr[^>]*>.*?</tr>", re.S)


def _align_cells(body: str, alignments: list[str]) -> str:
    """Give each ``<td>`` its column's alignment and every ``<th>`` a left one."""
    def row(match: re.Match) -> str:
        cells = iter(alignments)
        out = re.sub(r"<td>", lambda _: f'<td style="{next(cells, _LEFT)}">', match.group(0))
        return re.sub(r"<th(?=[ >])(?![^>]*style=)", f'<th style="{_LEFT}"', out)

    return _ROW.sub(row, body)


def frame_text(data: pd.DataFrame | pd.Series) -> str:
    """The same table as plain text (what nbval compares, what a terminal shows): formatted
    values, text padded to the left."""
    frame = _as_frame(data)
    index = isinstance(data, pd.Series) or not _default_index(frame)
    if frame.empty:
        columns = ", ".join(str(c) for c in frame.columns)
        return f"No rows (columns: {columns})." if columns else "No rows."
    text, hidden = _shown_rows(frame)
    # Padded here, each column to its widest cell, so that pandas only lays them side by side.
    for i, align in enumerate(_alignments(frame)):
        column = text.iloc[:, i]
        width = max([len(str(text.columns[i]))] + [len(v) for v in column])
        pad = str.ljust if align == _LEFT else str.rjust
        text.iloc[:, i] = [pad(v, width) for v in column]
    table = text.to_string(index=index, justify="left", line_width=pd.get_option("display.width"))
    return f"{table}\n\n{_rows_note(frame, hidden)}" if hidden else table


def register_formatters(shell=None) -> bool:
    """Make :func:`frame_html` and :func:`frame_text` how ``shell`` (the running IPython by
    default) shows every DataFrame and Series; False when there is no IPython."""
    if shell is None:
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None:
        return False
    formatters = shell.display_formatter.formatters
    for kind in (pd.DataFrame, pd.Series):
        formatters["text/html"].for_type(kind, frame_html)
        formatters["text/plain"].for_type(kind, lambda obj, p, cycle: p.text(frame_text(obj)))
    return True
