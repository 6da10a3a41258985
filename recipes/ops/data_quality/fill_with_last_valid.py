"""FILL_WITH_LAST_VALID: replace missing values with the last valid value above them.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_LAST_VALID.html

"Above" is source order (the ``_rowid`` order), whatever the partitioning: the engine passes the
last valid value of the earlier partitions in as the carry. Missing values before the first
valid value stay missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.ops.base import Carry, Kind, Operation, Params, Window, column


def _flv_valid(s):
    """Rows (a boolean numpy array) holding a value: the last one above a partition is carried."""
    return s.notna().to_numpy(dtype=bool)


class FillWithLastValidParams(Params):
    source_column: str = column(description="Column to fill")


class FillWithLastValid(Operation):
    """Forward-fill a column in source order."""

    id = "fill_with_last_valid"
    kind = Kind.NEIGHBOUR
    category = "Missing"
    title = "Fill with last valid value"
    databrew = ("FILL_WITH_LAST_VALID",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_LAST_VALID.html"
    Params = FillWithLastValidParams

    def window(self, params: FillWithLastValidParams) -> Window:
        return Window(Carry.LAST_VALID, params.source_column, valid=_flv_valid)

    def apply(self, params: FillWithLastValidParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        s = frame[col]
        carry = fitted.get("carry")
        if carry is not None and len(s) and pd.isna(s.iloc[0]):
            s = s.copy()
            s.iloc[0] = carry
        return frame.assign(**{col: s.ffill()})

    def describe(self, params: FillWithLastValidParams) -> str:
        return f"Fill missing values in {params.source_column} with the last valid value"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        return {"source_column": parameters["sourceColumn"]}

    def to_databrew(self, params: FillWithLastValidParams) -> tuple[str, dict[str, str]]:
        return "FILL_WITH_LAST_VALID", {"sourceColumn": params.source_column}

    def to_code(self, params: FillWithLastValidParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        return f"df[{col!r}] = df[{col!r}].ffill()"


OPERATION = FillWithLastValid()
