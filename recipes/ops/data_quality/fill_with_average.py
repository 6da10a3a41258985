"""FILL_WITH_AVERAGE: replace missing values with the column's whole-dataset mean.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_AVERAGE.html

Semantics
---------
- The mean is the arithmetic mean of the non-missing values of the whole dataset (not of the
  sample, not of a partition): requested as ``Stat("mean")``, computed by the engine.
- A ``float64`` column gets the mean as it is. An ``int64`` column stays ``int64`` and gets the
  mean rounded half to even (2.5 -> 2, 3.5 -> 4), like ``round`` and ``Series.round``; DataBrew's
  page does not say what happens to integer columns (documented choice, the same as
  fill_with_median).
- A column with no values at all (or a dataset with no rows) is left as it is.
- With a condition, only the missing cells of the selected rows are filled; the mean is still
  the mean of the whole column.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.ops._fit_common import NUMERIC_TYPES, StatFill
from brewdesk.recipes.ops.base import Params, Stat, column


class FillWithAverageParams(Params):
    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column to fill")


class FillWithAverage(StatFill):
    """Fill missing values of a numeric column with its whole-dataset mean."""

    id = "fill_with_average"
    title = "Fill with average"
    statistic = "the average"
    databrew = ("FILL_WITH_AVERAGE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_AVERAGE.html"
    value_code = "_mean"
    Params = FillWithAverageParams

    def requests(self, params: FillWithAverageParams) -> dict[str, Stat]:
        return {"mean": Stat("mean", params.source_column)}

    def value(self, params: FillWithAverageParams, fitted: Mapping[str, Any]) -> Any:
        return fitted["mean"]


OPERATION = FillWithAverage()
