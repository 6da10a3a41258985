"""RANDOM: a random number from 0 to 1 in every row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.RANDOM.html

- Every row gets a number ``u`` with ``0 <= u < 1`` (``float64``), uniformly distributed, 53
  random bits each. DataBrew says "between 0 and 1"; 1 itself never occurs.
- DataBrew draws new numbers on every run. Brewdesk's numbers are reproducible: a row's number is
  a hash of the row id (``_rowid``, its source row number) and a salt, so the preview, the engine
  with any partitioning and the exported script give the same number to the same row, and so do
  two runs of the recipe on the same input (see :mod:`brewdesk.recipes.ops._nondeterministic`).
- ``seed`` (Brewdesk only, never exported to DataBrew) chooses the numbers: another seed gives
  others. Without a seed (the default) the salt is the target column's name, so two RANDOM
  columns of one recipe differ.
- After a reshaping step (sort, join, union, group by) rows are renumbered by the engine, and the
  numbers then depend on the partition layout.
- The column is appended after the last column (the step reads none). The op id is
  ``random_number`` so that no module shadows Python's ``random``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.random import _bf_uniform
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._nondeterministic import random_salt
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, new_column
from pydantic import Field


class RandomParams(Params):
    target_column: str = new_column(description="New column")
    seed: int | None = Field(
        None, description="Brewdesk only: choose the numbers (default: derived from the column name)"
    )


class RandomNumber(Operation):
    """A reproducible uniform number in [0, 1) per row."""

    id = "random_number"
    kind = Kind.ROW
    category = "Functions"
    title = "Random number"
    databrew = ("RANDOM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.RANDOM.html"
    Params = RandomParams

    def columns(self, params: RandomParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return place_schema(schema, params.target_column, "float64", None)

    def apply(self, params: RandomParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        u = _bf_uniform(frame.index, random_salt(params.seed, params.target_column))
        return place(frame, params.target_column, pd.Series(u, index=frame.index, dtype="Float64"), None)

    def to_code(self, params: RandomParams, fitted: Mapping[str, Any]) -> str:
        salt = random_salt(params.seed, params.target_column)
        expr = f"pd.Series(_bf_uniform(df.index, {salt}), index=df.index, dtype='Float64')"
        return place_code(params.target_column, expr, None)

    def describe(self, params: RandomParams) -> str:
        seed = f" (seed {params.seed})" if params.seed is not None else ""
        return f"Random number from 0 to 1 into {params.target_column}{seed}"

    def to_databrew(self, params: RandomParams) -> tuple[str, dict[str, str]]:
        return "RANDOM", {"targetColumn": params.target_column}


OPERATION = RandomNumber()
