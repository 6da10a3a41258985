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

from brewdesk.recipes.ops._date_parts import part_column, part_value
from brewdesk.recipes.ops._plumbing import check_one_of, databrew_error, decode_json
from brewdesk.recipes.ops.base import Params, new_column
from brewdesk.recipes.ops.date_functions.date_time import DateTime
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


class Date(DateTime):
    """Build ``target_column`` from year, month and day (DATE_TIME at midnight)."""

    id = "date"
    title = "Date from parts"
    databrew = ("DATE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATE.html"
    Params = DateParams
    parts = PARTS

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
        return super().from_databrew(operation, parameters)


OPERATION = Date()
