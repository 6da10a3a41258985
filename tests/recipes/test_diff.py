"""The preview diff: changed cells, new and removed columns, removed rows, counts text."""

from __future__ import annotations

import numpy as np
import pandas as pd
from brewdesk.recipes.model.diff import diff
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.runner import run_pandas


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "a": pd.array([1, 2, None, 4], dtype="Int64"),
            "s": pd.array(["x", None, "z", "w"], dtype="string"),
        },
        index=pd.Index([10, 20, 30, 40], name="_rowid"),
    )


def test_no_change():
    d = diff(frame(), frame())
    assert d.cells_changed == 0 and d.rows_removed == 0
    assert d.text == "no change on the sample"


def test_changed_cells_missing_equals_missing():
    after = frame().assign(a=lambda f: f["a"].fillna(0))
    d = diff(frame(), after)
    assert d.changed["a"].tolist() == [False, False, True, False]
    assert not d.changed["s"].any()
    assert d.cells_changed == 1
    assert d.text == "1 cell changed"
    assert d.changed_columns == ["a"]


def test_removed_rows_aligned_by_rowid():
    before = frame()
    after = before.drop(index=[20]).assign(s=lambda f: f["s"].str.upper())
    d = diff(before, after)
    assert d.removed_rowids.tolist() == [20]
    assert d.changed["s"].tolist() == [True, True, True]  # x->X, z->Z, w->W
    assert d.text == "3 cells changed, 1 row removed"


def test_new_and_removed_columns_and_retype():
    before = frame()
    after = before.drop(columns=["s"]).assign(b=1, a=lambda f: f["a"].astype("Float64"))
    d = diff(before, after)
    assert d.new_columns == ("b",) and d.removed_columns == ("s",) and d.retyped_columns == ("a",)
    assert d.cells_changed == 0  # 1 -> 1.0 reads the same
    assert "1 new column" in d.text and "1 column removed" in d.text


def test_thousands_separator():
    n = 1500
    before = pd.DataFrame({"v": pd.array(range(n), dtype="Int64")})
    after = before.assign(v=before["v"] + 1).iloc[37:]
    d = diff(before, after)
    assert d.text == "1,463 cells changed, 37 rows removed"


def test_unaligned_for_global_steps():
    before = frame()
    after = run_pandas([Step.create("sort", {"expressions": [{"source_column": "a", "ordering": "DESCENDING"}]})], before)
    d = diff(before, after, align=False)
    assert not d.aligned and d.changed == {}
    assert d.text == "4 rows rearranged"
    before = before.assign(s=pd.array(["x", "x", "z", "z"], dtype="string"))
    grouped = run_pandas(
        [Step.create("group_by", {"source_columns": ["s"], "aggregates": [{"function_name": "COUNT", "target_column_name": "n"}]})],
        before,
    )
    d = diff(before, grouped, align=False)
    assert d.rows_removed == 2 and "4 rows" in d.text and "new column" in d.text


def test_duplicate_rowids_fall_back_to_unaligned():
    before = frame()
    after = pd.concat([before, before])
    assert not diff(before, after).aligned


def test_empty_and_rowid_column():
    empty = frame().iloc[:0]
    assert diff(empty, empty).text == "no change on the sample"
    before = frame().reset_index()
    after = before[before["_rowid"] > 10]
    d = diff(before, after)
    assert d.removed_rowids.tolist() == [10] and "_rowid" not in d.changed


def test_object_values():
    before = pd.DataFrame({"o": pd.Series([[1], [2], None], dtype=object)})
    after = pd.DataFrame({"o": pd.Series([[1], [3], None], dtype=object)})
    assert diff(before, after).changed["o"].tolist() == [False, True, False]
    assert isinstance(diff(before, after).removed_rowids, np.ndarray)
