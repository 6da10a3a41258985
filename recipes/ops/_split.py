"""The base of the SPLIT_COLUMN_* operations, :class:`SplitOperation`, and its delimiter options
(not an operation). Their kernels (``_bt_*``) are in :mod:`brewdesk.recipes.kernels.text`.

Split naming rule (all SPLIT_COLUMN_* steps; DataBrew's pages do not name the new columns, so
Brewdesk keeps the rule SPLIT_COLUMN_SINGLE_DELIMITER already follows): the pieces of ``col`` are
named ``col_1``, ``col_2``, ... in order, take the source column's place, and the source column is
removed. Their number follows from the parameters alone, so the schema is known before any data
is read; a piece name that already exists is a validation problem.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.text import _bt_put_parts
from brewdesk.recipes.model.types import STRING_DTYPE, Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops.base import Kind, Operation, Params, StepProblem, check_columns, column
from pydantic import Field


# =========================================================================== split operations
class SplitParams(Params):
    """The source column of a split."""

    source_column: str = column(types=TEXT_TYPES, description="Text column to split")


class DelimiterOption(Params):
    """One delimiter of DataBrew's ``patternOptions`` / ``patternOption1``."""

    pattern: str = Field(min_length=1, description="Delimiter (literal text)")
    include_in_split: bool = Field(False, description="Keep the delimiter at the start of the next piece")


def option_from_databrew(value: Any) -> dict[str, Any]:
    """``{"pattern": ",", "includeInSplit": true}`` (or its JSON text) as a :class:`DelimiterOption` dict."""
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, dict) or "pattern" not in value:
        raise ValueError(f"expected a JSON object with a pattern, got {value!r}")
    inc = value.get("includeInSplit", False)
    return {"pattern": value["pattern"], "include_in_split": inc if isinstance(inc, bool) else str(inc).lower() == "true"}


def option_to_databrew(option: DelimiterOption) -> dict[str, Any]:
    """A :class:`DelimiterOption` as DataBrew's ``{"pattern", "includeInSplit"}`` object."""
    return {"pattern": option.pattern, "includeInSplit": option.include_in_split}


class SplitOperation(Operation):
    """Base of the SPLIT_COLUMN_* operations: ``source_column`` becomes ``count()`` string
    columns ``<source>_1`` ... in its place (see the module docstring for the naming rule)."""

    kind = Kind.ROW
    category = "Split"

    def count(self, params: Any) -> int:
        """Number of created columns (from the parameters only)."""
        raise NotImplementedError

    def check(self, params: Any) -> None:
        """Extra validation without data (raise :class:`StepProblem`)."""

    def pieces(self, params: Any, s: pd.Series) -> list[pd.Series]:
        """The pieces of text Series ``s``, ``count()`` string Series."""
        raise NotImplementedError

    def pieces_code(self, params: Any) -> str:
        """Exported-code expression of :meth:`pieces` on the text Series ``_s``."""
        raise NotImplementedError

    def names(self, params: Any) -> list[str]:
        """Names of the created columns."""
        return [f"{params.source_column}_{i}" for i in range(1, self.count(params) + 1)]

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        self.check(params)
        new = self.names(params)
        clash = [n for n in new if n in schema and n != params.source_column]
        if clash:
            raise StepProblem(
                f"column '{clash[0]}' already exists; rename it before splitting {params.source_column}",
                field="source_column",
            )
        items: list[tuple[str, str]] = []
        for c, t in schema.items():
            if c == params.source_column:
                items.extend((n, "string") for n in new)
            else:
                items.append((c, t))
        return Schema(items)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        src = params.source_column
        pieces = self.pieces(params, frame[src].astype(STRING_DTYPE))
        return _bt_put_parts(frame, src, self.names(params), pieces)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        src = params.source_column
        return (
            f"_s = df[{src!r}].astype('string[pyarrow]')\n"
            f"df = _bt_put_parts(df, {src!r}, {self.names(params)!r}, {self.pieces_code(params)})"
        )
