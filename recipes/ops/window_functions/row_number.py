"""ROW_NUMBER: number the rows 1, 2, 3, ... in source order.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROW_NUMBER.html

Semantics
---------
- Row ``i`` (0-based, in source order, i.e. ``_rowid`` order) gets ``i + 1`` in a new
  ``int64`` column ``target_column``, appended after the last column (DataBrew's page does
  not say where; documented choice).
- Across partitions the numbering continues: the carry is the number of rows of the earlier
  partitions (each partition's summary is its length).
- With a condition, rows the condition does not select get a missing number; they still count.
- DataBrew's ``groupByColumns`` (restart per group) and ``orderByColumns`` (number in another
  order) need a sort first; they are kept in the step but are a validation problem for now.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import NeighbourCheck
from brewdesk.recipes.ops.base import (
    Carry,
    Kind,
    Operation,
    Params,
    StepProblem,
    Window,
    check_columns,
    columns,
    new_column,
)


class RowNumberParams(Params):
    target_column: str = new_column(description="New column with the row number")
    group_by_columns: list[str] = columns([], min_length=0, description="Restart numbering per group (not supported yet)")
    order_by_columns: list[str] = columns([], min_length=0, description="Number in this order (not supported yet)")


class RowNumber(NeighbourCheck, Operation):
    """1-based row number in source order, continuing across partitions."""

    id = "row_number"
    kind = Kind.NEIGHBOUR
    category = "Functions"
    title = "Row number"
    databrew = ("ROW_NUMBER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROW_NUMBER.html"
    Params = RowNumberParams

    def problem(self, params: RowNumberParams) -> str | None:
        if params.group_by_columns or params.order_by_columns:
            return (
                "row numbers per group (groupByColumns) or in another order (orderByColumns) are not "
                "supported yet; sort first and number in source order"
            )
        return None

    def columns(self, params: RowNumberParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        msg = self.problem(params)
        if msg:
            raise StepProblem(msg, field="group_by_columns" if params.group_by_columns else "order_by_columns")
        return schema.with_column(params.target_column, "int64")

    def window(self, params: RowNumberParams) -> Window:
        return Window(Carry.ROW_COUNT, params.target_column)

    def apply(self, params: RowNumberParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        self.check_run(params)
        start = int(fitted.get("carry") or 0)
        out = frame.copy(deep=False)
        numbers = pd.array(np.arange(start + 1, start + len(frame) + 1, dtype="int64"), dtype="Int64")
        out[params.target_column] = pd.Series(numbers, index=frame.index)
        return out

    def describe(self, params: RowNumberParams) -> str:
        return f"Number the rows into {params.target_column}"

    def to_code(self, params: RowNumberParams, fitted: Mapping[str, Any]) -> str:
        return f"df[{params.target_column!r}] = pd.array(np.arange(1, len(df) + 1), dtype='Int64')"

    def to_databrew(self, params: RowNumberParams) -> tuple[str, dict[str, str]]:
        out = {"targetColumn": params.target_column}
        if params.group_by_columns:
            out["groupByColumns"] = json.dumps(params.group_by_columns)
        if params.order_by_columns:
            out["orderByColumns"] = json.dumps(params.order_by_columns)
        return "ROW_NUMBER", out


OPERATION = RowNumber()
