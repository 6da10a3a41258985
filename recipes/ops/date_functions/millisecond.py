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

from brewdesk.recipes.ops._date_parts import DatePartOperation, DatePartParams


class MillisecondParams(DatePartParams):
    pass


class Millisecond(DatePartOperation):
    """The milliseconds of a time, 0 to 999."""

    id = "millisecond"
    title = "Millisecond"
    databrew = ("MILLISECOND",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MILLISECOND.html"
    Params = MillisecondParams
    part = "millisecond"


OPERATION = Millisecond()
