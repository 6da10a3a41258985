"""Golden cases for starts_with (regular expression at the start; missing gives missing)."""

from . import GoldenCase, frame

S = [None, "Apple", None, None, "banana", "", "a.b"]
IN = frame({"s": ("string", S)})

CASES = [
    GoldenCase(
        "vowel-class",
        IN,
        {"source_column": "s", "pattern": "[AEIOU]", "target_column": "t"},
        frame({"s": ("string", S), "t": ("boolean", [None, True, None, None, False, False, False])}),
    ),
    GoldenCase(
        "ignore-case",
        IN,
        {"source_column": "s", "pattern": "[AEIOU]", "ignore_case": True, "target_column": "t"},
        frame({"s": ("string", S), "t": ("boolean", [None, True, None, None, False, False, True])}),
    ),
    GoldenCase(
        "escaped-dot-literal-value",
        IN,
        {"value": "a.b", "pattern": "a\\.", "target_column": "t"},
        frame({"s": ("string", S), "t": ("boolean", [True] * 7)}),
    ),
    GoldenCase("bad-regex", IN, {"source_column": "s", "pattern": "*a", "target_column": "t"}, error="invalid regular expression"),
]
