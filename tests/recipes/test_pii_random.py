"""The reproducible random values of REPLACE_WITH_RANDOM_BETWEEN / _DATE_BETWEEN (and SHUFFLE_ROWS)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from brewdesk.recipes.model.databrew import export_databrew, import_databrew
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.ops._pii_random import _bp_below, _bp_random, _bp_uniform

N = 20_000


def _frame(n: int = N) -> pd.DataFrame:
    return pd.DataFrame(
        {"a": pd.array(np.arange(n), dtype="Int64"), "b": pd.array(np.arange(n), dtype="Int64")}
    )


def test_generator_is_uniform_and_depends_on_every_input() -> None:
    ids = np.arange(N, dtype="int64")
    u = _bp_uniform(ids, 0, 1)
    assert u.min() >= 0 and u.max() < 1
    counts = np.bincount((u * 10).astype(int), minlength=10)
    chi2 = float(((counts - N / 10) ** 2 / (N / 10)).sum())
    assert chi2 < 40, counts  # 9 degrees of freedom: p < 1e-5 for a fair generator
    assert len(np.unique(_bp_random(ids, 0, 1))) == N
    base = _bp_random(ids, 0, 1)
    for other in (_bp_random(ids, 1, 1), _bp_random(ids, 0, 2), _bp_random(ids + 1, 0, 1)):
        assert (other != base).mean() > 0.999
    # seed s at row r is not seed s+1 at row r-1 (the seed is mixed, not added)
    assert not np.array_equal(_bp_random(ids[1:], 0, 1), _bp_random(ids[:-1], 1, 1))
    assert np.array_equal(_bp_random(ids, 7, 3), _bp_random(ids, 7, 3))
    assert set(np.unique(_bp_below(ids, 0, 1, 3))) == {0, 1, 2}


def test_whole_bounds_reach_both_ends_and_columns_differ() -> None:
    step = Step.create(
        "replace_with_random_between",
        {"source_columns": ["a", "b"], "lower_bound": -2, "upper_bound": 2},
    )
    out = run_pandas([step], _frame())
    assert str(out["a"].dtype) == "Int64"
    assert set(out["a"].unique()) == {-2, -1, 0, 1, 2}
    assert (out["a"] != out["b"]).mean() > 0.7


def test_seed_gives_other_values_and_is_reproducible() -> None:
    params = {"source_columns": ["a"], "lower_bound": 0.0, "upper_bound": 1.0}
    first = run_pandas([Step.create("replace_with_random_between", params)], _frame(100))
    again = run_pandas(
        [Step.create("replace_with_random_between", {**params, "seed": 0})], _frame(100)
    )
    other = run_pandas(
        [Step.create("replace_with_random_between", {**params, "seed": 99})], _frame(100)
    )
    pd.testing.assert_series_equal(first["a"], again["a"])
    assert (first["a"] != other["a"]).all()
    assert ((other["a"] >= 0) & (other["a"] < 1)).all()


def test_dates_stay_in_range_in_whole_seconds() -> None:
    step = Step.create(
        "replace_with_random_date_between",
        {
            "source_columns": ["a"],
            "start_date": "2020-12-12 12:12:12",
            "end_date": "2020-12-12 12:12:14",
            "seed": 5,
        },
    )
    out = run_pandas([step], _frame(300))["a"]
    assert str(out.dtype) == "datetime64[us]"
    assert set(out.dt.strftime("%H:%M:%S")) == {"12:12:12", "12:12:13", "12:12:14"}


def test_seed_is_not_exported_to_databrew() -> None:
    params = {"source_columns": ["a"], "lower_bound": 1, "upper_bound": 100, "seed": 42}
    recipe = Recipe(steps=(Step.create("replace_with_random_between", params),))
    [exported] = export_databrew(recipe)
    assert exported["Action"]["Parameters"] == {
        "sourceColumns": '["a"]',
        "lowerBound": "1",
        "upperBound": "100",
    }
    exported["Action"]["Parameters"]["seed"] = "42"  # a hand-edited DataBrew recipe: ignored
    back = import_databrew([exported])
    assert back.steps[0].params.seed is None and back.steps[0].params.lower_bound == 1
