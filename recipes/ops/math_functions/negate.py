"""NEGATE: a number with its sign reversed.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.NEGATE.html

Semantics
---------
An integer column stays integer; a number column gives numbers (0 stays 0, never -0).
Missing stays missing; a result that is not a finite number is missing. The source is a numeric
column (``sourceColumn``; a literal ``value`` is not supported); the result goes to the new
``target_column``, right after the source.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.numbers import _bc_math
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column, new_column


class NegateParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    target_column: str = new_column(description="New column")


class Negate(MapOperation):
    """A number with its sign reversed."""

    id = "negate"
    category = "Functions"
    title = "Negate"
    databrew = ("NEGATE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.NEGATE.html"
    Params = NegateParams

    def out_type(self, params: Any, in_type: str) -> str:
        return in_type

    kernel = staticmethod(_bc_math)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return ('NEGATE',)

    def describe(self, params: Any) -> str:
        return f"Negate of {params.source_column} into {params.target_column}"


OPERATION = Negate()
