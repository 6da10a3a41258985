"""The data-structure operations on degenerate frames (DESIGN.md section 8): zero rows, all-null
columns, unicode headers. Each step works, with the output schema ``validate`` computed without
data, or fails with a BrewdeskError; the input is never modified."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from brewdesk.recipes.errors import BrewdeskError
from brewdesk.recipes.recipe import Recipe, Step
from brewdesk.recipes.runner import run_pandas
from brewdesk.recipes.types import Schema
from brewdesk.recipes.validate import validate

from tests.golden.cases import frame

N, S, F, NEST, C = "整数 n", "文字 s", "浮動 f", "入れ子 o", "区分 c"


def table(rows: int, *, nulls: bool = False) -> pd.DataFrame:
    """Every type, ``rows`` rows (all missing with ``nulls``); the nested column holds structs."""
    def vals(v: Any) -> list[Any]:
        return [None if nulls else v] * rows

    df = frame({N: ("int64", vals(1)), S: ("string", vals('{"a": [1]}')), F: ("float64", vals(1.5)),
                C: ("category", vals("x"))})
    df[NEST] = pd.Series(vals({"a": [1, 2], "b": {"k": "é"}}), dtype=object)
    return df


PARAMS: list[tuple[str, dict[str, Any]]] = [
    ("nest_to_array", {"source_columns": [N, F], "target_column": "数组"}),
    ("nest_to_map", {"source_columns": [S, C], "target_column": "m", "remove_source_columns": True}),
    ("nest_to_struct", {"source_columns": [N, S, NEST], "target_column": "s"}),
    ("unnest_array", {"source_column": NEST, "target_column": "e", "value_type": "string"}),
    ("unnest_map", {"source_column": NEST, "value_type": "string"}),
    ("unnest_struct", {"source_column": NEST, "fields": [{"name": "a"}, {"name": "b", "type": "string"}]}),
    ("unnest_struct_n", {"source_columns": [NEST], "unnest_level": 2,
                         "fields": [{"column": NEST, "path": ["a"]}, {"column": NEST, "path": ["b", "k"], "type": "string"}]}),
    ("json_to_structs", {"source_columns": [S], "unnest_level": 2}),
    ("unpivot", {"source_columns": [N, F], "unpivot_column": "名前", "value_column": "値"}),
    ("pivot", {"source_column": C, "value_column": F, "aggregate_function": "AVERAGE", "pivot_values": ["x"]}),
    ("pivot", {"source_column": S, "value_column": NEST, "aggregate_function": "COLLECT_LIST",
               "pivot_values": ['{"a": [1]}']}),
    ("transpose", {"pivot_columns": [C], "value_columns": [N, F], "new_column": "列", "pivot_values": ["x"],
                   "aggregate_function": "MAX"}),
]


ERRORS: dict[tuple[str, str | None], dict[str, str]] = {
    # the nested column holds structs: unnesting them as arrays is refused, naming the column
    ("unnest_array", NEST): {"values": f"column '{NEST}' holds a dict value, not an array"},
    # pivot groups by every other column, and one of them is nested
    ("pivot", C): {"values": "holds nested values", "other": "holds nested values"},
}


@pytest.mark.parametrize(("rows", "nulls"), [(0, False), (3, True), (3, False)], ids=["empty", "all_null", "values"])
@pytest.mark.parametrize(("op", "params"), PARAMS, ids=[f"{p[0]}-{i}" for i, p in enumerate(PARAMS)])
def test_degenerate_frames(op: str, params: dict[str, Any], rows: int, nulls: bool) -> None:
    data = table(rows, nulls=nulls)
    before = data.copy()
    recipe = Recipe(steps=(Step.create(op, params),))
    expected_error = ERRORS.get((op, params.get("source_column")), {}).get("values" if rows and not nulls else "other")
    try:
        out = run_pandas(recipe, data)
    except BrewdeskError as e:
        assert expected_error and expected_error in str(e), e
        return
    finally:
        pd.testing.assert_frame_equal(data, before)
    assert not expected_error, f"expected an error containing {expected_error!r}"
    planned = validate(recipe, Schema.from_frame(data), {})
    got = Schema.from_frame(out)
    # an object column whose values are all missing may come back as text from canonical
    # frames, never another type
    assert list(got) == list(planned)
    for c in planned:
        assert got[c] == planned[c] or (planned[c] == "object" and out[c].isna().all()), c


def test_unnest_array_of_empty_frame_keeps_schema():
    data = table(0)
    out = run_pandas(Recipe(steps=(Step.create("unnest_array", {"source_column": NEST, "target_column": NEST}),)), data)
    assert len(out) == 0 and list(out.columns) == [N, S, F, C, NEST]
