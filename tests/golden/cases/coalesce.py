"""Golden cases for coalesce (first non-null of the columns, in the order given)."""

from . import GoldenCase, frame

A = [None, None, 1, None, 5, None]
B = [None, 2.5, 9.0, None, None, 0.0]
S = [None, "x", "", None, "y", "z"]
T = ["p", None, "q", None, "r", None]
IN = frame({"a": ("int64", A), "b": ("float64", B), "s": ("string", S), "t": ("string", T)})

CASES = [
    GoldenCase(
        "int-then-float",
        IN,
        {"source_columns": ["a", "b"], "target_column": "c"},
        frame({"a": ("int64", A), "c": ("float64", [None, 2.5, 1.0, None, 5.0, 0.0]), "b": ("float64", B), "s": ("string", S), "t": ("string", T)}),
    ),
    GoldenCase(
        "text-order-and-empty",
        IN,
        {"source_columns": ["t", "s"], "target_column": "c"},
        # empty text in s is a value; row 3 all null
        frame({"a": ("int64", A), "b": ("float64", B), "s": ("string", S), "t": ("string", T), "c": ("string", ["p", "x", "q", None, "r", "z"])}),
    ),
    GoldenCase(
        "same-type-int",
        frame({"a": ("int64", A), "z": ("int64", [7, 7, 7, None, 7, None])}),
        {"source_columns": ["z", "a"], "target_column": "c"},
        frame({"a": ("int64", A), "z": ("int64", [7, 7, 7, None, 7, None]), "c": ("int64", [7, 7, 7, None, 7, None])}),
    ),
    GoldenCase("mixed-types", IN, {"source_columns": ["a", "s"], "target_column": "c"}, error="cannot coalesce columns of types"),
]
