"""UNIX_TIME_FORMAT: seconds since 1970-01-01 00:00:00 written as date text.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.UNIX_TIME_FORMAT.html

Semantics
---------
- The source is a number column of seconds since the Unix epoch (UTC; negative is before 1970,
  fractions are kept to the microsecond). The documentation does not say whether the numbers are
  seconds or milliseconds; Brewdesk reads seconds, the inverse of UNIX_TIME.
- ``date_time_format`` is a DataBrew/Java pattern (``yyyy-MM-dd HH:mm:ss``, ``dd/MM/yyyy``) or a
  strftime pattern; month and day names are English. When it is not given the text is
  ``yyyy-MM-dd HH:mm:ss`` with the nonzero fraction of a second appended (``.5``).
- Numbers that are not finite or are too large for a date give missing; missing stays missing.
  The result is a text column placed right after the source. A literal ``value`` instead of a
  column is not supported, as for YEAR.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_convert
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._date_patterns import strftime_or_problem
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column, new_column
from pydantic import Field


class UnixTimeFormatParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column of seconds since 1970")
    date_time_format: str | None = Field(
        None, description="Output pattern, e.g. yyyy-MM-dd HH:mm:ss (default: that, with fractions)"
    )
    target_column: str = new_column(description="New text column")


class UnixTimeFormat(MapOperation):
    """Seconds since the epoch as date text in ``date_time_format``."""

    id = "unix_time_format"
    category = "Functions"
    title = "Format Unix time"
    databrew = ("UNIX_TIME_FORMAT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.UNIX_TIME_FORMAT.html"
    Params = UnixTimeFormatParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "string"

    def check(self, params: Any, schema: Schema) -> None:
        strftime_or_problem(params.date_time_format, "date_time_format")

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        return _bd_convert(_bd_convert(s, "datetime"), "string", fmt)

    def expr(self, params: Any, src: str) -> str:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        return f"_bd_convert(_bd_convert({src}, 'datetime'), 'string', {fmt!r})"

    def describe(self, params: Any) -> str:
        how = f" as {params.date_time_format}" if params.date_time_format else ""
        return f"Format Unix time {params.source_column}{how} into {params.target_column}"


OPERATION = UnixTimeFormat()
