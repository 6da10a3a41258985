"""Golden cases for replace_between_positions (0-based, end excluded, in place)."""

from . import GoldenCase, frame

S = [None, "abcdef", None, None, "héllo", "", "ab"]
N = [1, 2, 3, 4, 5, 6, 7]


def _in(values: list):
    return frame({"s": ("string", values), "n": ("int64", N)})


CASES = [
    GoldenCase(
        "one-to-four",
        _in(S),
        {"source_column": "s", "start_position": 1, "end_position": 4, "value": "#"},
        _in([None, "a#ef", None, None, "h#o", "#", "a#"]),
    ),
    GoldenCase(
        "insert-at-start",
        _in(S),
        {"source_column": "s", "start_position": 0, "end_position": 0, "value": ">"},
        _in([None, ">abcdef", None, None, ">héllo", ">", ">ab"]),
    ),
    GoldenCase("end-before-start", _in(S), {"source_column": "s", "start_position": 3, "end_position": 1, "value": "x"}, error="endPosition must not be smaller"),
    GoldenCase("number-column", _in(S), {"source_column": "n", "start_position": 0, "end_position": 1, "value": "x"}, error="expected string or category"),
]
