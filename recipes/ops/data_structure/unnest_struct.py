"""UNNEST_STRUCT: one column per field of a struct column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNNEST_STRUCT.html

Semantics
---------
- Each field of the struct in ``source_column`` becomes a column holding that field's value
  (DataBrew: "generates a column for each of the keys present in the struct"; first level only:
  a field that is itself a struct stays a struct).
- Columns are named ``<prefix>.<field>``: the prefix is ``target_column`` when given (DataBrew:
  "each of the generated column will start with this as the prefix"), else the source column's
  name; the ``.`` separator follows UNNEST_STRUCT_N's documented ``user.address.state``.
- A missing struct, or a field a row's struct lacks, gives a missing value. The row count is
  unchanged.
- The new columns go right after the source column, or where it was when
  ``remove_source_column`` removes it.

The fields are stored in the step
---------------------------------
A struct column's schema is only ``object``, yet the new columns must be known without data
(docs/architecture.md section 3). So ``fields`` lists each field's name and type (``object`` keeps the
values as they are; ``string``, ``int64``, ``float64``, ``boolean``, ``datetime`` convert them
as CHANGE_DATA_TYPE does), as ONE_HOT_ENCODING stores its categories; a step without fields
(DataBrew's own UNNEST_STRUCT has none) is a validation problem naming the fix. A struct
holding a field the step does not list is an error asking to update the fields (a column is
never dropped silently). Brewdesk exports the list as an extra ``fields`` parameter (JSON), so a
DataBrew round trip keeps the step whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.nested import _bn_unnest_struct
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._nested import check_new_names, layout_schema, struct_paths
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    as_bool,
    check_columns,
    column,
)
from brewdesk.recipes.ops.data_structure.unnest_array import ValueType
from pydantic import Field, field_validator


class StructField(Params):
    name: str = Field(min_length=1, description="Field name")
    type: ValueType = Field("object", description="Type of the new column (object: values as they are)")


class UnnestStructParams(Params):
    source_column: str = column(types=("object",), description="Column of structs")
    remove_source_column: bool = Field(False, description="Remove the struct column")
    target_column: str | None = Field(None, description="Prefix of the new columns (default: the source's name)")
    fields: list[StructField] | None = Field(
        None, min_length=1, description="The struct's fields and their types"
    )

    @field_validator("fields")
    @classmethod
    def _unique(cls, v: list[StructField] | None) -> list[StructField] | None:
        names = [f.name for f in v or []]
        dup = next((n for n in names if names.count(n) > 1), None)
        if dup is not None:
            raise ValueError(f"field {dup!r} is listed twice")
        return v


def new_names(params: UnnestStructParams) -> list[str]:
    """``<prefix>.<field>`` for every field."""
    prefix = params.target_column or params.source_column
    return [f"{prefix}.{f.name}" for f in params.fields or []]


def with_fields(params: UnnestStructParams, frame: pd.DataFrame) -> UnnestStructParams:
    """Params with ``fields`` read from the structs in ``frame`` (names in order of first
    appearance, each typed by its values)."""
    found = struct_paths(frame[params.source_column].tolist(), 1)
    return params.model_copy(update={"fields": [StructField(name=p[0], type=t) for p, t in found] or None})


class UnnestStruct(Operation):
    """One column per field of the structs in ``source_column``."""

    id = "unnest_struct"
    kind = Kind.ROW
    category = "Nest"
    title = "Unnest struct"
    databrew = ("UNNEST_STRUCT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNNEST_STRUCT.html"
    Params = UnnestStructParams
    sample_fields = ("fields",)

    def from_sample(self, params: UnnestStructParams, frame: pd.DataFrame) -> UnnestStructParams:
        """``fields``: the structs' field names in ``frame`` (order of first appearance), each
        typed by its values."""
        out = with_fields(params, frame)
        if out.fields is None:
            raise StepError(
                f"column '{params.source_column}' holds no structs with fields in the sample",
                hint="nest columns into structs first (NEST_TO_STRUCT, JSON_TO_STRUCTS), or list the fields by hand",
            )
        return out

    def columns(self, params: UnnestStructParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if params.fields is None:
            raise StepProblem(
                f"unnest struct needs the fields of '{params.source_column}' to name its new columns; "
                "list each field's name and type in the step's fields",
                field="fields",
            )
        src = params.source_column
        kept = [c for c in schema if not (params.remove_source_column and c == src)]
        names = new_names(params)
        check_new_names(schema, kept, names, field="target_column")
        pos = schema.names.index(src) + (0 if params.remove_source_column else 1)
        return layout_schema(schema, kept, pos, [(n, f.type) for n, f in zip(names, params.fields, strict=True)])

    def apply(self, params: UnnestStructParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        fields = params.fields or []
        try:
            return _bn_unnest_struct(
                frame, params.source_column, [f.name for f in fields], [f.type for f in fields],
                new_names(params), params.remove_source_column,
            )
        except ValueError as e:
            if "not among the step's fields" in str(e):
                raise StepError(str(e), hint="update the step's fields from the data") from None
            raise

    def describe(self, params: UnnestStructParams) -> str:
        n = len(params.fields or [])
        return f"Unnest struct {params.source_column} into {n} column{'s' * (n != 1)}"

    def to_code(self, params: UnnestStructParams, fitted: Mapping[str, Any]) -> str:
        fields = params.fields or []
        args = (
            f"{params.source_column!r}, {[f.name for f in fields]!r}, {[f.type for f in fields]!r}, "
            f"{new_names(params)!r}, {params.remove_source_column!r}"
        )
        return (
            f"df = _bn_unnest_struct(df, {args})"
        )

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out = super().from_databrew(operation, parameters)
        if "remove_source_column" in out:
            out["remove_source_column"] = as_bool(out["remove_source_column"])
        if out.get("target_column") == "":
            out["target_column"] = None
        return out


OPERATION = UnnestStruct()
