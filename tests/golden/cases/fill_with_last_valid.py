from . import GoldenCase, frame

CASES = [
    GoldenCase(
        "gaps",
        frame({"s": ("string", [None, "a", None, None, "b", None, None, None, "c", None])}),
        {"source_column": "s"},
        frame({"s": ("string", [None, "a", "a", "a", "b", "b", "b", "b", "c", "c"])}),
    ),
    GoldenCase(
        "numbers-long-gap",
        frame({"x": ("int64", [5, None, None, None, None, None, 7])}),
        {"source_column": "x"},
        frame({"x": ("int64", [5, 5, 5, 5, 5, 5, 7])}),
    ),
    GoldenCase(
        "all-missing",
        frame({"x": ("float64", [None, None, None, None, None])}),
        {"source_column": "x"},
        frame({"x": ("float64", [None, None, None, None, None])}),
    ),
    GoldenCase("missing-column", frame({"x": ("int64", [1, 2, 3, 4, 5])}), {"source_column": "y"}, error="does not exist"),
]
