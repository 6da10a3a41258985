"""Golden cases for exponent (missing stays missing; non-finite results are missing)."""

from . import GoldenCase, frame

X = [None, 4, None, None, -9, 0, 2]
F = [None, 2.5, None, None, -0.5, 0.0, 100.0]
IN = frame({"x": ("int64", X), "f": ("float64", F)})

CASES = [
    GoldenCase(
        "int",
        IN,
        {"source_column": "x", "target_column": "t"},
        frame({"x": ("int64", X), "t": ("float64", [None, 54.598150033144236, None, None, 0.00012340980408667956, 1.0, 7.38905609893065]), "f": ("float64", F)}),
    ),
    GoldenCase(
        "float",
        IN,
        {"source_column": "f", "target_column": "t"},
        frame({"x": ("int64", X), "f": ("float64", F), "t": ("float64", [None, 12.182493960703473, None, None, 0.6065306597126334, 1.0, 2.6881171418161356e+43])}),
    ),
    GoldenCase("text-column", frame({"s": ("string", ["1", None, "2", "3", "4"])}), {"source_column": "s", "target_column": "t"}, error="expected int64 or float64"),
]
