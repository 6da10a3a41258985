"""Exported code for JOIN steps (pandas and Dask scripts).

The generated helpers follow :mod:`brewdesk.recipes.ops.join` line for line: the seven join
types, missing keys never matching, ``left_columns`` / ``right_columns``, the ``_right`` suffix,
a right key merged into the left key of the same name, and the row order (rows driven by this
dataset in its order, each followed by its matches in the second dataset's order; second-dataset
rows that matched nothing last, in their order). The Dask script joins every partition with the
second input held in memory (sent to every partition, as the engine's broadcast join does) and
appends the rows no partition matched after the last partition.
"""

from __future__ import annotations

from typing import Any

JOIN_HELPERS = '''
_JOIN_LEFT_ROWS = ("LEFT_JOIN", "OUTER_JOIN", "LEFT_EXCLUDING_JOIN", "OUTER_EXCLUDING_JOIN")
_JOIN_RIGHT_ONLY = ("RIGHT_JOIN", "OUTER_JOIN", "RIGHT_EXCLUDING_JOIN", "OUTER_EXCLUDING_JOIN")


def _join_layout(left_columns, right_columns, keys, left_keep, right_keep):
    """Left columns kept, and {right column: output name} (``_right`` added on a clash)."""
    lcols = list(left_keep) if left_keep else list(left_columns)
    for key, _value in keys:
        if key not in lcols:
            lcols.append(key)
    rcols = list(right_keep) if right_keep else list(right_columns)
    merged = {value for key, value in keys if key == value}
    taken, rmap = set(lcols), {}
    for c in rcols:
        if c in merged:
            continue
        name = c if c not in taken else c + "_right"
        taken.add(name)
        rmap[c] = name
    return lcols, rmap


def _join_rows(left, right, keys, how, left_keep, right_keep):
    """The rows driven by ``left``, and the positions of the ``right`` rows they matched."""
    lcols, rmap = _join_layout(left.columns, right.columns, keys, left_keep, right_keep)
    lk = [key for key, _value in keys]
    rkeys = [f"__rk{i}" for i in range(len(keys))]
    r = pd.DataFrame({n: right[c] for c, n in rmap.items()}, index=right.index)
    for name, (_key, value) in zip(rkeys, keys):
        r[name] = right[value]
    r["__pos"] = np.arange(len(right), dtype="int64")
    r = r.dropna(subset=rkeys)  # missing keys never match
    for lc, rc in zip(lk, rkeys):
        if left[lc].dtype != r[rc].dtype:
            r[rc] = r[rc].astype(left[lc].dtype)
    kind = "left" if how in _JOIN_LEFT_ROWS else "inner"
    lframe = left[lcols].copy(deep=False)
    lframe["__lid"] = np.arange(len(left), dtype="int64")
    valid = left[lk].notna().all(axis=1).to_numpy()
    merged = lframe[valid].merge(r, how=kind, left_on=lk, right_on=rkeys, sort=False)
    if kind == "left" and not valid.all():
        merged = pd.concat([merged, lframe[~valid]], ignore_index=True)
        merged = merged.sort_values("__lid", kind="stable", ignore_index=True)
    matched = merged["__pos"].dropna().to_numpy(dtype="int64") if len(merged) else np.zeros(0, "int64")
    if how in ("LEFT_EXCLUDING_JOIN", "OUTER_EXCLUDING_JOIN"):
        merged = merged[merged["__pos"].isna()] if len(merged) else merged
    elif how == "RIGHT_EXCLUDING_JOIN":
        merged = merged.iloc[0:0]
    out = merged.drop(columns=[c for c in merged.columns if c.startswith("__")])
    for c, name in rmap.items():
        if name in out.columns:
            out[name] = out[name].astype(right[c].dtype)
    for c in lcols:
        out[c] = out[c].astype(left[c].dtype)
    return out[lcols + list(rmap.values())].reset_index(drop=True), np.unique(matched)


def _join_right_only(left_columns, right, keys, how, left_keep, right_keep, matched):
    """Rows of ``right`` that matched no row (RIGHT, OUTER and the excluding joins), or None."""
    if how not in _JOIN_RIGHT_ONLY:
        return None
    lcols, rmap = _join_layout(left_columns, right.columns, keys, left_keep, right_keep)
    keep = np.ones(len(right), dtype=bool)
    keep[matched] = False
    rows = right[keep]
    out = pd.DataFrame(index=pd.RangeIndex(len(rows)))
    merged = {key: value for key, value in keys if key == value}
    for c in lcols:
        out[c] = rows[merged[c]].to_numpy() if c in merged else pd.Series([None] * len(rows), dtype="object")
    for c, name in rmap.items():
        out[name] = rows[c].to_numpy()
    return out


def _join_concat(joined, extra):
    """``joined`` followed by the unmatched rows ``extra``, in ``joined``'s dtypes."""
    if extra is None or extra.empty:
        return joined.reset_index(drop=True)
    extra = extra[joined.columns]
    return pd.concat([joined.reset_index(drop=True), extra.astype(joined.dtypes.to_dict())], ignore_index=True)
'''
"""Helpers of an exported JOIN step."""


def join_args(params: Any) -> str:
    """The arguments after the two frames: keys, join type, left and right columns kept."""
    keys = [(k.key, k.value) for k in params.join_keys]
    left = list(params.left_columns) if params.left_columns else None
    right = list(params.right_columns) if params.right_columns else None
    return f"{keys!r}, {params.join_type!r}, {left!r}, {right!r}"


def join_code(params: Any, *, n: int, dask: bool) -> str:
    """Statements joining ``df`` (``ddf``) with ``inputs[params.secondary_input]``."""
    right, args = f"inputs[{params.secondary_input!r}]", join_args(params)
    if not dask:
        return (
            f"{JOIN_HELPERS.strip()}\n\n\n"
            f"_joined, _matched = _join_rows(df, {right}, {args})\n"
            f"df = _join_concat(_joined, _join_right_only(list(df.columns), {right}, {args}, _matched))"
        )
    r = f"_right_{n}"
    return "\n".join(
        [
            "# the second input in memory, joined with every partition (a broadcast join)",
            f"{r} = {right}.compute()",
            f"_parts_{n} = [dask.delayed(_join_rows)(p, {r}, {args}) for p in ddf.to_delayed()]",
            f"_meta_{n} = _join_rows(ddf._meta, {r}.iloc[:0], {args})[0]",
            f"_pieces_{n} = [dask.delayed(lambda t: t[0])(x) for x in _parts_{n}]",
            "# then the rows of the second input that no partition matched",
            f"_pieces_{n}.append(dask.delayed(lambda cols, *m: _join_concat(_meta_{n}, _join_right_only(",
            f"    cols, {r}, {args}, np.unique(np.concatenate([np.zeros(0, 'int64'), *m]))",
            f")))(list(ddf.columns), *[dask.delayed(lambda t: t[1])(x) for x in _parts_{n}]))",
            f"ddf = dd.from_delayed(_pieces_{n}, meta=_meta_{n}, verify_meta=False)",
        ]
    )
