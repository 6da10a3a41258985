"""Golden cases for row_variance (see _rowagg for the inputs)."""

from __future__ import annotations

from ._rowagg import INTS, MIXED, case, error_cases

CASES = [
    # population variance (divide by the count), as DataBrew's VARIANCE page defines it
    case("population-ddof-0", INTS, "float64", [8 / 9, 2.25, None, 8 / 9, 50 / 9, 0.0]),
    case("text-numbers-and-decimals", MIXED, "float64", [27.5625, None, 0.0, 0.0, 0.0, 0.0]),
    *error_cases(),
]
