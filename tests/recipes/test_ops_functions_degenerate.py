"""The aggregate, web, random, clock, DATE and MERGE_COLUMNS_AND_VALUES functions on degenerate
frames (zero rows, all-null columns, unicode headers, mixed and nested types), as
``test_ops_row_degenerate`` checks the other row operations: each step works (output schema =
the schema validated without data, input untouched, exported code gives the same frame) or fails
with a :class:`BrewdeskError`, never a raw pandas exception.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from brewdesk.recipes.errors import BrewdeskError
from brewdesk.recipes.recipe import Recipe, Step
from brewdesk.recipes.runner import run_pandas
from brewdesk.recipes.types import Schema
from brewdesk.recipes.validate import validate

from tests.recipes.degenerate import exported
from tests.recipes.test_ops_row_degenerate import FRAMES, OBJ, B, C, D, F, N, S, T

NUMS = [N, F, T, C]
ANYS = [N, F, S, B, D, C, T]
PARAMS: dict[str, list[dict[str, Any]]] = {
    **{
        op: [{"source_columns": NUMS, "target_column": "r"}, {"source_columns": [S], "target_column": "r"}]
        for op in ("row_average", "row_max", "row_median", "row_min", "row_standard_deviation", "row_sum", "row_variance")
    },
    "row_mode": [{"source_columns": NUMS, "target_column": "r", "mode_type": m} for m in ("MINIMUM", "AVERAGE", "NONE")],
    "row_kth_largest": [{"source_columns": NUMS, "target_column": "r", "value": 2}],
    "row_kth_largest_unique": [{"source_columns": NUMS, "target_column": "r", "value": 4}],
    "row_any": [{"source_columns": ANYS, "target_column": "r"}, {"source_columns": [N, F], "target_column": "r"}, {"source_columns": [OBJ, S], "target_column": "r"}],
    "row_count": [{"source_columns": [*ANYS, OBJ], "target_column": "r"}],
    "row_count_distinct": [{"source_columns": ANYS, "target_column": "r"}, {"source_columns": [N, F], "target_column": "r"}],
    "ip_to_int": [{"source_column": S, "target_column": "r"}, {"source_column": C, "target_column": "r"}],
    "int_to_ip": [{"source_column": N, "target_column": "r"}, {"source_column": T, "target_column": "r"}, {"source_column": F, "target_column": "r"}],
    "url_params": [{"source_column": S, "target_column": "r"}],
    "merge_columns_and_values": [{"source_columns": [S, N, D, B, C], "delimiter": "|", "target_column": "r"}],
    "date": [{"year_column": N, "month": 1, "day_column": T, "target_column": "r"}, {"year_column": T, "month_column": F, "day": 1, "target_column": "r", "date_time_format": "dd/MM/yyyy"}],
    "random_number": [{"target_column": "r"}],
    "random_between": [{"lower_bound": 1, "upper_bound": 3, "target_column": "r"}, {"lower_bound": 0.5, "upper_bound": 1.5, "target_column": "r"}],
    "now": [{"target_column": "r", "time_zone": "Europe/Paris"}],
    "today": [{"target_column": "r"}],
}
CLOCK_OPS = {"now", "today"}


def _params():
    for op_id, plist in PARAMS.items():
        for i, params in enumerate(plist):
            for name in FRAMES:
                yield pytest.param(op_id, params, name, id=f"{op_id}-{i}-{name}")


@pytest.mark.parametrize(("op_id", "params", "name"), list(_params()))
def test_degenerate(op_id: str, params: dict[str, Any], name: str) -> None:
    df = FRAMES[name]
    before = df.copy()
    step = Step.create(op_id, params)
    try:
        schema = validate(Recipe(steps=(step,)), Schema.from_frame(df))
        out = run_pandas([step], df)
    except BrewdeskError:
        return
    pd.testing.assert_frame_equal(df, before)
    assert Schema.from_frame(out) == schema
    code = exported(step, df).reset_index(drop=True)
    out = out.reset_index(drop=True)
    if op_id in CLOCK_OPS:  # the script reads the clock itself: same type and one value per frame
        assert code["r"].nunique() <= 1 and code["r"].dtype == out["r"].dtype
        code, out = code.drop(columns="r"), out.drop(columns="r")
    pd.testing.assert_frame_equal(code, out)


def test_expected_outcomes_on_the_unicode_frame() -> None:
    """A few results on the mixed frame, so the loop above cannot pass by failing everywhere."""
    df = FRAMES["unicode-mixed"]
    sums = run_pandas([Step.create("row_sum", {"source_columns": NUMS, "target_column": "r"})], df)["r"]
    # n + f + t (numeric text) + c (the category texts "é", "名", "" are no numbers)
    assert sums.tolist()[0] == 13.5 and pd.isna(sums.iloc[1])
    assert sums.tolist()[2:] == [4.25, 1e300, 1.0]
    counts = run_pandas([Step.create("row_count", {"source_columns": [*ANYS, OBJ], "target_column": "r"})], df)["r"]
    assert list(counts) == [8, 1, 6, 8, 6]
