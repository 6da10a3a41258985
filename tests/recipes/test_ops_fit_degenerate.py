"""Degenerate frames for the FIT_MAP and NEIGHBOUR operations (DESIGN.md section 8).

Zero rows, all-missing columns, unicode headers and mixed-type (object) columns: every operation
either works (and then its output matches its declared schema, also over empty partitions and in
the exported code) or raises a BrewdeskError, never a raw pandas exception.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes.errors import BrewdeskError
from brewdesk.recipes.recipe import Recipe, Step
from brewdesk.recipes.runner import run_pandas
from brewdesk.recipes.types import Schema
from brewdesk.recipes.validate import validate

from tests.recipes.test_ops_fit_harness import FIT_OPS, pieces_at, run_code, run_pieces

NUM = "größe ü 列"
TEXT = "名前 🍺"


def params_for(op_id: str, num: str = NUM, text: str = TEXT) -> dict[str, Any]:
    """Parameters of each operation over a numeric column ``num`` and a text column ``text``."""
    return {
        "fill_with_average": {"source_column": num},
        "fill_with_mode": {"source_column": num, "mode_type": "AVERAGE"},
        "fill_with_most_frequent": {"source_column": text},
        "fill_with_sum": {"source_column": num},
        "replace_with_average": {"source_column": num},
        "replace_with_median": {"source_column": num},
        "one_hot_encoding": {"source_column": text, "categories": ["a", "ß"]},
        "to_category": {"source_column": text},
        "scale": {"source_column": num, "strategy": "Z_SCORE"},
        "flag_outliers": {"source_column": num, "outlier_strategy": "MODIFIED_Z_SCORE", "target_column": "flag ✓"},
        "remove_outliers": {"source_column": num, "outlier_strategy": "IQR"},
        "row_number": {"target_column": "nº"},
        "prev": {"source_column": text, "num_rows": 2, "target_column": "prev ←"},
        "rolling_average": {"source_column": num, "num_rows_before": 2, "target_column": "avg ∅"},
        "rolling_sum": {"source_column": num, "num_rows_before": 2, "target_column": "sum ∑"},
    }[op_id]


def frame(n: int, *, num: list[Any] | None = None, text: list[Any] | None = None) -> pd.DataFrame:
    return pd.DataFrame({
        NUM: pd.array(num if num is not None else [None] * n, dtype="Int64"),
        TEXT: pd.array(text if text is not None else [None] * n, dtype="string"),
        "f": pd.array([None] * n, dtype="Float64"),
    })


def works_or_brewdesk_error(op_id: str, params: dict[str, Any], df: pd.DataFrame) -> pd.DataFrame | None:
    """Run the step every way; return the output, or ``None`` when it raised a BrewdeskError."""
    try:
        step = Step.create(op_id, params)
        schema = validate(Recipe(steps=(step,)), Schema.from_frame(df))
        out = run_pandas([step], df)
    except BrewdeskError:
        return None
    assert isinstance(out, pd.DataFrame)
    assert Schema.from_frame(out) == schema
    for cut in ([], [0, 0], [len(df) // 2, len(df) // 2]):
        parts = run_pieces(step, pieces_at(df, cut))
        pd.testing.assert_frame_equal(parts, out)
    code = run_code(step, df)
    assert list(code.columns) == list(out.columns)
    assert len(code) == len(out)
    return out


@pytest.mark.parametrize("op_id", FIT_OPS)
def test_zero_rows(op_id: str) -> None:
    out = works_or_brewdesk_error(op_id, params_for(op_id), frame(0))
    assert out is not None, f"{op_id} should work on zero rows"
    assert len(out) == 0


@pytest.mark.parametrize("op_id", FIT_OPS)
def test_all_missing_columns(op_id: str) -> None:
    out = works_or_brewdesk_error(op_id, params_for(op_id), frame(7))
    assert out is not None, f"{op_id} should work on all-missing columns"
    assert len(out) == 7
    assert out[NUM].isna().all() and out[TEXT].isna().all()


@pytest.mark.parametrize("op_id", FIT_OPS)
def test_unicode_headers_with_values(op_id: str) -> None:
    df = frame(6, num=[None, 3, 1, 3, None, 200], text=["ß", None, "a", "ß", "a", None])
    out = works_or_brewdesk_error(op_id, params_for(op_id), df)
    assert out is not None, f"{op_id} should work with unicode headers"


@pytest.mark.parametrize("op_id", FIT_OPS)
def test_mixed_type_object_column(op_id: str) -> None:
    """An ``object`` column holding numbers and text is refused with a Brewdesk error (or,
    for steps that do not read it, passed through)."""
    df = pd.DataFrame({
        "mixed": pd.Series([1, "two", 3.5, None, {"a": 1}, [1]], dtype="object"),
        "n": pd.array([1, 2, None, 4, 5, 6], dtype="Int64"),
    })
    params = params_for(op_id, num="mixed", text="mixed")
    try:
        out = run_pandas([Step.create(op_id, params)], df)
    except BrewdeskError as e:
        assert "mixed" in str(e)
    else:
        assert op_id == "row_number", f"{op_id} accepted an object column"
        assert out["mixed"].tolist()[:3] == [1, "two", 3.5]


@pytest.mark.parametrize("op_id", [o for o in FIT_OPS if o != "row_number"])  # row_number reads no column
def test_missing_column_is_a_brewdesk_error(op_id: str) -> None:
    with pytest.raises(BrewdeskError, match=re.escape("does not exist")):
        run_pandas([Step.create(op_id, params_for(op_id, num="nope", text="nope"))], frame(3))


def test_large_frame_is_vectorised() -> None:
    """A million rows through every operation in well under a minute (no Python row loops)."""
    import time

    rng = np.random.default_rng(0)
    n = 1_000_000
    vals = rng.integers(0, 1000, n).astype("float64")
    vals[rng.random(n) < 0.1] = np.nan
    df = pd.DataFrame({
        NUM: pd.array(vals, dtype="Float64").astype("Int64"),
        TEXT: pd.array(rng.choice(["a", "ß", None], n), dtype="string"),
    })
    t0 = time.perf_counter()
    for op_id in FIT_OPS:
        run_pandas([Step.create(op_id, params_for(op_id))], df)
    assert time.perf_counter() - t0 < 60
