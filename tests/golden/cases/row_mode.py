"""Golden cases for row_mode (see _rowagg for the inputs)."""

from __future__ import annotations

from . import GoldenCase
from ._rowagg import IN, INTS, MIXED, case, error_cases

CASES = [
    # row 1 holds 1 and 4 once each: a tie resolved by mode_type
    case("minimum-default", INTS, "int64", [5, 1, None, 3, 2, 8]),
    case("maximum", INTS, "int64", [5, 4, None, 3, 2, 8], mode_type="MAXIMUM"),
    case("average-is-decimal", INTS, "float64", [5.0, 2.5, None, 3.0, 2.0, 8.0], mode_type="AVERAGE"),
    case("none-leaves-ties-missing", INTS, "int64", [5, None, None, 3, 2, 8], mode_type="NONE"),
    # 2.0 and text "2" are the same number in row 4
    case("text-numbers-and-decimals", MIXED, "float64", [1.5, None, 2.0, -1.0, 2.0, 10.0]),
    GoldenCase("bad-mode-type", IN, {"source_columns": INTS, "target_column": "t", "mode_type": "MEDIAN"}, error="mode_type"),
    *error_cases(),
]
