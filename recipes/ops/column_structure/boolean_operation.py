"""BOOLEAN_OPERATION: a new column holding one value where a condition holds and another where not.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.BOOLEAN_OPERATION.html

Semantics
---------
- ``value_expression`` is a condition in DataBrew's expression language (Brewdesk's restricted
  grammar, :mod:`brewdesk.recipes.expressions.parser`): backtick column references (`` `price` ``),
  aggregate references (`` `:avg_price` ``), quoted text, numbers, ``true``/``false``/``null``,
  the comparisons ``< <= > >= = == != <>``, ``and``/``&&``, ``or``/``||``, ``!``/``not``,
  parentheses and the functions ``startsWith``, ``endsWith``, ``contains``, ``matches`` (RE2,
  whole value), ``isBetween`` (inclusive), ``isMissing`` and ``isValid``. The text is parsed into
  a tree of whitelisted nodes; it is never executed as code.
- ``true_value_expression`` / ``false_value_expression``: a column, an aggregate, quoted text, a
  number, ``true``/``false``/``null``; any other text is a constant as written (DataBrew's
  example ``It is true.``).
- ``with_expressions`` names aggregates of whole columns (``avg``, ``sum``, ``median``,
  ``stddev``, ``variance``, ``min``, ``max``, ``product``, ``mean_absolute_deviation``, as on the
  CASE_OPERATION page), e.g. ``{"name": "avg_price", "value": "avg(`price`)", "type":
  "aggregate"}``. They are whole-dataset statistics, requested from the engine (one pass over
  the data), never computed per partition. Missing values are ignored; stddev and variance are
  the sample ones (n - 1, Spark's); an aggregate of no values is missing.

Choices where DataBrew's page is silent (documented):

- A condition that cannot be decided (a comparison with a missing value) counts as false: the
  row gets the false value. ``isMissing`` tests for missing values.
- Comparisons: numbers as numbers (a text side is read as a number; unreadable text is missing),
  dates as dates (text read as a date), booleans as booleans, anything else as text
  (case-sensitive). Comparing a date with a number, or a boolean with a number or a date, is a
  validation problem.
- The result type: the common type of the two values (int64 with float64 gives float64);
  any other mix is text (numbers written as ``5`` / ``5.0``, booleans ``True``/``False``).
- The new column goes right after the first column the expressions read (at the end when they
  read none); a ``target_column`` that already exists is refused.
- DataBrew's ``withExpressions`` is a JSON list in a string; it is left out on export when empty.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pandas as pd
from brewdesk.recipes.ops._expressions import ExpressionOperation, ExpressionParams, ev, parsed, rt
from brewdesk.recipes.ops.base import new_column
from pydantic import Field, field_validator


class BooleanOperationParams(ExpressionParams):
    expression_kinds: ClassVar[dict[str, str]] = {
        "value_expression": "condition",
        "true_value_expression": "result",
        "false_value_expression": "result",
    }
    value_expression: str = Field(min_length=1, description="Condition, e.g. `price` > 100 and !isMissing(`city`)")
    true_value_expression: str = Field(description="Value where the condition holds: `column`, `:aggregate`, 'text', a number or plain text")
    false_value_expression: str = Field(description="Value elsewhere: `column`, `:aggregate`, 'text', a number or plain text")
    target_column: str = new_column(description="New column with the result")

    @field_validator("value_expression")
    @classmethod
    def _condition(cls, v: str) -> str:
        parsed("condition", v)
        return v

    @field_validator("true_value_expression", "false_value_expression")
    @classmethod
    def _result(cls, v: str) -> str:
        parsed("result", v)
        return v


class BooleanOperation(ExpressionOperation):
    """If the condition holds, the true value, else the false value, into a new column."""

    id = "boolean_operation"
    title = "Boolean operation (if ... then ... else)"
    databrew = ("BOOLEAN_OPERATION",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.BOOLEAN_OPERATION.html"
    Params = BooleanOperationParams

    def result(self, params: Any, frame: pd.DataFrame, aggs: Any) -> pd.Series:
        cond = ev.condition(self.tree(params, "value_expression"), frame, aggs)
        yes = ev.value(self.tree(params, "true_value_expression"), frame, aggs)
        no = ev.value(self.tree(params, "false_value_expression"), frame, aggs)
        return rt._bx_pick([cond], [yes], no, frame.index)

    def result_code(self, params: Any) -> str:
        cond = ev.condition_code(self.tree(params, "value_expression"))
        yes = ev.value_code(self.tree(params, "true_value_expression"))
        no = ev.value_code(self.tree(params, "false_value_expression"))
        return f"_bx_pick([{cond}], [{yes}], {no}, df.index)"

    def describe(self, params: Any) -> str:
        cond = params.value_expression if len(params.value_expression) <= 80 else params.value_expression[:77] + "..."
        return f"If {cond} then {params.true_value_expression} else {params.false_value_expression}, into {params.target_column}"


OPERATION = BooleanOperation()
