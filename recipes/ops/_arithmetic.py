"""Base of ADD, SUBTRACT, MULTIPLY, DIVIDE and MOD (not an operation: the registry skips ``_``
modules): two operands, each a numeric column or a literal number, into a new column, computed
by the kernel :func:`~brewdesk.recipes.kernels.numbers._bd_arith`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import pandas as pd
from brewdesk.recipes.kernels.numbers import _bd_arith
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._plumbing import (
    check_one_of,
    databrew_operands,
    first_column,
    operand,
    operand_code,
    operand_type,
    operands_to_databrew,
    place,
    place_code,
    place_schema,
)
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, column, new_column
from pydantic import Field, model_validator


class BinaryParams(Params):
    """Two operands, each a numeric column or a literal number, and the new column."""

    source_column1: str | None = column(None, types=("int64", "float64"), description="First operand column")
    value1: int | float | None = Field(None, description="First operand value (instead of a column)")
    source_column2: str | None = column(None, types=("int64", "float64"), description="Second operand column")
    value2: int | float | None = Field(None, description="Second operand value (instead of a column)")
    target_column: str = new_column(description="New column")

    @model_validator(mode="after")
    def _operands(self) -> BinaryParams:
        check_one_of(self, "source_column1", "value1")
        check_one_of(self, "source_column2", "value2")
        return self


class ArithmeticOperation(Operation):
    """Base of ADD, SUBTRACT, MULTIPLY, DIVIDE and MOD (:func:`_bd_arith`)."""

    kind = Kind.ROW
    category = "Functions"
    symbol: ClassVar[str]
    int_result: ClassVar[bool] = True

    @property
    def op_name(self) -> str:
        return self.databrew[0]

    def _after(self, params: Any) -> str | None:
        return first_column(params.source_column1, params.source_column2)

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        types = {operand_type(schema, params.source_column1, params.value1),
                 operand_type(schema, params.source_column2, params.value2)}
        out = "int64" if self.int_result and types == {"int64"} else "float64"
        return place_schema(schema, params.target_column, out, self._after(params))

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        a = operand(frame, params.source_column1, params.value1)
        b = operand(frame, params.source_column2, params.value2)
        return place(frame, params.target_column, _bd_arith(a, b, self.op_name), self._after(params))

    def describe(self, params: Any) -> str:
        a = params.source_column1 if params.source_column1 is not None else repr(params.value1)
        b = params.source_column2 if params.source_column2 is not None else repr(params.value2)
        return f"{params.target_column} = {a} {self.symbol} {b}"

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        a = operand_code(params.source_column1, params.value1)
        b = operand_code(params.source_column2, params.value2)
        expr = f"_bd_arith({a}, {b}, {self.op_name!r})"
        return place_code(params.target_column, expr, self._after(params))

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        return {**databrew_operands(parameters), "target_column": parameters["targetColumn"]}

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        return self.op_name, {**operands_to_databrew(params), "targetColumn": params.target_column}
