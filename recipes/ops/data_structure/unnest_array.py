"""UNNEST_ARRAY: one row per element of an array column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNNEST_ARRAY.html

Semantics
---------
- Every row is repeated once per element of its array in ``source_column``; the copy holds the
  element in ``target_column`` (DataBrew: "a row corresponding to each element is generated";
  one level only: an element that is itself an array stays an array).
- A missing or empty array gives one row with a missing element (Spark's ``explode_outer``;
  the page is silent, and Brewdesk never drops rows silently).
- ``target_column`` equal to ``source_column`` (as in DataBrew's example) replaces the array
  column by its elements; otherwise the new column goes right after the source, which is kept.
- Row order: the input's, with each row's elements in array order. The copies of a row share
  its row id in the preview; the engine gives fresh, increasing row ids after the step
  (``Operation.adds_rows``). A condition cannot restrict this step (it changes the rows).
- The elements' type is not in the schema (a column of arrays is ``object``), so the step says
  it: ``value_type`` ``object`` (the default, and what an imported DataBrew step gets) keeps
  the elements as they are (numbers, text, nested structs); ``string``, ``int64``,
  ``float64``, ``boolean`` or ``datetime`` converts them as CHANGE_DATA_TYPE does (elements
  that do not convert become missing; nested elements become JSON text for ``string``).
  ``valueType`` is exported to DataBrew only when it is not ``object``.
- A cell holding something other than an array (a struct, a number) is an error naming the
  column.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.nested import _bn_unnest_array
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._nested import no_gc
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, column, new_column
from pydantic import Field

ValueType = Literal["object", "string", "int64", "float64", "boolean", "datetime"]


class UnnestArrayParams(Params):
    source_column: str = column(types=("object",), description="Column of arrays")
    target_column: str = new_column(description="Column for the elements (the source's name replaces it)")
    value_type: ValueType = Field("object", description="Type of the elements (object: as they are)")


class UnnestArray(Operation):
    """One row per element of the arrays in ``source_column``."""

    id = "unnest_array"
    kind = Kind.ROW
    category = "Nest"
    title = "Unnest array"
    databrew = ("UNNEST_ARRAY",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNNEST_ARRAY.html"
    Params = UnnestArrayParams
    changes_rows = True
    adds_rows = True

    def columns(self, params: UnnestArrayParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if params.target_column == params.source_column:
            return schema.with_column(params.target_column, params.value_type)
        return schema.with_column(params.target_column, params.value_type, after=params.source_column)

    def apply(self, params: UnnestArrayParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        with no_gc():
            return _bn_unnest_array(frame, params.source_column, params.target_column, params.value_type)

    def describe(self, params: UnnestArrayParams) -> str:
        into = "" if params.target_column == params.source_column else f" into {params.target_column}"
        return f"Unnest array {params.source_column}{into} (one row per element)"

    def to_code(self, params: UnnestArrayParams, fitted: Mapping[str, Any]) -> str:
        return (
            f"df = _bn_unnest_array(df, {params.source_column!r}, {params.target_column!r}, {params.value_type!r})"
        )

    def to_databrew(self, params: UnnestArrayParams) -> tuple[str, dict[str, str]]:
        out = {"sourceColumn": params.source_column, "targetColumn": params.target_column}
        if params.value_type != "object":
            out["valueType"] = params.value_type
        return "UNNEST_ARRAY", out


OPERATION = UnnestArray()
