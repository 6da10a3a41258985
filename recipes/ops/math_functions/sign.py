"""SIGN: -1, 0 or 1 for a negative number, zero or a positive number.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.SIGN.html

Semantics
---------
The result is an integer column.
Missing stays missing; a result that is not a finite number is missing. The source is a numeric
column (``sourceColumn``; a literal ``value`` is not supported); the result goes to the new
``target_column``, right after the source.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.numbers import _bc_math
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column, new_column


class SignParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    target_column: str = new_column(description="New column")


class Sign(MapOperation):
    """-1, 0 or 1 for a negative number, zero or a positive number."""

    id = "sign"
    category = "Functions"
    title = "Sign"
    databrew = ("SIGN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.SIGN.html"
    Params = SignParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "int64"

    kernel = staticmethod(_bc_math)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return ('SIGN',)

    def describe(self, params: Any) -> str:
        return f"Sign of {params.source_column} into {params.target_column}"


OPERATION = Sign()
