"""Kernels of nested values (arrays, maps, structs held as Python lists and dicts): nesting and
unnesting, pivot, unpivot and transpose, JSON text to structs, and extracting a value by path.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import datetime
import json

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.types import _bd_convert


def _bn_values(s):
    """Plain Python values of a column: int, float, bool, str, datetime.datetime, nested values
    as they are; ``None`` for missing."""
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        return [None if v is pd.NaT or pd.isna(v) else v.to_pydatetime() for v in s.tolist()]
    out = []
    for v in s.astype(object).tolist():
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            out.append(None)
        elif isinstance(v, np.generic):
            out.append(v.item())
        else:
            out.append(v)
    return out


def _bn_nest(parts, names, kind):
    """One nested value per row from equally long Series: an array (``kind="array"``), or a
    dict keyed by ``names`` (``"map"``/``"struct"``). Missing values stay as ``None`` inside."""
    # optional heavy dependency: pyarrow, loaded only when this kernel runs
    import pyarrow as pa

    index = parts[0].index
    n, k = len(index), len(parts)
    try:  # Arrow builds the Python values in C (about 10x faster than a Python loop)
        if any(p.dtype == object for p in parts):  # nested values as they are (Arrow would add keys)
            raise TypeError("nested values")
        arrays = [pa.array(p, from_pandas=True) for p in parts]
        if any(pa.types.is_dictionary(a.type) for a in arrays):
            arrays = [a.dictionary_decode() if pa.types.is_dictionary(a.type) else a for a in arrays]
        if kind == "array":
            flat = pa.concat_arrays(arrays).take(pa.array((np.arange(k)[None, :] * n + np.arange(n)[:, None]).ravel()))
            rows = pa.ListArray.from_arrays(pa.array(np.arange(0, n * k + 1, k, dtype="int32")), flat).to_pylist()
        else:
            rows = pa.StructArray.from_arrays(arrays, names=list(names)).to_pylist()
    except (pa.ArrowException, TypeError, ValueError):  # values Arrow cannot type: plain Python
        columns = [_bn_values(p) for p in parts]
        if kind == "array":
            rows = [list(r) for r in zip(*columns, strict=True)]
        else:
            rows = [dict(zip(names, r, strict=True)) for r in zip(*columns, strict=True)]
    return pd.Series(rows if n else [], index=index, dtype=object)


def _bn_common(parts, cast=True):
    """The common type of several columns (see ``common_type``) and the columns cast to it;
    ``cast=False`` keeps every column's own type (structs)."""
    def kind(s):
        if isinstance(s.dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(s.dtype) and s.dtype != object:
            return "string"
        if pd.api.types.is_bool_dtype(s.dtype):
            return "boolean"
        if pd.api.types.is_integer_dtype(s.dtype):
            return "int64"
        if pd.api.types.is_float_dtype(s.dtype):
            return "float64"
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            return "datetime"
        return "object"

    kinds = {kind(p) for p in parts}
    if not cast:
        return parts
    if len(kinds) == 1:
        return [p.astype("string[pyarrow]") if isinstance(p.dtype, pd.CategoricalDtype) else p for p in parts]
    if "object" in kinds:
        raise ValueError("nested columns cannot be combined with columns of other types")
    if kinds <= {"int64", "float64"}:
        return [p.astype("Float64") for p in parts]
    return [_bd_convert(p, "string") for p in parts]


def _bn_nest_columns(df, sources, target, remove, kind):
    """NEST_TO_ARRAY / NEST_TO_MAP / NEST_TO_STRUCT: the ``sources`` as one nested value per row
    in ``target``, placed right after the first source (where it was, when the sources are
    removed); arrays and maps cast the values to a common type, structs keep each type."""
    parts = _bn_common([df[c] for c in sources], cast=kind != "struct")
    nested = _bn_nest(parts, list(sources), kind)
    names = list(df.columns)
    drop = set(sources) if remove else set()
    drop.add(target)
    kept = [c for c in names if c not in drop]
    first = names.index(sources[0])
    pos = sum(1 for c in names[:first] if c not in drop) + (0 if sources[0] in drop else 1)
    out = df[kept].copy()
    out.insert(pos, target, nested)
    return out


def _bn_typed(s, to):
    """Python values (an object Series) as a column of logical type ``to``: ``object`` keeps
    them; ``string`` writes text (``true``/``false``, ISO datetimes, nested values as JSON);
    other types parse that text as CHANGE_DATA_TYPE does (unconvertible values -> missing)."""
    if to == "object":
        return s.astype(object)
    kinds = {type(v) for v in s.tolist() if not (v is None or v is pd.NA or (isinstance(v, float) and v != v))}
    if to in ("int64", "float64") and kinds <= {int, float} and not (to == "int64" and float in kinds):
        return pd.Series(pd.array(s.tolist(), dtype="Int64" if to == "int64" else "Float64"), index=s.index)
    if to == "string" and kinds <= {str}:
        return s.astype("string[pyarrow]")

    def text(v):
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, datetime.datetime):
            return v.isoformat(sep=" ")
        if isinstance(v, (list, dict, tuple)):
            return json.dumps(v, ensure_ascii=False, separators=(",", ":"), default=str)
        return str(v)

    t = pd.Series([text(v) for v in s.tolist()], index=s.index, dtype="string[pyarrow]")
    return t if to == "string" else _bd_convert(t, to)


def _bn_explode(df, lengths):
    """Repeat each row of ``df`` ``lengths[i]`` times (row ids repeat; the engine renumbers)."""
    return df.iloc[np.repeat(np.arange(len(df)), np.asarray(lengths, dtype="int64"))]


def _bn_unnest_array(df, source, target, to):
    """One row per array element (missing or empty arrays give one row with a missing value);
    the elements go to ``target`` (replacing ``source`` when the names are equal, else right
    after it), converted with ``_bn_typed``."""
    cells = df[source].tolist()
    lengths, elements = [], []
    for v in cells:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            items = []
        elif isinstance(v, np.ndarray):  # pandas' Parquet reader gives arrays
            items = [None if isinstance(e, float) and e != e else e for e in v.tolist()]
        elif isinstance(v, (list, tuple)):
            items = list(v)
        else:
            raise ValueError(f"column {source!r} holds a {type(v).__name__} value, not an array")
        lengths.append(max(len(items), 1))
        elements.extend(items if items else [None])
    out = _bn_explode(df, lengths).copy()
    values = _bn_typed(pd.Series(elements, index=out.index, dtype=object), to)
    if target == source or target in out.columns:
        out[target] = values
    else:
        out.insert(out.columns.get_loc(source) + 1, target, values)
    return out


def _bn_place(df, source, remove, new):
    """``df`` with the ``(name, Series)`` pairs of ``new`` right after ``source`` (where it was,
    when ``remove``); a new name equal to ``source`` replaces it."""
    names = [n for n, _ in new]
    drop = set(names) | ({source} if remove else set())
    cols = list(df.columns)
    pos = sum(1 for c in cols[: cols.index(source)] if c not in drop) + (0 if source in drop else 1)
    out = df[[c for c in cols if c not in drop]].copy()
    for i, (name, values) in enumerate(new):
        out.insert(pos + i, name, values)
    return out


def _bn_unnest_map(df, source, key_column, value_column, to, remove):
    """UNNEST_MAP: one row per key/value pair of the maps (dicts) in ``source`` (a missing or
    empty map gives one row with both missing); keys as text in ``key_column``, values
    (``_bn_typed`` to ``to``) in ``value_column``, right after ``source``."""
    lengths, keys, values = [], [], []
    for v in df[source].tolist():
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            pairs = []
        elif isinstance(v, dict):
            pairs = list(v.items())
        elif isinstance(v, (list, np.ndarray)) and all(isinstance(p, (tuple, list)) and len(p) == 2 for p in v):
            pairs = [tuple(p) for p in v]  # Arrow/pandas give a map as a list of (key, value) pairs
        else:
            raise ValueError(f"column {source!r} holds a {type(v).__name__} value, not a map")
        lengths.append(max(len(pairs), 1))
        keys.extend([None if k is None else str(k) for k, _ in pairs] or [None])
        values.extend([x for _, x in pairs] or [None])
    out = _bn_explode(df, lengths)
    k = pd.Series(keys, index=out.index, dtype="string[pyarrow]")
    x = _bn_typed(pd.Series(values, index=out.index, dtype=object), to)
    return _bn_place(out, source, remove, [(key_column, k), (value_column, x)])


def _bn_unnest_struct(df, source, fields, types, names, remove):
    """UNNEST_STRUCT: one column per struct field (``fields``, typed by ``_bn_typed`` to
    ``types``, named ``names``) right after ``source``; a missing struct or field gives missing
    values; a field not listed is an error."""
    known = set(fields)
    cols = {f: [] for f in fields}
    for v in df[source].tolist():
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            v = {}
        if not isinstance(v, dict):
            raise ValueError(f"column {source!r} holds a {type(v).__name__} value, not a struct")
        extra = [k for k in v if k not in known]
        if extra:
            raise ValueError(f"column {source!r} has fields that are not among the step's fields: {extra[0]!r}")
        for f in fields:
            cols[f].append(v.get(f))
    new = [(n, _bn_typed(pd.Series(cols[f], index=df.index, dtype=object), t)) for f, t, n in zip(fields, types, names, strict=True)]
    return _bn_place(df, source, remove, new)


def _bn_unpivot(df, sources, name_column, value_column):
    """One row per row and source column (in that order): the other columns repeated, the source
    column's name in ``name_column`` and its value (cast by ``_bn_common``) in ``value_column``,
    both placed where the first source column was; the source columns are removed."""
    n, k = len(df), len(sources)
    names = list(df.columns)
    pos = sum(1 for c in names[: names.index(sources[0])] if c not in sources)
    rest = df.drop(columns=list(sources))
    out = rest.iloc[np.repeat(np.arange(n), k)].copy()
    parts = _bn_common([df[c] for c in sources])
    if parts[0].dtype == object:
        cols = [_bn_values(p) for p in parts]
        flat = [cols[j][i] for i in range(n) for j in range(k)]
        values = pd.Series(flat, index=out.index, dtype=object)
    elif k and n:
        stacked = pd.concat([p.reset_index(drop=True) for p in parts], ignore_index=True)
        order = (np.arange(k)[None, :] * n + np.arange(n)[:, None]).ravel()
        values = stacked.iloc[order]
        values.index = out.index
    else:
        values = pd.Series([], index=out.index, dtype=parts[0].dtype if parts else object)
    label = pd.Series(np.tile(np.asarray(sources, dtype=object), n), index=out.index, dtype="string[pyarrow]")
    out.insert(pos, name_column, label)
    out.insert(pos + 1, value_column, values)
    return out


def _bn_pivot(df, source, value, fn, values):
    """PIVOT as plain pandas: group by every other column (sorted, missing last), one column per
    pivot value (matched as text) with ``fn`` of ``value`` over the group's rows of that value."""
    keys = [c for c in df.columns if c not in (source, value)]
    s = df[source]
    text = (s.astype(str).mask(s.isna()) if isinstance(s.dtype, pd.CategoricalDtype) else s).astype("string[pyarrow]")
    work = df[keys].copy() if keys else pd.DataFrame({"__k": np.zeros(len(df), dtype="int64")}, index=df.index)
    for v in values:
        work[v] = df[value].where(text.eq(v).fillna(False).to_numpy(dtype=bool))
    funcs = {
        "SUM": lambda x: x.sum() if x.notna().any() else pd.NA, "COUNT": "count", "AVERAGE": "mean",
        "MEAN": "mean", "MIN": "min", "MAX": "max", "MEDIAN": "median",
        "MODE": lambda x: x.dropna().mode().min() if x.notna().any() else pd.NA, "COUNT_DISTINCT": "nunique",
        "STANDARD_DEVIATION": "std", "VARIANCE": "var",
        "COLLECT_LIST": lambda x: [e for e in _bn_values(x) if e is not None],
    }
    gk = keys or ["__k"]
    out = work.groupby(gk, dropna=False, sort=False, observed=True)[list(values)].agg(funcs[fn]).reset_index()
    out = out.sort_values(gk, na_position="last", kind="stable", ignore_index=True)
    return out[keys + list(values)]


def _bn_transpose(df, pivots, values, fn, new, names):
    """TRANSPOSE as plain pandas: unpivot ``values`` (names into ``new``), then pivot on the
    ``pivots`` columns' text (joined with ``_``) into the ``names`` columns; rows in ``values``
    order."""
    key = None
    for c in pivots:
        s = df[c]
        t = (s.astype(str).mask(s.isna()) if isinstance(s.dtype, pd.CategoricalDtype) else s).astype("string[pyarrow]")
        key = t if key is None else key + "_" + t
    work = pd.concat([pd.DataFrame({"__p": key}, index=df.index), df[list(values)]], axis=1)
    out = _bn_pivot(_bn_unpivot(work, list(values), new, "__v"), "__p", "__v", fn, names)
    order = {v: i for i, v in enumerate(values)}
    return out.iloc[np.argsort([order[x] for x in out[new]], kind="stable")].reset_index(drop=True)


def _bn_json_to_structs(df, sources, level, remove, suffix):
    """JSON_TO_STRUCTS: parse JSON text into nested values, objects into dicts down to ``level``
    levels (deeper objects stay compact JSON text; arrays do not count as a level). Text that is
    not JSON, or JSON that is not an object or array, gives a missing value. Each result
    replaces its source (``remove``) or goes right after it as ``<source><suffix>``."""

    def conv(v, depth):
        if isinstance(v, dict):
            if depth >= level:
                return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
            return {k: conv(x, depth + 1) for k, x in v.items()}
        if isinstance(v, list):
            return [conv(x, depth) for x in v]
        return v

    def parse(text):
        if text is None or text is pd.NA:
            return None
        try:
            v = json.loads(text)
        except ValueError:
            return None
        return conv(v, 0) if isinstance(v, (dict, list)) else None

    out = df.copy()
    for c in sources:
        parsed = pd.Series([parse(x) for x in df[c].astype(object).tolist()], index=df.index, dtype=object)
        if remove:
            out[c] = parsed
        else:
            out.insert(out.columns.get_loc(c) + 1, c + suffix, parsed)
    return out


def _bn_unnest_struct_n(df, source, paths, types, names, remove):
    """UNNEST_STRUCT_N for one column: one column per listed field path (a list of keys; typed by
    ``_bn_typed`` to ``types``, named ``names``) right after ``source``. A missing struct, field
    or non-struct on the way gives a missing value; a field the paths do not cover is an error."""
    leaves = {tuple(p) for p in paths}
    prefixes = {tuple(p[:i]) for p in paths for i in range(len(p))}

    def check(v, at):
        for k, x in v.items():
            here = at + (k,)
            if here in leaves:
                continue
            if here not in prefixes:
                shown = ".".join(str(s) for s in here)
                raise ValueError(f"column {source!r} has fields that are not among the step's fields: {shown!r}")
            if isinstance(x, dict):
                check(x, here)

    def get(v, path):
        for k in path:
            if not isinstance(v, dict) or k not in v:
                return None
            v = v[k]
        return v

    cells = df[source].tolist()
    for v in cells:
        if isinstance(v, dict):
            check(v, ())
        elif not (v is None or v is pd.NA or (isinstance(v, float) and v != v)):
            raise ValueError(f"column {source!r} holds a {type(v).__name__} value, not a struct")
    new = [
        (n, _bn_typed(pd.Series([get(v, p) for v in cells], index=df.index, dtype=object), t))
        for p, t, n in zip(paths, types, names, strict=True)
    ]
    return _bn_place(df, source, remove, new)


def _bt_extract_value(s, steps):
    """EXTRACT_VALUE: follow ``steps`` (dict keys as text, list indexes as ints) into each value
    (a list/dict, or JSON text); text results as they are, others as compact JSON; missing where
    the path leads nowhere."""

    def plain(o):
        if isinstance(o, np.ndarray):
            return o.tolist()
        if isinstance(o, np.generic):
            return o.item()
        return o.isoformat() if hasattr(o, "isoformat") else str(o)

    is_text = s.dtype != object
    values = s.astype("string[pyarrow]").tolist() if is_text else s.tolist()
    out = []
    for v in values:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            out.append(None)
            continue
        if is_text:
            try:
                v = json.loads(v)
            except ValueError:
                out.append(None)
                continue
        for step in steps:
            if isinstance(step, int) and isinstance(v, (list, tuple, np.ndarray)) and step < len(v):
                v = v[step]
            elif isinstance(step, str) and isinstance(v, dict) and step in v:
                v = v[step]
            else:
                v = None
                break
        if isinstance(v, np.generic):
            v = v.item()
        if v is None or (isinstance(v, float) and v != v):
            out.append(None)
        elif isinstance(v, str):
            out.append(v)
        else:
            out.append(json.dumps(v, ensure_ascii=False, default=plain))
    return pd.Series(out, index=s.index, dtype="string[pyarrow]")
