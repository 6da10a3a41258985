"""POWER: a number raised to a power.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.POWER.html

Semantics
---------
``x ** exponent`` as a ``float64`` column ``target_column`` right after the source. Results that
are not real finite numbers are missing: a negative number to a fractional power, 0 to a negative
power, overflow. Missing stays missing. The source is a numeric column (DataBrew's literal
``value`` instead of a column is not supported).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.numbers import _bc_math
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops._plumbing import place_code
from brewdesk.recipes.ops.base import Params, column, new_column
from pydantic import Field


class PowerParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    exponent: float = Field(description="The power to raise each number to")
    target_column: str = new_column(description="New column")


class Power(MapOperation):
    """``x ** exponent``."""

    id = "power"
    category = "Functions"
    title = "Power"
    databrew = ("POWER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.POWER.html"
    Params = PowerParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "float64"

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        return _bc_math(s, "POWER", params.exponent)

    def expr(self, params: Any, src: str) -> str:
        return f"_bc_math({src}, 'POWER', {params.exponent!r})"

    def to_code(self, params: Any, fitted: Any) -> str:
        src = f"df[{params.source_column!r}]"
        return place_code(params.target_column, self.expr(params, src), params.source_column)

    def describe(self, params: Any) -> str:
        return f"{params.source_column} to the power {params.exponent:g} into {params.target_column}"


OPERATION = Power()
