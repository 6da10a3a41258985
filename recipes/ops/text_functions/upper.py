"""UPPER: the text in upper case.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.UPPER.html

Semantics
---------
Unicode case mapping, one character to one character (pyarrow's ``utf8_upper``, as UPPER_CASE):
``ß`` stays one character. UPPER is the function form of UPPER_CASE: it writes a new column
``target_column`` and also takes a literal ``value``.

The input is a text column (``source_column``) or one literal ``value`` for every row, not both.
Missing stays missing. The result is a text column ``target_column`` right after the source
column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_upper
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction


class UpperParams(TextValueParams):
    pass


class Upper(ValueFunction):
    """The text in upper case."""

    id = "upper"
    title = "Upper case (function)"
    databrew = ("UPPER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.UPPER.html"
    Params = UpperParams

    kernel = staticmethod(_bt_upper)

    def describe(self, params: Any) -> str:
        return f"Upper case (function): {self.source_words(params)} into {params.target_column}"


OPERATION = Upper()
