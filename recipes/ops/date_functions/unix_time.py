"""UNIX_TIME: seconds since 1970-01-01 00:00:00 of a date.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.UNIX_TIME.html

Semantics
---------
Whole seconds since the Unix epoch, the datetime read as UTC (Brewdesk datetimes carry no time
zone). Fractions of a second are rounded **down** (``1969-12-31 23:59:59.5`` gives ``-1``); the
documentation is silent on fractions and on dates before 1970.

The source is a datetime column, or a text column parsed as dates (``date_time_format``, a
DataBrew/Java pattern, or ISO 8601 by default; text that does not parse gives missing). The
result is an integer (Int64) column placed right after the source; missing stays missing. A
literal ``value`` instead of a column is not supported, as for YEAR.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.dates import _bc_unix_seconds
from brewdesk.recipes.ops._date_parts import DatePartOperation, DatePartParams


class UnixTimeParams(DatePartParams):
    pass


class UnixTime(DatePartOperation):
    """Whole seconds since 1970-01-01 00:00:00 (UTC)."""

    id = "unix_time"
    title = "Unix time"
    databrew = ("UNIX_TIME",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.UNIX_TIME.html"
    Params = UnixTimeParams
    part = "second"
    kernel = staticmethod(_bc_unix_seconds)

    def describe(self, params: Any) -> str:
        return f"Unix time (seconds) of {params.source_column} into {params.target_column}"


OPERATION = UnixTime()
