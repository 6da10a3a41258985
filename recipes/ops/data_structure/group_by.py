"""GROUP_BY: aggregate rows that share the values of key columns.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.GROUP_BY.html

Parameters follow DataBrew: ``source_columns`` are the keys; each of ``aggregates``
(``groupByAggFunctionOptions``) names a source column, a function and a target column; with
``use_new_dataframe`` (the default) the result has one row per group, otherwise every row keeps
its columns and gains the aggregates of its group (a window aggregate).

Choices where DataBrew's page is silent:

- Missing key values form a group of their own (like SQL ``GROUP BY``), placed last.
- Groups come out sorted by their keys (ascending, missing last).
- ``SUM``, ``MIN``, ``MAX``, ``AVERAGE``, ``MEDIAN``, ``MODE`` ignore missing values and give a
  missing result for a group without values (SQL semantics, not pandas' ``sum() == 0``).
  ``COUNT`` counts non-missing values; ``COUNT`` without a source column counts rows.
  ``STANDARD_DEVIATION`` and ``VARIANCE`` are sample statistics (n - 1).
  ``MODE`` picks the smallest of tied values (DataBrew's default MINIMUM rule).

The same pandas functions run the preview and the engine: :meth:`GroupBy.partial` summarises
one frame, :meth:`GroupBy.combine` merges summaries exactly (medians and distinct counts from
combined value counts, never approximations), :meth:`GroupBy.attach` broadcasts for
``use_new_dataframe=False``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from brewdesk.recipes.model.errors import did_you_mean
from brewdesk.recipes.model.types import NUMERIC, Schema, canonical_series, pandas_dtype
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    Primitive,
    StepProblem,
    check_columns,
    columns,
)
from pydantic import Field

Function = Literal[
    "SUM", "COUNT", "AVERAGE", "MEAN", "MIN", "MAX", "MEDIAN", "MODE", "COUNT_DISTINCT",
    "STANDARD_DEVIATION", "VARIANCE",
]
_BY_COUNTS = {"MEDIAN", "MODE", "COUNT_DISTINCT"}
_NUMERIC_ONLY = {"SUM", "AVERAGE", "MEAN", "MEDIAN", "STANDARD_DEVIATION", "VARIANCE"}


class Aggregate(Params):
    source_column_name: str | None = Field(None, description="Column aggregated (COUNT: rows when empty)")
    function_name: Function = "COUNT"
    target_column_name: str = Field(min_length=1)
    target_column_data_type: str | None = None


class GroupByParams(Params):
    source_columns: list[str] = columns(description="Key columns")
    aggregates: list[Aggregate] = Field(min_length=1, description="Aggregations")
    use_new_dataframe: bool = True


def _out_type(fn: str, source_type: str | None) -> str:
    if fn in {"COUNT", "COUNT_DISTINCT"}:
        return "int64"
    if fn in {"AVERAGE", "MEAN", "MEDIAN", "STANDARD_DEVIATION", "VARIANCE"}:
        return "float64"
    if fn == "SUM":
        return "int64" if source_type == "int64" else "float64"
    return source_type or "string"


class GroupBy(Operation):
    """Group rows by key columns and aggregate (exactly, over the whole dataset)."""

    id = "group_by"
    kind = Kind.GLOBAL
    primitive = Primitive.GROUP
    category = "Group"
    title = "Group by"
    databrew = ("GROUP_BY",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.GROUP_BY.html"
    Params = GroupByParams
    changes_rows = True

    # ------------------------------------------------------------------ schema
    def columns(self, params: GroupByParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        out = [(k, schema[k]) for k in params.source_columns] if params.use_new_dataframe else list(schema.items())
        names = {n for n, _ in out}
        for i, a in enumerate(params.aggregates):
            field = f"aggregates.{i}"
            src = a.source_column_name
            if src is None and a.function_name != "COUNT":
                raise StepProblem(f"{a.function_name} needs a source column", field=field)
            if src is not None and src not in schema:
                raise StepProblem(f"column '{src}' does not exist{did_you_mean(src, schema)}", field=field)
            st = schema[src] if src is not None else None
            if a.function_name in _NUMERIC_ONLY and st not in NUMERIC:
                raise StepProblem(f"{a.function_name} needs a numeric column; '{src}' is {st}", field=field)
            if a.target_column_name in names:
                raise StepProblem(f"column '{a.target_column_name}' already exists", field=field)
            names.add(a.target_column_name)
            t = _out_type(a.function_name, st)
            if a.target_column_data_type:
                t = _logical(a.target_column_data_type)
            out.append((a.target_column_name, t))
        return Schema(out)

    # ------------------------------------------------------------------ the pandas implementation
    def partial(self, params: GroupByParams, frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
        """Summary of one frame: per-group sums, counts, extremes; value counts where needed."""
        keys = list(params.source_columns)
        work = frame[keys].copy(deep=False)
        aggs: dict[str, tuple[str, str]] = {"__rows": (keys[0], "size")}
        counts: dict[str, pd.DataFrame] = {}
        for i, a in enumerate(params.aggregates):
            src, fn = a.source_column_name, a.function_name
            if src is None:
                continue
            if fn in _BY_COUNTS:
                vc = frame.groupby(keys + [src], dropna=False, sort=False, observed=True).size()
                vc = vc.rename("__n").reset_index()
                counts[f"vc{i}"] = vc[vc[src].notna()]
                continue
            col = f"v{i}"
            if fn == "COUNT":  # non-missing values, of any type
                work[col] = frame[src].notna().astype("int64")
                aggs[f"{col}_cnt"] = (col, "sum")
                continue
            if fn in {"MIN", "MAX"}:
                work[col] = frame[src]
                aggs[f"{col}_{fn.lower()}"] = (col, fn.lower())
            else:
                x = pd.to_numeric(frame[src]).astype("Float64")
                work[col] = x
                work[f"{col}_sq"] = x * x
                aggs[f"{col}_sum"] = (col, "sum")
                aggs[f"{col}_cnt"] = (col, "count")
                aggs[f"{col}_sq"] = (f"{col}_sq", "sum")
        g = work.groupby(keys, dropna=False, sort=False, observed=True).agg(**aggs).reset_index()
        return {"moments": g, **counts}

    def partial_rows(self, partial: dict[str, pd.DataFrame]) -> int:
        """Rows a partial was taken over."""
        return int(partial["moments"]["__rows"].sum())

    def new_frame(self, params: GroupByParams) -> bool:
        """``True``: the groups replace the data; ``False``: they are attached to every row."""
        return params.use_new_dataframe

    def group_keys(self, params: GroupByParams) -> list[str]:
        """The group key columns."""
        return list(params.source_columns)

    def groups_code(self, params: GroupByParams) -> str | None:
        """pandas code turning ``df`` into one row per group."""
        return self.to_code(params.model_copy(update={"use_new_dataframe": True}), {})

    def combine(
        self, params: GroupByParams, partials: Sequence[dict[str, pd.DataFrame]], schema: Schema
    ) -> pd.DataFrame:
        """The aggregated frame (one row per group, sorted by keys) from the partials.

        ``schema`` is the schema of the grouped frame (it fixes the output dtypes).
        """
        keys = list(params.source_columns)
        moments = pd.concat([p["moments"] for p in partials], ignore_index=True)
        rules = {}
        for c in moments.columns:
            if c in keys:
                continue
            rules[c] = "min" if c.endswith("_min") else "max" if c.endswith("_max") else "sum"
        g = moments.groupby(keys, dropna=False, sort=False, observed=True).agg(rules).reset_index()
        out = g[keys].copy()
        for i, a in enumerate(params.aggregates):
            fn, col = a.function_name, f"v{i}"
            if a.source_column_name is None:
                res = g["__rows"]
            elif fn in _BY_COUNTS:
                vc = pd.concat([p[f"vc{i}"] for p in partials if f"vc{i}" in p], ignore_index=True)
                res = _from_counts(vc, keys, a.source_column_name, fn, g[keys])
            elif fn in {"MIN", "MAX"}:
                res = g[f"{col}_{fn.lower()}"]
            elif fn == "COUNT":
                res = g[f"{col}_cnt"]
            else:
                n, s, sq = g[f"{col}_cnt"].astype("Float64"), g[f"{col}_sum"], g[f"{col}_sq"]
                has = n > 0
                if fn == "SUM":
                    res = s.where(has)
                elif fn in {"AVERAGE", "MEAN"}:
                    res = (s / n).where(has)
                else:
                    var = ((sq - n * (s / n) ** 2) / (n - 1)).clip(lower=0).where(n > 1)
                    res = var if fn == "VARIANCE" else np.sqrt(var)
            out[a.target_column_name] = res.to_numpy() if hasattr(res, "to_numpy") else res
        return self._finish(params, out, schema)

    def _finish(self, params: GroupByParams, out: pd.DataFrame, schema: Schema) -> pd.DataFrame:
        keys = list(params.source_columns)
        out = out.sort_values(keys, na_position="last", kind="stable", ignore_index=True)
        for a in params.aggregates:
            s = canonical_series(out[a.target_column_name])
            t = a.target_column_data_type
            if t:
                s = s.astype(pandas_dtype(_logical(t)))
            elif a.function_name in {"COUNT", "COUNT_DISTINCT"}:
                s = s.fillna(0).astype("Int64")
            else:
                src_type = schema.get(a.source_column_name) if a.source_column_name else None
                s = s.astype(pandas_dtype(_out_type(a.function_name, src_type)))
            out[a.target_column_name] = s
        out.index = pd.RangeIndex(len(out), name=out.index.name)
        return out

    def attach(self, params: GroupByParams, frame: pd.DataFrame, result: pd.DataFrame) -> pd.DataFrame:
        """``use_new_dataframe=False``: every row gains its group's aggregates (index kept)."""
        keys = list(params.source_columns)
        merged = frame[keys].merge(result, on=keys, how="left", sort=False)
        out = frame.copy(deep=False)
        for a in params.aggregates:
            out[a.target_column_name] = merged[a.target_column_name].to_numpy()
            out[a.target_column_name] = out[a.target_column_name].astype(result[a.target_column_name].dtype)
        return out

    def apply(self, params: GroupByParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        result = self.combine(params, [self.partial(params, frame)], Schema.from_frame(frame))
        if params.use_new_dataframe:
            result.index.name = frame.index.name
            return result
        return self.attach(params, frame, result)

    # ------------------------------------------------------------------ text, code, DataBrew
    def describe(self, params: GroupByParams) -> str:
        aggs = ", ".join(
            f"{a.function_name.lower()}({a.source_column_name or '*'}) as {a.target_column_name}" for a in params.aggregates
        )
        return f"Group by {', '.join(params.source_columns)}: {aggs}"

    def to_code(self, params: GroupByParams, fitted: Mapping[str, Any]) -> str:
        named = {}
        fns = {
            "SUM": "lambda s: s.sum() if s.notna().any() else pd.NA", "COUNT": "'count'", "AVERAGE": "'mean'",
            "MEAN": "'mean'", "MIN": "'min'", "MAX": "'max'", "MEDIAN": "'median'",
            "MODE": "lambda s: s.dropna().mode().min() if s.notna().any() else pd.NA",
            "COUNT_DISTINCT": "'nunique'", "STANDARD_DEVIATION": "'std'", "VARIANCE": "'var'",
        }
        keys = list(params.source_columns)
        for a in params.aggregates:
            src = a.source_column_name or keys[0]
            fn = "'size'" if a.source_column_name is None else fns[a.function_name]
            named[a.target_column_name] = f"({src!r}, {fn})"
        agg = ", ".join(f"{k!r}: {v}" for k, v in named.items())
        lines = [f"_g = df.groupby({keys!r}, dropna=False).agg(**{{{agg}}}).reset_index()"]
        lines.append(f"_g = _g.sort_values({keys!r}, na_position='last', kind='stable', ignore_index=True)")
        if params.use_new_dataframe:
            lines.append("df = _g")
        else:
            lines.append(f"df = df.merge(_g, on={keys!r}, how='left')")
        return "\n".join(lines)

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        keys = parameters.get("sourceColumns", "[]")
        keys = json.loads(keys) if isinstance(keys, str) else keys
        raw = parameters.get("groupByAggFunctionOptions", parameters.get("groupByAggFunctions", "[]"))
        raw = json.loads(raw) if isinstance(raw, str) else raw
        aggs = [
            {
                "source_column_name": a.get("sourceColumnName") or None,
                "function_name": str(a.get("functionName", "COUNT")).upper(),
                "target_column_name": a["targetColumnName"],
                "target_column_data_type": a.get("targetColumnDataType") or None,
            }
            for a in raw
        ]
        new = str(parameters.get("useNewDataFrame", "true")).lower() == "true"
        return {"source_columns": keys, "aggregates": aggs, "use_new_dataframe": new}

    def to_databrew(self, params: GroupByParams) -> tuple[str, dict[str, str]]:
        aggs = []
        for a in params.aggregates:
            d = {"sourceColumnName": a.source_column_name or params.source_columns[0], "functionName": a.function_name,
                 "targetColumnName": a.target_column_name}
            if a.target_column_data_type:
                d["targetColumnDataType"] = a.target_column_data_type
            aggs.append(d)
        return "GROUP_BY", {
            "sourceColumns": json.dumps(list(params.source_columns)),
            "groupByAggFunctionOptions": json.dumps(aggs),
            "useNewDataFrame": "true" if params.use_new_dataframe else "false",
        }


def _logical(t: str) -> str:
    t = t.lower()
    return {
        "int": "int64", "integer": "int64", "long": "int64", "bigint": "int64", "short": "int64",
        "double": "float64", "float": "float64", "decimal": "float64", "number": "float64",
        "string": "string", "boolean": "boolean", "timestamp": "datetime", "date": "datetime",
    }.get(t, t if t in {"int64", "float64", "datetime"} else "string")


def _from_counts(vc: pd.DataFrame, keys: list[str], src: str, fn: str, groups: pd.DataFrame) -> pd.Series:
    """Per-group exact median / mode / distinct count from combined value counts."""
    if vc.empty:
        return pd.Series([pd.NA] * len(groups), dtype="object")
    vc = vc.groupby(keys + [src], dropna=False, sort=False, observed=True)["__n"].sum().reset_index()
    vc = vc.sort_values(keys + [src], kind="stable", na_position="last", ignore_index=True)
    gid = vc.groupby(keys, dropna=False, sort=False, observed=True).ngroup()
    if fn == "COUNT_DISTINCT":
        per = vc.groupby(gid).size()
    elif fn == "MODE":
        best = vc.groupby(gid)["__n"].transform("max")
        per = vc[vc["__n"] == best].groupby(gid[vc["__n"] == best])[src].first()
    else:
        cum = vc.groupby(gid)["__n"].cumsum()
        start = cum - vc["__n"]
        total = vc.groupby(gid)["__n"].transform("sum")
        lo, hi = (total - 1) // 2, total // 2
        v_lo = vc[src].where((start <= lo) & (lo < cum)).groupby(gid).first()
        v_hi = vc[src].where((start <= hi) & (hi < cum)).groupby(gid).first()
        per = (v_lo.astype("float64") + v_hi.astype("float64")) / 2
    key_frame = vc[keys].groupby(gid).first()
    table = key_frame.assign(__res=per)
    merged = groups.merge(table, on=keys, how="left", sort=False)
    return merged["__res"]


OPERATION = GroupBy()
