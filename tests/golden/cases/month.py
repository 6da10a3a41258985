from . import GoldenCase
from ._dates import IN, ISO, TEXT, out, text_in, text_out

CASES = [
    GoldenCase("datetime", IN, {"source_column": "d", "target_column": "p"}, out("int64", [None, 1, None, None, 12, 2, 1])),
    GoldenCase(
        "text-with-pattern",
        text_in(TEXT),
        {"source_column": "d", "target_column": "p", "date_time_format": "dd/MM/yyyy"},
        text_out(TEXT, "int64", [1, None, None, None, 12]),
    ),
    GoldenCase("iso-text", text_in(ISO), {"source_column": "d", "target_column": "p"}, text_out(ISO, "int64", [1, 1, None, None, 12])),
    GoldenCase("not-a-date", IN, {"source_column": "n", "target_column": "p"}, error="column 'n' is int64, expected datetime or string or category"),
    GoldenCase("bad-pattern", text_in(TEXT), {"source_column": "d", "target_column": "p", "date_time_format": "dd/QQ"}, error="unsupported letter 'Q'"),
]
