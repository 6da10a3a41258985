"""Base of the MOVE_* operations (not an operation: the registry skips ``_`` modules)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.columns import _bd_move
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Kind, Operation, check_columns


class ReorderOperation(Operation):
    """Base of the MOVE_* operations: a new column order computed from the names alone, by the
    kernel :func:`~brewdesk.recipes.kernels.columns._bd_move` (in ``apply()`` and in the
    exported code) with the arguments of :meth:`move`."""

    kind = Kind.ROW
    category = "Column"

    def move(self, params: Any) -> dict[str, Any]:
        """Where ``source_column`` goes: the keyword arguments ``index``, ``anchor`` and
        ``offset`` of ``_bd_move`` (none: to the end)."""
        raise NotImplementedError

    def order(self, params: Any, names: list[str]) -> list[str]:
        """The new order of ``names`` (a permutation)."""
        return _bd_move(names, params.source_column, **self.move(params))

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
        args = "".join(f", {k}={v!r}" for k, v in self.move(params).items())
        return f"df = df[_bd_move(list(df.columns), {params.source_column!r}{args})]"
