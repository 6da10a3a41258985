"""CASE_OPERATION: a new column holding the value of the first ``when`` condition that holds.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CASE_OPERATION.html

Semantics
---------
- ``value_expression`` is ``case when <condition> then <value> [when ... then ...] [else
  <value>] end``: the conditions are tried in order and the first that holds gives the row's
  value; when none holds, the ``else`` value (DataBrew: "the default value"), or missing when
  there is no ``else``.
- Conditions use the language of boolean_operation (:mod:`brewdesk.recipes.expressions.parser`):
  backtick columns, `` `:aggregate` `` references, quoted text, numbers, comparisons,
  ``and``/``or``/``!``, parentheses and the functions ``startsWith``, ``endsWith``,
  ``contains``, ``matches``, ``isBetween``, ``isMissing``, ``isValid``. Values are a column, an
  aggregate, quoted text, a number, ``true``, ``false`` or ``null``. The text is parsed into a
  tree of whitelisted nodes; it is never executed as code. Keywords are case-insensitive.
- ``with_expressions``: named whole-dataset aggregates (the page's table: ``sum``, ``avg``,
  ``mean_absolute_deviation``, ``median``, ``product``, ``stddev``, ``variance``; plus ``min``
  and ``max`` from the BOOLEAN_OPERATION page), requested from the engine, never computed per
  partition; missing values ignored, sample stddev and variance.

Choices where DataBrew's page is silent (documented):

- A condition that cannot be decided (a comparison with a missing value) counts as false, so
  the next ``when`` is tried.
- Comparisons and the result type follow boolean_operation: the common type of every ``then``
  and ``else`` value (int64 with float64 gives float64), otherwise text.
- The new column goes right after the first column the expression reads (at the end when it
  reads none); a ``target_column`` that already exists is refused.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pandas as pd
from brewdesk.recipes.expressions.parser import Case
from brewdesk.recipes.ops._expressions import ExpressionOperation, ExpressionParams, ev, parsed
from brewdesk.recipes.ops.base import new_column
from pydantic import Field, field_validator


class CaseOperationParams(ExpressionParams):
    expression_kinds: ClassVar[dict[str, str]] = {"value_expression": "case"}
    value_expression: str = Field(
        min_length=1, description="case when `a` < 10 then 'low' when `a` < 100 then 'mid' else 'high' end"
    )
    target_column: str = new_column(description="New column with the result")

    @field_validator("value_expression")
    @classmethod
    def _case(cls, v: str) -> str:
        parsed("case", v)
        return v


class CaseOperation(ExpressionOperation):
    """The value of the first ``when`` that holds (else the default) into a new column."""

    id = "case_operation"
    title = "Case operation (case when ... then ... end)"
    databrew = ("CASE_OPERATION",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CASE_OPERATION.html"
    Params = CaseOperationParams

    def case(self, params: Any) -> Case:
        tree = self.tree(params, "value_expression")
        assert isinstance(tree, Case)
        return tree

    def result(self, params: Any, frame: pd.DataFrame, aggs: Any) -> pd.Series:
        return ev.pick(self.case(params), frame, aggs)

    def result_code(self, params: Any) -> str:
        case = self.case(params)
        conds = ", ".join(ev.condition_code(c) for c, _ in case.whens)
        values = ", ".join(ev.value_code(v) for _, v in case.whens)
        default = ev.value_code(case.default) if case.default is not None else "None"
        return f"_bx_pick([{conds}], [{values}], {default}, df.index)"

    def describe(self, params: Any) -> str:
        text = params.value_expression if len(params.value_expression) <= 90 else params.value_expression[:87] + "..."
        return f"{text} into {params.target_column}"


OPERATION = CaseOperation()
