"""Golden cases for row_sum (see _rowagg for the inputs)."""

from __future__ import annotations

from ._rowagg import INTS, MIXED, case, category_case, error_cases

CASES = [
    case("integers-exact", INTS, "int64", [13, 5, None, 7, 11, 8]),
    case("text-numbers-and-decimals", MIXED, "float64", [13.5, None, 2.0, -1.0, 4.0, 10.0]),
    category_case("category-read-as-numbers", ["k", "f"], "float64", [8.5, None, 2.0, 6.0, 2.0, None]),
    *error_cases(),
]
