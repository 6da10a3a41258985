"""REPLACE_WITH_MEDIAN: replace the values of the selected rows with the column's exact median.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_MEDIAN.html

Semantics
---------
- Every value of the rows the step's condition selects becomes the median; without a condition
  every value of the column does (the runner applies the condition).
- The median is exact, over all non-missing values of the whole dataset (the mean of the two
  middle values for an even count, as pandas), including the values being replaced
  (DataBrew's page does not say; documented choice).
- ``int64`` columns get the median rounded half to even, as fill_with_median.
- A column with no values is left as it is.
- DataBrew's ``columnDataType`` is dropped on import and written as ``number`` on export.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.ops._fit_common import NUMERIC_TYPES, StatFill
from brewdesk.recipes.ops.base import Params, Stat, column


class ReplaceWithMedianParams(Params):
    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column")


class ReplaceWithMedian(StatFill):
    """Replace the selected values of a numeric column with its whole-dataset median."""

    id = "replace_with_median"
    title = "Replace with median"
    statistic = "the median"
    replace = True
    databrew = ("REPLACE_WITH_MEDIAN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_MEDIAN.html"
    value_code = "_median"
    Params = ReplaceWithMedianParams

    def requests(self, params: ReplaceWithMedianParams) -> dict[str, Stat]:
        return {"median": Stat("median", params.source_column)}

    def value(self, params: ReplaceWithMedianParams, fitted: Mapping[str, Any]) -> Any:
        return fitted["median"]

    def to_databrew(self, params: ReplaceWithMedianParams) -> tuple[str, dict[str, str]]:
        return "REPLACE_WITH_MEDIAN", {"sourceColumn": params.source_column, "columnDataType": "number"}


OPERATION = ReplaceWithMedian()
