"""to_category: make a text column categorical, with the whole dataset's values as categories.

No DataBrew equivalent (DataBrew has no categorical type); Brewdesk's own step for smaller
memory and dictionary-encoded Parquet columns.

Semantics
---------
- The categories are the sorted distinct non-missing values of the **whole dataset**
  (``Stat("distinct")``; text sorted by code point), so every Dask partition gets the same
  categorical dtype and the written Parquet column is one dictionary column. Categories taken
  per partition would differ between partitions (and from the sample).
- Values stay the same text; missing values stay missing. The categories are unordered.
- Only ``string`` columns (convert other types to text first).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_to_category
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import fitted_lines, require_column
from brewdesk.recipes.ops.base import Kind, Operation, Params, Stat, check_columns, column


class ToCategoryParams(Params):
    source_column: str = column(types=("string",), description="Text column to make categorical")


class ToCategory(Operation):
    """Convert a text column to ``category`` with the whole-dataset sorted values as categories."""

    id = "to_category"
    kind = Kind.FIT_MAP
    category = "Encode"
    title = "Convert to category"
    Params = ToCategoryParams

    def columns(self, params: ToCategoryParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return schema.with_column(params.source_column, "category")

    def stats(self, params: ToCategoryParams, schema: Schema) -> dict[str, Stat]:
        require_column(schema, params.source_column)
        return {"distinct": Stat("distinct", params.source_column)}

    def apply(self, params: ToCategoryParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        if fitted.get("distinct") is None:
            raise StepError(f"to_category of '{col}' needs the column's distinct values")
        out = frame.copy(deep=False)
        out[col] = _bd_to_category(frame[col], fitted["distinct"])
        return out

    def describe(self, params: ToCategoryParams) -> str:
        return f"Convert {params.source_column} to a category column"

    def to_code(self, params: ToCategoryParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        lines = fitted_lines({"distinct": Stat("distinct", col)}, fitted)
        lines.append(f"df[{col!r}] = _bd_to_category(df[{col!r}], _distinct)")
        return "\n".join(lines)


OPERATION = ToCategory()
