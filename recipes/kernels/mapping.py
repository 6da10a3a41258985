"""Kernels of the operations mapping each value to a new one: CATEGORICAL_MAPPING, BUCKETIZATION,
BINARIZATION and ONE_HOT_ENCODING.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def _bm_categorical(s, mapping, keep_others, other, drop_others):
    """CATEGORICAL_MAPPING of ``s`` (read as text): ``(new values, rows to delete)``.

    The values in ``mapping`` get their new value; the other non-missing values are kept
    (``keep_others``), become ``other`` when it is given, or become missing; with
    ``drop_others`` their rows are the ones to delete (a boolean array, all False otherwise)."""
    s = s.astype("string[pyarrow]")
    known = s.notna()
    hit = s.isin(list(mapping)).fillna(False) & known
    rest = known & ~hit
    out = s.map(mapping).astype("string[pyarrow]").where(hit)
    if not drop_others:
        if keep_others:
            out = out.mask(rest, s)
        elif other is not None:
            out = out.mask(rest, other)
        return out, np.zeros(len(s), dtype=bool)
    return out, rest.to_numpy(dtype=bool)


def _bm_bucket(s, splits, names):
    """BUCKETIZATION: the name of the range ``[splits[i], splits[i + 1])`` each number falls in
    (the last range includes its upper end); outside every range or missing gives missing."""
    x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    idx = np.searchsorted(np.asarray(splits, dtype="float64"), x, side="right") - 1
    idx = np.where(x == splits[-1], len(splits) - 2, idx)
    idx = np.where(np.isnan(x) | (idx < 0) | (idx > len(splits) - 2), -1, idx)
    labels = np.asarray([*names, ""], dtype=object)
    return pd.Series(labels[idx], index=s.index, dtype="string[pyarrow]").mask(idx < 0)


def _bm_binarize(s, threshold, flip):
    """BINARIZATION: 1 where the number is above ``threshold`` (at most it, with ``flip``), else 0;
    missing stays missing (Int64)."""
    x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        hit = (x > threshold) != flip
    return pd.Series(hit.astype("int64"), index=s.index, dtype="Int64").mask(np.isnan(x))


def _bm_one_hot_keys(values, dtype):
    """ONE_HOT_ENCODING: the text form of column values of ``dtype`` (as the step matches them),
    in order."""
    if not len(values):
        return []
    if isinstance(dtype, pd.CategoricalDtype):
        return [str(v) for v in values]
    return [str(v) for v in pd.Series(list(values), dtype=dtype).astype("string[pyarrow]")]


def _bm_one_hot_categories(col, dtype, categories, distinct, limit):
    """ONE_HOT_ENCODING: the values to make columns for: the step's ``categories``, or the text
    form of the whole dataset's ``distinct`` values when it has none. A ``ValueError`` when there
    are more than ``limit`` distinct values, when a distinct value is not among ``categories``, or when
    there are neither."""
    if distinct is not None:
        keys = _bm_one_hot_keys(distinct, dtype)
        if len(keys) > limit:
            shown = ", ".join(keys[:5])
            raise ValueError(f"column '{col}' has {len(keys)} distinct values ({shown}, ...); one-hot encoding takes at most {limit}")
        if categories is None:
            return keys
        extra = [k for k in keys if k not in set(categories)]
        if extra:
            raise ValueError(
                f"column '{col}' has values that are not among the step's categories: "
                f"{', '.join(map(repr, extra[:3]))}{', ...' if len(extra) > 3 else ''}"
            )
    if categories is None:
        raise ValueError(f"one-hot encoding of '{col}' has no categories")
    return list(categories)


def _bm_one_hot(s, categories):
    """ONE_HOT_ENCODING: one ``Int64`` column per category, 1 where ``s`` (as text) is it, 0
    elsewhere (missing values too)."""
    text = s.astype("string[pyarrow]")
    return [text.eq(cat).fillna(False).astype("Int64") for cat in categories]
