"""SPLIT_COLUMN_SINGLE_DELIMITER: split a text column into several at a delimiter.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_SINGLE_DELIMITER.html

- ``pattern`` is the delimiter, literal text (case-sensitive). ``limit`` (1 to 20) is the number of
  splits, made from the left: the step always creates ``limit + 1`` string columns, so the schema
  is known without data, and the last one holds the rest of the text, delimiters included.
- The new columns are named ``<source>_1``, ``<source>_2``, ... and take the source's place: the
  source column is removed, as DataBrew does. A name that already exists is a validation problem.
- A value with fewer pieces leaves the later columns missing; empty pieces stay empty text
  (``"a,,b"`` -> ``a``, ``""``, ``b``); a missing value gives missing in every new column.
- DataBrew's ``includeInSplit`` is not supported: importing a step with it set to true fails.
  A condition cannot restrict this step (it removes the source column).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bd_split, _bt_put_parts
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops._plumbing import databrew_error
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    StepProblem,
    as_bool,
    check_columns,
    column,
)
from pydantic import Field


class SplitColumnSingleDelimiterParams(Params):
    source_column: str = column(types=TEXT_TYPES, description="Text column to split")
    pattern: str = Field(min_length=1, description="Delimiter")
    limit: int = Field(1, ge=1, le=20, description="Number of splits (columns created: limit + 1)")


def names(params: SplitColumnSingleDelimiterParams) -> list[str]:
    """Names of the created columns."""
    return [f"{params.source_column}_{i}" for i in range(1, params.limit + 2)]


class SplitColumnSingleDelimiter(Operation):
    """Split ``source_column`` at ``pattern`` into ``limit + 1`` columns replacing it."""

    id = "split_column_single_delimiter"
    kind = Kind.ROW
    category = "Split"
    title = "Split on a delimiter"
    databrew = ("SPLIT_COLUMN_SINGLE_DELIMITER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SPLIT_COLUMN_SINGLE_DELIMITER.html"
    Params = SplitColumnSingleDelimiterParams

    def columns(self, params: SplitColumnSingleDelimiterParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        new = names(params)
        clash = [n for n in new if n in schema and n != params.source_column]
        if clash:
            raise StepProblem(f"column '{clash[0]}' already exists", field="source_column")
        items: list[tuple[str, str]] = []
        for c, t in schema.items():
            if c == params.source_column:
                items.extend((n, "string") for n in new)
            else:
                items.append((c, t))
        return Schema(items)

    def apply(self, params: SplitColumnSingleDelimiterParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        src = params.source_column
        return _bt_put_parts(frame, src, names(params), _bd_split(frame[src], params.pattern, params.limit))

    def describe(self, params: SplitColumnSingleDelimiterParams) -> str:
        return f"Split {params.source_column} on {params.pattern!r} into {params.limit + 1} columns"

    def to_code(self, params: SplitColumnSingleDelimiterParams, fitted: Mapping[str, Any]) -> str:
        src = params.source_column
        return f"df = _bt_put_parts(df, {src!r}, {names(params)!r}, _bd_split(df[{src!r}], {params.pattern!r}, {params.limit}))"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        if as_bool(parameters.get("includeInSplit", False)):
            raise databrew_error("SPLIT_COLUMN_SINGLE_DELIMITER with includeInSplit=true is not supported")
        out: dict[str, Any] = {"source_column": parameters["sourceColumn"], "pattern": parameters["pattern"]}
        if "limit" in parameters:
            out["limit"] = int(parameters["limit"])
        return out


OPERATION = SplitColumnSingleDelimiter()
