"""PI: a new column holding the number pi.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.PI.html

Every row gets 3.141592653589793 in the new ``float64`` column ``target_column``, appended after
the last column (the step reads no column).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, new_column


class PiParams(Params):
    target_column: str = new_column(description="New column")


class Pi(Operation):
    """A column of pi."""

    id = "pi"
    kind = Kind.ROW
    category = "Functions"
    title = "Pi"
    databrew = ("PI",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.PI.html"
    Params = PiParams

    def columns(self, params: PiParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return place_schema(schema, params.target_column, "float64", None)

    def apply(self, params: PiParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        return place(frame, params.target_column, pd.Series(math.pi, index=frame.index, dtype="Float64"), None)

    def to_code(self, params: PiParams, fitted: Mapping[str, Any]) -> str:
        return place_code(params.target_column, "pd.Series(np.pi, index=df.index, dtype='Float64')", None)

    def describe(self, params: PiParams) -> str:
        return f"Pi into {params.target_column}"


OPERATION = Pi()
