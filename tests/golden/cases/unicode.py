"""Golden cases for unicode (code point of the first character)."""

from . import GoldenCase, frame

S = [None, "Apple", None, None, "éclair", "", "😀!"]
IN = frame({"s": ("string", S)})

CASES = [
    GoldenCase(
        "first-character",
        IN,
        {"source_column": "s", "target_column": "t"},
        frame({"s": ("string", S), "t": ("int64", [None, 65, None, None, 233, None, 128512])}),
    ),
    GoldenCase(
        "literal-value",
        IN,
        {"value": "a", "target_column": "t"},
        frame({"s": ("string", S), "t": ("int64", [97] * 7)}),
    ),
    GoldenCase(
        "category-column",
        frame({"c": ("category", ["b", None, "b", "Z", None])}),
        {"source_column": "c", "target_column": "t"},
        frame({"c": ("category", ["b", None, "b", "Z", None]), "t": ("int64", [98, None, 98, 90, None])}),
    ),
    GoldenCase("number-column", frame({"n": ("int64", [1, 2, 3, 4, 5])}), {"source_column": "n", "target_column": "t"}, error="expected string or category"),
]
