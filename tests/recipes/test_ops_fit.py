"""Special cases of the FIT_MAP and NEIGHBOUR operations.

Their golden cases run in ``tests/golden/test_golden.py`` (with a ``pieces`` way: the engine's
protocol over pandas pieces with empty ones between) and their contract on degenerate frames in
``tests/recipes/test_contract.py``; here: statistics of nothing stay missing, a mixed-type column
is refused by name, and a million rows run vectorised.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.runner import run_pandas

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


FIT_OPS = [
    "fill_with_average", "fill_with_mode", "fill_with_most_frequent", "fill_with_sum", "replace_with_average",
    "replace_with_median", "one_hot_encoding", "to_category", "scale", "flag_outliers", "remove_outliers",
    "row_number", "prev", "rolling_average", "rolling_sum",
]


def frame(n: int, *, num: list[Any] | None = None, text: list[Any] | None = None) -> pd.DataFrame:
    return pd.DataFrame({
        NUM: pd.array(num if num is not None else [None] * n, dtype="Int64"),
        TEXT: pd.array(text if text is not None else [None] * n, dtype="string"),
        "f": pd.array([None] * n, dtype="Float64"),
    })


@pytest.mark.parametrize("op_id", FIT_OPS)
def test_statistics_of_all_missing_columns_are_missing(op_id: str) -> None:
    """Filling or replacing with a statistic of nothing leaves the column missing."""
    out = run_pandas([Step.create(op_id, params_for(op_id))], frame(7))
    assert len(out) == 7
    assert out[NUM].isna().all() and out[TEXT].isna().all()


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


def test_large_frame_is_vectorised() -> None:
    """A million rows through every operation in well under a minute (no Python row loops)."""
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
