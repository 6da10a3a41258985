"""MONTH_NAME: the English name of the month of a date.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MONTH_NAME.html

Semantics
---------
The result is the full English month name (``January`` to ``December``) whatever the machine's
locale; the documentation does not say whether names are full or abbreviated, Brewdesk writes
them in full (DATE_FORMAT with ``MMMM`` gives the same text).

The source is a datetime column, or a text column parsed as dates (``date_time_format``, a
DataBrew/Java pattern such as ``dd/MM/yyyy``, or ISO 8601 by default; text that does not parse
gives missing). The result is a text column placed right after the source; missing stays
missing. A literal ``value`` instead of a column is not supported, as for YEAR.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.dates import _bd_month_name
from brewdesk.recipes.ops._date_parts import DatePartOperation, DatePartParams


class MonthNameParams(DatePartParams):
    pass


class MonthName(DatePartOperation):
    """The English name of the month, January to December."""

    id = "month_name"
    title = "Month name"
    databrew = ("MONTH_NAME",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MONTH_NAME.html"
    Params = MonthNameParams
    part = "month"
    kernel = staticmethod(_bd_month_name)

    def out_type(self, params: Any, in_type: str) -> str:
        return "string"


OPERATION = MonthName()
