"""Golden cases for replace_outliers (outliers by the whole-dataset fences, replaced in place)."""

from tests.golden.cases import GoldenCase, frame

X = ("int64", [1, 2, None, 3, 4, 5, 100])  # IQR 1.5: Q1 2.25, Q3 4.75, fences -1.5 and 8.5
IQR = {"source_column": "x", "outlier_strategy": "IQR", "threshold": 1.5}
TRIM_X = ("float64", [*range(1, 11), 40, 60, -30, -45, None])

CASES = [
    GoldenCase(
        name="winsorize_at_the_fence_int_rounds_half_even",
        input=frame({"x": X}),
        params={**IQR, "replace_type": "WINSORIZE_VALUES"},
        expected=frame({"x": ("int64", [1, 2, None, 3, 4, 5, 8])}),
    ),
    GoldenCase(
        name="winsorize_at_percentiles_both_sides",
        input=frame({"x": ("float64", [1.0, 2.0, None, 3.0, 4.0, 5.0, 100.0, -50.0])}),
        params={**IQR, "replace_type": "WINSORIZE_VALUES", "min_value": 10, "max_value": 90, "trim_value": True},
        # fences -3 and 9; the 10th percentile is -19.4, the 90th 43
        expected=frame({"x": ("float64", [1.0, 2.0, None, 3.0, 4.0, 5.0, 43.0, -19.4])}),
    ),
    GoldenCase(
        name="custom_value",
        input=frame({"x": X, "k": ("string", list("abcdefg"))}),
        params={**IQR, "replace_type": "REPLACE_WITH_CUSTOM", "value": 0},
        expected=frame({"x": ("int64", [1, 2, None, 3, 4, 5, 0]), "k": ("string", list("abcdefg"))}),
    ),
    GoldenCase(
        name="null_with_z_score",
        input=frame({"x": X}),
        params={"source_column": "x", "outlier_strategy": "Z_SCORE", "threshold": 1.5, "replace_type": "REPLACE_WITH_NULL"},
        expected=frame({"x": ("int64", [1, 2, None, 3, 4, 5, None])}),
    ),
    GoldenCase(
        name="empty_is_missing_for_numbers",
        input=frame({"x": ("float64", [1.0, 2.0, None, 3.0, 4.0, 5.0, 100.0])}),
        params={**IQR, "replace_type": "REPLACE_WITH_EMPTY"},
        expected=frame({"x": ("float64", [1.0, 2.0, None, 3.0, 4.0, 5.0, None])}),
    ),
    GoldenCase(
        name="average_of_the_whole_column",
        input=frame({"x": ("float64", [1.0, 2.0, None, 3.0, 4.0, 5.0, 100.0])}),
        params={**IQR, "replace_type": "REPLACE_WITH_AVERAGE"},
        expected=frame({"x": ("float64", [1.0, 2.0, None, 3.0, 4.0, 5.0, 115.0 / 6])}),
    ),
    GoldenCase(
        name="median_int_rounds_half_even",
        input=frame({"x": X}),
        params={**IQR, "replace_type": "REPLACE_WITH_MEDIAN"},
        # median 3.5 -> 4
        expected=frame({"x": ("int64", [1, 2, None, 3, 4, 5, 4])}),
    ),
    GoldenCase(
        name="mode_tie_max",
        input=frame({"x": ("float64", [1.0, 1.0, 2.0, None, 2.0, 3.0, 50.0])}),
        params={**IQR, "replace_type": "REPLACE_WITH_MODE", "mode_type": "MAX"},
        # fences -1 and 5; 1 and 2 are both most frequent: MAX keeps 2
        expected=frame({"x": ("float64", [1.0, 1.0, 2.0, None, 2.0, 3.0, 2.0])}),
    ),
    GoldenCase(
        name="sum_and_condition",
        input=frame({"x": ("int64", [1, 2, None, 3, 4, -90, 100]), "keep": ("string", ["n", "n", "n", "n", "n", "n", "y"])}),
        params={**IQR, "replace_type": "REPLACE_WITH_SUM"},
        conditions=[{"condition": "IS", "target_column": "keep", "value": ["n"]}],
        # both -90 and 100 are outliers; only the rows the condition selects change; sum 20
        expected=frame({"x": ("int64", [1, 2, None, 3, 4, 20, 100]), "keep": ("string", ["n", "n", "n", "n", "n", "n", "y"])}),
    ),
    GoldenCase(
        name="max_includes_the_outliers",
        input=frame({"x": X}),
        params={**IQR, "replace_type": "REPLACE_WITH_MAX"},
        expected=frame({"x": X}),
    ),
    GoldenCase(
        name="all_null_unchanged",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x", "replace_type": "WINSORIZE_VALUES"},
        expected=frame({"x": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        # IQR 1.5 fences -7.5 and 18.5: outliers 40, 60, -30, -45; the 5th percentile is -35.25,
        # the 95th 47: only -45 and 60 lie beyond them, so only they become missing
        name="trim_null_only_beyond_the_percentiles",
        input=frame({"x": TRIM_X}),
        params={**IQR, "replace_type": "REPLACE_WITH_NULL", "trim_value": True, "min_value": 5, "max_value": 95},
        expected=frame({"x": ("float64", [*range(1, 11), 40, None, -30, None, None])}),
    ),
    GoldenCase(
        # only the upper bound given: every low outlier is replaced, high ones only above p95
        name="trim_median_one_bound",
        input=frame({"x": TRIM_X}),
        params={**IQR, "replace_type": "REPLACE_WITH_MEDIAN", "trim_value": True, "max_value": 95},
        expected=frame({"x": ("float64", [*range(1, 11), 40, 5.5, 5.5, 5.5, None])}),  # median 5.5
    ),
    GoldenCase(
        name="custom_needs_a_whole_number_for_int",
        input=frame({"x": X}),
        params={**IQR, "replace_type": "REPLACE_WITH_CUSTOM", "value": 2.5},
        error="value 2.5 is not a whole number; column 'x' is int64",
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", list("abcdef"))}),
        params={"source_column": "s", "replace_type": "REPLACE_WITH_NULL"},
        error="column 's' is string, expected float64 or int64",
    ),
]
