"""Golden cases for row_median (see _rowagg for the inputs)."""

from __future__ import annotations

from ._rowagg import INTS, MIXED, case, error_cases

CASES = [
    case("odd-and-even-counts", INTS, "float64", [5.0, 2.5, None, 3.0, 2.0, 8.0]),
    case("text-numbers-and-decimals", MIXED, "float64", [6.75, None, 2.0, -1.0, 2.0, 10.0]),
    *error_cases(),
]
