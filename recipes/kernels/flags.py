"""Kernels of the flag columns: a condition turned into the flag's true/false values, and the
conditions of IS_EVEN / IS_ODD, FLAG_COLUMN_FROM_PATTERN and FLAG_COLUMN_FROM_NULL.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def _bc_flag(hit, known, true_string, false_string, index):
    """Text flags over ``index``: ``true_string`` where ``hit``, ``false_string`` elsewhere,
    missing where not ``known`` (boolean numpy arrays)."""
    out = pd.Series(np.where(hit, true_string, false_string), index=index, dtype="string[pyarrow]")
    return out.mask(~known)


def _bc_flag_parity(s, remainder, true_string, false_string):
    """IS_EVEN (``remainder`` 0) / IS_ODD (1): whole numbers whose remainder by 2 is
    ``remainder`` are flagged true; missing stays missing."""
    x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        hit = (np.floor(x) == x) & (np.abs(np.fmod(x, 2)) == remainder)
    return _bc_flag(hit, ~np.isnan(x), true_string, false_string, s.index)


def _bc_flag_pattern(s, pattern, true_string, false_string):
    """FLAG_COLUMN_FROM_PATTERN: text containing a match of the regular expression ``pattern`` is
    flagged true; missing stays missing."""
    m = s.astype("string[pyarrow]").str.contains(pattern, regex=True)
    hit = m.fillna(False).to_numpy(dtype=bool)
    return _bc_flag(hit, m.notna().to_numpy(dtype=bool), true_string, false_string, s.index)


def _bc_flag_null(s, true_string, false_string):
    """FLAG_COLUMN_FROM_NULL: missing values are flagged true, the others false."""
    hit = s.isna().to_numpy(dtype=bool)
    return _bc_flag(hit, np.ones(len(s), dtype=bool), true_string, false_string, s.index)
