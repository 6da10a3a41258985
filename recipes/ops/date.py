"""DATE: build a date from year, month and day, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATE.html

- Each part is a column (``year_column``, ``month_column``, ``day_column``: integer, decimal or
  numeric text) or a literal (``year``, ``month``, ``day``), not both; all three are required.
  DataBrew passes them in ``dateTimeParameters``, a JSON object ``{"year": {"value": "2019"},
  "month": {"sourceColumn": "m"}, ...}``, converted on import. DataBrew's example also sends
  empty ``hour``, ``minute`` and ``second`` entries; they are accepted when empty, and a time
  part with a column or value is refused on import (use DATE_TIME for a date and time).
- The parts must form a real calendar date (1 <= year <= 9999; ``2019-02-29`` is not one), else
  the result is missing; a missing, fractional or non-numeric part gives missing.
- Without ``date_time_format`` the result is a ``datetime`` column at midnight (Brewdesk has no
  separate date type); with it (a DataBrew/Java pattern such as DataBrew's example ``mm/dd/yy``,
  or a strftime pattern), the date written as text in that format. DataBrew's page states the
  default format ``yyyy-mm-dd HH:MM:SS``, which is how a midnight datetime is shown.
- The new column is placed right after the first part column (at the end if every part is a
  literal). The parts are built by the same helper as DATE_TIME (``_bd_make_datetime``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.ops._common import (
    _bd_convert,
    _bd_make_datetime,
    check_one_of,
    databrew_error,
    decode_json,
    helper_code,
    part_column,
    part_operands,
    part_value,
    parts_after,
    parts_from_databrew,
    parts_to_databrew,
    place,
    place_code,
    place_schema,
    strftime_or_problem,
)
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, new_column
from brewdesk.recipes.types import Schema
from pydantic import Field, model_validator

PARTS = ("year", "month", "day")


class DateParams(Params):
    year_column: str | None = part_column("year")
    year: int | None = part_value("year")
    month_column: str | None = part_column("month")
    month: int | None = part_value("month")
    day_column: str | None = part_column("day")
    day: int | None = part_value("day")
    date_time_format: str | None = Field(None, description="Write the result as text in this pattern")
    target_column: str = new_column(description="New column")

    @model_validator(mode="after")
    def _parts(self) -> DateParams:
        for p in PARTS:
            check_one_of(self, f"{p}_column", p)
        return self


class Date(Operation):
    """Build ``target_column`` from year, month and day."""

    id = "date"
    kind = Kind.ROW
    category = "Functions"
    title = "Date from parts"
    databrew = ("DATE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATE.html"
    Params = DateParams

    def _after(self, params: DateParams) -> str | None:
        return parts_after(params, PARTS)

    def columns(self, params: DateParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        return place_schema(schema, params.target_column, "string" if fmt else "datetime", self._after(params))

    def apply(self, params: DateParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = _bd_make_datetime(*part_operands(params, PARTS, frame), 0, 0, 0)
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        if fmt:
            out = _bd_convert(out, "string", fmt)
        return place(frame, params.target_column, out, self._after(params))

    def to_code(self, params: DateParams, fitted: Mapping[str, Any]) -> str:
        expr = f"_bd_make_datetime({', '.join(part_operands(params, PARTS, None))}, 0, 0, 0)"
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        if fmt:
            expr = f"_bd_convert({expr}, 'string', {fmt!r})"
        code = helper_code("_bd_convert", "_bd_make_datetime")
        return code + place_code(params.target_column, expr, self._after(params))

    def describe(self, params: DateParams) -> str:
        parts = [str(getattr(params, f"{p}_column") or getattr(params, p)) for p in PARTS]
        return f"{params.target_column} = date {'-'.join(parts)}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        spec = decode_json(parameters.get("dateTimeParameters", {}))
        if isinstance(spec, dict):
            for p in ("hour", "minute", "second"):
                v = spec.get(p)
                if isinstance(v, dict) and (v.get("sourceColumn") or v.get("value") not in (None, "")):
                    raise databrew_error(f"DATE: the {p} part is not used by DATE; use DATE_TIME for a date and time")
        return parts_from_databrew("DATE", PARTS, parameters)

    def to_databrew(self, params: DateParams) -> tuple[str, dict[str, str]]:
        out = parts_to_databrew(params, PARTS)
        if params.date_time_format:
            out["dateTimeFormat"] = params.date_time_format
        return "DATE", out


OPERATION = Date()
