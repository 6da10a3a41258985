"""SECOND: the seconds of a time, 0 to 59.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.SECOND.html

The source is a datetime column, or a text column parsed as dates (``date_time_format``, a
DataBrew/Java pattern such as ``dd/MM/yyyy HH:mm:ss``, or ISO 8601 by default; text that does not
parse gives missing). The result is an integer column placed right after the source; missing
stays missing. A literal ``value`` instead of a column (DataBrew's ``sourceColumn | value``) is
not supported, as for YEAR.
"""

from __future__ import annotations

from brewdesk.recipes.ops._date_parts import DatePartOperation, DatePartParams


class SecondParams(DatePartParams):
    pass


class Second(DatePartOperation):
    """The seconds of a time, 0 to 59."""

    id = "second"
    title = "Second"
    databrew = ("SECOND",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.SECOND.html"
    Params = SecondParams
    part = "second"
    offset = 0


OPERATION = Second()
