"""SESSION through the engine's GLOBAL primitive equals the whole-frame pandas run, whatever the
partitioning (a group spread over every partition, empty partitions, missing times and keys)."""

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

BASE = pd.Timestamp("2024-01-01")


@st.composite
def frames_and_cuts(draw):
    n = draw(st.integers(0, 30))
    minutes = [draw(st.one_of(st.none(), st.integers(0, 240))) for _ in range(n)]
    df = canonical_frame(
        pd.DataFrame(
            {
                "u": pd.array([draw(st.sampled_from(["a", "b", None])) for _ in range(n)], dtype="string"),
                "t": pd.Series([None if m is None else BASE + pd.Timedelta(minutes=m) for m in minutes], dtype="datetime64[us]"),
                "k": pd.array([draw(st.integers(0, 3)) for _ in range(n)], dtype="Int64"),
            }
        )
    )
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=5)))
    return df, cuts


def _engine(recipe: Recipe, df: pd.DataFrame, cuts: list[int]) -> pd.DataFrame:
    full = df.assign(**{ROWID: np.arange(len(df), dtype="int64")})
    bounds = [0, *cuts, len(df)]
    pieces = [full.iloc[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    ddf = dd.from_delayed([dask.delayed(p) for p in pieces], meta=full.iloc[:0], verify_meta=False)
    pl = plan(recipe, Schema.from_frame(df))
    ex = Executor(pl, compute=lambda *a: dask.compute(*a, scheduler="sync"))
    return ex.build(ddf).compute(scheduler="sync")


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=frames_and_cuts(),
    group=st.sampled_from([[], ["u"], ["u", "k"]]),
    order=st.sampled_from([[], ["t"], ["k", "t"]]),
    gap=st.integers(1, 90),
)
def test_session_engine_equals_pandas(data, group, order, gap):
    df, cuts = data
    step = Step.create(
        "session",
        {"source_column": "t", "units": "MINUTES", "value": gap, "group_by_columns": group,
         "order_by_columns": order, "target_column": "sid"},
    )
    recipe = Recipe(steps=(step,))
    expected = run_pandas(recipe, df).reset_index(drop=True)
    got = _engine(recipe, df, cuts).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected)


def test_sessions_follow_the_gap_within_each_group():
    """Independent check: per group, sorted by time, a new session where the gap >= value."""
    rng = np.random.default_rng(3)
    n = 200
    df = canonical_frame(
        pd.DataFrame(
            {
                "u": pd.array(rng.choice(["a", "b", "c"], n), dtype="string"),
                "t": pd.Series(BASE + pd.to_timedelta(rng.integers(0, 5000, n), unit="min"), dtype="datetime64[us]"),
            }
        )
    )
    step = Step.create(
        "session",
        {"source_column": "t", "units": "HOURS", "value": 1, "group_by_columns": ["u"], "order_by_columns": ["t"],
         "target_column": "sid"},
    )
    got = _engine(Recipe(steps=(step,)), df, [50, 50, 120]).reset_index(drop=True)
    for _, g in got.groupby("u"):
        g = g.sort_values("t", kind="stable")
        gaps = g["t"].diff()
        want = (gaps.isna() | (gaps >= pd.Timedelta(hours=1))).cumsum()
        assert g["sid"].tolist() == want.tolist()
