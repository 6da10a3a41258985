"""UNICODE: the Unicode code point of the first character of a text.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.UNICODE.html

Semantics
---------
- The input is a text column or a literal ``value`` (not both): ``"A"`` gives 65, ``"éclair"``
  gives 233 (only the first character counts), ``"😀"`` gives 128512.
- Empty text and missing give missing. The result is an integer column ``target_column`` right
  after the source column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bc_unicode
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction


class UnicodeParams(TextValueParams):
    pass


class Unicode(ValueFunction):
    """Code point of the first character."""

    id = "unicode"
    title = "Unicode code point"
    databrew = ("UNICODE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.UNICODE.html"
    Params = UnicodeParams
    out_logical = "int64"

    kernel = staticmethod(_bc_unicode)

    def describe(self, params: Any) -> str:
        return f"Code point of the first character of {self.source_words(params)} into {params.target_column}"


OPERATION = Unicode()
