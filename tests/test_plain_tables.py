"""helpers.core.plain_tables: the cache's tables read back exactly (values, dtypes, index)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from helpers.core import plain_tables


def _round_trip(value):
    return plain_tables.loads(plain_tables.dumps(value))


def test_a_frame_of_every_dtype_the_course_uses_reads_back_exactly():
    frame = pd.DataFrame({
        "article_id": ["a", "b", "c"],
        "n": [1, 2, 3],
        "value": [1.5, np.nan, np.inf],
        "flag": [True, False, True],
        "when": [pd.Timestamp("2024-10-18"), pd.NaT, pd.Timestamp("2024-11-05 08:30:00.123456789")],
        "lists": [["Selon"], [], ["a", "b"]],
        "mixed": [None, (1, "x"), {"k": {1, 2}}],
        "cat": pd.Categorical(["x", "y", "x"]),
        "nullable": pd.array([1, None, 3], dtype="Int64"),
        "utc": pd.to_datetime(["2024-01-01", "2024-01-02", None], utc=True),
        "gap": pd.to_timedelta([1, 2, None], unit="D"),
    }, index=pd.Index(["r1", "r2", "r3"], name="row"))
    frame.attrs["story"] = "crue"
    back = _round_trip(frame)
    assert_frame_equal(back, frame, check_exact=True)
    assert back.attrs == {"story": "crue"}


def test_the_pipeline_shapes_read_back():
    frame = pd.DataFrame({"x": [1]})
    pair = _round_trip((frame, None))
    assert isinstance(pair, tuple) and pair[1] is None
    assert_frame_equal(pair[0], frame)
    both = _round_trip({"signals": frame, "corroboration": frame.iloc[:0]})
    assert_frame_equal(both["corroboration"], frame.iloc[:0])


def test_python_values_keep_their_type():
    value = [np.int64(3), np.float32(1.5), dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4),
             frozenset({1}), {"a": [1, (2, 3)]}, -0.0, 10**30, pd.NA]
    back = _round_trip(value)
    assert [type(v) for v in back] == [type(v) for v in value]
    assert back[:8] == value[:8] and back[8] is pd.NA


@pytest.mark.parametrize("bad", [object(), pd.Period("2024-01"), b"bytes"])
def test_what_it_does_not_store_is_a_type_error(bad):
    with pytest.raises(TypeError):
        plain_tables.dumps(pd.DataFrame({"x": [bad]}))


@pytest.mark.parametrize("raw", [b'{"$exec": "x"}', b'{"a": 1, "b": 2}', b"[1, {\"$nope\": 0}]"])
def test_what_it_did_not_write_is_a_value_error(raw):
    with pytest.raises(ValueError):
        plain_tables.loads(raw)


_CELLS = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(_CELLS, min_size=0, max_size=5))
def test_any_object_column_reads_back(cells):
    frame = pd.DataFrame({"c": pd.Series(cells, dtype=object)})
    back = _round_trip(frame)
    # compared through the encoding: it tells a list from a tuple, and NaN inside a tuple equals
    # itself there (it never does with ==)
    assert plain_tables.dumps(back) == plain_tables.dumps(frame)
    assert back["c"].dtype == object and len(back) == len(frame)
