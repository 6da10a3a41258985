"""RESCALE_OUTLIERS_WITH_SKEW: a root, logarithm or square of a numeric column, outliers capped first.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.outliers.RESCALE_OUTLIERS_WITH_SKEW.html

Semantics
---------
- Outliers are found exactly as in FLAG_OUTLIERS (``Z_SCORE``, ``MODIFIED_Z_SCORE`` or ``IQR``
  with ``threshold``, default 3; whole-dataset statistics, requested from the engine, never
  taken per partition; see :mod:`brewdesk.recipes.ops.outliers.flag_outliers`).
- Every value then goes through ``skew_function`` (the page: "reduce distribution skewness by
  applying the specified log or root transform"): ``LOG`` in base ``value`` (default e, the
  natural logarithm), ``ROOT`` with root ``value`` (default 2; 3 is the cube root), or
  ``SQUARE``; the result is the new float64 column ``target_column`` right after the source.

Choices where DataBrew's page is silent (documented):

- "A rescaled outlier value": an outlier is first capped at the fence it crosses (winsorized to
  the nearest value that is not an outlier), then transformed like every other value.
- The functions are those of SKEWNESS (:mod:`brewdesk.recipes.ops.data_science.skewness`): an odd integer
  root keeps the sign of a negative value, any other root of a negative value and the logarithm
  of a value <= 0 are missing; missing values stay missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from brewdesk.recipes.kernels.numbers import _bd_skew
from brewdesk.recipes.ops._rescale import (
    Rescale,
    RescaleParams,
    SkewFunction,
    skew_code,
    skew_problem,
)
from pydantic import Field


class RescaleOutliersWithSkewParams(RescaleParams):
    skew_function: SkewFunction = Field("LOG", description="LOG (value = the base), ROOT (value = the root) or SQUARE")
    value: float | None = Field(None, description="The base for LOG (default e), the root for ROOT (default 2)")


class RescaleOutliersWithSkew(Rescale):
    """A root, log or square of a numeric column into a new column, outliers capped first."""

    id = "rescale_outliers_with_skew"
    title = "Rescale outliers with skew"
    databrew = ("RESCALE_OUTLIERS_WITH_SKEW",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.outliers.RESCALE_OUTLIERS_WITH_SKEW.html"
    Params = RescaleOutliersWithSkewParams

    def problem(self, params: Any) -> str | None:
        return skew_problem(params.skew_function, params.value)

    def transform(self, params: Any, x: np.ndarray, fitted: Mapping[str, Any]) -> np.ndarray:
        return _bd_skew(x, params.skew_function, params.value)

    def transform_code(self, params: Any, fitted: Mapping[str, Any]) -> list[str]:
        return skew_code("_x", params.skew_function, params.value)

    def describe(self, params: Any) -> str:
        fn = params.skew_function
        arg = f" {params.value:g}" if params.value is not None and fn != "SQUARE" else ""
        return self.describe_rescale(params, f"{fn}{arg}")


OPERATION = RescaleOutliersWithSkew()
