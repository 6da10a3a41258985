from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6]
_D = [None, None, "1990-05-17 08:30:15.250", "2001-12-01", None, "2024-02-29 23:59:59.999"]
_E = ["2020-01-02 03:04:05", None, "1999-12-31", None, "2000-06-15 12:00:00.007", "1970-01-01"]


def _in(d: list = _D, e: list = _E):
    return frame({"n": ("int64", _N), "d": ("datetime", d), "e": ("datetime", e)})


def _out(d: list, e: list | None = None, et: str = "datetime"):
    return frame({"n": ("int64", _N), "d": ("string", d), "e": (et, e if e is not None else _E)})


CASES = [
    GoldenCase(
        "year-two-columns-nulls",
        _in(),
        {"source_columns": ["d", "e"], "redact_year": True},
        _out(
            [None, None, "####-05-17 08:30:15.250", "####-12-01 00:00:00.000", None, "####-02-29 23:59:59.999"],
            ["####-01-02 03:04:05.000", None, "####-12-31 00:00:00.000", None, "####-06-15 12:00:00.007", "####-01-01 00:00:00.000"],
            "string",
        ),
    ),
    GoldenCase(
        "time-parts-percent-symbol",
        _in(),
        {"source_columns": ["d"], "redact_hour": True, "redact_minute": True, "redact_second": True, "redact_millisecond": True, "mask_symbol": "%"},
        _out([None, None, "1990-05-17 %%:%%:%%.%%%", "2001-12-01 %%:%%:%%.%%%", None, "2024-02-29 %%:%%:%%.%%%"]),
    ),
    GoldenCase(
        "month-day-all-missing",
        _in([None] * 6),
        {"source_columns": ["d"], "redact_month": True, "redact_day": True, "mask_symbol": "*"},
        _out([None] * 6),
    ),
    GoldenCase("nothing-redacted", _in(), {"source_columns": ["d"]}, error="at least one date component"),
    GoldenCase("not-datetime", _in(), {"source_columns": ["n"], "redact_year": True}, error="expected datetime"),
]
