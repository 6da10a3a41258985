"""DataBrew's condition expressions: restrict the rows a step touches.

Follows the *Recipe structure* page of the DataBrew developer guide
(https://docs.aws.amazon.com/databrew/latest/dg/recipes.html#recipes.structure): a step may
carry several ``{"Condition", "Value", "TargetColumn"}`` expressions, combined with AND. The
action is performed only on rows where every condition holds.

Choices where DataBrew's page is silent (tested in tests/recipes/test_conditions.py):

- A missing cell satisfies no condition except ``IS_MISSING`` (and ``IS_NOT`` is false on it too,
  as in SQL's three-valued logic).
- ``IS`` / ``IS_NOT`` take a list of values (DataBrew: a JSON list string, ``"[\\"draw\\"]"``);
  values are compared in the column's type (numbers as numbers, text exactly).
- ``IS_BETWEEN`` takes ``{"start": a, "end": b}`` (or ``[a, b]``), both bounds inclusive.
- Text conditions (CONTAINS, STARTS_WITH, ...) are case-sensitive and compare the cell's text.
- ``IS_INVALID`` is true for a text cell that cannot be read as the type named by ``value``
  (``number`` by default, or ``integer``, ``boolean``, ``date``); typed columns hold no invalid
  values.
- ``IS_MISSING`` is true for missing cells and for empty or blank text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from brewdesk.recipes.model.errors import StepError, did_you_mean
from brewdesk.recipes.model.types import Schema
from pydantic import BaseModel, ConfigDict, Field, field_validator

ConditionName = Literal[
    "IS",
    "IS_NOT",
    "IS_BETWEEN",
    "CONTAINS",
    "NOT_CONTAINS",
    "STARTS_WITH",
    "NOT_STARTS_WITH",
    "ENDS_WITH",
    "NOT_ENDS_WITH",
    "LESS_THAN",
    "LESS_THAN_EQUAL",
    "GREATER_THAN",
    "GREATER_THAN_EQUAL",
    "IS_INVALID",
    "IS_MISSING",
]
CONDITIONS: tuple[str, ...] = ConditionName.__args__  # type: ignore[attr-defined]
_TEXT = {"CONTAINS", "NOT_CONTAINS", "STARTS_WITH", "NOT_STARTS_WITH", "ENDS_WITH", "NOT_ENDS_WITH"}
_ORDER = {"LESS_THAN", "LESS_THAN_EQUAL", "GREATER_THAN", "GREATER_THAN_EQUAL", "IS_BETWEEN"}


class Condition(BaseModel):
    """One condition expression: ``condition`` applied to ``target_column`` with ``value``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    condition: ConditionName
    target_column: str = Field(min_length=1)
    value: Any = None

    @field_validator("value")
    @classmethod
    def _freeze(cls, v: Any) -> Any:
        if isinstance(v, list):
            return tuple(v)
        return v

    def describe(self) -> str:
        """Human phrase, e.g. ``"carrier is one of AA, UA"``."""
        c, col = self.condition, self.target_column
        if c == "IS_MISSING":
            return f"{col} is missing"
        if c == "IS_INVALID":
            return f"{col} is not a valid {self.value or 'number'}"
        if c in {"IS", "IS_NOT"}:
            vals = ", ".join(str(v) for v in _as_list(self.value))
            return f"{col} {'is' if c == 'IS' else 'is not'} {vals}"
        if c == "IS_BETWEEN":
            lo, hi = _bounds(self.value)
            return f"{col} is between {lo} and {hi}"
        return f"{col} {c.lower().replace('_', ' ')} {self.value}"

    def to_json(self) -> dict[str, Any]:
        """The native recipe-file form."""
        v = list(self.value) if isinstance(self.value, tuple) else self.value
        return {"condition": self.condition, "target_column": self.target_column, "value": v}


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return [value]
        return list(parsed) if isinstance(parsed, list) else [parsed]
    return [] if value is None else [value]


def _bounds(value: Any) -> tuple[Any, Any]:
    if isinstance(value, str):
        value = json.loads(value)
    if isinstance(value, dict):
        lo = value.get("start", value.get("lower", value.get("min")))
        hi = value.get("end", value.get("upper", value.get("max")))
        return lo, hi
    if isinstance(value, list | tuple) and len(value) == 2:
        return value[0], value[1]
    raise StepError(f"IS_BETWEEN needs two bounds, got {value!r}", hint='use {"start": a, "end": b}')


def _typed(values: Sequence[Any], s: pd.Series) -> list[Any]:
    """Convert condition values to the column's type (numbers, datetimes, booleans, text)."""
    if pd.api.types.is_bool_dtype(s.dtype):
        return [str(v).strip().lower() in {"true", "1", "yes"} if isinstance(v, str) else bool(v) for v in values]
    if pd.api.types.is_numeric_dtype(s.dtype):
        out = pd.to_numeric(pd.Series(list(values), dtype="object"), errors="coerce")
        if out.isna().any():
            bad = [v for v, o in zip(values, out, strict=True) if pd.isna(o)]
            raise StepError(f"condition value {bad[0]!r} is not a number (column '{s.name}')")
        return list(out)
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        try:
            return list(pd.to_datetime(pd.Series(list(values), dtype="object")))
        except (ValueError, TypeError) as e:
            raise StepError(f"condition value is not a date (column '{s.name}'): {e}") from None
    return [str(v) for v in values]


def _text(s: pd.Series) -> pd.Series:
    return s if pd.api.types.is_string_dtype(s.dtype) and not pd.api.types.is_object_dtype(s.dtype) else s.astype("string")


def evaluate(cond: Condition, frame: pd.DataFrame) -> np.ndarray:
    """Boolean mask (numpy, one entry per row) of the rows where ``cond`` holds.

    Raises
    ------
    StepError
        When the target column does not exist or a value does not fit the column's type.
    """
    col = cond.target_column
    if col not in frame.columns:
        raise StepError(f"condition column '{col}' does not exist{did_you_mean(col, frame.columns)}")
    s = frame[col]
    missing = s.isna().to_numpy(dtype=bool)
    c = cond.condition
    if c == "IS_MISSING":
        if pd.api.types.is_string_dtype(s.dtype) or pd.api.types.is_object_dtype(s.dtype):
            blank = _text(s).str.strip().eq("").fillna(False).to_numpy(dtype=bool)
            return missing | blank
        return missing
    if c == "IS_INVALID":
        return ~missing & _invalid(s, str(cond.value or "number"))
    if c in _TEXT:
        t = _text(s)
        v = str(cond.value)
        base = c.removeprefix("NOT_")
        if base == "CONTAINS":
            hit = t.str.contains(v, regex=False)
        elif base == "STARTS_WITH":
            hit = t.str.startswith(v)
        else:
            hit = t.str.endswith(v)
        hit_np = hit.fillna(False).to_numpy(dtype=bool)
        return ~missing & (~hit_np if c.startswith("NOT_") else hit_np)
    if c in {"IS", "IS_NOT"}:
        values = _typed(_as_list(cond.value), s)
        if pd.api.types.is_string_dtype(s.dtype) or isinstance(s.dtype, pd.CategoricalDtype):
            hit = _text(s).isin(values)
        else:
            hit = s.isin(values)
        hit_np = hit.fillna(False).to_numpy(dtype=bool)
        return ~missing & (hit_np if c == "IS" else ~hit_np)
    # ordered comparisons
    if c == "IS_BETWEEN":
        lo, hi = _typed(list(_bounds(cond.value)), s)
        res = (s >= lo) & (s <= hi)
    else:
        (v,) = _typed([cond.value], s)
        res = {
            "LESS_THAN": s < v,
            "LESS_THAN_EQUAL": s <= v,
            "GREATER_THAN": s > v,
            "GREATER_THAN_EQUAL": s >= v,
        }[c]
    return ~missing & pd.Series(res).fillna(False).to_numpy(dtype=bool)


def _invalid(s: pd.Series, kind: str) -> np.ndarray:
    if not (pd.api.types.is_string_dtype(s.dtype) or pd.api.types.is_object_dtype(s.dtype)):
        return np.zeros(len(s), dtype=bool)
    t = _text(s).str.strip()
    kind = kind.lower()
    if kind in {"number", "double", "float", "decimal"}:
        ok = pd.to_numeric(t, errors="coerce").notna()
    elif kind in {"integer", "int", "long"}:
        num = pd.to_numeric(t, errors="coerce")
        ok = num.notna() & (num.fillna(0) % 1 == 0)
    elif kind == "boolean":
        ok = t.str.lower().isin(["true", "false", "1", "0", "yes", "no"])
    elif kind in {"date", "timestamp", "datetime"}:
        ok = pd.to_datetime(t, errors="coerce", format="mixed").notna()
    else:
        raise StepError(f"IS_INVALID: unknown type {kind!r}", hint="use number, integer, boolean or date")
    return ~ok.fillna(False).to_numpy(dtype=bool)


def mask(conditions: Sequence[Condition], frame: pd.DataFrame) -> np.ndarray:
    """Rows where every condition holds (AND); all rows when there is none."""
    out = np.ones(len(frame), dtype=bool)
    for cond in conditions:
        out &= evaluate(cond, frame)
    return out


def check(conditions: Sequence[Condition], schema: Schema) -> list[str]:
    """Problems with conditions against a schema, without data (missing columns, bad values)."""
    problems = []
    for cond in conditions:
        if cond.target_column not in schema:
            problems.append(
                f"condition column '{cond.target_column}' does not exist"
                f"{did_you_mean(cond.target_column, schema)}"
            )
            continue
        t = schema[cond.target_column]
        if cond.condition in _ORDER and t not in {"int64", "float64", "datetime", "string"}:
            problems.append(f"condition {cond.condition} cannot compare a {t} column")
        if cond.condition == "IS_BETWEEN":
            try:
                _bounds(cond.value)
            except (StepError, ValueError) as e:
                problems.append(str(e))
    return problems


def to_code(conditions: Sequence[Condition]) -> str:
    """Python expression for the mask, using ``brewdesk``-free pandas (for code export)."""
    parts = []
    for cond in conditions:
        col = f"df[{cond.target_column!r}]"
        c, v = cond.condition, cond.value
        if c == "IS_MISSING":
            parts.append(f"({col}.isna() | {col}.astype('string').str.strip().eq(''))")
        elif c in {"IS", "IS_NOT"}:
            vals = _as_list(v)
            e = f"{col}.isin({vals!r})"
            parts.append(f"({col}.notna() & {'~' if c == 'IS_NOT' else ''}{e})")
        elif c in _TEXT:
            base = c.removeprefix("NOT_")
            meth = {"CONTAINS": "contains", "STARTS_WITH": "startswith", "ENDS_WITH": "endswith"}[base]
            extra = ", regex=False" if base == "CONTAINS" else ""
            e = f"{col}.astype('string').str.{meth}({str(v)!r}{extra}).fillna(False)"
            parts.append(f"({col}.notna() & {'~' if c.startswith('NOT_') else ''}{e})")
        elif c == "IS_BETWEEN":
            lo, hi = _bounds(v)
            parts.append(f"{col}.between({lo!r}, {hi!r}).fillna(False)")
        elif c == "IS_INVALID":
            parts.append(f"({col}.notna() & pd.to_numeric({col}, errors='coerce').isna())")
        else:
            op = {"LESS_THAN": "<", "LESS_THAN_EQUAL": "<=", "GREATER_THAN": ">", "GREATER_THAN_EQUAL": ">="}[c]
            parts.append(f"({col} {op} {v!r}).fillna(False)")
    return " & ".join(parts) if parts else "True"
