"""Golden cases for rescale_outliers_with_z_score (outliers capped at the fences, then z-scores
with the whole column's mean and sample standard deviation)."""

from tests.golden.cases import GoldenCase, frame

X = ("int64", [1, 2, None, 3, 4, 5, 100])
# mean 19.1666..., sample std 39.6253...; z = (x - mean) / std
Z = [-0.45846097202122393, -0.43322458824023913, None, -0.4079882044592544, -0.38275182067826957, -0.35751543689728477]

CASES = [
    GoldenCase(
        name="z_score_outlier_capped_at_threshold",
        input=frame({"x": X}),
        params={"source_column": "x", "target_column": "z", "outlier_strategy": "Z_SCORE", "threshold": 1.5},
        # 100 is above mean + 1.5 std: capped at the fence, so its score is exactly 1.5
        expected=frame({"x": X, "z": ("float64", [*Z, 1.5])}),
    ),
    GoldenCase(
        name="iqr_fences",
        input=frame({"x": X, "k": ("string", list("abcdefg"))}),
        params={"source_column": "x", "target_column": "z", "outlier_strategy": "IQR", "threshold": 1.5},
        # Q1 2.25, Q3 4.75: 100 is capped at 8.5, then scored with the original mean and std
        expected=frame({"x": X, "z": ("float64", [*Z, -0.26918809366383795]), "k": ("string", list("abcdefg"))}),
    ),
    GoldenCase(
        name="no_outliers_default_threshold",
        input=frame({"x": ("float64", [2.0, 4.0, None, 6.0])}),
        params={"source_column": "x", "target_column": "z"},
        expected=frame({"x": ("float64", [2.0, 4.0, None, 6.0]), "z": ("float64", [-1.0, 0.0, None, 1.0])}),
    ),
    GoldenCase(
        name="constant_column_has_no_scores",
        input=frame({"x": ("float64", [5.0, 5.0, None, 5.0, 5.0, 5.0])}),
        params={"source_column": "x", "target_column": "z", "outlier_strategy": "MODIFIED_Z_SCORE"},
        expected=frame({"x": ("float64", [5.0, 5.0, None, 5.0, 5.0, 5.0]), "z": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="all_null",
        input=frame({"x": ("float64", [None] * 6)}),
        params={"source_column": "x", "target_column": "z"},
        expected=frame({"x": ("float64", [None] * 6), "z": ("float64", [None] * 6)}),
    ),
    GoldenCase(
        name="existing_target_refused",
        input=frame({"x": ("float64", [1.0] * 6), "z": ("int64", [1] * 6)}),
        params={"source_column": "x", "target_column": "z"},
        error="column 'z' already exists",
    ),
]
