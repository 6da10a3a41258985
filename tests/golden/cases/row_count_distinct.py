"""Golden cases for row_count_distinct (see _rowagg for the inputs)."""

from __future__ import annotations

from . import GoldenCase
from ._rowagg import IN, INTS, case

CASES = [
    case("integers", INTS, "int64", [2, 2, 0, 2, 2, 1]),
    # all numeric: compared as numbers (2 and 2.0 are one value)
    case("numbers-as-numbers", ["a", "f"], "int64", [2, 1, 1, 2, 1, 0]),
    # a text column: compared as text ("2" and 2 are one value; empty text ignored)
    case("text-forms", ["a", "s", "b"], "int64", [2, 3, 0, 1, 1, 2]),
    GoldenCase("unknown-column", IN, {"source_columns": ["a", "bb"], "target_column": "t"}, error="column 'bb' does not exist"),
]
