"""Golden cases for date_add (calendar units clip to the month end; literal number)."""

from . import GoldenCase, frame

D = [None, "2024-01-31 10:00:00", None, None, "2023-12-31 23:00:00", "2024-02-29 00:00:00"]
K = [1, 2, 3, 4, 5, 6]
IN = frame({"d": ("datetime", D), "k": ("int64", K)})

CASES = [
    GoldenCase(
        "months-clip",
        IN,
        {"source_column": "d", "units": "MONTHS", "date_add_value": 1, "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("datetime", [None, "2024-02-29 10:00:00", None, None, "2024-01-31 23:00:00", "2024-03-29 00:00:00"]), "k": ("int64", K)}),
    ),
    GoldenCase(
        "hours",
        IN,
        {"source_column": "d", "units": "HOURS", "date_add_value": 2, "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("datetime", [None, "2024-01-31 12:00:00", None, None, "2024-01-01 01:00:00", "2024-02-29 02:00:00"]), "k": ("int64", K)}),
    ),
    GoldenCase(
        "minus-year-formatted",
        IN,
        {"source_column": "d", "units": "YEARS", "date_add_value": -1, "date_time_format": "yyyy-MM-dd", "target_column": "t"},
        frame({"d": ("datetime", D), "t": ("string", [None, "2023-01-31", None, None, "2022-12-31", "2023-02-28"]), "k": ("int64", K)}),
    ),
    GoldenCase(
        "literal-date-days",
        IN,
        {"value": "2024-02-28", "units": "DAYS", "date_add_value": 1, "target_column": "t"},
        frame({"d": ("datetime", D), "k": ("int64", K), "t": ("datetime", ["2024-02-29 00:00:00"] * 6)}),
    ),
    GoldenCase("literal-not-a-date", IN, {"value": "soon", "units": "DAYS", "date_add_value": 1, "target_column": "t"}, error="is not a date"),
    GoldenCase("number-column", IN, {"source_column": "k", "units": "DAYS", "date_add_value": 1, "target_column": "t"}, error="expected datetime"),
]
