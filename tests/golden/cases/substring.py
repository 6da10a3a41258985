"""Golden cases for substring (0-based, start included, end excluded; clipped at the end)."""

from . import GoldenCase, frame

S = [None, "abcdef", None, None, "héllo wörld", "", "ab"]
N = [1, 2, 3, 4, 5, 6, 7]
IN = frame({"s": ("string", S), "n": ("int64", N)})

CASES = [
    GoldenCase(
        "one-to-four",
        IN,
        {"source_column": "s", "start_position": 1, "end_position": 4, "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", [None, "bcd", None, None, "éll", "", "b"]), "n": ("int64", N)}),
    ),
    GoldenCase(
        "past-the-end-clipped",
        IN,
        {"source_column": "s", "start_position": 4, "end_position": 50, "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", [None, "ef", None, None, "o wörld", "", ""]), "n": ("int64", N)}),
    ),
    GoldenCase(
        "literal-value",
        IN,
        {"value": "last_name", "start_position": 5, "end_position": 9, "target_column": "t"},
        frame({"s": ("string", S), "n": ("int64", N), "t": ("string", ["name"] * 7)}),
    ),
    GoldenCase(
        "end-before-start",
        IN,
        {"source_column": "s", "start_position": 4, "end_position": 2, "target_column": "t"},
        error="must not be smaller",
    ),
]
