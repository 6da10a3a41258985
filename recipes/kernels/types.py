"""Kernels of type conversion: CHANGE_DATA_TYPE's casts (also how text is read as dates or
numbers elsewhere) and the cells the missing-value operations treat as missing.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd


def _bd_convert(s, to, fmt=None):
    """Convert a column the way CHANGE_DATA_TYPE does; values that do not convert become missing.

    ``to``: int64/long/int/short/byte, float64/double/float/decimal/number, string, boolean,
    datetime/timestamp, date. ``fmt``: strftime pattern for text <-> datetime (default: ISO 8601
    when parsing, ``%Y-%m-%d %H:%M:%S`` plus nonzero fractions when formatting).
    """
    na = s.isna().to_numpy(dtype=bool)
    if isinstance(s.dtype, pd.CategoricalDtype) or s.dtype == object:
        s = s.astype("string[pyarrow]")
    idx = s.index
    is_bool = pd.api.types.is_bool_dtype(s.dtype)
    is_dt = pd.api.types.is_datetime64_any_dtype(s.dtype)
    is_text = pd.api.types.is_string_dtype(s.dtype)
    ints = {"byte": 7, "short": 15, "int": 31, "long": 63, "int64": 63}
    if to == "string":
        if is_bool:
            flags = s.fillna(False).to_numpy(dtype=bool)
            out = pd.Series(np.where(flags, "true", "false"), index=idx, dtype="string[pyarrow]")
        elif is_dt:
            # optional heavy dependency: pyarrow, loaded only when this kernel runs
            import pyarrow as pa
            import pyarrow.compute as pc

            v = np.where(na, np.datetime64(0, "us"), s.to_numpy(dtype="datetime64[us]"))
            t = pd.Series(v, index=idx).dt
            months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
            days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
            tables = {}
            pieces = []
            for part in re.split(r"(%.)", fmt or "%Y-%m-%d %H:%M:%S"):
                if len(part) == 2 and part[0] == "%":
                    c = part[1]
                    if c == "%":
                        pieces.append(pa.scalar("%", pa.large_string()))
                        continue
                    if c in "BbAap":
                        names = {"B": months, "b": [m[:3] for m in months], "A": days,
                                 "a": [d[:3] for d in days], "p": ["AM", "PM"]}[c]
                        pos = {"B": t.month - 1, "b": t.month - 1, "A": t.day_of_week,
                               "a": t.day_of_week, "p": t.hour // 12}[c]
                        table = pa.array(names, pa.large_string())
                    else:
                        num = {"Y": (t.year, 4), "y": (t.year % 100, 2), "m": (t.month, 2),
                               "d": (t.day, 2), "H": (t.hour, 2), "I": ((t.hour + 11) % 12 + 1, 2),
                               "M": (t.minute, 2), "S": (t.second, 2), "f": (t.microsecond, 6),
                               "j": (t.day_of_year, 3)}.get(c)
                        if num is None:
                            raise ValueError(f"unsupported date format code %{c}")
                        pos, width = num
                        if width == 6 or not ((pos >= 0) & (pos < 10**width)).all():
                            piece = pos.astype("string[pyarrow]").str.zfill(width)
                            pieces.append(pa.array(piece.array, type=pa.large_string()))
                            continue
                        if width not in tables:
                            tables[width] = pa.array([str(i).zfill(width) for i in range(10**width)], pa.large_string())
                        table = tables[width]
                    pieces.append(pc.take(table, pa.array(pos.to_numpy(dtype="int64"))))
                elif part:
                    pieces.append(pa.scalar(part, pa.large_string()))
            if not pieces:
                pieces.append(pa.scalar("", pa.large_string()))
            if not any(isinstance(p, pa.Array) for p in pieces):
                pieces.append(pa.array([""] * len(v), pa.large_string()))
            joined = pc.binary_join_element_wise(*pieces, pa.scalar("", pa.large_string()))
            out = pd.Series(pd.array(joined, dtype="string[pyarrow]"), index=idx)
            micro = t.microsecond
            if fmt is None and (micro != 0).any():
                frac = ("." + micro.astype("string[pyarrow]").str.zfill(6)).str.rstrip("0")
                out = out.where(micro == 0, out + frac)
        else:
            out = s.astype("string[pyarrow]")
        return out.mask(na)
    if to in ("datetime", "timestamp", "date"):
        if is_bool:
            raise TypeError("a boolean column cannot become a datetime")
        if is_dt:
            out = s.astype("datetime64[us]")
        elif is_text:
            parsed = pd.to_datetime(s.str.strip(), format=fmt or "ISO8601", errors="coerce", utc=True)
            out = parsed.dt.tz_localize(None).astype("datetime64[us]")
        else:
            x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
            ok = np.isfinite(x) & (np.abs(x) < 9.2e12)
            us = np.where(ok, np.round(np.where(ok, x, 0) * 1e6), 0).astype("int64")
            out = pd.Series(us.astype("datetime64[us]"), index=idx).mask(~ok)
        if to == "date":
            out = out.dt.floor("D")
        return out.mask(na)
    if to == "boolean":
        if is_dt:
            raise TypeError("a datetime column cannot become a boolean")
        if is_bool:
            return s.astype("boolean")
        if is_text:
            t = s.str.strip().str.lower()
            yes = t.isin(["true", "t", "yes", "y", "1"]).fillna(False).to_numpy(dtype=bool)
            no = t.isin(["false", "f", "no", "n", "0"]).fillna(False).to_numpy(dtype=bool)
            return pd.Series(yes, index=idx, dtype="boolean").mask(~(yes | no))
        x = s.astype("Float64")
        return (x != 0).astype("boolean").mask(x.isna())
    if to in ("float64", "double", "float", "decimal", "number"):
        if is_dt:
            us = s.to_numpy(dtype="datetime64[us]").astype("int64")
            return pd.Series(us / 1e6, index=idx, dtype="Float64").mask(na)
        if is_text:
            x = pd.to_numeric(s.str.strip(), errors="coerce")
            x = pd.Series(x, index=idx).astype("Float64")
            return x.mask(~np.isfinite(x.to_numpy(dtype="float64", na_value=np.nan)))
        return s.astype("Float64")
    if to in ints:
        bits = ints[to]
        lo, hi = -(2**bits), 2**bits - 1
        if is_bool or pd.api.types.is_integer_dtype(s.dtype):
            out = s.astype("Int64")
        else:
            if is_dt:
                x = np.floor(s.to_numpy(dtype="datetime64[us]").astype("int64") / 1e6)
            elif is_text:
                text = s.str.strip()
                x = pd.to_numeric(text, errors="coerce")
                x = pd.Series(x, index=idx).astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
            else:
                x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
            x = np.trunc(x)
            ok = np.isfinite(x) & (x >= float(lo)) & (x < 2.0**bits)
            out = pd.Series(np.where(ok, x, 0).astype("int64"), index=idx, dtype="Int64").mask(~ok)
            if is_text:
                exact = text.where(text.str.fullmatch(r"[+-]?\d{1,18}").fillna(False))
                exact = pd.Series(pd.to_numeric(exact, errors="coerce"), index=idx).astype("Int64")
                out = exact.where(exact.notna(), out)
        return out.where((out >= lo) & (out <= hi)).mask(na)
    raise ValueError(f"unknown column data type {to!r}")


def _bd_missing(s):
    """Missing cells (a boolean numpy array): missing, or empty or blank text."""
    na = s.isna().to_numpy(dtype=bool)
    if pd.api.types.is_string_dtype(s.dtype) or isinstance(s.dtype, pd.CategoricalDtype) or s.dtype == object:
        blank = s.astype("string[pyarrow]").str.strip().eq("").fillna(False).to_numpy(dtype=bool)
        return na | blank
    return na


def _bd_blank_to_missing(s):
    """FILL_WITH_NULL: missing, empty and blank cells become missing (a category column drops
    its blank categories)."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        return s.cat.remove_categories([c for c in s.cat.categories if str(c).strip() == ""])
    return s.mask(_bd_missing(s))


def _bd_empty_like(s):
    """REPLACE_WITH_EMPTY: every cell of ``s`` empty text, in ``s``'s dtype (a category column
    gains the empty category)."""
    if isinstance(s.dtype, pd.CategoricalDtype) and "" not in s.cat.categories:
        s = s.cat.add_categories(pd.Index([""], dtype=s.cat.categories.dtype))
    return pd.Series([""] * len(s), index=s.index, dtype=s.dtype)


def _bd_any_missing(df, cols):
    """REMOVE_MISSING: the rows (a boolean array) where any of ``cols`` is missing, empty or blank."""
    missing = np.zeros(len(df), dtype=bool)
    for c in cols:
        missing |= _bd_missing(df[c])
    return missing


def _ri_invalid(s, kind):
    """Rows (a boolean numpy array) whose text is neither missing/blank nor readable as ``kind``."""
    if not (pd.api.types.is_string_dtype(s.dtype) or pd.api.types.is_object_dtype(s.dtype)):
        return np.zeros(len(s), dtype=bool)
    t = s.astype("string").str.strip()
    present = (t.notna() & t.ne("")).fillna(False).to_numpy(dtype=bool)
    if kind == "number":
        ok = pd.to_numeric(t, errors="coerce").notna()
    elif kind == "integer":
        num = pd.to_numeric(t, errors="coerce")
        ok = num.notna() & (num.fillna(0) % 1 == 0)
    elif kind == "boolean":
        ok = t.str.lower().isin(["true", "false", "1", "0", "yes", "no"])
    else:
        ok = pd.to_datetime(t, errors="coerce", format="mixed").notna()
    return present & ~ok.fillna(False).to_numpy(dtype=bool)


def _bd_to_category(s, distinct):
    """TO_CATEGORY: ``s`` as text in a category column whose categories are ``distinct`` (the
    whole dataset's distinct values) as text."""
    dtype = pd.CategoricalDtype(pd.Index([str(v) for v in distinct], dtype="string[pyarrow]"))
    return s.astype("string[pyarrow]").astype(dtype)


def _bd_typed(dtype, value):
    """A statistic as a plain Python value of a column's ``dtype``; ``None`` when there is none.

    Integer columns get an integer: a fractional statistic (a mean, a median between two values,
    the AVERAGE of tied modes) is rounded half to even, like Python's ``round`` and pandas'
    ``Series.round`` (DataBrew's pages do not say; fill_with_median made the same choice).
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float | np.floating) and math.isnan(float(value)):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if pd.api.types.is_bool_dtype(dtype):
        return bool(value)
    if pd.api.types.is_integer_dtype(dtype):
        return int(round(float(value))) if isinstance(value, float) else int(value)
    if pd.api.types.is_float_dtype(dtype):
        return float(value)
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return pd.Timestamp(value)
    if pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
        return str(value)
    return value


def _bd_fill_stat(s, value, replace):
    """FILL_WITH_* (missing cells) or REPLACE_WITH_* (every cell, with ``replace``): ``s`` with the
    whole-dataset statistic ``value`` in its type (:func:`_bd_typed`); ``s`` when there is none."""
    v = _bd_typed(s.dtype, value)
    if v is None:
        return s
    return pd.Series(v, index=s.index, dtype=s.dtype) if replace else s.fillna(v)


def _bd_logical(dtype):
    """The logical type name of a column dtype (``int64``, ``float64``, ``boolean``, ``string``,
    ``datetime``, ``category`` or ``object``): the one classification, which
    :func:`brewdesk.recipes.model.types.logical_type` (the schema) uses too."""
    if isinstance(dtype, pd.CategoricalDtype):
        return "category"
    if isinstance(dtype, pd.ArrowDtype):
        # pyarrow: only Arrow-backed columns need it, and they exist only when it is installed
        import pyarrow as pa

        t = dtype.pyarrow_dtype
        if pa.types.is_integer(t):
            return "int64"
        if pa.types.is_floating(t) or pa.types.is_decimal(t):
            return "float64"
        if pa.types.is_boolean(t):
            return "boolean"
        if pa.types.is_string(t) or pa.types.is_large_string(t):
            return "string"
        if pa.types.is_timestamp(t) or pa.types.is_date(t):
            return "datetime"
        return "object"
    if isinstance(dtype, pd.StringDtype):
        return "string"
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "int64"
    if pd.api.types.is_float_dtype(dtype):
        return "float64"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    if pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
        return "string"
    return "object"


def _bd_custom_value(value, logical):
    """FILL_WITH_CUSTOM / REPLACE_WITH_CUSTOM: ``value`` (text, a number or a boolean) in the
    logical type ``logical``; a ``ValueError`` saying why when it does not convert."""
    text = value if isinstance(value, str) else ("true" if value is True else "false" if value is False else repr(value))
    if logical in {"string", "category", "object"}:
        return value if isinstance(value, str) else text
    if isinstance(value, bool) and logical != "boolean":
        raise ValueError(f"{text} is not a value for a {logical} column")
    if logical in {"int64", "float64"}:
        num = pd.to_numeric(pd.Series([text]), errors="coerce").iloc[0]
        if pd.isna(num) or (logical == "int64" and float(num) != int(num)):
            kind = "a whole number" if logical == "int64" else "a number"
            raise ValueError(f"{value!r} is not {kind}")
        return int(num) if logical == "int64" else float(num)
    converted = _bd_convert(pd.Series([text], dtype="string[pyarrow]"), "datetime" if logical == "datetime" else "boolean").iloc[0]
    if pd.isna(converted):
        kind = "a date (ISO 8601, e.g. 2024-01-31)" if logical == "datetime" else "true or false"
        raise ValueError(f"{value!r} is not {kind}")
    return bool(converted) if logical == "boolean" else pd.Timestamp(converted)


def _bd_fill_custom(s, value, replace=False):
    """FILL_WITH_CUSTOM (missing, empty and blank cells) or REPLACE_WITH_CUSTOM (every cell, with
    ``replace``): ``s`` with ``value`` in its type (:func:`_bd_custom_value`); the dtype is kept (a
    category column gains the value as a category)."""
    v = _bd_custom_value(value, _bd_logical(s.dtype))
    if isinstance(s.dtype, pd.CategoricalDtype) and v not in s.cat.categories:
        s = s.cat.add_categories(pd.Index([v], dtype=s.cat.categories.dtype))
    if replace:
        return pd.Series([v] * len(s), index=s.index, dtype=s.dtype)
    return s.mask(_bd_missing(s), v)
