"""DATE_ADD: a date plus a number of units.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATEADD.html

Semantics
---------
- The date is a datetime (or ISO 8601 date text) column ``source_column`` or one literal date
  ``value`` for every row, not both. A literal that is not a date is a validation problem; column
  text that does not parse gives missing, as does a missing date.
- ``date_add_value`` is a literal whole number (negative subtracts), between -100000 and 100000
  (DataBrew also accepts only a number here, not a column).
- ``units``: YEARS, QUARTERS and MONTHS are calendar units that keep the day of the month,
  clipped to the month's last day (``2024-01-31`` + 1 MONTHS is ``2024-02-29``); WEEKS, DAYS,
  HOURS, MINUTES, SECONDS and MILLISECONDS add a fixed duration. The documentation does not say
  how month ends are handled; clipping is what Spark's ``add_months`` does.
- Without ``date_time_format`` the result is a datetime column; with it (a DataBrew/Java or
  strftime pattern) the result is text in that format (the documentation only calls it "a
  format string for the date"; Brewdesk applies it to the result, as DATE_FORMAT does).
- The result ``target_column`` goes right after the source column (at the end for a literal).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.dates import _bc_add_to_date
from brewdesk.recipes.kernels.types import _bd_convert
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._date_parts import DATE_SOURCE_TYPES
from brewdesk.recipes.ops._date_patterns import strftime_or_problem
from brewdesk.recipes.ops._plumbing import (
    check_one_of,
    operand,
    operand_code,
    place,
    place_code,
    place_schema,
)
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    check_columns,
    column,
    new_column,
)
from pydantic import Field, field_validator, model_validator

Units = Literal["YEARS", "QUARTERS", "MONTHS", "WEEKS", "DAYS", "HOURS", "MINUTES", "SECONDS", "MILLISECONDS"]


class DateAddParams(Params):
    source_column: str | None = column(None, types=DATE_SOURCE_TYPES, description="Datetime column (or ISO date text)")
    value: str | None = Field(None, description="One date for every row (instead of a column), e.g. 2024-01-31")
    units: Units = Field("DAYS", description="Unit of the number added")
    date_add_value: int = Field(ge=-100_000, le=100_000, description="Number of units to add (negative subtracts)")
    date_time_format: str | None = Field(None, description="Write the result as text in this pattern (default: a datetime)")
    target_column: str = new_column(description="New column with the result")

    @field_validator("units", mode="before")
    @classmethod
    def _upper(cls, v: Any) -> Any:
        return v.strip().upper() if isinstance(v, str) else v

    @model_validator(mode="after")
    def _operand(self) -> DateAddParams:
        check_one_of(self, "source_column", "value")
        return self


class DateAdd(Operation):
    """``target_column`` = the date plus ``date_add_value`` ``units``."""

    id = "date_add"
    kind = Kind.ROW
    category = "Functions"
    title = "Date add"
    databrew = ("DATE_ADD",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATEADD.html"
    Params = DateAddParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        strftime_or_problem(params.date_time_format, "date_time_format")
        v = params.value
        if v is not None and pd.isna(_bd_convert(pd.Series([v], dtype="string[pyarrow]"), "datetime").iloc[0]):
            raise StepProblem(f"{v!r} is not a date (ISO 8601, e.g. 2024-01-31)", field="value")
        out = "string" if params.date_time_format else "datetime"
        return place_schema(schema, params.target_column, out, params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        out = _bc_add_to_date(operand(frame, params.source_column, params.value), params.units, params.date_add_value, fmt)
        return place(frame, params.target_column, out, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        src = operand_code(params.source_column, params.value)
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        expr = f"_bc_add_to_date({src}, {params.units!r}, {params.date_add_value!r}, {fmt!r})"
        return place_code(params.target_column, expr, params.source_column)

    def describe(self, params: Any) -> str:
        src = params.source_column if params.source_column is not None else repr(params.value)
        return f"{params.target_column} = {src} + {params.date_add_value} {params.units.lower()}"


OPERATION = DateAdd()
