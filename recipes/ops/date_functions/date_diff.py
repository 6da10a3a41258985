"""DATE_DIFF: the difference between two dates, in whole units.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATEDIFF.html

- Each operand is a datetime (or ISO date text) column or a literal date (``source_column1`` or
  ``value1``, ``source_column2`` or ``value2``). A literal that is not a date is a validation
  problem; column text that does not parse gives missing, as does a missing operand.
- The sign is not documented: the result is *second minus first* (``operand2 - operand1``), so a
  start date first and an end date second give a positive number, as Spark's
  ``datediff(end, start)`` reads.
- ``units``: MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS and WEEKS count complete elapsed units
  (23 hours is 0 DAYS); MONTHS, QUARTERS and YEARS count complete calendar months (Jan 31 to
  Feb 29 is 0 MONTHS; Jan 31 to Mar 31 is 2). Partial units are truncated toward zero for negative
  differences too.
- The result is an integer column placed right after the first operand column.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.dates import _bd_dates_diff
from brewdesk.recipes.kernels.types import _bd_convert
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._date_parts import DATE_SOURCE_TYPES
from brewdesk.recipes.ops._plumbing import (
    check_one_of,
    databrew_operands,
    first_column,
    operand,
    operand_code,
    operands_to_databrew,
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

Units = Literal["MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS", "WEEKS", "MONTHS", "QUARTERS", "YEARS"]


class DateDiffParams(Params):
    source_column1: str | None = column(None, types=DATE_SOURCE_TYPES, description="First (start) date column")
    value1: str | None = Field(None, description="First date as a value, e.g. 2024-01-31")
    source_column2: str | None = column(None, types=DATE_SOURCE_TYPES, description="Second (end) date column")
    value2: str | None = Field(None, description="Second date as a value")
    units: Units = Field("DAYS", description="Unit of the difference")
    target_column: str = new_column(description="New integer column")

    @field_validator("units", mode="before")
    @classmethod
    def _upper(cls, v: Any) -> Any:
        return v.strip().upper() if isinstance(v, str) else v

    @model_validator(mode="after")
    def _operands(self) -> DateDiffParams:
        check_one_of(self, "source_column1", "value1")
        check_one_of(self, "source_column2", "value2")
        return self


class DateDiff(Operation):
    """``target_column = operand2 - operand1`` in whole ``units``."""

    id = "date_diff"
    kind = Kind.ROW
    category = "Functions"
    title = "Date difference"
    databrew = ("DATE_DIFF",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATEDIFF.html"
    Params = DateDiffParams

    def _after(self, params: DateDiffParams) -> str | None:
        return first_column(params.source_column1, params.source_column2)

    def columns(self, params: DateDiffParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        for field in ("value1", "value2"):
            v = getattr(params, field)
            if v is not None and pd.isna(_bd_convert(pd.Series([v], dtype="string[pyarrow]"), "datetime").iloc[0]):
                raise StepProblem(f"{v!r} is not a date (ISO 8601, e.g. 2024-01-31)", field=field)
        return place_schema(schema, params.target_column, "int64", self._after(params))

    def apply(self, params: DateDiffParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        a = operand(frame, params.source_column1, params.value1)
        b = operand(frame, params.source_column2, params.value2)
        return place(frame, params.target_column, _bd_dates_diff(a, b, params.units), self._after(params))

    def describe(self, params: DateDiffParams) -> str:
        a = params.source_column1 or params.value1
        b = params.source_column2 or params.value2
        return f"{params.target_column} = {params.units.lower()} from {a} to {b}"

    def to_code(self, params: DateDiffParams, fitted: Mapping[str, Any]) -> str:
        a = operand_code(params.source_column1, params.value1)
        b = operand_code(params.source_column2, params.value2)
        expr = f"_bd_dates_diff({a}, {b}, {params.units!r})"
        return place_code(params.target_column, expr, self._after(params))

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out = {**databrew_operands(parameters), "target_column": parameters["targetColumn"]}
        if "units" in parameters:
            out["units"] = parameters["units"]
        return out

    def to_databrew(self, params: DateDiffParams) -> tuple[str, dict[str, str]]:
        return "DATE_DIFF", {**operands_to_databrew(params), "units": params.units, "targetColumn": params.target_column}


OPERATION = DateDiff()
