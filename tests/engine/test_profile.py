"""Column profiles and header summaries on pandas samples."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from brewdesk.engine.profile import format_value, profile, summarize


def sample() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "n": pd.array([1, 2, 2, None, 5], dtype="Int64"),
            "f": pd.array([1.5, np.inf, None, 2.5, 3.5], dtype="Float64"),
            "s": pd.array(["a", "b", "b", " ", None], dtype="string"),
            "t": pd.array(["1", "2", "x", "4", "5"], dtype="string"),
            "d": pd.to_datetime(["2024-01-01", "2024-01-02", None, "2024-01-04", "2024-01-05"]).astype("datetime64[us]"),
            "_rowid": np.arange(5, dtype="int64"),
        }
    )


def test_summaries_quality_and_distribution():
    s = summarize(sample())
    assert list(s) == ["n", "f", "s", "t", "d"]
    assert (s["n"].missing, s["n"].invalid, s["n"].valid) == (1, 0, 4)
    assert s["n"].distribution.kind == "histogram" and sum(s["n"].distribution.counts) == 4
    # an infinite float is invalid
    assert (s["f"].missing, s["f"].invalid) == (1, 1)
    # blank text is missing
    assert s["s"].missing == 2 and s["s"].distribution.kind == "top"
    assert s["s"].distribution.labels[0] == "b"
    # a mostly-numeric text column: the non-number is invalid
    assert s["t"].invalid == 0  # 4 of 5 are numbers: below the 90 % bar, plain text
    mostly = pd.DataFrame({"t": pd.array([str(i) for i in range(9)] + ["x"], dtype="string")})
    assert summarize(mostly)["t"].invalid == 1
    assert s["d"].distribution.dates
    v, m, i = s["f"].shares()
    assert math.isclose(v + m + i, 1.0)


def test_profile_numbers():
    p = profile(sample()["n"])
    assert (p.count, p.missing, p.distinct, p.unique) == (4, 1, 3, 2)
    assert (p.min, p.max, p.mode) == (1, 5, 2)
    assert p.mean == 2.5 and p.median == 2.0
    assert math.isclose(p.std, np.std([1, 2, 2, 5], ddof=1))
    assert p.quantiles[0.5] == 2.0
    assert sum(p.histogram.counts) == 4 and len(p.histogram.edges) == len(p.histogram.counts) + 1
    labels = dict(p.stats_rows())
    assert labels["Missing"] == "1 (20.0%)" and labels["Mode"] == "2"


def test_profile_text_and_dates():
    p = profile(sample()["s"])
    assert p.top[0] == ("b", 2) and p.mode == "b" and p.min == "a"
    assert p.mean is None and p.histogram.kind == "top"
    d = profile(sample()["d"])
    assert d.min == pd.Timestamp("2024-01-01") and d.histogram.dates
    assert format_value(d.min) == "2024-01-01"


def test_empty_and_all_null():
    empty = sample().iloc[:0]
    s = summarize(empty)
    assert all(x.rows == 0 and x.shares() == (0.0, 0.0, 0.0) for x in s.values())
    for c in ["n", "f", "s", "t", "d"]:
        p = profile(empty[c])
        assert p.count == 0 and p.histogram.kind in ("empty", "top")
    nulls = pd.DataFrame({c: pd.Series([None] * 3, dtype=t) for c, t in
                          [("n", "Int64"), ("s", "string"), ("d", "datetime64[us]"), ("b", "boolean")]})
    for c in nulls:
        p = profile(nulls[c])
        assert p.missing == 3 and p.min is None and p.mode is None


def test_object_and_boolean_columns():
    df = pd.DataFrame({"o": pd.Series([[1], [1], {"a": 2}, None], dtype=object),
                       "b": pd.array([True, False, True, None], dtype="boolean")})
    s = summarize(df)
    assert s["o"].distribution.labels[0] == "[1]"
    p = profile(df["b"])
    assert p.mode is True and p.distinct == 2
