"""UPPER_CASE: change text to upper case.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UPPER_CASE.html

Unicode case mapping, one character to one character (pyarrow's ``utf8_upper``): ``ß`` becomes
``ẞ``, not ``SS`` as Python's ``str.upper`` would write.

Missing values stay missing. A category column comes out as a string column (a condition
cannot restrict the step then, since the type changes).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_upper
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops.base import Params, column


class UpperCaseParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column to change")


class UpperCase(TextMapOperation):
    """Change text to upper case."""

    id = "upper_case"
    category = "Format"
    title = "Upper case"
    databrew = ("UPPER_CASE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UPPER_CASE.html"
    Params = UpperCaseParams

    kernel = staticmethod(_bt_upper)

    def describe(self, params: Any) -> str:
        return f"Upper case: {params.source_column}"


OPERATION = UpperCase()
