"""Golden cases for row_standard_deviation (see _rowagg for the inputs)."""

from __future__ import annotations

from ._rowagg import INTS, MIXED, case, error_cases

CASES = [
    # square root of the population variance (ddof 0)
    case("population-ddof-0", INTS, "float64", [(8 / 9) ** 0.5, 1.5, None, (8 / 9) ** 0.5, (50 / 9) ** 0.5, 0.0]),
    case("text-numbers-and-decimals", MIXED, "float64", [5.25, None, 0.0, 0.0, 0.0, 0.0]),
    *error_cases(),
]
