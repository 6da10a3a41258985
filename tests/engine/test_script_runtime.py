"""The Dask runtime of exported scripts, called directly (engine/script_runtime.py), and the copy
of its source into scripts (recipes/export/source.py)."""

from __future__ import annotations

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from brewdesk.engine import export_dask
from brewdesk.engine import script_runtime as rt
from brewdesk.recipes.export.source import definitions, ordered
from brewdesk.recipes.kernels import datasets
from brewdesk.recipes.model.recipe import MAIN, Recipe, Step
from brewdesk.recipes.model.types import Schema


@pytest.fixture(autouse=True)
def _sync():
    with dask.config.set(scheduler="sync"):
        yield


def _frame(n: int = 40) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    v = pd.array(rng.integers(0, 6, n), dtype="Int64")
    v[rng.random(n) < 0.2] = pd.NA
    k = pd.array(rng.choice(["a", "b", "c"], n), dtype="string")
    return pd.DataFrame({"k": k, "v": v})


def _parts(df: pd.DataFrame, n: int = 5) -> dd.DataFrame:
    return dd.from_pandas(df, npartitions=n, sort=False)


def test_statistics_are_exact_over_all_partitions():
    df = _frame()
    got = rt._statistics(
        _parts(df),
        {"m": ("median", "v", None), "q": ("quantile", "v", 0.25), "n": ("count", "v", None),
         "d": ("distinct", "k", None), "t": ("clock", "v", None)},
    )
    s = df["v"].dropna().astype("float64")
    assert got["m"] == pytest.approx(s.median())
    assert got["q"] == pytest.approx(s.quantile(0.25))
    assert got["n"] == int(df["v"].count())
    assert got["d"] == sorted(df["k"].dropna().unique())
    assert isinstance(got["t"], pd.Timestamp)


def test_mode_ties_follow_the_rule():
    counts = pd.Series([2, 2, 1], index=[1.0, 3.0, 5.0])
    assert rt._mode(counts, "MINIMUM") == 1.0
    assert rt._mode(counts, "MAXIMUM") == 3.0
    assert rt._mode(counts, "AVERAGE") == 2.0
    assert rt._mode(counts, "NONE") is None


def test_a_window_across_partitions_equals_the_whole_frame():
    df = _frame()

    def step(d: pd.DataFrame) -> pd.DataFrame:
        return d.assign(s=d["v"].astype("float64").rolling(3, min_periods=1).sum())

    got = rt._map_around(_parts(df), step, rt._contexts(_parts(df), 2, 0)).compute()
    pd.testing.assert_frame_equal(got, step(df), check_dtype=False)


def test_the_last_valid_row_is_carried_past_empty_and_missing_partitions():
    df = pd.DataFrame({"v": pd.array([1, None, None, None, None, 7, None], dtype="Int64")})
    keep = rt._valid_rows("v", lambda s: s.notna().to_numpy(dtype=bool))
    got = rt._map_around(_parts(df, 7), lambda d: d.assign(v=d["v"].ffill()), rt._contexts(_parts(df, 7), 1, 0, keep))
    assert got.compute()["v"].tolist() == [1, 1, 1, 1, 1, 7, 7]


def test_row_numbers_continue_across_partitions():
    df = _frame(23)
    got = rt._map_counted(_parts(df), lambda d: d.assign(n=np.arange(1, len(d) + 1)), "n").compute()
    assert got["n"].tolist() == list(range(1, 24))


def test_sorted_is_a_stable_multi_key_sort():
    df = _frame()
    got = rt._sorted(_parts(df), ["k", "v"], ascending=[False, True], nulls_first=[False, True]).compute()
    want = df.sort_values("v", na_position="first", kind="stable").sort_values(
        "k", ascending=False, na_position="last", kind="stable"
    )
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))


@pytest.mark.parametrize("keys", [None, ["k"]])
def test_first_rows_keep_the_first_copy_in_order(keys):
    df = _frame()
    got = rt._first_rows(_parts(df), keys).compute()
    want = df.drop_duplicates(subset=keys, keep="first")
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))


def test_groups_into_a_new_frame_are_sorted_by_key():
    df = _frame()

    def count(d: pd.DataFrame) -> pd.DataFrame:
        return d.groupby(["k"], dropna=False).agg(n=("v", "count")).reset_index()

    got = rt._groups(_parts(df), ["k"], count, new_frame=True).compute().reset_index(drop=True)
    want = count(df).sort_values("k", ignore_index=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_broadcast_join_appends_the_unmatched_right_rows_last():
    left = pd.DataFrame({"id": pd.array([1, 2, 3, 4], dtype="Int64"), "x": ["a", "b", "c", "d"]})
    right = pd.DataFrame({"id": pd.array([4, 9, 2], dtype="Int64"), "y": ["four", "nine", "two"]})
    args = ([("id", "id")], "OUTER_JOIN", None, None)
    got = rt._broadcast_join(_parts(left, 3), right, *args).compute().reset_index(drop=True)
    joined, matched = datasets._bi_join_rows(left, right, *args)
    want = datasets._bi_join_concat(joined, datasets._bi_join_right_only(["id", "x"], right, *args, matched))
    pd.testing.assert_frame_equal(got, want, check_dtype=False)  # Dask reads text as string dtype
    assert got["y"].tolist()[-1] == "nine"


def test_union_matches_columns_by_name():
    a = pd.DataFrame({"x": pd.array([1, 2], dtype="Int64")})
    b = pd.DataFrame({"y": ["z"], "x": pd.array([3.5], dtype="Float64")})
    got = rt._union_all(_parts(a, 1), [_parts(b, 1)]).compute().reset_index(drop=True)
    assert list(got.columns) == ["x", "y"]
    assert got["x"].tolist() == [1.0, 2.0, 3.5]
    assert got["y"].isna().tolist() == [True, True, False]


def test_copied_source_brings_what_a_function_uses_once_and_first():
    text = definitions(ordered([rt._statistics, rt._map, rt._statistics]))
    for name in ("_finish", "_quantile", "_mode", "_like", "_meta"):
        assert text.count(f"def {name}(") == 1
    assert text.count("\nORDER_STATISTICS = ") + text.startswith("ORDER_STATISTICS = ") == 1
    assert text.count("\n_CLOCK: ") + text.startswith("_CLOCK: ") == 1
    assert text.index("def _mode(") < text.index("def _finish(") < text.index("def _statistics(")


def test_copied_runtime_runs_standalone():
    text = definitions(ordered([rt._broadcast_join, rt._union_all, rt._sorted]))
    scope = {"__name__": "script", "dask": dask, "dd": dd, "np": np, "pd": pd}
    exec(compile("from __future__ import annotations\n" + text, "<script>", "exec"), scope)  # noqa: S102
    assert scope["_bi_join_rows"].__module__ == "script"  # the join kernels came along
    assert text.count("def _bi_join_layout(") == 1  # used by two of them, defined once
    df = _frame()
    got = scope["_sorted"](_parts(df), ["v"], ascending=[True], nulls_first=[False]).compute()
    assert got["v"].dropna().is_monotonic_increasing


def test_a_planned_map_never_runs_the_step_on_meta():
    df = _frame()

    def step(d: pd.DataFrame) -> pd.DataFrame:
        if d.empty:  # inferring meta would run the step on no rows
            raise AssertionError("the step ran on an empty frame")
        return d.assign(w=d["v"] * 2)

    meta = rt._empty({"k": "string[pyarrow]", "v": "Int64", "w": "Int64"})
    out = rt._map(_parts(df), step, meta)
    assert out._meta.dtypes.to_dict() == meta.dtypes.to_dict()
    got = out.compute()
    assert got.dtypes.to_dict() == meta.dtypes.to_dict()
    pd.testing.assert_series_equal(got["w"], df["v"] * 2, check_names=False)


def test_a_planned_map_gives_every_partition_the_planned_dtypes():
    df = _frame()
    # the step gives float64 where the plan says Int64 (as the engine's conform, the plan wins)
    meta = rt._empty({"k": "string[pyarrow]", "v": "Int64", "f": "Int64"})
    out = rt._map(_parts(df), lambda d: d.assign(f=d["v"].astype("float64")), meta).compute()
    assert out["f"].dtype == pd.Int64Dtype()
    assert out["f"].tolist() == df["v"].tolist()


def test_typed_reads_text_as_the_engines_reader_does():
    raw = pd.DataFrame(
        {
            "d": ["2020-01-01", "2020-01-02T03:04:05+02:00", None, "2020-03-04 05:06"],
            "n": [1.0, None, 3.0, None],
            "c": ["x", "y", None, "x"],
        }
    )
    dtypes = {"n": "Int64", "d": "datetime64[us]", "c": "category"}
    out = rt._typed(_parts(raw, 2), dtypes)
    got = out.compute()
    assert list(got.columns) == ["n", "d", "c"]
    assert got["n"].dtype == pd.Int64Dtype()
    assert got["n"].isna().tolist() == [False, True, False, True]
    assert got["d"].dtype == np.dtype("datetime64[us]")
    first = [pd.Timestamp("2020-01-01"), pd.Timestamp("2020-01-02 01:04:05")]
    assert got["d"].tolist()[:2] == first
    assert got["d"].isna().tolist() == [False, False, True, False]
    assert isinstance(got["c"].dtype, pd.CategoricalDtype)
    assert isinstance(out._meta["c"].dtype, pd.CategoricalDtype)
    assert len(out._meta["c"].cat.categories) == 0


def test_a_secondary_input_with_a_declared_schema_is_read_in_its_planned_types(tmp_path):
    (tmp_path / "main.csv").write_text("a,d\n1,2020-01-01\n,2020-01-02 03:04\n")
    (tmp_path / "more.csv").write_text("a,d\n3,\n4,2021-05-06T07:08:09\n")
    schema = Schema({"a": "int64", "d": "datetime"})
    recipe = Recipe(
        steps=(Step.create("union", {"secondary_inputs": ["more"]}),),
        inputs={MAIN: schema, "more": schema},
    )
    text = export_dask.script(
        recipe,
        source=str(tmp_path / "main.csv"),
        destination=str(tmp_path / "out.csv"),
        inputs={"more": str(tmp_path / "more.csv")},
    )
    assert "inputs['more'] = _typed(inputs['more'], {'a': 'Int64', 'd': 'datetime64[us]'})" in text
    namespace: dict = {"__name__": "__main__"}
    exec(compile(text, "<exported dask script>", "exec"), namespace)  # noqa: S102 - runs exported code
    got = namespace["ddf"].compute().reset_index(drop=True)
    assert got["a"].dtype == pd.Int64Dtype() and got["d"].dtype == np.dtype("datetime64[us]")
    assert got["a"].tolist()[:1] + got["a"].tolist()[2:] == [1, 3, 4] and got["a"].isna().sum() == 1
    want = pd.to_datetime(
        ["2020-01-01", "2020-01-02 03:04", None, "2021-05-06 07:08:09"], format="ISO8601"
    )
    assert got["d"].tolist()[:2] + got["d"].tolist()[3:] == [want[0], want[1], want[3]]
    assert got["d"].isna().tolist() == [False, False, True, False]
