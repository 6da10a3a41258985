"""Golden cases for row_kth_largest_unique (see _rowagg for the inputs)."""

from __future__ import annotations

from . import GoldenCase
from ._rowagg import IN, INTS, MIXED, case, error_cases

CASES = [
    # distinct numbers only: [5, 5, 3] -> 3 for k = 2; fewer than k distinct numbers -> missing
    case("second-distinct", INTS, "int64", [3, 1, None, 1, 2, None], value=2),
    case("third-distinct", INTS, "int64", [None, None, None, None, None, None], value=3),
    case("text-numbers-and-decimals", MIXED, "float64", [1.5, None, None, None, None, None], value=2),
    GoldenCase("k-above-column-count", IN, {"source_columns": MIXED, "target_column": "t", "value": 3}, error="k = 3 is more than the 2 listed column(s)"),
    *[GoldenCase(c.name, c.input, {**c.params, "value": 1}, error=c.error) for c in error_cases()],
]
