"""COALESCE: the first non-missing value of several columns, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.COALESCE.html

Semantics
---------
- For each row, ``target_column`` gets the value of the first of ``source_columns`` (in the order
  given) that is not null; null when all of them are null. Empty text is a value, not missing
  (COALESCE is SQL's null rule; DataBrew's page does not say; documented choice).
- Types: columns of one type give that type; a mix of ``int64`` and ``float64`` gives
  ``float64``; text and category columns give text. Any other mix is a validation problem
  (convert first with change_data_type), rather than guessing a text rendering.
- The new column goes right after the first of ``source_columns``.
- DataBrew's ``sourceColumns`` is a JSON list in a string.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema, logical_type, pandas_dtype
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    check_columns,
    columns,
    new_column,
)


class CoalesceParams(Params):
    source_columns: list[str] = columns(description="Columns to take the first non-missing value from, in order")
    target_column: str = new_column(description="New column with the result")


def result_type(types: list[str]) -> str:
    """Logical type of the result; :class:`StepProblem` when the types do not combine."""
    kinds = set(types)
    if len(kinds) == 1 and kinds != {"category"}:
        return types[0]
    if kinds <= {"int64", "float64"}:
        return "float64"
    if kinds <= {"string", "category"}:
        return "string"
    raise StepProblem(
        f"cannot coalesce columns of types {', '.join(sorted(kinds))}; convert them to one type first",
        field="source_columns",
    )


class Coalesce(Operation):
    """The first non-null value of several columns."""

    id = "coalesce"
    kind = Kind.ROW
    category = "Functions"
    title = "Coalesce"
    databrew = ("COALESCE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.COALESCE.html"
    Params = CoalesceParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        logical = result_type([schema[c] for c in params.source_columns])
        return place_schema(schema, params.target_column, logical, params.source_columns[0])

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        try:
            logical = result_type([logical_type(frame[c].dtype) for c in params.source_columns])
        except StepProblem as e:
            raise StepError(e.message) from None
        dtype = pandas_dtype(logical)
        out = frame[params.source_columns[0]].astype(dtype)
        for c in params.source_columns[1:]:
            out = out.fillna(frame[c].astype(dtype))
        return place(frame, params.target_column, out, params.source_columns[0])

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        return "\n".join(
            [
                f"_cols = {params.source_columns!r}",
                "_types = {'float64' if pd.api.types.is_float_dtype(df[_c].dtype) else 'int64' "
                "if pd.api.types.is_integer_dtype(df[_c].dtype) else 'string' "
                "if isinstance(df[_c].dtype, pd.CategoricalDtype) else str(df[_c].dtype) for _c in _cols}",
                "_dtype = df[_cols[0]].dtype if len(_types) == 1 and not isinstance(df[_cols[0]].dtype, "
                "pd.CategoricalDtype) else 'Float64' if _types <= {'int64', 'float64'} else pd.StringDtype('pyarrow')",
                "_out = df[_cols[0]].astype(_dtype)",
                "for _c in _cols[1:]:",
                "    _out = _out.fillna(df[_c].astype(_dtype))",
                place_code(params.target_column, "_out", params.source_columns[0]),
            ]
        )

    def describe(self, params: Any) -> str:
        return f"First non-null of {', '.join(params.source_columns)} into {params.target_column}"


OPERATION = Coalesce()
