"""REMOVE_INVALID: remove the rows whose value is not valid for a data type.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REMOVE_INVALID.html

Semantics
---------
- A value is invalid when it is text that cannot be read as ``column_data_type``, with the same
  reading rules as the IS_INVALID condition (recipes/model/conditions.py), after trimming whitespace:
  ``number`` (default) - a decimal number; ``integer`` - a number without a fraction;
  ``boolean`` - true/false/1/0/yes/no in any case; ``date`` - a date or timestamp.
- Missing values (null, or empty or blank text) are not invalid: they are kept (REMOVE_MISSING
  removes them). This differs from the IS_INVALID condition, which counts blank text as invalid
  (DataBrew's page does not say; documented choice).
- A typed (non-text) column holds no invalid values, so no row is removed.
- The remaining rows keep their order and row ids. A condition cannot restrict this step (it
  removes rows).
- DataBrew's ``advancedDataType`` (semantic types such as e-mail) is not supported: it is dropped
  on import and not written on export.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.types import _ri_invalid
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, column
from pydantic import Field


class RemoveInvalidParams(Params):
    source_column: str = column(description="Column whose invalid values remove their rows")
    column_data_type: Literal["number", "integer", "boolean", "date"] = Field(
        "number", description="Type the text values must be readable as"
    )


class RemoveInvalid(Operation):
    """Delete the rows whose text value cannot be read as the given type."""

    id = "remove_invalid"
    kind = Kind.ROW
    category = "Missing"
    title = "Remove invalid rows"
    databrew = ("REMOVE_INVALID",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REMOVE_INVALID.html"
    Params = RemoveInvalidParams
    changes_rows = True

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return schema

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        return frame.loc[~_ri_invalid(frame[params.source_column], params.column_data_type)]

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        return f"df = df.loc[~_ri_invalid(df[{params.source_column!r}], {params.column_data_type!r})]"

    def describe(self, params: Any) -> str:
        return f"Remove rows where {params.source_column} is not a valid {params.column_data_type}"


OPERATION = RemoveInvalid()
