"""IS_EVEN: flag whether a number is even.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ISEVEN.html

Semantics
---------
- A whole number is even when divisible by 2, else odd (negative numbers too: -3 is odd, 0 is
  even). Numbers with a fraction are neither even nor odd: they get ``false_string`` (DataBrew's
  page: "decimals -> false").
- The flag is text: ``true_string`` / ``false_string`` (defaults ``True`` / ``False``, as
  FLAG_OUTLIERS's documented defaults). A missing number gets a missing flag.
- The source is a numeric column; the flag goes to the new ``target_column`` right after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.flags import _bc_flag_parity
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops._value_functions import FlagParams
from brewdesk.recipes.ops.base import Kind, Operation, check_columns, column, new_column


class IsEvenParams(FlagParams):
    source_column: str = column(types=("int64", "float64"), description="Number column")
    target_column: str = new_column(description="New column with the flag")


class IsEven(Operation):
    """Flag even whole numbers."""

    id = "is_even"
    kind = Kind.ROW
    category = "Functions"
    title = "Is even"
    databrew = ("IS_EVEN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ISEVEN.html"
    Params = IsEvenParams
    remainder = 0
    word = "even"

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return place_schema(schema, params.target_column, "string", params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        flag = _bc_flag_parity(frame[params.source_column], self.remainder, params.true_string, params.false_string)
        return place(frame, params.target_column, flag, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        expr = f"_bc_flag_parity(df[{col!r}], {self.remainder}, {params.true_string!r}, {params.false_string!r})"
        return place_code(params.target_column, expr, col)

    def describe(self, params: Any) -> str:
        return f"Flag {self.word} numbers of {params.source_column} in {params.target_column}"


OPERATION = IsEven()
