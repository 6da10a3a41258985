from . import GoldenCase, frame

_N = [1, 2, 3, 4, 5, 6]


def _in(t: str, values: list):
    return frame({"n": ("int64", _N[: len(values)]), "v": (t, values)})


CASES = [
    GoldenCase("int-from-text", _in("int64", [None, None, 3, None, 5, None]), {"source_column": "v", "value": "0"}, _in("int64", [0, 0, 3, 0, 5, 0])),
    GoldenCase("int-from-whole-float", _in("int64", [None, 2, None, 4, 5]), {"source_column": "v", "value": 7.0}, _in("int64", [7, 2, 7, 4, 5])),
    GoldenCase("float", _in("float64", [None, 1.5, None, None, -2.0]), {"source_column": "v", "value": "2.25"}, _in("float64", [2.25, 1.5, 2.25, 2.25, -2.0])),
    GoldenCase("text-blank-counts", _in("string", [None, "a", "  ", "", "é"]), {"source_column": "v", "value": "n/a 名"}, _in("string", ["n/a 名", "a", "n/a 名", "n/a 名", "é"])),
    GoldenCase("text-from-number", _in("string", [None, "a", None, "b", None]), {"source_column": "v", "value": 0}, _in("string", ["0", "a", "0", "b", "0"])),
    GoldenCase("boolean", _in("boolean", [None, True, None, False, None]), {"source_column": "v", "value": "FALSE"}, _in("boolean", [False, True, False, False, False])),
    GoldenCase("datetime", _in("datetime", [None, "2024-01-31 10:00:00", None, None, "1999-12-31 00:00:00"]), {"source_column": "v", "value": "2000-01-01"}, _in("datetime", ["2000-01-01 00:00:00", "2024-01-31 10:00:00", "2000-01-01 00:00:00", "2000-01-01 00:00:00", "1999-12-31 00:00:00"])),
    GoldenCase("category-new-value", _in("category", ["a", None, "b", None, "a"]), {"source_column": "v", "value": "zz"}, frame({"n": ("int64", _N[:5]), "v": ("category", ["a", "zz", "b", "zz", "a"])})),
    GoldenCase("int-not-whole", _in("int64", [None, 2, None, 4, 5]), {"source_column": "v", "value": "3.5"}, error="'3.5' is not a whole number"),
    GoldenCase("float-not-number", _in("float64", [None, 2.0, None, 4.0, 5.0]), {"source_column": "v", "value": "abc"}, error="'abc' is not a number"),
    GoldenCase("boolean-not-boolean", _in("boolean", [None, True, None, False, None]), {"source_column": "v", "value": "maybe"}, error="'maybe' is not true or false"),
    GoldenCase("date-not-date", _in("datetime", [None, "2024-01-31 10:00:00", None, None, None]), {"source_column": "v", "value": "31/01/2024"}, error="is not a date"),
]
