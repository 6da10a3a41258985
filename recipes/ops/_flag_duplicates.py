"""Shared code of FLAG_DUPLICATE_ROWS and FLAG_DUPLICATES_IN_COLUMN (not an operation).

Both flag, in a new text column, every row that repeats an *earlier* row (on every column, or
on one column). The first occurrence is not flagged: DataBrew's pages say "The initial
occurrence is not flagged, because it doesn't match an earlier row".

"Earlier" is the dataset's current row order. Whether a row repeats an earlier one depends on the
whole dataset, so both operations are GLOBAL: the engine's ``flag_duplicates`` primitive
(:mod:`brewdesk.engine.primitives`, ``Primitive.FLAG_DUPLICATES``) hashes every row once, as the
dedupe primitive does (two independent 64-bit hashes, 128 bits), finds the row ids of the later
copies over all partitions, and passes them to :meth:`FlagDuplicates.apply` as
``fitted[LATER_COPIES]``; nothing moves
between partitions and row order and row ids are kept. Without that fitted value (the preview
and the exported script) ``apply`` compares the rows of the frame it is given, in frame order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.flags import _bc_flag
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import LATER_COPIES, Kind, Operation, Primitive, check_columns


class FlagDuplicates(Operation):
    """Base of the two flag operations: subclasses say which columns are compared and where the
    flag goes."""

    kind = Kind.GLOBAL
    primitive = Primitive.FLAG_DUPLICATES
    category = "Duplicates"

    def compared_columns(self, params: Any) -> list[str] | None:
        """Columns compared to decide whether two rows are equal (``None``: every column of the
        data before the step)."""
        raise NotImplementedError

    def subset(self, params: Any, frame: pd.DataFrame) -> list[str]:
        """Columns of ``frame`` compared (the flag column itself never is)."""
        names = self.compared_columns(params)
        return names if names is not None else [c for c in frame.columns if c != params.target_column]

    def after(self, params: Any) -> str | None:
        """The column the flag is placed after (``None``: at the end)."""
        raise NotImplementedError

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return place_schema(schema, params.target_column, "string", self.after(params))

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        later = fitted.get(LATER_COPIES)
        if later is None:
            hit = frame.duplicated(subset=self.subset(params, frame), keep="first").to_numpy(
                dtype=bool
            )
        else:
            hit = np.isin(frame.index.to_numpy(dtype="int64"), later)
        known = np.ones(len(frame), dtype=bool)
        flag = _bc_flag(hit, known, params.true_string, params.false_string, frame.index)
        return place(frame, params.target_column, flag, self.after(params))

    def subset_code(self, params: Any) -> str:
        """Python expression for the compared columns in the exported script."""
        raise NotImplementedError

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        lines = [
            f"_hit = df.duplicated(subset={self.subset_code(params)}, keep='first').to_numpy(dtype=bool)",
            f"_flag = _bc_flag(_hit, np.ones(len(df), dtype=bool), {params.true_string!r}, "
            f"{params.false_string!r}, df.index)",
            place_code(params.target_column, "_flag", self.after(params)),
            "del _hit, _flag",
        ]
        return "\n".join(lines)
