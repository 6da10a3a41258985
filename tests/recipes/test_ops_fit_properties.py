"""Property tests: any partitioning gives the whole-frame result (docs/architecture.md section 4).

Random frames (with missing values, leading runs, all-missing stretches) are cut at random
positions (repeated cuts make empty partitions); the engine's way (FIT_MAP statistics combined
from every partition's partial, NEIGHBOUR carries in order, then ``apply`` per partition) must
equal the whole-frame pandas run.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.runner import run_pandas
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.recipes.partitions import pieces_at, run_pieces

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ints = st.lists(st.one_of(st.none(), st.integers(-1000, 1000)), min_size=0, max_size=40)
floats = st.lists(
    st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)), min_size=0, max_size=40
)
cuts = st.lists(st.integers(0, 40), max_size=6)


def _frame(values: list[Any], dtype: str) -> pd.DataFrame:
    return pd.DataFrame({"x": pd.array(values, dtype=dtype), "k": pd.array(range(len(values)), dtype="Int64")})


def _check(op_id: str, params: dict[str, Any], frame: pd.DataFrame, cut: list[int]) -> None:
    step = Step.create(op_id, params)
    whole = run_pandas([step], frame)
    parts = run_pieces(step, pieces_at(frame, cut))
    pd.testing.assert_frame_equal(parts, whole, check_exact=False, rtol=1e-9, atol=1e-9)


FIT_CASES = [
    ("fill_with_median", {"source_column": "x"}),
    ("fill_with_average", {"source_column": "x"}),
    ("fill_with_mode", {"source_column": "x", "mode_type": "AVERAGE"}),
    ("fill_with_sum", {"source_column": "x"}),
    ("replace_with_median", {"source_column": "x"}),
    ("scale", {"source_column": "x", "strategy": "MIN_MAX"}),
    ("flag_outliers", {"source_column": "x", "outlier_strategy": "MODIFIED_Z_SCORE", "threshold": 1, "target_column": "o"}),
    ("remove_outliers", {"source_column": "x", "outlier_strategy": "IQR", "threshold": 0.5}),
]
NEIGHBOUR_CASES = [
    ("fill_with_last_valid", {"source_column": "x"}),
    ("row_number", {"target_column": "n"}),
    ("prev", {"source_column": "x", "num_rows": 3, "target_column": "p"}),
    ("rolling_sum", {"source_column": "x", "num_rows_before": 4, "target_column": "r"}),
    ("rolling_average", {"source_column": "x", "num_rows_before": 2, "target_column": "r"}),
]


@pytest.mark.parametrize(("op_id", "params"), FIT_CASES + NEIGHBOUR_CASES, ids=[c[0] for c in FIT_CASES + NEIGHBOUR_CASES])
@SETTINGS
@given(values=ints, cut=cuts)
def test_int_column_any_partitioning(op_id: str, params: dict[str, Any], values: list[Any], cut: list[int]) -> None:
    _check(op_id, params, _frame(values, "Int64"), cut)


@pytest.mark.parametrize(("op_id", "params"), FIT_CASES + NEIGHBOUR_CASES, ids=[c[0] for c in FIT_CASES + NEIGHBOUR_CASES])
@SETTINGS
@given(values=floats, cut=cuts)
def test_float_column_any_partitioning(op_id: str, params: dict[str, Any], values: list[Any], cut: list[int]) -> None:
    _check(op_id, params, _frame(values, "Float64"), cut)


@SETTINGS
@given(values=ints, cut=cuts)
def test_fill_with_average_matches_pandas_mean(values: list[Any], cut: list[int]) -> None:
    """The filled value is pandas' whole-column mean (rounded half to even for integers)."""
    frame = _frame(values, "Int64")
    out = run_pieces(Step.create("fill_with_average", {"source_column": "x"}), pieces_at(frame, cut))
    mean = frame["x"].mean()
    if pd.isna(mean):
        assert out["x"].isna().all()
    else:
        filled = out["x"].to_numpy()[frame["x"].isna().to_numpy()]
        assert all(v == round(float(mean)) for v in filled)


@SETTINGS
@given(n=st.integers(0, 50), cut=cuts)
def test_row_number_is_one_to_n(n: int, cut: list[int]) -> None:
    frame = _frame([None] * n, "Float64")
    out = run_pieces(Step.create("row_number", {"target_column": "n"}), pieces_at(frame, cut))
    assert out["n"].tolist() == list(range(1, n + 1))
    assert str(out["n"].dtype) == "Int64"


@SETTINGS
@given(values=st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "c", "é", "Z"])), max_size=30), cut=cuts)
def test_text_ops_any_partitioning(values: list[Any], cut: list[int]) -> None:
    frame = pd.DataFrame({"s": pd.array(values, dtype="string")})
    for op_id, params in [
        ("fill_with_most_frequent", {"source_column": "s"}),
        ("fill_with_mode", {"source_column": "s", "mode_type": "MAXIMUM"}),
        ("to_category", {"source_column": "s"}),
        ("one_hot_encoding", {"source_column": "s", "categories": ["a", "b", "c", "é", "Z"]}),
        ("prev", {"source_column": "s", "num_rows": 2, "target_column": "p"}),
    ]:
        step = Step.create(op_id, params)
        pd.testing.assert_frame_equal(run_pieces(step, pieces_at(frame, cut)), run_pandas([step], frame))
