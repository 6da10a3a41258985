"""Golden cases for char (code point to character; invalid code points give missing)."""

from . import GoldenCase, frame

N = [None, 65, None, None, 233, 0, 128512]
F = [65.0, 65.5, None, 97.0, -1.0, 1114112.0, 55296.0]
IN = frame({"n": ("int64", N), "f": ("float64", F)})

CASES = [
    GoldenCase(
        "int-codes",
        IN,
        {"source_column": "n", "target_column": "t"},
        frame({"n": ("int64", N), "t": ("string", [None, "A", None, None, "é", None, "😀"]), "f": ("float64", F)}),
    ),
    GoldenCase(
        "float-codes-invalid-missing",
        IN,
        {"source_column": "f", "target_column": "t"},
        frame({"n": ("int64", N), "f": ("float64", F), "t": ("string", ["A", None, None, "a", None, None, None])}),
    ),
    GoldenCase(
        "literal-value",
        IN,
        {"value": 97, "target_column": "t"},
        frame({"n": ("int64", N), "f": ("float64", F), "t": ("string", ["a"] * 7)}),
    ),
    GoldenCase("text-column", frame({"s": ("string", ["a", "b", None, "c", "d"])}), {"source_column": "s", "target_column": "t"}, error="expected int64 or float64"),
]
