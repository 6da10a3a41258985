"""The NEIGHBOUR backward carry: steps that read rows below the current one (NEXT, centred windows).

Property tests run the Dask engine on random frames cut into random partitions (empty ones
included) and compare with the whole-frame pandas run; unit tests pin the carry fold itself.
"""

from __future__ import annotations

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from brewdesk.engine.execute import Executor
from brewdesk.engine.plan import plan
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import ROWID, Schema, canonical_frame
from brewdesk.recipes.ops._window_common import carry_head, head
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NUMS = st.one_of(st.none(), st.integers(-5, 5))
TEXT = st.one_of(st.none(), st.sampled_from(["a", "b", "", "c"]))


@st.composite
def frames_and_cuts(draw):
    n = draw(st.integers(0, 25))
    df = canonical_frame(
        pd.DataFrame(
            {
                "x": pd.array([draw(NUMS) for _ in range(n)], dtype="Float64"),
                "y": pd.array([draw(NUMS) for _ in range(n)], dtype="Int64"),
                "s": pd.array([draw(TEXT) for _ in range(n)], dtype="string"),
            }
        )
    )
    # repeated cuts make empty partitions, which must pass the carries through
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=6)))
    return df, cuts


def _engine(recipe: Recipe, df: pd.DataFrame, cuts: list[int]) -> pd.DataFrame:
    full = df.assign(**{ROWID: np.arange(len(df), dtype="int64")})
    bounds = [0, *cuts, len(df)]
    pieces = [full.iloc[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    ddf = dd.from_delayed([dask.delayed(p) for p in pieces], meta=full.iloc[:0], verify_meta=False)
    pl = plan(recipe, Schema.from_frame(df))
    ex = Executor(pl, compute=lambda *a: dask.compute(*a, scheduler="sync"))
    return ex.build(ddf).compute(scheduler="sync")


def _window(op: str, before: int, after: int, column: str = "x", **extra) -> Step:
    params = {"source_column": column, "num_rows_before": before, "num_rows_after": after, "target_column": "r"}
    return Step.create(op, {**params, **extra})


STEPS = {
    "next_1": Step.create("next", {"source_column": "y", "num_rows": 1, "target_column": "n1"}),
    "next_3_text": Step.create("next", {"source_column": "s", "num_rows": 3, "target_column": "n3"}),
    "centred_avg": _window("rolling_average", 2, 2),
    "below_sum": _window("rolling_sum", 0, 3, "y"),
    "centred_max": _window("rolling_max", 1, 4, "y"),
    "centred_std": _window("rolling_standard_deviation", 3, 1),
    "centred_mode": _window("rolling_mode", 2, 2, "y", mode_type="AVERAGE"),
    "kth_unique": _window("rolling_kth_largest_unique", 2, 3, "y", value=2),
    "count_text": _window("rolling_count_a", 1, 2, "s"),
    "fill_text": _window("fill", 1, 2, "s"),
    "prev": Step.create("prev", {"source_column": "x", "num_rows": 2, "target_column": "p"}),
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=frames_and_cuts(), names=st.lists(st.sampled_from(sorted(STEPS)), min_size=1, max_size=3, unique=True))
def test_engine_equals_pandas_on_any_partitioning(data, names):
    df, cuts = data
    # each step writes its own column
    steps = [Step.create(STEPS[n].op, {**STEPS[n].params.model_dump(), "target_column": f"{n}_out"}) for n in names]
    recipe = Recipe(steps=tuple(steps))
    expected = run_pandas(recipe, df).reset_index(drop=True)
    got = _engine(recipe, df, cuts).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-9, atol=1e-9)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=frames_and_cuts(), rows=st.integers(1, 6))
def test_next_is_shift_up(data, rows):
    """NEXT equals pandas' shift(-n) of the whole column, whatever the partitioning."""
    df, cuts = data
    step = Step.create("next", {"source_column": "y", "num_rows": rows, "target_column": "n"})
    got = _engine(Recipe(steps=(step,)), df, cuts).reset_index(drop=True)
    pd.testing.assert_series_equal(got["n"], df["y"].shift(-rows), check_names=False)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=frames_and_cuts(), before=st.integers(0, 4), after=st.integers(0, 4))
def test_centred_rolling_sum_matches_pandas_centred_window(data, before, after):
    """A centred ROLLING_SUM equals a pandas rolling sum over the same rows (missing skipped)."""
    df, cuts = data
    got = _engine(Recipe(steps=(_window("rolling_sum", before, after, "x"),)), df, cuts)["r"].reset_index(drop=True)
    x = pd.Series(df["x"].to_numpy(dtype="float64", na_value=np.nan))
    padded = pd.concat([x, pd.Series([np.nan] * after)], ignore_index=True)
    want = padded.rolling(before + after + 1, min_periods=1).sum().iloc[after:].reset_index(drop=True)
    pd.testing.assert_series_equal(got.astype("float64"), want, check_names=False)


def test_carry_head_passes_later_values_through_short_partitions():
    later = pd.Series([7, 8], dtype="Int64")
    empty = pd.Series([], dtype="Int64")
    assert carry_head(None, later, 3).tolist() == [7, 8]
    assert carry_head(later, empty, 3).tolist() == [7, 8]
    assert carry_head(later, pd.Series([5], dtype="Int64"), 3).tolist() == [5, 7, 8]
    assert carry_head(later, pd.Series([1, 2, 3, 4], dtype="Int64"), 3).tolist() == [1, 2, 3]
    assert head(pd.Series([1, 2], dtype="Int64"), 0).tolist() == []


def test_executor_folds_backward_from_the_last_partition():
    df = canonical_frame(pd.DataFrame({"y": pd.array([1, 2, 3, 4, 5], dtype="Int64")}))
    step = Step.create("next", {"source_column": "y", "num_rows": 2, "target_column": "n"})
    pl = plan(Recipe(steps=(step,)), Schema.from_frame(df))
    ex = Executor(pl, compute=lambda *a: dask.compute(*a, scheduler="sync"))
    results = [{step.id: None, f"{step.id}/back": pd.Series(v, dtype="Int64")} for v in ([1, 2], [], [3], [4, 5])]
    _, carries = ex._finish_probe(pl.stages[0], results)
    back = [None if c is None else c.tolist() for c in carries[f"{step.id}/back"]]
    assert back == [[3, 4], [3, 4], [4, 5], None]
    assert carries[step.id] == [None] * 4  # NEXT needs nothing from above


def test_steps_without_rows_below_get_no_backward_carry():
    df = canonical_frame(pd.DataFrame({"x": pd.array([1.0, None, 3.0], dtype="Float64")}))
    step = _window("rolling_sum", 2, 0)
    pl = plan(Recipe(steps=(step,)), Schema.from_frame(df))
    ex = Executor(pl, compute=lambda *a: dask.compute(*a, scheduler="sync"))
    _, carries = ex._finish_probe(pl.stages[0], [{step.id: pd.Series([1.0])}])
    assert set(carries) == {step.id}
    assert "carry back" not in pl.explain()


def test_explain_names_the_backward_carry():
    df = canonical_frame(pd.DataFrame({"x": pd.array([1.0, None, 3.0], dtype="Float64")}))
    step = _window("rolling_average", 1, 1)
    text = plan(Recipe(steps=(step,)), Schema.from_frame(df)).explain()
    assert f"carry back: the first 1 value(s) of x from the partitions below, for step {step.id}" in text
    assert f"carry: the last 1 value(s) of x from the partitions above, for step {step.id}" in text


@pytest.mark.parametrize("nparts", [1, 2, 5, 9])
def test_one_value_crosses_many_empty_and_null_partitions(nparts):
    """The only value, in the last row, reaches the first row through every partition."""
    n = 9
    df = canonical_frame(pd.DataFrame({"y": pd.array([None] * (n - 1) + [42], dtype="Int64")}))
    full = df.assign(**{ROWID: np.arange(n, dtype="int64")})
    ddf = dd.from_pandas(full, npartitions=nparts, sort=False)
    step = _window("rolling_max", 0, n - 1, "y")
    pl = plan(Recipe(steps=(step,)), Schema.from_frame(df))
    out = Executor(pl, compute=lambda *a: dask.compute(*a, scheduler="sync")).build(ddf).compute(scheduler="sync")
    assert out["r"].tolist() == [42] * n
