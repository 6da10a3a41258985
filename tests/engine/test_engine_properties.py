"""Property tests: the engine on random frames and random partitionings equals pandas.

Covers the whole-dataset operations (docs/architecture.md section 4): median fill, dedupe, sort, group by
and fill with last valid value, alone and chained.
"""

from __future__ import annotations

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from brewdesk.engine.execute import Executor
from brewdesk.engine.plan import plan
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import ROWID, Schema, canonical_frame
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

KEYS = st.sampled_from(["a", "b", "c", None])
NUMS = st.one_of(st.none(), st.integers(-5, 5))


@st.composite
def frames_and_cuts(draw):
    n = draw(st.integers(0, 30))
    df = canonical_frame(
        pd.DataFrame(
            {
                "k": pd.array([draw(KEYS) for _ in range(n)], dtype="string"),
                "x": pd.array([draw(NUMS) for _ in range(n)], dtype="Float64"),
                "y": pd.array([draw(NUMS) for _ in range(n)], dtype="Int64"),
            }
        )
    )
    cuts = sorted(set(draw(st.lists(st.integers(1, max(n - 1, 1)), max_size=5)))) if n > 1 else []
    return df, cuts


def _engine(recipe: Recipe, df: pd.DataFrame, cuts: list[int]) -> pd.DataFrame:
    full = df.assign(**{ROWID: np.arange(len(df), dtype="int64")})
    bounds = [0, *cuts, len(df)]
    pieces = [full.iloc[a:b] for a, b in zip(bounds, bounds[1:], strict=False)] or [full]
    ddf = dd.from_delayed([dask.delayed(p) for p in pieces], meta=full.iloc[:0], verify_meta=False)
    pl = plan(recipe, Schema.from_frame(df))
    ex = Executor(pl, compute=lambda *a: dask.compute(*a, scheduler="sync"))
    return ex.build(ddf).compute(scheduler="sync")


STEPS = {
    "median": Step.create("fill_with_median", {"source_column": "x"}),
    "last_valid": Step.create("fill_with_last_valid", {"source_column": "y"}),
    "dedupe": Step.create("remove_duplicates", {}),
    "dedupe_k": Step.create("remove_duplicates", {"source_columns": ["k"]}),
    "sort": Step.create(
        "sort",
        {"expressions": [{"source_column": "k", "ordering": "DESCENDING"}, {"source_column": "x", "nulls_ordering": "NULLS_TOP"}]},
    ),
    "group": Step.create(
        "group_by",
        {
            "source_columns": ["k"],
            "aggregates": [
                {"function_name": "COUNT", "target_column_name": "n"},
                {"source_column_name": "x", "function_name": "MEDIAN", "target_column_name": "med"},
                {"source_column_name": "y", "function_name": "SUM", "target_column_name": "s"},
                {"source_column_name": "x", "function_name": "STANDARD_DEVIATION", "target_column_name": "sd"},
            ],
        },
    ),
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=frames_and_cuts(), names=st.lists(st.sampled_from(sorted(STEPS)), min_size=1, max_size=3))
def test_engine_equals_pandas(data, names):
    df, cuts = data
    if "group" in names:
        names = [n for n in names if n != "group"] + ["group"]  # group changes the columns
    recipe = Recipe(steps=tuple(STEPS[n] for n in names))
    expected = run_pandas(recipe, df).reset_index(drop=True)
    got = _engine(recipe, df, cuts).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected, check_exact=False)
