"""Golden cases for flag_outliers (whole-dataset statistics; values on a fence are kept)."""

from tests.golden.cases import GoldenCase, frame

# non-missing: 10 11 9 10 50 10 11 9 -> mean 15, sample std 14.16; z(50) = 2.47, others < 0.43
Z = [10, None, 11, 9, 10, 50, None, 10, 11, 9]
# 13 values, mean 17.85, sample std 24.70: z(100) = 3.33 > 3 (max possible with 13 values: 3.33)
Z3 = [10, 12, None, 10, 12, 11, 11, 10, 12, 11, 10, 12, 11, None, 100]
# 1 2 3 4 5 6 100: median 4, |x - 4| = 3 2 1 0 1 2 96 -> MAD 2; fences 4 -/+ 3 * 2 / 0.6745
M = [1, 2, 3, 4, 100, None, 5, 6, None]
# 5 5 5 5 6 5 20: median 5, MAD 0 -> meanAD 16/7; fences 5 -/+ 3 * 1.253314 * 16/7 = 5 -/+ 8.59
M0 = [5, 5, 5, 5, 6, None, 5, 20]
# 1..8 and 13: Q1 3, Q3 7, IQR 4; threshold 1.5 -> fences -3 .. 13: 13 sits on the fence
IQR_EDGE = [1, 2, 3, 4, 5, 6, 7, 8, None, 13]
# 1..8 and 30: Q1 3, Q3 7; threshold 3 -> fences -9 .. 19
IQR_FAR = [1, 2, 3, 4, 5, 6, 7, 8, None, 30]


def _flags(values, outliers, t="True", f="False"):
    return [None if v is None else (t if v in outliers else f) for v in values]


CASES = [
    GoldenCase(
        name="z_score_threshold_2",
        input=frame({"x": ("int64", Z), "k": ("string", list("abcdefghij"))}),
        params={"source_column": "x", "outlier_strategy": "Z_SCORE", "threshold": 2, "target_column": "out"},
        expected=frame({"x": ("int64", Z), "out": ("string", _flags(Z, {50})), "k": ("string", list("abcdefghij"))}),
    ),
    GoldenCase(
        name="z_score_default_threshold_3",
        input=frame({"x": ("float64", Z3)}),
        params={"source_column": "x", "target_column": "out"},
        expected=frame({"x": ("float64", Z3), "out": ("string", _flags(Z3, {100}))}),
    ),
    GoldenCase(
        name="modified_z_score",
        input=frame({"x": ("int64", M)}),
        params={"source_column": "x", "outlier_strategy": "MODIFIED_Z_SCORE", "target_column": "out"},
        expected=frame({"x": ("int64", M), "out": ("string", _flags(M, {100}))}),
    ),
    GoldenCase(
        name="modified_z_score_mad_zero_uses_mean_absolute_deviation",
        input=frame({"x": ("int64", M0)}),
        params={"source_column": "x", "outlier_strategy": "MODIFIED_Z_SCORE", "target_column": "out"},
        expected=frame({"x": ("int64", M0), "out": ("string", _flags(M0, {20}))}),
    ),
    GoldenCase(
        name="iqr_value_on_fence_is_kept_custom_strings",
        input=frame({"x": ("int64", IQR_EDGE)}),
        params={
            "source_column": "x",
            "outlier_strategy": "IQR",
            "threshold": 1.5,
            "target_column": "out",
            "true_string": "yes",
            "false_string": "no",
        },
        expected=frame({"x": ("int64", IQR_EDGE), "out": ("string", _flags(IQR_EDGE, set(), "yes", "no"))}),
    ),
    GoldenCase(
        name="iqr_default_threshold",
        input=frame({"x": ("int64", IQR_FAR)}),
        params={"source_column": "x", "outlier_strategy": "IQR", "target_column": "out"},
        expected=frame({"x": ("int64", IQR_FAR), "out": ("string", _flags(IQR_FAR, {30}))}),
    ),
    GoldenCase(
        name="constant_column_has_no_outliers",
        input=frame({"x": ("float64", [0.1, None, 0.1, 0.1, 0.1, None, 0.1])}),
        params={"source_column": "x", "outlier_strategy": "Z_SCORE", "threshold": 1, "target_column": "out"},
        expected=frame({
            "x": ("float64", [0.1, None, 0.1, 0.1, 0.1, None, 0.1]),
            "out": ("string", ["False", None, "False", "False", "False", None, "False"]),
        }),
    ),
    GoldenCase(
        name="all_null_column",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x", "outlier_strategy": "MODIFIED_Z_SCORE", "target_column": "out"},
        expected=frame({"x": ("float64", [None] * 6), "out": ("string", [None] * 6)}),
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"s": ("string", ["1", "2", None, "3", "4", "5"])}),
        params={"source_column": "s", "target_column": "out"},
        error="column 's' is string",
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"x": ("int64", Z), "out": ("string", ["a"] * 10)}),
        params={"source_column": "x", "target_column": "out"},
        error="column 'out' already exists",
    ),
    GoldenCase(
        name="threshold_must_be_positive",
        input=frame({"x": ("int64", Z)}),
        params={"source_column": "x", "target_column": "out", "threshold": 0},
        error="threshold",
    ),
]
