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

import pandas as pd
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

    def text(self, params: AddDoubleQuotesParams, s: pd.Series) -> pd.Series:
        return QUOTE + s + QUOTE

    def text_expr(self, params: AddDoubleQuotesParams, src: str) -> str:
        return f"{QUOTE!r} + {src} + {QUOTE!r}"

    def describe(self, params: AddDoubleQuotesParams) -> str:
        return f"Add double quotes around {params.source_column}"


OPERATION = AddDoubleQuotes()
