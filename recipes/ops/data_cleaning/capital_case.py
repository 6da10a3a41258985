"""CAPITAL_CASE: capitalise each word (``hello wORLD`` -> ``Hello World``).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CAPITAL_CASE.html

As Spark's ``initcap`` (DataBrew runs on Spark): the text is lower-cased and the first
letter of each word upper-cased, words being separated by spaces only (``o'neil-smith`` ->
``O'neil-smith``; a tab or a line break does not start a word).

Missing values stay missing. A category column comes out as a string column (a condition
cannot restrict the step then, since the type changes).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bd_capital
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops.base import Params, column


class CapitalCaseParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column to change")


class CapitalCase(TextMapOperation):
    """Capitalise each word (``hello wORLD`` -> ``Hello World``)."""

    id = "capital_case"
    category = "Format"
    title = "Capital case"
    databrew = ("CAPITAL_CASE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CAPITAL_CASE.html"
    Params = CapitalCaseParams

    kernel = staticmethod(_bd_capital)

    def describe(self, params: Any) -> str:
        return f"Capital case: {params.source_column}"


OPERATION = CapitalCase()
