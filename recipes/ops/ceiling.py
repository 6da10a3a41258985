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

import pandas as pd
from brewdesk.recipes.kernels.numbers import _bc_math
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops._plumbing import place_code
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

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        return _bc_math(s, "CEILING")

    def expr(self, params: Any, src: str) -> str:
        return f"_bc_math({src}, 'CEILING')"

    def to_code(self, params: Any, fitted: Any) -> str:
        src = f"df[{params.source_column!r}]"
        return place_code(params.target_column, self.expr(params, src), params.source_column)

    def describe(self, params: Any) -> str:
        return f"Ceiling of {params.source_column} into {params.target_column}"


OPERATION = Ceiling()
