"""Base of the MOVE_* operations (not an operation: the registry skips ``_`` modules)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.ops.base import Kind, Operation, check_columns
from brewdesk.recipes.types import Schema


class ReorderOperation(Operation):
    """Base of the MOVE_* operations: a new column order computed from the names alone."""

    kind = Kind.ROW
    category = "Column"

    def order(self, params: Any, names: list[str]) -> list[str]:
        """The new order of ``names`` (a permutation)."""
        raise NotImplementedError

    def order_code(self, params: Any) -> str:
        """Exported-code expression of the new order (``df``'s columns as a list)."""
        raise NotImplementedError

    def check(self, params: Any, schema: Schema) -> None:
        """Extra validation without data."""

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        self.check(params, schema)
        return schema.reordered(self.order(params, schema.names))

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        names = [str(c) for c in frame.columns]
        return frame.loc[:, self.order(params, names)]

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        return f"df = df[{self.order_code(params)}]"
