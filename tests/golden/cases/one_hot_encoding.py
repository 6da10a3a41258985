"""Golden cases for one_hot_encoding (categories stored in the step; at most 10 values)."""

from tests.golden.cases import GoldenCase, frame

COLORS = ["red", None, "blue", "red", None, None, "green", "blue"]


def _hot(values, v):
    return [1 if x == v else 0 for x in values]


CASES = [
    GoldenCase(
        name="text_column_sorted_categories",
        input=frame({"color": ("string", COLORS), "n": ("int64", [1, 2, 3, 4, 5, 6, 7, 8])}),
        params={"source_column": "color", "categories": ["blue", "green", "red"]},
        # new columns right after the source, in category order; missing -> 0 everywhere
        expected=frame({
            "color": ("string", COLORS),
            "color_blue": ("int64", _hot(COLORS, "blue")),
            "color_green": ("int64", _hot(COLORS, "green")),
            "color_red": ("int64", _hot(COLORS, "red")),
            "n": ("int64", [1, 2, 3, 4, 5, 6, 7, 8]),
        }),
    ),
    GoldenCase(
        name="category_absent_from_data_gives_zeros",
        input=frame({"size": ("int64", [1, 2, None, 1, 2, 1])}),
        params={"source_column": "size", "categories": ["1", "2", "3"]},
        expected=frame({
            "size": ("int64", [1, 2, None, 1, 2, 1]),
            "size_1": ("int64", [1, 0, 0, 1, 0, 1]),
            "size_2": ("int64", [0, 1, 0, 0, 1, 0]),
            "size_3": ("int64", [0, 0, 0, 0, 0, 0]),
        }),
    ),
    GoldenCase(
        name="boolean_column",
        input=frame({"ok": ("boolean", [True, None, False, True, True, None])}),
        params={"source_column": "ok", "categories": ["False", "True"]},
        expected=frame({
            "ok": ("boolean", [True, None, False, True, True, None]),
            "ok_False": ("int64", [0, 0, 1, 0, 0, 0]),
            "ok_True": ("int64", [1, 0, 0, 1, 1, 0]),
        }),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"c": ("string", [None] * 6)}),
        params={"source_column": "c", "categories": ["x"]},
        expected=frame({"c": ("string", [None] * 6), "c_x": ("int64", [0] * 6)}),
    ),
    GoldenCase(
        name="more_than_ten_values",
        input=frame({"k": ("string", [f"v{i:02d}" for i in range(11)] + [None])}),
        params={"source_column": "k", "categories": [f"v{i:02d}" for i in range(10)]},
        error="column 'k' has 11 distinct values",
    ),
    GoldenCase(
        name="value_missing_from_categories",
        input=frame({"color": ("string", COLORS)}),
        params={"source_column": "color", "categories": ["blue", "red"]},
        error="not among the step's categories: 'green'",
    ),
    GoldenCase(
        name="no_categories",
        input=frame({"color": ("string", COLORS)}),
        params={"source_column": "color"},
        error="one-hot encoding needs the values of 'color'",
    ),
    GoldenCase(
        name="new_column_exists",
        input=frame({"color": ("string", COLORS), "color_red": ("int64", [0] * 8)}),
        params={"source_column": "color", "categories": ["blue", "green", "red"]},
        error="column 'color_red' already exists",
    ),
    GoldenCase(
        name="float_column_refused",
        input=frame({"x": ("float64", [1.0, 2.0, None, 1.0, 2.0, 1.0])}),
        params={"source_column": "x", "categories": ["1.0", "2.0"]},
        error="column 'x' is float64",
    ),
]
