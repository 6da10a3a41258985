"""REMOVE_WHITESPACE: remove every whitespace character.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.REMOVE_WHITESPACE.html

Removes all whitespace, inside the text too (``" a b\\tc "`` -> ``"abc"``). Whitespace is Unicode
whitespace (spaces, tabs, line breaks, no-break and ideographic spaces). The DataBrew function
writes to ``targetColumn``; here the target is optional (in place when absent) and a new target
column is placed right after the source. Missing values stay missing; a category column gives a
string column.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_replace
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation, describe_target
from brewdesk.recipes.ops.base import Params, column, new_column

WHITESPACE = r"\s+"


class RemoveWhitespaceParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column")
    target_column: str | None = new_column(None, description="New column (empty: change in place)")


class RemoveWhitespace(TextMapOperation):
    """Delete all whitespace characters."""

    id = "remove_whitespace"
    category = "Functions"
    title = "Remove whitespace"
    databrew = ("REMOVE_WHITESPACE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.REMOVE_WHITESPACE.html"
    Params = RemoveWhitespaceParams

    kernel = staticmethod(_bt_replace)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (WHITESPACE, "", True)

    def describe(self, params: Any) -> str:
        return f"Remove whitespace in {params.source_column}{describe_target(params)}"


OPERATION = RemoveWhitespace()
