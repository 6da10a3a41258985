"""Expected dates are the SplitMix64 values of (seed 0, column position, row id); the properties
(range, reproducibility, seeds) are tested in tests/recipes/test_pii_random.py."""

from . import GoldenCase, frame

_T = ["a", "b", None, "d", "e", "f"]
_X = [1.5, None, 2.5, 3.5, None, 4.0]


def _in(t: list = _T, x: list = _X, tt: str = "string", xt: str = "float64"):
    return frame({"t": (tt, t), "x": (xt, x)})


CASES = [
    GoldenCase(
        "text-and-number-become-dates",
        _in(),
        {
            "source_columns": ["t", "x"],
            "start_date": "2020-12-12 12:12:12",
            "end_date": "2021-12-12 12:12:12",
        },
        _in(
            [
                "2021-07-28 10:36:37",
                "2021-12-09 06:20:01",
                None,
                "2021-09-06 00:03:33",
                "2021-07-20 18:22:13",
                "2021-06-12 10:42:37",
            ],
            [
                "2021-04-29 05:56:27",
                None,
                "2021-04-03 21:51:47",
                "2021-07-09 03:46:50",
                None,
                "2021-09-28 18:24:52",
            ],
            "datetime",
            "datetime",
        ),
    ),
    GoldenCase(
        "both-ends-included-all-null",
        _in(x=[None] * 6),
        {
            "source_columns": ["t", "x"],
            "start_date": "2020-01-01",
            "end_date": "2020-01-01T00:00:02",
        },
        _in(
            [
                "2020-01-01 00:00:00",
                "2020-01-01 00:00:01",
                None,
                "2020-01-01 00:00:02",
                "2020-01-01 00:00:00",
                "2020-01-01 00:00:02",
            ],
            [None] * 6,
            "datetime",
            "datetime",
        ),
    ),
    GoldenCase(
        "bad-date",
        _in(),
        {"source_columns": ["t"], "start_date": "12/12/2020 noon", "end_date": "2021-01-01"},
        error="is not a date",
    ),
    GoldenCase(
        "end-before-start",
        _in(),
        {"source_columns": ["t"], "start_date": "2021-01-01", "end_date": "2020-01-01"},
        error="is before start_date",
    ),
]
