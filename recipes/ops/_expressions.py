"""Shared code of the expression operations (boolean_operation, case_operation).

Not an operation (the registry skips modules starting with ``_``). Holds the ``withExpressions``
model, the parse cache and :class:`ExpressionOperation`, which checks the trees against the
schema, requests the aggregates as whole-dataset statistics, evaluates, places the new column
and exports code built from the trees (never from the expression text).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

import pandas as pd
from brewdesk.recipes.expressions import evaluate as ev
from brewdesk.recipes.expressions import parser as ex
from brewdesk.recipes.kernels import expressions as rt
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import require_column
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    Stat,
    StepProblem,
    camel_case,
    check_columns,
    to_databrew_string,
)
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

MAX_AGGREGATES = 50


class WithExpression(BaseModel):
    """One DataBrew ``withExpressions`` entry: a named whole-dataset aggregate of one column."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, max_length=ex.MAX_NAME, pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$", description="Name used as `:name`")
    value: str = Field(min_length=1, max_length=1000, description="Aggregate, e.g. avg(`price`)")
    type: Literal["aggregate"] = Field("aggregate", description="Always 'aggregate'")

    @model_validator(mode="after")
    def _parses(self) -> WithExpression:
        ev.parse_aggregate(self.name, self.value)
        return self


class ExpressionParams(Params):
    """Parameters shared by the expression operations: the aggregates they may refer to.

    ``expression_kinds`` (``{field: "condition" | "case" | "result"}``) names the fields holding
    expressions, so that the column references inside them count as the step's columns
    (:func:`~brewdesk.recipes.ops.base.referenced_columns`) and follow recipe-wide renames.
    """

    expression_kinds: ClassVar[dict[str, str]] = {}

    with_expressions: list[WithExpression] = Field(
        default_factory=list, max_length=MAX_AGGREGATES, description="Named aggregates (avg, sum, median, ...) used as `:name`"
    )

    @field_validator("with_expressions")
    @classmethod
    def _unique(cls, v: list[WithExpression]) -> list[WithExpression]:
        names = [w.name for w in v]
        dup = next((n for n in names if names.count(n) > 1), None)
        if dup is not None:
            raise ValueError(f"aggregate name {dup!r} is defined twice")
        return v

    def expression_columns(self) -> list[str]:
        """Columns the expressions and aggregates read, in field order."""
        out: dict[str, None] = {}
        for field, kind in self.expression_kinds.items():
            out.update(dict.fromkeys(ex.columns_of(parsed(kind, getattr(self, field)))))
        for w in self.with_expressions:
            out[ev.parse_aggregate(w.name, w.value).column] = None
        return list(out)

    def with_renamed_columns(self, mapping: Mapping[str, str]) -> ExpressionParams:
        """A copy with column references inside the expressions renamed (rewritten canonically)."""
        updates: dict[str, Any] = {}
        for field, kind in self.expression_kinds.items():
            tree = parsed(kind, getattr(self, field))
            if any(c in mapping for c in ex.columns_of(tree)):
                updates[field] = ex.to_text(ex.rename_columns(tree, mapping))
                parsed(kind, updates[field])  # a new name an expression cannot hold is refused here
        aggs = []
        for w in self.with_expressions:
            spec = ev.parse_aggregate(w.name, w.value)
            new = mapping.get(spec.column, spec.column)
            aggs.append(w if new == spec.column else w.model_copy(update={"value": f"{spec.fn}(`{new}`)"}))
        if aggs != list(self.with_expressions):
            updates["with_expressions"] = aggs
        return self.model_copy(update=updates) if updates else self


@functools.lru_cache(maxsize=512)
def parsed(kind: str, text: str) -> ex.Node:
    """Parse once per text (trees are immutable); ``kind`` is condition, case or result."""
    if kind == "condition":
        return ex.parse_condition(text)
    if kind == "case":
        return ex.parse_case(text)
    return ex.parse_result(text)


class ExpressionOperation(Operation):
    """Base of the operations computing a new column from expressions.

    Subclasses give ``Params`` (an :class:`ExpressionParams` naming its expression fields),
    :meth:`result` (evaluation) and :meth:`result_code` (export).
    """

    kind = Kind.FIT_MAP
    category = "Column"

    # ----------------------------------------------------------------- trees
    def tree(self, params: Any, field: str) -> ex.Node:
        return parsed(params.expression_kinds[field], getattr(params, field))

    def specs(self, params: Any) -> list[ev.AggregateSpec]:
        return [ev.parse_aggregate(w.name, w.value) for w in params.with_expressions]

    def reads(self, params: Any) -> list[str]:
        """Columns the expressions read, in field order (aggregated columns not included)."""
        out: dict[str, None] = {}
        for field in params.expression_kinds:
            out.update(dict.fromkeys(ex.columns_of(self.tree(params, field))))
        return list(out)

    # ----------------------------------------------------------------- schema
    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        kinds = ev.kinds_of_schema(schema)
        agg_kinds: dict[str, str] = {}
        for spec in self.specs(params):
            try:
                agg_kinds[spec.name] = ev.aggregate_kind(spec, kinds, schema)
            except ex.ExpressionError as e:
                raise StepProblem(str(e), field="with_expressions") from None
        out_kinds = []
        for field, role in params.expression_kinds.items():
            text = getattr(params, field)
            try:
                if role == "case":
                    tree = self.tree(params, field)
                    assert isinstance(tree, ex.Case)
                    for cond, val in tree.whens:
                        ev.check(cond, text, kinds, agg_kinds, role="condition")
                        out_kinds.append(ev.check(val, text, kinds, agg_kinds, role="value"))
                    if tree.default is not None:
                        out_kinds.append(ev.check(tree.default, text, kinds, agg_kinds, role="value"))
                else:
                    k = ev.check(self.tree(params, field), text, kinds, agg_kinds, role=role if role == "condition" else "value")
                    if role == "result":
                        out_kinds.append(k)
            except ex.ExpressionError as e:
                raise StepProblem(str(e), field=field) from None
        if params.target_column in schema:
            raise StepProblem(f"column '{params.target_column}' already exists", field="target_column")
        reads = self.reads(params)
        return place_schema(schema, params.target_column, rt._bx_unify(out_kinds), reads[0] if reads else None)

    def stats(self, params: Any, schema: Schema) -> dict[str, Stat]:
        out = {}
        for spec in self.specs(params):
            require_column(schema, spec.column)
            out[spec.name] = ev.aggregate_stats(spec)
        return out

    # ----------------------------------------------------------------- data
    def aggregates(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> dict[str, tuple[Any, str]]:
        kinds = ev.kinds_of_frame(frame)
        out = {}
        for spec in self.specs(params):
            kind = rt._bx_agg_kind(spec.fn, kinds[spec.column])
            out[spec.name] = (ev.aggregate_value(spec, fitted.get(spec.name), kind), kind)
        return out

    def result(self, params: Any, frame: pd.DataFrame, aggs: Mapping[str, tuple[Any, str]]) -> pd.Series:
        raise NotImplementedError

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        missing = [c for c in [*self.reads(params), *(s.column for s in self.specs(params))] if c not in frame.columns]
        if missing:
            raise StepError(f"column '{missing[0]}' does not exist")
        values = self.result(params, frame, self.aggregates(params, frame, fitted))
        reads = self.reads(params)
        return place(frame, params.target_column, values, reads[0] if reads else None)

    # ----------------------------------------------------------------- export
    def result_code(self, params: Any) -> str:
        raise NotImplementedError

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        reads = self.reads(params)
        lines = [*ev.aggregates_code(self.specs(params), fitted), f"_result = {self.result_code(params)}"]
        lines.append(place_code(params.target_column, "_result", reads[0] if reads else None))
        return "\n".join(lines)

    # ----------------------------------------------------------------- DataBrew
    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        out: dict[str, str] = {}
        for name, value in params.model_dump(mode="json").items():
            if name == "with_expressions" and not value:
                continue
            out[camel_case(name)] = to_databrew_string(value)
        return self.databrew[0], out


__all__ = ["ExpressionOperation", "ExpressionParams", "WithExpression", "parsed"]
