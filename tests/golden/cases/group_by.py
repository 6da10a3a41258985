from . import GoldenCase, frame

_IN = frame(
    {
        "g": ("string", ["x", "y", "x", None, "y", "x", None]),
        "v": ("float64", [1.0, 10.0, 3.0, 5.0, None, 2.0, None]),
        "n": ("int64", [1, 2, 3, 4, 5, 6, 7]),
    }
)

CASES = [
    GoldenCase(
        "aggregates",
        _IN,
        {
            "source_columns": ["g"],
            "aggregates": [
                {"function_name": "COUNT", "target_column_name": "rows"},
                {"source_column_name": "v", "function_name": "SUM", "target_column_name": "sum_v"},
                {"source_column_name": "v", "function_name": "AVERAGE", "target_column_name": "mean_v"},
                {"source_column_name": "v", "function_name": "MEDIAN", "target_column_name": "median_v"},
                {"source_column_name": "n", "function_name": "MAX", "target_column_name": "max_n"},
                {"source_column_name": "n", "function_name": "COUNT_DISTINCT", "target_column_name": "distinct_n"},
            ],
        },
        frame(
            {
                "g": ("string", ["x", "y", None]),
                "rows": ("int64", [3, 2, 2]),
                "sum_v": ("float64", [6.0, 10.0, 5.0]),
                "mean_v": ("float64", [2.0, 10.0, 5.0]),
                "median_v": ("float64", [2.0, 10.0, 5.0]),
                "max_n": ("int64", [6, 5, 7]),
                "distinct_n": ("int64", [3, 2, 2]),
            }
        ),
    ),
    GoldenCase(
        "window",
        _IN,
        {
            "source_columns": ["g"],
            "aggregates": [{"source_column_name": "n", "function_name": "SUM", "target_column_name": "total"}],
            "use_new_dataframe": False,
        },
        frame(
            {
                "g": ("string", ["x", "y", "x", None, "y", "x", None]),
                "v": ("float64", [1.0, 10.0, 3.0, 5.0, None, 2.0, None]),
                "n": ("int64", [1, 2, 3, 4, 5, 6, 7]),
                "total": ("int64", [10, 7, 10, 11, 7, 10, 11]),
            }
        ),
    ),
    GoldenCase(
        "all-missing-values",
        frame({"g": ("string", ["a", "a", "b", "b", "b"]), "v": ("float64", [None, None, None, 1.0, None])}),
        {
            "source_columns": ["g"],
            "aggregates": [
                {"source_column_name": "v", "function_name": "SUM", "target_column_name": "s"},
                {"source_column_name": "v", "function_name": "COUNT", "target_column_name": "c"},
            ],
        },
        frame({"g": ("string", ["a", "b"]), "s": ("float64", [None, 1.0]), "c": ("int64", [0, 1])}),
        code=False,
        reason="pandas' named aggregation cannot express SUM of no values as missing in one line",
    ),
    GoldenCase(
        "text-sum",
        _IN,
        {"source_columns": ["v"], "aggregates": [{"source_column_name": "g", "function_name": "SUM", "target_column_name": "s"}]},
        error="needs a numeric column",
    ),
]
