"""Whole-dataset statistics from per-partition partials, in pandas only.

A statistic (:class:`~brewdesk.recipes.ops.base.Stat`) is computed in two steps so that one
implementation serves both the preview and the engine (docs/architecture.md section 4):

``partial(stat, frame)``
    a small summary of one frame (the sample, or one Dask partition);
``finalize(stat, partials)``
    the exact statistic from the list of partials of every partition.

Exact median, mode and quantiles come from combined value counts, never from approximate
algorithms: a partial is the ``value_counts`` of the partition (small for the columns people fill,
at most one entry per distinct value).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.ops.base import Stat

_MOMENTS = {"count", "sum", "mean", "std", "var"}
_COUNTS = {"median", "mode", "quantile", "distinct", "value_counts"}
DATA_FREE_STATS = {"clock"}
"""Statistics that read no data: ``clock`` is the time the statistic is finalized (on the machine
running the job), a naive UTC ``pandas.Timestamp``, for NOW and TODAY. The engine takes them
without a pass over the data, once per run for all steps (``Executor.data_free``)."""
STAT_NAMES = _MOMENTS | _COUNTS | {"min", "max"} | DATA_FREE_STATS


def partial(stat: Stat, frame: pd.DataFrame) -> Any:
    """Summary of one frame for ``stat`` (missing values ignored).

    Returns
    -------
    tuple | pandas.Series
        ``(count, sum, M2)`` for moments (M2: sum of squared deviations from the partition's
        own mean), ``(min, max)`` for extremes, the value
        counts (index = value, int64 counts) for order statistics.
    """
    if stat.name not in STAT_NAMES:
        raise ValueError(f"unknown statistic {stat.name!r}")
    if stat.name in DATA_FREE_STATS:
        return None
    s = frame[stat.column]
    if stat.name in _MOMENTS:
        x = pd.to_numeric(s, errors="coerce").dropna()
        n = int(x.size)
        if stat.name == "sum" and pd.api.types.is_integer_dtype(x.dtype):
            return (n, int(x.astype("int64").sum()), 0.0)  # exact integer sums
        x = x.astype("float64")
        mean = float(x.mean()) if n else 0.0
        m2 = float(((x - mean) ** 2).sum()) if n else 0.0
        return (n, float(x.sum()), m2)
    if stat.name in {"min", "max"}:
        x = s.dropna()
        if x.empty:
            return (None, None)
        return (x.min(), x.max())
    vc = s.dropna().value_counts(sort=False)
    return vc[vc > 0] if isinstance(s.dtype, pd.CategoricalDtype) else vc


def _combine_counts(partials: Sequence[pd.Series]) -> pd.Series:
    parts = [p for p in partials if len(p)]
    if not parts:
        return pd.Series([], dtype="int64")
    vc = pd.concat(parts)
    return vc.groupby(level=0, sort=True).sum()


def finalize(stat: Stat, partials: Sequence[Any]) -> Any:
    """The exact statistic from the partials of every partition.

    Returns ``None`` (rendered as missing) when the column has no non-missing value.

    Raises
    ------
    StepError
        For a mode tie rule that is not one of DataBrew's (MINIMUM, MAXIMUM, AVERAGE, NONE).
    """
    if stat.name == "clock":
        return pd.Timestamp.now(tz="UTC").tz_localize(None)
    if stat.name in _MOMENTS:
        n = sum(p[0] for p in partials)
        total = sum(p[1] for p in partials)
        if stat.name == "count":
            return n
        if stat.name == "sum":
            return total
        if n == 0:
            return None
        mean = total / n
        if stat.name == "mean":
            return mean
        if n < 2:
            return None
        # Chan et al.'s pairwise combination of (count, mean, M2): no catastrophic cancellation
        m2 = sum(p[2] + p[0] * (p[1] / p[0] - mean) ** 2 for p in partials if p[0])
        var = max(m2, 0.0) / (n - 1)
        return var if stat.name == "var" else math.sqrt(var)
    if stat.name in {"min", "max"}:
        vals = [p[0] if stat.name == "min" else p[1] for p in partials if p[0] is not None]
        if not vals:
            return None
        return min(vals) if stat.name == "min" else max(vals)
    counts = _combine_counts(partials)
    if stat.name == "value_counts":
        return counts
    if stat.name == "distinct":
        return list(counts.index)
    if counts.empty:
        return None
    if stat.name == "mode":
        return _mode(counts, stat.arg or "MINIMUM")
    q = 0.5 if stat.name == "median" else float(stat.arg)
    return _quantile(counts, q)


def _mode(counts: pd.Series, rule: str) -> Any:
    top = counts[counts == counts.max()]
    values = list(top.index)
    rule = str(rule).upper()
    if len(values) == 1 or rule == "NONE":
        return values[0] if len(values) == 1 else None
    if rule == "MINIMUM":
        return min(values)
    if rule == "MAXIMUM":
        return max(values)
    if rule == "AVERAGE":
        return float(np.mean([float(v) for v in values]))
    raise StepError(f"unknown mode tie rule {rule!r}", hint="use MINIMUM, MAXIMUM, AVERAGE or NONE")


def _quantile(counts: pd.Series, q: float) -> Any:
    """Exact quantile with linear interpolation (pandas' default) from sorted value counts."""
    values = counts.index
    cum = counts.to_numpy().cumsum()
    n = int(cum[-1])
    pos = q * (n - 1)
    lo, hi = int(math.floor(pos)), int(math.ceil(pos))
    v_lo = values[int(np.searchsorted(cum, lo + 1))]
    v_hi = values[int(np.searchsorted(cum, hi + 1))]
    if lo == hi or v_lo == v_hi:
        return v_lo
    frac = pos - lo
    try:
        return v_lo + (v_hi - v_lo) * frac
    except TypeError:
        return v_lo


def compute_on_frame(stats: Mapping[str, Stat], frame: pd.DataFrame) -> dict[str, Any]:
    """Compute statistics over one pandas frame (the preview path: one partial each)."""
    return {key: finalize(st, [partial(st, frame)]) for key, st in stats.items()}


def unique_stats(requests: Iterable[Stat]) -> list[Stat]:
    """Distinct statistics, in first-seen order (so a batch computes each one once)."""
    return list(dict.fromkeys(requests))
