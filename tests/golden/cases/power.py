"""Golden cases for power (non-real results missing)."""

from . import GoldenCase, frame

X = [None, 4, None, None, -9, 0, 2]
IN = frame({"x": ("int64", X)})

CASES = [
    GoldenCase(
        "square",
        IN,
        {"source_column": "x", "exponent": 2, "target_column": "t"},
        frame({"x": ("int64", X), "t": ("float64", [None, 16.0, None, None, 81.0, 0.0, 4.0])}),
    ),
    GoldenCase(
        "half-negative-missing",
        IN,
        {"source_column": "x", "exponent": 0.5, "target_column": "t"},
        frame({"x": ("int64", X), "t": ("float64", [None, 2.0, None, None, None, 0.0, 1.4142135623730951])}),
    ),
    GoldenCase(
        "negative-power-of-zero-missing",
        IN,
        {"source_column": "x", "exponent": -1, "target_column": "t"},
        frame({"x": ("int64", X), "t": ("float64", [None, 0.25, None, None, -0.1111111111111111, None, 0.5])}),
    ),
    GoldenCase("no-exponent", IN, {"source_column": "x", "target_column": "t"}, error="exponent"),
]
