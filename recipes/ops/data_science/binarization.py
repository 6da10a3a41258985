"""BINARIZATION: 1 where a number is above a threshold, 0 elsewhere, in a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.BINARIZATION.html

Semantics
---------
- ``target_column`` (``int64``) is 1 where the source value is greater than ``threshold`` and 0
  where it is less than or equal to it (a value equal to the threshold gives 0, as
  scikit-learn's ``Binarizer``; DataBrew's page does not say; documented choice).
- ``flip`` (default ``false``) swaps 1 and 0.
- A missing value gives a missing result (DataBrew's page does not say; documented choice).
- The source is a numeric column; the new column goes right after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.mapping import _bm_binarize
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import NUMERIC_TYPES
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, column, new_column
from pydantic import Field


class BinarizationParams(Params):
    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column")
    target_column: str = new_column(description="New 0/1 column")
    threshold: float = Field(description="Values above it give 1, the others 0")
    flip: bool = Field(False, description="Swap 1 and 0")


class Binarization(Operation):
    """0/1 by comparing a number with a threshold."""

    id = "binarization"
    kind = Kind.ROW
    category = "Encode"
    title = "Binarization"
    databrew = ("BINARIZATION",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.BINARIZATION.html"
    Params = BinarizationParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return place_schema(schema, params.target_column, "int64", params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = _bm_binarize(frame[params.source_column], params.threshold, params.flip)
        return place(frame, params.target_column, out, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        expr = f"_bm_binarize(df[{col!r}], {params.threshold!r}, {params.flip!r})"
        return place_code(params.target_column, expr, col)

    def describe(self, params: Any) -> str:
        rule = "at most" if params.flip else "above"
        return f"1 where {params.source_column} is {rule} {params.threshold:g}, else 0, in {params.target_column}"


OPERATION = Binarization()
