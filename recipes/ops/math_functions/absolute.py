"""ABSOLUTE: the absolute value of a number.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ABSOLUTE.html

Semantics
---------
An integer column stays integer; a number column gives numbers.
Missing stays missing; a result that is not a finite number is missing. The source is a numeric
column (``sourceColumn``; a literal ``value`` is not supported); the result goes to the new
``target_column``, right after the source.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.numbers import _bc_math
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops.base import Params, column, new_column


class AbsoluteParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    target_column: str = new_column(description="New column")


class Absolute(MapOperation):
    """The absolute value of a number."""

    id = "absolute"
    category = "Functions"
    title = "Absolute value"
    databrew = ("ABSOLUTE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ABSOLUTE.html"
    Params = AbsoluteParams

    def out_type(self, params: Any, in_type: str) -> str:
        return in_type

    kernel = staticmethod(_bc_math)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return ('ABSOLUTE',)

    def describe(self, params: Any) -> str:
        return f"Absolute value of {params.source_column} into {params.target_column}"


OPERATION = Absolute()
