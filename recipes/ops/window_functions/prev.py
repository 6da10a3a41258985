"""PREV: the value ``num_rows`` rows above, in a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.PREV.html

Semantics
---------
- Row ``i`` gets the source value of row ``i - num_rows`` in source order (the ``_rowid``
  order), whatever the partitioning: the engine carries the last ``num_rows`` values of the
  earlier partitions into each partition (partitions shorter than ``num_rows``, also empty
  ones, pass older values on).
- The first ``num_rows`` rows get a missing value; a missing source value is passed on as
  missing (it is not skipped).
- The new column has the source's type and follows the source column.
- Any type except ``category`` and ``object``.

NEXT (next.py) is the mirror image: it reads rows below through the engine's backward carry.
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

SOURCE_TYPES = ("int64", "float64", "boolean", "string", "datetime")


class PrevParams(Params):
    source_column: str = column(types=SOURCE_TYPES, description="Column to look back in")
    num_rows: int = Field(1, ge=1, description="How many rows above")
    target_column: str = new_column(description="New column with the earlier value")


class Prev(Operation):
    """The source value ``num_rows`` rows above each row (source order, across partitions)."""

    id = "prev"
    kind = Kind.NEIGHBOUR
    category = "Functions"
    title = "Previous value"
    databrew = ("PREV",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.PREV.html"
    Params = PrevParams

    def columns(self, params: PrevParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return schema_put(schema, params.target_column, schema[params.source_column], after=params.source_column)

    def window(self, params: PrevParams) -> Window:
        return Window(Carry.ROWS, params.source_column, before=params.num_rows)

    def apply(self, params: PrevParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        s = frame[params.source_column]
        both, k = with_history(fitted.get("carry"), s)
        shifted = both.shift(params.num_rows).iloc[k:].set_axis(s.index)
        return put_column(frame, params.target_column, shifted, after=params.source_column)

    def describe(self, params: PrevParams) -> str:
        rows = "1 row" if params.num_rows == 1 else f"{params.num_rows} rows"
        return f"Value of {params.source_column} {rows} above, into {params.target_column}"

    def to_code(self, params: PrevParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        return put_code(params.target_column, f"df[{col!r}].shift({params.num_rows})", after=col)


OPERATION = Prev()
