"""Golden cases for fill_with_mode: DataBrew's documented tie example 1 2 2 3 3 4."""

from tests.golden.cases import GoldenCase, frame

TIED = [None, 1, 2, 2, None, None, 3, 3, 4, None]  # 2 and 3 both appear twice


def _filled(v):
    return [v if x is None else x for x in TIED]


CASES = [
    GoldenCase(
        name="tie_minimum",
        input=frame({"n": ("int64", TIED)}),
        params={"source_column": "n", "mode_type": "MINIMUM"},
        expected=frame({"n": ("int64", _filled(2))}),
    ),
    GoldenCase(
        name="tie_maximum",
        input=frame({"n": ("int64", TIED)}),
        params={"source_column": "n", "mode_type": "MAXIMUM"},
        expected=frame({"n": ("int64", _filled(3))}),
    ),
    GoldenCase(
        name="tie_average_float",
        input=frame({"x": ("float64", TIED)}),
        params={"source_column": "x", "mode_type": "AVERAGE"},
        expected=frame({"x": ("float64", _filled(2.5))}),
    ),
    GoldenCase(
        name="tie_average_int_rounds_half_to_even",
        input=frame({"n": ("int64", TIED)}),
        params={"source_column": "n", "mode_type": "AVERAGE"},
        expected=frame({"n": ("int64", _filled(2))}),
    ),
    GoldenCase(
        name="tie_none_leaves_column",
        input=frame({"n": ("int64", TIED)}),
        params={"source_column": "n", "mode_type": "NONE"},
        expected=frame({"n": ("int64", TIED)}),
    ),
    GoldenCase(
        name="no_tie_none_fills",
        input=frame({"n": ("int64", [None, 5, 1, 5, None, 1, 5])}),
        params={"source_column": "n", "mode_type": "NONE"},
        expected=frame({"n": ("int64", [5, 5, 1, 5, 5, 1, 5])}),
    ),
    GoldenCase(
        name="default_mode_type_is_minimum",
        input=frame({"n": ("int64", TIED)}),
        params={"source_column": "n"},
        expected=frame({"n": ("int64", _filled(2))}),
    ),
    GoldenCase(
        name="text_tie_minimum_is_lexicographic",
        input=frame({"s": ("string", [None, "b", "a", "b", None, "a", "B", "c"])}),
        params={"source_column": "s", "mode_type": "MINIMUM"},
        # a and b tie (2 each); "B" sorts first by code point but appears once
        expected=frame({"s": ("string", ["a", "b", "a", "b", "a", "a", "B", "c"])}),
    ),
    GoldenCase(
        name="text_tie_maximum",
        input=frame({"s": ("string", [None, "b", "a", "b", None, "a", "B", "c"])}),
        params={"source_column": "s", "mode_type": "MAXIMUM"},
        expected=frame({"s": ("string", ["b", "b", "a", "b", "b", "a", "B", "c"])}),
    ),
    GoldenCase(
        name="all_null_unchanged",
        input=frame({"n": ("int64", [None] * 6)}),
        params={"source_column": "n", "mode_type": "MAXIMUM"},
        expected=frame({"n": ("int64", [None] * 6)}),
    ),
    GoldenCase(
        name="average_of_text_refused",
        input=frame({"s": ("string", ["a", None, "b", "a", "b", None])}),
        params={"source_column": "s", "mode_type": "AVERAGE"},
        error="modeType AVERAGE needs a numeric column",
    ),
    GoldenCase(
        name="unknown_mode_type",
        input=frame({"n": ("int64", [1, None, 2, 2, 3, None])}),
        params={"source_column": "n", "mode_type": "MEDIAN"},
        error="mode_type",
    ),
]
