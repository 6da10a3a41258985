"""LEN: the number of characters of a text.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.LEN.html

Semantics
---------
- The input is a text column (``source_column``) or one literal ``value`` for every row, not
  both.
- Characters are Unicode code points (``"é"`` is 1, an emoji is 1); spaces count.
- Empty text gives 0; missing stays missing. The result is an integer column ``target_column``,
  placed right after the source column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_length
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction


class LenParams(TextValueParams):
    pass


class Len(ValueFunction):
    """Length of a text in characters."""

    id = "len"
    title = "Length"
    databrew = ("LEN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.LEN.html"
    Params = LenParams
    out_logical = "int64"

    kernel = staticmethod(_bt_length)

    def describe(self, params: Any) -> str:
        return f"Length of {self.source_words(params)} into {params.target_column}"


OPERATION = Len()
