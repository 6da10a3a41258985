"""Golden cases for repeat_string."""

from . import GoldenCase, frame

S = [None, "ab", None, None, "é", "", "x y"]
IN = frame({"s": ("string", S)})

CASES = [
    GoldenCase(
        "twice",
        IN,
        {"source_column": "s", "count": 2, "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", [None, "abab", None, None, "éé", "", "x yx y"])}),
    ),
    GoldenCase(
        "zero-times",
        IN,
        {"source_column": "s", "count": 0, "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", [None, "", None, None, "", "", ""])}),
    ),
    GoldenCase(
        "literal-value",
        IN,
        {"value": "ha", "count": 3, "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", ["hahaha"] * 7)}),
    ),
    GoldenCase("negative-count", IN, {"source_column": "s", "count": -1, "target_column": "t"}, error="greater than or equal"),
]
