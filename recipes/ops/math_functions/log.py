"""LOG: the logarithm of a number in a given base.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.LOG.html

Semantics
---------
``log_base(x) = ln(x) / ln(base)``, ``base`` 10 by default (DataBrew's default); the base must be
positive and not 1 (a validation problem). Zero and negative numbers have no logarithm: the result
is missing there. Missing stays missing. The source is a numeric column; the result is a
``float64`` column ``target_column`` right after the source.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.numbers import _bc_math
from brewdesk.recipes.ops._maps import MapOperation
from brewdesk.recipes.ops._plumbing import place_code
from brewdesk.recipes.ops.base import Params, column, new_column
from pydantic import Field, field_validator


class LogParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    target_column: str = new_column(description="New column")
    base: float = Field(10.0, gt=0, description="Base of the logarithm (positive, not 1)")

    @field_validator("base")
    @classmethod
    def _not_one(cls, v: float) -> float:
        if v == 1:
            raise ValueError("the base of a logarithm cannot be 1")
        return v


class Log(MapOperation):
    """Logarithm in base ``base``."""

    id = "log"
    category = "Functions"
    title = "Logarithm"
    databrew = ("LOG",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.LOG.html"
    Params = LogParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "float64"

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        return _bc_math(s, "LOG", params.base)

    def expr(self, params: Any, src: str) -> str:
        return f"_bc_math({src}, 'LOG', {params.base!r})"

    def to_code(self, params: Any, fitted: Any) -> str:
        src = f"df[{params.source_column!r}]"
        return place_code(params.target_column, self.expr(params, src), params.source_column)

    def describe(self, params: Any) -> str:
        return f"Logarithm base {params.base:g} of {params.source_column} into {params.target_column}"


OPERATION = Log()
