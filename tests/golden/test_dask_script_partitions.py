"""A many-step recipe exported as a Dask script gives the engine's output on many partitions.

The golden cases are small; here 2,400 rows with missing values, duplicates and ties are split
into 9 Parquet files (one empty), so whole-dataset statistics, carries across partitions, the
range-partitioned sort, the dedupe and the group by all cross partition boundaries.
"""

from __future__ import annotations

from pathlib import Path

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from brewdesk.engine import export_code
from brewdesk.recipes.model.recipe import MAIN, Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import Schema, canonical_frame

ROWS = 2400


def _input() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = ROWS
    value = pd.array(rng.integers(0, 50, n), dtype="Int64")
    value[rng.random(n) < 0.2] = pd.NA
    city = pd.array(rng.choice(["oslo", "rome", "lima", "kobe"], n), dtype="string")
    city[rng.random(n) < 0.1] = pd.NA
    score = pd.array(rng.normal(10, 3, n).round(1), dtype="Float64")
    score[rng.random(n) < 0.15] = pd.NA
    return canonical_frame(pd.DataFrame({"city": city, "value": value, "score": score}))


STEPS = [
    ("fill_with_last_valid", {"source_column": "city"}),
    ("fill_with_median", {"source_column": "value"}),
    ("scale", {"source_column": "score", "target_column": "z"}),
    ("prev", {"source_column": "value", "num_rows": 2, "target_column": "value_2_above"}),
    ("rolling_average", {"source_column": "score", "num_rows_before": 3, "target_column": "avg4"}),
    ("remove_duplicates", {"source_columns": ["city", "value"]}),
    (
        "sort",
        {
            "expressions": [
                {"source_column": "city", "ordering": "DESCENDING"},
                {"source_column": "value"},
            ]
        },
    ),
    ("row_number", {"target_column": "n"}),
]


def _write(frame: pd.DataFrame, folder: Path, parts: int) -> None:
    folder.mkdir()
    table = pa.Table.from_pandas(frame, preserve_index=False)
    bounds = [0, 0, *np.linspace(0, len(frame), parts).astype(int)[1:]]  # the first file is empty
    for i in range(parts):
        pq.write_table(
            table.slice(bounds[i], bounds[i + 1] - bounds[i]), folder / f"part.{i}.parquet"
        )


@pytest.mark.parametrize(
    "group",
    [
        None,
        {
            "source_columns": ["city"],
            "aggregates": [
                {
                    "source_column_name": "value",
                    "function_name": "MEDIAN",
                    "target_column_name": "med",
                },
                {
                    "source_column_name": None,
                    "function_name": "COUNT",
                    "target_column_name": "rows",
                },
                {
                    "source_column_name": "score",
                    "function_name": "SUM",
                    "target_column_name": "total",
                },
            ],
        },
    ],
    ids=["row-steps", "then-group-by"],
)
def test_dask_script_equals_the_pandas_run_on_many_partitions(tmp_path, group):
    frame = _input()
    steps = [Step.create(op, params) for op, params in STEPS]
    if group is not None:
        steps.append(Step.create("group_by", group))
    recipe = Recipe(steps=tuple(steps), inputs={MAIN: None})
    _write(frame, tmp_path / "input", parts=9)
    out = tmp_path / "output"
    text = export_code.script(
        recipe,
        source=str(tmp_path / "input"),
        destination=str(out),
        engine="dask",
        schema=Schema.from_frame(frame),
    )
    with dask.config.set(scheduler="sync"):
        exec(compile(text, "<exported dask script>", "exec"), {"__name__": "__main__"})  # noqa: S102
        got = dd.read_parquet(str(out)).compute()
    want = run_pandas(recipe, frame)
    got = canonical_frame(got.reset_index(drop=True))
    want = want.reset_index(drop=True)
    assert len(want) == len(got) and len(got) > 0
    pd.testing.assert_frame_equal(got, want, check_dtype=False, check_exact=False)
