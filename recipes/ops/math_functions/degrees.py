"""DEGREES: an angle in radians converted to degrees.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DEGREES.html

Semantics
---------
``degrees = radians * 180 / pi``.
Missing stays missing; a result that is not a finite number is missing. The source is a numeric
column (``sourceColumn``; a literal ``value`` is not supported); the result goes to the new
``target_column``, right after the source.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.numbers import _bc_math
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column, new_column


class DegreesParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    target_column: str = new_column(description="New column")


class Degrees(MapOperation):
    """An angle in radians converted to degrees."""

    id = "degrees"
    category = "Functions"
    title = "Radians to degrees"
    databrew = ("DEGREES",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.DEGREES.html"
    Params = DegreesParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "float64"

    kernel = staticmethod(_bc_math)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return ('DEGREES',)

    def describe(self, params: Any) -> str:
        return f"Radians to degrees of {params.source_column} into {params.target_column}"


OPERATION = Degrees()
