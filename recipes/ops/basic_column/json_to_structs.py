"""JSON_TO_STRUCTS: parse JSON text columns into nested values (structs, arrays).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.JSON_TO_STRUCTS.html

Semantics
---------
- The text of each selected column is parsed as JSON: objects become structs (Python dicts,
  see :mod:`brewdesk.recipes.ops._nested`), arrays become arrays, numbers, text, booleans and
  ``null`` keep their JSON meaning.
- ``unnest_level`` (DataBrew's ``unnestLevel``, at least 1) is how many levels of objects become
  structs; objects deeper than that stay as their compact JSON text (arrays do not count as a
  level): with level 2, ``{"a": {"b": {"c": 1}}}`` becomes a struct whose field ``a`` is a
  struct whose field ``b`` is the text ``{"c":1}``.
- Missing text, text that is not valid JSON, and JSON that is neither an object nor an array give
  a missing value (Spark's permissive ``from_json``), never an error.
- DataBrew "detects the schema of every JSON object and merges them": Brewdesk's structs carry
  their own fields, so no merge is needed; a field one row lacks reads as missing in
  UNNEST_STRUCT.
- Columns are chosen by ``source_columns``, by ``regex_column_selector`` (a regular expression
  the whole column name must match; only text columns are taken), or both.
- With ``remove_source_column`` the parsed column replaces the text column (same name and
  place); otherwise it is added right after it as ``<column>_struct`` (the page does not name
  it).
- DataBrew also lists ``conditionExpressions`` among the parameters: Brewdesk takes the step's
  own conditions (rows outside them keep a missing parsed value); a non-empty
  ``conditionExpressions`` parameter is refused on import rather than ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.nested import _bn_json_to_structs
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._nested import check_new_names, no_gc
from brewdesk.recipes.ops._plumbing import check_regex, databrew_error
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    as_bool,
    check_columns,
    columns,
)
from pydantic import Field

SUFFIX = "_struct"


class JsonToStructsParams(Params):
    source_columns: list[str] = columns([], types=("string",), description="Text columns holding JSON", min_length=0)
    regex_column_selector: str | None = Field(None, description="Also parse the text columns whose names match")
    remove_source_column: bool = Field(False, description="Replace the text column by the parsed one")
    unnest_level: int = Field(1, ge=1, description="Levels of JSON objects turned into structs")


def selected(params: JsonToStructsParams, schema: Schema) -> list[str]:
    """The columns the step parses, in schema order."""
    pick = set(params.source_columns)
    if params.regex_column_selector:
        rx = re.compile(params.regex_column_selector)
        pick |= {c for c, t in schema.items() if t == "string" and rx.fullmatch(c)}
    return [c for c in schema if c in pick]


class JsonToStructs(Operation):
    """Parse JSON text into structs (to ``unnest_level`` levels) and arrays."""

    id = "json_to_structs"
    kind = Kind.ROW
    category = "Nest"
    title = "JSON to structs"
    databrew = ("JSON_TO_STRUCTS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.JSON_TO_STRUCTS.html"
    Params = JsonToStructsParams

    def _selected(self, params: JsonToStructsParams, schema: Schema) -> list[str]:
        check_columns(params, schema)
        if params.regex_column_selector:
            check_regex(params.regex_column_selector, "regex_column_selector")
        cols = selected(params, schema)
        if not cols:
            raise StepProblem(
                "no column selected: list source columns, or give a regular expression that matches "
                "the names of text columns",
                field="source_columns",
            )
        return cols

    def columns(self, params: JsonToStructsParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        cols = self._selected(params, schema)
        if params.remove_source_column:
            return Schema((c, "object" if c in cols else t) for c, t in schema.items())
        check_new_names(schema, schema.names, [c + SUFFIX for c in cols], field="source_columns")
        for c in cols:
            schema = schema.with_column(c + SUFFIX, "object", after=c)
        return schema

    def apply(self, params: JsonToStructsParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        cols = self._selected(params, Schema.from_frame(frame))
        with no_gc():
            return _bn_json_to_structs(frame, cols, params.unnest_level, params.remove_source_column, SUFFIX)

    def describe(self, params: JsonToStructsParams) -> str:
        what = ", ".join(params.source_columns)
        if params.regex_column_selector:
            what = (what + " and " if what else "") + f"columns matching /{params.regex_column_selector}/"
        return f"Parse JSON in {what} into structs ({params.unnest_level} level{'s' * (params.unnest_level != 1)})"

    def to_code(self, params: JsonToStructsParams, fitted: Mapping[str, Any]) -> str:
        lines = [f"_cols = {list(params.source_columns)!r}"]
        if params.regex_column_selector:
            lines.append(
                f"_cols = [_c for _c in df.columns if _c in _cols or (pd.api.types.is_string_dtype(df[_c].dtype) "
                f"and df[_c].dtype != object and re.fullmatch({params.regex_column_selector!r}, _c))]"
            )
        lines.append(
            f"df = _bn_json_to_structs(df, _cols, {params.unnest_level!r}, {params.remove_source_column!r}, {SUFFIX!r})"
        )
        return "\n".join(lines)

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        cond = parameters.get("conditionExpressions")
        if cond not in (None, "", "[]", []):
            raise databrew_error(
                "JSON_TO_STRUCTS with a conditionExpressions parameter is not supported; put the "
                "conditions on the step (ConditionExpressions) instead"
            )
        out = super().from_databrew(operation, parameters)
        if "remove_source_column" in out:
            out["remove_source_column"] = as_bool(out["remove_source_column"])
        if "unnest_level" in out:
            out["unnest_level"] = int(out["unnest_level"])
        if out.get("regex_column_selector") == "":
            out["regex_column_selector"] = None
        return out


OPERATION = JsonToStructs()
