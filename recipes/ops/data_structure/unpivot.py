"""UNPIVOT: turn columns into rows: one row per source column, with its name and its value.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNPIVOT.html

Semantics
---------
- Every row becomes one row per column of ``source_columns`` (in the order listed): the other
  columns repeated, the source column's *name* in ``unpivot_column`` and its *value* in
  ``value_column`` (DataBrew: "converts all the column values in a selected row into individual
  rows with values"; its parameter list calls ``unpivotColumn`` "the value column for the
  unpivot operation" and ``valueColumn`` "the column to hold unpivoted values": Brewdesk reads
  the first as the column of names, the second as the column of values, as in Spark's
  ``stack``/``unpivot``).
- The source columns are removed; the two new columns take the place of the first of them.
- Values are cast to one common type, NEST_TO_ARRAY's rule: one type stays (``category`` is
  text), integers with decimals give decimals, any other mix gives text (CHANGE_DATA_TYPE's text
  form); nested columns combine only with nested columns.
- Missing values are kept (a row with a missing value, not a dropped row: SQL's
  ``INCLUDE NULLS``); the page is silent.
- Row order: the input's, each row's new rows in ``source_columns`` order. The copies of a row
  share its row id in the preview; the engine gives fresh, increasing row ids after the step
  (``Operation.adds_rows``). A condition cannot restrict this step.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.nested import _bn_unpivot
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._nested import check_new_names, common_type, layout_schema
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    check_columns,
    columns,
    new_column,
)


class UnpivotParams(Params):
    source_columns: list[str] = columns(description="Columns turned into rows")
    unpivot_column: str = new_column(description="New column holding the source column names")
    value_column: str = new_column(description="New column holding the values")


class Unpivot(Operation):
    """One row per row and source column: the column's name and its value."""

    id = "unpivot"
    kind = Kind.ROW
    category = "Pivot"
    title = "Unpivot"
    databrew = ("UNPIVOT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNPIVOT.html"
    Params = UnpivotParams
    changes_rows = True
    adds_rows = True

    def _layout(self, params: UnpivotParams, schema: Schema) -> tuple[list[str], int, str]:
        check_columns(params, schema)
        src = params.source_columns
        if len(set(src)) != len(src):
            dup = next(c for c in src if src.count(c) > 1)
            raise StepProblem(f"column '{dup}' is listed twice", field="source_columns")
        to = common_type([schema[c] for c in src], field="source_columns")
        kept = [c for c in schema if c not in set(src)]
        if params.unpivot_column == params.value_column:
            raise StepProblem("the name and value columns need different names", field="value_column")
        for f in ("unpivot_column", "value_column"):
            check_new_names(schema, kept, [getattr(params, f)], field=f)
        names = schema.names
        pos = sum(1 for c in names[: names.index(src[0])] if c not in set(src))
        return kept, pos, to

    def columns(self, params: UnpivotParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        kept, pos, to = self._layout(params, schema)
        return layout_schema(schema, kept, pos, [(params.unpivot_column, "string"), (params.value_column, to)])

    def apply(self, params: UnpivotParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        self._layout(params, Schema.from_frame(frame))
        return _bn_unpivot(frame, list(params.source_columns), params.unpivot_column, params.value_column)

    def describe(self, params: UnpivotParams) -> str:
        return (
            f"Unpivot {', '.join(params.source_columns)} into {params.unpivot_column} (names) "
            f"and {params.value_column} (values)"
        )

    def to_code(self, params: UnpivotParams, fitted: Mapping[str, Any]) -> str:
        args = f"{list(params.source_columns)!r}, {params.unpivot_column!r}, {params.value_column!r}"
        return (
            f"df = _bn_unpivot(df, {args})"
        )


OPERATION = Unpivot()
