from . import GoldenCase, frame

_A = ["2024-01-31 10:00:00", "2024-01-31 10:00:00", None, "2020-03-01 00:00:00", "2021-05-01 00:00:00", "2024-01-01 00:00:00"]
_B = ["2024-02-29 09:00:00", "2024-03-31 10:00:00", "2020-01-01 00:00:00", "2020-01-01 00:00:00", "2020-05-02 00:00:00", None]
_IN = frame({"a": ("datetime", _A), "b": ("datetime", _B)})


def _out(values: list, after: str = "a"):
    cols = {"a": ("datetime", _A), "b": ("datetime", _B)}
    items = []
    for k, v in cols.items():
        items.append((k, v))
        if k == after:
            items.append(("t", ("int64", values)))
    return frame(dict(items))


def _p(units: str) -> dict:
    return {"source_column1": "a", "source_column2": "b", "units": units, "target_column": "t"}


CASES = [
    GoldenCase("days", _IN, _p("DAYS"), _out([28, 60, None, -60, -364, None])),
    GoldenCase("hours", _IN, _p("HOURS"), _out([695, 1440, None, -1440, -8736, None])),
    GoldenCase("months", _IN, _p("MONTHS"), _out([0, 2, None, -2, -11, None])),
    GoldenCase("years-lowercase-units", _IN, _p("years"), _out([0, 0, None, 0, 0, None])),
    GoldenCase(
        "literal-first-weeks",
        _IN,
        {"value1": "2024-01-01", "source_column2": "b", "units": "WEEKS", "target_column": "t"},
        _out([8, 12, -208, -208, -191, None], after="b"),
    ),
    GoldenCase(
        "iso-text-columns",
        frame({"s": ("string", ["2024-01-01", "x", None, "2024-01-01T12:00:00", "2023-12-31"]), "e": ("string", ["2024-01-02", "2024-01-02", "2024-01-02", "2024-01-02", "2024-12-31"])}),
        {"source_column1": "s", "source_column2": "e", "units": "DAYS", "target_column": "t"},
        frame({"s": ("string", ["2024-01-01", "x", None, "2024-01-01T12:00:00", "2023-12-31"]), "t": ("int64", [1, None, None, 0, 366]), "e": ("string", ["2024-01-02", "2024-01-02", "2024-01-02", "2024-01-02", "2024-12-31"])}),
    ),
    GoldenCase("bad-literal", _IN, {"value1": "31/01/2024", "source_column2": "b", "units": "DAYS", "target_column": "t"}, error="'31/01/2024' is not a date"),
    GoldenCase("bad-units", _IN, _p("FORTNIGHTS"), error="units"),
]
