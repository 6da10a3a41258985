"""FILL_WITH_SUM: replace missing values with the sum of the column's values.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_SUM.html

Semantics
---------
- The sum is over the non-missing values of the whole dataset (``Stat("sum")``), computed by
  the engine, never per partition.
- ``int64`` columns stay ``int64`` (the sum of integers is whole; it is accumulated in float64
  by the statistics module, so it is exact up to 2**53).
- A column with no values is left as it is (the empty sum would be 0, but filling a column of
  nothing but missing values with 0 invents data; DataBrew's page does not say; documented
  choice). That needs the count too, requested as ``Stat("count")``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.ops._fit_common import NUMERIC_TYPES, StatFill
from brewdesk.recipes.ops.base import Params, Stat, column


class FillWithSumParams(Params):
    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column to fill")


class FillWithSum(StatFill):
    """Fill missing values of a numeric column with the sum of its values."""

    id = "fill_with_sum"
    title = "Fill with sum"
    statistic = "the sum"
    databrew = ("FILL_WITH_SUM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_SUM.html"
    value_code = "_sum if _count else None"
    Params = FillWithSumParams

    def requests(self, params: FillWithSumParams) -> dict[str, Stat]:
        col = params.source_column
        return {"sum": Stat("sum", col), "count": Stat("count", col)}

    def value(self, params: FillWithSumParams, fitted: Mapping[str, Any]) -> Any:
        return fitted["sum"] if fitted.get("count") else None


OPERATION = FillWithSum()
