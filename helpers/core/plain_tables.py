"""Tables (and the small structures holding them) as JSON that reads back exactly: the parse
cache's format for tables, chosen over pickle because reading it cannot run code.

>>> raw = dumps((claims, None))          # bytes
>>> loads(raw)                           # (claims, None): same values, dtypes and index

A DataFrame keeps its column names, every column's dtype (``int64``, ``float64``, ``bool``,
``str``, ``datetime64[ns]``, ``category``…), its index and ``attrs``. Cell values in object
columns keep their Python type: lists, tuples, sets, dicts, ``Timestamp``, ``Timedelta``,
``NaT``, NaN and infinities, numpy scalars. Anything else raises ``TypeError`` (the caller then
does not cache).
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from typing import Any

import numpy as np
import pandas as pd

_TAG = "$"  # every tagged value is a one-key dict {"$kind": ...}; plain dicts are tagged too


def _float(value: float) -> Any:
    if math.isfinite(value):
        return value
    return {"$float": "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")}


def _frame(frame: pd.DataFrame) -> dict:
    columns = []
    for i in range(frame.shape[1]):
        column = frame.iloc[:, i]
        entry = {"name": encode(frame.columns[i]), "dtype": str(column.dtype),
                 "values": [encode(v) for v in column.tolist()]}
        if isinstance(column.dtype, pd.CategoricalDtype):
            entry["categories"] = encode(column.cat.categories.tolist())
            entry["ordered"] = bool(column.cat.ordered)
        columns.append(entry)
    return {"$frame": {"columns": columns, "columns_dtype": str(frame.columns.dtype),
                       "index": _index(frame.index), "attrs": encode(dict(frame.attrs))}}


def _index(index: pd.Index) -> dict:
    if isinstance(index, pd.RangeIndex):
        return {"range": [index.start, index.stop, index.step], "name": encode(index.name)}
    return {"values": [encode(v) for v in index.tolist()], "dtype": str(index.dtype),
            "name": encode(index.name)}


def _scalar(value: Any) -> Any:
    """The tag of a value that is neither plain JSON nor a container, or a TypeError."""
    if isinstance(value, np.generic):
        return {"$numpy": [str(value.dtype), encode(value.item())]}
    if value is pd.NaT:
        return {"$nat": None}
    if isinstance(value, pd.Timestamp):
        return {"$timestamp": value.isoformat()}
    if isinstance(value, pd.Timedelta):
        return {"$timedelta": value.value}  # nanoseconds
    if isinstance(value, _dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, _dt.date):
        return {"$date": value.isoformat()}
    if value is pd.NA:
        return {"$na": None}
    raise TypeError(f"{type(value).__name__} values are not stored in the table cache")


def encode(value: Any) -> Any:
    """``value`` as plain JSON data, every non-JSON type tagged."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int) and not isinstance(value, np.generic):
        return value
    if isinstance(value, float) and not isinstance(value, np.generic):
        return _float(value)
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple | set | frozenset):
        kind = {tuple: "$tuple", set: "$set", frozenset: "$frozenset"}[type(value)]
        items = list(value) if isinstance(value, tuple) else sorted(value, key=repr)
        return {kind: [encode(v) for v in items]}
    if isinstance(value, dict):
        return {"$dict": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, pd.DataFrame):
        return _frame(value)
    return _scalar(value)


def _column(entry: dict, index: pd.Index) -> pd.Series:
    values = [decode(v) for v in entry["values"]]
    if entry["dtype"] == "category":
        dtype = pd.CategoricalDtype(decode(entry["categories"]), ordered=entry["ordered"])
    else:
        dtype = pd.api.types.pandas_dtype(entry["dtype"])
    series = pd.Series(values, dtype=object, index=index)
    return series if dtype is np.dtype(object) else series.astype(dtype)


def _read_index(spec: dict) -> pd.Index:
    name = decode(spec["name"])
    if "range" in spec:
        return pd.RangeIndex(*spec["range"], name=name)
    values = [decode(v) for v in spec["values"]]
    dtype = pd.api.types.pandas_dtype(spec["dtype"])
    return pd.Index(pd.Series(values, dtype=object).astype(dtype), name=name)


def _read_frame(spec: dict) -> pd.DataFrame:
    index = _read_index(spec["index"])
    columns = {i: _column(entry, index) for i, entry in enumerate(spec["columns"])}
    frame = pd.DataFrame(columns, index=index)
    names = [decode(entry["name"]) for entry in spec["columns"]]
    frame.columns = pd.Index(names, dtype=pd.api.types.pandas_dtype(spec["columns_dtype"]))
    frame.attrs = decode(spec["attrs"])
    return frame


_DECODERS = {
    "$float": lambda v: float(v),
    "$tuple": lambda v: tuple(decode(x) for x in v),
    "$set": lambda v: {decode(x) for x in v},
    "$frozenset": lambda v: frozenset(decode(x) for x in v),
    "$dict": lambda v: {decode(k): decode(x) for k, x in v},
    "$frame": _read_frame,
    "$numpy": lambda v: np.dtype(v[0]).type(decode(v[1])),
    "$nat": lambda v: pd.NaT,
    "$na": lambda v: pd.NA,
    "$timestamp": pd.Timestamp,
    "$timedelta": lambda v: pd.Timedelta(int(v), unit="ns"),
    "$datetime": _dt.datetime.fromisoformat,
    "$date": _dt.date.fromisoformat,
}


def decode(data: Any) -> Any:
    """The value :func:`encode` gave ``data`` for; a ValueError when ``data`` is not such."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    if len(data) != 1:
        raise ValueError("not a value of the table cache (an untagged mapping)")
    (tag, inner), = data.items()
    if tag not in _DECODERS:
        raise ValueError(f"not a value of the table cache (unknown tag {tag!r})")
    return _DECODERS[tag](inner)


def dumps(value: Any) -> bytes:
    """``value`` as JSON bytes; TypeError when it holds a type this module does not store."""
    return json.dumps(encode(value), ensure_ascii=False, allow_nan=False,
                      separators=(",", ":")).encode("utf-8")


def loads(raw: bytes) -> Any:
    """The value :func:`dumps` wrote; ValueError (or KeyError, TypeError) when it is not one."""
    return decode(json.loads(raw))
