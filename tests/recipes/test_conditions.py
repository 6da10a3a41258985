"""DataBrew's 15 condition types on typed columns (choices documented in recipes/model/conditions.py)."""

from __future__ import annotations

import pandas as pd
import pytest
from brewdesk.recipes.model.conditions import CONDITIONS, Condition, evaluate, mask
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import canonical_frame

DF = canonical_frame(
    pd.DataFrame(
        {
            "n": pd.array([1, 5, None, 10, -2], dtype="Int64"),
            "s": pd.array(["apple", "Banana", None, "", "cherry pie"], dtype="string"),
            "t": pd.to_datetime(["2020-01-01", "2021-06-01", None, "2019-12-31", "2020-01-01"]),
            "raw": pd.array(["12", "x", None, "3.5", " 7 "], dtype="string"),
        }
    )
)


@pytest.mark.parametrize(
    ("condition", "column", "value", "expected"),
    [
        ("IS", "n", ["1", 10], [True, False, False, True, False]),
        ("IS", "s", '["apple", ""]', [True, False, False, True, False]),
        ("IS_NOT", "n", [1], [False, True, False, True, True]),
        ("IS_BETWEEN", "n", {"start": 1, "end": 5}, [True, True, False, False, False]),
        ("IS_BETWEEN", "t", ["2020-01-01", "2020-12-31"], [True, False, False, False, True]),
        ("CONTAINS", "s", "an", [False, True, False, False, False]),
        ("NOT_CONTAINS", "s", "an", [True, False, False, True, True]),
        ("STARTS_WITH", "s", "ch", [False, False, False, False, True]),
        ("NOT_STARTS_WITH", "s", "ch", [True, True, False, True, False]),
        ("ENDS_WITH", "s", "pie", [False, False, False, False, True]),
        ("NOT_ENDS_WITH", "s", "pie", [True, True, False, True, False]),
        ("LESS_THAN", "n", 5, [True, False, False, False, True]),
        ("LESS_THAN_EQUAL", "n", "5", [True, True, False, False, True]),
        ("GREATER_THAN", "t", "2020-01-01", [False, True, False, False, False]),
        ("GREATER_THAN_EQUAL", "n", 5, [False, True, False, True, False]),
        ("IS_INVALID", "raw", "number", [False, True, False, False, False]),
        ("IS_INVALID", "raw", "integer", [False, True, False, True, False]),
        ("IS_MISSING", "s", None, [False, False, True, True, False]),
        ("IS_MISSING", "n", None, [False, False, True, False, False]),
    ],
)
def test_condition(condition, column, value, expected):
    c = Condition(condition=condition, target_column=column, value=value)
    assert list(evaluate(c, DF)) == expected


def test_all_fifteen_conditions_are_known():
    assert len(CONDITIONS) == 15


def test_conditions_are_anded():
    conds = [
        Condition(condition="GREATER_THAN", target_column="n", value=0),
        Condition(condition="CONTAINS", target_column="s", value="p"),
    ]
    assert list(mask(conds, DF)) == [True, False, False, False, False]


def test_bad_value_is_a_clear_error():
    with pytest.raises(StepError, match="not a number"):
        evaluate(Condition(condition="LESS_THAN", target_column="n", value="abc"), DF)
    with pytest.raises(StepError, match="does not exist"):
        evaluate(Condition(condition="IS_MISSING", target_column="zz"), DF)
