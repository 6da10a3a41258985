"""MERGE: join the text of several columns, with a delimiter, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MERGE.html

- Columns of any type are read as text as CHANGE_DATA_TYPE to string writes it (``true``/
  ``false``, ``2024-01-31 13:45:00``, ``1.5``).
- Missing values are skipped, delimiter included, as Spark's ``concat_ws`` (DataBrew runs on
  Spark) does: ``a``, missing, ``c`` with ``-`` gives ``a-c``. When every value is missing the
  result is missing (``concat_ws`` would give empty text). Empty text is not missing: ``a``, ``""``
  gives ``a-``.
- The source columns are kept; the new string column is placed right after the first of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bd_merge
from brewdesk.recipes.kernels.types import _bd_convert
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, columns, new_column
from pydantic import Field


class MergeParams(Params):
    source_columns: list[str] = columns(description="Columns to merge, in order", min_length=2)
    delimiter: str = Field("", description="Text put between the values")
    target_column: str = new_column(description="New column")


class Merge(Operation):
    """Join ``source_columns`` as text with ``delimiter`` into ``target_column``."""

    id = "merge"
    kind = Kind.ROW
    category = "Merge"
    title = "Merge columns"
    databrew = ("MERGE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MERGE.html"
    Params = MergeParams

    def columns(self, params: MergeParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return place_schema(schema, params.target_column, "string", params.source_columns[0])

    def apply(self, params: MergeParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        parts = [_bd_convert(frame[c], "string") for c in params.source_columns]
        return place(frame, params.target_column, _bd_merge(parts, params.delimiter), params.source_columns[0])

    def describe(self, params: MergeParams) -> str:
        return f"Merge {', '.join(params.source_columns)} into {params.target_column}"

    def to_code(self, params: MergeParams, fitted: Mapping[str, Any]) -> str:
        expr = f"_bd_merge([_bd_convert(df[_c], 'string') for _c in {params.source_columns!r}], {params.delimiter!r})"
        return place_code(params.target_column, expr, params.source_columns[0])


OPERATION = Merge()
