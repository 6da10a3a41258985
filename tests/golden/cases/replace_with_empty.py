"""Golden cases for replace_with_empty (the condition selects the rows to replace)."""

from . import GoldenCase, frame

S = [None, None, "n/a", "x", None, "n/a"]
K = [1, 2, 3, 4, 5, 6]
IN = frame({"s": ("string", S), "k": ("int64", K)})

CASES = [
    GoldenCase(
        "placeholder-emptied",
        IN,
        {"source_column": "s"},
        conditions=[{"condition": "IS", "target_column": "s", "value": ["n/a"]}],
        expected=frame({"s": ("string", [None, None, "", "x", None, ""]), "k": ("int64", K)}),
    ),
    GoldenCase(
        "nulls-emptied",
        IN,
        {"source_column": "s"},
        conditions=[{"condition": "IS_MISSING", "target_column": "s"}],
        expected=frame({"s": ("string", ["", "", "n/a", "x", "", "n/a"]), "k": ("int64", K)}),
    ),
    GoldenCase(
        "no-condition",
        IN,
        {"source_column": "s"},
        expected=frame({"s": ("string", [""] * 6), "k": ("int64", K)}),
    ),
    GoldenCase("number-column", IN, {"source_column": "k"}, error="column 'k' is int64"),
]
