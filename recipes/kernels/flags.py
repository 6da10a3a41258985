"""Kernel of the flag columns: a condition turned into the flag's true/false values.

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
