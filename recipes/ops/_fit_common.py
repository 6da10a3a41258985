"""Shared code of the statistic-driven (FIT_MAP) and neighbour (NEIGHBOUR) operations.

Not an operation (the registry skips modules starting with ``_``). It holds:

- :class:`StatFill`, the base of ``fill_with_*`` and ``replace_with_*``: one whole-dataset
  statistic, cast to the column's type, filled into the missing cells (or written over every
  cell of the rows the step's condition selects);
- the outlier fences shared by ``flag_outliers`` and ``remove_outliers``;
- :func:`with_history`, the rows carried above a partition put in front of it (``prev``);
- :func:`literal`, which writes fitted values into exported code.

Every statistic is requested through ``stats()`` and read from ``fitted``; nothing here computes a
whole-dataset value from the frame it is given (docs/architecture.md section 4).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.types import _bd_fill_stat
from brewdesk.recipes.model.errors import StepError, did_you_mean
from brewdesk.recipes.model.types import NUMERIC, Schema
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    Stat,
    column,
    insert_after,
)
from pydantic import Field

NUMERIC_TYPES: tuple[str, ...] = tuple(sorted(NUMERIC))
"""Logical types accepted by the numeric operations (``float64``, ``int64``)."""

ORDERED_TYPES: tuple[str, ...] = ("int64", "float64", "string", "boolean", "datetime")
"""Logical types whose values can be counted and ordered (mode, most frequent, min, max)."""


# --------------------------------------------------------------------------- literals
def literal(value: Any) -> str:
    """Python source for a fitted value, for ``to_code`` (``pd`` and ``np`` are imported there).

    Handles ``None``/missing, numpy scalars, infinities, timestamps, strings and lists of them.
    """
    if isinstance(value, pd.Series):
        return f"pd.Series({literal(value.tolist())}, index={literal(value.index.tolist())}, dtype='int64')"
    if isinstance(value, list | tuple):
        inner = ", ".join(literal(v) for v in value)
        return f"[{inner}]"
    if value is None or value is pd.NA or value is pd.NaT:
        return "None"
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        return f"pd.Timestamp({value.isoformat()!r})"
    if isinstance(value, float):
        if math.isnan(value):
            return "float('nan')"
        if math.isinf(value):
            return "float('inf')" if value > 0 else "float('-inf')"
    return repr(value)


def col_ref(name: str) -> str:
    """``df['name']`` in exported code."""
    return f"df[{name!r}]"


# --------------------------------------------------------------------------- typing fitted values
def require_column(schema: Schema, name: str) -> None:
    """Raise :class:`StepError` when ``name`` is not in ``schema`` (stats() guard)."""
    if name not in schema:
        raise StepError(f"column '{name}' does not exist{did_you_mean(name, schema)}")


# --------------------------------------------------------------------------- placing columns
def put_column(frame: pd.DataFrame, name: str, values: Any, *, after: str) -> pd.DataFrame:
    """A copy of ``frame`` with ``values`` as column ``name``: replaced in place when ``name`` is
    ``after`` (a step writing over its source), else placed right after ``after``."""
    if name == after and name in frame.columns:
        out = frame.copy(deep=False)
        out[name] = values
        return out
    return insert_after(frame, name, values, after)


def schema_put(schema: Schema, name: str, logical: str, *, after: str) -> Schema:
    """The schema effect of :func:`put_column`."""
    if name == after:
        return schema.with_column(name, logical)
    return schema.with_column(name, logical, after=after)


def put_code(name: str, expr: str, *, after: str) -> str:
    """Exported code for :func:`put_column`."""
    if name == after:
        return f"df[{name!r}] = {expr}"
    return (
        f"df = df.drop(columns=[{name!r}], errors='ignore')\n"
        f"df.insert(df.columns.get_loc({after!r}) + 1, {name!r}, {expr})"
    )


# --------------------------------------------------------------------------- fill / replace
class StatFill(Operation):
    """Base of the operations that put one whole-dataset statistic into a column.

    Subclasses give ``Params`` (with a ``source_column``), :meth:`requests`, :meth:`value` and
    ``value_code``. With ``replace = False`` (FILL_WITH_*) missing cells get the value; with
    ``replace = True`` (REPLACE_WITH_*) every cell does, and the step's condition (applied by the
    runner) limits the change to the rows it selects. The statistic is always taken over the
    whole column, whatever the condition. A column with no values (statistic ``None``) is left
    as it is.
    """

    kind = Kind.FIT_MAP
    category = "Missing"
    replace: ClassVar[bool] = False
    statistic: ClassVar[str] = "value"
    """Words for :meth:`describe` ("the average")."""
    value_code: ClassVar[str] = "_value"
    """Python expression of the value in exported code, over the ``_<key>`` variables."""

    def requests(self, params: Any) -> dict[str, Stat]:
        """The statistics, without checks (``stats()`` adds the schema checks)."""
        raise NotImplementedError

    def check(self, params: Any, schema: Schema) -> None:
        """Raise :class:`StepError` when the statistics cannot be taken on ``schema``."""

    def stats(self, params: Any, schema: Schema) -> dict[str, Stat]:
        require_column(schema, params.source_column)
        self.check(params, schema)
        return self.requests(params)

    def value(self, params: Any, fitted: Mapping[str, Any]) -> Any:
        """The value to write (before casting to the column's type); ``None`` for none."""
        raise NotImplementedError

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        out = frame.copy(deep=False)
        out[col] = _bd_fill_stat(frame[col], self.value(params, fitted), self.replace)
        return out

    def describe(self, params: Any) -> str:
        if self.replace:
            return f"Replace values in {params.source_column} with {self.statistic}"
        return f"Fill missing values in {params.source_column} with {self.statistic}"

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        lines = fitted_lines(self.requests(params), fitted)
        lines.append(f"df[{col!r}] = _bd_fill_stat({col_ref(col)}, {self.value_code}, {self.replace!r})")
        return "\n".join(lines)


# --------------------------------------------------------------------------- statistics in code
def stat_lines(var: str, st: Stat) -> list[str]:
    """Exported code binding ``var`` to statistic ``st`` computed on the whole ``df``.

    Matches :mod:`brewdesk.recipes.model.stats`: missing values ignored, ``None`` for no value, exact
    median and quantiles (pandas' linear interpolation), sample std, DataBrew's mode tie rules.
    """
    s = col_ref(st.column)
    if st.name in {"mean", "median", "std", "var", "sum", "min", "max"}:
        lines = [f"{var} = {s}.{st.name}()"]
    elif st.name == "count":
        return [f"{var} = int({s}.count())"]
    elif st.name == "quantile":
        lines = [f"{var} = {s}.quantile({float(st.arg)!r})"]
    elif st.name == "distinct":
        return [f"{var} = sorted({s}.dropna().unique().tolist())"]
    elif st.name == "value_counts":
        return [f"{var} = {s}.dropna().value_counts().sort_index()"]
    elif st.name == "mode":
        rule = str(st.arg or "MINIMUM").upper()
        pick = {
            "MINIMUM": "_top[0] if _top else None",
            "MAXIMUM": "_top[-1] if _top else None",
            "NONE": "_top[0] if len(_top) == 1 else None",
            "AVERAGE": "(_top[0] if len(_top) == 1 else sum(_top) / len(_top)) if _top else None",
        }[rule]
        return [
            f"_vc = {s}.dropna().value_counts()",
            "_top = sorted(_vc[_vc == _vc.max()].index.tolist()) if len(_vc) else []",
            f"{var} = {pick}",
        ]
    else:
        raise ValueError(f"no code for statistic {st.name!r}")
    return [*lines, f"{var} = None if pd.isna({var}) else {var}"]


def fitted_lines(requests: Mapping[str, Stat], fitted: Mapping[str, Any]) -> list[str]:
    """Exported code binding ``_<key>`` for every requested statistic.

    The fitted value is written as a literal when ``fitted`` has it (the engine's whole-dataset
    value); otherwise the code computes it with pandas on ``df``, which in an exported script is
    the whole dataset.
    """
    lines: list[str] = []
    for key, st in requests.items():
        if key in fitted:
            lines.append(f"_{key} = {literal(fitted[key])}")
        else:
            lines += stat_lines(f"_{key}", st)
    return lines


# --------------------------------------------------------------------------- outliers
OutlierStrategy = Literal["Z_SCORE", "MODIFIED_Z_SCORE", "IQR"]

MAD_FACTOR = 0.6745
"""Iglewicz and Hoaglin's constant: modified z = 0.6745 (x - median) / MAD."""
MEAN_AD_FACTOR = 1.253314
"""When MAD = 0: modified z = (x - median) / (1.253314 * mean absolute deviation) (IBM SPSS)."""


class OutlierParams(Params):
    """Parameters shared by FLAG_OUTLIERS and REMOVE_OUTLIERS."""

    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column to check")
    outlier_strategy: OutlierStrategy = Field(
        "Z_SCORE", description="Z_SCORE (mean, std), MODIFIED_Z_SCORE (median, MAD) or IQR (quartiles)"
    )
    threshold: float = Field(
        3.0,
        gt=0,
        description="Score above which a value is an outlier (for IQR: the multiple of the IQR beyond the quartiles)",
    )


def outlier_stats(params: OutlierParams) -> dict[str, Stat]:
    """The whole-dataset statistics an outlier strategy needs.

    MODIFIED_Z_SCORE needs the median of ``|x - median|``, a statistic of a statistic: it asks
    for the column's value counts and derives median and MAD from them exactly (cheap: one entry
    per distinct value) in :func:`outlier_fences`.
    """
    col = params.source_column
    if params.outlier_strategy == "Z_SCORE":
        return {
            "mean": Stat("mean", col),
            "std": Stat("std", col),
            "min": Stat("min", col),
            "max": Stat("max", col),
        }
    if params.outlier_strategy == "IQR":
        return {"q1": Stat("quantile", col, 0.25), "q3": Stat("quantile", col, 0.75)}
    return {"value_counts": Stat("value_counts", col)}


def weighted_quantile(values: np.ndarray, counts: np.ndarray, q: float) -> float:
    """Quantile (linear interpolation, pandas' default) of ``values`` repeated ``counts`` times.

    ``values`` must be sorted ascending; counts are positive.
    """
    cum = np.cumsum(counts)
    n = int(cum[-1])
    pos = q * (n - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    v_lo = float(values[int(np.searchsorted(cum, lo + 1))])
    v_hi = float(values[int(np.searchsorted(cum, hi + 1))])
    if lo == hi or v_lo == v_hi:
        return v_lo
    return v_lo + (v_hi - v_lo) * (pos - lo)


def median_and_spread(counts: pd.Series) -> tuple[float, float, float] | None:
    """``(median, MAD, mean absolute deviation from the median)`` from whole-dataset value counts.

    ``None`` when there are no values.
    """
    vc = counts[counts.to_numpy(dtype="int64", na_value=0) > 0]
    if vc.empty:
        return None
    vc = vc.sort_index()
    values = vc.index.to_numpy(dtype="float64", na_value=np.nan)
    n = vc.to_numpy(dtype="int64")
    median = weighted_quantile(values, n, 0.5)
    dev = np.abs(values - median)
    order = np.argsort(dev, kind="stable")
    mad = weighted_quantile(dev[order], n[order], 0.5)
    mean_ad = float((dev * n).sum() / n.sum())
    return median, mad, mean_ad


def outlier_fences(params: OutlierParams, fitted: Mapping[str, Any]) -> tuple[float, float]:
    """``(low, high)``: a value is an outlier when it is below ``low`` or above ``high``.

    ``(-inf, inf)`` (no outliers) when the column has no values or no spread.

    - Z_SCORE: ``|x - mean| / std > t``, i.e. fences ``mean -/+ t * std`` (sample std, ddof=1).
    - MODIFIED_Z_SCORE: ``0.6745 |x - median| / MAD > t``, fences ``median -/+ t * MAD / 0.6745``;
      when MAD is 0, ``|x - median| / (1.253314 * meanAD) > t``.
    - IQR: fences ``Q1 - t * IQR`` and ``Q3 + t * IQR`` (Tukey's fences with multiplier ``t``).
    """
    t = float(params.threshold)
    none = (-math.inf, math.inf)
    if params.outlier_strategy == "Z_SCORE":
        mean, std = fitted.get("mean"), fitted.get("std")
        if mean is None or std is None or not std or fitted.get("min") == fitted.get("max"):
            return none
        return float(mean) - t * float(std), float(mean) + t * float(std)
    if params.outlier_strategy == "IQR":
        q1, q3 = fitted.get("q1"), fitted.get("q3")
        if q1 is None or q3 is None:
            return none
        iqr = float(q3) - float(q1)
        return float(q1) - t * iqr, float(q3) + t * iqr
    spread = median_and_spread(fitted["value_counts"])
    if spread is None:
        return none
    median, mad, mean_ad = spread
    if mad > 0:
        half = t * mad / MAD_FACTOR
    elif mean_ad > 0:
        half = t * MEAN_AD_FACTOR * mean_ad
    else:
        return none
    return median - half, median + half


def trim_stats(params: Any) -> dict[str, Stat]:
    """DataBrew's ``trimValue`` TRUE: the ``minValue`` / ``maxValue`` percentiles (0-100, whole
    column, linear interpolation) beyond which an outlier is treated (``{}`` when trim is off)."""
    if not getattr(params, "trim_value", False):
        return {}
    col, out = params.source_column, {}
    if params.min_value is not None:
        out["trim_low"] = Stat("quantile", col, params.min_value / 100)
    if params.max_value is not None:
        out["trim_high"] = Stat("quantile", col, params.max_value / 100)
    return out


def trim_sides(x: np.ndarray, fitted: Mapping[str, Any]) -> tuple[np.ndarray, np.ndarray] | None:
    """``(low_ok, high_ok)``: which values lie beyond the trim percentiles of :func:`trim_stats`.

    A low outlier is treated where ``low_ok`` (below the ``minValue``-th percentile), a high one
    where ``high_ok`` (above the ``maxValue``-th). A bound not requested leaves its side
    unrestricted (all ``True``); a requested percentile that is missing (an all-missing column)
    matches nothing. ``x`` is float64 with NaN for missing. ``None`` when trim is off.
    """
    if "trim_low" not in fitted and "trim_high" not in fitted:
        return None
    sides = []
    with np.errstate(invalid="ignore"):
        for key, below in (("trim_low", True), ("trim_high", False)):
            if key not in fitted:
                sides.append(np.ones(len(x), dtype=bool))
                continue
            bound = fitted[key]
            if bound is None or pd.isna(bound):
                sides.append(np.zeros(len(x), dtype=bool))
            else:
                sides.append(x < float(bound) if below else x > float(bound))
    return sides[0], sides[1]


def trim_sides_code(params: Any, fitted: Mapping[str, Any]) -> list[str]:
    """Exported code binding ``_low_ok`` and ``_high_ok`` (:func:`trim_sides` over ``_x``), or ``[]``."""
    requests = trim_stats(params)
    if not requests:
        return []
    lines = fitted_lines(requests, fitted)
    for key, name, op in (("trim_low", "_low_ok", "<"), ("trim_high", "_high_ok", ">")):
        if key not in requests:
            lines.append(f"{name} = np.ones(len(_x), dtype=bool)")
            continue
        lines.append(f"if _{key} is None or pd.isna(_{key}):")
        lines.append(f"    {name} = np.zeros(len(_x), dtype=bool)")
        lines.append("else:")
        lines.append("    with np.errstate(invalid='ignore'):")
        lines.append(f"        {name} = _x {op} float(_{key})")
    return lines


def fences_lines(params: OutlierParams, fitted: Mapping[str, Any]) -> list[str]:
    """Exported code binding ``_lo`` and ``_hi`` (see :func:`outlier_fences`).

    Literals when ``fitted`` has the statistics, else computed with pandas on the whole ``df``.
    Statistics given as code (the Dask export's run-time values, which are not numbers here) are
    bound with :func:`fitted_lines` and the fences computed from them (MODIFIED_Z_SCORE: from the
    value counts, as :func:`median_and_spread` does).
    """
    requests = outlier_stats(params)
    if all(k in fitted for k in requests):
        try:
            lo, hi = outlier_fences(params, fitted)
        except (TypeError, AttributeError):
            pass  # fitted values written as code: computed at run time below
        else:
            return [f"_lo, _hi = {literal(lo)}, {literal(hi)}"]
    t = float(params.threshold)
    s = col_ref(params.source_column)
    none = "_lo, _hi = float('-inf'), float('inf')"
    if params.outlier_strategy == "MODIFIED_Z_SCORE":
        if "value_counts" in fitted:  # given as code: median and deviations from the value counts
            spread = [
                *fitted_lines(requests, fitted),
                "_vc = _value_counts[_value_counts > 0].sort_index()",
                "_v, _w = _vc.index.to_numpy(dtype='float64'), _vc.to_numpy(dtype='int64')",
                "def _wq(v, w, q):  # quantile of v repeated w times (linear interpolation)",
                "    c = np.cumsum(w)",
                "    pos = q * (int(c[-1]) - 1)",
                "    lo, hi = int(np.floor(pos)), int(np.ceil(pos))",
                "    a, b = float(v[np.searchsorted(c, lo + 1)]), float(v[np.searchsorted(c, hi + 1)])",
                "    return a if lo == hi or a == b else a + (b - a) * (pos - lo)",
                "_med = _wq(_v, _w, 0.5) if len(_v) else 0.0",
                "_dev = np.abs(_v - _med)",
                "_o = np.argsort(_dev, kind='stable')",
                "_mad = _wq(_dev[_o], _w[_o], 0.5) if len(_v) else 0.0",
                "_mean_ad = float((_dev * _w).sum() / _w.sum()) if len(_v) else 0.0",
            ]
        else:
            spread = [
                f"_x = {s}.dropna().astype('float64')",
                "_med = float(_x.median()) if len(_x) else 0.0",
                "_dev = (_x - _med).abs()",
                "_mad = float(_dev.median()) if len(_x) else 0.0",
                "_mean_ad = float(_dev.mean()) if len(_x) else 0.0",
            ]
        return [
            *spread,
            "if _mad > 0:",
            f"    _lo, _hi = _med - {t!r} * _mad / {MAD_FACTOR!r}, _med + {t!r} * _mad / {MAD_FACTOR!r}",
            "elif _mean_ad > 0:",
            f"    _lo, _hi = _med - {t!r} * {MEAN_AD_FACTOR!r} * _mean_ad, _med + {t!r} * {MEAN_AD_FACTOR!r} * _mean_ad",
            "else:",
            f"    {none}",
        ]
    lines = fitted_lines(requests, fitted)
    if params.outlier_strategy == "IQR":
        return [
            *lines,
            "if _q1 is None or _q3 is None:",
            f"    {none}",
            "else:",
            "    _iqr = float(_q3) - float(_q1)",
            f"    _lo, _hi = float(_q1) - {t!r} * _iqr, float(_q3) + {t!r} * _iqr",
        ]
    return [
        *lines,
        "if _mean is None or _std is None or not _std or _min == _max:",
        f"    {none}",
        "else:",
        f"    _lo, _hi = float(_mean) - {t!r} * float(_std), float(_mean) + {t!r} * float(_std)",
    ]


def describe_strategy(params: OutlierParams) -> str:
    """``"Z-score > 3"``-style words for describe()."""
    names = {"Z_SCORE": "Z-score", "MODIFIED_Z_SCORE": "modified Z-score", "IQR": "IQR"}
    t = f"{params.threshold:g}"
    if params.outlier_strategy == "IQR":
        return f"more than {t} IQR beyond the quartiles"
    return f"{names[params.outlier_strategy]} above {t}"


# --------------------------------------------------------------------------- last-n-rows carry
def with_history(history: pd.Series | None, s: pd.Series) -> tuple[pd.Series, int]:
    """``(history followed by s, len(history))`` on a fresh RangeIndex, in ``s``'s dtype."""
    body = s.reset_index(drop=True)
    if history is None or len(history) == 0:
        return body, 0
    both = pd.concat([history, body], ignore_index=True)
    if both.dtype != s.dtype:
        both = both.astype(s.dtype)
    return both, len(history)


class NeighbourCheck:
    """Mixin: raise the validation problem of a NEIGHBOUR step again at run time.

    ``problem(params)`` returns the message (or ``None``); ``columns()`` raises it as a
    StepProblem, ``apply()`` as a StepError (so a run without validation fails the same way).
    """

    def problem(self, params: Any) -> str | None:
        return None

    def check_run(self, params: Any) -> None:
        msg = self.problem(params)
        if msg:
            raise StepError(msg)
