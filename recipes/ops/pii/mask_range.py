"""MASK_RANGE: mask the characters between two positions.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MASK_RANGE.html

Semantics
---------
- In each of ``source_columns``, the characters ``start`` (0-based, included) to ``stop``
  (excluded) become ``mask_symbol``, one symbol per character. Positions follow Python slicing:
  negative positions count from the end (``-4`` is the fourth character from the end), positions
  past either end are clipped, and an empty range (``start`` at or after ``stop`` once resolved)
  masks nothing. ``start`` omitted means from the beginning, ``stop`` omitted to the end; both
  omitted masks the whole text (``"4111-22"``, ``start=-2`` gives ``"4111-##"``).
- DataBrew's ``alphabet`` lists character sets kept during masking: ``SYMBOLS`` and
  ``WHITESPACE``. Brewdesk has them as ``preserve_symbols`` and ``preserve_whitespace``. The page
  does not define "symbol"; Brewdesk's choice: whitespace is what Python's ``\\s`` matches, a
  symbol any character that is neither whitespace nor a Unicode letter or digit (so ``_``,
  ``-``, ``@``, ``.`` are symbols).
- ``mask_symbol`` defaults to ``"#"``; a longer symbol is repeated per masked character.
- Missing stays missing. The columns are changed in place; they must be text or category, and
  a category column gives a string column. ``sourceColumns`` imports from a real JSON array or a
  JSON-encoded string; ``entityTypeFilter`` is refused on import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.kernels.masking import _bp_mask_range
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops.base import Params, columns, json_list, to_databrew_string
from brewdesk.recipes.ops.pii.mask_custom import MaskOperation
from pydantic import Field


class MaskRangeParams(Params):
    source_columns: list[str] = columns(types=TEXT_TYPES, description="Text columns to mask")
    start: int | None = Field(None, description="First masked position (0-based, included; negative from the end)")
    stop: int | None = Field(None, description="End of the masked positions (0-based, excluded; negative from the end)")
    mask_symbol: str = Field("#", min_length=1, description="Symbol replacing each masked character")
    preserve_symbols: bool = Field(False, description="Keep symbols (not letters, digits or whitespace)")
    preserve_whitespace: bool = Field(False, description="Keep whitespace")


def masked_chars(preserve_symbols: bool, preserve_whitespace: bool) -> str:
    """Regular expression of one character to mask, given the character sets kept."""
    if preserve_symbols and preserve_whitespace:
        return r"[^\W_]"
    if preserve_symbols:
        return r"[^\W_]|\s"
    if preserve_whitespace:
        return r"\S"
    return r"(?s)."


def alphabet_from_databrew(parameters: Mapping[str, Any]) -> dict[str, bool]:
    """DataBrew ``alphabet`` (array or JSON string) to the two preserve flags."""
    alphabet = {str(a).upper() for a in json_list(parameters.get("alphabet"))}
    return {"preserve_symbols": "SYMBOLS" in alphabet, "preserve_whitespace": "WHITESPACE" in alphabet}


def alphabet_to_databrew(params: Any) -> dict[str, str]:
    alphabet = [n for n, on in (("SYMBOLS", params.preserve_symbols), ("WHITESPACE", params.preserve_whitespace)) if on]
    return {"alphabet": to_databrew_string(alphabet)} if alphabet else {}


class MaskRange(MaskOperation):
    """Mask characters ``start`` (included) to ``stop`` (excluded) with ``mask_symbol``."""

    id = "mask_range"
    title = "Mask range"
    databrew = ("MASK_RANGE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MASK_RANGE.html"
    Params = MaskRangeParams

    kernel = staticmethod(_bp_mask_range)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        chars = masked_chars(params.preserve_symbols, params.preserve_whitespace)
        return (params.start, params.stop, chars, params.mask_symbol)

    def describe(self, params: Any) -> str:
        start = "start" if params.start is None else params.start
        stop = "end" if params.stop is None else params.stop
        return f"Mask characters {start} to {stop} of {', '.join(params.source_columns)} with {params.mask_symbol!r}"

    def extra_from_databrew(self, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = alphabet_from_databrew(parameters)
        for key in ("start", "stop"):
            if parameters.get(key) not in (None, ""):
                out[key] = int(parameters[key])
        if parameters.get("maskSymbol") not in (None, ""):
            out["mask_symbol"] = parameters["maskSymbol"]
        return out

    def extra_to_databrew(self, params: Any) -> dict[str, str]:
        out = {"maskSymbol": params.mask_symbol}
        for key in ("start", "stop"):
            if getattr(params, key) is not None:
                out[key] = str(getattr(params, key))
        out.update(alphabet_to_databrew(params))
        return out


OPERATION = MaskRange()
