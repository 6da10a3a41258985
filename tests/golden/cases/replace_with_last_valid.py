"""Golden cases for replace_with_last_valid (invalid text -> last valid value above it)."""

from tests.golden.cases import GoldenCase, frame

S = ["1", "x", None, "2.5", "abc", "", "def", "3"]

CASES = [
    GoldenCase(
        name="numbers_as_text_missing_kept",
        input=frame({"s": ("string", S), "k": ("int64", list(range(8)))}),
        params={"source_column": "s", "column_data_type": "number"},
        # invalid: x, abc, def; missing (None, "") stays and is skipped when looking up
        expected=frame({
            "s": ("string", ["1", "1", None, "2.5", "2.5", "", "2.5", "3"]),
            "k": ("int64", list(range(8))),
        }),
    ),
    GoldenCase(
        name="leading_invalid_left_as_is",
        input=frame({"s": ("string", ["a", None, "1", "b", " 7 ", "c"])}),
        params={"source_column": "s"},
        expected=frame({"s": ("string", ["a", None, "1", "1", " 7 ", " 7 "])}),
    ),
    GoldenCase(
        name="integer_type",
        input=frame({"s": ("string", ["1", "1.5", "2", "x", None])}),
        params={"source_column": "s", "column_data_type": "integer"},
        expected=frame({"s": ("string", ["1", "1", "2", "2", None])}),
    ),
    GoldenCase(
        name="boolean_type",
        input=frame({"s": ("string", ["yes", "maybe", "FALSE", "?", "no"])}),
        params={"source_column": "s", "column_data_type": "boolean"},
        expected=frame({"s": ("string", ["yes", "yes", "FALSE", "FALSE", "no"])}),
    ),
    GoldenCase(
        name="condition_restricts_rows",
        input=frame({"s": ("string", S), "k": ("int64", list(range(8)))}),
        params={"source_column": "s"},
        conditions=[{"condition": "GREATER_THAN", "target_column": "k", "value": 3}],
        expected=frame({
            "s": ("string", ["1", "x", None, "2.5", "2.5", "", "2.5", "3"]),
            "k": ("int64", list(range(8))),
        }),
    ),
    GoldenCase(
        name="typed_column_unchanged",
        input=frame({"x": ("int64", [1, None, 3])}),
        params={"source_column": "x"},
        expected=frame({"x": ("int64", [1, None, 3])}),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"s": ("string", [None] * 4)}),
        params={"source_column": "s"},
        expected=frame({"s": ("string", [None] * 4)}),
    ),
    GoldenCase(
        name="unknown_type_refused",
        input=frame({"s": ("string", S)}),
        params={"source_column": "s", "column_data_type": "email"},
        error="column_data_type",
    ),
]
