"""REMOVE_COMBINED: remove several kinds of characters from a text column at once.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REMOVE_COMBINED.html

Semantics
---------
Each option is a boolean, false by default; at least one must be true. The column is changed in
place (a category column becomes a string column); missing stays missing.

- ``remove_custom_value``: every occurrence of the literal text ``custom_value``.
- ``remove_custom_characters``: every character of ``custom_characters``.
- ``remove_letters``: ``A``-``Z`` and ``a``-``z`` (as documented: other letters stay).
- ``remove_numbers``: ``0``-``9``.
- ``remove_special_characters``: the ASCII punctuation ``! " # $ % & ' ( ) * + , - . / : ; < =
  > ? @ [ \\ ] ^ _ ` { | } ~``.
- ``remove_all_punctuation``: ``. ! , ?``. ``remove_all_quotes``: ``'`` and ``"``.
- ``remove_all_whitespace``: every whitespace character (Python's ``\\s``, Unicode-aware).
- ``remove_leading_and_trailing_punctuation`` / ``_quotes`` / ``_whitespace``: those characters
  at the start and the end of the value. The enabled sets are stripped together, so
  ``' "hi!" '`` with quotes, punctuation and whitespace enabled gives ``hi``.
- ``collapse_consecutive_whitespace``: a run of two or more whitespace characters becomes one
  space (``" "``; the page says "one white-space character" without saying which).

Order (the page is silent): the custom value first (it may span several characters), then all the
"remove all" character sets in one pass, then the leading/trailing strip, then the collapse, so
``"a . b"`` with punctuation removed and whitespace collapsed gives ``"a b"``.

DataBrew's parameter list misnames two keys ``punctuationally`` and
``antidisestablishmentarianism``; its examples use ``removeLeadingAndTrailingPunctuation`` and
``removeLeadingAndTrailingQuotes``. Both spellings import; export writes the example names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bt_remove_combined
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops.base import Params, StepProblem, column
from pydantic import Field

PUNCTUATION = ".!,?"
QUOTES = "'\""
SPECIAL = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_ALIASES = {
    "punctuationally": "removeLeadingAndTrailingPunctuation",
    "antidisestablishmentarianism": "removeLeadingAndTrailingQuotes",
}


class RemoveCombinedParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column to clean")
    remove_custom_value: bool = Field(False, description="Remove every occurrence of the custom value")
    custom_value: str | None = Field(None, description="Text to remove (literal)")
    remove_custom_characters: bool = Field(False, description="Remove every custom character")
    custom_characters: str | None = Field(None, description="Characters to remove")
    remove_letters: bool = Field(False, description="Remove A-Z and a-z")
    remove_numbers: bool = Field(False, description="Remove 0-9")
    remove_special_characters: bool = Field(False, description="Remove ASCII punctuation and symbols")
    remove_all_punctuation: bool = Field(False, description="Remove . ! , ?")
    remove_all_quotes: bool = Field(False, description="Remove single and double quotes")
    remove_all_whitespace: bool = Field(False, description="Remove every whitespace character")
    remove_leading_and_trailing_punctuation: bool = Field(False, description="Strip . ! , ? at both ends")
    remove_leading_and_trailing_quotes: bool = Field(False, description="Strip quotes at both ends")
    remove_leading_and_trailing_whitespace: bool = Field(False, description="Strip whitespace at both ends")
    collapse_consecutive_whitespace: bool = Field(False, description="Runs of whitespace become one space")


def _class(chars: str, whitespace: bool) -> str:
    """Regex character-class content for ``chars`` (plus ``\\s``)."""
    body = "".join(re.escape(c) for c in dict.fromkeys(chars))
    return body + ("\\s" if whitespace else "")


def _spec(params: Any) -> tuple[str | None, str, str, bool]:
    """``(custom value, removed class, stripped class, collapse)`` for :func:`_bt_remove_combined`."""
    removed = ""
    if params.remove_custom_characters:
        removed += params.custom_characters or ""
    if params.remove_letters:
        removed += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    if params.remove_numbers:
        removed += "0123456789"
    if params.remove_special_characters:
        removed += SPECIAL
    if params.remove_all_punctuation:
        removed += PUNCTUATION
    if params.remove_all_quotes:
        removed += QUOTES
    edge = (PUNCTUATION if params.remove_leading_and_trailing_punctuation else "") + (
        QUOTES if params.remove_leading_and_trailing_quotes else ""
    )
    value = params.custom_value if params.remove_custom_value else None
    return (
        value,
        _class(removed, params.remove_all_whitespace),
        _class(edge, params.remove_leading_and_trailing_whitespace),
        params.collapse_consecutive_whitespace,
    )


class RemoveCombined(TextMapOperation):
    """Remove the chosen kinds of characters from ``source_column``, in place."""

    id = "remove_combined"
    category = "Clean"
    title = "Remove characters"
    databrew = ("REMOVE_COMBINED",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REMOVE_COMBINED.html"
    Params = RemoveCombinedParams

    def check(self, params: Any, schema: Schema) -> None:
        if params.remove_custom_value and not params.custom_value:
            raise StepProblem("removeCustomValue is true but customValue is empty; give the text to remove", field="custom_value")
        if params.remove_custom_characters and not params.custom_characters:
            raise StepProblem(
                "removeCustomCharacters is true but customCharacters is empty; give the characters to remove",
                field="custom_characters",
            )
        flags = [v for k, v in params.model_dump().items() if isinstance(v, bool)]
        if not any(flags):
            raise StepProblem("nothing to remove: set at least one of the remove options to true", field="remove_letters")

    def text(self, params: Any, s: pd.Series) -> pd.Series:
        return _bt_remove_combined(s, *_spec(params))

    def text_expr(self, params: Any, src: str) -> str:
        value, removed, edge, collapse = _spec(params)
        return f"_bt_remove_combined({src}, {value!r}, {removed!r}, {edge!r}, {collapse!r})"

    def describe(self, params: Any) -> str:
        chosen = [k.replace("_", " ") for k, v in params.model_dump().items() if v is True]
        return f"In {params.source_column}: {', '.join(chosen)}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        fixed = {_ALIASES.get(k, k): v for k, v in parameters.items()}
        return super().from_databrew(operation, fixed)


OPERATION = RemoveCombined()
