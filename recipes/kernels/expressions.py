"""Kernels of the expression language (:mod:`brewdesk.recipes.expressions.parser`): what an expression's
tree *does*, in pandas. The evaluator (:mod:`brewdesk.recipes.expressions.evaluate`) calls them and
the exported code calls them with the same arguments. No user text ever becomes code: user
strings reach these functions as data (a pattern, a literal), never as source.

Kinds: every value has a logical kind, ``int64``, ``float64``, ``boolean``, ``datetime`` or
``string`` (a category or object column is text), or ``None`` for the ``null`` literal.
Conditions are nullable boolean Series (``boolean`` dtype, Kleene logic for and/or/not).

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def _bx_dtype(kind):
    """The pandas dtype Brewdesk holds a kind in."""
    return {
        "int64": "Int64",
        "float64": "Float64",
        "boolean": "boolean",
        "datetime": "datetime64[us]",
    }.get(kind, "string[pyarrow]")


def _bx_kind(dtype):
    """Kind of a column dtype: int64, float64, boolean, datetime, or string for anything else."""
    if isinstance(dtype, pd.CategoricalDtype):
        return "string"
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "int64"
    if pd.api.types.is_float_dtype(dtype):
        return "float64"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    return "string"


def _bx_unify(kinds):
    """Kind of a result holding values of ``kinds``: one kind stays, int64 with float64 gives
    float64, any other mix (and no kind at all) gives string."""
    ks = {k for k in kinds if k is not None}
    if len(ks) == 1:
        return ks.pop()
    if ks and ks <= {"int64", "float64"}:
        return "float64"
    return "string"


def _bx_scalar_kind(v):
    """Kind of a Python scalar (``None`` for a missing one)."""
    if v is None:
        return None
    if isinstance(v, bool | np.bool_):
        return "boolean"
    if isinstance(v, int | np.integer):
        return "int64"
    if isinstance(v, float | np.floating):
        return "float64"
    if isinstance(v, pd.Timestamp):
        return "datetime"
    return "string"


def _bx_series(v, kind, index):
    """Value ``v`` of kind ``kind`` (a Series, or a scalar broadcast over ``index``) as a Series
    of ``kind``'s dtype; numbers, booleans and dates become text when ``kind`` is string."""
    dtype = _bx_dtype(kind)
    if isinstance(v, pd.Series):
        if kind == "string":
            return v if str(v.dtype) == "string" else v.astype("string[pyarrow]")
        return v if v.dtype == dtype else v.astype(dtype)
    if v is not None and kind == "string" and not isinstance(v, str):
        return pd.Series(v, index=index, dtype=_bx_dtype(_bx_scalar_kind(v))).astype("string[pyarrow]")
    return pd.Series(v, index=index, dtype=dtype)


def _bx_number(v, kind, index):
    """Value as Float64; text is read as a number (unreadable text is missing)."""
    if kind in ("int64", "float64"):
        return _bx_series(v, "float64", index)
    if kind == "boolean":
        return _bx_series(v, "boolean", index).astype("Float64")
    text = _bx_series(v, "string", index)
    return pd.Series(pd.to_numeric(text.str.strip(), errors="coerce"), index=index).astype("Float64")


def _bx_date(v, kind, index):
    """Value as datetime64[us]; text is read as a date (unreadable text is missing)."""
    if kind == "datetime":
        return _bx_series(v, "datetime", index)
    text = _bx_series(v, "string", index)
    return pd.Series(pd.to_datetime(text, errors="coerce", format="mixed"), index=index).astype("datetime64[us]")


def _bx_cmp(a, ak, b, bk, op, index):
    """``a op b`` (op: < <= > >= = !=) as a nullable boolean Series, missing where either side
    is missing. Numbers compare as numbers (the other side read as a number when it is text),
    dates as dates (text read as a date), booleans as booleans, anything else as text."""
    if ak is None or bk is None:
        return pd.Series(None, index=index, dtype="boolean")
    kinds = {ak, bk}
    if kinds & {"int64", "float64"}:
        x, y = _bx_number(a, ak, index), _bx_number(b, bk, index)
    elif "datetime" in kinds:
        x, y = _bx_date(a, ak, index), _bx_date(b, bk, index)
    elif kinds == {"boolean"}:
        x, y = _bx_series(a, "boolean", index), _bx_series(b, "boolean", index)
    else:
        x, y = _bx_series(a, "string", index), _bx_series(b, "string", index)
    if op == "<":
        r = x < y
    elif op == "<=":
        r = x <= y
    elif op == ">":
        r = x > y
    elif op == ">=":
        r = x >= y
    elif op == "=":
        r = x == y
    else:
        r = x != y
    r = pd.Series(r, index=index).astype("boolean")
    return r.mask(x.isna().to_numpy(dtype=bool) | y.isna().to_numpy(dtype=bool))


def _bx_text_test(a, ak, how, pattern, index):
    """startsWith / endsWith / contains (literal text, case-sensitive) or matches (the whole value
    matches an RE2 regular expression: linear time, no backtracking) as nullable booleans."""
    text = _bx_series(a, "string", index)
    if how == "startsWith":
        r = text.str.startswith(pattern)
    elif how == "endsWith":
        r = text.str.endswith(pattern)
    elif how == "contains":
        r = text.str.contains(pattern, regex=False)
    else:
        # optional heavy dependency: pyarrow, loaded only when this kernel runs
        import pyarrow as pa
        import pyarrow.compute as pc

        arr = pa.array(text.astype("string[pyarrow]").array, type=pa.large_string())
        hit = pc.match_substring_regex(arr, pattern="^(?:" + pattern + ")$")
        r = pd.Series(pd.arrays.ArrowExtensionArray(hit), index=index)
    return pd.Series(r, index=index).astype("boolean")


def _bx_missing(a, ak, index):
    """isMissing: missing, or empty or blank text (never missing itself)."""
    s = _bx_series(a, ak or "string", index)
    na = s.isna().to_numpy(dtype=bool)
    if ak in (None, "string"):
        na = na | s.str.strip().eq("").fillna(False).to_numpy(dtype=bool)
    return pd.Series(na, index=index, dtype="boolean")


def _bx_valid(a, ak, type_name, index):
    """isValid: present and readable as ``type_name`` (number, integer, boolean, date, string);
    never missing itself."""
    aliases = {"double": "number", "float": "number", "decimal": "number", "int": "integer",
               "long": "integer", "timestamp": "date", "datetime": "date"}
    want = aliases.get(type_name, type_name)
    s = _bx_series(a, ak or "string", index)
    present = s.notna().to_numpy(dtype=bool)
    if want == "string" or (want == "number" and ak in ("int64", "float64")):
        ok = present
    elif (want == "boolean" and ak == "boolean") or (want == "date" and ak == "datetime"):
        ok = present
    elif want == "integer" and ak in ("int64", "float64"):
        ok = present & (_bx_number(s, ak, index) % 1 == 0).fillna(False).to_numpy(dtype=bool)
    else:
        text = _bx_series(s, "string", index).str.strip()
        if want in ("number", "integer"):
            num = pd.Series(pd.to_numeric(text, errors="coerce"), index=index).astype("Float64")
            hit = num.notna() if want == "number" else (num % 1 == 0)
        elif want == "boolean":
            hit = text.str.lower().isin(["true", "false", "1", "0", "yes", "no"])
        else:
            hit = pd.Series(pd.to_datetime(text, errors="coerce", format="mixed"), index=index).notna()
        ok = present & pd.Series(hit, index=index).astype("boolean").fillna(False).to_numpy(dtype=bool)
    return pd.Series(ok, index=index, dtype="boolean")


def _bx_truth(v, kind, index):
    """A boolean value used as a condition."""
    return _bx_series(v, "boolean", index)


def _bx_pick(conds, values, default, index):
    """CASE: the value of the first condition that holds (missing counts as false), else the
    default (``None``: missing). ``values`` and ``default`` are ``(value, kind)`` pairs; the
    result has the kind of :func:`_bx_unify` over them."""
    pairs = list(values) + ([default] if default is not None else [])
    kind = _bx_unify([k for _, k in pairs])
    out = _bx_series(default[0] if default is not None else None, kind, index)
    for cond, (v, _k) in reversed(list(zip(conds, values, strict=True))):
        hit = cond.fillna(False).to_numpy(dtype=bool)
        out = out.mask(hit, _bx_series(v, kind, index))
    return out


def _bx_agg_kind(fn, kind):
    """Kind of aggregate ``fn`` over a column of ``kind``."""
    if fn in ("min", "max") or (fn == "sum" and kind == "int64"):
        return kind
    return "float64"


def _bx_agg_cast(v, kind):
    """An aggregate's value as a plain Python scalar of ``kind`` (``None`` for none)."""
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, np.generic):
        v = v.item()
    if kind == "float64":
        return float(v)
    if kind == "int64":
        return int(v)
    if kind == "boolean":
        return bool(v)
    if kind == "datetime":
        return pd.Timestamp(v)
    return str(v)


def _bx_agg(fn, s):
    """Aggregate ``fn`` over a whole column (missing values ignored); ``None`` when undefined."""
    x = s.dropna()
    if fn in ("min", "max"):
        return (x.min() if fn == "min" else x.max()) if len(x) else None
    if fn == "sum" and pd.api.types.is_integer_dtype(x.dtype):
        return int(x.astype("int64").sum())
    x = x.astype("float64")
    if fn == "sum":
        return float(x.sum())
    if not len(x):
        return None
    if fn == "avg":
        return float(x.mean())
    if fn == "median":
        return float(x.median())
    if fn == "product":
        return float(np.prod(x.to_numpy(dtype="float64")))
    if fn == "mean_absolute_deviation":
        return float((x - x.mean()).abs().mean())
    if len(x) < 2:
        return None
    return float(x.var(ddof=1)) if fn == "variance" else float(x.std(ddof=1))


def _bx_agg_counts(fn, counts):
    """product or mean_absolute_deviation from whole-dataset value counts (index: value, values:
    counts), exactly as from the values themselves; ``None`` when there are none."""
    if counts is None:
        return None
    counts = counts[counts.to_numpy(dtype="int64", na_value=0) > 0]
    if counts.empty:
        return None
    values = counts.index.to_numpy(dtype="float64", na_value=np.nan)
    n = counts.to_numpy(dtype="int64")
    if fn == "product":
        with np.errstate(over="ignore", invalid="ignore"):
            out = float(np.prod(np.power(values, n.astype("float64"))))
    else:
        mean = float((values * n).sum() / n.sum())
        out = float((np.abs(values - mean) * n).sum() / n.sum())
    return None if out != out else out
