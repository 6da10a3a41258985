"""REPLACE_WITH_AVERAGE: replace the values of the selected rows with the column's mean.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_AVERAGE.html

Semantics
---------
- Every value of the rows the step's condition selects (DataBrew's ``ConditionExpressions``,
  e.g. ``LESS_THAN 0`` or ``IS_MISSING``) becomes the mean; without a condition, every value of
  the column does. The runner applies the condition; this step writes the whole column.
- The mean is over all non-missing values of the whole dataset, including the values being
  replaced (DataBrew's page does not say; documented choice).
- ``int64`` columns get the mean rounded half to even, as fill_with_average.
- A column with no values is left as it is.
- DataBrew's ``columnDataType`` parameter (always ``number`` here) is dropped on import and
  written back as ``number`` on export.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.ops._fit_common import NUMERIC_TYPES, StatFill
from brewdesk.recipes.ops.base import Params, Stat, column


class ReplaceWithAverageParams(Params):
    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column")


class ReplaceWithAverage(StatFill):
    """Replace the selected values of a numeric column with its whole-dataset mean."""

    id = "replace_with_average"
    title = "Replace with average"
    statistic = "the average"
    replace = True
    databrew = ("REPLACE_WITH_AVERAGE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_AVERAGE.html"
    value_code = "_mean"
    Params = ReplaceWithAverageParams

    def requests(self, params: ReplaceWithAverageParams) -> dict[str, Stat]:
        return {"mean": Stat("mean", params.source_column)}

    def value(self, params: ReplaceWithAverageParams, fitted: Mapping[str, Any]) -> Any:
        return fitted["mean"]

    def to_databrew(self, params: ReplaceWithAverageParams) -> tuple[str, dict[str, str]]:
        return "REPLACE_WITH_AVERAGE", {"sourceColumn": params.source_column, "columnDataType": "number"}


OPERATION = ReplaceWithAverage()
