"""Golden cases for ends_with (regular expression at the end; missing gives missing)."""

from . import GoldenCase, frame

S = [None, "Apple", None, None, "banana", "", "a.b"]
IN = frame({"s": ("string", S)})

CASES = [
    GoldenCase(
        "ends-with-a",
        IN,
        {"source_column": "s", "pattern": "a", "target_column": "t"},
        frame({"s": ("string", S), "t": ("boolean", [None, False, None, None, True, False, False])}),
    ),
    GoldenCase(
        "ignore-case-alternation",
        IN,
        {"source_column": "s", "pattern": "LE|\\.B", "ignore_case": True, "target_column": "t"},
        frame({"s": ("string", S), "t": ("boolean", [None, True, None, None, False, False, True])}),
    ),
    GoldenCase(
        "literal-value",
        IN,
        {"value": "report.csv", "pattern": "\\.csv", "target_column": "t"},
        frame({"s": ("string", S), "t": ("boolean", [True] * 7)}),
    ),
    GoldenCase("bad-regex", IN, {"source_column": "s", "pattern": "a)", "target_column": "t"}, error="invalid regular expression"),
]
