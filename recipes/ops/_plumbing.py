"""Operation plumbing shared by the operations (not an operation: the registry skips ``_`` modules).

- Placement of a created column (:func:`place`, :func:`place_schema`, :func:`place_code`): an
  existing column is overwritten in place; a new one goes right after the first column the step
  reads, or at the end when the step reads none (DataBrew's pages are silent).
- Operands given as "a column or a literal" (:func:`operand`, :func:`operand_code`,
  :func:`operand_type`, :func:`check_one_of`) and DataBrew's numbered ``sourceColumnN | valueN``
  keys (:func:`databrew_operands`, :func:`operands_to_databrew`).
- DataBrew import helpers (:func:`databrew_error`, :func:`decode_json`).
- Checking a step's regular expression (:func:`check_regex`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import pandas as pd
from brewdesk.recipes.model.errors import RecipeFormatError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import StepProblem, insert_after


# =========================================================================== placement
def place(frame: pd.DataFrame, name: str, values: pd.Series, after: str | None) -> pd.DataFrame:
    """Return a copy of ``frame`` with column ``name`` set to ``values``.

    An existing column is overwritten in place; a new one goes right after ``after`` (at the end
    when ``after`` is ``None``).
    """
    if name in frame.columns:
        out = frame.copy(deep=False)
        out[name] = values
        return out
    if after is None:
        out = frame.copy(deep=False)
        out[name] = values
        return out
    return insert_after(frame, name, values, after)


def place_schema(schema: Schema, name: str, logical: str, after: str | None) -> Schema:
    """The schema effect of :func:`place`."""
    if name in schema or after is None:
        return schema.with_column(name, logical)
    return schema.with_column(name, logical, after=after)


def place_code(name: str, expr: str, after: str | None) -> str:
    """Exported code doing :func:`place` with ``expr`` (an expression on ``df``)."""
    if after is None or name == after:
        return f"df[{name!r}] = {expr}"
    return (
        f"_v = {expr}\n"
        f"if {name!r} in df.columns:\n"
        f"    df[{name!r}] = _v\n"
        f"else:\n"
        f"    df.insert(df.columns.get_loc({after!r}) + 1, {name!r}, _v)"
    )


# =========================================================================== operands
def operand(frame: pd.DataFrame, column: str | None, value: Any) -> pd.Series:
    """An operand given as a column or a literal, as a Series over ``frame``'s index."""
    if column is not None:
        return frame[column]
    return pd.Series([value] * len(frame), index=frame.index, dtype=_literal_dtype(value))


def _literal_dtype(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "Int64"
    if isinstance(value, float):
        return "Float64"
    return "string[pyarrow]"


def operand_code(column: str | None, value: Any) -> str:
    """Exported-code expression of an operand."""
    if column is not None:
        return f"df[{column!r}]"
    return f"pd.Series([{value!r}] * len(df), index=df.index, dtype={_literal_dtype(value)!r})"


def operand_type(schema: Schema, column: str | None, value: Any) -> str:
    """Logical type of an operand."""
    if column is not None:
        return schema[column]
    return {"boolean": "boolean", "Int64": "int64", "Float64": "float64"}.get(_literal_dtype(value), "string")


def first_column(*columns: str | None) -> str | None:
    """The first column named (where a created column is placed after)."""
    return next((c for c in columns if c is not None), None)


def databrew_operands(parameters: Mapping[str, Any], count: int = 2) -> dict[str, Any]:
    """DataBrew ``sourceColumnN | valueN`` keys as ``source_columnN`` / ``valueN`` params.

    Also accepts ADD's documented form ``sourceColumn1`` + ``value1`` (no second column), where
    ``value1`` is the second operand, and the unnumbered ``sourceColumn``/``value``.
    """
    cols = {i: parameters.get(f"sourceColumn{i}") for i in range(1, count + 1)}
    vals = {i: parameters.get(f"value{i}") for i in range(1, count + 1)}
    if cols[1] is None and "sourceColumn" in parameters:
        cols[1] = parameters["sourceColumn"]
    if vals[1] is None and "value" in parameters and cols[1] is None:
        vals[1] = parameters["value"]
    if count >= 2 and cols[1] is not None and vals[1] is not None and cols[2] is None and vals[2] is None:
        vals[2], vals[1] = vals[1], None
    out: dict[str, Any] = {}
    for i in range(1, count + 1):
        if cols[i] is not None:
            out[f"source_column{i}"] = cols[i]
        elif vals[i] is not None:
            out[f"value{i}"] = vals[i]
    return out


def operands_to_databrew(params: Any, count: int = 2) -> dict[str, str]:
    """The inverse of :func:`databrew_operands` (numbered keys)."""
    out: dict[str, str] = {}
    for i in range(1, count + 1):
        col = getattr(params, f"source_column{i}")
        if col is not None:
            out[f"sourceColumn{i}"] = col
        else:
            out[f"value{i}"] = str(getattr(params, f"value{i}"))
    return out


def check_one_of(params: Any, column_field: str, value_field: str, *, required: bool = True) -> None:
    """Pydantic ``after`` validator body: a column or a literal, not both (nor neither)."""
    has_col = getattr(params, column_field) is not None
    has_val = getattr(params, value_field) is not None
    if has_col and has_val:
        raise ValueError(f"give {column_field} or {value_field}, not both")
    if required and not (has_col or has_val):
        raise ValueError(f"give {column_field} or {value_field}")


# =========================================================================== DataBrew import
def databrew_error(message: str) -> RecipeFormatError:
    """The error ``from_databrew`` raises for parameters Brewdesk cannot represent."""
    return RecipeFormatError(message)


def decode_json(value: Any) -> Any:
    """A DataBrew parameter that may be a JSON-encoded string."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def check_regex(pattern: str, field: str) -> int:
    """Check a regular expression compiles (Python ``re`` syntax); return its group count.

    pandas runs string regexes with pyarrow's RE2 only where RE2 behaves exactly like Python's
    ``re`` and falls back to ``re`` otherwise, so Python's syntax and semantics hold throughout
    (lookarounds and backreferences included; ``\\w``, ``\\d``, ``\\s`` are Unicode-aware).

    Raises
    ------
    StepProblem
        When it does not compile.
    """
    try:
        return re.compile(pattern).groups
    except re.error as e:
        raise StepProblem(f"invalid regular expression {pattern!r}: {e}", field=field) from None


# =========================================================================== one kernel call
class KernelCall:
    """Mixin of operations whose result is one kernel call ``kernel(s, *arguments)``: the same
    call computes it in ``apply()`` (:meth:`kernel_result`) and is written by ``to_code()``
    (:meth:`kernel_code`), so the two cannot differ.

    A subclass declares ``kernel = staticmethod(<a kernel of brewdesk.recipes.kernels>)`` and,
    when the kernel takes more than the Series, :meth:`arguments`.
    """

    kernel: ClassVar[Callable[..., pd.Series] | None] = None
    """The kernel (declared with ``staticmethod``); ``None`` when the subclass spells out its
    result and its code itself."""

    def arguments(self, params: Any) -> tuple[Any, ...]:
        """The kernel's arguments after the Series: plain values, written into code with ``repr``."""
        return ()

    def kernel_result(self, params: Any, s: pd.Series) -> pd.Series:
        """``kernel(s, *arguments)``."""
        if self.kernel is None:
            raise NotImplementedError(f"{type(self).__name__} declares no kernel")
        return self.kernel(s, *self.arguments(params))

    def kernel_code(self, params: Any, src: str) -> str:
        """The exported expression of :meth:`kernel_result`, ``src`` being the Series' expression."""
        if self.kernel is None:
            raise NotImplementedError(f"{type(self).__name__} declares no kernel")
        args = "".join(f", {a!r}" for a in self.arguments(params))
        return f"{self.kernel.__name__}({src}{args})"
