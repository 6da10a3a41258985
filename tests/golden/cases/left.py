"""Golden cases for left (first characters; missing stays missing; literal value)."""

from . import GoldenCase, frame

S = [None, "abcdef", None, None, "héllo wörld", "", "ab"]
N = [1, 2, 3, 4, 5, 6, 7]
IN = frame({"s": ("string", S), "n": ("int64", N)})

CASES = [
    GoldenCase(
        "first-three",
        IN,
        {"source_column": "s", "position": 3, "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", [None, "abc", None, None, "hél", "", "ab"]), "n": ("int64", N)}),
    ),
    GoldenCase(
        "zero-gives-empty",
        IN,
        {"source_column": "s", "position": 0, "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", [None, "", None, None, "", "", ""]), "n": ("int64", N)}),
    ),
    GoldenCase(
        "literal-value-at-end",
        IN,
        {"value": "DataBrew", "position": 4, "target_column": "t"},
        frame({"s": ("string", S), "n": ("int64", N), "t": ("string", ["Data"] * 7)}),
    ),
    GoldenCase("number-column", IN, {"source_column": "n", "position": 2, "target_column": "t"}, error="expected string or category"),
]
