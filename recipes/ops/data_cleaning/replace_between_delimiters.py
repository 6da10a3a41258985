"""REPLACE_BETWEEN_DELIMITERS: replace the text between two delimiters, in place.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_BETWEEN_DELIMITERS.html

Semantics
---------
- ``start_pattern`` and ``end_pattern`` are regular expressions (Python ``re`` syntax);
  ``value`` is literal text (a backslash is a backslash, no group references).
- **Every** occurrence is replaced, scanning left to right: the text from a match of
  ``start_pattern`` up to the next match of ``end_pattern`` (shortest) becomes ``value``; the
  delimiters themselves are kept (``"a<b>c"`` with ``<``, ``>``, ``"#"`` gives ``"a<#>c"``). The
  documentation does not say whether the first or all occurrences are replaced; Brewdesk replaces
  all, as REPLACE_TEXT does.
- A text without both delimiters is unchanged. Missing stays missing. The column is changed in
  place; a category column gives a string column.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bc_replace_between
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops._plumbing import place_code
from brewdesk.recipes.ops._value_functions import regex_problem
from brewdesk.recipes.ops.base import Params, StepProblem, column
from pydantic import Field


class ReplaceBetweenDelimitersParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column")
    start_pattern: str = Field(min_length=1, description="Regular expression before the text")
    end_pattern: str = Field(min_length=1, description="Regular expression after the text")
    value: str = Field("", description="Literal replacement text")


class ReplaceBetweenDelimiters(TextMapOperation):
    """Replace the text between each ``start_pattern`` match and the next ``end_pattern`` match."""

    id = "replace_between_delimiters"
    category = "Clean"
    title = "Replace between delimiters"
    databrew = ("REPLACE_BETWEEN_DELIMITERS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_BETWEEN_DELIMITERS.html"
    Params = ReplaceBetweenDelimitersParams

    def check(self, params: Any, schema: Schema) -> None:
        regex_problem(params.start_pattern, "start_pattern")
        regex_problem(params.end_pattern, "end_pattern")
        try:
            re.compile(f"(?P<bcs>{params.start_pattern})(?s:.*?)(?P<bce>{params.end_pattern})")
        except re.error as e:
            raise StepProblem(f"the delimiters do not combine into one regular expression: {e}", field="end_pattern") from None

    def text(self, params: Any, s: pd.Series) -> pd.Series:
        return _bc_replace_between(s, params.start_pattern, params.end_pattern, params.value)

    def text_expr(self, params: Any, src: str) -> str:
        return f"_bc_replace_between({src}, {params.start_pattern!r}, {params.end_pattern!r}, {params.value!r})"

    def to_code(self, params: Any, fitted: Any) -> str:
        src = f"df[{params.source_column!r}]"
        return place_code(params.source_column, self.expr(params, src), params.source_column)

    def describe(self, params: Any) -> str:
        return (
            f"Replace text in {params.source_column} between {params.start_pattern!r} and "
            f"{params.end_pattern!r} with {params.value!r}"
        )


OPERATION = ReplaceBetweenDelimiters()
