"""MILLISECOND: the milliseconds of a time, 0 to 999.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MILLISECOND.html

Semantics
---------
The whole milliseconds within the second: microseconds are truncated, not rounded
(``12:00:00.123999`` gives 123).

The source is a datetime column, or a text column parsed as dates (``date_time_format``, a
DataBrew/Java pattern, or ISO 8601 by default; text that does not parse gives missing). The
result is an integer column placed right after the source; missing stays missing. A literal
``value`` instead of a column is not supported, as for YEAR.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_convert
from brewdesk.recipes.ops._date_parts import DatePartOperation, DatePartParams
from brewdesk.recipes.ops._date_patterns import strftime_or_problem


class MillisecondParams(DatePartParams):
    pass


class Millisecond(DatePartOperation):
    """The milliseconds of a time, 0 to 999."""

    id = "millisecond"
    title = "Millisecond"
    databrew = ("MILLISECOND",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MILLISECOND.html"
    Params = MillisecondParams
    part = "microsecond"

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        return _bd_convert(s, "datetime", fmt).dt.microsecond.astype("Int64") // 1000

    def expr(self, params: Any, src: str) -> str:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        return f"_bd_convert({src}, 'datetime', {fmt!r}).dt.microsecond.astype('Int64') // 1000"


OPERATION = Millisecond()
