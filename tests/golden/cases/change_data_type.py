from . import GoldenCase, frame

_DT = [None, "2024-01-31 13:45:00", None, "1999-12-31 00:00:00", "2024-02-29 08:05:09"]
_EPOCH = ["1970-01-01 00:00:00", None, "1970-01-02 00:00:00", "1969-12-31 23:59:59", "2023-11-14 22:13:20"]


def _one(t: str, values: list) -> object:
    return frame({"n": ("int64", [1, 2, 3, 4, 5, 6, 7][: len(values)]), "v": (t, values)})


CASES = [
    GoldenCase(
        "text-to-int",
        _one("string", [None, " 42 ", "3.7", "abc", None, "-1e3", "9007199254740993"]),
        {"source_column": "v", "column_data_type": "int"},
        _one("int64", [None, 42, 3, None, None, -1000, None]),
    ),
    GoldenCase(
        "text-to-long-exact",
        _one("string", ["9007199254740993", None, "-9223372036854775808", "9223372036854775808", " +7 "]),
        {"source_column": "v", "column_data_type": "long"},
        _one("int64", [9007199254740993, None, -9223372036854775808, None, 7]),
    ),
    GoldenCase(
        "text-to-byte-range",
        _one("string", ["127", "128", "-128", None, "x"]),
        {"source_column": "v", "column_data_type": "byte"},
        _one("int64", [127, None, -128, None, None]),
    ),
    GoldenCase(
        "float-to-long-truncates",
        _one("float64", [None, 2.9, -2.9, None, 1e19]),
        {"source_column": "v", "column_data_type": "long"},
        _one("int64", [None, 2, -2, None, None]),
    ),
    GoldenCase(
        "text-to-double",
        _one("string", [None, " 1.5", "1e3", "x", None, "-0.25"]),
        {"source_column": "v", "column_data_type": "double"},
        _one("float64", [None, 1.5, 1000.0, None, None, -0.25]),
    ),
    GoldenCase(
        "text-to-boolean",
        _one("string", ["TRUE", " no", "maybe", None, "1", "0", "Y"]),
        {"source_column": "v", "column_data_type": "boolean"},
        _one("boolean", [True, False, None, None, True, False, True]),
    ),
    GoldenCase(
        "int-to-string",
        _one("int64", [None, 1, -20, None, 300]),
        {"source_column": "v", "column_data_type": "string"},
        _one("string", [None, "1", "-20", None, "300"]),
    ),
    GoldenCase(
        "boolean-to-string",
        _one("boolean", [True, None, False, None, True]),
        {"source_column": "v", "column_data_type": "string"},
        _one("string", ["true", None, "false", None, "true"]),
    ),
    GoldenCase(
        "datetime-to-string",
        _one("datetime", _DT),
        {"source_column": "v", "column_data_type": "string"},
        _one("string", _DT),
    ),
    GoldenCase(
        "datetime-to-string-java-pattern",
        _one("datetime", _DT),
        {"source_column": "v", "column_data_type": "string", "date_time_format": "dd MMMM yyyy, EEE hh:mm a"},
        _one("string", [None, "31 January 2024, Wed 01:45 PM", None, "31 December 1999, Fri 12:00 AM", "29 February 2024, Thu 08:05 AM"]),
    ),
    GoldenCase(
        "text-to-timestamp-pattern",
        _one("string", ["31/01/2024 13:45", "2024-01-31", None, "29/02/2023 00:00", "01/12/1999 07:05"]),
        {"source_column": "v", "column_data_type": "timestamp", "date_time_format": "dd/MM/yyyy HH:mm"},
        _one("datetime", ["2024-01-31 13:45:00", None, None, None, "1999-12-01 07:05:00"]),
    ),
    GoldenCase(
        "text-to-date-iso",
        _one("string", ["2024-01-31T13:45:00", "2024-01-31", " 2020-02-29 ", "31/01/2024", None]),
        {"source_column": "v", "column_data_type": "date"},
        _one("datetime", ["2024-01-31", "2024-01-31", "2020-02-29", None, None]),
    ),
    GoldenCase(
        "databrew-lowercase-month-pattern",
        _one("string", ["01/31/2024", "13/01/2024", None, "02/29/2024", "x"]),
        {"source_column": "v", "column_data_type": "date", "date_time_format": "mm/dd/yyyy"},
        _one("datetime", ["2024-01-31", None, None, "2024-02-29", None]),
    ),
    GoldenCase(
        "epoch-seconds-to-timestamp",
        _one("int64", [0, None, 86400, -1, 1700000000]),
        {"source_column": "v", "column_data_type": "timestamp"},
        _one("datetime", _EPOCH),
    ),
    GoldenCase(
        "timestamp-to-epoch-seconds",
        _one("datetime", _EPOCH),
        {"source_column": "v", "column_data_type": "long"},
        _one("int64", [0, None, 86400, -1, 1700000000]),
    ),
    GoldenCase(
        "category-unicode-to-string",
        _one("category", ["é", None, "名前", "é", None]),
        {"source_column": "v", "column_data_type": "string"},
        _one("string", ["é", None, "名前", "é", None]),
    ),
    GoldenCase(
        "boolean-cannot-become-timestamp",
        _one("boolean", [True, None, False, None, True]),
        {"source_column": "v", "column_data_type": "timestamp"},
        error="cannot become datetime",
    ),
    GoldenCase(
        "bad-pattern",
        _one("string", ["x", None, "y", None, "z"]),
        {"source_column": "v", "column_data_type": "date", "date_time_format": "yyyy-QQ"},
        error="unsupported letter 'Q'",
    ),
    GoldenCase(
        "unknown-type",
        _one("string", ["x", None, "y", None, "z"]),
        {"source_column": "v", "column_data_type": "varchar"},
        error="column_data_type",
    ),
    GoldenCase(
        "condition-refused",
        _one("string", ["1", None, "2", None, "3"]),
        {"source_column": "v", "column_data_type": "int"},
        conditions=[{"condition": "IS_MISSING", "target_column": "n"}],
        error="cannot restrict a step that changes the type",
    ),
]
