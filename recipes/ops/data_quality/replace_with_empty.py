"""REPLACE_WITH_EMPTY: replace the values of the selected rows with empty text.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_EMPTY.html

Semantics
---------
- Every value of the rows the step's condition selects becomes the empty string ``""``;
  without a condition, every value of the column does (nulls too). The runner applies the
  condition; this step writes the whole column.
- Only text and category columns take empty text (an empty value has no meaning for a number,
  boolean or date column; DataBrew's page does not say; documented choice: such a column is a
  validation problem, use replace_with_null there). A category column gains the ``""`` category.
- DataBrew's ``columnDataType`` is ignored on import and written back as ``string``;
  ``advancedDataType`` is not supported and is dropped on import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_empty_like
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, column


class ReplaceWithEmptyParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column whose selected values become empty")


class ReplaceWithEmpty(Operation):
    """Replace the selected values of a text column with empty text."""

    id = "replace_with_empty"
    kind = Kind.ROW
    category = "Missing"
    title = "Replace with empty"
    databrew = ("REPLACE_WITH_EMPTY",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_EMPTY.html"
    Params = ReplaceWithEmptyParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return schema

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = frame.copy(deep=False)
        out[params.source_column] = _bd_empty_like(frame[params.source_column])
        return out

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        return f"df[{col!r}] = _bd_empty_like(df[{col!r}])"

    def describe(self, params: Any) -> str:
        return f"Replace values in {params.source_column} with empty text"

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        return "REPLACE_WITH_EMPTY", {"sourceColumn": params.source_column, "columnDataType": "string"}


OPERATION = ReplaceWithEmpty()
