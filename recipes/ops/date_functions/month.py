"""MONTH: the month of a date as a number, 1 (January) to 12.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MONTH.html

The source is a datetime column, or a text column parsed as dates (``date_time_format``, a
DataBrew/Java pattern such as ``dd/MM/yyyy``, or ISO 8601 by default; text that does not parse
gives missing). The result is an integer column placed right after the source; missing stays
missing. A literal ``value`` instead of a column (DataBrew's ``sourceColumn | value``) is not
supported.
"""

from __future__ import annotations

from brewdesk.recipes.ops._date_parts import DatePartOperation, DatePartParams


class MonthParams(DatePartParams):
    pass


class Month(DatePartOperation):
    """The month of a date as a number, 1 (January) to 12."""

    id = "month"
    title = "Month"
    databrew = ("MONTH",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MONTH.html"
    Params = MonthParams
    part = "month"
    offset = 0


OPERATION = Month()
