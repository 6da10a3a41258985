"""CEILING: the smallest whole number greater than or equal to a number.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.CEILING.html

Semantics
---------
2.1 -> 3, -2.5 -> -2. An integer column stays integer and unchanged; a number column gives a
``float64`` column of whole numbers (as FLOOR does).
Missing stays missing; a result that is not a finite number is missing. The source is a numeric
column (``sourceColumn``; a literal ``value`` is not supported); the result goes to the new
``target_column``, right after the source.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.numbers import _bc_math
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column, new_column


class CeilingParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    target_column: str = new_column(description="New column")


class Ceiling(MapOperation):
    """The smallest whole number greater than or equal to a number."""

    id = "ceiling"
    category = "Functions"
    title = "Ceiling"
    databrew = ("CEILING",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.CEILING.html"
    Params = CeilingParams

    def out_type(self, params: Any, in_type: str) -> str:
        return in_type

    kernel = staticmethod(_bc_math)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return ('CEILING',)

    def describe(self, params: Any) -> str:
        return f"Ceiling of {params.source_column} into {params.target_column}"


OPERATION = Ceiling()
