"""EXTRACT_PATTERN: copy the first match of a regular expression into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.EXTRACT_PATTERN.html

- The first (leftmost) match is extracted; when the expression has groups, the text of the first
  group. No match (or a first group that did not take part) gives missing.
- The expression is a Python regular expression (``\\w``, ``\\d``, ``\\s`` are Unicode-aware;
  Java's, hence DataBrew's, are ASCII-only); one that does not compile is a validation problem on
  ``pattern``. Case-sensitive.
- The new column is a string column placed right after the source; missing values stay missing.
"""

from __future__ import annotations

import re
from typing import Any

from brewdesk.recipes.kernels.text import _bt_extract
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops._plumbing import check_regex
from brewdesk.recipes.ops.base import Params, column, new_column
from pydantic import Field


class ExtractPatternParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column")
    pattern: str = Field(min_length=1, description="Regular expression")
    target_column: str = new_column(description="New column for the match")


def _grouped(pattern: str) -> str:
    return pattern if re.compile(pattern).groups else f"({pattern})"


class ExtractPattern(TextMapOperation):
    """Extract the first match of ``pattern`` (its first group, if any) into ``target_column``."""

    id = "extract_pattern"
    category = "Extract"
    title = "Extract pattern"
    databrew = ("EXTRACT_PATTERN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.EXTRACT_PATTERN.html"
    Params = ExtractPatternParams

    def check(self, params: ExtractPatternParams, schema: Schema) -> None:
        check_regex(params.pattern, "pattern")

    kernel = staticmethod(_bt_extract)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (_grouped(params.pattern),)

    def describe(self, params: ExtractPatternParams) -> str:
        return f"Extract {params.pattern!r} from {params.source_column} into {params.target_column}"


OPERATION = ExtractPattern()
