"""TRANSPOSE: rows to columns and columns to rows.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.TRANSPOSE.html

Semantics
---------
- The result has one row per column of ``value_columns`` (in the order listed), named in
  ``new_column``, and one column per value of ``pivot_columns`` (DataBrew: "pivotColumns: columns
  whose rows will be converted to column names; valueColumns: columns to be converted to rows;
  newColumn: the column to hold transposed columns as values"). Cell (row ``c``, column ``v``)
  holds ``aggregate_function`` of column ``c`` over the input rows whose pivot value is ``v``;
  ``COLLECT_LIST`` (DataBrew's keyword for no aggregation) gives the list of those values.
  In DataBrew's example, a table of teachers (rows) and students Tom, John, Harry (columns)
  becomes a table of students (rows, in ``Student``) and teachers (columns).
- Other columns are left out (they have no place in the transposed table).
- Several pivot columns make one name per combination, their texts joined with ``_``; a row
  with a missing pivot value counts for no column. Values are matched as text, as in PIVOT.
- Values are cast to one common type first (NEST_TO_ARRAY's rule: one type stays, integers with
  decimals give decimals, any other mix gives text); aggregates follow PIVOT/GROUP_BY (missing
  values ignored; a cell without values is missing, 0 for counts, an empty list).
- As PIVOT, the output columns are stored in the step: ``pivot_values`` (at most 10) lists the
  pivot values; a step without them (DataBrew's TRANSPOSE has none) is a validation problem, and
  a value in the data that is not listed is an error. Brewdesk exports them as an extra
  ``pivotValues`` parameter, so a DataBrew round trip keeps the step whole.

Engine: GLOBAL, run by the ``pivot`` primitive (per-partition partials of the unpivoted values,
combined exactly).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.nested import _bn_unpivot
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import NUMERIC, Schema
from brewdesk.recipes.ops._nested import common_type
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    Primitive,
    StepProblem,
    check_columns,
    columns,
    new_column,
)
from brewdesk.recipes.ops.data_structure.pivot import (
    MAX_VALUES,
    SOURCE_TYPES,
    Function,
    Pivot,
    PivotParams,
    _text,
    pivot_values_of,
)
from pydantic import Field, field_validator

KEY = "__brewdesk_transpose_key"
VALUE = "__brewdesk_transpose_value"


class TransposeParams(Params):
    pivot_columns: list[str] = columns(types=SOURCE_TYPES, description="Columns whose values become column names")
    value_columns: list[str] = columns(description="Columns that become rows")
    aggregate_function: Function = Field("COLLECT_LIST", description="Aggregate (COLLECT_LIST: the list of values)")
    new_column: str = new_column(description="New column holding the names of the value columns")
    pivot_values: list[str] | None = Field(
        None,
        min_length=1,
        max_length=MAX_VALUES,
        description="The pivot values that become columns, in order",
    )

    @field_validator("pivot_values")
    @classmethod
    def _unique(cls, v: list[str] | None) -> list[str] | None:
        if v is not None and len(set(v)) != len(v):
            dup = next(x for x in v if v.count(x) > 1)
            raise ValueError(f"pivot value {dup!r} is listed twice")
        return v


def with_pivot_values(params: TransposeParams, frame: pd.DataFrame) -> TransposeParams:
    """Params with ``pivot_values`` read from ``frame`` (sorted; at most 10, else StepError)."""
    key = None
    for c in params.pivot_columns:
        t = _text(frame[c])
        key = t if key is None else key + "_" + t
    assert key is not None
    return params.model_copy(update={"pivot_values": pivot_values_of(key.rename(", ".join(params.pivot_columns)))})


class Transpose(Operation):
    """Value columns become rows, pivot values become columns."""

    id = "transpose"
    kind = Kind.GLOBAL
    primitive = Primitive.PIVOT
    category = "Pivot"
    title = "Transpose"
    databrew = ("TRANSPOSE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.TRANSPOSE.html"
    Params = TransposeParams
    changes_rows = True
    sample_fields = ("pivot_values",)

    def from_sample(self, params: TransposeParams, frame: pd.DataFrame) -> TransposeParams:
        """``pivot_values``: the sorted distinct ``_``-joined texts of the pivot columns."""
        out = with_pivot_values(params, frame)
        if not out.pivot_values:
            raise StepError(
                f"the pivot columns {', '.join(params.pivot_columns)} have no values in the sample "
                "(a missing value in any of them makes the row's key missing)",
                hint="pick other pivot columns, or list the pivot values by hand",
            )
        return out

    def _pivot_params(self, params: TransposeParams) -> PivotParams:
        return PivotParams(
            source_column=KEY, value_column=VALUE, aggregate_function=params.aggregate_function,
            pivot_values=params.pivot_values,
        )

    def _value_type(self, params: TransposeParams, schema: Schema) -> str:
        return common_type([schema[c] for c in params.value_columns], field="value_columns")

    def columns(self, params: TransposeParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        both = set(params.pivot_columns) & set(params.value_columns)
        if both:
            raise StepProblem(f"column '{sorted(both)[0]}' is both a pivot and a value column", field="value_columns")
        for f in ("pivot_columns", "value_columns"):
            names = getattr(params, f)
            dup = next((c for c in names if names.count(c) > 1), None)
            if dup is not None:
                raise StepProblem(f"column '{dup}' is listed twice", field=f)
        if params.pivot_values is None:
            raise StepProblem(
                f"transpose needs the values of {', '.join(params.pivot_columns)} to name its new "
                "columns; list them (at most 10, several pivot columns' values joined with _) in "
                "the step's pivot values",
                field="pivot_values",
            )
        if params.new_column in params.pivot_values:
            raise StepProblem(f"pivot value '{params.new_column}' is also the new column's name", field="new_column")
        vt = self._value_type(params, schema)
        work = Schema([(params.new_column, "string"), (KEY, "string"), (VALUE, vt)])
        if params.aggregate_function not in {"COUNT", "COUNT_DISTINCT", "MIN", "MAX", "MODE", "COLLECT_LIST"} and vt not in NUMERIC:
            raise StepProblem(
                f"{params.aggregate_function} needs numeric value columns; their common type is {vt}",
                field="aggregate_function",
            )
        return Pivot().columns(self._pivot_params(params), work, {})

    def _work(self, params: TransposeParams, frame: pd.DataFrame) -> pd.DataFrame:
        key = None
        for c in params.pivot_columns:
            t = _text(frame[c])
            key = t if key is None else key + "_" + t
        work = pd.concat([pd.DataFrame({KEY: key}, index=frame.index), frame[list(params.value_columns)]], axis=1)
        return _bn_unpivot(work, list(params.value_columns), params.new_column, VALUE)

    def partial(self, params: TransposeParams, frame: pd.DataFrame) -> dict[str, Any]:
        """PIVOT's partial of the unpivoted values (``rows`` counts the input rows)."""
        out = Pivot().partial(self._pivot_params(params), self._work(params, frame))
        out["rows"] = len(frame)
        return out

    def partial_rows(self, partial: dict[str, Any]) -> int:
        """Input rows a partial was taken over."""
        return int(partial["rows"])

    def pivoted_columns(self, params: TransposeParams) -> list[str] | None:
        """``None``: every value column becomes rows, so no group holds its own result (no Dask
        export form)."""
        return None

    def combine(self, params: TransposeParams, partials: Sequence[dict[str, Any]], schema: Schema) -> pd.DataFrame:
        """The transposed frame (rows in ``value_columns`` order); ``schema`` is the input's."""
        work = Schema([(params.new_column, "string"), (KEY, "string"), (VALUE, self._value_type(params, schema))])
        try:
            res = Pivot().combine(self._pivot_params(params), partials, work)
        except StepError as e:
            cols = ", ".join(params.pivot_columns)
            raise StepError(e.message.replace(f"column '{KEY}'", f"pivot column(s) {cols}"), hint=e.hint) from None
        order = {c: i for i, c in enumerate(params.value_columns)}
        res = res.iloc[sorted(range(len(res)), key=lambda i: order[res[params.new_column].iloc[i]])]
        res.index = pd.RangeIndex(len(res))
        return res

    def apply(self, params: TransposeParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = self.combine(params, [self.partial(params, frame)], Schema.from_frame(frame))
        out.index.name = frame.index.name
        return out

    def describe(self, params: TransposeParams) -> str:
        return (
            f"Transpose {', '.join(params.value_columns)} into rows ({params.new_column}) by "
            f"{', '.join(params.pivot_columns)}: {params.aggregate_function.lower()}"
        )

    def to_code(self, params: TransposeParams, fitted: Mapping[str, Any]) -> str:
        args = (
            f"{list(params.pivot_columns)!r}, {list(params.value_columns)!r}, {params.aggregate_function!r}, "
            f"{params.new_column!r}, {list(params.pivot_values or [])!r}"
        )
        return f"df = _bn_transpose(df, {args})"


OPERATION = Transpose()
