"""ADD_PREFIX: add text before every value.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ADD_PREFIX.html

The prefix is DataBrew's ``pattern`` parameter, added as literal text. Missing values stay
missing (no prefix is added to them); empty text gets the prefix. A category column gives a string
column.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_wrap
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops.base import Params, column
from pydantic import Field


class AddPrefixParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column")
    pattern: str = Field(min_length=1, description="Prefix to add")


class AddPrefix(TextMapOperation):
    """Add ``pattern`` before each value."""

    id = "add_prefix"
    category = "Format"
    title = "Add prefix"
    databrew = ("ADD_PREFIX",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ADD_PREFIX.html"
    Params = AddPrefixParams

    kernel = staticmethod(_bt_wrap)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (params.pattern, "")

    def describe(self, params: AddPrefixParams) -> str:
        return f"Add prefix {params.pattern!r} to {params.source_column}"


OPERATION = AddPrefix()
