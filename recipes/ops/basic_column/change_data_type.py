"""CHANGE_DATA_TYPE: convert a column to another type; values that do not convert become missing.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CHANGE_DATA_TYPE.html

``column_data_type`` takes DataBrew's names and maps them onto Brewdesk's types:

=============================  ==========  =============================================
DataBrew                       Brewdesk    notes
=============================  ==========  =============================================
byte, short, int, long         int64       values outside the named type's range -> missing
float, double, decimal         float64     (``number``, from TO_NUMBER/TO_DOUBLE_COLUMN)
string                         string
boolean                        boolean
timestamp                      datetime
date                           datetime    time of day dropped (midnight)
=============================  ==========  =============================================

Conversions, following Spark's casts (DataBrew runs on Spark) where DataBrew's page is silent:

- text -> number: surrounding whitespace ignored; text that is not a number -> missing; to an
  integer type, decimals are truncated toward zero (``"3.7"`` -> 3); integers of up to 18 digits
  convert exactly.
- number -> integer: truncated toward zero; NaN, infinity and out-of-range values -> missing.
- text -> boolean: ``true/t/yes/y/1`` and ``false/f/no/n/0`` (any case, trimmed); other text ->
  missing. number -> boolean: 0 is false, anything else true.
- boolean -> number: 1 / 0. boolean -> text: ``true`` / ``false``.
- datetime <-> number: seconds since 1970-01-01 (to an integer: floored, as Spark does).
- text -> datetime: ``date_time_format`` (a DataBrew/Java pattern such as ``yyyy-MM-dd HH:mm:ss``,
  or strftime) when given, else ISO 8601 (``2024-01-31``, ``2024-01-31 13:45:00``,
  ``2024-01-31T13:45:00Z``); offsets are converted to UTC and dropped; unparseable -> missing.
- datetime -> text: ``date_time_format`` when given, else ``yyyy-MM-dd HH:mm:ss`` with a fraction
  only when there is one (``2024-01-31 13:45:00.25``); month and day names are English.
- number -> text: Python's shortest round-trip form (``1.5``, ``3.0``, ``1e+20``; Spark writes
  ``1.0E20``).
- boolean <-> datetime cannot convert: a validation problem, not a column of missing values.

The deprecated TO_STRING_COLUMN, TO_NUMBER_COLUMN, TO_DOUBLE_COLUMN and TO_BOOLEAN_COLUMN import
as this operation (number and double -> ``double``). A condition cannot restrict a step that
changes a column's type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_convert
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._date_patterns import strftime_or_problem
from brewdesk.recipes.ops.base import Kind, Operation, Params, StepProblem, check_columns, column
from pydantic import Field

DataType = Literal[
    "byte", "short", "int", "long", "float", "double", "decimal", "number",
    "string", "boolean", "timestamp", "date",
    "int64", "float64", "datetime",
]
LOGICAL: dict[str, str] = {
    "byte": "int64", "short": "int64", "int": "int64", "long": "int64", "int64": "int64",
    "float": "float64", "double": "float64", "decimal": "float64", "number": "float64",
    "float64": "float64", "string": "string", "boolean": "boolean", "timestamp": "datetime",
    "date": "datetime", "datetime": "datetime",
}
DEPRECATED: dict[str, str] = {
    "TO_STRING_COLUMN": "string",
    "TO_NUMBER_COLUMN": "double",
    "TO_DOUBLE_COLUMN": "double",
    "TO_BOOLEAN_COLUMN": "boolean",
}


class ChangeDataTypeParams(Params):
    source_column: str = column(description="Column to convert")
    column_data_type: DataType = Field(description="New type (DataBrew's names)")
    date_time_format: str | None = Field(
        None,
        description="Pattern for text <-> datetime, e.g. yyyy-MM-dd HH:mm:ss (default ISO 8601)",
    )


class ChangeDataType(Operation):
    """Convert ``source_column`` to ``column_data_type``; unconvertible values become missing."""

    id = "change_data_type"
    kind = Kind.ROW
    category = "Column"
    title = "Change type"
    databrew = ("CHANGE_DATA_TYPE", *DEPRECATED)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CHANGE_DATA_TYPE.html"
    Params = ChangeDataTypeParams

    def columns(self, params: ChangeDataTypeParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        strftime_or_problem(params.date_time_format, "date_time_format")
        src = schema[params.source_column]
        out = LOGICAL[params.column_data_type]
        if {src, out} == {"boolean", "datetime"}:
            raise StepProblem(
                f"column '{params.source_column}' is {src} and cannot become {out}",
                field="column_data_type",
            )
        if src == "object" and out != "string":
            raise StepProblem(
                f"column '{params.source_column}' holds nested values; convert it to string first",
                field="column_data_type",
            )
        return schema.with_column(params.source_column, out)

    def apply(self, params: ChangeDataTypeParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        return frame.assign(**{col: _bd_convert(frame[col], params.column_data_type, fmt)})

    def describe(self, params: ChangeDataTypeParams) -> str:
        fmt = f" ({params.date_time_format})" if params.date_time_format else ""
        return f"Change type of {params.source_column} to {params.column_data_type}{fmt}"

    def to_code(self, params: ChangeDataTypeParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        return (
            f"df[{col!r}] = _bd_convert(df[{col!r}], {params.column_data_type!r}, {fmt!r})"
        )

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"source_column": parameters["sourceColumn"]}
        if operation in DEPRECATED:
            out["column_data_type"] = DEPRECATED[operation]
        else:
            out["column_data_type"] = str(parameters["columnDataType"]).lower()
        if parameters.get("dateTimeFormat"):
            out["date_time_format"] = parameters["dateTimeFormat"]
        return out

    def to_databrew(self, params: ChangeDataTypeParams) -> tuple[str, dict[str, str]]:
        name = {"int64": "long", "float64": "double", "datetime": "timestamp", "number": "double"}
        out = {
            "sourceColumn": params.source_column,
            "columnDataType": name.get(params.column_data_type, params.column_data_type),
        }
        if params.date_time_format:
            out["dateTimeFormat"] = params.date_time_format
        return "CHANGE_DATA_TYPE", out


OPERATION = ChangeDataType()
