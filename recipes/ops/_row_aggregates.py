"""Row-wise aggregate functions across the listed columns of each row (not an operation).

DataBrew's *aggregate functions* (ANY, AVERAGE, COUNT, COUNT_DISTINCT, KTH_LARGEST,
KTH_LARGEST_UNIQUE, MAX, MEDIAN, MIN, MODE, STANDARD_DEVIATION, SUM, VARIANCE) take
``sourceColumns`` and write, for every row, one value computed from that row's cells in those
columns into a new ``targetColumn``. They read no other row, so they are ``ROW`` operations.

Category page: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.aggregate.html

Shared semantics (documented choices where DataBrew's pages are silent)
----------------------------------------------------------------------
- **Numbers** (AVERAGE, KTH_LARGEST, KTH_LARGEST_UNIQUE, MAX, MEDIAN, MIN, MODE,
  STANDARD_DEVIATION, SUM, VARIANCE): DataBrew says "any non-number is ignored". Integer and
  decimal columns are read as numbers; text (and category) columns are read as numbers where the
  text, surrounding spaces aside, is one (``" 12 "``, ``"1e3"``) and ignored elsewhere (and
  ``"inf"``/``"nan"`` text is ignored). Missing cells are ignored. Boolean and datetime columns
  are refused when the recipe is validated (convert them first with change_data_type).
- A row with no number left gives a missing result (SUM included: the sum of nothing is missing,
  not 0, so "no data" stays visible).
- **Result types**: SUM, MAX, MIN, KTH_LARGEST, KTH_LARGEST_UNIQUE and MODE (tie rules MINIMUM,
  MAXIMUM, NONE) give ``int64`` when every listed column is an integer column (exact, no float
  rounding; an integer SUM beyond +/-9.2e18 wraps like int64 arithmetic), else ``float64``.
  AVERAGE, MEDIAN, STANDARD_DEVIATION, VARIANCE and MODE with the AVERAGE rule give ``float64``;
  COUNT and COUNT_DISTINCT give ``int64``.
- **VARIANCE** is the population variance, ``sum((x - mean)^2) / count``, as DataBrew's VARIANCE
  page defines it (ddof = 0); **STANDARD_DEVIATION** is its square root (ddof = 0; its page gives
  no formula). One number gives 0.
- **MEDIAN** of an even count is the mean of the two middle numbers.
- **MODE**: the number seen most often in the row; ties are resolved by ``mode_type``
  (DataBrew's ``modeType``, the "modal function" of its MODE page, as in ROLLING_MODE): MINIMUM
  (the default) the smallest tied number, MAXIMUM the largest, AVERAGE the mean of the tied
  numbers, NONE missing. When every number appears once, all of them tie.
- **KTH_LARGEST**: the k-th number in descending order, duplicates counted (``[5, 5, 3]``, k=2 ->
  5); **KTH_LARGEST_UNIQUE** counts each distinct number once (k=2 -> 3). ``value`` (k) must be
  at least 1 and at most the number of listed columns (checked when the recipe is validated); a
  row with fewer than k (distinct) numbers gives missing.
- **ANY / COUNT / COUNT_DISTINCT** take columns of any type. "Empty and null values are
  ignored": a missing cell, and text that is empty or only spaces. ANY returns the first
  non-empty value in the order the columns are listed (DataBrew does not say which one; the first
  is deterministic). Its type is the columns' type when they share one (a category column gives
  text), ``float64`` for a mix of integer and decimal columns, and text for any other mix, each
  value written as change_data_type to string writes it (``true``, ``2024-01-31 13:45:00``).
  COUNT_DISTINCT compares numbers as numbers (``1`` and ``1.0`` are one value) when every listed
  column is numeric, and otherwise compares the values' text forms (the integer ``1`` and the
  text ``"1"`` are one value; text comparison is case-sensitive).
- The new column is placed right after the first listed column.

The kernels :mod:`brewdesk.recipes.kernels.row_aggregates` (``_br_*``) are the implementation:
``apply()`` calls them and ``to_code()`` returns the same calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

import pandas as pd
from brewdesk.recipes.kernels.row_aggregates import _br_aggregate, _br_count
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema, logical_type
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
from pydantic import Field

NUMBER_SOURCE_TYPES: tuple[str, ...] = ("int64", "float64", "string", "category")
"""Column types the numeric aggregates accept (text is read as numbers where it is one)."""
INT_KEEPING = {"SUM", "MAX", "MIN", "KTH_LARGEST", "KTH_LARGEST_UNIQUE", "MODE"}
"""Functions whose result stays integer when every listed column is an integer column."""
MODE_TYPES = ("MINIMUM", "MAXIMUM", "AVERAGE", "NONE")


# =========================================================================== plumbing


class RowAggParams(Params):
    source_columns: list[str] = columns(description="Columns whose values in each row are aggregated")
    target_column: str = new_column(description="New column with the result")


class NumberAggParams(RowAggParams):
    source_columns: list[str] = columns(
        types=NUMBER_SOURCE_TYPES, description="Columns whose numbers in each row are aggregated (text read as numbers)"
    )


class KthParams(NumberAggParams):
    value: int = Field(..., ge=1, description="k: 1 for the largest, 2 for the second largest, ...")


class ModeParams(NumberAggParams):
    mode_type: Literal["MINIMUM", "MAXIMUM", "AVERAGE", "NONE"] = Field(
        "MINIMUM", description="Which of several equally frequent numbers: smallest, largest, their mean, or none"
    )


class RowAggregate(Operation):
    """Base of the aggregate functions: ``how`` names the ``_br_aggregate`` function.

    Subclasses set ``id``, ``title``, ``databrew``, ``doc_url``, ``Params`` and ``how``.
    """

    kind = Kind.ROW
    category = "Functions"
    how: ClassVar[str]
    Params = NumberAggParams

    def out_type(self, params: Any, types: list[str]) -> str:
        """Logical type of the result given the listed columns' types."""
        keep = self.how in INT_KEEPING and not (self.how == "MODE" and params.mode_type == "AVERAGE")
        return "int64" if keep and all(t == "int64" for t in types) else "float64"

    def check(self, params: Any) -> None:
        k = getattr(params, "value", None)
        if k is not None and k > len(params.source_columns):
            raise StepProblem(
                f"k = {k} is more than the {len(params.source_columns)} listed column(s); "
                "list more columns or choose a smaller k",
                field="value",
            )

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        self.check(params)
        logical = self.out_type(params, [schema[c] for c in params.source_columns])
        return place_schema(schema, params.target_column, logical, params.source_columns[0])

    def _args(self, params: Any) -> tuple[Any, ...]:
        return (getattr(params, "value", None), getattr(params, "mode_type", "MINIMUM"))

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        try:
            self.check(params)
        except StepProblem as e:
            raise StepError(e.message) from None
        bad = [c for c in params.source_columns if logical_type(frame[c].dtype) not in NUMBER_SOURCE_TYPES]
        if bad:
            t = logical_type(frame[bad[0]].dtype)
            raise StepError(
                f"column '{bad[0]}' is {t}, not numbers or text", hint="convert it with change_data_type first"
            )
        k, mode_type = self._args(params)
        values = _br_aggregate(frame, list(params.source_columns), self.how, k, mode_type)
        return place(frame, params.target_column, values, params.source_columns[0])

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        k, mode_type = self._args(params)
        expr = f"_br_aggregate(df, {list(params.source_columns)!r}, {self.how!r}, {k!r}, {mode_type!r})"
        return place_code(params.target_column, expr, params.source_columns[0])

    def describe(self, params: Any) -> str:
        k = getattr(params, "value", None)
        what = f"{self.title} (k = {k})" if k is not None else self.title
        return f"{what} of {', '.join(params.source_columns)} into {params.target_column}"


class RowCount(RowAggregate):
    """COUNT and COUNT_DISTINCT: how many (different) non-empty values each row has."""

    Params = RowAggParams
    distinct: ClassVar[bool] = False

    def out_type(self, params: Any, types: list[str]) -> str:
        return "int64"

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        values = _br_count(frame, list(params.source_columns), self.distinct)
        return place(frame, params.target_column, values, params.source_columns[0])

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        expr = f"_br_count(df, {list(params.source_columns)!r}, {self.distinct!r})"
        return place_code(params.target_column, expr, params.source_columns[0])


def any_type(types: list[str]) -> str:
    """Logical type of ANY's result given the listed columns' types."""
    kinds = {"string" if t == "category" else t for t in types}
    if len(kinds) == 1:
        return kinds.pop()
    if kinds <= {"int64", "float64"}:
        return "float64"
    return "string"
