"""Kernels of the reproducible random numbers: SplitMix64 (Steele, Lea and Flood, 2014) evaluated
at row ids, and a uniform number in [0, 1) from it.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import numpy as np


def _bd_splitmix(rowid, key):
    """SplitMix64 at each row id (uint64 array): the finalizer of ``rowid * 0x9E3779B97F4A7C15 +
    key``, ``key`` any integer (taken modulo 2**64). Same id and key, same number."""
    gamma = np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        x = np.asarray(rowid, dtype=np.int64).astype(np.uint64) * gamma + np.uint64(int(key) % 2**64)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def _bf_uniform(rowid, salt):
    """Uniform numbers in [0, 1) (float64 array), one per row id: SplitMix64 of
    ``rowid * 0x9E3779B97F4A7C15 + salt``, 53 bits kept. Same id and salt, same number."""
    return (_bd_splitmix(rowid, salt) >> np.uint64(11)).astype(np.float64) * 2.0**-53
