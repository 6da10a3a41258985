"""FILL: a copy of a column whose missing values take a nearby value, within a window of rows.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.FILL.html

Semantics
---------
- The new column ``target_column`` (right after the source, same type) holds the source's
  values; a missing value (null, or empty or blank text) takes "the most recent nonblank value"
  of its window: the nearest non-missing value among the ``num_rows_before`` rows above it;
  when there is none there, the nearest among the ``num_rows_after`` rows below it (DataBrew's
  page names the window but not the order of preference; the value above, the most recent one
  in source order, comes first). Without a value in the window the cell stays as it was.
- Only source values fill: a filled cell does not fill its neighbours (no cascade), so a gap
  longer than the window keeps missing cells in the middle.
- Rows are in source order (the ``_rowid`` order), across partition boundaries: the engine
  carries the last ``num_rows_before`` values of the earlier partitions forward and the first
  ``num_rows_after`` values of the following partitions back.
- Any type except ``category`` and ``object``.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.ops._fit_common import col_ref, put_code, put_column
from brewdesk.recipes.ops._window_common import Window, WindowParams, with_context
from brewdesk.recipes.ops.base import column

SOURCE_TYPES = ("int64", "float64", "boolean", "string", "datetime")


def _bw_fill(s, before, after):
    """``s`` with missing (and blank text) values taken from the nearest value at most ``before``
    rows above, else at most ``after`` rows below; cells without one are left as they were."""
    s = pd.Series(s).reset_index(drop=True)
    gaps = s
    if pd.api.types.is_string_dtype(s.dtype) and not pd.api.types.is_object_dtype(s.dtype):
        gaps = s.mask(s.str.strip().eq("").fillna(False).astype(bool))
    out = gaps.ffill(limit=before) if before > 0 else gaps
    if after > 0:
        out = out.fillna(gaps.bfill(limit=after))
    return out.where(out.notna(), s)


class FillParams(WindowParams):
    source_column: str = column(types=SOURCE_TYPES, description="Column whose missing values are filled")


class Fill(Window):
    """Copy a column, filling missing values from the nearest value within the window."""

    id = "fill"
    title = "Fill from nearby rows"
    category = "Functions"
    databrew = ("FILL",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.FILL.html"
    Params = FillParams

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        s = frame[params.source_column]
        both, k = with_context(fitted.get("carry"), s, fitted.get("carry_back"))
        r = _bw_fill(both, params.num_rows_before, params.num_rows_after)
        values = r.iloc[k : k + len(s)].set_axis(s.index)
        return put_column(frame, params.target_column, values, after=params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        call = f"_bw_fill({col_ref(col)}, {params.num_rows_before}, {params.num_rows_after}).set_axis(df.index)"
        return "\n".join(
            [inspect.getsource(_bw_fill), "", f"_r = {call}", put_code(params.target_column, "_r", after=col)]
        )

    def describe(self, params: Any) -> str:
        where = []
        if params.num_rows_before:
            where.append(f"up to {params.num_rows_before} row(s) above")
        if params.num_rows_after:
            where.append(f"up to {params.num_rows_after} row(s) below")
        source = ", else ".join(where) if where else "nowhere (empty window)"
        return (
            f"Copy {params.source_column} into {params.target_column}, missing values filled from the "
            f"nearest value {source}"
        )

OPERATION = Fill()
