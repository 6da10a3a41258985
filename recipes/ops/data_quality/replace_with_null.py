"""REPLACE_WITH_NULL: replace the values of the selected rows with null.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_NULL.html

Semantics
---------
- Every value of the rows the step's condition selects becomes null (missing); without a
  condition, every value of the column does. The runner applies the condition; this step
  writes the whole column.
- Any column type; the column keeps its type (Brewdesk's dtypes are all nullable).
- DataBrew's ``columnDataType`` only restates the type: it is ignored on import and written
  back as ``string`` (DataBrew's page does not list its values; documented choice).
  ``advancedDataType`` is not supported and is dropped on import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, column


class ReplaceWithNullParams(Params):
    source_column: str = column(description="Column whose selected values become null")


class ReplaceWithNull(Operation):
    """Replace the selected values of a column with null."""

    id = "replace_with_null"
    kind = Kind.ROW
    category = "Missing"
    title = "Replace with null"
    databrew = ("REPLACE_WITH_NULL",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_NULL.html"
    Params = ReplaceWithNullParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return schema

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        s = frame[params.source_column]
        out = frame.copy(deep=False)
        out[params.source_column] = s.mask(np.ones(len(s), dtype=bool))
        return out

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        return f"df[{col!r}] = df[{col!r}].mask(np.ones(len(df), dtype=bool))"

    def describe(self, params: Any) -> str:
        return f"Replace values in {params.source_column} with null"

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        return "REPLACE_WITH_NULL", {"sourceColumn": params.source_column, "columnDataType": "string"}


OPERATION = ReplaceWithNull()
