"""DATE_TIME: build a datetime from year, month, day, hour, minute and second.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATETIME.html

- Each part is a column (``year_column``, ...; integer, number or numeric text) or a literal
  (``year``, ...), not both. Year, month and day are required; hour, minute and second default
  to 0. DataBrew passes the parts in ``dateTimeParameters``, a JSON object
  ``{"year": {"sourceColumn": "y"}, "month": {"value": "1"}, ...}``, converted on import.
- Year, month and day must form a real calendar date (1 <= year <= 9999), else the result is
  missing. Hour, minute and second are added as durations and may overflow: hour 24 is midnight of
  the next day (flights record 2400), minute 90 is an hour and a half. A missing, fractional or
  non-numeric part gives missing.
- Without ``date_time_format`` the result is a datetime column; with it (a DataBrew/Java or
  strftime pattern), the datetime written as text in that format, as DataBrew shows it.
- The new column is placed right after the first part column (at the end if every part is a
  literal).

Example: the flights ``dep_time`` (``hhmm``, e.g. 517) becomes hour and minute with
``floor(dep_time / 100)`` and ``mod(dep_time, 100)`` (DIVIDE, FLOOR, MOD steps), then
``date_time(year, month, day, hour, minute)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import pandas as pd
from brewdesk.recipes.kernels.dates import _bd_make_datetime
from brewdesk.recipes.kernels.types import _bd_convert
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._date_parts import (
    part_column,
    part_operands,
    part_value,
    parts_after,
    parts_from_databrew,
    parts_to_databrew,
)
from brewdesk.recipes.ops._date_patterns import strftime_or_problem
from brewdesk.recipes.ops._plumbing import check_one_of, place, place_code, place_schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, new_column
from pydantic import Field, model_validator

PARTS = ("year", "month", "day", "hour", "minute", "second")


class DateTimeParams(Params):
    year_column: str | None = part_column("year")
    year: int | None = part_value("year")
    month_column: str | None = part_column("month")
    month: int | None = part_value("month")
    day_column: str | None = part_column("day")
    day: int | None = part_value("day")
    hour_column: str | None = part_column("hour")
    hour: int | None = part_value("hour")
    minute_column: str | None = part_column("minute")
    minute: int | None = part_value("minute")
    second_column: str | None = part_column("second")
    second: int | None = part_value("second")
    date_time_format: str | None = Field(None, description="Write the result as text in this pattern")
    target_column: str = new_column(description="New column")

    @model_validator(mode="after")
    def _parts(self) -> DateTimeParams:
        for p in PARTS:
            check_one_of(self, f"{p}_column", p, required=p in {"year", "month", "day"})
        return self


class DateTime(Operation):
    """Build ``target_column`` from date and time parts (DATE uses it with the date parts only)."""

    id = "date_time"
    kind = Kind.ROW
    category = "Functions"
    title = "Date and time from parts"
    databrew = ("DATE_TIME",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATETIME.html"
    Params = DateTimeParams
    parts: ClassVar[tuple[str, ...]] = PARTS
    """The parts the step takes; the time parts it lacks are 0 (midnight)."""

    def _after(self, params: Any) -> str | None:
        return parts_after(params, self.parts)

    def _operands(self, params: Any, frame: pd.DataFrame | None) -> list[Any]:
        """The six ``_bd_make_datetime`` arguments: the step's parts, then 0 for the others."""
        zero = 0 if frame is not None else "0"
        return [*part_operands(params, self.parts, frame), *[zero] * (len(PARTS) - len(self.parts))]

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        return place_schema(schema, params.target_column, "string" if fmt else "datetime", self._after(params))

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = _bd_make_datetime(*self._operands(params, frame))
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        if fmt:
            out = _bd_convert(out, "string", fmt)
        return place(frame, params.target_column, out, self._after(params))

    def describe(self, params: DateTimeParams) -> str:
        parts = [str(getattr(params, f"{p}_column") or getattr(params, p) or 0) for p in PARTS]
        return f"{params.target_column} = date {'-'.join(parts[:3])} {':'.join(parts[3:])}"

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        expr = f"_bd_make_datetime({', '.join(self._operands(params, None))})"
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        if fmt:
            expr = f"_bd_convert({expr}, 'string', {fmt!r})"
        return place_code(params.target_column, expr, self._after(params))

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        return parts_from_databrew(self.databrew[0], self.parts, parameters)

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        out = parts_to_databrew(params, self.parts)
        if params.date_time_format:
            out["dateTimeFormat"] = params.date_time_format
        return self.databrew[0], out


OPERATION = DateTime()
