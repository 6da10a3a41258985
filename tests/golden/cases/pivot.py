"""Golden cases for pivot (group by the other columns; one column per listed value)."""

from tests.golden.cases import GoldenCase, frame

VOTES = {
    "year": ("int64", [2020, 2020, 2020, 2021, 2021, None, 2020]),
    "state_name": ("string", ["CA", "NY", "CA", "NY", None, "CA", "TX"]),
    "all_votes": ("int64", [10, 5, None, 7, 3, 2, 4]),
}

CASES = [
    GoldenCase(
        name="sum_by_the_other_columns",
        input=frame(VOTES),
        params={"source_column": "state_name", "value_column": "all_votes", "aggregate_function": "SUM",
                "pivot_values": ["CA", "NY", "TX", "WA"]},
        # groups sorted by key, missing key last; a value with no rows (WA) gives missing sums;
        # the 2021 row with a missing state counts for its group but no column
        expected=frame({
            "year": ("int64", [2020, 2021, None]),
            "CA": ("int64", [10, None, 2]),
            "NY": ("int64", [5, 7, None]),
            "TX": ("int64", [4, None, None]),
            "WA": ("int64", [None, None, None]),
        }),
    ),
    GoldenCase(
        name="count_and_no_other_column",
        input=frame({"state_name": VOTES["state_name"], "all_votes": VOTES["all_votes"]}),
        params={"source_column": "state_name", "value_column": "all_votes", "aggregate_function": "COUNT",
                "pivot_values": ["NY", "CA", "TX"]},
        # one row; COUNT counts non-missing values (the CA row with a missing vote is not counted)
        expected=frame({"NY": ("int64", [2]), "CA": ("int64", [2]), "TX": ("int64", [1])}),
    ),
    GoldenCase(
        name="average_and_median_are_exact",
        input=frame({"g": ("string", ["a", "a", "a", "b", "b", "a"]), "k": ("boolean", [True, False, True, True, True, True]),
                     "x": ("float64", [1.0, 2.0, 4.0, 10.0, None, 7.0])}),
        params={"source_column": "k", "value_column": "x", "aggregate_function": "MEDIAN",
                "pivot_values": ["True", "False"]},
        expected=frame({
            "g": ("string", ["a", "b"]),
            "True": ("float64", [4.0, 10.0]),
            "False": ("float64", [2.0, None]),
        }),
    ),
    GoldenCase(
        name="collect_list_in_row_order",
        input=frame({"teacher": ("string", ["T1", "T1", "T2", "T1", "T2"]),
                     "subject": ("category", ["math", "art", "math", "math", None]),
                     "student": ("string", ["ann", "bob", "cy", None, "dan"])}),
        params={"source_column": "subject", "value_column": "student", "aggregate_function": "COLLECT_LIST",
                "pivot_values": ["math", "art"]},
        expected=frame({
            "teacher": ("string", ["T1", "T2"]),
            "math": ("object", [["ann"], ["cy"]]),
            "art": ("object", [["bob"], []]),
        }),
    ),
    GoldenCase(
        name="min_of_text_with_integer_pivot",
        input=frame({"q": ("int64", [1, 2, 1, 2]), "name": ("string", ["b", "a", "a", None])}),
        params={"source_column": "q", "value_column": "name", "aggregate_function": "MIN", "pivot_values": ["1", "2"]},
        expected=frame({"1": ("string", ["a"]), "2": ("string", ["a"])}),
    ),
    GoldenCase(
        name="all_null_values",
        input=frame({"g": ("int64", [1, 1, 2]), "s": ("string", ["x", "y", "x"]), "v": ("float64", [None, None, None])}),
        params={"source_column": "s", "value_column": "v", "aggregate_function": "SUM", "pivot_values": ["x", "y"]},
        expected=frame({"g": ("int64", [1, 2]), "x": ("float64", [None, None]), "y": ("float64", [None, None])}),
    ),
    GoldenCase(
        name="value_not_listed",
        input=frame(VOTES),
        params={"source_column": "state_name", "value_column": "all_votes", "pivot_values": ["CA", "NY"]},
        error="not among the step's pivot values: 'TX'",
    ),
    GoldenCase(
        name="more_than_ten_values",
        input=frame({"k": ("string", [f"v{i:02d}" for i in range(11)]), "v": ("int64", list(range(11)))}),
        params={"source_column": "k", "value_column": "v", "pivot_values": [f"v{i:02d}" for i in range(10)]},
        error="11 distinct values; pivot takes at most 10",
    ),
    GoldenCase(
        name="no_pivot_values",
        input=frame(VOTES),
        params={"source_column": "state_name", "value_column": "all_votes"},
        error="pivot needs the values of 'state_name'",
    ),
    GoldenCase(
        name="sum_of_text_refused",
        input=frame({"k": ("string", ["a"]), "v": ("string", ["x"])}),
        params={"source_column": "k", "value_column": "v", "pivot_values": ["a"]},
        error="SUM needs a numeric column",
    ),
    GoldenCase(
        name="value_names_a_key_column",
        input=frame({"g": ("string", ["a"]), "k": ("string", ["g"]), "v": ("int64", [1])}),
        params={"source_column": "k", "value_column": "v", "pivot_values": ["g"]},
        error="pivot value 'g' names an existing column",
    ),
]
