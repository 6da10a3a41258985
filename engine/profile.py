"""Column profiles of a pandas sample: the grid's header bars and the column profile panel.

Two levels, both computed on the sample the app shows (never on the full dataset):

- :func:`summarize` -- for every column, a :class:`ColumnSummary`: the valid / missing / invalid
  shares (the header quality bar) and a small distribution (a histogram for numbers and dates,
  the top values for everything else).
- :func:`profile` -- for one column, a :class:`ColumnProfile`: count, missing, distinct, unique,
  min, max, mean, median, mode, standard deviation, quantiles, top values and a histogram.

Missing means a missing cell, or empty / blank text (as the ``IS_MISSING`` condition). Invalid
means a value that does not fit what the column holds: NaN or infinite in a float column, and in
a text column whose values are mostly (at least 90 %) numbers or dates, the values that are
neither. DataBrew's profile calls the latter "mismatched" values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.recipes.model.types import ROWID, logical_type

__all__ = ["ColumnProfile", "ColumnSummary", "Distribution", "profile", "summarize"]

QUANTILES: tuple[float, ...] = (0.05, 0.25, 0.5, 0.75, 0.95)
_MOSTLY = 0.9


@dataclass(frozen=True)
class Distribution:
    """A small value distribution.

    Attributes
    ----------
    kind
        ``"histogram"`` (``edges`` has ``len(counts) + 1`` bin edges; POSIX seconds for dates),
        ``"top"`` (``labels`` names each count, most frequent first) or ``"empty"``.
    counts
        Counts per bin or per top value.
    edges
        Bin edges of a histogram.
    labels
        Values of a top list, as text.
    other
        Top lists: count of the values not listed.
    dates
        Whether the edges are POSIX seconds.
    """

    kind: str = "empty"
    counts: tuple[int, ...] = ()
    edges: tuple[float, ...] = ()
    labels: tuple[str, ...] = ()
    other: int = 0
    dates: bool = False


@dataclass(frozen=True)
class ColumnSummary:
    """The header summary of one column.

    Attributes
    ----------
    name, logical
        Column name and logical type.
    rows
        Number of rows.
    missing, invalid
        Missing and invalid cells (see the module docstring).
    distribution
        Histogram or top values.
    """

    name: str
    logical: str
    rows: int
    missing: int
    invalid: int
    distribution: Distribution = field(default_factory=Distribution)

    @property
    def valid(self) -> int:
        """Cells neither missing nor invalid."""
        return self.rows - self.missing - self.invalid

    def shares(self) -> tuple[float, float, float]:
        """``(valid, missing, invalid)`` shares in [0, 1] (all zero for an empty column)."""
        if not self.rows:
            return (0.0, 0.0, 0.0)
        return (self.valid / self.rows, self.missing / self.rows, self.invalid / self.rows)


@dataclass(frozen=True)
class ColumnProfile(ColumnSummary):
    """Full statistics of one column (extends :class:`ColumnSummary`).

    ``min``/``max`` are set for every orderable type; ``mean``, ``median``, ``std`` and the
    quantiles for numbers (mean, median and quantiles also for dates, as timestamps); ``mode`` is
    the most frequent value (the smallest on a tie). ``top`` lists ``(value text, count)``.
    """

    count: int = 0
    distinct: int = 0
    unique: int = 0
    min: Any = None
    max: Any = None
    mean: Any = None
    median: Any = None
    mode: Any = None
    std: float | None = None
    quantiles: dict[float, Any] = field(default_factory=dict)
    top: tuple[tuple[str, int], ...] = ()
    histogram: Distribution = field(default_factory=Distribution)

    def stats_rows(self) -> list[tuple[str, str]]:
        """``(label, formatted value)`` rows for a statistics table."""
        rows = [
            ("Type", self.logical),
            ("Rows", f"{self.rows:,}"),
            ("Count", f"{self.count:,}"),
            ("Missing", _pct(self.missing, self.rows)),
            ("Invalid", _pct(self.invalid, self.rows)),
            ("Distinct", f"{self.distinct:,}"),
            ("Unique", f"{self.unique:,}"),
        ]
        for label, v in (("Min", self.min), ("Max", self.max), ("Mean", self.mean),
                         ("Median", self.median), ("Mode", self.mode), ("Std. dev.", self.std)):
            if v is not None:
                rows.append((label, format_value(v)))
        for q, v in self.quantiles.items():
            rows.append((f"{q:.0%} quantile", format_value(v)))
        return rows


def _pct(n: int, total: int) -> str:
    return f"{n:,} ({n / total:.1%})" if total else f"{n:,}"


def format_value(v: Any) -> str:
    """Short display text of a statistic (numbers with 6 significant digits, ISO timestamps)."""
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return ""
    if isinstance(v, pd.Timestamp):
        return v.isoformat(sep=" ") if (v.hour or v.minute or v.second) else v.date().isoformat()
    if isinstance(v, bool | np.bool_):
        return "true" if v else "false"
    if isinstance(v, int | np.integer):
        return f"{int(v):,}"
    if isinstance(v, float | np.floating):
        return f"{float(v):,.6g}" if abs(float(v)) < 1e15 else f"{float(v):.6g}"
    return str(v)


# --------------------------------------------------------------------------- classification
def _blank(s: pd.Series) -> np.ndarray:
    """Missing cells, and blank text in text columns."""
    na = s.isna().to_numpy(dtype=bool)
    if logical_type(s.dtype) in ("string", "category"):
        text = s.astype("string")
        blank = text.str.strip().eq("").fillna(False).to_numpy(dtype=bool)
        na = na | blank
    return na


def _text_target(values: pd.Series) -> str | None:
    """``"number"`` or ``"date"`` when at least 90 % of the (non-blank) texts parse as such."""
    probe = values.head(1000)
    if probe.empty:
        return None
    nums = pd.to_numeric(probe, errors="coerce")
    if nums.notna().mean() >= _MOSTLY:
        return "number"
    if probe.str.contains(r"\d", regex=True).fillna(False).mean() >= _MOSTLY:
        dates = pd.to_datetime(probe, errors="coerce", format="mixed")
        if dates.notna().mean() >= _MOSTLY:
            return "date"
    return None


def _invalid(s: pd.Series, missing: np.ndarray) -> np.ndarray:
    lt = logical_type(s.dtype)
    out = np.zeros(len(s), dtype=bool)
    if lt == "float64":
        arr = s.to_numpy(dtype="float64", na_value=0.0)
        out = ~np.isfinite(arr)
        out &= ~missing
        return out
    if lt in ("string", "category"):
        present = s[~missing].astype("string")
        target = _text_target(present)
        if target == "number":
            bad = pd.to_numeric(present, errors="coerce").isna().to_numpy(dtype=bool)
        elif target == "date":
            bad = pd.to_datetime(present, errors="coerce", format="mixed").isna().to_numpy(dtype=bool)
        else:
            return out
        out[np.flatnonzero(~missing)[bad]] = True
    return out


# --------------------------------------------------------------------------- distributions
def _numeric(s: pd.Series) -> tuple[np.ndarray, bool] | None:
    """Finite values as float64 (POSIX seconds for dates), or None for non-numeric columns."""
    lt = logical_type(s.dtype)
    if lt in ("int64", "float64"):
        arr = s.dropna().to_numpy(dtype="float64")
        return arr[np.isfinite(arr)], False
    if lt == "datetime":
        arr = s.dropna().astype("datetime64[us]").to_numpy().astype("int64") / 1e6
        return arr.astype("float64"), True
    return None


def _histogram(values: np.ndarray, dates: bool, bins: int) -> Distribution:
    if values.size == 0:
        return Distribution()
    lo, hi = float(values.min()), float(values.max())
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = np.histogram(values, bins=bins, range=(lo, hi))
    return Distribution("histogram", tuple(int(c) for c in counts), tuple(float(e) for e in edges), dates=dates)


def _as_text(s: pd.Series) -> pd.Series:
    if logical_type(s.dtype) == "object":
        return s.map(lambda v: v if v is None else str(v)).astype("string")
    return s


def _top(s: pd.Series, n: int) -> tuple[Distribution, pd.Series]:
    vc = _as_text(s).value_counts(dropna=True)
    head = vc.head(n)
    labels = tuple(format_value(v) for v in head.index)
    dist = Distribution(
        "top", tuple(int(c) for c in head.to_numpy()), labels=labels, other=int(vc.to_numpy()[n:].sum())
    )
    return dist, vc


def _distribution(s: pd.Series, present: np.ndarray, bins: int, top: int) -> Distribution:
    num = _numeric(s)
    if num is not None:
        return _histogram(num[0], num[1], bins)
    return _top(s[present], top)[0]


# --------------------------------------------------------------------------- public API
def summarize(frame: pd.DataFrame, *, bins: int = 12, top: int = 5) -> dict[str, ColumnSummary]:
    """Header summaries of every column of a sample (``_rowid`` left out).

    Parameters
    ----------
    frame
        The sample (any row count, including zero).
    bins
        Histogram bins for numbers and dates.
    top
        Values listed for other columns.

    Returns
    -------
    dict
        ``{column name: ColumnSummary}`` in column order.
    """
    out: dict[str, ColumnSummary] = {}
    for name in frame.columns:
        if name == ROWID:
            continue
        s = frame[name]
        missing = _blank(s)
        invalid = _invalid(s, missing)
        present = ~(missing | invalid)
        out[str(name)] = ColumnSummary(
            name=str(name),
            logical=logical_type(s.dtype),
            rows=len(s),
            missing=int(missing.sum()),
            invalid=int(invalid.sum()),
            distribution=_distribution(s, present, bins, top),
        )
    return out


def profile(series: pd.Series, *, bins: int = 30, top: int = 10) -> ColumnProfile:
    """Full profile of one column of a sample.

    Parameters
    ----------
    series
        The column (its name is used as the profile's name).
    bins
        Histogram bins (numbers and dates).
    top
        Number of top values listed.

    Returns
    -------
    ColumnProfile
        Statistics over the non-missing values; ``distinct`` counts distinct non-missing values
        and ``unique`` those occurring exactly once.
    """
    s = series
    lt = logical_type(s.dtype)
    missing = _blank(s)
    invalid = _invalid(s, missing)
    present = s[~missing]
    top_dist, vc = _top(present, top)
    num = _numeric(s)
    stats: dict[str, Any] = {}
    if len(present) and lt != "object":
        try:
            stats["min"] = _scalar(present.min())
            stats["max"] = _scalar(present.max())
        except (TypeError, ValueError):
            pass
    if num is not None and num[0].size:
        values = num[0]
        if num[1]:
            ts = present.astype("datetime64[us]")
            stats["mean"] = _scalar(ts.mean())
            stats["median"] = _scalar(ts.median())
            stats["quantiles"] = {q: _scalar(ts.quantile(q)) for q in QUANTILES}
        else:
            stats["mean"] = float(values.mean())
            stats["median"] = float(np.median(values))
            stats["std"] = float(values.std(ddof=1)) if values.size > 1 else None
            stats["quantiles"] = {q: float(np.quantile(values, q)) for q in QUANTILES}
    if len(vc):
        best = vc.to_numpy().max()
        tied = [v for v, c in vc.items() if c == best]
        try:
            stats["mode"] = _scalar(min(tied))
        except TypeError:
            stats["mode"] = _scalar(tied[0])
    hist = _histogram(num[0], num[1], bins) if num is not None else top_dist
    return ColumnProfile(
        name=str(s.name),
        logical=lt,
        rows=len(s),
        missing=int(missing.sum()),
        invalid=int(invalid.sum()),
        distribution=hist,
        count=int(len(present)),
        distinct=int(len(vc)),
        unique=int((vc.to_numpy() == 1).sum()),
        top=tuple(zip(top_dist.labels, top_dist.counts, strict=True)),
        histogram=hist,
        **stats,
    )


def _scalar(v: Any) -> Any:
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v
