from . import GoldenCase, frame

CASES = [
    GoldenCase(
        "odd-count",
        frame({"x": ("float64", [None, 1.0, 7.0, None, None, 3.0, 10.0, 2.0])}),
        {"source_column": "x"},
        # values 1 2 3 7 10 -> median 3
        frame({"x": ("float64", [3.0, 1.0, 7.0, 3.0, 3.0, 3.0, 10.0, 2.0])}),
    ),
    GoldenCase(
        "even-count",
        frame({"x": ("float64", [4.0, None, 1.0, 2.0, None, 8.0])}),
        {"source_column": "x"},
        # values 1 2 4 8 -> (2 + 4) / 2 = 3
        frame({"x": ("float64", [4.0, 3.0, 1.0, 2.0, 3.0, 8.0])}),
    ),
    GoldenCase(
        "integer-column",
        frame({"n": ("int64", [1, None, 2, None, 5, 6]), "s": ("string", ["a", "b", "c", "d", "e", "f"])}),
        {"source_column": "n"},
        # values 1 2 5 6 -> 3.5, an integer column rounds half to even -> 4
        frame({"n": ("int64", [1, 4, 2, 4, 5, 6]), "s": ("string", ["a", "b", "c", "d", "e", "f"])}),
    ),
    GoldenCase(
        "all-missing",
        frame({"x": ("float64", [None, None, None, None, None])}),
        {"source_column": "x"},
        frame({"x": ("float64", [None, None, None, None, None])}),
    ),
    GoldenCase(
        "with-condition",
        frame({"x": ("float64", [None, 1.0, None, 3.0, 5.0]), "g": ("string", ["a", "a", "b", "b", "b"])}),
        {"source_column": "x"},
        frame({"x": ("float64", [3.0, 1.0, None, 3.0, 5.0]), "g": ("string", ["a", "a", "b", "b", "b"])}),
        conditions=[{"condition": "IS", "target_column": "g", "value": ["a"]}],
    ),
    GoldenCase("text-column", frame({"s": ("string", ["a", None, "b", "c", "d"])}), {"source_column": "s"}, error="expected int64 or float64"),
]
