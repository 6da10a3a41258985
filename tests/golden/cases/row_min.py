"""Golden cases for row_min (see _rowagg for the inputs)."""

from __future__ import annotations

from ._rowagg import INTS, MIXED, case, error_cases

CASES = [
    case("integers-stay-integers", INTS, "int64", [3, 1, None, 1, 2, 8]),
    case("text-numbers-and-decimals", MIXED, "float64", [1.5, None, 2.0, -1.0, 2.0, 10.0]),
    *error_cases(),
]
