"""SHUFFLE_ROWS and the duplicate flags over many partitions: the whole dataset counts, and the
result does not depend on the partitioning (golden cases cover the small edge cases)."""

from __future__ import annotations

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from brewdesk.engine.execute import Executor
from brewdesk.engine.plan import plan, required_columns
from brewdesk.recipes.model.databrew import export_databrew, import_databrew
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import ROWID, Schema

N = 3000


def _data() -> pd.DataFrame:
    rng = np.random.default_rng(4)
    return pd.DataFrame(
        {
            "country": pd.array(rng.choice(["fr", "de", "it", None], N), dtype="string"),
            "age": pd.array(rng.integers(0, 90, N), dtype="Int64"),
            "id": pd.array(np.arange(N), dtype="Int64"),
            "k": pd.array(rng.integers(0, 50, N), dtype="Int64"),
        }
    )


def _engine(recipe: Recipe, df: pd.DataFrame, nparts: int) -> pd.DataFrame:
    pl = plan(recipe, Schema.from_frame(df))
    src = df.reset_index(drop=True)
    src[ROWID] = np.arange(len(src), dtype="int64")
    ddf = dd.from_pandas(src, npartitions=nparts, sort=False)
    out = Executor(pl, compute=lambda *a: dask.compute(*a, scheduler="sync")).build(ddf, {})
    return out.compute(scheduler="sync")


@pytest.mark.parametrize("nparts", [1, 4, 13])
def test_shuffle_within_groups_is_a_permutation_and_partition_independent(nparts: int) -> None:
    df = _data()
    step = Step.create(
        "shuffle_rows",
        {"source_columns": ["age", "id"], "group_by_columns": ["country"], "seed": 3},
    )
    expected = run_pandas([step], df)
    got = _engine(Recipe(steps=(step,)), df, nparts)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
    # every row's (age, id) pair is some row's of the same country, each used once
    before = df.assign(pair=list(zip(df["age"], df["id"], strict=True)))
    after = got.reset_index(drop=True).assign(pair=list(zip(got["age"], got["id"], strict=True)))
    for country, group in before.groupby("country", dropna=False):
        mask = after["country"].isna() if pd.isna(country) else after["country"] == country
        assert sorted(after.loc[mask, "pair"]) == sorted(group["pair"])
    moved = (after["id"].to_numpy() != np.arange(N)).mean()
    assert moved > 0.6  # a shuffle, not the identity (about 2/3 expected per group of ~750)


def test_shuffle_seed_and_databrew_mapping() -> None:
    df = _data()
    a = run_pandas([Step.create("shuffle_rows", {"source_columns": ["id"]})], df)
    b = run_pandas([Step.create("shuffle_rows", {"source_columns": ["id"], "seed": 1})], df)
    assert (a["id"] != b["id"]).mean() > 0.9
    pd.testing.assert_series_equal(
        a["id"], run_pandas([Step.create("shuffle_rows", {"source_columns": ["id"]})], df)["id"]
    )
    recipe = Recipe(
        steps=(
            Step.create(
                "shuffle_rows",
                {"source_columns": ["age"], "group_by_columns": ["country"], "seed": 9},
            ),
        )
    )
    [exported] = export_databrew(recipe)
    assert exported["Action"]["Parameters"] == {
        "sourceColumns": '["age"]',
        "groupByColumns": '["country"]',
    }
    # DataBrew's page shows the key as "*groupByColumns*" (markdown emphasis left in the JSON)
    doc = [
        {
            "Action": {
                "Operation": "SHUFFLE_ROWS",
                "Parameters": {"sourceColumns": ["age"], "*groupByColumns*": ["country"]},
            }
        }
    ]
    assert import_databrew(doc).steps[0].params.group_by_columns == ["country"]


@pytest.mark.parametrize("nparts", [1, 5, 17])
def test_duplicate_flags_see_every_partition(nparts: int) -> None:
    df = _data()[["country", "k"]]
    recipe = Recipe(
        steps=(
            Step.create(
                "flag_duplicates_in_column", {"source_column": "k", "target_column": "k_dup"}
            ),
            Step.create("flag_duplicate_rows", {"target_column": "row_dup"}),
        )
    )
    got = _engine(recipe, df, nparts).reset_index(drop=True)
    assert (got["k_dup"] == "True").sum() == N - df[
        "k"
    ].nunique()  # all but the first of each value
    assert got["k_dup"].tolist() == np.where(df["k"].duplicated(), "True", "False").tolist()
    # the row flag also compares the k_dup column the first step added
    with_flag = df.assign(k_dup=got["k_dup"].to_numpy())
    assert got["row_dup"].tolist() == np.where(with_flag.duplicated(), "True", "False").tolist()


def test_flag_duplicate_rows_keeps_every_column_it_compares_in_the_read() -> None:
    schema = Schema.from_frame(_data())
    count = {
        "source_columns": ["dup"],
        "aggregates": [{"function_name": "COUNT", "target_column_name": "rows"}],
    }
    flagged = Recipe(
        steps=(
            Step.create("flag_duplicate_rows", {"target_column": "dup"}),
            Step.create("group_by", count),
        )
    )
    # only "dup" reaches the output, but the flag compares every column: all must be read
    assert required_columns(flagged, schema) == list(schema)
    by_column = Recipe(
        steps=(
            Step.create(
                "flag_duplicates_in_column", {"source_column": "k", "target_column": "dup"}
            ),
            Step.create("group_by", count),
        )
    )
    assert required_columns(by_column, schema) == ["k"]
