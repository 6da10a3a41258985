"""Golden cases for replace_with_mode (the condition selects the rows; mode over all values)."""

from tests.golden.cases import GoldenCase, frame

TIED = [None, 1, 2, 2, None, None, 3, 3, 4, -5]  # 2 and 3 both appear twice

CASES = [
    GoldenCase(
        name="negatives_minimum",
        input=frame({"n": ("int64", TIED)}),
        params={"source_column": "n", "mode_type": "MINIMUM"},
        conditions=[{"condition": "LESS_THAN", "target_column": "n", "value": 0}],
        expected=frame({"n": ("int64", [None, 1, 2, 2, None, None, 3, 3, 4, 2])}),
    ),
    GoldenCase(
        name="missing_maximum",
        input=frame({"n": ("int64", TIED)}),
        params={"source_column": "n", "mode_type": "MAXIMUM"},
        conditions=[{"condition": "IS_MISSING", "target_column": "n"}],
        expected=frame({"n": ("int64", [3, 1, 2, 2, 3, 3, 3, 3, 4, -5])}),
    ),
    GoldenCase(
        name="no_condition_text",
        input=frame({"s": ("string", [None, "b", "a", "b", None, "c"])}),
        params={"source_column": "s"},
        expected=frame({"s": ("string", ["b"] * 6)}),
    ),
    GoldenCase(
        name="tie_none_unchanged",
        input=frame({"n": ("int64", TIED)}),
        params={"source_column": "n", "mode_type": "NONE"},
        expected=frame({"n": ("int64", TIED)}),
    ),
    GoldenCase(
        name="average_on_text_refused",
        input=frame({"s": ("string", ["a", None, "b", "b", None])}),
        params={"source_column": "s", "mode_type": "AVERAGE"},
        error="modeType AVERAGE needs a numeric column",
    ),
]
