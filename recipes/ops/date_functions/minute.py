"""MINUTE: the minute of a datetime, 0 to 59.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MINUTE.html

The source is a datetime column, or a text column parsed as dates (``date_time_format``, a
DataBrew/Java pattern such as ``dd/MM/yyyy``, or ISO 8601 by default; text that does not parse
gives missing). The result is an integer column placed right after the source; missing stays
missing. A literal ``value`` instead of a column (DataBrew's ``sourceColumn | value``) is not
supported.
"""

from __future__ import annotations

from brewdesk.recipes.ops._date_parts import DatePartOperation, DatePartParams


class MinuteParams(DatePartParams):
    pass


class Minute(DatePartOperation):
    """The minute of a datetime, 0 to 59."""

    id = "minute"
    title = "Minute"
    databrew = ("MINUTE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MINUTE.html"
    Params = MinuteParams
    part = "minute"
    offset = 0


OPERATION = Minute()
