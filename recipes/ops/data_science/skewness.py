"""SKEWNESS: a root, logarithm or square of a numeric column, to change its distribution's skew.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SKEWNESS.html

Semantics
---------
- ``skew_function`` ``ROOT``: the ``value``-th root (default 2, the square root); ``LOG``: the
  logarithm in base ``value`` (default e, DataBrew's example gives 2.718281828); ``SQUARE``:
  ``x * x`` (``value`` unused).
- The result is a new float64 column ``target_column`` right after the source (a target equal
  to the source overwrites it).

Choices where DataBrew's page is silent (documented; RESCALE_OUTLIERS_WITH_SKEW describes the
same functions):

- A root is the real root: an odd integer root keeps the sign (the cube root of -8 is -2, the
  page's "reduces positive and negative skew"); any other root of a negative value is missing.
- The logarithm of zero or of a negative value is missing; so is an overflowing square.
- Missing values stay missing. A LOG base must be positive and not 1, a ROOT positive.
- Row by row: no whole-dataset statistic is needed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.numbers import _bd_skew
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import NUMERIC_TYPES, put_code, put_column, schema_put
from brewdesk.recipes.ops._rescale import SkewFunction, floats, skew_code, skew_problem
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    check_columns,
    column,
    new_column,
)
from pydantic import Field


class SkewnessParams(Params):
    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column to transform")
    target_column: str = new_column(description="New float64 column with the result")
    skew_function: SkewFunction = Field("LOG", description="ROOT (value = the root), LOG (value = the base) or SQUARE")
    value: float | None = Field(None, description="The root for ROOT (default 2), the base for LOG (default e)")


class Skewness(Operation):
    """Apply a root, logarithm or square to a numeric column, into a new column."""

    id = "skewness"
    kind = Kind.ROW
    category = "Scale"
    title = "Skewness (root, log or square)"
    databrew = ("SKEWNESS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SKEWNESS.html"
    Params = SkewnessParams

    def columns(self, params: SkewnessParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        msg = skew_problem(params.skew_function, params.value)
        if msg:
            raise StepProblem(msg, field="value")
        return schema_put(schema, params.target_column, "float64", after=params.source_column)

    def apply(self, params: SkewnessParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        msg = skew_problem(params.skew_function, params.value)
        if msg:
            raise StepError(msg)
        s = frame[params.source_column]
        out = pd.Series(_bd_skew(floats(s), params.skew_function, params.value), index=s.index, dtype="Float64")
        return put_column(frame, params.target_column, out, after=params.source_column)

    def to_code(self, params: SkewnessParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        lines = [f"_x = df[{col!r}].astype('Float64').to_numpy(dtype='float64', na_value=np.nan)"]
        lines += skew_code("_x", params.skew_function, params.value)
        lines.append(put_code(params.target_column, "pd.Series(_x, index=df.index, dtype='Float64')", after=col))
        return "\n".join(lines)

    def describe(self, params: SkewnessParams) -> str:
        fn = params.skew_function
        arg = f" {params.value:g}" if params.value is not None and fn != "SQUARE" else ""
        return f"{fn}{arg} of {params.source_column} into {params.target_column}"


OPERATION = Skewness()
