"""Golden cases for extract_between_positions (0-based, end excluded, clipped to the end)."""

from . import GoldenCase, frame

S = [None, "abcdef", None, None, "héllo", "", "ab"]
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
        "past-the-end",
        IN,
        {"source_column": "s", "start_position": 3, "end_position": 10, "target_column": "t"},
        frame({"s": ("string", S), "t": ("string", [None, "def", None, None, "lo", "", ""]), "n": ("int64", N)}),
    ),
    GoldenCase("end-before-start", IN, {"source_column": "s", "start_position": 4, "end_position": 2, "target_column": "t"}, error="endPosition must not be smaller"),
    GoldenCase("number-column", IN, {"source_column": "n", "start_position": 0, "end_position": 2, "target_column": "t"}, error="expected string or category"),
]
