"""FILL_WITH_MOST_FREQUENT: replace missing values with the column's most frequent value.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_MOST_FREQUENT.html

Semantics
---------
- The most frequent non-missing value of the whole dataset (from combined value counts).
- Any orderable column: numbers, text, booleans, datetimes.
- Ties: DataBrew's page does not say; Brewdesk takes the smallest tied value (numbers by value,
  text by code point, ``False < True``, earlier datetimes first), which does not depend on row
  order or partitioning (documented choice; the same as FILL_WITH_MODE with ``MINIMUM``).
- A column with no values is left as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.ops._fit_common import ORDERED_TYPES, StatFill
from brewdesk.recipes.ops.base import Params, Stat, column


class FillWithMostFrequentParams(Params):
    source_column: str = column(types=ORDERED_TYPES, description="Column to fill")


class FillWithMostFrequent(StatFill):
    """Fill missing values with the whole-dataset most frequent value (ties: the smallest)."""

    id = "fill_with_most_frequent"
    title = "Fill with most frequent value"
    statistic = "the most frequent value"
    databrew = ("FILL_WITH_MOST_FREQUENT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_MOST_FREQUENT.html"
    value_code = "_mode"
    Params = FillWithMostFrequentParams

    def requests(self, params: FillWithMostFrequentParams) -> dict[str, Stat]:
        return {"mode": Stat("mode", params.source_column, "MINIMUM")}

    def value(self, params: FillWithMostFrequentParams, fitted: Mapping[str, Any]) -> Any:
        return fitted["mode"]


OPERATION = FillWithMostFrequent()
