"""Golden cases for row_count (see _rowagg for the inputs)."""

from __future__ import annotations

from . import GoldenCase
from ._rowagg import IN, INTS, case

CASES = [
    # missing cells and empty or blank text are not counted; any column type
    case("any-types", ["a", "s", "flag"], "int64", [3, 2, 1, 1, 3, 1]),
    case("integers", INTS, "int64", [3, 2, 0, 3, 3, 1]),
    case("dates", ["when", "f"], "int64", [2, 0, 1, 2, 1, 0]),
    GoldenCase("unknown-column", IN, {"source_columns": ["a", "bb"], "target_column": "t"}, error="column 'bb' does not exist"),
]
