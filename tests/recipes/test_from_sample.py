"""``Operation.from_sample``: the data-dependent params (pivot values, categories, struct fields)
read from a frame, so the step's schema is known without data and matches what it produces."""

from __future__ import annotations

import pandas as pd
import pytest
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.registry import operations
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.model.validate import step_schema
from brewdesk.recipes.ops.base import Operation

OPS = operations()


def fill(op_id: str, frame: pd.DataFrame, **params):
    op = OPS[op_id]
    return op.from_sample(op.Params.model_validate(params), frame)


def schema_matches(op_id: str, params, frame: pd.DataFrame) -> None:
    """The stored params give a schema equal to the columns the step produces on ``frame``."""
    step = Step(op=op_id, params=params)
    planned = step_schema(step, Schema.from_frame(frame), {})
    out = run_pandas([step], frame)
    assert list(planned) == list(out.columns)


def test_only_data_dependent_ops_declare_sample_fields():
    with_hook = {o.id for o in OPS.values() if type(o).from_sample is not Operation.from_sample}
    declared = {o.id for o in OPS.values() if o.sample_fields}
    assert with_hook == declared
    assert {"pivot", "transpose", "one_hot_encoding", "unnest_struct", "unnest_struct_n"} <= declared
    for op_id in declared:
        op = OPS[op_id]
        assert set(op.sample_fields) <= set(op.Params.model_fields), op_id
    assert Operation().from_sample(None, pd.DataFrame()) is None


def test_pivot_values_sorted_texts_missing_left_out():
    frame = pd.DataFrame(
        {
            "city": ["Oslo", "Oslo", "Rome", "Rome"],
            "year": pd.array([2021, 2020, 2021, None], dtype="Int64"),
            "sales": [1.0, 2.0, 3.0, 4.0],
        }
    )
    params = fill("pivot", frame, source_column="year", value_column="sales")
    assert params.pivot_values == ["2020", "2021"]
    assert params.source_column == "year" and params.aggregate_function == "SUM"
    schema_matches("pivot", params, frame)


def test_pivot_replaces_stale_values_and_refuses_more_than_ten():
    frame = pd.DataFrame({"k": list("abc"), "v": [1, 2, 3]})
    params = fill("pivot", frame, source_column="k", value_column="v", pivot_values=["zz"])
    assert params.pivot_values == ["a", "b", "c"]
    many = pd.DataFrame({"k": [f"v{i:02d}" for i in range(11)], "v": range(11)})
    with pytest.raises(StepError, match="11 distinct values"):
        fill("pivot", many, source_column="k", value_column="v")


def test_pivot_all_missing_column_is_a_clear_error():
    frame = pd.DataFrame({"k": pd.array([None, None], dtype="string"), "v": [1, 2]})
    with pytest.raises(StepError, match="'k' has no values in the sample"):
        fill("pivot", frame, source_column="k", value_column="v")


def test_transpose_values_join_pivot_columns():
    frame = pd.DataFrame(
        {"q": ["Q1", "Q2", "Q1"], "r": ["n", "s", "s"], "sales": [1, 2, 3], "cost": [4, 5, 6]}
    )
    params = fill(
        "transpose", frame, pivot_columns=["q", "r"], value_columns=["sales", "cost"], new_column="measure"
    )
    assert params.pivot_values == ["Q1_n", "Q1_s", "Q2_s"]
    schema_matches("transpose", params, frame)


def test_one_hot_categories_as_the_distinct_statistic_orders_them():
    frame = pd.DataFrame({"n": pd.array([3, 1, None, 3, 10], dtype="Int64")})
    params = fill("one_hot_encoding", frame, source_column="n")
    assert params.categories == ["1", "3", "10"]  # numeric order, then text
    schema_matches("one_hot_encoding", params, frame)
    flags = pd.DataFrame({"b": pd.array([True, None, False], dtype="boolean")})
    assert fill("one_hot_encoding", flags, source_column="b").categories == ["False", "True"]


def test_one_hot_more_than_ten_values_is_refused():
    frame = pd.DataFrame({"c": [f"x{i}" for i in range(12)]})
    with pytest.raises(StepError, match="12 distinct values"):
        fill("one_hot_encoding", frame, source_column="c")


def test_unnest_struct_fields_in_order_with_types():
    frame = pd.DataFrame({"s": [{"a": 1, "b": "x"}, None, {"b": "y", "c": 2.5}]})
    params = fill("unnest_struct", frame, source_column="s")
    assert [(f.name, f.type) for f in params.fields] == [("a", "int64"), ("b", "string"), ("c", "float64")]
    schema_matches("unnest_struct", params, frame)


def test_unnest_struct_without_structs_is_a_clear_error():
    frame = pd.DataFrame({"s": [None, None]}, dtype=object)
    with pytest.raises(StepError, match="no structs"):
        fill("unnest_struct", frame, source_column="s")


def test_unnest_struct_n_paths_to_the_level():
    frame = pd.DataFrame({"s": [{"a": {"x": 1, "y": "t"}, "b": True}, {"a": {"x": 2}}], "k": [1, 2]})
    params = fill("unnest_struct_n", frame, source_columns=["s"], unnest_level=2)
    assert [(f.column, f.path, f.type) for f in params.fields] == [
        ("s", ["a", "x"], "int64"),
        ("s", ["a", "y"], "string"),
        ("s", ["b"], "boolean"),
    ]
    schema_matches("unnest_struct_n", params, frame)
    with pytest.raises(StepError, match="no column selected"):
        fill("unnest_struct_n", frame, regex_column_selector="nothing")
