"""Golden cases for replace_with_null (the condition selects the rows to replace)."""

from . import GoldenCase, frame

N = [None, -1, None, None, 4, -3]
S = [None, "a", "-", "-", None, "b"]
IN = frame({"n": ("int64", N), "s": ("string", S)})

CASES = [
    GoldenCase(
        "negatives-to-null",
        IN,
        {"source_column": "n"},
        conditions=[{"condition": "LESS_THAN", "target_column": "n", "value": 0}],
        expected=frame({"n": ("int64", [None, None, None, None, 4, None]), "s": ("string", S)}),
    ),
    GoldenCase(
        "placeholder-text-to-null",
        IN,
        {"source_column": "s"},
        conditions=[{"condition": "IS", "target_column": "s", "value": ["-"]}],
        expected=frame({"n": ("int64", N), "s": ("string", [None, "a", None, None, None, "b"])}),
    ),
    GoldenCase(
        "no-condition-datetime",
        frame({"d": ("datetime", ["2024-01-01", None, "2024-02-01", None, "2024-03-01"])}),
        {"source_column": "d"},
        expected=frame({"d": ("datetime", [None] * 5)}),
    ),
    GoldenCase("missing-column", IN, {"source_column": "zz"}, error="column 'zz' does not exist"),
]
