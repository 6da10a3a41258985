"""REMOVE_SYMBOLS: the text without symbols.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.REMOVE_SYMBOLS.html

Semantics
---------
Keeps only what DataBrew's page lists: letters ``A-Z a-z``, digits ``0-9``, accented Latin
letters (Latin-1 Supplement and Latin Extended-A/B, U+00C0 to U+024F, without ``×`` and ``÷``)
and whitespace; everything else is removed, punctuation and non-Latin letters included
(as the Wrangle ``REMOVESYMBOLS`` function documents): ``"Héllõ, Wõrld!?"`` gives
``"Héllõ Wõrld"``.

The input is a text column (``source_column``) or one literal ``value`` for every row, not both.
Missing stays missing. The result is a text column ``target_column`` right after the source
column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_replace
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction

SYMBOLS = r"[^0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\s]"
"""Characters that are removed."""


class RemoveSymbolsParams(TextValueParams):
    pass


class RemoveSymbols(ValueFunction):
    """The text without symbols."""

    id = "remove_symbols"
    title = "Remove symbols"
    databrew = ("REMOVE_SYMBOLS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.REMOVE_SYMBOLS.html"
    Params = RemoveSymbolsParams

    kernel = staticmethod(_bt_replace)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (SYMBOLS, "", True)

    def describe(self, params: Any) -> str:
        return f"Remove symbols: {self.source_words(params)} into {params.target_column}"


OPERATION = RemoveSymbols()
