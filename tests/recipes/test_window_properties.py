"""Property tests of the window functions: any partitioning gives the whole-frame result.

Random columns (missing values, runs of them, empty pieces from repeated cuts) are run the
engine's way (forward carry from the earlier pieces, backward carry from the later ones, then
``apply`` per piece) and must equal the whole-frame pandas run; a brute-force window
computation checks the statistics themselves.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from typing import Any

import pandas as pd
import pytest
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.runner import run_pandas
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.recipes.partitions import pieces_at, run_pieces

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ints = st.lists(st.one_of(st.none(), st.integers(-20, 20)), max_size=30)
floats = st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)), max_size=30)
cuts = st.lists(st.integers(0, 30), max_size=6)
before = st.integers(0, 4)
after = st.integers(0, 4)

WINDOW_OPS = [
    ("rolling_average", {}),
    ("rolling_sum", {}),
    ("rolling_max", {}),
    ("rolling_min", {}),
    ("rolling_count_a", {}),
    ("rolling_standard_deviation", {}),
    ("rolling_variance", {}),
    ("rolling_mode", {"mode_type": "AVERAGE"}),
    ("rolling_mode", {"mode_type": "NONE"}),
    ("rolling_kth_largest", {"value": 2}),
    ("rolling_kth_largest_unique", {"value": 2}),
    ("fill", {}),
]


def _step(op_id: str, extra: dict[str, Any], b: int, a: int) -> Step:
    return Step.create(
        op_id, {"source_column": "x", "num_rows_before": b, "num_rows_after": a, "target_column": "r", **extra}
    )


def _same(step: Step, frame: pd.DataFrame, cut: list[int]) -> pd.DataFrame:
    whole = run_pandas([step], frame)
    parts = run_pieces(step, pieces_at(frame, cut))
    pd.testing.assert_frame_equal(parts, whole, check_exact=False, rtol=1e-9, atol=1e-6)
    return whole


@pytest.mark.parametrize(("op_id", "extra"), WINDOW_OPS, ids=[f"{o}-{i}" for i, (o, _) in enumerate(WINDOW_OPS)])
@SETTINGS
@given(values=ints, cut=cuts, b=before, a=after)
def test_int_windows_any_partitioning(op_id, extra, values, cut, b, a):
    _same(_step(op_id, extra, b, a), pd.DataFrame({"x": pd.array(values, dtype="Int64")}), cut)


@pytest.mark.parametrize(("op_id", "extra"), WINDOW_OPS, ids=[f"{o}-{i}" for i, (o, _) in enumerate(WINDOW_OPS)])
@SETTINGS
@given(values=floats, cut=cuts, b=before, a=after)
def test_float_windows_any_partitioning(op_id, extra, values, cut, b, a):
    _same(_step(op_id, extra, b, a), pd.DataFrame({"x": pd.array(values, dtype="Float64")}), cut)


def _brute(values: list[Any], b: int, a: int, how: str) -> list[Any]:
    out: list[Any] = []
    for i in range(len(values)):
        w = [v for v in values[max(0, i - b) : i + a + 1] if v is not None]
        if how == "count":
            out.append(len(w))
        elif not w:
            out.append(None)
        elif how == "std":
            out.append(math.sqrt(statistics.pvariance(w)))
        elif how == "kth2":
            s = sorted(w, reverse=True)
            out.append(s[1] if len(s) > 1 else None)
        elif how == "kth2u":
            s = sorted(set(w), reverse=True)
            out.append(s[1] if len(s) > 1 else None)
        elif how == "mode_max":
            c = Counter(w)
            out.append(max(v for v, k in c.items() if k == max(c.values())))
        else:
            out.append({"max": max, "min": min, "sum": sum}[how](w))
    return out


@pytest.mark.parametrize(
    ("op_id", "extra", "how"),
    [
        ("rolling_max", {}, "max"),
        ("rolling_min", {}, "min"),
        ("rolling_sum", {}, "sum"),
        ("rolling_count_a", {}, "count"),
        ("rolling_standard_deviation", {}, "std"),
        ("rolling_kth_largest", {"value": 2}, "kth2"),
        ("rolling_kth_largest_unique", {"value": 2}, "kth2u"),
        ("rolling_mode", {"mode_type": "MAXIMUM"}, "mode_max"),
    ],
)
@SETTINGS
@given(values=ints, cut=cuts, b=before, a=after)
def test_windows_match_brute_force(op_id, extra, how, values, cut, b, a):
    got = _same(_step(op_id, extra, b, a), pd.DataFrame({"x": pd.array(values, dtype="Int64")}), cut)["r"]
    want = _brute(values, b, a, how)
    assert [None if pd.isna(v) else pytest.approx(v) for v in got] == want


@SETTINGS
@given(values=st.lists(st.one_of(st.none(), st.sampled_from(["1", "2.5", "x", "", " ", "abc"])), max_size=30), cut=cuts)
def test_replace_with_last_valid_any_partitioning(values, cut):
    frame = pd.DataFrame({"x": pd.array(values, dtype="string")})
    step = Step.create("replace_with_last_valid", {"source_column": "x"})
    pd.testing.assert_frame_equal(run_pieces(step, pieces_at(frame, cut)), run_pandas([step], frame))


@SETTINGS
@given(values=ints, cut=cuts, period=st.integers(1, 5))
def test_replace_with_rolling_any_partitioning(values, cut, period):
    frame = pd.DataFrame({"x": pd.array(values, dtype="Int64")})
    for op_id in ("replace_with_rolling_average", "replace_with_rolling_sum"):
        step = Step.create(op_id, {"source_column": "x", "period": period})
        pd.testing.assert_frame_equal(run_pieces(step, pieces_at(frame, cut)), run_pandas([step], frame))


@SETTINGS
@given(values=ints, cut=cuts, rows=st.integers(1, 5))
def test_next_and_prev_any_partitioning(values, cut, rows):
    frame = pd.DataFrame({"x": pd.array(values, dtype="Int64")})
    for op_id, shift in (("next", -rows), ("prev", rows)):
        step = Step.create(op_id, {"source_column": "x", "num_rows": rows, "target_column": "r"})
        out = run_pieces(step, pieces_at(frame, cut))
        pd.testing.assert_series_equal(out["r"].reset_index(drop=True), frame["x"].shift(shift), check_names=False)
