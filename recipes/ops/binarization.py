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

import numpy as np
import pandas as pd
from brewdesk.recipes.ops._fit_common import NUMERIC_TYPES
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, column, new_column
from brewdesk.recipes.types import Schema
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
        x = frame[params.source_column].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        with np.errstate(invalid="ignore"):
            hit = (x > params.threshold) != params.flip
        out = pd.Series(hit.astype("int64"), index=frame.index, dtype="Int64").mask(np.isnan(x))
        return place(frame, params.target_column, out, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        lines = [
            f"_x = df[{col!r}].astype('Float64').to_numpy(dtype='float64', na_value=np.nan)",
            "with np.errstate(invalid='ignore'):",
            f"    _hit = (_x > {params.threshold!r}) != {params.flip!r}",
            "_out = pd.Series(_hit.astype('int64'), index=df.index, dtype='Int64').mask(np.isnan(_x))",
            place_code(params.target_column, "_out", col),
        ]
        return "\n".join(lines)

    def describe(self, params: Any) -> str:
        rule = "at most" if params.flip else "above"
        return f"1 where {params.source_column} is {rule} {params.threshold:g}, else 0, in {params.target_column}"


OPERATION = Binarization()
