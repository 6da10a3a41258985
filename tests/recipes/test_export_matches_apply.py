"""The exported pandas code of the operations whose ``to_code`` used to re-spell ``apply`` gives
exactly what ``apply`` gives (dtypes included, which the contract test compares only as logical
types), on the edge cases where they used to differ: a column's own dtype against Brewdesk's,
the typing of a custom value, a zero standard deviation, the text form of one-hot categories.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes.export import codegen
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.registry import operations


def applied(step: Step, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
    """What the operation's ``apply`` gives."""
    return operations()[step.op].apply(step.params, frame, fitted)


def exported(step: Step, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
    """What the step's exported pandas code gives (with ``fitted`` written as literals)."""
    code = codegen.step_code(step, fitted)
    assert code is not None
    env = {"pd": pd, "np": np, "re": re, "df": frame.copy()}
    exec(code, env)  # noqa: S102 - the test runs the exported code, as the golden test does
    return env["df"]


def assert_same(step: Step, frame: pd.DataFrame, fitted: Mapping[str, Any] | None = None) -> None:
    fitted = fitted or {}
    pd.testing.assert_frame_equal(exported(step, frame, fitted), applied(step, frame, fitted), check_exact=True)


def test_coalesce_of_numpy_integers_is_nullable() -> None:
    frame = pd.DataFrame({"a": np.array([1, 2, 3], dtype="int64"), "b": np.array([4, 5, 6], dtype="int64")})
    step = Step.create("coalesce", {"source_columns": ["a", "b"], "target_column": "c"})
    assert applied(step, frame, {})["c"].dtype == pd.Int64Dtype()
    assert_same(step, frame)


def test_coalesce_of_object_text_and_category() -> None:
    frame = pd.DataFrame({"a": pd.Series([None, "x", None], dtype="string[pyarrow]"), "b": pd.Categorical(["u", None, "w"])})
    assert_same(Step.create("coalesce", {"source_columns": ["a", "b"], "target_column": "c"}), frame)


@pytest.mark.parametrize(
    ("dtype", "values", "value"),
    [
        ("Int64", [1, None, 3], "7.0"),
        ("int64", [1, 2, 3], 7),
        ("Float64", [1.5, None, 3.0], float("inf")),
        ("boolean", [True, None, False], "yes"),
        ("string[pyarrow]", ["a", " ", None], 12),
        ("category", ["a", None, "a"], "b"),
        ("datetime64[us]", [pd.Timestamp("2024-01-01"), None, pd.Timestamp("2024-02-01")], "2024-01-31"),
    ],
)
@pytest.mark.parametrize("op_id", ["fill_with_custom", "replace_with_custom"])
def test_custom_value_in_the_column_type(op_id: str, dtype: str, values: list[Any], value: Any) -> None:
    frame = pd.DataFrame({"a": pd.Series(values, dtype=dtype)})
    key = "source_column" if op_id == "fill_with_custom" else "source_columns"
    step = Step.create(op_id, {key: "a" if op_id == "fill_with_custom" else ["a"], "value": value})
    assert_same(step, frame)


def test_custom_value_that_does_not_convert_fails_in_both() -> None:
    frame = pd.DataFrame({"a": pd.Series([1, None], dtype="Int64")})
    step = Step.create("fill_with_custom", {"source_column": "a", "value": "1.5"})
    with pytest.raises(StepError, match="is not a whole number"):
        applied(step, frame, {})
    with pytest.raises(ValueError, match="is not a whole number"):
        exported(step, frame, {})


def test_scale_zero_std_of_differing_values_fails_in_both() -> None:
    frame = pd.DataFrame({"a": pd.Series([1.0, 2.0], dtype="Float64")})
    step = Step.create("scale", {"source_column": "a", "strategy": "Z_SCORE"})
    fitted = {"min": 1.0, "max": 2.0, "mean": 1.5, "std": 0.0}
    with pytest.raises(StepError, match="standard deviation of 'a' came out as 0"):
        applied(step, frame, fitted)
    with pytest.raises(ValueError, match="standard deviation came out as 0"):
        exported(step, frame, fitted)


@pytest.mark.parametrize("strategy", ["MIN_MAX", "SCALE_BETWEEN", "MEAN_NORMALIZATION", "Z_SCORE"])
def test_scale_of_integers(strategy: str) -> None:
    frame = pd.DataFrame({"a": pd.Series([1, 4, None, 9], dtype="Int64")})
    step = Step.create("scale", {"source_column": "a", "strategy": strategy, "min_value": -1.0, "max_value": 3.0})
    fitted = {"min": 1, "max": 9, "mean": 14 / 3, "std": 4.041451884327381}
    assert_same(step, frame, fitted)


def test_one_hot_categories_from_booleans_and_extra_values() -> None:
    frame = pd.DataFrame({"a": pd.Series([True, None, False], dtype="boolean")})
    step = Step.create("one_hot_encoding", {"source_column": "a"})
    assert_same(step, frame, {"distinct": [False, True]})
    assert list(applied(step, frame, {"distinct": [False, True]}).columns) == ["a", "a_False", "a_True"]
    stored = Step.create("one_hot_encoding", {"source_column": "a", "categories": ["True"]})
    with pytest.raises(StepError, match="not among the step's categories"):
        applied(stored, frame, {"distinct": [False, True]})
    with pytest.raises(ValueError, match="not among the step's categories"):
        exported(stored, frame, {"distinct": [False, True]})


@pytest.mark.parametrize("value", [float("inf"), 2.5])
def test_replace_outliers_with_a_custom_value(value: float) -> None:
    frame = pd.DataFrame({"a": pd.Series([1.0, 2.0, 100.0, None, -50.0], dtype="Float64")})
    step = Step.create(
        "replace_outliers",
        {"source_column": "a", "outlier_strategy": "IQR", "threshold": 1.5, "replace_type": "REPLACE_WITH_CUSTOM", "value": value},
    )
    fitted = {"q1": 1.0, "q3": 2.0}
    assert_same(step, frame, fitted)
