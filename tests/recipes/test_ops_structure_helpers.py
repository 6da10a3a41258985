"""Reading the parts a data-structure step stores (pivot values, struct fields) from data."""

from __future__ import annotations

import datetime

import pytest
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.ops._nested import struct_paths, value_type
from brewdesk.recipes.ops.data_structure import pivot, transpose, unnest_struct, unnest_struct_n

from tests.golden.cases import frame

USERS = [
    {"name": "Ammy", "address": {"state": "CA", "zipcode": 12345}, "score": 1},
    None,
    {"name": "Bo", "address": None, "score": 2.5, "since": datetime.datetime(2024, 1, 2)},
    {"address": {"state": "NY"}, "tags": ["a"], "ok": True},
]


@pytest.mark.parametrize(
    ("values", "expected"),
    [([1, None, 2], "int64"), ([1, 2.5], "float64"), ([True, None], "boolean"), (["a"], "string"),
     ([datetime.datetime(2024, 1, 1)], "datetime"), ([[1]], "object"), ([1, "a"], "object"), ([None], "object"),
     ([True, 1], "object")],
)
def test_value_type(values, expected):
    assert value_type(values) == expected


def test_struct_paths_by_level_and_mixed_fields():
    assert struct_paths(USERS, 2) == [
        (["name"], "string"), (["address", "state"], "string"), (["address", "zipcode"], "int64"),
        (["score"], "float64"), (["since"], "datetime"), (["tags"], "object"), (["ok"], "boolean"),
    ]
    assert struct_paths(USERS, 1)[1] == (["address"], "object")
    # a field that is a struct in one row and a number in another stays one object column
    assert struct_paths([{"x": {"y": 1}}, {"x": 2}], 2) == [(["x"], "object")]


def test_unnest_struct_with_fields_from_the_data_runs():
    data = frame({"user": ("object", USERS)})
    params = unnest_struct.with_fields(unnest_struct.UnnestStructParams(source_column="user"), data)
    step = Step.create("unnest_struct", params.model_dump(mode="json"))
    out = run_pandas(Recipe(steps=(step,)), data)
    assert out["user.score"].tolist()[:1] == [1.0] and str(out["user.score"].dtype) == "Float64"
    assert out["user.ok"].tolist()[3] is True


def test_unnest_struct_n_with_fields_from_the_data_runs():
    data = frame({"user": ("object", USERS)})
    params = unnest_struct_n.with_fields(unnest_struct_n.UnnestStructNParams(source_columns=["user"], unnest_level=2), data)
    out = run_pandas(Recipe(steps=(Step.create("unnest_struct_n", params.model_dump(mode="json")),)), data)
    assert out["user.address.state"].fillna("-").tolist() == ["CA", "-", "-", "NY"]


def test_pivot_values_from_the_data_and_the_limit():
    data = frame({"k": ("int64", [3, 1, None, 3]), "v": ("int64", [1, 2, 3, 4])})
    params = pivot.with_pivot_values(pivot.PivotParams(source_column="k", value_column="v"), data)
    assert params.pivot_values == ["1", "3"]
    many = frame({"k": ("string", [f"v{i}" for i in range(11)]), "v": ("int64", list(range(11)))})
    with pytest.raises(StepError, match="11 distinct values"):
        pivot.with_pivot_values(pivot.PivotParams(source_column="k", value_column="v"), many)


def test_transpose_values_join_several_pivot_columns():
    data = frame({"t": ("string", ["T1", "T2", None]), "term": ("int64", [1, 2, 2]), "x": ("int64", [1, 2, 3])})
    params = transpose.TransposeParams(pivot_columns=["t", "term"], value_columns=["x"], new_column="c")
    assert transpose.with_pivot_values(params, data).pivot_values == ["T1_1", "T2_2"]
