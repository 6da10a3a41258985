"""REMOVE_MISSING: remove the rows where a column is missing.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REMOVE_MISSING.html

A value is missing when it is null, or when it is text that is empty or only whitespace (the
same rule as the IS_MISSING condition; DataBrew's profile counts empty text as missing too).
DataBrew names one ``sourceColumn``; Brewdesk takes a list, ``source_columns``, and removes a row
when any of them is missing (``source_column`` is accepted for one column). The remaining rows keep
their order and row ids. A condition cannot restrict this step (it removes rows).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import (
    _bd_any_missing,
)
from brewdesk.recipes.ops._maps import SourceColumnsParams
from brewdesk.recipes.ops.base import Kind, Operation, columns


class RemoveMissingParams(SourceColumnsParams):
    source_columns: list[str] = columns(description="Rows missing a value in any of these are removed")


class RemoveMissing(Operation):
    """Delete the rows where any of ``source_columns`` is missing (null or blank text)."""

    id = "remove_missing"
    kind = Kind.ROW
    category = "Missing"
    title = "Remove missing rows"
    databrew = ("REMOVE_MISSING",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REMOVE_MISSING.html"
    Params = RemoveMissingParams
    changes_rows = True

    def apply(self, params: RemoveMissingParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        return frame.loc[~_bd_any_missing(frame, list(params.source_columns))]

    def describe(self, params: RemoveMissingParams) -> str:
        return f"Remove rows missing {', '.join(params.source_columns)}"

    def to_code(self, params: RemoveMissingParams, fitted: Mapping[str, Any]) -> str:
        return f"df = df.loc[~_bd_any_missing(df, {list(params.source_columns)!r})]"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        return {"source_columns": [parameters["sourceColumn"]]}

    def to_databrew(self, params: RemoveMissingParams) -> tuple[str, dict[str, str]]:
        if len(params.source_columns) != 1:
            raise NotImplementedError("DataBrew's REMOVE_MISSING takes one column; use one step per column")
        return "REMOVE_MISSING", {"sourceColumn": params.source_columns[0]}


OPERATION = RemoveMissing()
