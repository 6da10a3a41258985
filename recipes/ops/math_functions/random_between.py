"""RANDOM_BETWEEN: a random number between two bounds, both included, in every row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.RANDOM_BETWEEN.html

- ``lower_bound`` and ``upper_bound`` are included (DataBrew: "lower bound (inclusive) ...
  upper bound (inclusive)"); ``lower_bound`` must not exceed ``upper_bound``.
- Two whole-number bounds (DataBrew's example: 1 and 100) give whole numbers (``int64``), each
  value from lower to upper equally likely, both bounds included; the range may hold at most
  2**53 values. A decimal bound gives decimals (``float64``) uniform in ``[lower, upper)``, where
  the upper bound itself has probability zero.
- Numbers are reproducible, as RANDOM's: a hash of the row id (``_rowid``) and a salt, so the
  preview, the engine with any partitioning and the exported script agree, and two runs on the
  same input give the same numbers (see :mod:`brewdesk.recipes.ops._nondeterministic`).
  ``seed`` (Brewdesk only, never exported to DataBrew) chooses the numbers; without it the salt is
  the target column's name.
- The column is appended after the last column (the step reads none).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.random import _bf_uniform
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._nondeterministic import random_salt
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, new_column
from pydantic import Field, model_validator

MAX_SPAN = 2**53
"""Whole-number ranges hold at most this many values (exact float64 arithmetic)."""


class RandomBetweenParams(Params):
    lower_bound: int | float = Field(..., description="Smallest value (included)")
    upper_bound: int | float = Field(..., description="Largest value (included)")
    target_column: str = new_column(description="New column")
    seed: int | None = Field(
        None, description="Brewdesk only: choose the numbers (default: derived from the column name)"
    )

    @model_validator(mode="after")
    def _bounds(self) -> RandomBetweenParams:
        if not (np.isfinite(self.lower_bound) and np.isfinite(self.upper_bound)):
            raise ValueError("the bounds must be finite numbers")
        if self.lower_bound > self.upper_bound:
            raise ValueError(
                f"lower_bound {self.lower_bound} is above upper_bound {self.upper_bound}; swap them"
            )
        if whole(self) and self.upper_bound - self.lower_bound >= MAX_SPAN:
            raise ValueError("the range between the bounds holds more than 2**53 whole numbers")
        return self


def whole(params: Any) -> bool:
    """Both bounds are whole numbers given as integers: the result is ``int64``."""
    return isinstance(params.lower_bound, int) and isinstance(params.upper_bound, int)


def _expr(params: Any, u: str) -> str:
    lo, hi = params.lower_bound, params.upper_bound
    if whole(params):
        return (
            f"pd.Series({lo} + np.minimum(np.floor({u} * {hi - lo + 1}), {hi - lo}).astype('int64'), "
            "index=df.index, dtype='Int64')"
        )
    return f"pd.Series({float(lo)!r} + {u} * {float(hi) - float(lo)!r}, index=df.index, dtype='Float64')"


class RandomBetween(Operation):
    """A reproducible uniform number between two bounds per row."""

    id = "random_between"
    kind = Kind.ROW
    category = "Functions"
    title = "Random number between"
    databrew = ("RANDOM_BETWEEN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.RANDOM_BETWEEN.html"
    Params = RandomBetweenParams

    def columns(self, params: RandomBetweenParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return place_schema(schema, params.target_column, "int64" if whole(params) else "float64", None)

    def apply(self, params: RandomBetweenParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        u = _bf_uniform(frame.index, random_salt(params.seed, params.target_column))
        lo, hi = params.lower_bound, params.upper_bound
        if whole(params):
            k = np.minimum(np.floor(u * (hi - lo + 1)), hi - lo).astype("int64")
            values = pd.Series(lo + k, index=frame.index, dtype="Int64")
        else:
            values = pd.Series(float(lo) + u * (float(hi) - float(lo)), index=frame.index, dtype="Float64")
        return place(frame, params.target_column, values, None)

    def to_code(self, params: RandomBetweenParams, fitted: Mapping[str, Any]) -> str:
        salt = random_salt(params.seed, params.target_column)
        lines = f"_u = _bf_uniform(df.index, {salt})\n"
        return lines + place_code(params.target_column, _expr(params, "_u"), None)

    def describe(self, params: RandomBetweenParams) -> str:
        seed = f" (seed {params.seed})" if params.seed is not None else ""
        return f"Random number from {params.lower_bound} to {params.upper_bound} into {params.target_column}{seed}"

    def to_databrew(self, params: RandomBetweenParams) -> tuple[str, dict[str, str]]:
        return "RANDOM_BETWEEN", {
            "lowerBound": str(params.lower_bound),
            "upperBound": str(params.upper_bound),
            "targetColumn": params.target_column,
        }


OPERATION = RandomBetween()
