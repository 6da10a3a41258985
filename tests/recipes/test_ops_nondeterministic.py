"""RANDOM, RANDOM_BETWEEN, NOW and TODAY: behaviour the golden cases cannot pin to fixed values.

DataBrew's versions are non-deterministic; Brewdesk's must give one result whatever the
partitioning. Here: ranges and bounds on many rows, seeds, partition invariance through the
golden harness's four ways, the clock read once per step and run, the DataBrew mapping (the seed
is never exported), and the exported helper sources staying identical to the functions.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from brewdesk.engine.plan import plan
from brewdesk.recipes.model import databrew, stats
from brewdesk.recipes.model.errors import RecipeFormatError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops import _nondeterministic as fc

from tests.golden.cases import GoldenCase, frame
from tests.golden.test_golden import WAYS, _engine, _run

N = 6000
BIG = frame({"a": ("int64", list(range(N)))})


def _all_ways(op_id: str, params: dict, data: pd.DataFrame) -> dict[str, pd.DataFrame]:
    case = GoldenCase("property", data, params)
    return {way: _run(op_id, case, way).reset_index(drop=True) for way in WAYS}


def _one(op_id: str, params: dict, data: pd.DataFrame = BIG) -> pd.Series:
    return run_pandas([Step.create(op_id, params)], data).reset_index(drop=True)[params["target_column"]]


# --------------------------------------------------------------------------- RANDOM
def test_random_numbers_are_uniform_in_zero_one() -> None:
    r = _one("random_number", {"target_column": "r"})
    x = r.to_numpy(dtype="float64")
    assert str(r.dtype) == "Float64" and r.notna().all()
    assert x.min() >= 0.0 and x.max() < 1.0
    assert abs(x.mean() - 0.5) < 0.02
    counts, _ = np.histogram(x, bins=10, range=(0, 1))
    assert counts.min() > N / 10 * 0.8 and counts.max() < N / 10 * 1.2
    assert len(np.unique(x)) == N


def test_seed_and_target_choose_the_numbers() -> None:
    base = _one("random_number", {"target_column": "r"})
    assert base.equals(_one("random_number", {"target_column": "r"})), "a rerun gives the same numbers"
    other_column = _one("random_number", {"target_column": "q"})
    seeded = _one("random_number", {"target_column": "r", "seed": 7})
    assert not np.allclose(base, other_column) and not np.allclose(base, seeded)
    # with a seed, the column name no longer matters
    assert seeded.equals(_one("random_number", {"target_column": "q", "seed": 7}))
    assert not seeded.equals(_one("random_number", {"target_column": "r", "seed": 8}))


def test_random_is_the_same_in_every_way_and_partitioning() -> None:
    data = frame({"a": ("int64", list(range(40)))})
    for op_id, params in (
        ("random_number", {"target_column": "r", "seed": 11}),
        ("random_between", {"lower_bound": -3, "upper_bound": 3, "target_column": "r", "seed": 5}),
    ):
        outs = _all_ways(op_id, params, data)
        first = outs["pandas"]["r"].to_numpy(dtype="float64")
        for way, out in outs.items():
            np.testing.assert_array_equal(out["r"].to_numpy(dtype="float64"), first, err_msg=f"{op_id} {way}")


def test_random_between_reaches_both_bounds_and_never_passes_them() -> None:
    r = _one("random_between", {"lower_bound": 1, "upper_bound": 6, "target_column": "r"})
    assert str(r.dtype) == "Int64"
    counts = r.value_counts().sort_index()
    assert list(counts.index) == [1, 2, 3, 4, 5, 6], "both bounds are included"
    assert counts.min() > N / 6 * 0.85 and counts.max() < N / 6 * 1.15
    neg = _one("random_between", {"lower_bound": -2, "upper_bound": 0, "target_column": "r"})
    assert set(neg) == {-2, -1, 0}


def test_random_between_decimals_stay_in_range() -> None:
    r = _one("random_between", {"lower_bound": 2.5, "upper_bound": 3.0, "target_column": "r"})
    x = r.to_numpy(dtype="float64")
    assert str(r.dtype) == "Float64"
    assert x.min() >= 2.5 and x.max() < 3.0 and x.max() > 2.99 and x.min() < 2.51


def test_seed_is_never_exported_to_databrew() -> None:
    step = Step.create("random_between", {"lower_bound": 1, "upper_bound": 100, "target_column": "r", "seed": 3})
    name, parameters = step.operation.to_databrew(step.params)
    assert (name, parameters) == ("RANDOM_BETWEEN", {"lowerBound": "1", "upperBound": "100", "targetColumn": "r"})
    step = Step.create("random_number", {"target_column": "r", "seed": 3})
    assert step.operation.to_databrew(step.params) == ("RANDOM", {"targetColumn": "r"})


def test_documented_random_examples_import() -> None:
    doc = [
        {"Action": {"Operation": "RANDOM", "Parameters": {"targetColumn": "RANDOM Column 1"}}},
        {"Action": {"Operation": "RANDOM_BETWEEN", "Parameters": {"lowerBound": "1", "targetColumn": "RB", "upperBound": "100"}}},
        {"Action": {"Operation": "RANDOM_BETWEEN", "Parameters": {"lowerBound": "0.5", "targetColumn": "RF", "upperBound": "1"}}},
    ]
    recipe = databrew.import_databrew(json.dumps(doc))
    assert [s.op for s in recipe.steps] == ["random_number", "random_between", "random_between"]
    assert recipe.steps[1].params.lower_bound == 1 and isinstance(recipe.steps[1].params.lower_bound, int)
    out = run_pandas(recipe, BIG)
    assert str(out["RB"].dtype) == "Int64" and out["RB"].between(1, 100).all()
    assert str(out["RF"].dtype) == "Float64" and out["RF"].between(0.5, 1.0).all()


# --------------------------------------------------------------------------- NOW / TODAY
def test_clock_statistic_reads_no_data_and_is_a_utc_instant() -> None:
    assert stats.partial(fc.CLOCK, pd.DataFrame()) is None
    before = pd.Timestamp.now(tz="UTC").tz_localize(None)
    t = stats.finalize(fc.CLOCK, [None, None, None])
    after = pd.Timestamp.now(tz="UTC").tz_localize(None)
    assert before <= t <= after


def test_now_is_read_once_per_step_and_run(monkeypatch: pytest.MonkeyPatch) -> None:
    readings = iter(pd.Timestamp("2030-01-01 10:00:00") + pd.Timedelta(seconds=i) for i in range(100))
    real = stats.finalize

    def counting(stat, partials):
        if stat.name == "clock":
            return next(readings)
        return real(stat, partials)

    monkeypatch.setattr(stats, "finalize", counting)
    data = frame({"a": ("int64", list(range(7)))})
    outs = _all_ways("now", {"target_column": "t", "time_zone": "Asia/Kolkata"}, data)
    for way in ("pandas", "engine-1", "engine-3", "engine-rows"):
        t = outs[way]["t"]
        assert t.nunique() == 1, f"{way}: one instant in every row"
        # 10:00:0x UTC is 15:30:0x in Kolkata; one reading per run, whatever the partitions
        assert t.iloc[0] in {pd.Timestamp("2030-01-01 15:30:00") + pd.Timedelta(seconds=i) for i in range(100)}
    assert len({outs[w]["t"].iloc[0] for w in ("pandas", "engine-1", "engine-3", "engine-rows")}) == 4, (
        "each run reads the clock once (4 runs, 4 readings)"
    )


def test_the_engine_reads_the_clock_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    ticks = iter(pd.Timestamp("2030-01-01 10:00:00") + pd.Timedelta(minutes=i) for i in range(100))
    real = stats.finalize
    monkeypatch.setattr(stats, "finalize", lambda st, parts: next(ticks) if st.name == "clock" else real(st, parts))
    steps = (
        Step.create("now", {"target_column": "t1"}),
        Step.create("fill_with_average", {"source_column": "a"}),  # this stage takes a pass
        Step.create("sort", {"expressions": [{"source_column": "a", "ordering": "DESCENDING"}]}),
        Step.create("today", {"target_column": "d", "time_zone": "Asia/Tokyo"}),  # a later stage
        Step.create("now", {"target_column": "t2"}),
    )
    data = frame({"a": ("float64", [1.0, None, 3.0, 2.0])})
    out = _engine(Recipe(steps=steps), GoldenCase("clock", data, {}), 3)
    assert set(out["t1"]) == set(out["t2"]) == {pd.Timestamp("2030-01-01 10:00:00")}
    assert set(out["d"]) == {pd.Timestamp("2030-01-01")}  # 19:00 in Tokyo
    assert list(out["a"]) == [3.0, 2.0, 2.0, 1.0]


def test_today_and_now_in_a_time_zone() -> None:
    step_now = Step.create("now", {"target_column": "n", "time_zone": "US/Pacific"})
    step_today = Step.create("today", {"target_column": "d", "time_zone": "US/Pacific"})
    fitted = {"clock": pd.Timestamp("2024-07-01 06:59:59.75")}  # 23:59:59 on June 30 in Los Angeles
    data = frame({"a": ("int64", [1, 2])})
    now = step_now.operation.apply(step_now.params, data, fitted)["n"]
    today = step_today.operation.apply(step_today.params, data, fitted)["d"]
    assert list(now) == [pd.Timestamp("2024-06-30 23:59:59")] * 2
    assert list(today) == [pd.Timestamp("2024-06-30")] * 2
    # the exported code uses a given clock reading as a literal
    code = step_today.operation.to_code(step_today.params, fitted)
    env = {"pd": pd, "np": np, "df": data.copy()}
    exec(code, env)  # noqa: S102 - exported code, as the golden harness runs it
    assert list(env["df"]["d"]) == [pd.Timestamp("2024-06-30")] * 2


def test_explain_lists_the_clock_statistic() -> None:
    recipe = Recipe(steps=(Step.create("now", {"target_column": "t"}),))
    text = plan(recipe, Schema({"a": "int64"})).explain()
    assert "clock" in text


def test_the_clock_needs_no_pass_over_the_data() -> None:
    now = Step.create("now", {"target_column": "t"})
    today = Step.create("today", {"target_column": "d"})
    alone = plan(Recipe(steps=(now, today)), Schema({"a": "float64"}))
    assert alone.passes == 1 and not alone.stages[0].needs_probe, "only the final write reads the data"
    fill = Step.create("fill_with_average", {"source_column": "a"})
    mixed = plan(Recipe(steps=(now, fill)), Schema({"a": "float64"}))
    assert mixed.passes == 2 and mixed.stages[0].needs_probe, "the average still needs its pass"


def test_documented_now_and_today_examples_import() -> None:
    doc = [
        {"RecipeAction": {"Operation": "NOW", "Parameters": {"timeZone": "US/Pacific", "targetColumn": "NOW Column 1"}}},
    ]
    (step,) = databrew.import_databrew(json.dumps(doc)).steps
    assert step.op == "now" and step.params.time_zone == "US/Pacific"
    (step,) = databrew.import_databrew(json.dumps([{"Action": {"Operation": "TODAY", "Parameters": {"targetColumn": "d"}}}])).steps
    assert step.op == "today" and step.params.time_zone == "UTC"


# --------------------------------------------------------------------------- DATE, web, aggregates
def test_documented_date_example_imports_and_time_parts_are_refused() -> None:
    params = {
        "dateTimeFormat": "mm/dd/yy",
        "dateTimeParameters": json.dumps(
            {"year": {"value": "2019"}, "month": {"value": "12"}, "day": {"value": "31"}, "hour": {}, "minute": {}, "second": {}}
        ),
        "targetColumn": "DATE Column 1",
    }
    recipe = databrew.import_databrew(json.dumps([{"Action": {"Operation": "DATE", "Parameters": params}}]))
    out = run_pandas(recipe, frame({"a": ("int64", [1])}))
    assert list(out["DATE Column 1"]) == ["12/31/19"]
    bad = json.loads(params["dateTimeParameters"]) | {"hour": {"value": "5"}}
    with pytest.raises(RecipeFormatError, match="hour part is not used by DATE"):
        databrew.import_databrew(
            json.dumps([{"Action": {"Operation": "DATE", "Parameters": {**params, "dateTimeParameters": json.dumps(bad)}}}])
        )


def test_documented_aggregate_examples_import() -> None:
    doc = [
        {"RecipeAction": {"Operation": "KTH_LARGEST", "Parameters": {"sourceColumns": '["h","w","age"]', "targetColumn": "K", "value": "2"}}},
        {"RecipeAction": {"Operation": "MODE", "Parameters": {"modeType": "MAXIMUM", "sourceColumns": '["h","w"]', "targetColumn": "M"}}},
        {"RecipeAction": {"Operation": "VARIANCE", "Parameters": {"sourceColumns": '["h","w"]', "targetColumn": "V"}}},
    ]
    recipe = databrew.import_databrew(json.dumps(doc))
    assert [s.op for s in recipe.steps] == ["row_kth_largest", "row_mode", "row_variance"]
    out = run_pandas(recipe, frame({"h": ("int64", [170, 5]), "w": ("int64", [70, 9]), "age": ("int64", [30, 9])}))
    assert list(out["K"]) == [70, 9] and list(out["M"]) == [170, 9] and list(out["V"]) == [2500.0, 4.0]


