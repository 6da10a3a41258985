"""The expression language: grammar, positions, helpers, DataBrew examples (security tests are in
test_expressions_security.py)."""

from __future__ import annotations

import inspect
import json

import pandas as pd
import pytest
from brewdesk.recipes.export import codegen
from brewdesk.recipes.export.source import kernel_code
from brewdesk.recipes.expressions import evaluate as ev
from brewdesk.recipes.expressions import parser as ex
from brewdesk.recipes.kernels import expressions as rt
from brewdesk.recipes.model.databrew import import_databrew
from brewdesk.recipes.model.errors import RecipeFormatError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas

from tests.golden.cases import frame


def test_exported_code_carries_only_the_helpers_it_calls() -> None:
    code = kernel_code("_x = _bx_missing(*(df['a'], 'string'), df.index)")
    assert "def _bx_missing(" in code and "def _bx_series(" in code and "def _bx_dtype(" in code
    assert "def _bx_cmp(" not in code and "def _bx_agg(" not in code
    assert inspect.getsource(rt._bx_missing) in code
    step = Step.create("case_operation", {"value_expression": "case when isMissing(`a`) then 1 end", "target_column": "k"})
    everything = kernel_code("\n".join(f"{n}()" for n in dir(rt) if n.startswith("_bx_")))
    assert len(codegen.step_code(step)) < len(everything) / 2


def test_precedence_and_binds_tighter_than_or_and_not_tightest() -> None:
    tree = ex.parse_condition("!`a` = 1 or `b` = 2 and `c` = 3")
    assert isinstance(tree, ex.Logic) and tree.op == "or"
    assert isinstance(tree.items[0], ex.Not)
    assert isinstance(tree.items[1], ex.Logic) and tree.items[1].op == "and"
    assert ex.to_text(ex.parse_condition("`a` = 1 || `b` = 2 && `c` = 3")) == ex.to_text(ex.parse_condition("`a` = 1 OR `b` = 2 AND `c` = 3"))


def test_text_round_trip_and_rename() -> None:
    text = "case when startsWith(`a b`, 'it''s') or `n` <> -1.5 then `:avg.n` when !isMissing(`x`) then null else true end"
    with pytest.raises(ex.ExpressionError):
        ex.parse_case(text)  # '' is not an escape: the second quote starts a new literal
    text = text.replace("'it''s'", "'it\\'s'")
    tree = ex.parse_case(text)
    again = ex.to_text(tree)
    assert ex.to_text(ex.parse_case(again)) == again
    assert "'it\\'s'" in again and "`:avg.n`" in again and "!=" in again
    renamed = ex.rename_columns(tree, {"a b": "ab", "x": "y"})
    assert ex.columns_of(renamed) == ["ab", "n", "y"]
    assert ex.aggregates_of(tree) == ["avg.n"]


def test_result_expressions() -> None:
    assert ex.parse_result("It is true.") == ex.Literal(0, "It is true.")
    assert ex.parse_result(" 42 ") == ex.Literal(1, 42)
    assert ex.parse_result("-0.5") == ex.Literal(0, -0.5)
    assert ex.parse_result("`col`") == ex.Column(0, "col")
    assert ex.parse_result("`:agg`") == ex.Aggregate(0, "agg")
    assert ex.parse_result("NULL") == ex.Literal(0, None)
    with pytest.raises(ex.ExpressionError, match="unexpected '`b`' after a complete expression"):
        ex.parse_result("`a` `b`")
    with pytest.raises(ex.ExpressionError, match="unexpected '\\)' after a complete expression"):
        ex.parse_result("'x' )")
    with pytest.raises(ex.ExpressionError, match="unexpected '>' after a complete expression"):
        ex.parse_result("'x' > 1")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the condition is empty"),
        ("`a` >", "expression ends where a value was expected at column 6"),
        ("`a` < 1 < 2", "comparisons cannot be chained"),
        ("startsWith(`a`)", "startsWith takes 2 arguments, got 1"),
        ("isMissing(`a`, 1)", "isMissing takes 1 argument, got 2"),
        ("startswit(`a`, 'x')", "unknown name 'startswit' (did you mean 'startsWith'?)"),
        ("(`a` > 1", "expected ')', found the end of the expression"),
        ("- `a` > 1", "'-' can only precede a number"),
        ("1.2.3 > 1", "malformed number"),
        ("`a` = .5", "a number must start with a digit"),
    ],
)
def test_syntax_errors_say_where_and_what(text: str, message: str) -> None:
    with pytest.raises(ex.ExpressionError) as info:
        ex.parse_condition(text)
    assert message in str(info.value)


def test_check_errors() -> None:
    kinds = {"a": "int64", "s": "string", "d": "datetime", "f": "boolean"}
    cases = {
        "isValid(`s`, 'color')": "isValid: unknown type 'color'",
        "startsWith(`s`, `s`)": "the second argument of startsWith must be quoted text",
        "`f` > 1": "cannot compare boolean with int64",
        "`a`": "a int64 value is not a condition",
        "null": "null is not a condition",
        "isBetween(`d`, 1, 2)": "cannot compare datetime with int64",
    }
    for text, message in cases.items():
        with pytest.raises(ex.ExpressionError) as info:
            ev.check(ex.parse_condition(text), text, kinds, {}, role="condition")
        assert message in str(info.value), text
    assert ev.check(ex.parse_condition("`f` and `s` = 1"), "", kinds, {}, role="condition") == "boolean"


def test_aggregate_parsing() -> None:
    assert ev.parse_aggregate("m", " AVG( `price` ) ") == ev.AggregateSpec("m", "avg", "price")
    with pytest.raises(ex.ExpressionError, match="unknown aggregate function 'mean'"):
        ev.parse_aggregate("m", "mean(`price`)")
    with pytest.raises(ex.ExpressionError, match="must be one function of one column"):
        ev.parse_aggregate("m", "avg(`a`, `b`)")


def test_databrew_page_example_imports_and_runs_with_whole_dataset_aggregates() -> None:
    doc = {
        "RecipeStep": {
            "Action": {
                "Operation": "BOOLEAN_OPERATION",
                "Parameters": {
                    "trueValueExpression": "`:mincolumn.2`",
                    "falseValueExpression": "`:maxcolumn.3`",
                    "valueExpression": "`column.1` < `:avgcolumn.4`",
                    "withExpressions": json.dumps(
                        [
                            {"name": "mincolumn.2", "value": "min(`column.2`)", "type": "aggregate"},
                            {"name": "maxcolumn.3", "value": "max(`column.3`)", "type": "aggregate"},
                            {"name": "avgcolumn.4", "value": "avg(`column.4`)", "type": "aggregate"},
                        ]
                    ),
                    "targetColumn": "result.column",
                },
            }
        }
    }
    recipe = import_databrew(json.dumps(doc))
    (step,) = recipe.steps
    assert step.op == "boolean_operation" and len(step.params.with_expressions) == 3
    df = frame(
        {
            "column.1": ("int64", [1, 50]),
            "column.2": ("int64", [7, 3]),
            "column.3": ("float64", [0.5, 9.5]),
            "column.4": ("int64", [10, 80]),
        }
    )
    out = run_pandas(recipe, df)
    assert out["result.column"].tolist() == [3.0, 9.5]


def test_case_page_example_imports() -> None:
    doc = {
        "Action": {
            "Operation": "CASE_OPERATION",
            "Parameters": {
                "valueExpression": "case when `column11` < `column.2` then 'result1' when `column2` < 'value2' then 'result2' else 'high' end",
                "targetColumn": "result.column",
            },
        }
    }
    (step,) = import_databrew(json.dumps([doc])).steps
    assert step.op == "case_operation" and step.params.with_expressions == []
    name, params = step.operation.to_databrew(step.params)
    assert name == "CASE_OPERATION" and "withExpressions" not in params


def test_bad_expression_in_a_databrew_recipe_is_a_format_error_with_position() -> None:
    doc = {"Action": {"Operation": "CASE_OPERATION", "Parameters": {"valueExpression": "case when `a` ** 2 then 1 end", "targetColumn": "r"}}}
    with pytest.raises(RecipeFormatError) as info:
        import_databrew(json.dumps([doc]))
    assert "unexpected character '*' at column 15" in str(info.value)


def test_step_problems_name_the_field() -> None:
    step = Step.create("case_operation", {"value_expression": "case when `x` > 1 then 'a' end", "target_column": "r"})
    with pytest.raises(Exception) as info:
        run_pandas(Recipe(steps=(step,)), frame({"y": ("int64", [1])}))
    assert "value_expression" in str(info.value) and "column 'x' does not exist" in str(info.value)
    step = Step.create("case_operation", {"value_expression": "case when `y` > 1 then 'a' end", "target_column": "y"})
    with pytest.raises(Exception, match="column 'y' already exists"):
        run_pandas(Recipe(steps=(step,)), frame({"y": ("int64", [1])}))


def test_describe_and_code_use_the_tree_not_the_text() -> None:
    step = Step.create(
        "boolean_operation",
        {"value_expression": "`a` > 1", "true_value_expression": "x'); import os; ('", "false_value_expression": "'n'", "target_column": "r"},
    )
    assert step.describe().startswith("If `a` > 1 then")
    code = codegen.step_code(step)
    # the constant is pasted as a Python string literal, never as code
    assert repr("x'); import os; ('") in code
    env = {"pd": pd, "np": __import__("numpy"), "df": frame({"a": ("int64", [0, 2])})}
    exec(code, env)  # noqa: S102 - exported code, as the golden code way runs it
    assert env["df"]["r"].tolist() == ["n", "x'); import os; ('"]


def test_recipe_wide_rename_reaches_inside_expressions() -> None:
    boolean = Step.create(
        "boolean_operation",
        {
            "value_expression": "`old name` > `:m` and isMissing(`other`)",
            "true_value_expression": "`old name`",
            "false_value_expression": "It stays.",
            "with_expressions": [{"name": "m", "value": "avg(`old name`)", "type": "aggregate"}],
            "target_column": "r",
        },
    )
    case = Step.create("case_operation", {"value_expression": "case when `other` = 'a' then 1 else 2 end", "target_column": "k"})
    assert boolean.operation is not None
    from brewdesk.recipes.ops.base import referenced_columns

    assert referenced_columns(boolean.params) == ["old name", "other"]
    recipe = Recipe(steps=(boolean, case)).rename_columns({"old name": "new"})
    b, c = (s.params for s in recipe.steps)
    assert b.value_expression == "(`new` > `:m` and isMissing(`other`))"
    assert b.true_value_expression == "`new`" and b.false_value_expression == "It stays."
    assert b.with_expressions[0].value == "avg(`new`)"
    assert c == case.params  # unchanged: it reads no renamed column
    df = frame({"new": ("int64", [1, 5, 9]), "other": ("string", [None, "a", None])})
    assert run_pandas(recipe, df)["r"].tolist() == ["It stays.", "It stays.", "9"]


def test_rename_to_a_name_an_expression_cannot_hold_is_refused() -> None:
    step = Step.create("case_operation", {"value_expression": "case when `a` = 1 then 'x' end", "target_column": "k"})
    with pytest.raises(ex.ExpressionError, match="column name contains"):
        Recipe(steps=(step,)).rename_columns({"a": "it's"})
