"""DIFFERENCE: the change from the value ``num_rows`` rows above, in a new column.

Not a DataBrew operation (pandas' ``Series.diff``); it follows PREV's window
(https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.PREV.html).

Semantics
---------
- Row ``i`` gets ``x[i] - x[i - num_rows]`` in source order, whatever the partitioning.
- The first ``num_rows`` rows, and rows where either value is missing, get a missing value.
- Numeric columns only; the new column is ``float64`` and follows the source column.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import put_code, put_column, schema_put, with_history
from brewdesk.recipes.ops.base import (
    Carry,
    Kind,
    Operation,
    Params,
    Window,
    check_columns,
    column,
    new_column,
)
from pydantic import Field


class DifferenceParams(Params):
    source_column: str = column(types=("int64", "float64"), description="Numeric column")
    num_rows: int = Field(1, ge=1, description="How many rows above to subtract")
    target_column: str = new_column(description="New column with the difference")


class Difference(Operation):
    """``x - x.shift(num_rows)`` in source order, across partitions."""

    id = "difference"
    kind = Kind.NEIGHBOUR
    category = "Functions"
    title = "Difference from a row above"
    Params = DifferenceParams

    def columns(self, params: DifferenceParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return schema_put(schema, params.target_column, "float64", after=params.source_column)

    def window(self, params: DifferenceParams) -> Window:
        return Window(Carry.ROWS, params.source_column, before=params.num_rows)

    def apply(self, params: DifferenceParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        s = frame[params.source_column].astype("Float64")
        both, k = with_history(fitted.get("carry"), s)
        diff = both.astype("Float64").diff(params.num_rows).iloc[k:].set_axis(s.index)
        return put_column(frame, params.target_column, diff, after=params.source_column)

    def describe(self, params: DifferenceParams) -> str:
        return f"{params.source_column} minus its value {params.num_rows} row(s) above, into {params.target_column}"

    def to_code(self, params: DifferenceParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        expr = f"df[{col!r}].astype('Float64').diff({params.num_rows})"
        return put_code(params.target_column, expr, after=col)


OPERATION = Difference()
