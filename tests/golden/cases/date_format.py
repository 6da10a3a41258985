from . import GoldenCase
from ._dates import IN, ISO, out, text_in, text_out

CASES = [
    GoldenCase(
        "java-pattern",
        IN,
        {"source_column": "d", "date_time_format": "yyyy/MM/dd HH:mm", "target_column": "p"},
        out("string", [None, "2024/01/31 13:45", None, None, "1999/12/31 00:00", "2024/02/29 08:05", "1970/01/04 23:59"]),
    ),
    GoldenCase(
        "names-and-quotes",
        IN,
        {"source_column": "d", "date_time_format": "EEEE, MMM dd 'at' h a", "target_column": "p"},
        out("string", [None, "Wednesday, Jan 31 at 01 PM", None, None, "Friday, Dec 31 at 12 AM", "Thursday, Feb 29 at 08 AM", "Sunday, Jan 04 at 11 PM"]),
    ),
    GoldenCase(
        "databrew-lowercase-month",
        IN,
        {"source_column": "d", "date_time_format": "yyyy-mm-dd", "target_column": "p"},
        out("string", [None, "2024-01-31", None, None, "1999-12-31", "2024-02-29", "1970-01-04"]),
    ),
    GoldenCase(
        "strftime",
        IN,
        {"source_column": "d", "date_time_format": "%Y%m%d%%%j", "target_column": "p"},
        out("string", [None, "20240131%031", None, None, "19991231%365", "20240229%060", "19700104%004"]),
    ),
    GoldenCase(
        "iso-text",
        text_in(ISO),
        {"source_column": "d", "date_time_format": "dd.MM.yy HH:mm", "target_column": "p"},
        text_out(ISO, "string", ["31.01.24 00:00", "31.01.24 10:00", None, None, "31.12.99 23:00"]),
    ),
    GoldenCase("bad-pattern", IN, {"source_column": "d", "date_time_format": "yyyy-QQ", "target_column": "p"}, error="unsupported letter 'Q'"),
]
