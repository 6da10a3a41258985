"""Golden cases for len (characters are code points; empty is 0; missing stays missing)."""

from . import GoldenCase, frame

S = [None, "abcdef", None, None, "héllo wörld", "", "a 😀"]
N = [1, 2, 3, 4, 5, 6, 7]
IN = frame({"s": ("string", S), "n": ("int64", N)})

CASES = [
    GoldenCase(
        "lengths",
        IN,
        {"source_column": "s", "target_column": "t"},
        frame({"s": ("string", S), "t": ("int64", [None, 6, None, None, 11, 0, 3]), "n": ("int64", N)}),
    ),
    GoldenCase(
        "category-column",
        frame({"c": ("category", ["x", None, "yy", "x", "zzz"])}),
        {"source_column": "c", "target_column": "t"},
        frame({"c": ("category", ["x", None, "yy", "x", "zzz"]), "t": ("int64", [1, None, 2, 1, 3])}),
    ),
    GoldenCase(
        "literal-value",
        IN,
        {"value": "hello", "target_column": "t"},
        frame({"s": ("string", S), "n": ("int64", N), "t": ("int64", [5] * 7)}),
    ),
    GoldenCase("both-column-and-value", IN, {"source_column": "s", "value": "x", "target_column": "t"}, error="not both"),
    GoldenCase("target-exists", IN, {"source_column": "s", "target_column": "n"}, error="already exists"),
]
