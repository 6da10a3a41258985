"""Golden cases for split_column_between_positions (0-based, start included, end excluded)."""

from . import GoldenCase, frame

_T = [None, "abcdefg", None, "abc", "", "é名xyz", None]
_IN = frame({"t": ("string", _T), "b": ("boolean", [True, None, False, None, True, None, False])})
_B = ("boolean", [True, None, False, None, True, None, False])

CASES = [
    GoldenCase(
        "two-to-five",
        _IN,
        {"source_column": "t", "start_position": 2, "end_position": 5},
        frame(
            {
                "t_1": ("string", [None, "ab", None, "ab", "", "é名", None]),
                "t_2": ("string", [None, "cde", None, "c", "", "xyz", None]),
                "t_3": ("string", [None, "fg", None, "", "", "", None]),
                "b": _B,
            }
        ),
    ),
    GoldenCase(
        "equal-positions",
        _IN,
        {"source_column": "t", "start_position": 0, "end_position": 0},
        frame(
            {
                "t_1": ("string", [None, "", None, "", "", "", None]),
                "t_2": ("string", [None, "", None, "", "", "", None]),
                "t_3": ("string", _T),
                "b": _B,
            }
        ),
    ),
    GoldenCase(
        "end-before-start",
        _IN,
        {"source_column": "t", "start_position": 5, "end_position": 2},
        error="endPosition 2 is smaller than startPosition 5",
    ),
    GoldenCase("boolean-column", _IN, {"source_column": "b", "start_position": 0, "end_position": 1}, error="expected string"),
]
