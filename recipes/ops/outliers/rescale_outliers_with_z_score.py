"""RESCALE_OUTLIERS_WITH_Z_SCORE: z-score normalisation of a numeric column, outliers capped first.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.RESCALE_OUTLIERS_WITH_Z_SCORE.html

Semantics
---------
- Outliers are found exactly as in FLAG_OUTLIERS (``Z_SCORE``, ``MODIFIED_Z_SCORE`` or ``IQR``
  with ``threshold``, default 3; whole-dataset statistics, requested from the engine, never
  taken per partition; see :mod:`brewdesk.recipes.ops.outliers.flag_outliers`).
- Every value is then z-score normalised, ``(x - mean) / std``, with the whole column's mean
  and sample standard deviation (the page: "linearly scale data values to have a mean of 0 and
  standard deviation of 1"), into the new float64 column ``target_column`` right after the
  source.

Choices where DataBrew's page is silent (documented):

- "A rescaled outlier value": an outlier is first capped at the fence it crosses (winsorized to
  the nearest value that is not an outlier), so with ``Z_SCORE`` its score becomes exactly
  ``-threshold`` or ``threshold``. The mean and standard deviation are those of the original
  column, so the result's mean is 0 only when nothing was capped.
- Missing values stay missing. With no spread (fewer than 2 values or a constant column) the
  scores are missing, as 0 / 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from brewdesk.recipes.kernels.numbers import _bd_zscore
from brewdesk.recipes.ops._fit_common import fitted_lines
from brewdesk.recipes.ops._rescale import Rescale, RescaleParams
from brewdesk.recipes.ops.base import Stat


class RescaleOutliersWithZScoreParams(RescaleParams):
    pass


class RescaleOutliersWithZScore(Rescale):
    """Z-scores of a numeric column into a new column, outliers capped at the fences first."""

    id = "rescale_outliers_with_z_score"
    title = "Rescale outliers with Z-score"
    databrew = ("RESCALE_OUTLIERS_WITH_Z_SCORE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.RESCALE_OUTLIERS_WITH_Z_SCORE.html"
    Params = RescaleOutliersWithZScoreParams

    def extra_stats(self, params: Any) -> dict[str, Stat]:
        return {"mean": Stat("mean", params.source_column), "std": Stat("std", params.source_column)}

    def transform(self, params: Any, x: np.ndarray, fitted: Mapping[str, Any]) -> np.ndarray:
        return _bd_zscore(x, fitted.get("mean"), fitted.get("std"))

    def transform_code(self, params: Any, fitted: Mapping[str, Any]) -> list[str]:
        return [
            *fitted_lines(self.extra_stats(params), fitted),
            "_x = _bd_zscore(_x, _mean, _std)",
        ]

    def describe(self, params: Any) -> str:
        return self.describe_rescale(params, "Z-scores")


OPERATION = RescaleOutliersWithZScore()
