"""Golden cases for boolean_operation (DataBrew's BOOLEAN_OPERATION page examples and more)."""

from tests.golden.cases import GoldenCase, frame

AGGS = [
    {"name": "mincolumn.2", "value": "min(`column.2`)", "type": "aggregate"},
    {"name": "maxcolumn.3", "value": "max(`column.3`)", "type": "aggregate"},
    {"name": "avgcolumn.4", "value": "avg(`column.4`)", "type": "aggregate"},
]

NUMS = {
    "column.1": ("int64", [1000, 2500, None, 1999, 3000, 10]),
    "column.2": ("int64", [7, 3, 5, None, 9, 4]),
    "column.3": ("float64", [0.5, 1.5, None, 2.5, 8.0, 3.0]),
    "column.4": ("int64", [900, 2600, 100, 2000, None, 5]),
}

CASES = [
    GoldenCase(
        name="page_example_constant_values",
        input=frame({"column.1": NUMS["column.1"]}),
        params={
            "value_expression": "`column.1` < 2000",
            "true_value_expression": "It is true.",
            "false_value_expression": "It is false.",
            "target_column": "result.column",
        },
        # a comparison with a missing value is not true: the false value
        expected=frame(
            {
                "column.1": NUMS["column.1"],
                "result.column": ("string", ["It is true.", "It is false.", "It is false.", "It is true.", "It is false.", "It is true."]),
            }
        ),
    ),
    GoldenCase(
        name="page_example_column_references",
        input=frame(NUMS),
        params={
            "value_expression": "`column.1` < `column.4`",
            "true_value_expression": "`column.2`",
            "false_value_expression": "`column.3`",
            "target_column": "result.column",
        },
        # int64 with float64 gives float64; placed after column.1, the first column read
        expected=frame(
            {
                "column.1": NUMS["column.1"],
                "result.column": ("float64", [0.5, 3.0, None, None, 8.0, 3.0]),
                **{k: v for k, v in NUMS.items() if k != "column.1"},
            }
        ),
    ),
    GoldenCase(
        name="page_example_aggregates_are_whole_dataset",
        input=frame(NUMS),
        params={
            "value_expression": "`column.1` < `:avgcolumn.4`",
            "true_value_expression": "`:mincolumn.2`",
            "false_value_expression": "`:maxcolumn.3`",
            "with_expressions": AGGS,
            "target_column": "result.column",
        },
        # avg(column.4) = (900 + 2600 + 100 + 2000 + 5) / 5 = 1121; min(column.2) = 3; max = 8.0
        expected=frame(
            {
                "column.1": NUMS["column.1"],
                "result.column": ("float64", [3.0, 8.0, 8.0, 8.0, 8.0, 3.0]),
                **{k: v for k, v in NUMS.items() if k != "column.1"},
            }
        ),
    ),
    GoldenCase(
        name="text_functions_and_negation",
        input=frame({"code": ("string", ["AB-12", "ab-12", None, "  ", "XY-99", "AB-x"])}),
        params={
            "value_expression": "startsWith(`code`, 'AB') && matches(`code`, '[A-Z]{2}-\\\\d+') || !isMissing(`code`) and endsWith(`code`, '99')",
            "true_value_expression": "true",
            "false_value_expression": "false",
            "target_column": "ok",
        },
        # and binds tighter than or; matches is a whole-value RE2 match; blank text is missing
        expected=frame(
            {
                "code": ("string", ["AB-12", "ab-12", None, "  ", "XY-99", "AB-x"]),
                "ok": ("boolean", [True, False, False, False, True, False]),
            }
        ),
    ),
    GoldenCase(
        name="between_valid_contains_keywords_any_case",
        input=frame(
            {
                "n": ("string", ["5", "12", "x", None, "7.5", "10"]),
                "tag": ("string", ["red", "dark red", "blue", "red", None, "Red"]),
            }
        ),
        params={
            "value_expression": "isValid(`n`, 'number') AND isBetween(`n`, 5, 10) OR contains(`tag`, 'red') AND NOT isValid(`n`, 'integer')",
            "true_value_expression": "1",
            "false_value_expression": "0",
            "target_column": "hit",
        },
        # text is read as a number for isBetween (bounds inclusive); contains is case-sensitive
        expected=frame(
            {
                "n": ("string", ["5", "12", "x", None, "7.5", "10"]),
                "hit": ("int64", [1, 0, 0, 1, 1, 1]),
                "tag": ("string", ["red", "dark red", "blue", "red", None, "Red"]),
            }
        ),
    ),
    GoldenCase(
        name="dates_compare_with_date_text_and_null_result",
        input=frame({"d": ("datetime", ["2021-03-01", None, "2020-12-31T23:00:00", "2022-01-01", "2021-01-01", "2019-06-30"])}),
        params={
            "value_expression": "`d` >= '2021-01-01' and `d` != \"2022-01-01\"",
            "true_value_expression": "`d`",
            "false_value_expression": "null",
            "target_column": "recent",
        },
        expected=frame(
            {
                "d": ("datetime", ["2021-03-01", None, "2020-12-31T23:00:00", "2022-01-01", "2021-01-01", "2019-06-30"]),
                "recent": ("datetime", ["2021-03-01", None, None, None, "2021-01-01", None]),
            }
        ),
    ),
    GoldenCase(
        name="all_null_column_gives_false_value",
        input=frame({"x": ("float64", [None] * 6)}),
        params={
            "value_expression": "`x` > 0 or `x` = `:sum_x`",
            "true_value_expression": "'yes'",
            "false_value_expression": "'no'",
            "with_expressions": [{"name": "sum_x", "value": "sum(`x`)", "type": "aggregate"}],
            "target_column": "pos",
        },
        expected=frame({"x": ("float64", [None] * 6), "pos": ("string", ["no"] * 6)}),
    ),
    GoldenCase(
        name="constant_condition_appends_at_end",
        input=frame({"a": ("int64", [1, 2, 3, 4, 5, 6]), "b": ("string", list("abcdef"))}),
        params={
            "value_expression": "true",
            "true_value_expression": "-2.5",
            "false_value_expression": "7",
            "target_column": "k",
        },
        expected=frame({"a": ("int64", [1, 2, 3, 4, 5, 6]), "b": ("string", list("abcdef")), "k": ("float64", [-2.5] * 6)}),
    ),
    GoldenCase(
        name="unknown_column_suggests",
        input=frame({"price": ("int64", [1, 2, 3, 4, 5, 6])}),
        params={"value_expression": "`prise` > 2", "true_value_expression": "a", "false_value_expression": "b", "target_column": "r"},
        error="column 'prise' does not exist (did you mean 'price'?)",
    ),
    GoldenCase(
        name="syntax_error_names_the_column",
        input=frame({"price": ("int64", [1, 2, 3, 4, 5, 6])}),
        params={"value_expression": "`price` * 2 > 3", "true_value_expression": "a", "false_value_expression": "b", "target_column": "r"},
        error="unexpected character '*' at column 9",
    ),
    GoldenCase(
        name="undefined_aggregate",
        input=frame({"price": ("int64", [1, 2, 3, 4, 5, 6])}),
        params={"value_expression": "`price` > `:avg`", "true_value_expression": "a", "false_value_expression": "b", "target_column": "r"},
        error="aggregate ':avg' is not defined",
    ),
    GoldenCase(
        name="date_compared_with_number_refused",
        input=frame({"d": ("datetime", ["2021-03-01"] * 6)}),
        params={"value_expression": "`d` > 5", "true_value_expression": "a", "false_value_expression": "b", "target_column": "r"},
        error="cannot compare datetime with int64",
    ),
    GoldenCase(
        name="aggregate_of_text_refused",
        input=frame({"s": ("string", list("abcdef"))}),
        params={
            "value_expression": "`s` = 'a'",
            "true_value_expression": "`:m`",
            "false_value_expression": "b",
            "with_expressions": [{"name": "m", "value": "avg(`s`)", "type": "aggregate"}],
            "target_column": "r",
        },
        error="avg needs a numeric column, 's' is string",
    ),
]
