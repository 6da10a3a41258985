"""UNNEST_STRUCT_N: one column per field of struct columns, down to several levels.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNNEST_STRUCT_N.html

Semantics
---------
- For every selected struct column, each field reached within ``unnest_level`` levels becomes a
  column named by the column and the field path joined with ``delimiter``. DataBrew's example:
  ``user {name: "Ammy", address: {state: "CA", zipcode: 12345}}`` unnested 2 levels gives
  ``user.name``, ``user.address.state`` and ``user.address.zipcode``; with ``/``,
  ``user/address/state``. The default delimiter is ``.``, as in that example. At 1 level,
  ``user.address`` would hold the inner struct.
- A missing struct, a missing field, or a value that is not a struct on the way gives a missing
  value. The row count is unchanged.
- Columns are chosen by ``source_columns``, by ``regex_column_selector`` (a regular expression
  the whole column name must match; only nested columns are taken), or both. The new columns of
  each go right after it, or where it was when ``remove_source_column`` removes it.

The fields are stored in the step
---------------------------------
As for UNNEST_STRUCT, a struct column's schema is only ``object``, so ``fields`` lists every
output field: its column, its path (field names, at most ``unnest_level`` of them) and its type
(``object`` keeps values as they are; ``string``, ``int64``, ``float64``, ``boolean``,
``datetime`` convert them as CHANGE_DATA_TYPE does). A step without fields (DataBrew's own step
has none) is a validation problem naming the fix; a struct holding a field the paths do not
cover is an error asking to update them. A path may stop before ``unnest_level`` (a scalar field
such as ``name``), but a path cannot also be the start of another. Brewdesk exports the list as
an extra ``fields`` parameter (JSON) so a DataBrew round trip keeps the step whole. Column
renames across a recipe do not reach the ``column`` of each field.

DataBrew also lists ``conditionExpressions`` among the parameters: Brewdesk takes the step's own
conditions; a non-empty ``conditionExpressions`` parameter is refused on import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.nested import _bn_unnest_struct_n
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._nested import check_new_names, layout_schema, struct_paths
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
from brewdesk.recipes.ops.data_structure.unnest_array import ValueType
from pydantic import Field


class FieldPath(Params):
    column: str = Field(min_length=1, description="Struct column")
    path: list[str] = Field(min_length=1, description="Field names from the top of the struct")
    type: ValueType = Field("object", description="Type of the new column (object: values as they are)")


class UnnestStructNParams(Params):
    source_columns: list[str] = columns([], types=("object",), description="Struct columns", min_length=0)
    regex_column_selector: str | None = Field(None, description="Also unnest the nested columns whose names match")
    remove_source_column: bool = Field(False, description="Remove the struct columns")
    unnest_level: int = Field(1, ge=1, description="Levels of structs to unnest")
    delimiter: str = Field(".", min_length=1, description="Put between the levels in the new column names")
    fields: list[FieldPath] | None = Field(
        None, min_length=1, description="Every output field: column, path, type"
    )


def with_fields(params: UnnestStructNParams, frame: pd.DataFrame) -> UnnestStructNParams:
    """Params with ``fields`` read from the structs of the selected columns in ``frame`` (paths
    down to ``unnest_level``, in order of first appearance, each typed by its values)."""
    fields = [
        FieldPath(column=c, path=p, type=t)
        for c in UnnestStructN().selected(params, Schema.from_frame(frame))
        for p, t in struct_paths(frame[c].tolist(), params.unnest_level)
    ]
    return params.model_copy(update={"fields": fields or None})


class UnnestStructN(Operation):
    """One column per field (to ``unnest_level`` levels) of the selected struct columns."""

    id = "unnest_struct_n"
    kind = Kind.ROW
    category = "Nest"
    title = "Unnest struct (levels)"
    databrew = ("UNNEST_STRUCT_N",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNNEST_STRUCT_N.html"
    Params = UnnestStructNParams
    sample_fields = ("fields",)

    def from_sample(self, params: UnnestStructNParams, frame: pd.DataFrame) -> UnnestStructNParams:
        """``fields``: every path down to ``unnest_level`` in the selected columns' structs in
        ``frame`` (order of first appearance), each typed by its values."""
        try:
            cols = self.selected(params, Schema.from_frame(frame))
        except StepProblem as e:
            raise StepError(e.message) from None
        out = with_fields(params, frame)
        if out.fields is None:
            raise StepError(
                f"{', '.join(cols)} hold no structs with fields in the sample",
                hint="nest columns into structs first (NEST_TO_STRUCT, JSON_TO_STRUCTS), or list the fields by hand",
            )
        return out

    def selected(self, params: UnnestStructNParams, schema: Schema) -> list[str]:
        """The struct columns the step unnests, in schema order."""
        check_columns(params, schema)
        pick = set(params.source_columns)
        if params.regex_column_selector:
            check_regex(params.regex_column_selector, "regex_column_selector")
            rx = re.compile(params.regex_column_selector)
            pick |= {c for c, t in schema.items() if t == "object" and rx.fullmatch(c)}
        cols = [c for c in schema if c in pick]
        if not cols:
            raise StepProblem(
                "no column selected: list source columns, or give a regular expression that matches "
                "the names of nested columns",
                field="source_columns",
            )
        return cols

    def _plan(self, params: UnnestStructNParams, schema: Schema) -> list[tuple[str, list[FieldPath]]]:
        cols = self.selected(params, schema)
        if params.fields is None:
            raise StepProblem(
                f"unnest struct needs the fields of {', '.join(cols)} to name its new columns; list "
                "each field's column, path and type in the step's fields",
                field="fields",
            )
        by: dict[str, list[FieldPath]] = {c: [] for c in cols}
        for f in params.fields:
            if f.column not in by:
                raise StepProblem(f"field {'.'.join(f.path)} names column '{f.column}', which the step does not unnest", field="fields")
            if len(f.path) > params.unnest_level:
                raise StepProblem(
                    f"field {'.'.join(f.path)} of '{f.column}' is deeper than {params.unnest_level} level(s)", field="fields"
                )
            by[f.column].append(f)
        for c, fs in by.items():
            if not fs:
                raise StepProblem(f"no fields listed for column '{c}'", field="fields")
            paths = [tuple(f.path) for f in fs]
            for p in paths:
                if paths.count(p) > 1:
                    raise StepProblem(f"field {'.'.join(p)} of '{c}' is listed twice", field="fields")
                if any(len(q) > len(p) and q[: len(p)] == p for q in paths):
                    raise StepProblem(f"field {'.'.join(p)} of '{c}' is both a field and the start of another", field="fields")
        return list(by.items())

    def _names(self, params: UnnestStructNParams, column: str, fs: list[FieldPath]) -> list[str]:
        return [params.delimiter.join([column, *f.path]) for f in fs]

    def columns(self, params: UnnestStructNParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        for c, fs in self._plan(params, schema):
            kept = [x for x in schema if not (params.remove_source_column and x == c)]
            names = self._names(params, c, fs)
            check_new_names(schema, kept, names, field="fields")
            pos = schema.names.index(c) + (0 if params.remove_source_column else 1)
            schema = layout_schema(schema, kept, pos, [(n, f.type) for n, f in zip(names, fs, strict=True)])
        return schema

    def apply(self, params: UnnestStructNParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = frame
        for c, fs in self._plan(params, Schema.from_frame(frame)):
            try:
                out = _bn_unnest_struct_n(
                    out, c, [f.path for f in fs], [f.type for f in fs], self._names(params, c, fs), params.remove_source_column
                )
            except ValueError as e:
                if "not among the step's fields" in str(e):
                    raise StepError(str(e), hint="update the step's fields from the data") from None
                raise
        return out

    def describe(self, params: UnnestStructNParams) -> str:
        what = ", ".join(params.source_columns)
        if params.regex_column_selector:
            what = (what + " and " if what else "") + f"columns matching /{params.regex_column_selector}/"
        return f"Unnest structs {what} ({params.unnest_level} level{'s' * (params.unnest_level != 1)})"

    def to_code(self, params: UnnestStructNParams, fitted: Mapping[str, Any]) -> str:
        groups: dict[str, list[FieldPath]] = {}
        for f in params.fields or []:
            groups.setdefault(f.column, []).append(f)
        lines = []
        for c, fs in groups.items():
            args = (
                f"{c!r}, {[f.path for f in fs]!r}, {[f.type for f in fs]!r}, {self._names(params, c, fs)!r}, "
                f"{params.remove_source_column!r}"
            )
            lines.append(f"df = _bn_unnest_struct_n(df, {args})")
        return "\n".join(lines)

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        cond = parameters.get("conditionExpressions")
        if cond not in (None, "", "[]", []):
            raise databrew_error(
                "UNNEST_STRUCT_N with a conditionExpressions parameter is not supported; put the "
                "conditions on the step (ConditionExpressions) instead"
            )
        out = super().from_databrew(operation, parameters)
        if "remove_source_column" in out:
            out["remove_source_column"] = as_bool(out["remove_source_column"])
        if out.get("regex_column_selector") == "":
            out["regex_column_selector"] = None
        return out


OPERATION = UnnestStructN()
