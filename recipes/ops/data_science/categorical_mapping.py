"""CATEGORICAL_MAPPING: map values to new values with a table, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CATEGORICAL_MAPPING.html

Semantics
---------
- ``category_map`` maps source values to new values; ``target_column`` (text) gets the new value
  of each row whose source value is a key. Values are matched as text, exactly (an ``int64``
  value ``1`` matches the key ``"1"``; case and spaces count).
- Other (non-missing) values, in this order of precedence (DataBrew's page does not order them;
  documented choice): ``delete_other_rows`` -> their rows are removed; ``keep_others`` -> the
  source value is kept (as text); ``other`` given -> ``other``; else -> missing.
- A missing source value is not an "other" value: its row is kept and its result is missing.
- The step can remove rows (``changes_rows``), so it takes no condition, also without
  ``delete_other_rows`` (as remove_outliers).
- ``mapType``: only ``TEXT`` (the result is text) is supported; other map types are a
  validation problem. The new column goes right after the source.
- DataBrew's ``categoryMap`` is a JSON object in a string; booleans are ``"true"``/``"false"``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.mapping import _bm_categorical
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
from pydantic import Field


class CategoricalMappingParams(Params):
    source_column: str = column(description="Column whose values are mapped")
    target_column: str = new_column(description="New column with the mapped values")
    category_map: dict[str, str] = Field(min_length=1, description="Source value -> new value")
    keep_others: bool = Field(False, description="Keep values not in the map as they are")
    other: str | None = Field(None, description="Value for values not in the map (unless kept)")
    delete_other_rows: bool = Field(False, description="Remove the rows whose value is not in the map")
    map_type: str = Field("TEXT", description="Type of the new values (only TEXT)")


class CategoricalMapping(Operation):
    """Map values with a table; other values kept, replaced, emptied or their rows removed."""

    id = "categorical_mapping"
    kind = Kind.ROW
    category = "Encode"
    title = "Categorical mapping"
    databrew = ("CATEGORICAL_MAPPING",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CATEGORICAL_MAPPING.html"
    Params = CategoricalMappingParams
    changes_rows = True

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if params.map_type.upper() != "TEXT":
            raise StepProblem(f"mapType {params.map_type!r} is not supported (only TEXT)", field="map_type")
        return place_schema(schema, params.target_column, "string", params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out, drop = _bm_categorical(
            frame[params.source_column], dict(params.category_map), params.keep_others, params.other, params.delete_other_rows
        )
        frame = place(frame, params.target_column, out, params.source_column)
        return frame.loc[~drop] if params.delete_other_rows else frame

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        args = (
            f"df[{params.source_column!r}], {dict(params.category_map)!r}, {params.keep_others!r}, "
            f"{params.other!r}, {params.delete_other_rows!r}"
        )
        lines = [f"_out, _drop = _bm_categorical({args})", place_code(params.target_column, "_out", params.source_column)]
        if params.delete_other_rows:
            lines.append("df = df.loc[~_drop]")
        return "\n".join(lines)

    def describe(self, params: Any) -> str:
        if params.delete_other_rows:
            rest = "rows of other values removed"
        elif params.keep_others:
            rest = "other values kept"
        elif params.other is not None:
            rest = f"other values -> {params.other!r}"
        else:
            rest = "other values missing"
        return f"Map {len(params.category_map)} values of {params.source_column} into {params.target_column} ({rest})"

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        out = {
            "sourceColumn": params.source_column,
            "targetColumn": params.target_column,
            "categoryMap": json.dumps(params.category_map),
            "keepOthers": "true" if params.keep_others else "false",
            "deleteOtherRows": "true" if params.delete_other_rows else "false",
            "mapType": params.map_type,
        }
        if params.other is not None:
            out["other"] = params.other
        return "CATEGORICAL_MAPPING", out


OPERATION = CategoricalMapping()
