"""Golden cases for fill (nearest value above within num_rows_before, else below within num_rows_after)."""

from tests.golden.cases import GoldenCase, frame

S = [None, "a", None, None, None, "", "b", None]
X = [None, None, 3, None, None, None, 7, None]

CASES = [
    GoldenCase(
        name="text_centred_blank_is_missing",
        input=frame({"s": ("string", S)}),
        params={"source_column": "s", "num_rows_before": 1, "num_rows_after": 1, "target_column": "f"},
        # row 3 and 4 have no value within one row; the blank row 5 takes "b" from below
        expected=frame({"s": ("string", S), "f": ("string", ["a", "a", "a", None, None, "b", "b", "b"])}),
    ),
    GoldenCase(
        name="rows_above_only_no_cascade",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_before": 2, "num_rows_after": 0, "target_column": "f"},
        expected=frame({"x": ("int64", X), "f": ("int64", [None, None, 3, 3, 3, None, 7, 7])}),
    ),
    GoldenCase(
        name="rows_below_only",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_before": 0, "num_rows_after": 2, "target_column": "f"},
        expected=frame({"x": ("int64", X), "f": ("int64", [3, 3, 3, None, 7, 7, 7, None])}),
    ),
    GoldenCase(
        name="above_preferred_to_below",
        input=frame({"x": ("int64", X)}),
        params={"source_column": "x", "num_rows_before": 1, "num_rows_after": 1, "target_column": "f"},
        expected=frame({"x": ("int64", X), "f": ("int64", [None, 3, 3, 3, None, 7, 7, 7])}),
    ),
    GoldenCase(
        name="blank_without_neighbour_stays_blank",
        input=frame({"s": ("string", ["", None, " ", "c"])}),
        params={"source_column": "s", "num_rows_before": 0, "num_rows_after": 1, "target_column": "f"},
        expected=frame({"s": ("string", ["", None, " ", "c"]), "f": ("string", ["", None, "c", "c"])}),
    ),
    GoldenCase(
        name="datetime_and_boolean_keep_type",
        input=frame({
            "d": ("datetime", [None, "2024-01-02", None, None]),
            "b": ("boolean", [None, True, None, False]),
        }),
        params={"source_column": "d", "num_rows_before": 3, "num_rows_after": 3, "target_column": "f"},
        expected=frame({
            "d": ("datetime", [None, "2024-01-02", None, None]),
            "f": ("datetime", ["2024-01-02"] * 4),
            "b": ("boolean", [None, True, None, False]),
        }),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 5)}),
        params={"source_column": "x", "num_rows_before": 2, "num_rows_after": 2, "target_column": "f"},
        expected=frame({"x": ("float64", [None] * 5), "f": ("float64", [None] * 5)}),
    ),
    GoldenCase(
        name="category_column_refused",
        input=frame({"c": ("category", ["a", None, "b"])}),
        params={"source_column": "c", "target_column": "f"},
        error="column 'c' is category",
    ),
]
