"""Golden cases for row_average (see _rowagg for the inputs)."""

from __future__ import annotations

from ._rowagg import INTS, MIXED, case, error_cases

CASES = [
    case("integers", INTS, "float64", [13 / 3, 2.5, None, 7 / 3, 11 / 3, 8.0]),
    case("text-numbers-and-decimals", MIXED, "float64", [6.75, None, 2.0, -1.0, 2.0, 10.0]),
    *error_cases(),
]
