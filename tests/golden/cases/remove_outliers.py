"""Golden cases for remove_outliers (DELETE_ROWS or CLEAR; whole-dataset statistics)."""

from tests.golden.cases import GoldenCase, frame

Z = [10, None, 11, 9, 10, 50, None, 10, 11, 9]  # z(50) = 2.47 (see flag_outliers cases)
K = list("abcdefghij")
M = [1, 2, 3, 4, 100, None, 5, 6, None]  # modified z: 100 is the outlier
IQR_FAR = [1, 2, 3, 4, 5, 6, 7, 8, None, 30]  # IQR, threshold 3: fences -9 .. 19
TRIM = [*range(1, 11), 40, 60, -30, -45, None]


def _without(values, i):
    return values[:i] + values[i + 1 :]


CASES = [
    GoldenCase(
        name="delete_rows_z_score",
        input=frame({"x": ("int64", Z), "k": ("string", K)}),
        params={"source_column": "x", "outlier_strategy": "Z_SCORE", "threshold": 2},
        # the 50 row goes; rows with a missing x stay
        expected=frame({"x": ("int64", _without(Z, 5)), "k": ("string", _without(K, 5))}),
    ),
    GoldenCase(
        name="clear_z_score",
        input=frame({"x": ("int64", Z), "k": ("string", K)}),
        params={"source_column": "x", "outlier_strategy": "Z_SCORE", "threshold": 2, "remove_type": "CLEAR"},
        expected=frame({"x": ("int64", [None if v == 50 else v for v in Z]), "k": ("string", K)}),
    ),
    GoldenCase(
        name="delete_rows_iqr",
        input=frame({"x": ("int64", IQR_FAR), "k": ("string", K)}),
        params={"source_column": "x", "outlier_strategy": "IQR"},
        expected=frame({"x": ("int64", IQR_FAR[:9]), "k": ("string", K[:9])}),
    ),
    GoldenCase(
        name="delete_rows_modified_z_score_float",
        input=frame({"x": ("float64", M)}),
        params={"source_column": "x", "outlier_strategy": "MODIFIED_Z_SCORE"},
        expected=frame({"x": ("float64", _without(M, 4))}),
    ),
    GoldenCase(
        name="all_null_column_keeps_every_row",
        input=frame({"x": ("float64", [None] * 6), "k": ("string", K[:6])}),
        params={"source_column": "x"},
        expected=frame({"x": ("float64", [None] * 6), "k": ("string", K[:6])}),
    ),
    GoldenCase(
        # IQR 1.5 fences -7.5 and 18.5: outliers 40, 60, -30, -45; only -45 (below the 5th
        # percentile, -35.25) and 60 (above the 95th, 47) are removed
        name="trim_deletes_only_beyond_the_percentiles",
        input=frame({"x": ("int64", TRIM), "k": ("string", list("abcdefghijklmno"))}),
        params={"source_column": "x", "outlier_strategy": "IQR", "threshold": 1.5, "trim_value": True,
                "min_value": 5, "max_value": 95},
        expected=frame({"x": ("int64", [*range(1, 11), 40, -30, None]), "k": ("string", list("abcdefghijkmo"))}),
    ),
    GoldenCase(
        name="trim_clear_lower_bound_only",
        input=frame({"x": ("int64", TRIM)}),
        params={"source_column": "x", "outlier_strategy": "IQR", "threshold": 1.5, "remove_type": "CLEAR",
                "trim_value": True, "min_value": 5},
        expected=frame({"x": ("int64", [*range(1, 11), None, None, -30, None, None])}),
    ),
    GoldenCase(
        name="trim_bounds_crossed",
        input=frame({"x": ("int64", TRIM)}),
        params={"source_column": "x", "trim_value": True, "min_value": 95, "max_value": 5},
        error="min_value 95 is above max_value 5",
    ),
    GoldenCase(
        name="condition_refused",
        input=frame({"x": ("int64", Z), "k": ("string", K)}),
        params={"source_column": "x"},
        conditions=[{"condition": "IS", "target_column": "k", "value": ["a"]}],
        error="remove_outliers cannot take a condition",
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["1", "2", None, "3", "4", "5"])}),
        params={"source_column": "s"},
        error="column 's' is string",
    ),
]
