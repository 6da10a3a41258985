"""Golden cases for date (a date from year, month and day)."""

from __future__ import annotations

from . import GoldenCase, frame

Y = [2019, 2024, 2019, None, 2024, 10000]
M = [12, 2, 2, 1, 13, 1]
D = [31, 29, 29, 1, 1, 1]
IN = frame({"y": ("int64", Y), "m": ("int64", M), "d": ("int64", D)})
P = {"year_column": "y", "month_column": "m", "day_column": "d", "target_column": "t"}


def _out(t: str, values: list) -> object:
    return frame({"y": ("int64", Y), "t": (t, values), "m": ("int64", M), "d": ("int64", D)})


CASES = [
    GoldenCase(
        "columns-real-dates-only",
        IN,
        P,
        _out("datetime", ["2019-12-31", "2024-02-29", None, None, None, None]),
    ),
    GoldenCase(
        "documented-format-mm-dd-yy",
        IN,
        {**P, "date_time_format": "mm/dd/yy"},
        _out("string", ["12/31/19", "02/29/24", None, None, None, None]),
    ),
    GoldenCase(
        "documented-literals",
        frame({"a": ("int64", [1, 2])}),
        {"year": 2019, "month": 12, "day": 31, "target_column": "t"},
        frame({"a": ("int64", [1, 2]), "t": ("datetime", ["2019-12-31", "2019-12-31"])}),
    ),
    GoldenCase(
        "text-and-decimal-parts",
        frame({"y": ("string", ["2020", " 2021 ", "x", None]), "m": ("float64", [1.0, 6.0, 1.0, 1.5])}),
        {"year_column": "y", "month_column": "m", "day": 15, "target_column": "t"},
        frame({"y": ("string", ["2020", " 2021 ", "x", None]), "t": ("datetime", ["2020-01-15", "2021-06-15", None, None]), "m": ("float64", [1.0, 6.0, 1.0, 1.5])}),
    ),
    GoldenCase("no-day", IN, {"year_column": "y", "month_column": "m", "target_column": "t"}, error="give day_column or day"),
    GoldenCase("day-twice", IN, {**P, "day": 1}, error="give day_column or day, not both"),
    GoldenCase("bad-format", IN, {**P, "date_time_format": "yyyy-QQ"}, error="unsupported letter 'Q'"),
]
