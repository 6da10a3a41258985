"""TRIM: remove leading and trailing whitespace.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.TRIM.html

DataBrew's TRIM function writes to ``targetColumn``; here the target is optional and the source
is changed in place when it is absent. A new target column is placed right after the source.
Whitespace is Unicode whitespace (spaces, tabs, line breaks, no-break and ideographic spaces);
inner whitespace is kept. Missing values stay missing; a category column gives a string column.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.text import _bt_trim
from brewdesk.recipes.ops._maps import TEXT_TYPES, TextMapOperation, describe_target
from brewdesk.recipes.ops.base import Params, column, new_column


class TrimParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column to trim")
    target_column: str | None = new_column(None, description="New column (empty: change in place)")


class Trim(TextMapOperation):
    """Strip leading and trailing whitespace."""

    id = "trim"
    category = "Functions"
    title = "Trim whitespace"
    databrew = ("TRIM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.TRIM.html"
    Params = TrimParams

    kernel = staticmethod(_bt_trim)

    def describe(self, params: Any) -> str:
        return f"Trim whitespace in {params.source_column}{describe_target(params)}"


OPERATION = Trim()
