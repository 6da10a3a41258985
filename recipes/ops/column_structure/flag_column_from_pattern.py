"""FLAG_COLUMN_FROM_PATTERN: flag the rows whose text matches a regular expression.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FLAG_COLUMN_FROM_PATTERN.html

Semantics
---------
- ``pattern`` is a regular expression (Python ``re`` syntax). A value is flagged when the
  pattern matches anywhere in it (a search, not a whole-value match; DataBrew's page does not
  say; documented choice, anchor with ``^...$`` for a whole-value match). Matching is case
  sensitive.
- The flag is text: ``true_string`` where the pattern matches, ``false_string`` elsewhere
  (defaults ``True`` / ``False``). A missing value gets a missing flag (as IS_EVEN and the
  other flag functions; DataBrew's page does not say).
- The source is a text column; the flag goes to the new ``target_column`` right after it.
- DataBrew's ``flagType`` parameter (always ``Pattern``) is dropped on import and written back
  on export.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.flags import _bc_flag_pattern
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops._value_functions import FlagParams, regex_problem
from brewdesk.recipes.ops.base import Kind, Operation, check_columns, column, new_column
from pydantic import Field


class FlagColumnFromPatternParams(FlagParams):
    source_column: str = column(types=TEXT_TYPES, description="Text column to match")
    pattern: str = Field(min_length=1, description="Regular expression; values it matches are flagged")
    target_column: str = new_column(description="New column with the flag")


class FlagColumnFromPattern(Operation):
    """Flag text values that match a regular expression."""

    id = "flag_column_from_pattern"
    kind = Kind.ROW
    category = "Column"
    title = "Flag column from pattern"
    databrew = ("FLAG_COLUMN_FROM_PATTERN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FLAG_COLUMN_FROM_PATTERN.html"
    Params = FlagColumnFromPatternParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        regex_problem(params.pattern, "pattern")
        return place_schema(schema, params.target_column, "string", params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        flag = _bc_flag_pattern(frame[params.source_column], params.pattern, params.true_string, params.false_string)
        return place(frame, params.target_column, flag, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        expr = f"_bc_flag_pattern(df[{col!r}], {params.pattern!r}, {params.true_string!r}, {params.false_string!r})"
        return place_code(params.target_column, expr, col)

    def describe(self, params: Any) -> str:
        return f"Flag values of {params.source_column} matching /{params.pattern}/ in {params.target_column}"

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        name, out = super().to_databrew(params)
        out["flagType"] = "Pattern"
        return name, out


OPERATION = FlagColumnFromPattern()
