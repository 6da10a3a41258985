from . import GoldenCase, frame

_H = [5, 24, 23, None, 0, 12]
_M = [7, 0, 59, 1, 0, 30]
_IN = frame({"h": ("int64", _H), "m": ("int64", _M)})


def _out(values: list):
    return frame({"h": ("int64", _H), "t": ("string", values), "m": ("int64", _M)})


CASES = [
    GoldenCase("columns-and-literal", _IN, {"hour_column": "h", "minute_column": "m", "second": 0, "target_column": "t"}, _out(["05:07:00", None, "23:59:00", None, "00:00:00", "12:30:00"])),
    GoldenCase("twelve-hour-format", _IN, {"hour_column": "h", "minute_column": "m", "date_time_format": "hh:mm a", "target_column": "t"}, _out(["05:07 AM", None, "11:59 PM", None, "12:00 AM", "12:30 PM"])),
    GoldenCase(
        "out-of-range-seconds",
        frame({"s": ("float64", [59.0, 60.0, -1.0, 1.5, None])}),
        {"hour": 1, "second_column": "s", "target_column": "t"},
        frame({"s": ("float64", [59.0, 60.0, -1.0, 1.5, None]), "t": ("string", ["01:00:59", None, None, None, None])}),
    ),
    GoldenCase("date-in-format", _IN, {"hour_column": "h", "date_time_format": "yyyy HH", "target_column": "t"}, error="a time format takes"),
    GoldenCase("no-hour", _IN, {"minute_column": "m", "target_column": "t"}, error="give hour_column or hour"),
]
