"""Bases of the catalogue functions (text, math, date, flag operations); not an operation.

:class:`ValueFunction`, the base of the DataBrew functions whose input is ``sourceColumn | value``
(a column, or one literal for every row) and whose result goes to a new ``targetColumn``;
:class:`FlagParams` for the ``trueString``/``falseString`` flags; :class:`TextCompare`, the base
of the text comparisons. Their kernels (``_bc_*``) are in :mod:`brewdesk.recipes.kernels` (text,
numbers, dates, flags).

Placement follows :mod:`._plumbing`: a created column goes right after the column the step reads,
or at the end when the step reads a literal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

import pandas as pd
from brewdesk.recipes.kernels.text import _bc_compare
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops._plumbing import (
    KernelCall,
    check_one_of,
    check_regex,
    operand,
    operand_code,
    place,
    place_code,
    place_schema,
)
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    check_columns,
    column,
    new_column,
)
from pydantic import Field, model_validator


# =========================================================================== plumbing
def regex_problem(pattern: str, field: str, *, wrap: str = "(?:{})") -> None:
    """Check a user regex alone and inside the helper's wrapper; raise :class:`StepProblem`."""
    check_regex(pattern, field)
    try:
        re.compile(wrap.format(pattern))
    except re.error as e:
        raise StepProblem(f"invalid regular expression {pattern!r}: {e}", field=field) from None


class TextValueParams(Params):
    """A text column or a literal text value, and the new column."""

    source_column: str | None = column(None, types=TEXT_TYPES, description="Text column (or give value)")
    value: str | None = Field(None, description="Literal text used for every row (instead of a column)")
    target_column: str = new_column(description="New column with the result")

    @model_validator(mode="after")
    def _operand(self) -> TextValueParams:
        check_one_of(self, "source_column", "value")
        return self


class ValueFunction(KernelCall, Operation):
    """Base of the functions reading ``source_column`` or a literal ``value`` into ``target_column``.

    Subclasses set ``out_logical`` and declare a ``kernel`` (:class:`KernelCall`) or define
    :meth:`compute` (a kernel call on the operand, read as text when ``text_input``) and
    :meth:`code` (the same call as an exported expression).
    """

    kind = Kind.ROW
    category = "Functions"
    out_logical: ClassVar[str] = "string"
    text_input: ClassVar[bool] = True

    def check(self, params: Any, schema: Schema) -> None:
        """Extra validation without data (raise :class:`StepProblem`)."""

    def compute(self, params: Any, s: pd.Series) -> pd.Series:
        return self.kernel_result(params, s)

    def code(self, params: Any, src: str) -> str:
        return self.kernel_code(params, src)

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        self.check(params, schema)
        return place_schema(schema, params.target_column, self.out_logical, params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        s = operand(frame, params.source_column, params.value)
        if self.text_input:
            s = s.astype("string[pyarrow]")
        return place(frame, params.target_column, self.compute(params, s), params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        src = operand_code(params.source_column, params.value)
        if self.text_input:
            src = f"{src}.astype('string[pyarrow]')"
        return place_code(params.target_column, self.code(params, src), params.source_column)

    def source_words(self, params: Any) -> str:
        """The operand for describe(): the column name, or the literal in quotes."""
        return params.source_column if params.source_column is not None else repr(params.value)


class FlagParams(Params):
    """``trueString`` / ``falseString`` of DataBrew's flag operations (defaults ``True`` / ``False``)."""

    true_string: str = Field("True", description="Text written where the flag holds")
    false_string: str = Field("False", description="Text written elsewhere")


class TextPairParams(Params):
    """Two text operands, each a column or a literal, and the new column."""

    source_column1: str | None = column(None, types=TEXT_TYPES, description="First text column")
    value1: str | None = Field(None, description="First text (instead of a column)")
    source_column2: str | None = column(None, types=TEXT_TYPES, description="Second text column")
    value2: str | None = Field(None, description="Second text (instead of a column)")
    target_column: str = new_column(description="New column with the result")

    @model_validator(mode="after")
    def _operands(self) -> TextPairParams:
        check_one_of(self, "source_column1", "value1")
        check_one_of(self, "source_column2", "value2")
        return self


class TextCompare(Operation):
    """Base of EXACT and STRING_GREATER_THAN & co: a boolean from comparing two texts.

    Texts are compared by Unicode code point (binary, case-sensitive: ``"B" < "a"``), as Spark
    compares strings. A missing operand gives a missing result. The new column goes right after
    the first operand column (at the end when both are literals).
    """

    kind = Kind.ROW
    category = "Functions"
    symbol: ClassVar[str]
    """The Python comparison operator."""

    def _after(self, params: Any) -> str | None:
        return params.source_column1 if params.source_column1 is not None else params.source_column2

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return place_schema(schema, params.target_column, "boolean", self._after(params))

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        a = operand(frame, params.source_column1, params.value1)
        b = operand(frame, params.source_column2, params.value2)
        out = _bc_compare(a, b, self.symbol)
        return place(frame, params.target_column, out, self._after(params))

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        a = operand_code(params.source_column1, params.value1)
        b = operand_code(params.source_column2, params.value2)
        expr = f"_bc_compare({a}, {b}, {self.symbol!r})"
        return place_code(params.target_column, expr, self._after(params))

    def describe(self, params: Any) -> str:
        a = params.source_column1 if params.source_column1 is not None else repr(params.value1)
        b = params.source_column2 if params.source_column2 is not None else repr(params.value2)
        return f"{params.target_column} = {a} {self.symbol} {b} (text)"

