from . import GoldenCase, frame

_A = [None, None, 3, None, 5, 6, 7]
_B = [None, "x", "  ", "y", "", "é", None]
_IN = frame({"a": ("int64", _A), "b": ("string", _B)})


def _keep(*rows: int):
    return frame({"a": ("int64", [_A[i] for i in rows]), "b": ("string", [_B[i] for i in rows])})


CASES = [
    GoldenCase("int-column", _IN, {"source_column": "a"}, _keep(2, 4, 5, 6)),
    GoldenCase("blank-text-is-missing", _IN, {"source_columns": ["b"]}, _keep(1, 3, 5)),
    GoldenCase("any-of-two", _IN, {"source_columns": ["a", "b"]}, _keep(5)),
    GoldenCase("all-missing-removes-all", frame({"a": ("int64", [None] * 5), "b": ("string", ["x", None, "y", None, "z"])}), {"source_column": "a"}, frame({"a": ("int64", []), "b": ("string", [])})),
    GoldenCase(
        "unicode-header-datetime",
        frame({"日付": ("datetime", [None, "2024-01-31 00:00:00", None, "1999-12-31 23:00:00", None])}),
        {"source_column": "日付"},
        frame({"日付": ("datetime", ["2024-01-31 00:00:00", "1999-12-31 23:00:00"])}),
    ),
    GoldenCase("condition-refused", _IN, {"source_column": "a"}, conditions=[{"condition": "IS_MISSING", "target_column": "b"}], error="cannot take a condition"),
    GoldenCase("missing-column", _IN, {"source_column": "c"}, error="column 'c' does not exist"),
]
