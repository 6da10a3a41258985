"""Golden cases for find (0-based index from the start; missing when not found)."""

from . import GoldenCase, frame

S = [None, "banana", None, None, "Bandana", "", "xyz"]
IN = frame({"s": ("string", S), "k": ("int64", [1, 2, 3, 4, 5, 6, 7])})


def out(values):
    return frame({"s": ("string", S), "t": ("int64", values), "k": ("int64", [1, 2, 3, 4, 5, 6, 7])})


CASES = [
    GoldenCase("first-match", IN, {"source_column": "s", "pattern": "an", "target_column": "t"}, out([None, 1, None, None, 1, None, None])),
    GoldenCase(
        "from-position-2",
        IN,
        {"source_column": "s", "pattern": "an", "position": 2, "target_column": "t"},
        out([None, 3, None, None, 4, None, None]),
    ),
    GoldenCase(
        "ignore-case",
        IN,
        {"source_column": "s", "pattern": "N", "ignore_case": True, "target_column": "t"},
        out([None, 2, None, None, 2, None, None]),
    ),
    GoldenCase(
        "literal-value",
        IN,
        {"value": "a-b-c", "pattern": "-", "target_column": "t"},
        frame({"s": ("string", S), "k": ("int64", [1, 2, 3, 4, 5, 6, 7]), "t": ("int64", [1] * 7)}),
    ),
    GoldenCase("bad-regex", IN, {"source_column": "s", "pattern": "(", "target_column": "t"}, error="invalid regular expression"),
]
