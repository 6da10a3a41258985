"""PIVOT: one column per value of a column (at most 10), holding an aggregate of another column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.PIVOT.html

Semantics
---------
- The rows are grouped by every column other than ``source_column`` and ``value_column`` (as
  Spark's ``groupBy(others).pivot(source).agg(f(value))``, on which DataBrew runs; the page
  shows the result only as a picture). Each group becomes one row: its key columns, then one
  column per pivot value ``v`` holding ``aggregate_function`` of ``value_column`` over the
  group's rows whose ``source_column`` is ``v``.
- The new columns are named by the pivot value itself (Spark's naming for one aggregate), in
  the order of ``pivot_values``; a name that repeats a key column is a validation problem.
- Values are matched as text (``1`` in an integer column makes column ``1``; booleans make
  ``True``/``False``), as ONE_HOT_ENCODING matches them.
- Aggregates follow GROUP_BY: ``SUM``, ``AVERAGE``/``MEAN``, ``MEDIAN``, ``STANDARD_DEVIATION``,
  ``VARIANCE`` (numeric values; sample statistics), ``MIN``, ``MAX``, ``MODE`` (smallest of
  ties), ``COUNT`` (non-missing values; 0 when none), ``COUNT_DISTINCT``; missing values are
  ignored and a group without values gets a missing result. ``COLLECT_LIST`` (DataBrew's keyword
  for "no aggregation") gives the list of the group's non-missing values in row order (an
  ``object`` column; an empty list when there are none).
- Groups come out sorted by their keys (missing last), as GROUP_BY's do; a missing key is a group
  of its own. Rows whose ``source_column`` is missing count for their group but for no pivot
  column. With no other column, the result is one row.
- Nested (``object``) columns cannot be keys.

The pivot values are stored in the step
---------------------------------------
The output columns depend on the data, but a schema must be known without data (docs/architecture.md
section 3), so ``pivot_values`` (at most 10, DataBrew's limit) lists them, as ONE_HOT_ENCODING's
``categories`` do; a step without them (DataBrew's own PIVOT has none) is a validation problem
naming the fix. Over the whole dataset, a value of ``source_column`` that is not listed is an
error asking to update the list; a listed value absent from the data gives a column of missing
aggregates (0 for counts, empty lists). Brewdesk exports the list as an extra parameter
``pivotValues``, so a DataBrew round trip keeps the step whole.

Engine: GLOBAL, the ``pivot`` primitive: one pass of per-partition partials (GROUP_BY's exact
partials: medians and distinct counts from value counts), combined on the driver.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.nested import _bn_values
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import NUMERIC, STRING_DTYPE, Schema, pandas_dtype
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    Primitive,
    StepProblem,
    check_columns,
    column,
)
from brewdesk.recipes.ops.data_structure.group_by import (
    _NUMERIC_ONLY,
    Aggregate,
    GroupBy,
    GroupByParams,
    _out_type,
)
from pydantic import Field, field_validator

MAX_VALUES = 10
"""DataBrew's limit on the distinct values of a pivot column."""

SOURCE_TYPES = ("string", "int64", "boolean", "category")
KEY = "__brewdesk_pivot_key"
Function = Literal[
    "SUM", "COUNT", "AVERAGE", "MEAN", "MIN", "MAX", "MEDIAN", "MODE", "COUNT_DISTINCT",
    "STANDARD_DEVIATION", "VARIANCE", "COLLECT_LIST",
]


class PivotParams(Params):
    source_column: str = column(types=SOURCE_TYPES, description="Column whose values become columns (at most 10)")
    value_column: str = column(description="Column aggregated into the new columns")
    aggregate_function: Function = Field("SUM", description="Aggregate (COLLECT_LIST: the list of values)")
    pivot_values: list[str] | None = Field(
        None,
        min_length=1,
        max_length=MAX_VALUES,
        description="The values that become columns, in order (at most 10)",
    )

    @field_validator("pivot_values")
    @classmethod
    def _unique(cls, v: list[str] | None) -> list[str] | None:
        if v is not None and len(set(v)) != len(v):
            dup = next(x for x in v if v.count(x) > 1)
            raise ValueError(f"pivot value {dup!r} is listed twice")
        return v


def _text(s: pd.Series) -> pd.Series:
    """Values as the step matches them: their text."""
    return s.astype(str).astype(STRING_DTYPE).mask(s.isna()) if isinstance(s.dtype, pd.CategoricalDtype) else s.astype(STRING_DTYPE)


def pivot_values_of(values: pd.Series) -> list[str]:
    """The sorted distinct texts of a pivot column's values, for ``pivot_values``.

    Raises
    ------
    StepError
        When there are more than 10 (DataBrew's limit).
    """
    keys = sorted(_text(values).dropna().unique().tolist())
    if len(keys) > MAX_VALUES:
        raise StepError(
            f"column '{values.name}' has {len(keys)} distinct values ({', '.join(keys[:5])}, ...); pivot "
            f"takes at most {MAX_VALUES}",
            hint="group rare values first, or filter the rows",
        )
    return keys


def with_pivot_values(params: PivotParams, frame: pd.DataFrame) -> PivotParams:
    """Params with ``pivot_values`` read from ``frame`` (the sample, or the whole dataset)."""
    return params.model_copy(update={"pivot_values": pivot_values_of(frame[params.source_column])})


class Pivot(Operation):
    """Group by the other columns; one column per pivot value with an aggregate of a column."""

    id = "pivot"
    kind = Kind.GLOBAL
    primitive = Primitive.PIVOT
    category = "Pivot"
    title = "Pivot"
    databrew = ("PIVOT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.PIVOT.html"
    Params = PivotParams
    changes_rows = True
    sample_fields = ("pivot_values",)

    def from_sample(self, params: PivotParams, frame: pd.DataFrame) -> PivotParams:
        """``pivot_values``: the sorted distinct texts of ``source_column`` in ``frame``."""
        out = with_pivot_values(params, frame)
        if not out.pivot_values:
            raise StepError(
                f"column '{params.source_column}' has no values in the sample, so there is nothing to pivot",
                hint="pick another pivot column, or list the pivot values by hand",
            )
        return out

    # ------------------------------------------------------------------ schema
    def keys(self, params: PivotParams, names: Sequence[str]) -> list[str]:
        """The group keys: every column but the pivot and value columns, in order."""
        return [c for c in names if c not in (params.source_column, params.value_column)]

    def columns(self, params: PivotParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if params.source_column == params.value_column:
            raise StepProblem("the pivot and value columns must differ", field="value_column")
        if params.pivot_values is None:
            raise StepProblem(
                f"pivot needs the values of '{params.source_column}' to name its new columns; list "
                "them (at most 10) in the step's pivot values",
                field="pivot_values",
            )
        keys = self.keys(params, schema.names)
        nested = [k for k in keys if schema[k] == "object"]
        if nested:
            raise StepProblem(
                f"pivot groups by every other column, and '{nested[0]}' holds nested values; delete "
                "it or unnest it first",
                field="source_column",
            )
        vt = schema[params.value_column]
        fn = params.aggregate_function
        if fn in _NUMERIC_ONLY and vt not in NUMERIC:
            raise StepProblem(f"{fn} needs a numeric column; '{params.value_column}' is {vt}", field="aggregate_function")
        if vt == "object" and fn != "COLLECT_LIST":
            raise StepProblem(f"{fn} cannot aggregate nested values; use COLLECT_LIST", field="aggregate_function")
        out_type = "object" if fn == "COLLECT_LIST" else _out_type(fn, vt)
        items = [(k, schema[k]) for k in keys]
        for v in params.pivot_values:
            if v in keys:
                raise StepProblem(f"pivot value '{v}' names an existing column", field="pivot_values")
            items.append((v, out_type))
        return Schema(items)

    # ------------------------------------------------------------------ the pandas implementation
    def _group_params(self, params: PivotParams, keys: list[str]) -> GroupByParams:
        values = params.pivot_values or []
        aggs = [
            Aggregate(source_column_name=f"__pv{i}", function_name=params.aggregate_function, target_column_name=v)
            for i, v in enumerate(values)
        ]
        return GroupByParams(source_columns=keys or [KEY], aggregates=aggs or [
            Aggregate(source_column_name=None, function_name="COUNT", target_column_name="__rows")
        ])

    def _work(self, params: PivotParams, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
        keys = self.keys(params, list(frame.columns))
        work = frame[keys].copy(deep=False) if keys else pd.DataFrame({KEY: 0}, index=frame.index)
        text = _text(frame[params.source_column])
        for i, v in enumerate(params.pivot_values or []):
            work[f"__pv{i}"] = frame[params.value_column].where(text.eq(v).fillna(False).to_numpy(dtype=bool))
        return work, keys

    def partial(self, params: PivotParams, frame: pd.DataFrame) -> dict[str, Any]:
        """One frame's summary: GROUP_BY partials of the masked value columns (or value lists),
        the pivot values seen and the row count."""
        work, keys = self._work(params, frame)
        seen = set(_text(frame[params.source_column]).dropna().unique().tolist())
        out: dict[str, Any] = {"seen": seen, "rows": len(frame)}
        if params.aggregate_function == "COLLECT_LIST":
            cols = [c for c in work.columns if c.startswith("__pv")]
            g = work.groupby(keys or [KEY], dropna=False, sort=False, observed=True)
            lists = g[cols].agg(lambda s: [x for x in _bn_values(s) if x is not None]) if cols else g.size().to_frame("__n")
            out["lists"] = lists.reset_index()
        else:
            out["group"] = GroupBy().partial(self._group_params(params, keys), work)
        return out

    def partial_rows(self, partial: dict[str, Any]) -> int:
        """Rows a partial was taken over."""
        return int(partial["rows"])

    def pivoted_columns(self, params: PivotParams) -> list[str] | None:
        """The pivot and value columns: every other column is a group key."""
        return [params.source_column, params.value_column]

    def combine(self, params: PivotParams, partials: Sequence[dict[str, Any]], schema: Schema) -> pd.DataFrame:
        """The pivoted frame from the partials; ``schema`` is the input's.

        Raises
        ------
        StepError
            When the data holds a pivot value the step does not list.
        """
        values = list(params.pivot_values or [])
        seen = set().union(*(p["seen"] for p in partials)) if partials else set()
        extra = sorted(seen - set(values))
        if extra:
            raise StepError(
                f"column '{params.source_column}' has values that are not among the step's pivot values: "
                f"{', '.join(map(repr, extra[:3]))}{', ...' if len(extra) > 3 else ''}"
                + (f" ({len(seen)} distinct values; pivot takes at most {MAX_VALUES})" if len(seen) > MAX_VALUES else ""),
                hint="update the step's pivot values from the whole dataset",
            )
        keys = self.keys(params, schema.names)
        gk = keys or [KEY]
        if params.aggregate_function == "COLLECT_LIST":
            frames = [p["lists"] for p in partials]
            allp = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=gk)
            cols = [f"__pv{i}" for i in range(len(values))]
            g = allp.groupby(gk, dropna=False, sort=False, observed=True)
            res = g[cols].agg(lambda s: [x for part in s for x in part]) if cols else g.size().to_frame("__n")
            res = res.reset_index().sort_values(gk, na_position="last", kind="stable", ignore_index=True)
            res = res.rename(columns={f"__pv{i}": v for i, v in enumerate(values)})
            for v in values:
                res[v] = pd.Series(list(res[v]), dtype=object)
        else:
            wschema = Schema([(k, schema[k]) for k in keys] or [(KEY, "int64")])
            for i in range(len(values)):
                wschema = wschema.with_column(f"__pv{i}", schema[params.value_column])
            res = GroupBy().combine(self._group_params(params, keys), [p["group"] for p in partials], wschema)
        res = res[keys + values].copy() if keys or values else pd.DataFrame(index=res.index)
        for k in keys:
            res[k] = res[k].astype(pandas_dtype(schema[k])) if schema[k] != "category" else res[k]
        res.index = pd.RangeIndex(len(res))
        return res

    def apply(self, params: PivotParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = self.combine(params, [self.partial(params, frame)], Schema.from_frame(frame))
        out.index.name = frame.index.name
        return out

    # ------------------------------------------------------------------ text, code, DataBrew
    def describe(self, params: PivotParams) -> str:
        fn = params.aggregate_function.lower()
        n = len(params.pivot_values or [])
        into = f" into {n} column{'s' * (n != 1)}" if params.pivot_values is not None else ""
        return f"Pivot {params.source_column}{into}: {fn}({params.value_column})"

    def to_code(self, params: PivotParams, fitted: Mapping[str, Any]) -> str:
        args = (
            f"{params.source_column!r}, {params.value_column!r}, {params.aggregate_function!r}, "
            f"{list(params.pivot_values or [])!r}"
        )
        return f"df = _bn_pivot(df, {args})"


OPERATION = Pivot()
