"""Kernels of dates and times: differences, datetimes and times built from parts, adding to a
date, Unix time and time zone conversion.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.types import _bd_convert


def _bd_date_diff(a, b, units):
    """``b - a`` in whole ``units`` (truncated toward zero): elapsed time for MILLISECONDS to
    WEEKS, complete calendar months for MONTHS, QUARTERS and YEARS."""
    x = a.to_numpy(dtype="datetime64[us]")
    y = b.to_numpy(dtype="datetime64[us]")
    na = np.isnat(x) | np.isnat(y)
    x = np.where(na, np.datetime64(0, "us"), x)
    y = np.where(na, np.datetime64(0, "us"), y)
    idx = a.index
    per = {"MILLISECONDS": 1_000, "SECONDS": 1_000_000, "MINUTES": 60_000_000,
           "HOURS": 3_600_000_000, "DAYS": 86_400_000_000, "WEEKS": 604_800_000_000}
    if units in per:
        d = (y - x).astype("int64")
        q = np.abs(d) // per[units] * np.sign(d)
        return pd.Series(q, index=idx, dtype="Int64").mask(na)
    mx = x.astype("datetime64[M]")
    my = y.astype("datetime64[M]")
    months = (my - mx).astype("int64")
    rx = (x - mx.astype("datetime64[us]")).astype("int64")
    ry = (y - my.astype("datetime64[us]")).astype("int64")
    months = months - ((months > 0) & (ry < rx)) + ((months < 0) & (ry > rx))
    div = {"MONTHS": 1, "QUARTERS": 3, "YEARS": 12}[units]
    q = np.abs(months) // div * np.sign(months)
    return pd.Series(q, index=idx, dtype="Int64").mask(na)


def _bd_make_datetime(year, month, day, hour, minute, second):
    """A datetime from parts (Series or numbers). The date must be a real calendar date (else
    missing); hour, minute and second are added as durations, so 24:00 is next midnight."""
    idx = next((p.index for p in (year, month, day, hour, minute, second) if isinstance(p, pd.Series)), None)
    n = 1 if idx is None else len(idx)

    def part(v):
        if isinstance(v, pd.Series):
            f = pd.to_numeric(v.astype("string[pyarrow]").str.strip(), errors="coerce") if pd.api.types.is_string_dtype(v.dtype) else v
            return pd.Series(f, index=v.index).astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        return np.full(n, np.nan if v is None else float(v))

    y, mo, d, h, mi, se = (part(v) for v in (year, month, day, hour, minute, second))
    ok = np.ones(n, dtype=bool)
    for v in (y, mo, d, h, mi, se):
        ok &= np.isfinite(v) & (v == np.floor(v))
    ok &= (mo >= 1) & (mo <= 12) & (d >= 1) & (d <= 31) & (y >= 1) & (y <= 9999)
    yi, moi, di = (np.where(ok, v, 1).astype("int64") for v in (y, mo, d))
    first = (yi - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (moi - 1)
    date = first.astype("datetime64[D]") + (di - 1)
    ok &= date.astype("datetime64[M]") == first
    secs = np.where(ok, h * 3600 + mi * 60 + se, 0).astype("int64")
    out = date.astype("datetime64[us]") + secs.astype("timedelta64[s]")
    return pd.Series(out, index=idx).mask(~ok).astype("datetime64[us]")


def _bd_time(hour, minute, second, fmt=None):
    """Time-of-day text from parts (Series or numbers): ``HH:MM:SS``, or ``fmt`` (strftime codes
    %H %I %M %S %p %%). Out of range (hour 0-23, minute and second 0-59) or fractional parts give
    missing."""
    idx = next((p.index for p in (hour, minute, second) if isinstance(p, pd.Series)), None)
    n = 1 if idx is None else len(idx)

    def part(v):
        if isinstance(v, pd.Series):
            f = pd.to_numeric(v.astype("string[pyarrow]").str.strip(), errors="coerce") if pd.api.types.is_string_dtype(v.dtype) else v
            return pd.Series(f, index=v.index).astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        return np.full(n, np.nan if v is None else float(v))

    h, m, s = (part(v) for v in (hour, minute, second))
    ok = np.ones(n, dtype=bool)
    for v, top in ((h, 23), (m, 59), (s, 59)):
        ok &= np.isfinite(v) & (v == np.floor(v)) & (v >= 0) & (v <= top)
    h, m, s = (pd.Series(np.where(ok, v, 0).astype("int64"), index=idx) for v in (h, m, s))
    pieces = {"H": h, "I": (h + 11) % 12 + 1, "M": m, "S": s}
    out = pd.Series("", index=idx, dtype="string[pyarrow]")
    for token in re.split(r"(%.)", fmt or "%H:%M:%S"):
        if token in ("%H", "%I", "%M", "%S"):
            out = out + pieces[token[1]].astype("string[pyarrow]").str.zfill(2)
        elif token == "%p":
            out = out + pd.Series(np.where(h < 12, "AM", "PM"), index=idx, dtype="string[pyarrow]")
        elif token == "%%":
            out = out + "%"
        elif token.startswith("%") and len(token) == 2:
            raise ValueError(f"unsupported time format code {token}")
        elif token:
            out = out + token
    return out.mask(~ok)


def _bc_date_add(dt, units, n):
    """``dt`` plus ``n`` ``units``. Calendar units (YEARS, QUARTERS, MONTHS) keep the day of the
    month, clipped to the month's last day (Jan 31 + 1 month = Feb 28/29); the others add a
    fixed duration."""
    dt = dt.astype("datetime64[us]")
    months = {"YEARS": 12, "QUARTERS": 3, "MONTHS": 1}
    if units in months:
        out = dt + pd.DateOffset(months=int(n) * months[units])
    else:
        unit = {"WEEKS": "W", "DAYS": "D", "HOURS": "h", "MINUTES": "min", "SECONDS": "s",
                "MILLISECONDS": "ms"}[units]
        out = dt + pd.Timedelta(int(n), unit=unit)
    return out.astype("datetime64[us]")


def _bc_unix_time(dt):
    """Whole seconds since 1970-01-01 00:00:00 (rounded down) of a datetime Series."""
    v = dt.to_numpy(dtype="datetime64[us]")
    na = np.isnat(v)
    secs = np.where(na, 0, v.astype("int64")) // 1_000_000
    return pd.Series(secs, index=dt.index, dtype="Int64").mask(na)


def _bc_convert_timezone(dt, from_tz, to_tz):
    """Wall-clock datetimes read in time zone ``from_tz``, as wall-clock times in ``to_tz``. A time
    that does not exist in ``from_tz`` (skipped by a daylight saving change) gives missing; a
    repeated one is read as its first (daylight saving) occurrence."""
    dt = dt.astype("datetime64[us]")
    first = np.ones(len(dt), dtype=bool)
    local = dt.dt.tz_localize(from_tz, ambiguous=first, nonexistent="NaT")
    return local.dt.tz_convert(to_tz).dt.tz_localize(None).astype("datetime64[us]")


def _bd_mask_date(s, fmt, cut):
    """MASK_DATE: datetimes written as text with the strftime pattern ``fmt`` (the redacted parts
    already masked in it); ``cut`` drops the last three digits (microseconds to milliseconds)."""
    text = s.dt.strftime(fmt).astype("string[pyarrow]")
    return text.str.slice(None, -3) if cut else text


def _bc_add_to_date(s, units, n, fmt=None):
    """DATE_ADD: ``n`` ``units`` added to ``s`` read as datetimes; written as text with the strftime
    pattern ``fmt`` when given."""
    out = _bc_date_add(_bd_convert(s, "datetime"), units, n)
    return out if fmt is None else _bd_convert(out, "string", fmt)


def _bc_in_time_zone(s, from_tz, to_tz, fmt=None):
    """CONVERT_TIMEZONE: ``s`` read as datetimes in ``from_tz``, as wall-clock times of ``to_tz``;
    written as text with the strftime pattern ``fmt`` when given."""
    out = _bc_convert_timezone(_bd_convert(s, "datetime"), from_tz, to_tz)
    return out if fmt is None else _bd_convert(out, "string", fmt)


def _bd_dates_diff(a, b, units):
    """DATE_DIFF: ``b - a`` in ``units``, both read as datetimes (:func:`_bd_date_diff`)."""
    return _bd_date_diff(_bd_convert(a, "datetime"), _bd_convert(b, "datetime"), units)


def _bd_date_part(s, part, fmt=None, offset=0):
    """YEAR, MONTH, DAY, HOUR, ... WEEK_NUMBER, MILLISECOND: an integer part (Int64) of ``s`` read
    as datetimes (text parsed with the strftime pattern ``fmt``, else as ISO 8601; text that does
    not parse gives missing), plus ``offset``. ``part``: a ``Series.dt`` attribute, ``week`` (the
    ISO week) or ``millisecond``."""
    dt = _bd_convert(s, "datetime", fmt).dt
    if part == "week":
        value = dt.isocalendar()["week"].astype("Int64")
    elif part == "millisecond":
        value = dt.microsecond.astype("Int64") // 1000
    else:
        value = getattr(dt, part).astype("Int64")
    return value + offset if offset else value


def _bd_month_name(s, fmt=None):
    """MONTH_NAME: the English name of the month of ``s`` read as datetimes (as text)."""
    return _bd_convert(_bd_convert(s, "datetime", fmt), "string", "%B")


def _bc_unix_seconds(s, fmt=None):
    """UNIX_TIME: seconds since 1970-01-01 of ``s`` read as datetimes (:func:`_bc_unix_time`)."""
    return _bc_unix_time(_bd_convert(s, "datetime", fmt))
