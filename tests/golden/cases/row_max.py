"""Golden cases for row_max (see _rowagg for the inputs)."""

from __future__ import annotations

from ._rowagg import INTS, MIXED, case, category_case, error_cases

CASES = [
    case("integers-stay-integers", INTS, "int64", [5, 4, None, 3, 7, 8]),
    case("text-numbers-and-decimals", MIXED, "float64", [12.0, None, 2.0, -1.0, 2.0, 10.0]),
    category_case("category-read-as-numbers", ["f", "k"], "float64", [7.0, None, 2.0, 7.0, 2.0, None]),
    *error_cases(),
]
