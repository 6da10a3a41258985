"""LOWER: the text in lower case.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.LOWER.html

Semantics
---------
Unicode case mapping, one character to one character (pyarrow's ``utf8_lower``, as LOWER_CASE).
LOWER is the function form of LOWER_CASE: it writes a new column ``target_column`` and also
takes a literal ``value``.

The input is a text column (``source_column``) or one literal ``value`` for every row, not both.
Missing stays missing. The result is a text column ``target_column`` right after the source
column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_lower
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction


class LowerParams(TextValueParams):
    pass


class Lower(ValueFunction):
    """The text in lower case."""

    id = "lower"
    title = "Lower case (function)"
    databrew = ("LOWER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.LOWER.html"
    Params = LowerParams

    kernel = staticmethod(_bt_lower)

    def describe(self, params: Any) -> str:
        return f"Lower case (function): {self.source_words(params)} into {params.target_column}"


OPERATION = Lower()
