"""Golden cases for flag_column_from_null (only nulls count; empty text is a value)."""

from . import GoldenCase, frame

S = [None, "a", "", None, None, "b"]
N = [None, None, 1.5, None, 0.0, 2.0]
IN = frame({"s": ("string", S), "n": ("float64", N)})

CASES = [
    GoldenCase(
        "text-leading-and-runs",
        IN,
        {"source_column": "s", "target_column": "f"},
        frame({"s": ("string", S), "f": ("string", ["True", "False", "False", "True", "True", "False"]), "n": ("float64", N)}),
    ),
    GoldenCase(
        "number-custom-strings",
        IN,
        {"source_column": "n", "target_column": "f", "true_string": "null", "false_string": "ok"},
        frame({"s": ("string", S), "n": ("float64", N), "f": ("string", ["null", "null", "ok", "null", "ok", "ok"])}),
    ),
    GoldenCase(
        "no-nulls",
        frame({"i": ("int64", [1, 2, 3, 4, 5])}),
        {"source_column": "i", "target_column": "f"},
        frame({"i": ("int64", [1, 2, 3, 4, 5]), "f": ("string", ["False"] * 5)}),
    ),
    GoldenCase("missing-column", IN, {"source_column": "zz", "target_column": "f"}, error="column 'zz' does not exist"),
]
