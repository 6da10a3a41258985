"""Kernels of the row aggregates (ROW_SUM ... ROW_MODE, ROW_ANY, ROW_COUNT): one value per row
over several columns.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.types import _bd_convert, _bd_logical, _bd_missing


def _br_aggregate(df, cols, how, k=None, mode_type="MINIMUM"):
    """One number per row from the numbers in ``cols``: ``how`` is SUM, AVERAGE, MEDIAN, MAX,
    MIN, VARIANCE (population), STANDARD_DEVIATION (population), KTH_LARGEST,
    KTH_LARGEST_UNIQUE (``k`` from 1) or MODE (ties by ``mode_type``: MINIMUM, MAXIMUM, AVERAGE,
    NONE). Missing cells and text that is not a number are ignored; a row without numbers (or
    with fewer than ``k``) gives missing. All-integer columns keep integers for SUM, MAX, MIN,
    KTH_LARGEST(_UNIQUE) and MODE (except its AVERAGE rule)."""
    n, m = len(df), len(cols)
    ints = all(pd.api.types.is_integer_dtype(df[c].dtype) for c in cols)
    mats, valid = [], []
    for c in cols:
        s = df[c]
        if ints:
            mats.append(s.to_numpy(dtype="int64", na_value=0))
            valid.append(s.notna().to_numpy(dtype=bool))
            continue
        if isinstance(s.dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(s.dtype) or s.dtype == object:
            x = pd.to_numeric(s.astype("string[pyarrow]").str.strip(), errors="coerce")
            x = pd.Series(x, index=s.index).astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
            x = np.where(np.isfinite(x), x, np.nan)
        else:
            x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        mats.append(x)
        valid.append(~np.isnan(x))
    x = np.column_stack(mats).reshape(n, m)
    ok = np.column_stack(valid).reshape(n, m)
    count = ok.sum(axis=1)
    has = count > 0
    rows = np.arange(n)
    # each row in descending order, ignored cells last (as the lowest value; a real value equal
    # to it is harmless: positions are chosen by the count of valid cells)
    if how not in ("SUM", "AVERAGE", "VARIANCE", "STANDARD_DEVIATION"):
        low = np.iinfo("int64").min if ints else -np.inf
        d = np.sort(np.where(ok, x, low), axis=1)[:, ::-1]
        dv = np.arange(m)[None, :] < count[:, None]
        first = dv.copy()
        first[:, 1:] &= d[:, 1:] != d[:, :-1]
    keep_int = ints and how in ("SUM", "MAX", "MIN", "KTH_LARGEST", "KTH_LARGEST_UNIQUE", "MODE")
    keep_int = keep_int and not (how == "MODE" and mode_type == "AVERAGE")
    if how == "SUM":
        out = np.where(ok, x, 0).sum(axis=1)
    elif how == "AVERAGE":
        out = np.where(ok, x, 0).astype("float64").sum(axis=1) / np.maximum(count, 1)
    elif how in ("VARIANCE", "STANDARD_DEVIATION"):
        xf = np.where(ok, x, 0).astype("float64")
        with np.errstate(over="ignore", invalid="ignore"):  # beyond float range: inf or missing
            mean = xf.sum(axis=1) / np.maximum(count, 1)
            out = np.where(ok, (xf - mean[:, None]) ** 2, 0).sum(axis=1) / np.maximum(count, 1)
        if how == "STANDARD_DEVIATION":
            out = np.sqrt(out)
    elif how == "MAX":
        out = d[:, 0]
    elif how == "MIN":
        out = d[rows, np.maximum(count - 1, 0)]
    elif how == "MEDIAN":
        a = d[rows, np.clip((count - 1) // 2, 0, m - 1)].astype("float64")
        b = d[rows, np.clip(count // 2, 0, m - 1)].astype("float64")
        out = a / 2 + b / 2
    elif how == "KTH_LARGEST":
        has = count >= k
        out = d[rows, min(k, m) - 1]
    elif how == "KTH_LARGEST_UNIQUE":
        hit = first & (np.cumsum(first, axis=1) == k)
        has = hit.any(axis=1)
        out = d[rows, hit.argmax(axis=1)]
    elif how == "MODE":
        freq = np.zeros((n, m), dtype="int64")
        for j in range(m):  # one column at a time: memory n * m, not n * m * m
            freq[:, j] = np.where(dv[:, j], ((d == d[:, j : j + 1]) & dv).sum(axis=1), 0)
        cand = first & (freq == freq.max(axis=1)[:, None])
        ncand = cand.sum(axis=1)
        if mode_type == "MINIMUM":
            out = d[rows, m - 1 - cand[:, ::-1].argmax(axis=1)]
        elif mode_type == "MAXIMUM":
            out = d[rows, cand.argmax(axis=1)]
        elif mode_type == "AVERAGE":
            out = np.where(cand, d, 0).astype("float64").sum(axis=1) / np.maximum(ncand, 1)
        elif mode_type == "NONE":
            has = has & (ncand == 1)
            out = d[rows, cand.argmax(axis=1)]
        else:
            raise ValueError(f"unknown mode type {mode_type!r}; use MINIMUM, MAXIMUM, AVERAGE or NONE")
    else:
        raise ValueError(f"unknown row aggregate {how!r}")
    if keep_int:
        return pd.Series(np.where(has, out, 0).astype("int64"), index=df.index, dtype="Int64").mask(~has)
    res = np.where(has, np.asarray(out, dtype="float64"), np.nan)
    return pd.Series(res, index=df.index, dtype="Float64").mask(~has)


def _br_any(df, cols):
    """The first value of ``cols`` (in order) that is neither missing nor empty/blank text;
    missing when there is none. One shared type keeps it (category gives text); integers mixed
    with decimals give decimals; any other mix is written as text (``_bd_convert`` to string)."""
    kinds = set()
    for c in cols:
        t = df[c].dtype
        if isinstance(t, pd.CategoricalDtype) or pd.api.types.is_string_dtype(t):
            kinds.add("string")
        elif pd.api.types.is_bool_dtype(t):
            kinds.add("boolean")
        elif pd.api.types.is_integer_dtype(t):
            kinds.add("int")
        elif pd.api.types.is_float_dtype(t):
            kinds.add("float")
        else:
            kinds.add(str(t))
    if len(kinds) == 1 and kinds != {"string"}:
        parts = [df[c] for c in cols]
    elif kinds <= {"int", "float"}:
        parts = [df[c].astype("Float64") for c in cols]
    else:
        parts = [_bd_convert(df[c], "string") for c in cols]
    out = parts[0].mask(_bd_missing(df[cols[0]]))
    for c, p in zip(cols[1:], parts[1:], strict=True):
        empty = out.isna().to_numpy(dtype=bool)
        out = out.mask(empty & ~_bd_missing(df[c]), p)
    return out


def _br_count(df, cols, distinct=False):
    """Per row, how many cells of ``cols`` hold a value (neither missing nor empty/blank text);
    with ``distinct``, how many different values: compared as numbers when every column is
    numeric, else by their text form (``_bd_convert`` to string)."""
    n = len(df)
    ok = np.column_stack([~_bd_missing(df[c]) for c in cols]).reshape(n, len(cols))
    if not distinct:
        return pd.Series(ok.sum(axis=1), index=df.index, dtype="Int64")
    numeric = all(
        pd.api.types.is_numeric_dtype(df[c].dtype) and not pd.api.types.is_bool_dtype(df[c].dtype) for c in cols
    )
    if numeric:
        vals = [df[c].astype("Float64").to_numpy(dtype="float64", na_value=np.nan) for c in cols]
    else:
        vals = [_bd_convert(df[c], "string").to_numpy(dtype=object, na_value=None) for c in cols]
    flat = pd.Series(np.concatenate(vals) if cols else np.array([]), dtype="float64" if numeric else object)
    codes, _ = pd.factorize(flat, use_na_sentinel=True)
    codes = codes.reshape(len(cols), n).T
    codes = np.sort(np.where(ok, codes, -1), axis=1)
    new = codes >= 0
    if codes.shape[1] > 1:
        new[:, 1:] &= codes[:, 1:] != codes[:, :-1]
    return pd.Series(new.sum(axis=1), index=df.index, dtype="Int64")


def _br_coalesce_type(types):
    """COALESCE: the logical type of the result of columns of logical ``types``; ``None`` when
    they do not combine. One type stays (category becomes string), int64 with float64 gives
    float64, string with category gives string."""
    kinds = set(types)
    if len(kinds) == 1 and kinds != {"category"}:
        return types[0]
    if kinds <= {"int64", "float64"}:
        return "float64"
    if kinds <= {"string", "category"}:
        return "string"
    return None


def _br_coalesce(df, cols):
    """COALESCE: the first non-missing value of ``cols``, row by row, in the type
    :func:`_br_coalesce_type` gives; a ``ValueError`` when the types do not combine."""
    types = [_bd_logical(df[c].dtype) for c in cols]
    logical = _br_coalesce_type(types)
    if logical is None:
        raise ValueError(f"cannot coalesce columns of types {', '.join(sorted(set(types)))}; convert them to one type first")
    dtype = {
        "int64": "Int64",
        "float64": "Float64",
        "boolean": "boolean",
        "string": "string[pyarrow]",
        "datetime": "datetime64[us]",
    }.get(logical, "object")
    out = df[cols[0]].astype(dtype)
    for c in cols[1:]:
        out = out.fillna(df[c].astype(dtype))
    return out
