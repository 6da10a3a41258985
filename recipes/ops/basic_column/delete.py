"""DELETE: remove one or more columns.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DELETE.html

DataBrew recipes name the columns in ``sourceColumns`` (a JSON list); ``sourceColumn`` (one
column) is accepted too, on import and in native params. The other columns keep their order.
A condition cannot restrict this step (it removes whole columns).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import SourceColumnsParams
from brewdesk.recipes.ops.base import Kind, Operation, check_columns, columns, json_list


class DeleteParams(SourceColumnsParams):
    source_columns: list[str] = columns(description="Columns to delete")


class Delete(Operation):
    """Drop the listed columns."""

    id = "delete"
    kind = Kind.ROW
    category = "Column"
    title = "Delete columns"
    databrew = ("DELETE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DELETE.html"
    Params = DeleteParams

    def columns(self, params: DeleteParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return schema.without(*params.source_columns)

    def apply(self, params: DeleteParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        return frame.drop(columns=list(dict.fromkeys(params.source_columns)))

    def describe(self, params: DeleteParams) -> str:
        return f"Delete {', '.join(params.source_columns)}"

    def to_code(self, params: DeleteParams, fitted: Mapping[str, Any]) -> str:
        return f"df = df.drop(columns={list(dict.fromkeys(params.source_columns))!r})"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        if "sourceColumns" in parameters:
            return {"source_columns": [str(c) for c in json_list(parameters["sourceColumns"])]}
        return {"source_columns": [parameters["sourceColumn"]]}

    def to_databrew(self, params: DeleteParams) -> tuple[str, dict[str, str]]:
        return "DELETE", {"sourceColumns": json.dumps(params.source_columns)}


OPERATION = Delete()
