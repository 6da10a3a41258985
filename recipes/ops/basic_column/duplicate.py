"""DUPLICATE: copy a column into a new column placed right after it.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DUPLICATE.html

The copy has the source's type and values (a category column stays category).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    check_columns,
    column,
    new_column,
)


class DuplicateParams(Params):
    source_column: str = column(description="Column to copy")
    target_column: str = new_column(description="Name of the copy")


class Duplicate(Operation):
    """Copy ``source_column`` into ``target_column``, right after the source."""

    id = "duplicate"
    kind = Kind.ROW
    category = "Column"
    title = "Duplicate column"
    databrew = ("DUPLICATE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DUPLICATE.html"
    Params = DuplicateParams

    def columns(self, params: DuplicateParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if params.target_column == params.source_column:
            raise StepProblem("the copy needs another name", field="target_column")
        return place_schema(schema, params.target_column, schema[params.source_column], params.source_column)

    def apply(self, params: DuplicateParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        return place(frame, params.target_column, frame[params.source_column].copy(), params.source_column)

    def describe(self, params: DuplicateParams) -> str:
        return f"Duplicate {params.source_column} as {params.target_column}"

    def to_code(self, params: DuplicateParams, fitted: Mapping[str, Any]) -> str:
        return place_code(params.target_column, f"df[{params.source_column!r}].copy()", params.source_column)


OPERATION = Duplicate()
