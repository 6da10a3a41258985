"""REPLACE_WITH_CUSTOM: replace the values of the selected rows with a given value.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_CUSTOM.html

Semantics
---------
- Every value of the rows the step's condition selects (DataBrew's ``ConditionExpressions``)
  becomes ``value``; without a condition, every value of the column does (missing ones too). The
  runner applies the condition; this step writes the whole column.
- DataBrew takes ``sourceColumn`` or ``sourceColumns``; Brewdesk takes a list,
  ``source_columns`` (``source_column`` is accepted for one column), and writes each of them.
- ``value`` is converted to each column's type when the recipe is validated, with
  fill_with_custom's rules (an integer column takes whole numbers, a boolean column true/false,
  a datetime column an ISO 8601 date, text and category any text); a value that does not
  convert is a validation problem on ``value``. The column's type never changes.
- DataBrew's ``columnDataType`` only restates the type: it is ignored on import and written
  back as ``string`` (DataBrew's page does not list its values; documented choice).
  ``advancedDataType`` is not supported and is dropped on import.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_fill_custom
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema, logical_type
from brewdesk.recipes.ops._fit_common import literal
from brewdesk.recipes.ops._maps import SourceColumnsParams
from brewdesk.recipes.ops.base import Kind, Operation, StepProblem, check_columns, columns
from brewdesk.recipes.ops.data_quality.fill_with_custom import typed_value
from pydantic import Field


class ReplaceWithCustomParams(SourceColumnsParams):
    source_columns: list[str] = columns(description="Columns whose selected values are replaced")
    value: str | int | float | bool = Field(description="Value written into the selected rows")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else repr(value)


class ReplaceWithCustom(Operation):
    """Replace the selected values of columns with ``value`` (in each column's type)."""

    id = "replace_with_custom"
    kind = Kind.ROW
    category = "Missing"
    title = "Replace with custom value"
    databrew = ("REPLACE_WITH_CUSTOM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_CUSTOM.html"
    Params = ReplaceWithCustomParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        for c in params.source_columns:
            typed_value(params.value, schema[c])
        return schema

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = frame.copy(deep=False)
        for c in params.source_columns:
            try:
                typed_value(params.value, logical_type(frame[c].dtype))
            except StepProblem as e:
                raise StepError(e.message) from None
            out[c] = _bd_fill_custom(frame[c], params.value, replace=True)
        return out

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        return "\n".join(
            [
                f"for _c in {params.source_columns!r}:",
                f"    df[_c] = _bd_fill_custom(df[_c], {literal(params.value)}, replace=True)",
            ]
        )

    def describe(self, params: Any) -> str:
        return f"Replace values in {', '.join(params.source_columns)} with {params.value!r}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        if "sourceColumns" in parameters:
            cols = parameters["sourceColumns"]
            cols = json.loads(cols) if isinstance(cols, str) else list(cols)
        else:
            cols = [parameters["sourceColumn"]]
        return {"source_columns": cols, "value": parameters.get("value", "")}

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        out: dict[str, str] = {}
        if len(params.source_columns) == 1:
            out["sourceColumn"] = params.source_columns[0]
        else:
            out["sourceColumns"] = json.dumps(params.source_columns)
        out["columnDataType"] = "string"
        out["value"] = _text(params.value)
        return "REPLACE_WITH_CUSTOM", out


OPERATION = ReplaceWithCustom()
