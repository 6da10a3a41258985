"""Golden cases for row_any (see _rowagg for the inputs)."""

from __future__ import annotations

from . import GoldenCase
from ._rowagg import IN, case, category_case

CASES = [
    # the first non-empty value in the order listed
    case("integers", ["c", "b"], "int64", [3, 4, None, 1, 7, 8]),
    case("integers-and-decimals", ["a", "f"], "float64", [5.0, 1.0, 2.0, 3.0, 2.0, None]),
    # empty text is skipped (row 3); other mixes are written as text
    case("text-first-mixed", ["s", "f"], "string", [" 12 ", "abc", "2.0", "-1.0", "2", "1e1"]),
    case("number-then-text", ["a", "s"], "string", ["5", "1", None, "3", "2", "1e1"]),
    case("boolean-kept", ["flag"], "boolean", [True, None, False, None, True, None]),
    category_case("category-gives-text", ["k"], "string", ["7", None, "x", "7", None, None]),
    GoldenCase("unknown-column", IN, {"source_columns": ["a", "bb"], "target_column": "t"}, error="column 'bb' does not exist"),
    GoldenCase("no-columns", IN, {"source_columns": [], "target_column": "t"}, error="source_columns"),
]
