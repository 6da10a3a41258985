"""Golden cases for binarization (> threshold -> 1; equal -> 0; missing -> missing)."""

from . import GoldenCase, frame

X = [None, None, 0.5, 2.0, None, -1.0, 0.49]
N = [3, None, 1, 0, 5, None, 1]
IN = frame({"x": ("float64", X), "n": ("int64", N)})

CASES = [
    GoldenCase(
        "float-threshold",
        IN,
        {"source_column": "x", "target_column": "b", "threshold": 0.5},
        frame({"x": ("float64", X), "b": ("int64", [None, None, 0, 1, None, 0, 0]), "n": ("int64", N)}),
    ),
    GoldenCase(
        "int-flipped-string-params",
        IN,
        {"source_column": "n", "target_column": "b", "threshold": "1", "flip": "true"},
        frame({"x": ("float64", X), "n": ("int64", N), "b": ("int64", [0, None, 1, 1, 0, None, 1])}),
    ),
    GoldenCase("text-column", frame({"s": ("string", ["1", None, "2", "3", "4"])}), {"source_column": "s", "target_column": "b", "threshold": 1}, error="column 's' is string"),
]
