"""ANY: any value across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ANY.html

For every row, ``target_column`` gets the first value of ``source_columns`` (in the order listed)
that is neither missing nor empty/blank text, or missing when every cell is. DataBrew returns "any"
value and ignores empty and null values; Brewdesk picks the first, so the result is deterministic.
The result keeps the columns' type when they share one (a category column gives text), is
``float64`` for integer and decimal columns together, and text for any other mix (values written as
change_data_type to string writes them).

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.row_aggregates import _br_any
from brewdesk.recipes.ops._plumbing import place, place_code
from brewdesk.recipes.ops._row_aggregates import RowAggParams, RowAggregate, any_type


class RowAny(RowAggregate):
    """Any value across columns (ANY)."""

    id = "row_any"
    title = "Any value across columns"
    databrew = ("ANY",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ANY.html"
    Params = RowAggParams

    def out_type(self, params: Any, types: list[str]) -> str:
        return any_type(types)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        values = _br_any(frame, list(params.source_columns))
        return place(frame, params.target_column, values, params.source_columns[0])

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        expr = f"_br_any(df, {list(params.source_columns)!r})"
        return place_code(params.target_column, expr, params.source_columns[0])


OPERATION = RowAny()
