"""RADIANS: an angle in degrees converted to radians.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.RADIANS.html

Semantics
---------
``radians = degrees * pi / 180``.
Missing stays missing; a result that is not a finite number is missing. The source is a numeric
column (``sourceColumn``; a literal ``value`` is not supported); the result goes to the new
``target_column``, right after the source.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.numbers import _bc_math
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column, new_column


class RadiansParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    target_column: str = new_column(description="New column")


class Radians(MapOperation):
    """An angle in degrees converted to radians."""

    id = "radians"
    category = "Functions"
    title = "Degrees to radians"
    databrew = ("RADIANS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.RADIANS.html"
    Params = RadiansParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "float64"

    kernel = staticmethod(_bc_math)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return ('RADIANS',)

    def describe(self, params: Any) -> str:
        return f"Degrees to radians of {params.source_column} into {params.target_column}"


OPERATION = Radians()
