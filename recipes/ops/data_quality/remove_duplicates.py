"""DELETE_DUPLICATE_ROWS / REMOVE_DUPLICATES: keep the first of each set of duplicate rows.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DELETE_DUPLICATE_ROWS.html
and https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REMOVE_DUPLICATES.html

Without ``source_columns`` rows are compared on every column (DELETE_DUPLICATE_ROWS); with
``source_columns`` only on those (REMOVE_DUPLICATES takes one ``sourceColumn``). "First" is
source order (the ``_rowid`` order), whatever the partitioning, and the rows kept stay in source
order. Missing values compare equal to each other (as in pandas ``drop_duplicates``).

The engine runs it as the DEDUPE primitive: one pass hashes every row with two independent
64-bit hashes (128 bits: a false match has probability about n^2 / 2^129), then the final pass
drops the later copies (see ``brewdesk.engine.primitives``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.ops.base import Kind, Operation, Params, Primitive, columns


class RemoveDuplicatesParams(Params):
    source_columns: list[str] | None = columns(
        None, description="Columns that define a duplicate (all columns when empty)"
    )


class RemoveDuplicates(Operation):
    """Remove rows that repeat an earlier row (on all or some columns)."""

    id = "remove_duplicates"
    kind = Kind.GLOBAL
    primitive = Primitive.DEDUPE
    category = "Duplicates"
    title = "Remove duplicate rows"
    databrew = ("DELETE_DUPLICATE_ROWS", "REMOVE_DUPLICATES")
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DELETE_DUPLICATE_ROWS.html"
    Params = RemoveDuplicatesParams
    changes_rows = True

    def compared_columns(self, params: RemoveDuplicatesParams) -> list[str] | None:
        """Columns compared (``None``: every column)."""
        return list(params.source_columns) if params.source_columns else None

    def subset(self, params: RemoveDuplicatesParams, frame: pd.DataFrame) -> list[str]:
        """Columns compared in ``frame``."""
        return self.compared_columns(params) or list(frame.columns)

    def apply(self, params: RemoveDuplicatesParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        ordered = frame if frame.index.is_monotonic_increasing else frame.sort_index(kind="stable")
        return ordered[~ordered.duplicated(subset=self.subset(params, ordered), keep="first")]

    def describe(self, params: RemoveDuplicatesParams) -> str:
        if params.source_columns:
            return f"Remove rows with duplicate values in {', '.join(params.source_columns)}"
        return "Remove duplicate rows"

    def to_code(self, params: RemoveDuplicatesParams, fitted: Mapping[str, Any]) -> str:
        subset = f"subset={list(params.source_columns)!r}, " if params.source_columns else ""
        return f"df = df.drop_duplicates({subset}keep='first')"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        if operation == "REMOVE_DUPLICATES" and parameters.get("sourceColumn"):
            return {"source_columns": [parameters["sourceColumn"]]}
        return {}

    def to_databrew(self, params: RemoveDuplicatesParams) -> tuple[str, dict[str, str]]:
        cols = params.source_columns or []
        if len(cols) == 1:
            return "REMOVE_DUPLICATES", {"sourceColumn": cols[0]}
        if cols:
            raise NotImplementedError("DataBrew removes duplicates on all columns or on one column")
        return "DELETE_DUPLICATE_ROWS", {}


OPERATION = RemoveDuplicates()
