"""Checking, evaluating and exporting trees of the expression language.

The trees come from :mod:`brewdesk.recipes.expressions.parser`. Three walks over the same whitelist of
node types:

:func:`check`
    against column kinds (from a schema, without data): columns exist, aggregates are defined,
    functions get the right arguments, regular expressions compile under RE2, conditions are
    conditions; returns the kind of a value.
:func:`condition` / :func:`value`
    vectorised evaluation over a pandas frame, through the ``_bx_*`` runtime helpers.
:func:`condition_code` / :func:`value_code`
    the same helper calls as pandas source for the exported script. Every piece of user text is
    written with ``repr()`` of a ``str``, ``int``, ``float``, ``bool`` or ``None``, so it stays
    data in the exported code.

withExpressions aggregates (``{"name", "value": "avg(`col`)", "type": "aggregate"}``) are
whole-dataset statistics: :func:`aggregate_stats` requests them (FIT_MAP), :func:`aggregate_value`
turns the fitted statistics into the value, exactly (from combined per-partition partials).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from brewdesk.recipes.expressions.parser import (
    MAX_PATTERN,
    VALID_TYPES,
    Aggregate,
    Call,
    Case,
    Column,
    Compare,
    ExpressionError,
    Literal,
    Logic,
    Node,
    Not,
    tokenize,
)
from brewdesk.recipes.kernels import expressions as rt
from brewdesk.recipes.model.errors import did_you_mean
from brewdesk.recipes.model.types import Schema, pandas_dtype
from brewdesk.recipes.ops._fit_common import literal
from brewdesk.recipes.ops.base import Stat

NUMERIC = ("int64", "float64")
AGGREGATES: dict[str, str] = {
    "sum": "sum",
    "avg": "mean",
    "mean_absolute_deviation": "value_counts",
    "median": "median",
    "product": "value_counts",
    "stddev": "std",
    "variance": "var",
    "min": "min",
    "max": "max",
}
"""DataBrew aggregate function -> the Brewdesk statistic it is computed from."""


# =========================================================================== aggregates
@dataclass(frozen=True)
class AggregateSpec:
    """One parsed withExpressions entry: ``name`` = ``fn(`column`)``."""

    name: str
    fn: str
    column: str


def parse_aggregate(name: str, text: str) -> AggregateSpec:
    """Parse a withExpressions ``value`` such as ``avg(`price`)``.

    Raises
    ------
    ExpressionError
        For anything but one known aggregate function of one column.
    """
    toks = tokenize(text)
    shape = [t.kind if t.kind != "op" else t.text for t in toks]
    if shape != ["name", "(", "column", ")", "end"]:
        bad = next((t for t, want in zip(toks, ["name", "(", "column", ")", "end"], strict=False) if (t.kind if t.kind != "op" else t.text) != want), toks[-1])
        raise ExpressionError(
            f"aggregate {name!r} must be one function of one column", text, bad.pos, hint="e.g. avg(`price`); functions: " + ", ".join(AGGREGATES)
        )
    fn = toks[0].value
    if fn not in AGGREGATES:
        raise ExpressionError(
            f"unknown aggregate function {toks[0].text!r}{did_you_mean(fn, AGGREGATES)}", text, toks[0].pos, hint="functions: " + ", ".join(AGGREGATES)
        )
    return AggregateSpec(name, fn, toks[2].value)


def aggregate_kind(spec: AggregateSpec, kinds: Mapping[str, str], logical: Mapping[str, str] | None = None) -> str:
    """Check an aggregate against column kinds; return the kind of its value.

    ``logical`` (a schema) lets the check refuse category columns for min and max.
    """
    text = f"{spec.fn}(`{spec.column}`)"
    if spec.column not in kinds:
        raise ExpressionError(f"aggregate {spec.name!r}: column '{spec.column}' does not exist{did_you_mean(spec.column, kinds)}", text, None)
    kind = kinds[spec.column]
    if spec.fn in ("min", "max"):
        if logical is not None and logical.get(spec.column) in ("category", "object"):
            raise ExpressionError(f"aggregate {spec.name!r}: {spec.fn} of a {logical[spec.column]} column", text, None, hint="convert it to text first (change_data_type)")
    elif kind not in NUMERIC:
        raise ExpressionError(f"aggregate {spec.name!r}: {spec.fn} needs a numeric column, '{spec.column}' is {kind}", text, None)
    return rt._bx_agg_kind(spec.fn, kind)


def aggregate_stats(spec: AggregateSpec) -> Stat:
    """The whole-dataset statistic an aggregate is computed from."""
    return Stat(AGGREGATES[spec.fn], spec.column)


def aggregate_value(spec: AggregateSpec, fitted: Any, kind: str) -> Any:
    """The aggregate's value from its fitted statistic, as a scalar of ``kind`` (``None``: none)."""
    if AGGREGATES[spec.fn] != "value_counts":
        if spec.fn == "sum" and fitted is not None and kind == "float64":
            fitted = float(fitted)
        return rt._bx_agg_cast(fitted, kind)
    return rt._bx_agg_counts(spec.fn, fitted)


def kinds_of_schema(schema: Schema) -> dict[str, str]:
    """Column -> kind for a schema (category and object columns are text)."""
    return {c: rt._bx_kind(pandas_dtype(t)) for c, t in schema.items()}


def kinds_of_frame(frame: pd.DataFrame) -> dict[str, str]:
    """Column -> kind for a frame."""
    return {c: rt._bx_kind(frame[c].dtype) for c in frame.columns}


# =========================================================================== check
def check(node: Node, text: str, kinds: Mapping[str, str], aggs: Mapping[str, str], *, role: str) -> str | None:
    """Check a tree; return the kind of a value (``None`` for null), ``"boolean"`` for a condition.

    ``role`` is ``"condition"`` or ``"value"``: the position the tree stands in.
    """
    if isinstance(node, Literal):
        kind = rt._bx_scalar_kind(node.value)
    elif isinstance(node, Column):
        if node.name not in kinds:
            raise ExpressionError(f"column '{node.name}' does not exist{did_you_mean(node.name, kinds)}", text, node.pos)
        kind = kinds[node.name]
    elif isinstance(node, Aggregate):
        if node.name not in aggs:
            known = ", ".join(sorted(aggs)) or "none"
            raise ExpressionError(
                f"aggregate ':{node.name}' is not defined{did_you_mean(node.name, aggs)}", text, node.pos, hint=f"define it in with_expressions (defined: {known})"
            )
        kind = aggs[node.name]
    else:
        if role == "value":
            raise ExpressionError("a condition stands where a value is expected", text, node.pos)
        _check_condition(node, text, kinds, aggs)
        return "boolean"
    if role == "condition" and kind != "boolean":
        what = f"a {kind} value" if kind else "null"
        raise ExpressionError(f"{what} is not a condition", text, node.pos, hint="compare it, e.g. `price` > 100")
    return kind


def _check_condition(node: Node, text: str, kinds: Mapping[str, str], aggs: Mapping[str, str]) -> None:
    if isinstance(node, Logic):
        for item in node.items:
            check(item, text, kinds, aggs, role="condition")
    elif isinstance(node, Not):
        check(node.item, text, kinds, aggs, role="condition")
    elif isinstance(node, Compare):
        a = check(node.left, text, kinds, aggs, role="value")
        b = check(node.right, text, kinds, aggs, role="value")
        _comparable(a, b, text, node.pos)
    elif isinstance(node, Call):
        first = check(node.args[0], text, kinds, aggs, role="value")
        if node.fn in ("startsWith", "endsWith", "contains", "matches", "isValid"):
            lit = node.args[1]
            if not (isinstance(lit, Literal) and isinstance(lit.value, str)):
                raise ExpressionError(f"the second argument of {node.fn} must be quoted text", text, lit.pos)
            if node.fn == "matches":
                check_pattern(lit.value, text, lit.pos)
            if node.fn == "isValid" and lit.value.lower() not in VALID_TYPES:
                raise ExpressionError(f"isValid: unknown type {lit.value!r}", text, lit.pos, hint="use number, integer, boolean, date or string")
        elif node.fn == "isBetween":
            for bound in node.args[1:]:
                _comparable(first, check(bound, text, kinds, aggs, role="value"), text, bound.pos)
    else:  # pragma: no cover - the parser builds no other node
        raise ExpressionError(f"unexpected {type(node).__name__}", text, node.pos)


def _comparable(a: str | None, b: str | None, text: str, pos: int) -> None:
    if a is None or b is None:
        return
    pair = {a, b}
    bad = ("datetime" in pair and pair & set(NUMERIC)) or ("boolean" in pair and pair - {"boolean", "string"})
    if bad:
        raise ExpressionError(f"cannot compare {a} with {b}", text, pos, hint="convert one side first (change_data_type)")


def check_pattern(pattern: str, text: str, pos: int) -> None:
    """A ``matches`` pattern must be short and compile under RE2 (linear-time matching)."""
    if len(pattern) > MAX_PATTERN:
        raise ExpressionError(f"regular expression has {len(pattern)} characters; the limit is {MAX_PATTERN}", text, pos)
    # optional heavy dependency: pyarrow (its RE2 engine), loaded only to check a pattern
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        pc.match_substring_regex(pa.array([""], type=pa.large_string()), pattern=pattern)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as e:
        reason = str(e).split(":", 1)[-1].strip()
        raise ExpressionError(
            f"invalid regular expression {pattern!r}: {reason}", text, pos, hint="RE2 syntax: no backreferences or lookarounds"
        ) from None


# =========================================================================== evaluate
def value(node: Node, frame: pd.DataFrame, aggs: Mapping[str, tuple[Any, str]]) -> tuple[Any, str | None]:
    """``(value, kind)`` of a value node: a Series for a column, a scalar otherwise."""
    if isinstance(node, Literal):
        return node.value, rt._bx_scalar_kind(node.value)
    if isinstance(node, Column):
        s = frame[node.name]
        return s, rt._bx_kind(s.dtype)
    assert isinstance(node, Aggregate)
    return aggs[node.name]


def condition(node: Node, frame: pd.DataFrame, aggs: Mapping[str, tuple[Any, str]]) -> pd.Series:
    """Nullable boolean Series: where the condition holds (missing where it is unknown)."""
    idx = frame.index
    if isinstance(node, Logic):
        parts = [condition(i, frame, aggs) for i in node.items]
        out = parts[0]
        for p in parts[1:]:
            out = (out & p) if node.op == "and" else (out | p)
        return out
    if isinstance(node, Not):
        return ~condition(node.item, frame, aggs)
    if isinstance(node, Compare):
        a, ak = value(node.left, frame, aggs)
        b, bk = value(node.right, frame, aggs)
        return rt._bx_cmp(a, ak, b, bk, node.op, idx)
    if isinstance(node, Call):
        x, xk = value(node.args[0], frame, aggs)
        if node.fn in ("startsWith", "endsWith", "contains", "matches"):
            return rt._bx_text_test(x, xk, node.fn, node.args[1].value, idx)  # type: ignore[attr-defined]
        if node.fn == "isBetween":
            lo, lk = value(node.args[1], frame, aggs)
            hi, hk = value(node.args[2], frame, aggs)
            return rt._bx_cmp(x, xk, lo, lk, ">=", idx) & rt._bx_cmp(x, xk, hi, hk, "<=", idx)
        if node.fn == "isMissing":
            return rt._bx_missing(x, xk, idx)
        return rt._bx_valid(x, xk, node.args[1].value.lower(), idx)  # type: ignore[attr-defined]
    v, k = value(node, frame, aggs)
    return rt._bx_truth(v, k, idx)


def pick(case: Case, frame: pd.DataFrame, aggs: Mapping[str, tuple[Any, str]]) -> pd.Series:
    """The values of a CASE tree (first condition that holds; else the default or missing)."""
    conds = [condition(c, frame, aggs) for c, _ in case.whens]
    values = [value(v, frame, aggs) for _, v in case.whens]
    default = value(case.default, frame, aggs) if case.default is not None else None
    return rt._bx_pick(conds, values, default, frame.index)


# =========================================================================== export
def value_code(node: Node) -> str:
    """Exported code of a value node: a ``(value, kind)`` tuple expression."""
    if isinstance(node, Literal):
        return f"({node.value!r}, {rt._bx_scalar_kind(node.value)!r})"
    if isinstance(node, Column):
        ref = f"df[{node.name!r}]"
        return f"({ref}, _bx_kind({ref}.dtype))"
    assert isinstance(node, Aggregate)
    return f"_aggs[{node.name!r}]"


def condition_code(node: Node) -> str:
    """Exported code of a condition: an expression giving the nullable boolean Series."""
    if isinstance(node, Logic):
        joiner = " & " if node.op == "and" else " | "
        return "(" + joiner.join(condition_code(i) for i in node.items) + ")"
    if isinstance(node, Not):
        return f"(~{condition_code(node.item)})"
    if isinstance(node, Compare):
        return f"_bx_cmp(*{value_code(node.left)}, *{value_code(node.right)}, {node.op!r}, df.index)"
    if isinstance(node, Call):
        x = value_code(node.args[0])
        if node.fn in ("startsWith", "endsWith", "contains", "matches"):
            return f"_bx_text_test(*{x}, {node.fn!r}, {node.args[1].value!r}, df.index)"  # type: ignore[attr-defined]
        if node.fn == "isBetween":
            lo, hi = value_code(node.args[1]), value_code(node.args[2])
            return f"(_bx_cmp(*{x}, *{lo}, '>=', df.index) & _bx_cmp(*{x}, *{hi}, '<=', df.index))"
        if node.fn == "isMissing":
            return f"_bx_missing(*{x}, df.index)"
        return f"_bx_valid(*{x}, {node.args[1].value.lower()!r}, df.index)"  # type: ignore[attr-defined]
    return f"_bx_truth(*{value_code(node)}, df.index)"


def aggregates_code(specs: list[AggregateSpec], fitted: Mapping[str, Any]) -> list[str]:
    """Exported code binding ``_aggs`` = ``{name: (value, kind)}``: fitted values as literals
    when the engine has them, else computed with pandas on the whole ``df``."""
    lines = ["_aggs = {}"]
    for spec in specs:
        ref = f"df[{spec.column!r}]"
        kind = f"_bx_agg_kind({spec.fn!r}, _bx_kind({ref}.dtype))"
        if spec.name not in fitted:
            raw = f"_bx_agg({spec.fn!r}, {ref})"
        elif AGGREGATES[spec.fn] == "value_counts":
            raw = f"_bx_agg_counts({spec.fn!r}, {literal(fitted[spec.name])})"
        else:
            raw = literal(fitted[spec.name])
        lines.append(f"_k = {kind}")
        lines.append(f"_aggs[{spec.name!r}] = (_bx_agg_cast({raw}, _k), _k)")
    return lines
