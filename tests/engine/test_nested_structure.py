"""Nested values and row-adding steps end to end: engine row ids, writers, the grid's text.

UNNEST_ARRAY and UNPIVOT turn one row into several; the copies share a row id in ``apply`` and
the engine gives fresh ids right after the step (``Operation.adds_rows``), so a later dedupe,
which drops rows by row id, removes exactly the later copies. Nested values (lists, dicts in
``object`` columns) are written natively to Parquet and as JSON text to CSV.
"""

from __future__ import annotations

import json

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from brewdesk.engine.execute import Executor
from brewdesk.engine.plan import plan
from brewdesk.engine.writers import parse_dest, write
from brewdesk.recipes.model.recipe import MAIN, Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import ROWID, Schema

from tests.golden.cases import frame


def _engine(recipe: Recipe, data: pd.DataFrame, nparts: int) -> pd.DataFrame:
    pl = plan(recipe, Schema.from_frame(data))
    pdf = data.reset_index(drop=True).assign(**{ROWID: np.arange(len(data), dtype="int64")})
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(pdf, npartitions=nparts, sort=False)
    out = Executor(pl, compute=lambda *a: dask.compute(*a, scheduler="sync")).build(ddf, {})
    return out.compute(scheduler="sync")


def _recipe(*steps: tuple[str, dict]) -> Recipe:
    return Recipe(steps=tuple(Step.create(op, params) for op, params in steps), inputs={MAIN: None})


DATA = frame({
    "id": ("int64", [1, 2, 3, 4, 5, 6]),
    "a": ("string", ["x", "y", "x", "z", "y", "x"]),
    "b": ("string", ["x", "w", "q", "z", "y", "x"]),
})


def test_dedupe_after_unnest_keeps_each_first_copy_across_partitions():
    recipe = _recipe(
        ("nest_to_array", {"source_columns": ["a", "b"], "target_column": "ab", "remove_source_columns": True}),
        ("unnest_array", {"source_column": "ab", "target_column": "v", "value_type": "string"}),
        ("delete", {"source_columns": ["id", "ab"]}),
        ("remove_duplicates", {}),
    )
    want = ["x", "y", "w", "q", "z"]
    assert run_pandas(recipe, DATA)["v"].tolist() == want
    for nparts in (1, 3, 6):
        out = _engine(recipe, DATA, nparts)
        assert out["v"].tolist() == want, nparts
        assert out.index.is_unique and out.index.is_monotonic_increasing


def test_row_ids_are_fresh_and_increasing_after_unpivot():
    recipe = _recipe(("unpivot", {"source_columns": ["a", "b"], "unpivot_column": "col", "value_column": "v"}))
    preview = run_pandas(recipe, DATA)
    assert preview.index.tolist() == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]  # copies share their row id
    out = _engine(recipe, DATA, 3)
    assert out.index.is_unique and out.index.is_monotonic_increasing
    assert out["col"].tolist() == ["a", "b"] * 6
    assert out.reset_index(drop=True).equals(preview.reset_index(drop=True))


def test_nested_columns_written_to_parquet_natively_and_csv_as_json(tmp_path):
    recipe = _recipe(
        ("nest_to_struct", {"source_columns": ["id", "a"], "target_column": "s", "remove_source_columns": True}),
        ("nest_to_array", {"source_columns": ["b"], "target_column": "arr"}),
    )
    out = _engine(recipe, DATA, 3)
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(out.reset_index(), npartitions=2, sort=False)
    write(ddf, parse_dest(str(tmp_path / "o.parquet")))
    table = pq.read_table(tmp_path / "o.parquet")
    assert str(table.schema.field("s").type) == "struct<id: int64, a: string>"
    arr = table.schema.field("arr").type
    assert pa.types.is_list(arr) and pa.types.is_string(arr.value_type)
    assert table.column("s").to_pylist()[0] == {"id": 1, "a": "x"}
    write(ddf, parse_dest(str(tmp_path / "o.csv")))
    back = pd.read_csv(tmp_path / "o.csv")
    assert json.loads(back["s"][1]) == {"id": 2, "a": "y"}
    assert json.loads(back["arr"][0]) == ["x"]


def test_grid_shows_nested_values_as_json():
    from brewdesk.app.grid import format_cell

    assert format_cell([1, None, "é"], "object") == '[1, null, "é"]'
    assert format_cell({"a": [1.5]}, "object") == '{"a": [1.5]}'
    assert format_cell(None, "object") == ""


def test_checkpoint_pieces_keep_nested_values(tmp_path):
    from brewdesk.engine.checkpoint import Checkpoints, read_piece, write_piece

    df = pd.DataFrame({
        "arr": pd.Series([["a", "b"], None, []], dtype=object),
        "st": pd.Series([{"k": 1, "v": [1.5]}, {"k": None, "v": []}, None], dtype=object),
        "mixed": pd.Series([1, "x", [2]], dtype=object),  # Arrow cannot type it: JSON text inside
        "n": pd.array([1, None, 3], dtype="Int64"),
    }, index=pd.Index([0, 1, 2], dtype="int64", name=ROWID))
    schema = Schema({"arr": "object", "st": "object", "mixed": "object", "n": "int64"})
    write_piece(df, str(tmp_path / "p.arrow"))
    back = read_piece(str(tmp_path / "p.arrow"), schema)
    assert back["arr"].tolist() == [["a", "b"], None, []]
    assert back["st"].tolist() == [{"k": 1, "v": [1.5]}, {"k": None, "v": []}, None]
    assert back["mixed"].tolist() == [1, "x", [2]]
    ddf = Checkpoints.frame([str(tmp_path / "p.arrow")], df.iloc[:0], schema)
    assert ddf.compute(scheduler="sync")["arr"].tolist()[0] == ["a", "b"]  # not the text "['a' 'b']"
