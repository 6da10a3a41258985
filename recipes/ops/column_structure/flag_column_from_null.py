"""FLAG_COLUMN_FROM_NULL: flag the rows whose value is null in a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FLAG_COLUMN_FROM_NULL.html

Semantics
---------
- The flag is ``true_string`` where the source value is null (missing) and ``false_string``
  elsewhere (defaults ``True`` / ``False``, as DataBrew documents). The flag itself is never
  missing.
- Only null cells count: an empty or blank string is a value, not a null (DataBrew keeps
  "empty" and "null" apart, e.g. REPLACE_WITH_EMPTY vs REPLACE_WITH_NULL; its page does not
  say more; documented choice).
- The source may be of any type; the flag is text and goes to the new ``target_column`` right
  after the source.
- DataBrew's ``flagType`` parameter (always ``Null values``) is dropped on import and written
  back on export.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.flags import _bc_flag_null
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops._value_functions import FlagParams
from brewdesk.recipes.ops.base import Kind, Operation, check_columns, column, new_column


class FlagColumnFromNullParams(FlagParams):
    source_column: str = column(description="Column to test for nulls")
    target_column: str = new_column(description="New column with the flag")


class FlagColumnFromNull(Operation):
    """Flag null values of a column."""

    id = "flag_column_from_null"
    kind = Kind.ROW
    category = "Column"
    title = "Flag column from null"
    databrew = ("FLAG_COLUMN_FROM_NULL",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FLAG_COLUMN_FROM_NULL.html"
    Params = FlagColumnFromNullParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return place_schema(schema, params.target_column, "string", params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        flag = _bc_flag_null(frame[params.source_column], params.true_string, params.false_string)
        return place(frame, params.target_column, flag, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        expr = f"_bc_flag_null(df[{col!r}], {params.true_string!r}, {params.false_string!r})"
        return place_code(params.target_column, expr, col)

    def describe(self, params: Any) -> str:
        return f"Flag null values of {params.source_column} in {params.target_column}"

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        name, out = super().to_databrew(params)
        out["flagType"] = "Null values"
        return name, out


OPERATION = FlagColumnFromNull()
