"""DATE_FORMAT: write a date as text in a given format.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATE_FORMAT.html

- ``date_time_format`` is a DataBrew/Java pattern (``yyyy-MM-dd HH:mm:ss``, ``dd MMMM yyyy``,
  ``EEE``, ``hh:mm a``; DataBrew's own ``yyyy-mm-dd`` style with ``mm`` for the month is
  understood when the pattern has no hour) or a strftime pattern (anything containing ``%``).
  Month and day names are English whatever the machine's locale.
- The source is a datetime column, or date text read as ISO 8601 (text that does not parse gives
  missing). The result is a string column placed right after the source; missing stays missing.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_convert
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._date_parts import DATE_SOURCE_TYPES
from brewdesk.recipes.ops._date_patterns import strftime_or_problem
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column, new_column
from pydantic import Field


class DateFormatParams(Params):
    source_column: str = column(types=DATE_SOURCE_TYPES, description="Datetime column (or ISO date text)")
    date_time_format: str = Field(min_length=1, description="Output pattern, e.g. dd/MM/yyyy HH:mm")
    target_column: str = new_column(description="New text column")


class DateFormat(MapOperation):
    """Format dates as text with ``date_time_format``."""

    id = "date_format"
    category = "Functions"
    title = "Format date as text"
    databrew = ("DATE_FORMAT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DATE_FORMAT.html"
    Params = DateFormatParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "string"

    def check(self, params: DateFormatParams, schema: Schema) -> None:
        strftime_or_problem(params.date_time_format, "date_time_format")

    def transform(self, params: DateFormatParams, s: pd.Series) -> pd.Series:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        return _bd_convert(_bd_convert(s, "datetime"), "string", fmt)

    def expr(self, params: DateFormatParams, src: str) -> str:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        return f"_bd_convert(_bd_convert({src}, 'datetime'), 'string', {fmt!r})"

    def describe(self, params: DateFormatParams) -> str:
        return f"Format {params.source_column} as {params.date_time_format} into {params.target_column}"


OPERATION = DateFormat()
