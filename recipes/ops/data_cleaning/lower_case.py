"""LOWER_CASE: change text to lower case.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.LOWER_CASE.html

Unicode case mapping, one character to one character (pyarrow's ``utf8_lower``): a final
sigma is not special (``ΣΑΣ`` -> ``σασ``) and ``İ`` becomes a plain ``i``.

Missing values stay missing. A category column comes out as a string column (a condition
cannot restrict the step then, since the type changes).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_lower
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops.base import Params, column


class LowerCaseParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column to change")


class LowerCase(TextMapOperation):
    """Change text to lower case."""

    id = "lower_case"
    category = "Format"
    title = "Lower case"
    databrew = ("LOWER_CASE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.LOWER_CASE.html"
    Params = LowerCaseParams

    kernel = staticmethod(_bt_lower)

    def describe(self, params: Any) -> str:
        return f"Lower case: {params.source_column}"


OPERATION = LowerCase()
