"""ADD_SUFFIX: add text after every value.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ADD_SUFFIX.html

The suffix is DataBrew's ``pattern`` parameter, added as literal text. Missing values stay
missing (no suffix is added to them); empty text gets the suffix. A category column gives a string
column.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_wrap
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation
from brewdesk.recipes.ops.base import Params, column
from pydantic import Field


class AddSuffixParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column")
    pattern: str = Field(min_length=1, description="Suffix to add")


class AddSuffix(TextMapOperation):
    """Add ``pattern`` after each value."""

    id = "add_suffix"
    category = "Format"
    title = "Add suffix"
    databrew = ("ADD_SUFFIX",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ADD_SUFFIX.html"
    Params = AddSuffixParams

    kernel = staticmethod(_bt_wrap)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return ("", params.pattern)

    def describe(self, params: AddSuffixParams) -> str:
        return f"Add suffix {params.pattern!r} to {params.source_column}"


OPERATION = AddSuffix()
