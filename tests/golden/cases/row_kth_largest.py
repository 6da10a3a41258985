"""Golden cases for row_kth_largest (see _rowagg for the inputs)."""

from __future__ import annotations

from . import GoldenCase
from ._rowagg import IN, INTS, MIXED, case, error_cases

CASES = [
    # duplicates count: [5, 5, 3] -> 5; a row with fewer than k numbers gives missing
    case("second-largest", INTS, "int64", [5, 1, None, 3, 2, None], value=2),
    case("third-largest", INTS, "int64", [3, None, None, 1, 2, None], value=3),
    case("first-is-max", MIXED, "float64", [12.0, None, 2.0, -1.0, 2.0, 10.0], value=1),
    GoldenCase("k-above-column-count", IN, {"source_columns": INTS, "target_column": "t", "value": 4}, error="k = 4 is more than the 3 listed column(s)"),
    GoldenCase("k-zero", IN, {"source_columns": INTS, "target_column": "t", "value": 0}, error="greater than or equal to 1"),
    *[GoldenCase(c.name, c.input, {**c.params, "value": 1}, error=c.error) for c in error_cases()],
]
