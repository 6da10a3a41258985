"""NEST_TO_ARRAY: the values of several columns as one array per row, in a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.NEST_TO_ARRAY.html

Semantics
---------
- Each row gets a list of its values of ``source_columns``, in the order the columns are listed
  (DataBrew: "the order of the selected columns is maintained").
- The values are cast to one common type (DataBrew: "typecast to a common type that supports the
  data types of all columns"); Brewdesk's rule, where the page is silent: one type stays as it is
  (``category`` counts as text); integers with decimals give decimals (``1`` -> ``1.0``); any
  other mix gives text, written as CHANGE_DATA_TYPE to string writes it (``true``,
  ``2024-01-31 13:45:00``, ``1.5``). Nested columns combine only with nested columns; a mix is a
  validation problem.
- A missing value stays in its place as a missing element (``[1, None, 3]``), like Spark's
  ``array()``; a row whose values are all missing gets an array of missing elements, never a
  missing array.
- The new column (type ``object``, see :mod:`brewdesk.recipes.ops._nested` for how arrays are
  held and written) goes right after the first source column, or where it was when
  ``remove_source_columns`` removes the sources. ``target_column`` may name one of the sources
  (it is replaced); any other existing name is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import pandas as pd
from brewdesk.recipes.kernels.nested import _bn_nest_columns
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._nested import common_type, layout_schema, nest_layout, no_gc
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    as_bool,
    check_columns,
    columns,
    new_column,
)
from pydantic import Field


class NestParams(Params):
    source_columns: list[str] = columns(description="Columns to nest, in order")
    target_column: str = new_column(description="New nested column")
    remove_source_columns: bool = Field(False, description="Remove the source columns")


class NestOperation(Operation):
    """Base of NEST_TO_ARRAY, NEST_TO_MAP and NEST_TO_STRUCT (``nest_kind`` chooses)."""

    kind = Kind.ROW
    category = "Nest"
    Params = NestParams
    nest_kind: ClassVar[str] = "array"
    cast: ClassVar[bool] = True
    """Cast the sources to one common type (array, map); a struct keeps each column's type."""

    def _check(self, params: NestParams, schema: Schema) -> str | None:
        check_columns(params, schema)
        if len(set(params.source_columns)) != len(params.source_columns):
            dup = next(c for c in params.source_columns if params.source_columns.count(c) > 1)
            raise StepProblem(f"column '{dup}' is listed twice", field="source_columns")
        if not self.cast:
            return None
        return common_type([schema[c] for c in params.source_columns], field="source_columns")

    def columns(self, params: NestParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        self._check(params, schema)
        kept, pos = nest_layout(schema.names, params.source_columns, params.target_column, params.remove_source_columns)
        return layout_schema(schema, kept, pos, [(params.target_column, "object")])

    def apply(self, params: NestParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        self._check(params, Schema.from_frame(frame))
        with no_gc():
            return _bn_nest_columns(
                frame, list(params.source_columns), params.target_column, params.remove_source_columns, self.nest_kind
            )

    def describe(self, params: NestParams) -> str:
        return f"Nest {', '.join(params.source_columns)} into {self.nest_kind} {params.target_column}"

    def to_code(self, params: NestParams, fitted: Mapping[str, Any]) -> str:
        args = f"{list(params.source_columns)!r}, {params.target_column!r}, {params.remove_source_columns!r}, {self.nest_kind!r}"
        return (
            f"df = _bn_nest_columns(df, {args})"
        )

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out = super().from_databrew(operation, parameters)
        if "remove_source_columns" in out:
            out["remove_source_columns"] = as_bool(out["remove_source_columns"])
        return out


class NestToArray(NestOperation):
    """Nest ``source_columns`` into an array column ``target_column``."""

    id = "nest_to_array"
    title = "Nest to array"
    databrew = ("NEST_TO_ARRAY",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.NEST_TO_ARRAY.html"
    nest_kind = "array"
    cast = True


OPERATION = NestToArray()
