"""Golden cases for log (default base 10; zero and negatives missing)."""

from . import GoldenCase, frame

V = [None, 100, None, None, -9, 0, 1000]
X = [None, 4, None, None, 8, 1, 2]
IN = frame({"v": ("int64", V), "x": ("int64", X)})

CASES = [
    GoldenCase(
        "base-10-default",
        IN,
        {"source_column": "v", "target_column": "t"},
        frame({"v": ("int64", V), "t": ("float64", [None, 2.0, None, None, None, None, 3.0]), "x": ("int64", X)}),
    ),
    GoldenCase(
        "base-2",
        IN,
        {"source_column": "x", "base": 2, "target_column": "t"},
        frame({"v": ("int64", V), "x": ("int64", X), "t": ("float64", [None, 2.0, None, None, 3.0, 0.0, 1.0])}),
    ),
    GoldenCase("base-one", IN, {"source_column": "x", "base": 1, "target_column": "t"}, error="cannot be 1"),
]
