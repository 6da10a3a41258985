"""WEEK_DAY: the day of the week as a number, 1 (Monday) to 7 (Sunday).

DataBrew's page does not say whether the result is a name or a number, nor which day starts the
week: Brewdesk returns ISO 8601 numbers, 1 = Monday ... 7 = Sunday (use DATE_FORMAT with ``EEEE``
for the name).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.WEEK_DAY.html

The source is a datetime column, or a text column parsed as dates (``date_time_format``, a
DataBrew/Java pattern such as ``dd/MM/yyyy``, or ISO 8601 by default; text that does not parse
gives missing). The result is an integer column placed right after the source; missing stays
missing. A literal ``value`` instead of a column (DataBrew's ``sourceColumn | value``) is not
supported.
"""

from __future__ import annotations

from brewdesk.recipes.ops._date_parts import DatePartOperation, DatePartParams


class WeekDayParams(DatePartParams):
    pass


class WeekDay(DatePartOperation):
    """The day of the week as a number, 1 (Monday) to 7 (Sunday)."""

    id = "week_day"
    title = "Week day"
    databrew = ("WEEK_DAY",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.WEEK_DAY.html"
    Params = WeekDayParams
    part = "day_of_week"
    offset = 1


OPERATION = WeekDay()
