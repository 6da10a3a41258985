from . import GoldenCase, frame

_Y = [2013, 2013, 2013, 2013, 2013, None]
_M = [1, 1, 12, 2, 2, 1]
_D = [1, 1, 31, 28, 29, 1]
_H = [5, 24, 23, 0, 10, 1]
_MI = [17, 0, 59, 90, 0, 0]
_IN = frame({"year": ("int64", _Y), "month": ("int64", _M), "day": ("int64", _D), "hour": ("int64", _H), "minute": ("int64", _MI)})
_P = {"year_column": "year", "month_column": "month", "day_column": "day", "hour_column": "hour", "minute_column": "minute", "target_column": "t"}


def _out(t: str, values: list, after: str = "year"):
    items = []
    for k, v in {"year": _Y, "month": _M, "day": _D, "hour": _H, "minute": _MI}.items():
        items.append((k, ("int64", v)))
        if k == after:
            items.append(("t", (t, values)))
    return frame(dict(items))


CASES = [
    GoldenCase(
        "flights-parts",
        _IN,
        _P,
        _out("datetime", ["2013-01-01 05:17:00", "2013-01-02 00:00:00", "2013-12-31 23:59:00", "2013-02-28 01:30:00", None, None]),
    ),
    GoldenCase(
        "formatted-text",
        _IN,
        {**_P, "date_time_format": "yyyy-MM-dd HH:mm"},
        _out("string", ["2013-01-01 05:17", "2013-01-02 00:00", "2013-12-31 23:59", "2013-02-28 01:30", None, None]),
    ),
    GoldenCase(
        "literal-year-no-time",
        _IN,
        {"year": 2020, "month_column": "month", "day_column": "day", "target_column": "t"},
        _out("datetime", ["2020-01-01 00:00:00", "2020-01-01 00:00:00", "2020-12-31 00:00:00", "2020-02-28 00:00:00", "2020-02-29 00:00:00", "2020-01-01 00:00:00"], after="month"),
    ),
    GoldenCase(
        "text-parts",
        frame({"y": ("string", ["2024", " 2024 ", "x", None, "2024"]), "m": ("float64", [2.0, 13.0, 1.0, 1.0, 1.5])}),
        {"year_column": "y", "month_column": "m", "day": 29, "second": 30, "target_column": "名"},
        frame({"y": ("string", ["2024", " 2024 ", "x", None, "2024"]), "名": ("datetime", ["2024-02-29 00:00:30", None, None, None, None]), "m": ("float64", [2.0, 13.0, 1.0, 1.0, 1.5])}),
    ),
    GoldenCase("year-twice", _IN, {**_P, "year": 2020}, error="give year_column or year, not both"),
    GoldenCase("no-day", _IN, {"year_column": "year", "month_column": "month", "target_column": "t"}, error="give day_column or day"),
    GoldenCase("bad-format", _IN, {**_P, "date_time_format": "yyyy-QQ"}, error="unsupported letter 'Q'"),
]
