"""Kernels of the steps that read secondary inputs: JOIN and UNION.

The join kernels give the rows of :mod:`brewdesk.recipes.ops.data_structure.join`: the seven join
types, missing keys never matching, ``left_columns`` / ``right_columns``, the ``_right`` suffix, a
right key merged into the left key of the same name, and the row order (rows driven by this
dataset in its order, each followed by its matches in the second dataset's order; second-dataset
rows that matched nothing last, in their order). The union kernels match columns by name, rows
keep their order (this dataset's first), as :mod:`brewdesk.recipes.ops.data_structure.union` does.

The pandas script calls them on the whole datasets (:mod:`brewdesk.recipes.export.inputs`); the
Dask script's runtime (:mod:`brewdesk.engine.script_runtime`) joins every partition with the
second input held in memory with the same kernels, as the engine's broadcast join does. See
:mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# --------------------------------------------------------------------------- join


def _bi_join_layout(
    left_columns: pd.Index | list[str], right_columns: pd.Index | list[str], keys: list[tuple[str, str]], left_keep: list[str] | None,
    right_keep: list[str] | None,
) -> tuple[list[str], dict[str, str]]:
    """Left columns kept, and {right column: output name} (``_right`` added on a clash)."""
    lcols = list(left_keep) if left_keep else list(left_columns)
    for key, _value in keys:
        if key not in lcols:
            lcols.append(key)
    rcols = list(right_keep) if right_keep else list(right_columns)
    merged = {value for key, value in keys if key == value}
    taken: set[str] = set(lcols)
    rmap: dict[str, str] = {}
    for c in rcols:
        if c in merged:
            continue
        name = c if c not in taken else c + "_right"
        taken.add(name)
        rmap[c] = name
    return lcols, rmap


def _bi_join_rows(
    left: pd.DataFrame, right: pd.DataFrame, keys: list[tuple[str, str]], how: str,
    left_keep: list[str] | None, right_keep: list[str] | None,
) -> tuple[pd.DataFrame, np.ndarray]:
    """The rows driven by ``left``, and the positions of the ``right`` rows they matched."""
    lcols, rmap = _bi_join_layout(left.columns, right.columns, keys, left_keep, right_keep)
    lk = [key for key, _value in keys]
    rkeys = [f"__rk{i}" for i in range(len(keys))]
    r = pd.DataFrame({n: right[c] for c, n in rmap.items()}, index=right.index)
    for name, (_key, value) in zip(rkeys, keys, strict=True):
        r[name] = right[value]
    r["__pos"] = np.arange(len(right), dtype="int64")
    r = r.dropna(subset=rkeys)  # missing keys never match
    for lc, rc in zip(lk, rkeys, strict=True):
        if left[lc].dtype != r[rc].dtype:
            r[rc] = r[rc].astype(left[lc].dtype)
    kind = "left" if how in ("LEFT_JOIN", "OUTER_JOIN", "LEFT_EXCLUDING_JOIN", "OUTER_EXCLUDING_JOIN") else "inner"
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


def _bi_join_right_only(
    left_columns: list[str], right: pd.DataFrame, keys: list[tuple[str, str]], how: str,
    left_keep: list[str] | None, right_keep: list[str] | None, matched: np.ndarray,
) -> pd.DataFrame | None:
    """Rows of ``right`` that matched no row (RIGHT, OUTER and the excluding joins), or None."""
    if how not in ("RIGHT_JOIN", "OUTER_JOIN", "RIGHT_EXCLUDING_JOIN", "OUTER_EXCLUDING_JOIN"):
        return None
    lcols, rmap = _bi_join_layout(left_columns, right.columns, keys, left_keep, right_keep)
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


def _bi_join_concat(joined: pd.DataFrame, extra: pd.DataFrame | None) -> pd.DataFrame:
    """``joined`` followed by the unmatched rows ``extra``, in ``joined``'s dtypes."""
    if extra is None or extra.empty:
        return joined.reset_index(drop=True)
    extra = extra[joined.columns]
    return pd.concat([joined.reset_index(drop=True), extra.astype(joined.dtypes.to_dict())], ignore_index=True)


# --------------------------------------------------------------------------- union
def _bi_union_dtypes(frames: list[pd.DataFrame]) -> dict[str, object]:
    """Columns and dtypes of a union: the first frame's columns, then columns only the others
    have, in order of appearance; an integer column unioned with a float one becomes float."""
    out = {}
    for f in frames:
        for c, t in f.dtypes.items():
            if c not in out:
                out[c] = t
            elif out[c] != t and {pd.api.types.is_integer_dtype(out[c]), pd.api.types.is_integer_dtype(t)} == {True, False}:
                out[c] = pd.Float64Dtype()
    return out


def _bi_aligned(df: pd.DataFrame, dtypes: dict[str, object]) -> pd.DataFrame:
    """``df`` with the union's columns (missing where it lacks one) and dtypes."""
    return pd.DataFrame(
        {c: df[c].astype(t) if c in df.columns else pd.Series(pd.NA, index=df.index, dtype=t) for c, t in dtypes.items()},
        index=df.index,
    )
