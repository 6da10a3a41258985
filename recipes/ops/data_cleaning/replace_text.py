"""REPLACE_TEXT: replace every occurrence of a text (or a regular expression) with another.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_TEXT.html

- ``pattern`` is literal text by default; with ``regex`` true it is a Python regular expression
  (``\\w``, ``\\d`` and ``\\s`` are Unicode-aware, where Java's, hence DataBrew's, are ASCII-only;
  lookarounds and backreferences work). A pattern that does not compile is a validation problem
  on ``pattern``.
- Every occurrence is replaced (DataBrew's page does not say; Spark's ``regexp_replace`` does the
  same). The replacement ``value`` is literal text; with ``regex`` it may refer to groups as
  ``\\1`` (DataBrew/Java's ``$1`` is converted on import).
- Case-sensitive. Missing values stay missing; a category column gives a string column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.kernels.text import _bt_replace
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops._plumbing import check_regex
from brewdesk.recipes.ops.base import Params, as_bool, column
from pydantic import Field


class ReplaceTextParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column")
    pattern: str = Field(min_length=1, description="Text to find (a regular expression when regex is on)")
    value: str = Field("", description="Replacement text")
    regex: bool = Field(False, description="Treat the pattern as a regular expression")


class ReplaceText(TextMapOperation):
    """Replace every occurrence of ``pattern`` with ``value``."""

    id = "replace_text"
    category = "Clean"
    title = "Replace text"
    databrew = ("REPLACE_TEXT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_TEXT.html"
    Params = ReplaceTextParams

    def check(self, params: ReplaceTextParams, schema: Schema) -> None:
        if params.regex:
            check_regex(params.pattern, "pattern")

    kernel = staticmethod(_bt_replace)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (params.pattern, params.value, params.regex)

    def describe(self, params: ReplaceTextParams) -> str:
        what = "pattern" if params.regex else "text"
        return f"Replace {what} {params.pattern!r} with {params.value!r} in {params.source_column}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        regex = as_bool(parameters.get("regex", False))
        value = str(parameters.get("value", ""))
        if regex:
            value = re.sub(r"\$(\d)", r"\\\1", value)
        return {
            "source_column": parameters["sourceColumn"],
            "pattern": parameters["pattern"],
            "value": value,
            "regex": regex,
        }


OPERATION = ReplaceText()
