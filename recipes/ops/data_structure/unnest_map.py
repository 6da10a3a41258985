"""UNNEST_MAP: one row per key/value pair of a map column, with a key column and a value column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNNEST_MAP.html

Semantics
---------
- Every row is repeated once per key/value pair of its map in ``source_column`` (DataBrew: "a
  row corresponding to each key value would be generated"; one level only); the copy holds the
  key in ``<prefix>.key`` and the value in ``<prefix>.value``. The prefix is ``target_column``
  when given (DataBrew: "each of the generated column will start with this as the prefix"),
  else the source column's name; the ``.`` separator follows UNNEST_STRUCT_N's documented
  ``user.address.state`` names.
- A missing or empty map gives one row with a missing key and value (Spark's
  ``explode_outer``; the page is silent, and Brewdesk never drops rows silently).
- Keys are text. The values' type is not in the schema (a map column is ``object``), so
  ``value_type`` says it: ``object`` (the default, and what an imported DataBrew step gets)
  keeps them as they are; ``string``, ``int64``, ``float64``, ``boolean``, ``datetime`` convert
  them as CHANGE_DATA_TYPE does (unconvertible values become missing). ``valueType`` is exported
  only when it is not ``object``.
- Pairs come in the map's order (a dict's insertion order; for Parquet maps, the file's order).
- The two new columns go right after the source column, or where it was when
  ``remove_source_column`` removes it. Row ids: as UNNEST_ARRAY (the engine renumbers).
- A cell holding something other than a map is an error naming the column.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.nested import _bn_unnest_map
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._nested import check_new_names, layout_schema, no_gc
from brewdesk.recipes.ops.base import Kind, Operation, Params, as_bool, check_columns, column
from brewdesk.recipes.ops.data_structure.unnest_array import ValueType
from pydantic import Field


class UnnestMapParams(Params):
    source_column: str = column(types=("object",), description="Column of maps")
    remove_source_column: bool = Field(False, description="Remove the map column")
    target_column: str | None = Field(None, description="Prefix of the new columns (default: the source's name)")
    value_type: ValueType = Field("object", description="Type of the values (object: as they are)")


def new_names(params: UnnestMapParams) -> tuple[str, str]:
    """``(<prefix>.key, <prefix>.value)``."""
    prefix = params.target_column or params.source_column
    return f"{prefix}.key", f"{prefix}.value"


class UnnestMap(Operation):
    """One row per key/value pair of the maps in ``source_column``."""

    id = "unnest_map"
    kind = Kind.ROW
    category = "Nest"
    title = "Unnest map"
    databrew = ("UNNEST_MAP",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNNEST_MAP.html"
    Params = UnnestMapParams
    changes_rows = True
    adds_rows = True

    def columns(self, params: UnnestMapParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        src = params.source_column
        kept = [c for c in schema if not (params.remove_source_column and c == src)]
        key, value = new_names(params)
        check_new_names(schema, kept, [key, value], field="target_column")
        pos = schema.names.index(src) + (0 if params.remove_source_column else 1)
        return layout_schema(schema, kept, pos, [(key, "string"), (value, params.value_type)])

    def apply(self, params: UnnestMapParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        key, value = new_names(params)
        with no_gc():
            return _bn_unnest_map(frame, params.source_column, key, value, params.value_type, params.remove_source_column)

    def describe(self, params: UnnestMapParams) -> str:
        key, value = new_names(params)
        return f"Unnest map {params.source_column} into {key} and {value} (one row per pair)"

    def to_code(self, params: UnnestMapParams, fitted: Mapping[str, Any]) -> str:
        key, value = new_names(params)
        args = f"{params.source_column!r}, {key!r}, {value!r}, {params.value_type!r}, {params.remove_source_column!r}"
        return (
            f"df = _bn_unnest_map(df, {args})"
        )

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out = super().from_databrew(operation, parameters)
        if "remove_source_column" in out:
            out["remove_source_column"] = as_bool(out["remove_source_column"])
        if out.get("target_column") == "":
            out["target_column"] = None
        return out

    def to_databrew(self, params: UnnestMapParams) -> tuple[str, dict[str, str]]:
        out = {"sourceColumn": params.source_column, "removeSourceColumn": "true" if params.remove_source_column else "false"}
        if params.target_column:
            out["targetColumn"] = params.target_column
        if params.value_type != "object":
            out["valueType"] = params.value_type
        return "UNNEST_MAP", out


OPERATION = UnnestMap()
