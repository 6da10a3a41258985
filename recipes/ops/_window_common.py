"""Shared code of the window functions (ROLLING_*, FILL, NEXT, the rolling REPLACE_WITH_* steps).

Not an operation (the registry skips modules starting with ``_``). It holds:

- the context of a window reaching ``before`` rows above and ``after`` rows below each row: each
  operation declares its :class:`~brewdesk.recipes.ops.base.Window` (a ``ROWS`` carry), from which
  the engine derives the forward carry (the last ``before`` values of the earlier partitions) and
  the backward carry (the first ``after`` values of the following ones); ``apply`` runs on
  ``history + partition + future`` (:func:`with_context`) and keeps the partition's rows, so every
  window is the same as on the whole data, whatever the partitioning;
- :func:`_bw_window`, the one implementation of the window statistics, self-contained so that
  exported code carries its source;
- :class:`Window`, the base of the ``ROLLING_*`` operations.

Windows are counted in source order (the ``_rowid`` order) and clipped at the ends of the data;
missing values are left out of every statistic.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd
from brewdesk.recipes.model.types import Schema, logical_type
from brewdesk.recipes.ops._fit_common import (
    NUMERIC_TYPES,
    NeighbourCheck,
    col_ref,
    put_code,
    put_column,
    schema_put,
)
from brewdesk.recipes.ops.base import (
    Carry,
    Kind,
    Operation,
    Params,
    carry_head,
    check_columns,
    column,
    head,
    new_column,
)
from brewdesk.recipes.ops.base import Window as WindowSpec
from pydantic import Field

MAX_WINDOW = 100_000
"""Largest ``num_rows_before`` / ``num_rows_after`` accepted (the carries hold that many values)."""


# --------------------------------------------------------------------------- carries
__all__ = ["carry_head", "head"]  # re-exported: the carries live in base.py (the window contract)


def with_context(history: pd.Series | None, s: pd.Series, future: pd.Series | None) -> tuple[pd.Series, int]:
    """``(history + s + future, len(history))`` on a fresh RangeIndex, in ``s``'s dtype."""
    parts = [p for p in (history, s.reset_index(drop=True), future) if p is not None and len(p)]
    if not parts:
        return s.reset_index(drop=True), 0
    both = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    if both.dtype != s.dtype:
        both = both.astype(s.dtype)
    return both, 0 if history is None else len(history)


# --------------------------------------------------------------------------- the window statistics
def _bw_window(s, before, after, how, k=1, mode_type="MINIMUM"):
    """``how`` over the rows ``i - before .. i + after`` of every row ``i`` of ``s``.

    Missing values are left out; windows are clipped at both ends. ``how``: mean, sum, std, var
    (population, n), max, min, count (non-missing values), kth (k-th largest, duplicates counted),
    kth_unique (k-th largest distinct value), mode (most frequent; ties by ``mode_type``: MINIMUM,
    MAXIMUM, AVERAGE, or NONE for no result). Returns a float64 numpy array, NaN for no result.
    """
    s = pd.Series(s)
    if how == "count":
        x = np.where(s.notna().to_numpy(dtype=bool), 1.0, np.nan)
    else:
        x = s.to_numpy(dtype="float64", na_value=np.nan)
    n, w = len(x), before + after + 1
    if how in ("mean", "sum", "std", "var", "max", "min", "count"):
        padded = pd.Series(np.concatenate([x, np.full(after, np.nan)]))
        if how == "count":
            r = padded.notna().astype("float64").rolling(w, min_periods=1).sum()
        elif how in ("std", "var"):
            r = getattr(padded.rolling(w, min_periods=1), how)(ddof=0)
        else:
            r = getattr(padded.rolling(w, min_periods=1), how)()
        return r.to_numpy(dtype="float64")[after:]
    out = np.full(n, np.nan)
    xp = np.concatenate([np.full(before, np.nan), x, np.full(after, np.nan)])
    idx = np.arange(w)
    step = max(1, 1_000_000 // w)
    for a in range(0, n, step):
        b = min(n, a + step)
        win = np.lib.stride_tricks.sliding_window_view(xp[a : b + w - 1], w)
        srt = np.sort(win, axis=1) if how == "mode" else -np.sort(-win, axis=1)  # missing last
        valid = ~np.isnan(srt)
        cnt = valid.sum(axis=1)
        new = valid.copy()  # first value of each run of equal values
        new[:, 1:] &= srt[:, 1:] != srt[:, :-1]
        rows = np.arange(b - a)
        if how == "kth":
            if k <= w:
                out[a:b] = np.where(cnt >= k, srt[:, k - 1], np.nan)
        elif how == "kth_unique":
            hit = new & (np.cumsum(new, axis=1) == k)
            out[a:b] = np.where(hit.any(axis=1), srt[rows, hit.argmax(axis=1)], np.nan)
        elif how == "mode":
            starts = np.where(new, idx, w)
            nxt = np.minimum.accumulate(starts[:, ::-1], axis=1)[:, ::-1]
            nxt = np.minimum(np.concatenate([nxt[:, 1:], np.full((b - a, 1), w)], axis=1), cnt[:, None])
            freq = np.where(new, nxt - idx, 0)
            top = freq.max(axis=1)
            cand = new & (freq == top[:, None]) & (top[:, None] > 0)
            ties = cand.sum(axis=1)
            lo = srt[rows, cand.argmax(axis=1)]
            if mode_type == "MAXIMUM":
                res = srt[rows, w - 1 - cand[:, ::-1].argmax(axis=1)]
            elif mode_type == "AVERAGE":
                res = np.where(cand, srt, 0.0).sum(axis=1) / np.maximum(ties, 1)
            elif mode_type == "NONE":
                res = np.where(ties == 1, lo, np.nan)
            else:
                res = lo
            out[a:b] = np.where(ties > 0, res, np.nan)
        else:
            raise ValueError(f"unknown window statistic {how!r}")
    return out


def window_code(call: str) -> str:
    """Exported code: the source of :func:`_bw_window`, then ``_r = <call>``."""
    return inspect.getsource(_bw_window) + f"\n\n_r = {call}"


# --------------------------------------------------------------------------- the ROLLING_* base
class WindowParams(Params):
    """Parameters of the ROLLING_* window functions."""

    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column")
    num_rows_before: int = Field(2, ge=0, le=MAX_WINDOW, description="Rows above the current row in the window")
    num_rows_after: int = Field(0, ge=0, le=MAX_WINDOW, description="Rows below the current row in the window")
    target_column: str = new_column(description="New column with the result")


class Window(NeighbourCheck, Operation):
    """Base of the rolling windows: the current row, ``num_rows_before`` rows above it and
    ``num_rows_after`` rows below it, in source order across partitions.

    The forward carry is the last ``num_rows_before`` source values of the earlier partitions,
    the backward carry the first ``num_rows_after`` values of the following ones (fewer at the
    ends of the data, where the window is shorter). Subclasses set ``how`` (see
    :func:`_bw_window`) and, when it differs from the source's type, :meth:`out_type`.
    """

    kind = Kind.NEIGHBOUR
    category = "Functions"
    Params = WindowParams
    how: ClassVar[str] = "mean"
    """The :func:`_bw_window` statistic."""
    words: ClassVar[str] = "average"
    """The statistic in :meth:`describe` ("average", "maximum", ...)."""

    def out_type(self, params: Any, source_type: str) -> str:
        """The logical type of the result column."""
        return source_type

    def extra(self, params: Any) -> tuple[int, str]:
        """``(k, mode_type)`` passed to :func:`_bw_window`."""
        return 1, "MINIMUM"

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        logical = self.out_type(params, schema[params.source_column])
        return schema_put(schema, params.target_column, logical, after=params.source_column)

    def window(self, params: Any) -> WindowSpec:
        return WindowSpec(
            Carry.ROWS, params.source_column, before=params.num_rows_before, after=params.num_rows_after
        )

    # ------------------------------------------------------------------ the one implementation
    def typed(self, params: Any, values: np.ndarray, source: pd.Series) -> pd.Series:
        """The float64 results as the output column (``int64`` results rounded half to even)."""
        arr = pd.array(values, dtype="Float64")
        if self.out_type(params, logical_type(source.dtype)) == "int64":
            arr = pd.array(np.round(values), dtype="Float64").astype("Int64")
        return pd.Series(arr, index=source.index)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        self.check_run(params)
        s = frame[params.source_column]
        both, k = with_context(fitted.get("carry"), s, fitted.get("carry_back"))
        kth, mode_type = self.extra(params)
        r = _bw_window(both, params.num_rows_before, params.num_rows_after, self.how, kth, mode_type)
        values = self.typed(params, r[k : k + len(s)], s)
        return put_column(frame, params.target_column, values, after=params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        kth, mode_type = self.extra(params)
        call = (
            f"_bw_window({col_ref(col)}, {params.num_rows_before}, {params.num_rows_after}, "
            f"{self.how!r}, {kth}, {mode_type!r})"
        )
        lines = [window_code(call), "_r = pd.Series(pd.array(_r, dtype='Float64'), index=df.index)"]
        if self.out_type(params, "float64") == "int64":
            lines.append("_r = _r.round().astype('Int64')")
        elif self.out_type(params, "int64") == "int64":
            lines.append(
                f"_r = _r.round().astype('Int64') if pd.api.types.is_integer_dtype({col_ref(col)}.dtype) else _r"
            )
        lines.append(put_code(params.target_column, "_r", after=col))
        return "\n".join(lines)

    def describe(self, params: Any) -> str:
        return (
            f"Rolling {self.words} of {params.source_column} over {window_words(params)}, "
            f"into {params.target_column}"
        )


def window_words(params: Any) -> str:
    """``"the row, 2 above and 1 below"`` for describe()."""
    parts = ["the row"]
    if params.num_rows_before:
        parts.append(f"{params.num_rows_before} above")
    if params.num_rows_after:
        parts.append(f"{params.num_rows_after} below")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# --------------------------------------------------------------------------- REPLACE_WITH_ROLLING_*
class RollingReplaceParams(Params):
    """Parameters of REPLACE_WITH_ROLLING_AVERAGE and REPLACE_WITH_ROLLING_SUM."""

    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column whose values are replaced")
    period: int = Field(2, ge=1, le=MAX_WINDOW, description="Window size: how many rows above each row")
    column_data_type: Literal["number"] = Field("number", description="DataBrew's column type (always number)")


class RollingReplace(Operation):
    """Base of REPLACE_WITH_ROLLING_*: every value becomes the statistic of the ``period`` rows
    above it (the row itself left out), computed on the source values before any replacement.

    A window without values leaves the value as it is. ``int64`` columns stay ``int64`` (an
    average is rounded half to even). The forward carry is the last ``period`` source values.
    """

    kind = Kind.NEIGHBOUR
    category = "Missing"
    Params = RollingReplaceParams
    how: ClassVar[str] = "mean"
    words: ClassVar[str] = "average"

    def window(self, params: Any) -> WindowSpec:
        return WindowSpec(Carry.ROWS, params.source_column, before=params.period)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        s = frame[col]
        both, k = with_context(fitted.get("carry"), s, None)
        r = _bw_window(both, params.period - 1, 0, self.how)
        above = np.concatenate([[np.nan], r[:-1]])[k : k + len(s)]  # window ending one row up
        return frame.assign(**{col: _rr_typed(s, above)})

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        call = f"_bw_window({col_ref(col)}, {params.period - 1}, 0, {self.how!r})"
        return "\n".join(
            [
                window_code(call),
                "",
                inspect.getsource(_rr_typed),
                "",
                f"df[{col!r}] = _rr_typed(df[{col!r}], np.concatenate([[np.nan], _r[:-1]]))",
            ]
        )

    def describe(self, params: Any) -> str:
        rows = "row" if params.period == 1 else f"{params.period} rows"
        return f"Replace values in {params.source_column} with the {self.words} of the {rows} above"


def _rr_typed(s, values):
    """``values`` (float64, NaN for none) written over ``s``, keeping ``s``'s type (integers
    rounded half to even); NaN leaves the old value."""
    new = pd.Series(pd.array(values, dtype="Float64"), index=s.index)
    if pd.api.types.is_integer_dtype(s.dtype):
        new = pd.Series(pd.array(np.round(values), dtype="Float64"), index=s.index).astype(s.dtype)
    else:
        new = new.astype(s.dtype)
    return new.where(new.notna(), s)
