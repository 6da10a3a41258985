"""Golden cases for nest_to_array (common type; missing elements kept; placement)."""

import datetime

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="integers_keep_their_type_and_missing_elements",
        input=frame({"id": ("string", ["a", "b", "c", "d"]), "x": ("int64", [1, None, 3, None]),
                     "y": ("int64", [10, 20, None, None])}),
        params={"source_columns": ["x", "y"], "target_column": "xy"},
        expected=frame({
            "id": ("string", ["a", "b", "c", "d"]),
            "x": ("int64", [1, None, 3, None]),
            "xy": ("object", [[1, 10], [None, 20], [3, None], [None, None]]),
            "y": ("int64", [10, 20, None, None]),
        }),
    ),
    GoldenCase(
        name="int_and_float_give_floats_sources_removed",
        input=frame({"age": ("int64", [30, 41, None]), "id": ("int64", [1, 2, 3]),
                     "weight_kg": ("float64", [70.5, None, 80.0])}),
        params={"source_columns": ["weight_kg", "age"], "target_column": "measures", "remove_source_columns": True},
        # the new column takes the place of the first source column (weight_kg)
        expected=frame({
            "id": ("int64", [1, 2, 3]),
            "measures": ("object", [[70.5, 30.0], [None, 41.0], [80.0, None]]),
        }),
    ),
    GoldenCase(
        name="mixed_types_give_text",
        input=frame({"n": ("int64", [1, None, 3]), "b": ("boolean", [True, False, None]),
                     "d": ("datetime", ["2024-01-31T13:45:00", None, "2024-02-01T00:00:00"]),
                     "c": ("category", ["u", "v", None])}),
        params={"source_columns": ["n", "b", "d", "c"], "target_column": "all", "remove_source_columns": True},
        expected=frame({
            "all": ("object", [["1", "true", "2024-01-31 13:45:00", "u"], [None, "false", None, "v"],
                               ["3", None, "2024-02-01 00:00:00", None]]),
        }),
    ),
    GoldenCase(
        name="one_datetime_column_keeps_datetimes",
        input=frame({"d": ("datetime", ["2024-01-31T13:45:00", None])}),
        params={"source_columns": ["d"], "target_column": "d", "remove_source_columns": False},
        # the target names the source: it is replaced
        expected=frame({"d": ("object", [[datetime.datetime(2024, 1, 31, 13, 45)], [None]])}),
    ),
    GoldenCase(
        name="all_null_columns",
        input=frame({"s": ("string", [None, None, None]), "t": ("string", [None, None, None])}),
        params={"source_columns": ["s", "t"], "target_column": "st", "remove_source_columns": True},
        expected=frame({"st": ("object", [[None, None]] * 3)}),
    ),
    GoldenCase(
        name="nested_columns_together",
        input=frame({"a": ("object", [[1], None, {"k": 2}])}),
        params={"source_columns": ["a", "a"], "target_column": "aa"},
        error="column 'a' is listed twice",
    ),
    GoldenCase(
        name="nested_mixed_with_text_refused",
        input=frame({"a": ("object", [[1], None, {"k": 2}]), "s": ("string", ["x", "y", None])}),
        params={"source_columns": ["a", "s"], "target_column": "as"},
        error="nested (array, map or struct) columns cannot be combined",
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"a": ("int64", [1, 2]), "b": ("int64", [3, 4]), "c": ("int64", [5, 6])}),
        params={"source_columns": ["a", "b"], "target_column": "c"},
        error="column 'c' already exists",
    ),
    GoldenCase(
        name="missing_column",
        input=frame({"a": ("int64", [1, 2])}),
        params={"source_columns": ["a", "bb"], "target_column": "c"},
        error="column 'bb' does not exist",
    ),
]
