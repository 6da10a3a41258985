"""SORT: order rows by one or more columns.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SORT.html

Each expression gives a column, ``ASCENDING`` or ``DESCENDING``, and where missing values go
(``NULLS_TOP`` or ``NULLS_BOTTOM``; default: bottom, as pandas puts them last). The sort is
stable: rows with equal keys keep their source order. ``customOrder`` is not supported yet
(rejected on import with a clear error).

The engine range-partitions on the first key and sorts each partition with this module's
``apply`` (see ``brewdesk.engine.primitives``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.model.errors import did_you_mean
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Kind, Operation, OrderKey, Params, Primitive, StepProblem
from pydantic import Field


class SortKey(Params):
    source_column: str = Field(min_length=1)
    ordering: Literal["ASCENDING", "DESCENDING"] = "ASCENDING"
    nulls_ordering: Literal["NULLS_TOP", "NULLS_BOTTOM"] = "NULLS_BOTTOM"


class SortParams(Params):
    expressions: list[SortKey] = Field(min_length=1, description="Sort keys, most significant first")


class Sort(Operation):
    """Stable multi-key sort with per-key direction and null placement."""

    id = "sort"
    kind = Kind.GLOBAL
    primitive = Primitive.SORT
    category = "Sort"
    title = "Sort rows"
    databrew = ("SORT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SORT.html"
    Params = SortParams
    changes_rows = True

    def columns(self, params: SortParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        for k in params.expressions:
            if k.source_column not in schema:
                raise StepProblem(
                    f"column '{k.source_column}' does not exist{did_you_mean(k.source_column, schema)}",
                    field="expressions",
                )
            if schema[k.source_column] == "object":
                raise StepProblem(f"column '{k.source_column}' holds nested values and cannot be sorted", field="expressions")
        return schema

    def sort_keys(self, params: SortParams) -> list[OrderKey]:
        """The keys, most significant first."""
        return [
            OrderKey(k.source_column, k.ordering == "ASCENDING", k.nulls_ordering == "NULLS_TOP")
            for k in params.expressions
        ]

    def apply(self, params: SortParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = frame if frame.index.is_monotonic_increasing else frame.sort_index(kind="stable")
        # least significant key first, each pass stable: the result is a stable multi-key sort
        for k in reversed(params.expressions):
            out = out.sort_values(
                k.source_column,
                ascending=k.ordering == "ASCENDING",
                na_position="first" if k.nulls_ordering == "NULLS_TOP" else "last",
                kind="stable",
            )
        # a sort gives new row ids in the new order, so later order-sensitive steps follow it
        return out.set_axis(pd.RangeIndex(len(out), name=frame.index.name), axis=0)

    def describe(self, params: SortParams) -> str:
        keys = ", ".join(
            f"{k.source_column} {'ascending' if k.ordering == 'ASCENDING' else 'descending'}" for k in params.expressions
        )
        return f"Sort by {keys}"

    def to_code(self, params: SortParams, fitted: Mapping[str, Any]) -> str:
        lines: list[str] = []
        for k in reversed(params.expressions):
            asc = k.ordering == "ASCENDING"
            na = "first" if k.nulls_ordering == "NULLS_TOP" else "last"
            lines.append(
                f"df = df.sort_values({k.source_column!r}, ascending={asc}, na_position={na!r}, kind='stable')"
            )
        lines.append("df = df.reset_index(drop=True)")
        return "\n".join(lines)

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        raw = parameters.get("expressions", "[]")
        exprs = json.loads(raw) if isinstance(raw, str) else raw
        keys = []
        for e in exprs:
            if e.get("customOrder"):
                raise ValueError("SORT with customOrder is not supported yet")
            keys.append(
                {
                    "source_column": e["sourceColumn"],
                    "ordering": e.get("ordering", "ASCENDING"),
                    "nulls_ordering": e.get("nullsOrdering", "NULLS_BOTTOM"),
                }
            )
        return {"expressions": keys}

    def to_databrew(self, params: SortParams) -> tuple[str, dict[str, str]]:
        exprs = [
            {"sourceColumn": k.source_column, "ordering": k.ordering, "nullsOrdering": k.nulls_ordering}
            for k in params.expressions
        ]
        return "SORT", {"expressions": json.dumps(exprs)}


OPERATION = Sort()
