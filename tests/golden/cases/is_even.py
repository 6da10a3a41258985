"""Golden cases for is_even (fractions are neither even nor odd; missing flag for missing)."""

from . import GoldenCase, frame

X = [None, 4, None, None, -9, 0, 2]
F = [None, 2.5, None, None, -0.5, 0.0, 100.0]
IN = frame({"x": ("int64", X), "f": ("float64", F)})

CASES = [
    GoldenCase(
        "integers",
        IN,
        {"source_column": "x", "target_column": "t"},
        frame({"x": ("int64", X), "t": ("string", [None, "True", None, None, "False", "True", "True"]), "f": ("float64", F)}),
    ),
    GoldenCase(
        "floats-custom-strings",
        IN,
        {"source_column": "f", "target_column": "t", "true_string": "yes", "false_string": "no"},
        frame({"x": ("int64", X), "f": ("float64", F), "t": ("string", [None, "no", None, None, "no", "yes", "yes"])}),
    ),
    GoldenCase("text-column", frame({"s": ("string", ["1", None, "2", "3", "4"])}), {"source_column": "s", "target_column": "t"}, error="expected int64 or float64"),
]
