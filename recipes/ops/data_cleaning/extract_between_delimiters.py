"""EXTRACT_BETWEEN_DELIMITERS: the text between two delimiters, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.EXTRACT_BETWEEN_DELIMITERS.html

Semantics
---------
- ``start_pattern`` and ``end_pattern`` are regular expressions (Python ``re`` syntax).
- The result is the text after the **first** match of ``start_pattern`` up to the **next**
  match of ``end_pattern`` (shortest; the delimiters are not included). The documentation does
  not say which occurrence is used; Brewdesk takes the first, as a left-to-right scan would.
- When either delimiter is not found the result is missing (the documentation is silent);
  adjacent delimiters give empty text. Missing stays missing.
- The source is a text (or category) column; the result is a text column ``target_column``
  placed right after it.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bc_extract_between
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops._value_functions import ValueFunction, regex_problem
from brewdesk.recipes.ops.base import Params, StepProblem, column, new_column
from pydantic import Field


class ExtractBetweenDelimitersParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column")
    start_pattern: str = Field(min_length=1, description="Regular expression before the text")
    end_pattern: str = Field(min_length=1, description="Regular expression after the text")
    target_column: str = new_column(description="New column with the extracted text")

    @property
    def value(self) -> None:
        """No literal operand: DataBrew's step reads a column only."""
        return None


class ExtractBetweenDelimiters(ValueFunction):
    """Text between the first ``start_pattern`` match and the next ``end_pattern`` match."""

    id = "extract_between_delimiters"
    category = "Extract"
    title = "Extract between delimiters"
    databrew = ("EXTRACT_BETWEEN_DELIMITERS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.EXTRACT_BETWEEN_DELIMITERS.html"
    Params = ExtractBetweenDelimitersParams

    def check(self, params: Any, schema: Schema) -> None:
        regex_problem(params.start_pattern, "start_pattern")
        regex_problem(params.end_pattern, "end_pattern")
        try:
            re.compile(f"(?:{params.start_pattern})(?P<bcmid>(?s:.*?))(?:{params.end_pattern})")
        except re.error as e:
            raise StepProblem(f"the delimiters do not combine into one regular expression: {e}", field="end_pattern") from None

    def compute(self, params: Any, s: pd.Series) -> pd.Series:
        return _bc_extract_between(s, params.start_pattern, params.end_pattern)

    def code(self, params: Any, src: str) -> str:
        return f"_bc_extract_between({src}, {params.start_pattern!r}, {params.end_pattern!r})"

    def describe(self, params: Any) -> str:
        return (
            f"Extract from {params.source_column} between {params.start_pattern!r} and "
            f"{params.end_pattern!r} into {params.target_column}"
        )


OPERATION = ExtractBetweenDelimiters()
