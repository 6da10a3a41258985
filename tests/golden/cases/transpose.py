"""Golden cases for transpose (value columns become rows, pivot values become columns)."""

from tests.golden.cases import GoldenCase, frame

MARKS = {
    "Teacher": ("string", ["T1", "T2", "T1", None]),
    "Tom": ("int64", [80, 60, 90, 10]),
    "John": ("int64", [70, None, 75, 20]),
    "Harry": ("int64", [50, 55, None, 30]),
    "room": ("string", ["a", "b", "c", "d"]),
}

CASES = [
    GoldenCase(
        name="collect_list_documented_example",
        input=frame(MARKS),
        params={"pivot_columns": ["Teacher"], "value_columns": ["Tom", "John", "Harry"],
                "aggregate_function": "COLLECT_LIST", "new_column": "Student", "pivot_values": ["T1", "T2"]},
        # rows in value-column order; the row with a missing teacher counts for no column; the
        # room column is left out
        expected=frame({
            "Student": ("string", ["Tom", "John", "Harry"]),
            "T1": ("object", [[80, 90], [70, 75], [50]]),
            "T2": ("object", [[60], [], [55]]),
        }),
    ),
    GoldenCase(
        name="average_with_two_pivot_columns",
        input=frame({"t": ("string", ["T1", "T1", "T2"]), "term": ("int64", [1, 1, 2]),
                     "x": ("int64", [1, 2, 3]), "y": ("float64", [0.5, None, 1.5])}),
        params={"pivot_columns": ["t", "term"], "value_columns": ["y", "x"], "aggregate_function": "AVERAGE",
                "new_column": "var", "pivot_values": ["T1_1", "T2_2", "T3_1"]},
        expected=frame({
            "var": ("string", ["y", "x"]),
            "T1_1": ("float64", [0.5, 1.5]),
            "T2_2": ("float64", [1.5, 3.0]),
            "T3_1": ("float64", [None, None]),
        }),
    ),
    GoldenCase(
        name="count_of_mixed_types",
        input=frame({"k": ("boolean", [True, False, True]), "a": ("string", ["x", None, "y"]),
                     "b": ("int64", [1, 2, None])}),
        params={"pivot_columns": ["k"], "value_columns": ["a", "b"], "aggregate_function": "COUNT",
                "new_column": "col", "pivot_values": ["True", "False"]},
        expected=frame({
            "col": ("string", ["a", "b"]),
            "True": ("int64", [2, 1]),
            "False": ("int64", [0, 1]),
        }),
    ),
    GoldenCase(
        name="value_not_listed",
        input=frame(MARKS),
        params={"pivot_columns": ["Teacher"], "value_columns": ["Tom"], "new_column": "Student",
                "pivot_values": ["T1"]},
        error="pivot column(s) Teacher has values that are not among the step's pivot values: 'T2'",
    ),
    GoldenCase(
        name="no_pivot_values",
        input=frame(MARKS),
        params={"pivot_columns": ["Teacher"], "value_columns": ["Tom"], "new_column": "Student"},
        error="transpose needs the values of Teacher",
    ),
    GoldenCase(
        name="sum_of_text_refused",
        input=frame(MARKS),
        params={"pivot_columns": ["Teacher"], "value_columns": ["room"], "aggregate_function": "SUM",
                "new_column": "r", "pivot_values": ["T1", "T2"]},
        error="SUM needs numeric value columns",
    ),
    GoldenCase(
        name="column_in_both_lists",
        input=frame(MARKS),
        params={"pivot_columns": ["Teacher"], "value_columns": ["Teacher"], "new_column": "r", "pivot_values": ["T1"]},
        error="is both a pivot and a value column",
    ),
]
