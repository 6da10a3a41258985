"""Golden cases for replace_with_custom (the condition selects the rows to replace)."""

from . import GoldenCase, frame

N = [None, None, -2, 5, None, -7]
S = [None, "a", "b", None, None, "c"]
IN = frame({"n": ("int64", N), "s": ("string", S)})

CASES = [
    GoldenCase(
        "negative-values-int",
        IN,
        {"source_column": "n", "value": "0"},
        conditions=[{"condition": "LESS_THAN", "target_column": "n", "value": 0}],
        # missing values are not less than 0: untouched
        expected=frame({"n": ("int64", [None, None, 0, 5, None, 0]), "s": ("string", S)}),
    ),
    GoldenCase(
        "missing-text-replaced",
        IN,
        {"source_columns": ["s"], "value": "zz"},
        conditions=[{"condition": "IS_MISSING", "target_column": "s"}],
        expected=frame({"n": ("int64", N), "s": ("string", ["zz", "a", "b", "zz", "zz", "c"])}),
    ),
    GoldenCase(
        "no-condition-two-columns",
        IN,
        {"source_columns": ["n", "s"], "value": "9"},
        expected=frame({"n": ("int64", [9] * 6), "s": ("string", ["9"] * 6)}),
    ),
    GoldenCase("not-a-number", IN, {"source_column": "n", "value": "abc"}, error="'abc' is not a whole number"),
    GoldenCase("missing-column", IN, {"source_column": "zz", "value": "1"}, error="column 'zz' does not exist"),
]
