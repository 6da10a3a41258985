"""CONVERT_TIMEZONE: a date and time moved from one time zone to another.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.CONVERT_TIMEZONE.html

Semantics
---------
- The source is a datetime column, or date text read as ISO 8601 (text that does not parse gives
  missing). Brewdesk datetimes carry no time zone: each value is read as a wall-clock time in
  ``from_time_zone`` and written as the wall-clock time of the same instant in
  ``to_time_zone`` (``2024-01-15 12:00`` from ``America/New_York`` to ``UTC`` is ``17:00``).
- Time zones are IANA names (``Europe/Paris``, ``UTC``); an unknown name is a validation problem.
- Around daylight saving changes (the documentation is silent): a time skipped in
  ``from_time_zone`` gives missing; a repeated time is read as its first (daylight saving)
  occurrence.
- Without ``date_time_format`` the result is a datetime column; with it (a DataBrew/Java or
  strftime pattern) the result is text in that format, as for DATE_ADD.
- Missing stays missing. ``target_column`` is placed right after the source column. A literal
  ``value`` instead of a column is not part of DataBrew's parameters and is not supported.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.dates import _bc_in_time_zone
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._date_parts import DATE_SOURCE_TYPES
from brewdesk.recipes.ops._date_patterns import strftime_or_problem
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    check_columns,
    column,
    new_column,
)
from pydantic import Field


class ConvertTimezoneParams(Params):
    source_column: str = column(types=DATE_SOURCE_TYPES, description="Datetime column (or ISO date text)")
    from_time_zone: str = Field(min_length=1, description="Time zone the values are in, e.g. Europe/Paris")
    to_time_zone: str = Field(min_length=1, description="Time zone to convert to, e.g. UTC")
    date_time_format: str | None = Field(None, description="Write the result as text in this pattern (default: a datetime)")
    target_column: str = new_column(description="New column with the converted time")


def _check_zone(name: str, field: str) -> None:
    try:
        pd.Timestamp("2000-01-01").tz_localize(name)
    except Exception:
        raise StepProblem(f"unknown time zone {name!r} (use an IANA name such as Europe/Paris)", field=field) from None


class ConvertTimezone(Operation):
    """Wall-clock times in ``from_time_zone`` as wall-clock times in ``to_time_zone``."""

    id = "convert_timezone"
    kind = Kind.ROW
    category = "Functions"
    title = "Convert time zone"
    databrew = ("CONVERT_TIMEZONE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.CONVERT_TIMEZONE.html"
    Params = ConvertTimezoneParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        _check_zone(params.from_time_zone, "from_time_zone")
        _check_zone(params.to_time_zone, "to_time_zone")
        strftime_or_problem(params.date_time_format, "date_time_format")
        out = "string" if params.date_time_format else "datetime"
        return place_schema(schema, params.target_column, out, params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        out = _bc_in_time_zone(frame[params.source_column], params.from_time_zone, params.to_time_zone, fmt)
        return place(frame, params.target_column, out, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        src = f"df[{params.source_column!r}]"
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        expr = f"_bc_in_time_zone({src}, {params.from_time_zone!r}, {params.to_time_zone!r}, {fmt!r})"
        return place_code(params.target_column, expr, params.source_column)

    def describe(self, params: Any) -> str:
        return (
            f"Convert {params.source_column} from {params.from_time_zone} to {params.to_time_zone} "
            f"into {params.target_column}"
        )


OPERATION = ConvertTimezone()
