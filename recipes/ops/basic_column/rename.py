"""RENAME: give a column a new name.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.RENAME.html
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    check_columns,
    column,
    new_column,
)


class RenameParams(Params):
    source_column: str = column(description="Column to rename")
    target_column: str = new_column(description="New name")


class Rename(Operation):
    """Rename ``source_column`` to ``target_column``, keeping its position and values."""

    id = "rename"
    kind = Kind.ROW
    category = "Column"
    title = "Rename column"
    databrew = ("RENAME",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.RENAME.html"
    Params = RenameParams

    def columns(self, params: RenameParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if params.target_column in schema and params.target_column != params.source_column:
            raise StepProblem(f"column '{params.target_column}' already exists", field="target_column")
        return schema.renamed({params.source_column: params.target_column})

    def apply(self, params: RenameParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        return frame.rename(columns={params.source_column: params.target_column})

    def describe(self, params: RenameParams) -> str:
        return f"Rename {params.source_column} to {params.target_column}"

    def to_code(self, params: RenameParams, fitted: Mapping[str, Any]) -> str:
        return f"df = df.rename(columns={{{params.source_column!r}: {params.target_column!r}}})"


OPERATION = Rename()
