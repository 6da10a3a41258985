"""WEEK_NUMBER: the ISO 8601 week of the year of a date, 1 to 53.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.WEEK_NUMBER.html

Semantics
---------
ISO 8601 weeks: weeks start on Monday and week 1 is the week holding the year's first Thursday,
so the first days of January can be in week 52 or 53 of the previous year and the last days of
December in week 1 (``2021-01-01`` is week 53, ``2024-12-30`` is week 1). DataBrew's page says
"1 to 52"; ISO years with 53 weeks give 53, which Brewdesk keeps.

The source is a datetime column, or a text column parsed as dates (``date_time_format``, a
DataBrew/Java pattern, or ISO 8601 by default; text that does not parse gives missing). The
result is an integer column placed right after the source; missing stays missing. A literal
``value`` instead of a column is not supported, as for YEAR.
"""

from __future__ import annotations

from brewdesk.recipes.ops._date_parts import DatePartOperation, DatePartParams


class WeekNumberParams(DatePartParams):
    pass


class WeekNumber(DatePartOperation):
    """The ISO 8601 week of the year, 1 to 53."""

    id = "week_number"
    title = "Week number"
    databrew = ("WEEK_NUMBER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.WEEK_NUMBER.html"
    Params = WeekNumberParams
    part = "week"


OPERATION = WeekNumber()
