"""FORMAT_DATE: rewrite a date column, in place, as text in one of DataBrew's date formats.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FORMAT_DATE.html

``target_date_format`` is one of the formats DataBrew's page lists, where ``mm`` is the month,
``dd`` the zero-padded day and ``month`` the English month name:

=================  ======================
``mm/dd/yyyy``     ``01/31/2024``
``mm-dd-yyyy``     ``01-31-2024``
``dd month yyyy``  ``31 January 2024``
``month yyyy``     ``January 2024``
``dd month``       ``31 January``
=================  ======================

Any other DataBrew/Java date pattern (``yyyy-MM-dd``, ``dd/MM/yyyy HH:mm``) or strftime pattern
is accepted too. The column becomes a string column (so a condition cannot restrict the step).
A text source is read as ISO 8601 dates first; text that does not parse becomes missing.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_convert
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._date_parts import DATE_SOURCE_TYPES
from brewdesk.recipes.ops._date_patterns import strftime_or_problem
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column
from pydantic import Field

FORMATS: dict[str, str] = {
    "mm/dd/yyyy": "%m/%d/%Y",
    "mm-dd-yyyy": "%m-%d-%Y",
    "dd month yyyy": "%d %B %Y",
    "month yyyy": "%B %Y",
    "dd month": "%d %B",
}


class FormatDateParams(Params):
    source_column: str = column(types=DATE_SOURCE_TYPES, description="Datetime column (or ISO date text)")
    target_date_format: str = Field(
        min_length=1,
        description="mm/dd/yyyy, mm-dd-yyyy, dd month yyyy, month yyyy, dd month (or a date pattern)",
        json_schema_extra={"examples": list(FORMATS)},
    )


def strftime(params: FormatDateParams) -> str:
    """The strftime pattern of ``target_date_format``."""
    fmt = FORMATS.get(params.target_date_format.strip().lower())
    if fmt is not None:
        return fmt
    out = strftime_or_problem(params.target_date_format, "target_date_format")
    assert out is not None
    return out


class FormatDate(MapOperation):
    """Rewrite dates in place as text in ``target_date_format``."""

    id = "format_date"
    category = "Format"
    title = "Date format"
    databrew = ("FORMAT_DATE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FORMAT_DATE.html"
    Params = FormatDateParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "string"

    def check(self, params: FormatDateParams, schema: Schema) -> None:
        strftime(params)

    def transform(self, params: FormatDateParams, s: pd.Series) -> pd.Series:
        return _bd_convert(_bd_convert(s, "datetime"), "string", strftime(params))

    def expr(self, params: FormatDateParams, src: str) -> str:
        return f"_bd_convert(_bd_convert({src}, 'datetime'), 'string', {strftime(params)!r})"

    def describe(self, params: FormatDateParams) -> str:
        return f"Format {params.source_column} as {params.target_date_format}"


OPERATION = FormatDate()
