from . import GoldenCase
from ._dates import IN, ISO, TEXT, out, text_in, text_out

CASES = [
    GoldenCase("datetime", IN, {"source_column": "d", "target_column": "p"}, out("int64", [None, 31, None, None, 31, 29, 4])),
    GoldenCase(
        "text-with-pattern",
        text_in(TEXT),
        {"source_column": "d", "target_column": "p", "date_time_format": "dd/MM/yyyy"},
        text_out(TEXT, "int64", [31, None, None, None, 1]),
    ),
    GoldenCase("iso-text", text_in(ISO), {"source_column": "d", "target_column": "p"}, text_out(ISO, "int64", [31, 31, None, None, 31])),
    GoldenCase("not-a-date", IN, {"source_column": "n", "target_column": "p"}, error="column 'n' is int64, expected datetime or string or category"),
    GoldenCase("bad-pattern", text_in(TEXT), {"source_column": "d", "target_column": "p", "date_time_format": "dd/QQ"}, error="unsupported letter 'Q'"),
]
