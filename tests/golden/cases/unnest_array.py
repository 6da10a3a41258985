"""Golden cases for unnest_array (one row per element; missing/empty arrays keep one row)."""

import datetime

import pandas as pd

from tests.golden.cases import GoldenCase, frame

TAGS = [[1, 2], None, [], [3], [4, None, 5]]

CASES = [
    GoldenCase(
        name="one_row_per_element_into_new_column",
        input=frame({"id": ("int64", [1, 2, 3, 4, 5]), "tags": ("object", TAGS), "n": ("float64", [0.5, None, 1.0, 2.0, 3.0])}),
        params={"source_column": "tags", "target_column": "tag"},
        # elements kept as they are, in array order
        expected=frame({
            "id": ("int64", [1, 1, 2, 3, 4, 5, 5, 5]),
            "tags": ("object", [TAGS[0], TAGS[0], None, [], TAGS[3], TAGS[4], TAGS[4], TAGS[4]]),
            "tag": ("object", [1, 2, None, None, 3, 4, None, 5]),
            "n": ("float64", [0.5, 0.5, None, 1.0, 2.0, 3.0, 3.0, 3.0]),
        }),
    ),
    GoldenCase(
        name="target_replaces_source_with_text_type",
        input=frame({"tags": ("object", TAGS), "id": ("int64", [1, 2, 3, 4, 5])}),
        params={"source_column": "tags", "target_column": "tags", "value_type": "string"},
        expected=frame({
            "tags": ("string", ["1", "2", None, None, "3", "4", None, "5"]),
            "id": ("int64", [1, 1, 2, 3, 4, 5, 5, 5]),
        }),
    ),
    GoldenCase(
        name="numbers_converted_to_int",
        input=frame({"xs": ("object", [["1", "2.5", " 3", "x", "true"], None, ["7"]])}),
        params={"source_column": "xs", "target_column": "x", "value_type": "int64"},
        # "x" and "true" do not convert to an integer: missing (CHANGE_DATA_TYPE's rule)
        expected=frame({
            "xs": ("object", [["1", "2.5", " 3", "x", "true"]] * 5 + [None, ["7"]]),
            "x": ("int64", [1, 2, 3, None, None, None, 7]),
        }),
    ),
    GoldenCase(
        name="structs_kept_as_they_are",
        input=frame({"addr": ("object", [[{"city": "Oslo"}, {"city": "Bergen", "zip": 5003}],
                                         [{"city": None}]])}),
        params={"source_column": "addr", "target_column": "addr"},
        expected=frame({"addr": ("object", [{"city": "Oslo"}, {"city": "Bergen", "zip": 5003}, {"city": None}])}),
    ),
    GoldenCase(
        name="nested_elements_as_json_text_and_datetimes",
        input=frame({"v": ("object", [[{"k": "é", "n": 1}, {"k": None, "n": 2}], None]),
                     "d": ("object", [[datetime.datetime(2024, 1, 2, 3, 4)], [None]])}),
        params={"source_column": "v", "target_column": "t", "value_type": "string"},
        expected=frame({
            "v": ("object", [[{"k": "é", "n": 1}, {"k": None, "n": 2}]] * 2 + [None]),
            "t": ("string", ['{"k":"é","n":1}', '{"k":null,"n":2}', None]),
            "d": ("object", [[datetime.datetime(2024, 1, 2, 3, 4)]] * 2 + [[None]]),
        }),
    ),
    GoldenCase(
        name="all_null_arrays",
        # built by hand: frame() makes an all-missing object column text (as readers of text do)
        input=frame({"k": ("string", ["x", "y", "z"])}).assign(a=pd.Series([None] * 3, dtype=object))[["a", "k"]],
        params={"source_column": "a", "target_column": "e", "value_type": "float64"},
        expected=frame({
            "e": ("float64", [None, None, None]),
            "k": ("string", ["x", "y", "z"]),
        }).assign(a=pd.Series([None] * 3, dtype=object))[["a", "e", "k"]],
        code=False,
        reason="the code way canonicalises its result, which turns the all-missing object column into text",
    ),
    GoldenCase(
        name="not_an_array",
        input=frame({"a": ("object", [[1], {"k": 1}])}),
        params={"source_column": "a", "target_column": "e"},
        error="holds a dict value, not an array",
    ),
    GoldenCase(
        name="text_column_refused",
        input=frame({"a": ("string", ["x"])}),
        params={"source_column": "a", "target_column": "e"},
        error="column 'a' is string, expected object",
    ),
    GoldenCase(
        name="target_exists",
        input=frame({"a": ("object", [[1]]), "e": ("int64", [1])}),
        params={"source_column": "a", "target_column": "e"},
        error="column 'e' already exists",
    ),
]
