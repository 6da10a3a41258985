"""Golden cases for case_operation (DataBrew's CASE_OPERATION page example and more)."""

from tests.golden.cases import GoldenCase, frame

PAGE = {
    "column11": ("int64", [1, 5, None, 3, 8, 2]),
    "column.2": ("int64", [2, 4, 7, None, 9, 1]),
    "column2": ("string", ["value1", "zzz", "a", "value3", None, "value2"]),
}

X = ("float64", [2.0, 4.0, None, 4.0, 5.0, 7.0])  # n = 5, mean 4.4, median 4

CASES = [
    GoldenCase(
        name="page_example",
        input=frame(PAGE),
        params={
            "value_expression": "case when `column11` < `column.2` then 'result1' when `column2` < 'value2' then 'result2' else 'high' end",
            "target_column": "result.column",
        },
        # missing comparisons are not true: the next when is tried
        expected=frame(
            {
                "column11": PAGE["column11"],
                "result.column": ("string", ["result1", "high", "result2", "high", "result1", "high"]),
                "column.2": PAGE["column.2"],
                "column2": PAGE["column2"],
            }
        ),
    ),
    GoldenCase(
        name="no_else_gives_missing_and_keywords_any_case",
        input=frame({"x": X}),
        params={"value_expression": "CASE When `x` >= 5 THEN `x` when `x` < 3 then 0 END", "target_column": "y"},
        expected=frame({"x": X, "y": ("float64", [0.0, None, None, None, 5.0, 7.0])}),
    ),
    GoldenCase(
        name="whole_dataset_aggregates",
        input=frame({"x": X}),
        params={
            "value_expression": "case when `x` > `:mean` then 'above' end",
            "with_expressions": [{"name": "mean", "value": "avg(`x`)", "type": "aggregate"}],
            "target_column": "side",
        },
        expected=frame({"x": X, "side": ("string", [None, None, None, None, "above", "above"])}),
    ),
    GoldenCase(
        name="every_numeric_aggregate",
        input=frame({"x": X, "k": ("int64", [0, 1, 2, 3, 4, 5])}),
        params={
            "value_expression": (
                "case when `k` = 0 then `:sum` when `k` = 1 then `:median` when `k` = 2 then :mad "
                "when `k` = 3 then `:stddev` when `k` = 4 then `:variance` else `:product` end"
            ),
            "with_expressions": [
                {"name": "sum", "value": "sum(`x`)", "type": "aggregate"},
                {"name": "median", "value": "median(`x`)", "type": "aggregate"},
                {"name": "mad", "value": "mean_absolute_deviation(`x`)", "type": "aggregate"},
                {"name": "stddev", "value": "stddev(`x`)", "type": "aggregate"},
                {"name": "variance", "value": "variance(`x`)", "type": "aggregate"},
                {"name": "product", "value": "PRODUCT(`x`)", "type": "aggregate"},
            ],
            "target_column": "agg",
        },
        # sum 22, median 4, mean |x - 4.4| = 1.28, sample variance 3.3 (std 1.8166...), product 1120
        expected=frame(
            {
                "x": X,
                "k": ("int64", [0, 1, 2, 3, 4, 5]),
                "agg": ("float64", [22.0, 4.0, 1.28, 3.3**0.5, 3.3, 1120.0]),
            }
        ),
    ),
    GoldenCase(
        name="int_sum_min_max_keep_their_type",
        input=frame({"n": ("int64", [3, None, 9, -4, 1, 1])}),
        params={
            "value_expression": "case when `n` = :lo then :hi when isMissing(`n`) then :total else `n` end",
            "with_expressions": [
                {"name": "lo", "value": "min(`n`)", "type": "aggregate"},
                {"name": "hi", "value": "max(`n`)", "type": "aggregate"},
                {"name": "total", "value": "sum(`n`)", "type": "aggregate"},
            ],
            "target_column": "m",
        },
        expected=frame({"n": ("int64", [3, None, 9, -4, 1, 1]), "m": ("int64", [3, 10, 9, 9, 1, 1])}),
    ),
    GoldenCase(
        name="text_min_and_mixed_result_is_text",
        input=frame({"s": ("string", ["pear", "apple", None, "fig", "apple", "kiwi"]), "n": ("int64", [1, 2, 3, 4, 5, 6])}),
        params={
            "value_expression": "case when `s` = `:first` then true when (`n` > 4) then `n` else `s` end",
            "with_expressions": [{"name": "first", "value": "min(`s`)", "type": "aggregate"}],
            "target_column": "out",
        },
        expected=frame(
            {
                "s": ("string", ["pear", "apple", None, "fig", "apple", "kiwi"]),
                "out": ("string", ["pear", "True", None, "fig", "True", "6"]),
                "n": ("int64", [1, 2, 3, 4, 5, 6]),
            }
        ),
    ),
    GoldenCase(
        name="all_null_input",
        input=frame({"x": ("float64", [None] * 6)}),
        params={
            "value_expression": "case when `x` > `:m` then 'big' when isMissing(`x`) then 'none' else 'small' end",
            "with_expressions": [{"name": "m", "value": "median(`x`)", "type": "aggregate"}],
            "target_column": "size",
        },
        expected=frame({"x": ("float64", [None] * 6), "size": ("string", ["none"] * 6)}),
    ),
    GoldenCase(
        name="regex_backreference_refused",
        input=frame({"s": ("string", list("abcdef"))}),
        params={"value_expression": "case when matches(`s`, '(a)\\\\1') then 1 end", "target_column": "r"},
        error="invalid regular expression",
    ),
    GoldenCase(
        name="missing_end_is_a_syntax_error",
        input=frame({"s": ("string", list("abcdef"))}),
        params={"value_expression": "case when `s` = 'a' then 1", "target_column": "r"},
        error="expected 'end', found the end of the expression",
    ),
    GoldenCase(
        name="condition_in_value_position_refused",
        input=frame({"s": ("string", list("abcdef"))}),
        params={"value_expression": "case when `s` then 1 end", "target_column": "r"},
        error="a string value is not a condition",
    ),
]
