"""ADD_DOUBLE_QUOTES: enclose every value in double quotes.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ADD_DOUBLE_QUOTES.html

Semantics
---------
The column is changed in place: each value ``v`` becomes ``"v"``. The documentation is silent on
values that already contain or are already wrapped in quotes; Brewdesk adds the quotes regardless
and escapes nothing (``"a"`` becomes ``""a""``). Empty text becomes ``""``. Missing values stay
missing. A category column gives a string column.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_wrap
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops.base import Params, column

QUOTE = '"'


class AddDoubleQuotesParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column")


class AddDoubleQuotes(TextMapOperation):
    """Wrap each value in double quotes."""

    id = "add_double_quotes"
    category = "Format"
    title = "Add double quotes"
    databrew = ("ADD_DOUBLE_QUOTES",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ADD_DOUBLE_QUOTES.html"
    Params = AddDoubleQuotesParams

    kernel = staticmethod(_bt_wrap)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (QUOTE, QUOTE)

    def describe(self, params: AddDoubleQuotesParams) -> str:
        return f"Add double quotes around {params.source_column}"


OPERATION = AddDoubleQuotes()
