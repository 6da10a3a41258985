"""TIME: time-of-day text (``HH:MM:SS``) from hour, minute and second.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.TIME.html

- Each part is a column (``hour_column``, ...; integer, number or numeric text) or a literal
  (``hour``, ...), not both; the hour is required, minute and second default to 0. DataBrew
  passes them in ``dateTimeParameters`` (``{"hour": {"sourceColumn": "h"}, ...}``).
- Unlike DATE_TIME, a time of day must be in range: hour 0-23, minute and second 0-59, whole
  numbers; anything else (or a missing part) gives missing. (DATE_TIME lets time parts overflow
  into the next day; a time of day has no next day to go to.)
- ``date_time_format`` (default ``HH:mm:ss``) may use ``HH``, ``hh``, ``mm``, ``ss`` and ``a``
  (or strftime ``%H %I %M %S %p``). The result is a string column placed right after the first
  part column (at the end when every part is a literal).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.dates import _bd_time
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
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    check_columns,
    new_column,
)
from pydantic import Field, model_validator

PARTS = ("hour", "minute", "second")


class TimeParams(Params):
    hour_column: str | None = part_column("hour")
    hour: int | None = part_value("hour")
    minute_column: str | None = part_column("minute")
    minute: int | None = part_value("minute")
    second_column: str | None = part_column("second")
    second: int | None = part_value("second")
    date_time_format: str | None = Field(None, description="Output pattern (default HH:mm:ss)")
    target_column: str = new_column(description="New text column")

    @model_validator(mode="after")
    def _parts(self) -> TimeParams:
        for p in PARTS:
            check_one_of(self, f"{p}_column", p, required=p == "hour")
        return self


def _fmt(params: TimeParams) -> str | None:
    fmt = strftime_or_problem(params.date_time_format, "date_time_format")
    if fmt is not None:
        bad = [c for c in fmt.replace("%%", "").split("%")[1:] if c[:1] not in ("H", "I", "M", "S", "p")]
        if bad:
            raise StepProblem(f"a time format takes hours, minutes, seconds and AM/PM only, not %{bad[0][:1]}", field="date_time_format")
    return fmt


class Time(Operation):
    """Write ``HH:MM:SS`` (or ``date_time_format``) from hour, minute and second."""

    id = "time"
    kind = Kind.ROW
    category = "Functions"
    title = "Time from parts"
    databrew = ("TIME",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.TIME.html"
    Params = TimeParams

    def _after(self, params: TimeParams) -> str | None:
        return parts_after(params, PARTS)

    def columns(self, params: TimeParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        _fmt(params)
        return place_schema(schema, params.target_column, "string", self._after(params))

    def apply(self, params: TimeParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = _bd_time(*part_operands(params, PARTS, frame), _fmt(params))
        return place(frame, params.target_column, out, self._after(params))

    def describe(self, params: TimeParams) -> str:
        parts = [str(getattr(params, f"{p}_column") or getattr(params, p) or 0) for p in PARTS]
        return f"{params.target_column} = time {':'.join(parts)}"

    def to_code(self, params: TimeParams, fitted: Mapping[str, Any]) -> str:
        expr = f"_bd_time({', '.join(part_operands(params, PARTS, None))}, {_fmt(params)!r})"
        return place_code(params.target_column, expr, self._after(params))

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out = parts_from_databrew("TIME", PARTS, parameters)
        if out.get("date_time_format") == "HH:mm:ss":
            out.pop("date_time_format")  # the default, written out by export: keep it implicit
        return out

    def to_databrew(self, params: TimeParams) -> tuple[str, dict[str, str]]:
        out = parts_to_databrew(params, PARTS)
        out["dateTimeFormat"] = params.date_time_format or "HH:mm:ss"
        return "TIME", out


OPERATION = Time()
