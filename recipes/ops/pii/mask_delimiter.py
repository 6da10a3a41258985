"""MASK_DELIMITER: mask the characters between two delimiters.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MASK_DELIMITER.html

Semantics
---------
- In each of ``source_columns``, the text from an occurrence of ``start_delimiter`` to the
  next occurrence of ``end_delimiter`` after it is masked, one ``mask_symbol`` per character
  (``"id <ab1>"``, ``<`` and ``>`` gives ``"id <###>"``). Every non-overlapping pair is masked,
  scanning left to right (the page is silent; documented choice). A start delimiter with no end
  delimiter after it masks nothing.
- ``start_delimiter`` omitted: masking starts at the beginning of the text (up to the first end
  delimiter). ``end_delimiter`` omitted: masking runs from the first start delimiter to the end
  of the text. Both omitted: the whole text is masked. Text without the delimiter(s) is
  unchanged. Delimiters are literal text (several characters allowed).
- ``preserve_delimiters``: the page's name and description contradict each other ("If true,
  applies mask to delimiters"). Brewdesk follows the name: true keeps the delimiters as they
  are, false (the default) masks them along with the text between them.
- ``preserve_symbols`` / ``preserve_whitespace`` are DataBrew's ``alphabet`` (``SYMBOLS``,
  ``WHITESPACE``): those characters are kept inside the masked range, with mask_range's
  definitions (whitespace is ``\\s``; a symbol is neither whitespace nor a Unicode letter or
  digit).
- Missing stays missing. The columns are changed in place; they must be text or category, and
  a category column gives a string column. ``sourceColumns`` imports from a real JSON array or a
  JSON-encoded string; ``entityTypeFilter`` is refused on import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.kernels.masking import _bp_mask_delimited
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops.base import Params, as_bool, columns, to_databrew_string
from brewdesk.recipes.ops.pii.mask_custom import MaskOperation
from brewdesk.recipes.ops.pii.mask_range import (
    alphabet_from_databrew,
    alphabet_to_databrew,
    masked_chars,
)
from pydantic import Field


class MaskDelimiterParams(Params):
    source_columns: list[str] = columns(types=TEXT_TYPES, description="Text columns to mask")
    start_delimiter: str | None = Field(None, min_length=1, description="Where masking begins (omitted: the beginning)")
    end_delimiter: str | None = Field(None, min_length=1, description="Where masking ends (omitted: the end)")
    preserve_delimiters: bool = Field(False, description="Keep the delimiters unmasked")
    mask_symbol: str = Field("#", min_length=1, description="Symbol replacing each masked character")
    preserve_symbols: bool = Field(False, description="Keep symbols (not letters, digits or whitespace)")
    preserve_whitespace: bool = Field(False, description="Keep whitespace")


def _pattern(params: Any) -> str:
    start = re.escape(params.start_delimiter) if params.start_delimiter else "^"
    end = re.escape(params.end_delimiter) if params.end_delimiter else "$"
    middle = ".*?" if params.end_delimiter else ".*"
    return f"(?s)({start})({middle})({end})"


class MaskDelimiter(MaskOperation):
    """Mask the text between ``start_delimiter`` and ``end_delimiter`` with ``mask_symbol``."""

    id = "mask_delimiter"
    title = "Mask between delimiters"
    databrew = ("MASK_DELIMITER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MASK_DELIMITER.html"
    Params = MaskDelimiterParams

    kernel = staticmethod(_bp_mask_delimited)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        chars = masked_chars(params.preserve_symbols, params.preserve_whitespace)
        return (_pattern(params), chars, params.mask_symbol, params.preserve_delimiters)

    def describe(self, params: Any) -> str:
        start = repr(params.start_delimiter) if params.start_delimiter else "the start"
        end = repr(params.end_delimiter) if params.end_delimiter else "the end"
        return f"Mask {', '.join(params.source_columns)} between {start} and {end} with {params.mask_symbol!r}"

    def extra_from_databrew(self, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = alphabet_from_databrew(parameters)
        for key, name in (("startDelimiter", "start_delimiter"), ("endDelimiter", "end_delimiter"), ("maskSymbol", "mask_symbol")):
            if parameters.get(key) not in (None, ""):
                out[name] = parameters[key]
        if "preserveDelimiters" in parameters:
            out["preserve_delimiters"] = as_bool(parameters["preserveDelimiters"])
        return out

    def extra_to_databrew(self, params: Any) -> dict[str, str]:
        out = {"maskSymbol": params.mask_symbol}
        if params.start_delimiter:
            out["startDelimiter"] = params.start_delimiter
        if params.end_delimiter:
            out["endDelimiter"] = params.end_delimiter
        out["preserveDelimiters"] = to_databrew_string(params.preserve_delimiters)
        out.update(alphabet_to_databrew(params))
        return out


OPERATION = MaskDelimiter()
