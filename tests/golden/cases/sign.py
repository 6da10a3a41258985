"""Golden cases for sign (missing stays missing; non-finite results are missing)."""

from . import GoldenCase, frame

X = [None, 4, None, None, -9, 0, 2]
F = [None, 2.5, None, None, -0.5, 0.0, 100.0]
IN = frame({"x": ("int64", X), "f": ("float64", F)})

CASES = [
    GoldenCase(
        "int",
        IN,
        {"source_column": "x", "target_column": "t"},
        frame({"x": ("int64", X), "t": ("int64", [None, 1, None, None, -1, 0, 1]), "f": ("float64", F)}),
    ),
    GoldenCase(
        "float",
        IN,
        {"source_column": "f", "target_column": "t"},
        frame({"x": ("int64", X), "f": ("float64", F), "t": ("int64", [None, 1, None, None, -1, 0, 1])}),
    ),
    GoldenCase("text-column", frame({"s": ("string", ["1", None, "2", "3", "4"])}), {"source_column": "s", "target_column": "t"}, error="expected int64 or float64"),
]
