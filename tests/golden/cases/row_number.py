"""Golden cases for row_number (continues across partitions, empty ones included)."""

from tests.golden.cases import GoldenCase, frame

K = ["a", None, "b", "a", None, None, "a"]

CASES = [
    GoldenCase(
        name="numbers_in_source_order",
        input=frame({"k": ("string", K), "x": ("float64", [None, None, 1.0, None, None, 2.0, None])}),
        params={"target_column": "row"},
        expected=frame({
            "k": ("string", K),
            "x": ("float64", [None, None, 1.0, None, None, 2.0, None]),
            "row": ("int64", [1, 2, 3, 4, 5, 6, 7]),
        }),
    ),
    GoldenCase(
        name="condition_leaves_other_rows_missing_but_counts_them",
        input=frame({"k": ("string", K)}),
        params={"target_column": "n"},
        conditions=[{"condition": "IS", "target_column": "k", "value": ["a"]}],
        expected=frame({"k": ("string", K), "n": ("int64", [1, None, None, 4, None, None, 7])}),
    ),
    GoldenCase(
        name="unicode_target_name",
        input=frame({"größe": ("int64", [None] * 6)}),
        params={"target_column": "行番号"},
        expected=frame({"größe": ("int64", [None] * 6), "行番号": ("int64", [1, 2, 3, 4, 5, 6])}),
    ),
    GoldenCase(
        name="group_by_not_supported",
        input=frame({"k": ("string", K)}),
        params={"target_column": "n", "group_by_columns": ["k"]},
        error="groupByColumns",
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"k": ("string", K)}),
        params={"target_column": "k"},
        error="column 'k' already exists",
    ),
]
