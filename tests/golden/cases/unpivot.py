"""Golden cases for unpivot (one row per source column: its name and its value)."""

from tests.golden.cases import GoldenCase, frame

CASES = [
    GoldenCase(
        name="two_numeric_columns_common_float",
        input=frame({"state": ("string", ["CA", "NY", None]), "y2020": ("int64", [10, None, 30]),
                     "y2021": ("float64", [1.5, 2.5, None]), "note": ("string", ["a", "b", "c"])}),
        params={"source_columns": ["y2020", "y2021"], "unpivot_column": "year", "value_column": "votes"},
        # the new columns take the first source's place; missing values are kept
        expected=frame({
            "state": ("string", ["CA", "CA", "NY", "NY", None, None]),
            "year": ("string", ["y2020", "y2021"] * 3),
            "votes": ("float64", [10.0, 1.5, None, 2.5, 30.0, None]),
            "note": ("string", ["a", "a", "b", "b", "c", "c"]),
        }),
    ),
    GoldenCase(
        name="one_column_keeps_its_type",
        input=frame({"idealpoint_estimate": ("int64", [3, None, -1]), "k": ("int64", [1, 2, 3])}),
        params={"source_columns": ["idealpoint_estimate"], "unpivot_column": "unpivoted_idealpoint_estimate",
                "value_column": "unpivoted_column_values"},
        expected=frame({
            "unpivoted_idealpoint_estimate": ("string", ["idealpoint_estimate"] * 3),
            "unpivoted_column_values": ("int64", [3, None, -1]),
            "k": ("int64", [1, 2, 3]),
        }),
    ),
    GoldenCase(
        name="mixed_types_as_text_in_listed_order",
        input=frame({"b": ("boolean", [True, None]), "d": ("datetime", ["2024-01-31T13:45:00", None]),
                     "c": ("category", ["x", "y"])}),
        params={"source_columns": ["c", "b", "d"], "unpivot_column": "field", "value_column": "value"},
        expected=frame({
            "field": ("string", ["c", "b", "d", "c", "b", "d"]),
            "value": ("string", ["x", "true", "2024-01-31 13:45:00", "y", None, None]),
        }),
    ),
    GoldenCase(
        name="categories_become_text",
        input=frame({"a": ("category", ["x", None, "z"]), "b": ("category", ["p", "q", None])}),
        params={"source_columns": ["a", "b"], "unpivot_column": "col", "value_column": "v"},
        expected=frame({
            "col": ("string", ["a", "b"] * 3),
            "v": ("string", ["x", "p", None, "q", "z", None]),
        }),
    ),
    GoldenCase(
        name="all_null",
        input=frame({"a": ("float64", [None, None]), "k": ("string", [None, None])}),
        params={"source_columns": ["a"], "unpivot_column": "col", "value_column": "v"},
        expected=frame({"col": ("string", ["a", "a"]), "v": ("float64", [None, None]), "k": ("string", [None, None])}),
    ),
    GoldenCase(
        name="same_new_names",
        input=frame({"a": ("int64", [1])}),
        params={"source_columns": ["a"], "unpivot_column": "x", "value_column": "x"},
        error="need different names",
    ),
    GoldenCase(
        name="new_name_exists",
        input=frame({"a": ("int64", [1]), "k": ("int64", [2])}),
        params={"source_columns": ["a"], "unpivot_column": "k", "value_column": "v"},
        error="column 'k' already exists",
    ),
    GoldenCase(
        name="nested_mixed_refused",
        input=frame({"a": ("object", [[1], None]), "n": ("int64", [1, 2])}),
        params={"source_columns": ["a", "n"], "unpivot_column": "c", "value_column": "v"},
        error="cannot be combined",
    ),
]
