"""COALESCE: the first non-missing value of several columns, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.COALESCE.html

Semantics
---------
- For each row, ``target_column`` gets the value of the first of ``source_columns`` (in the order
  given) that is not null; null when all of them are null. Empty text is a value, not missing
  (COALESCE is SQL's null rule; DataBrew's page does not say; documented choice).
- Types: columns of one type give that type; a mix of ``int64`` and ``float64`` gives
  ``float64``; text and category columns give text. Any other mix is a validation problem
  (convert first with change_data_type), rather than guessing a text rendering.
- The new column goes right after the first of ``source_columns``.
- DataBrew's ``sourceColumns`` is a JSON list in a string.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.row_aggregates import _br_coalesce, _br_coalesce_type
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema, logical_type
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    check_columns,
    columns,
    new_column,
)


class CoalesceParams(Params):
    source_columns: list[str] = columns(description="Columns to take the first non-missing value from, in order")
    target_column: str = new_column(description="New column with the result")


def result_type(types: list[str]) -> str:
    """Logical type of the result (the kernel :func:`_br_coalesce_type`); :class:`StepProblem`
    when the types do not combine."""
    logical = _br_coalesce_type(types)
    if logical is None:
        raise StepProblem(
            f"cannot coalesce columns of types {', '.join(sorted(set(types)))}; convert them to one type first",
            field="source_columns",
        )
    return logical


class Coalesce(Operation):
    """The first non-null value of several columns."""

    id = "coalesce"
    kind = Kind.ROW
    category = "Functions"
    title = "Coalesce"
    databrew = ("COALESCE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.COALESCE.html"
    Params = CoalesceParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        logical = result_type([schema[c] for c in params.source_columns])
        return place_schema(schema, params.target_column, logical, params.source_columns[0])

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        try:
            result_type([logical_type(frame[c].dtype) for c in params.source_columns])
        except StepProblem as e:
            raise StepError(e.message) from None
        out = _br_coalesce(frame, params.source_columns)
        return place(frame, params.target_column, out, params.source_columns[0])

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        return place_code(params.target_column, f"_br_coalesce(df, {params.source_columns!r})", params.source_columns[0])

    def describe(self, params: Any) -> str:
        return f"First non-null of {', '.join(params.source_columns)} into {params.target_column}"


OPERATION = Coalesce()
