"""Kernels of arithmetic: rounding half away from zero, the binary operators of ADD ... MOD with
DataBrew's missing and division rules, the one-column math functions, and number formatting.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.types import _bd_typed


def _bd_round(s, decimals=0):
    """Round half away from zero (DataBrew: ".5 rounds up"), not numpy's half-to-even.

    A value within 1e-14 (relative) of a half counts as the half, so 2.675 (stored as
    2.67499999...) rounds to 2.68 as written. Integer columns stay integer.
    """
    is_int = pd.api.types.is_integer_dtype(s.dtype)
    if is_int and decimals >= 0:
        return s.astype("Int64")
    x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    scale = 10.0 ** abs(decimals)
    y = np.abs(x) * scale if decimals >= 0 else np.abs(x) / scale
    low = np.floor(y)
    up = (y - low >= 0.5) | (np.abs(y - low - 0.5) <= y * 1e-14)
    r = np.where(up, low + 1, low)
    r = (r / scale if decimals >= 0 else r * scale) * np.sign(x) + 0.0
    out = pd.Series(r, index=s.index, dtype="Float64").mask(s.isna())
    return out.astype("Int64") if is_int else out


def _bd_arith(a, b, op):
    """``a op b`` for ADD, SUBTRACT, MULTIPLY, DIVIDE, MOD on numeric Series (missing in, missing
    out). Two integer operands give integers, except DIVIDE; a zero divisor gives missing; MOD
    keeps the sign of ``a`` (Spark's ``%``)."""
    ints = pd.api.types.is_integer_dtype(a.dtype) and pd.api.types.is_integer_dtype(b.dtype) and op != "DIVIDE"
    kind = "Int64" if ints else "Float64"
    x, y = a.astype(kind), b.astype(kind)
    na = (x.isna() | y.isna()).to_numpy(dtype=bool)
    if op in ("DIVIDE", "MOD"):
        na = na | (y == 0).fillna(False).to_numpy(dtype=bool)
    if op == "ADD":
        out = x + y
    elif op == "SUBTRACT":
        out = x - y
    elif op == "MULTIPLY":
        out = x * y
    elif op == "DIVIDE":
        out = x / y.mask(na, 1)
    elif op == "MOD":
        np_kind = "int64" if ints else "float64"
        xv = x.to_numpy(dtype=np_kind, na_value=0)
        yv = np.where(na, 1, y.to_numpy(dtype=np_kind, na_value=1))
        out = pd.Series(np.fmod(xv, yv), index=a.index, dtype=kind)
    else:
        raise ValueError(f"unknown arithmetic operation {op!r}")
    return out.mask(na)


def _bc_math(s, op, arg=None):
    """One-argument math on a numeric Series. ABSOLUTE, NEGATE and CEILING keep integer columns
    integer; SIGN gives integers -1, 0, 1; every other result is a number. Results that are not
    finite numbers (LN of 0, SQUARE_ROOT of -1, overflow) are missing, as are missing inputs."""
    is_int = pd.api.types.is_integer_dtype(s.dtype)
    if is_int and op in ("ABSOLUTE", "NEGATE", "CEILING"):
        x = s.astype("Int64")
        return x.abs() if op == "ABSOLUTE" else -x if op == "NEGATE" else x
    x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(all="ignore"):
        if op == "ABSOLUTE":
            r = np.abs(x)
        elif op == "NEGATE":
            r = -x
        elif op == "SIGN":
            r = np.sign(x)
        elif op == "CEILING":
            r = np.ceil(x)
        elif op == "DEGREES":
            r = np.degrees(x)
        elif op == "RADIANS":
            r = np.radians(x)
        elif op == "EXPONENT":
            r = np.exp(x)
        elif op == "LN":
            r = np.where(x > 0, np.log(np.where(x > 0, x, 1.0)), np.nan)
        elif op == "LOG":
            r = np.where(x > 0, np.log(np.where(x > 0, x, 1.0)) / np.log(float(arg)), np.nan)
        elif op == "SQUARE_ROOT":
            r = np.where(x >= 0, np.sqrt(np.where(x >= 0, x, 0.0)), np.nan)
        elif op == "POWER":
            r = np.power(x, float(arg))
        else:
            raise ValueError(f"unknown math function {op!r}")
    r = r + 0.0
    bad = ~np.isfinite(r)
    out = pd.Series(np.where(bad, 0.0, r), index=s.index, dtype="Float64").mask(bad)
    return out.astype("Int64") if op == "SIGN" else out


def _bt_number_format(x, decimals, dec_sep, thou_sep, divisor, suffix):
    """NUMBER_FORMAT: numbers divided by ``divisor``, rounded half away from zero to ``decimals``
    places, written with ``dec_sep`` and ``thou_sep`` (between groups of three digits; "" for
    none), followed by ``suffix``. Missing and infinite values give missing."""
    idx = x.index
    if pd.api.types.is_integer_dtype(x.dtype) and divisor == 1:
        vals = [None if v is None or v is pd.NA else int(v) for v in x.astype("Int64").tolist()]
        text = [None if v is None else f"{v:,}" + ("." + "0" * decimals if decimals else "") for v in vals]
    else:
        v = x.astype("Float64").to_numpy(dtype="float64", na_value=np.nan) / divisor
        scale = 10.0**decimals
        with np.errstate(invalid="ignore", over="ignore"):
            y = np.abs(v) * scale
            low = np.floor(y)
            up = (y - low >= 0.5) | (np.abs(y - low - 0.5) <= y * 1e-14)
            r = np.where(up, low + 1, low) / scale * np.sign(v) + 0.0
        text = [f"{f:,.{decimals}f}" if np.isfinite(f) else None for f in r.tolist()]
    out = []
    for t in text:
        if t is None:
            out.append(None)
            continue
        out.append(t.replace(",", "\0").replace(".", dec_sep).replace("\0", thou_sep) + suffix)
    return pd.Series(out, index=idx, dtype="string[pyarrow]")


def _bd_skew(x, function, value):
    """DataBrew's skew functions on float64 values ``x`` (NaN missing); undefined results are NaN.

    ROOT ``n`` (default 2): a real root, so an odd integer root keeps the sign of a negative value
    (the cube root "reduces positive and negative skew") and any other root of a negative value is
    missing. LOG ``b`` (default e): ``log(x) / log(b)`` for ``x > 0``, missing otherwise.
    SQUARE: ``x * x``. Infinite results (an overflowing square) are missing.
    """
    with np.errstate(all="ignore"):
        if function == "SQUARE":
            y = x * x
        elif function == "LOG":
            base = math.e if value is None else float(value)
            y = np.where(x > 0, np.log(np.where(x > 0, x, 1.0)) / math.log(base), np.nan)
        else:
            n = 2.0 if value is None else float(value)
            odd = n.is_integer() and int(n) % 2 == 1
            y = np.sign(x) * np.abs(x) ** (1.0 / n) if odd else np.where(x >= 0, np.abs(x) ** (1.0 / n), np.nan)
    return np.where(np.isfinite(y), y, np.nan)


def _bd_outliers(s, lo, hi):
    """The outliers of a numeric column (a boolean array): below ``lo`` or above ``hi``; missing
    values are not outliers."""
    return ((s < lo) | (s > hi)).fillna(False).to_numpy(dtype=bool)


def _bd_fill_number(s, value):
    """Missing values of ``s`` filled with the number ``value`` (rounded half to even for an
    integer column); ``s`` itself when ``value`` is ``None``."""
    if value is None:
        return s
    if pd.api.types.is_integer_dtype(s.dtype):
        value = int(round(float(value)))
    return s.fillna(value)


def _bd_floor(s):
    """FLOOR: the largest whole number not above each value (an integer column is unchanged)."""
    if pd.api.types.is_integer_dtype(s.dtype):
        return s.copy()
    return np.floor(s.astype("Float64"))


def _bd_scale_linear(strategy, lo, hi, mean=None, std=None):
    """SCALE: ``(center, denominator)`` of ``(x - center) / denominator`` from the whole column's
    ``lo`` (min), ``hi`` (max), ``mean`` and sample ``std``; ``None`` when the column has no
    values. A constant column gives ``(lo, 1.0)`` (every value scales to 0); a zero ``std`` for
    differing values (too large for their spread) is a ``ValueError``."""
    if lo is None or hi is None:
        return None
    if lo == hi:
        return float(lo), 1.0
    if strategy == "Z_SCORE":
        if not std:
            raise ValueError("the standard deviation came out as 0 although the values differ (they are too large for their spread)")
        return float(mean), float(std)
    center = float(mean) if strategy == "MEAN_NORMALIZATION" else float(lo)
    return center, float(hi) - float(lo)


def _bd_scale(s, strategy, lo, hi, mean=None, std=None, min_value=0.0, max_value=1.0):
    """SCALE: ``s`` rescaled (``Float64``) with the whole column's statistics
    (:func:`_bd_scale_linear`); SCALE_BETWEEN maps the MIN_MAX value onto
    [``min_value``, ``max_value``]. A column with no values stays missing."""
    x = s.astype("Float64")
    lin = _bd_scale_linear(strategy, lo, hi, mean, std)
    if lin is None:
        return x
    y = (x - lin[0]) / lin[1]
    if strategy == "SCALE_BETWEEN":
        y = y * (max_value - min_value) + min_value
    return y


def _bd_zscore(x, mean, std):
    """RESCALE_OUTLIERS_WITH_Z_SCORE: ``(x - mean) / std`` of a float64 ndarray with the whole
    column's ``mean`` and sample ``std``; all NaN when there is no spread (no mean, or a zero
    ``std``; a missing ``std`` gives NaN scores too)."""
    if mean is None or not std:
        return np.full(len(x), np.nan)
    return (x - float(mean)) / float(std)


def _bd_replace_outliers(s, lo, hi, v_low, v_high, low_ok=None, high_ok=None):
    """REPLACE_OUTLIERS: the values of a numeric column below the fence ``lo`` become ``v_low``,
    those above ``hi`` become ``v_high``, each in the column's type (:func:`_bd_typed`; ``None``:
    missing); values on a fence and missing values are kept. ``low_ok`` / ``high_ok`` (boolean
    arrays, trim) restrict the replaced outliers."""
    x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        low, high = x < lo, x > hi
    if low_ok is not None:
        low, high = low & low_ok, high & high_ok
    return s.mask(low, _bd_typed(s.dtype, v_low)).mask(high, _bd_typed(s.dtype, v_high))
