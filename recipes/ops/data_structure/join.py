"""JOIN: combine the rows of this dataset with a second dataset on key columns.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.JOIN.html

The second dataset is a named recipe input (``secondary_input``; DataBrew's
``secondaryDatasetName``), bound at run time with ``--input NAME=SOURCE``. All seven DataBrew
join types are supported: INNER_JOIN, LEFT_JOIN, RIGHT_JOIN, OUTER_JOIN, LEFT_EXCLUDING_JOIN,
RIGHT_EXCLUDING_JOIN, OUTER_EXCLUDING_JOIN.

Choices where DataBrew's page is silent:

- Row order: rows driven by this dataset come first, in its order, each followed by its matches
  in the second dataset's order; rows of the second dataset that matched nothing (RIGHT, OUTER
  and the excluding joins) come after, in the second dataset's order. The preview and the
  engine give the same order.
- Missing keys never match (SQL semantics).
- Columns: ``left_columns`` / ``right_columns`` select what is kept (all when empty). A right
  column whose name is already taken gets the suffix ``_right``. A right key column with the
  same name as its left key is merged into the left one (filled from the right side for rows
  of the second dataset only).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
from brewdesk.recipes.model.errors import StepError, did_you_mean
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, Primitive, StepProblem
from pydantic import Field

JoinType = Literal[
    "INNER_JOIN", "LEFT_JOIN", "RIGHT_JOIN", "OUTER_JOIN",
    "LEFT_EXCLUDING_JOIN", "RIGHT_EXCLUDING_JOIN", "OUTER_EXCLUDING_JOIN",
]
_LEFT_ROWS = {"LEFT_JOIN", "OUTER_JOIN"}  # unmatched left rows kept
_RIGHT_ONLY = {"RIGHT_JOIN", "OUTER_JOIN", "RIGHT_EXCLUDING_JOIN", "OUTER_EXCLUDING_JOIN"}
SUFFIX = "_right"
_POS = "__brewdesk_right_pos"


class JoinKey(Params):
    key: str = Field(min_length=1, description="Column of this dataset")
    value: str = Field(min_length=1, description="Column of the second dataset")


class JoinParams(Params):
    secondary_input: str = Field(min_length=1, description="Name of the second input")
    join_type: JoinType = "INNER_JOIN"
    join_keys: list[JoinKey] = Field(min_length=1)
    left_columns: list[str] | None = None
    right_columns: list[str] | None = None


class Join(Operation):
    """Join with a second input on key columns (seven join types)."""

    id = "join"
    kind = Kind.GLOBAL
    primitive = Primitive.JOIN
    category = "Join"
    title = "Join"
    databrew = ("JOIN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.JOIN.html"
    Params = JoinParams
    changes_rows = True

    # ------------------------------------------------------------------ schema
    def _layout(self, params: JoinParams, left: Schema, right: Schema) -> tuple[list[str], dict[str, str]]:
        """Left columns kept, and ``{right column: output name}``."""
        lcols = list(params.left_columns) if params.left_columns else list(left)
        for k in params.join_keys:
            if k.key not in lcols:
                lcols.append(k.key)
        rcols = list(params.right_columns) if params.right_columns else list(right)
        merged_keys = {k.value for k in params.join_keys if k.value == k.key}
        taken = set(lcols)
        rmap: dict[str, str] = {}
        for c in rcols:
            if c in merged_keys:
                continue
            name = c if c not in taken else c + SUFFIX
            taken.add(name)
            rmap[c] = name
        return lcols, rmap

    def columns(self, params: JoinParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        if params.secondary_input not in inputs:
            raise StepProblem(
                f"input '{params.secondary_input}' is not given (use --input {params.secondary_input}=SOURCE)",
                field="secondary_input",
            )
        right = inputs[params.secondary_input]
        for i, k in enumerate(params.join_keys):
            if k.key not in schema:
                raise StepProblem(f"column '{k.key}' does not exist{did_you_mean(k.key, schema)}", field=f"join_keys.{i}.key")
            if k.value not in right:
                raise StepProblem(
                    f"column '{k.value}' does not exist in input '{params.secondary_input}'{did_you_mean(k.value, right)}",
                    field=f"join_keys.{i}.value",
                )
            lt, rt = schema[k.key], right[k.value]
            if lt != rt and not {lt, rt} <= {"int64", "float64"}:
                raise StepProblem(f"cannot join {lt} column '{k.key}' with {rt} column '{k.value}'", field=f"join_keys.{i}")
        for c in params.left_columns or []:
            if c not in schema:
                raise StepProblem(f"column '{c}' does not exist{did_you_mean(c, schema)}", field="left_columns")
        for c in params.right_columns or []:
            if c not in right:
                raise StepProblem(f"column '{c}' does not exist in input '{params.secondary_input}'", field="right_columns")
        lcols, rmap = self._layout(params, schema, right)
        out = [(c, schema[c]) for c in lcols] + [(name, right[c]) for c, name in rmap.items()]
        return Schema(out)

    def input_names(self, params: JoinParams) -> list[str]:
        return [params.secondary_input]

    def join_arguments(
        self, params: JoinParams
    ) -> tuple[list[tuple[str, str]], str, list[str] | None, list[str] | None]:
        """``(keys as (left, right) pairs, join type, left columns kept, right columns kept)``
        (``None``: every column), as the exported scripts' join helpers take them."""
        keys = [(k.key, k.value) for k in params.join_keys]
        left = list(params.left_columns) if params.left_columns else None
        right = list(params.right_columns) if params.right_columns else None
        return keys, params.join_type, left, right

    def keeps_right_only(self, params: JoinParams) -> bool:
        """``True`` when right rows no left row matched are appended (after the left rows)."""
        return params.join_type in _RIGHT_ONLY

    # ------------------------------------------------------------------ the pandas implementation
    def join_partition(self, params: JoinParams, left: pd.DataFrame, right: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
        """Rows driven by ``left`` (one partition), and the positions of ``right`` rows matched.

        The index of the result is the left row id (repeated for several matches); callers
        renumber it.
        """
        lcols, rmap = self._layout(params, Schema.from_frame(left), Schema.from_frame(right))
        lk = [k.key for k in params.join_keys]
        rk = [k.value for k in params.join_keys]
        # the keys as hidden columns (they can never collide with left names), the output
        # columns under their output names (a right key may be both)
        rkeys = [f"__rk{i}" for i in range(len(rk))]
        r = pd.DataFrame({n: right[c] for c, n in rmap.items()}, index=right.index)
        for name, c in zip(rkeys, rk, strict=True):
            r[name] = right[c]
        r[_POS] = np.arange(len(right), dtype="int64")
        r = r.dropna(subset=rkeys)
        for lc, rc in zip(lk, rkeys, strict=True):
            if left[lc].dtype != r[rc].dtype:
                try:
                    r[rc] = r[rc].astype(left[lc].dtype)
                except (TypeError, ValueError) as e:
                    raise StepError(f"join keys '{lc}' and its partner have incompatible values: {e}") from None
        how = "left" if params.join_type in _LEFT_ROWS | {"LEFT_EXCLUDING_JOIN", "OUTER_EXCLUDING_JOIN"} else "inner"
        lframe = left[lcols].copy(deep=False)
        lframe["__lid"] = left.index.to_numpy()
        valid = left[lk].notna().all(axis=1).to_numpy()
        merged = lframe[valid].merge(r, how=how, left_on=lk, right_on=rkeys, sort=False)
        if how == "left" and not valid.all():
            merged = pd.concat([merged, lframe[~valid]], ignore_index=True)
            merged = merged.sort_values("__lid", kind="stable", ignore_index=True)
        matched = merged[_POS].dropna().to_numpy(dtype="int64") if len(merged) else np.zeros(0, "int64")
        if params.join_type in {"LEFT_EXCLUDING_JOIN", "OUTER_EXCLUDING_JOIN"}:
            merged = merged[merged[_POS].isna()] if len(merged) else merged
        elif params.join_type in {"RIGHT_EXCLUDING_JOIN"}:
            merged = merged.iloc[0:0]
        out = merged.drop(columns=[c for c in merged.columns if c.startswith("__rk") or c == _POS])
        out = out.set_index("__lid")
        out.index.name = left.index.name
        for c, name in rmap.items():
            if name in out.columns:
                out[name] = out[name].astype(right[c].dtype)
        for c in lcols:
            out[c] = out[c].astype(left[c].dtype)
        return out[lcols + list(rmap.values())], np.unique(matched)

    def right_only(self, params: JoinParams, left_schema: Schema, right: pd.DataFrame, matched: np.ndarray) -> pd.DataFrame:
        """Rows of ``right`` that matched no left row, shaped like the join's output."""
        if params.join_type not in _RIGHT_ONLY:
            return pd.DataFrame()
        lcols, rmap = self._layout(params, left_schema, Schema.from_frame(right))
        keep = np.ones(len(right), dtype=bool)
        keep[matched] = False
        rows = right[keep]
        out = pd.DataFrame(index=pd.RangeIndex(len(rows)))
        merged_keys = {k.key: k.value for k in params.join_keys if k.key == k.value}
        for c in lcols:
            if c in merged_keys:
                out[c] = rows[merged_keys[c]].to_numpy()
            else:
                out[c] = pd.Series([None] * len(rows), dtype="object")
        for c, name in rmap.items():
            out[name] = rows[c].to_numpy()
        return out

    def apply(self, params: JoinParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        right = fitted["inputs"][params.secondary_input]
        joined, matched = self.join_partition(params, frame, right)
        extra = self.right_only(params, Schema.from_frame(frame), right, matched)
        out = joined if extra.empty and params.join_type not in _RIGHT_ONLY else _concat(joined, extra)
        out.index = pd.RangeIndex(len(out), name=frame.index.name)
        return out

    def describe(self, params: JoinParams) -> str:
        keys = ", ".join(k.key if k.key == k.value else f"{k.key} = {k.value}" for k in params.join_keys)
        kind = params.join_type.replace("_JOIN", "").replace("_", " ").lower()
        return f"{kind.capitalize()} join with {params.secondary_input} on {keys}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        def lst(key: str) -> Any:
            v = parameters.get(key)
            return json.loads(v) if isinstance(v, str) and v else v

        keys = lst("joinKeys") or []
        return {
            "secondary_input": parameters.get("secondaryDatasetName") or parameters.get("secondInputLocation") or "second",
            "join_type": parameters.get("joinType", "INNER_JOIN"),
            "join_keys": [{"key": k["key"], "value": k["value"]} for k in keys],
            "left_columns": lst("leftColumns") or None,
            "right_columns": lst("rightColumns") or None,
        }

    def to_databrew(self, params: JoinParams) -> tuple[str, dict[str, str]]:
        out = {
            "secondaryDatasetName": params.secondary_input,
            "joinType": params.join_type,
            "joinKeys": json.dumps([{"key": k.key, "value": k.value} for k in params.join_keys]),
        }
        if params.left_columns:
            out["leftColumns"] = json.dumps(list(params.left_columns))
        if params.right_columns:
            out["rightColumns"] = json.dumps(list(params.right_columns))
        return "JOIN", out


def _concat(joined: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    if extra.empty:
        return joined.reset_index(drop=True)
    extra = extra[joined.columns]
    for c in joined.columns:
        extra[c] = extra[c].astype(joined[c].dtype) if len(extra) else extra[c]
    return pd.concat([joined.reset_index(drop=True), extra.astype(joined.dtypes.to_dict())], ignore_index=True)


OPERATION = Join()
