"""NEXT: the value ``num_rows`` rows below, in a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.NEXT.html

Semantics
---------
- Row ``i`` gets the source value of row ``i + num_rows`` in source order (the ``_rowid``
  order), whatever the partitioning: the engine carries the first ``num_rows`` values of the
  following partitions back into each partition (partitions shorter than ``num_rows``, also
  empty ones, pass later values on). DataBrew's page describes ``numRows`` once as "rows
  earlier" and once as "the third-next value"; the operation's name and its example follow the
  latter, so the value comes from below.
- The last ``num_rows`` rows get a missing value; a missing source value is passed on as
  missing (it is not skipped).
- The new column has the source's type and follows the source column.
- Any type except ``category`` and ``object``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import put_code, put_column, schema_put
from brewdesk.recipes.ops._window_common import with_context
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


class NextParams(Params):
    source_column: str = column(types=SOURCE_TYPES, description="Column to look ahead in")
    num_rows: int = Field(1, ge=1, le=100_000, description="How many rows below")
    target_column: str = new_column(description="New column with the later value")


class Next(Operation):
    """The source value ``num_rows`` rows below each row (source order, across partitions)."""

    id = "next"
    kind = Kind.NEIGHBOUR
    category = "Functions"
    title = "Next value"
    databrew = ("NEXT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.NEXT.html"
    Params = NextParams

    def columns(self, params: NextParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return schema_put(schema, params.target_column, schema[params.source_column], after=params.source_column)

    # nothing comes from the rows above: the forward carry is empty
    def window(self, params: NextParams) -> Window:
        return Window(Carry.ROWS, params.source_column, after=params.num_rows)

    def apply(self, params: NextParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        s = frame[params.source_column]
        both, _ = with_context(None, s, fitted.get("carry_back"))
        shifted = both.shift(-params.num_rows).iloc[: len(s)].set_axis(s.index)
        return put_column(frame, params.target_column, shifted, after=params.source_column)

    def describe(self, params: NextParams) -> str:
        rows = "1 row" if params.num_rows == 1 else f"{params.num_rows} rows"
        return f"Value of {params.source_column} {rows} below, into {params.target_column}"

    def to_code(self, params: NextParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        return put_code(params.target_column, f"df[{col!r}].shift({-params.num_rows})", after=col)


OPERATION = Next()
