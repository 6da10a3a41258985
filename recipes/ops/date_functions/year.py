"""YEAR: the year of a date (e.g. 2024).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.YEAR.html

The source is a datetime column, or a text column parsed as dates (``date_time_format``, a
DataBrew/Java pattern such as ``dd/MM/yyyy``, or ISO 8601 by default; text that does not parse
gives missing). The result is an integer column placed right after the source; missing stays
missing. A literal ``value`` instead of a column (DataBrew's ``sourceColumn | value``) is not
supported.
"""

from __future__ import annotations

from brewdesk.recipes.ops._date_parts import DatePartOperation, DatePartParams


class YearParams(DatePartParams):
    pass


class Year(DatePartOperation):
    """The year of a date (e.g. 2024)."""

    id = "year"
    title = "Year"
    databrew = ("YEAR",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.YEAR.html"
    Params = YearParams
    part = "year"
    offset = 0


OPERATION = Year()
