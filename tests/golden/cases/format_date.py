from . import GoldenCase, frame
from ._dates import IN, ISO, D, N, text_in

_Y = [None, "2024-01-31 13:45:10", None, None, "1999-12-31 00:00:00", "2024-02-29 08:05:09", "1970-01-04 23:59:59"]


def _out(values: list):
    return frame({"n": ("int64", N), "d": ("string", values)})


CASES = [
    GoldenCase("mm/dd/yyyy", IN, {"source_column": "d", "target_date_format": "mm/dd/yyyy"}, _out([None, "01/31/2024", None, None, "12/31/1999", "02/29/2024", "01/04/1970"])),
    GoldenCase("mm-dd-yyyy", IN, {"source_column": "d", "target_date_format": "mm-dd-yyyy"}, _out([None, "01-31-2024", None, None, "12-31-1999", "02-29-2024", "01-04-1970"])),
    GoldenCase("dd month yyyy", IN, {"source_column": "d", "target_date_format": "dd month yyyy"}, _out([None, "31 January 2024", None, None, "31 December 1999", "29 February 2024", "04 January 1970"])),
    GoldenCase("month yyyy", IN, {"source_column": "d", "target_date_format": "month yyyy"}, _out([None, "January 2024", None, None, "December 1999", "February 2024", "January 1970"])),
    GoldenCase("dd month", IN, {"source_column": "d", "target_date_format": "dd month"}, _out([None, "31 January", None, None, "31 December", "29 February", "04 January"])),
    GoldenCase("other-pattern", IN, {"source_column": "d", "target_date_format": "yyyy-MM-dd"}, _out([None, "2024-01-31", None, None, "1999-12-31", "2024-02-29", "1970-01-04"])),
    GoldenCase(
        "iso-text",
        text_in(ISO),
        {"source_column": "d", "target_date_format": "mm/dd/yyyy"},
        frame({"n": ("int64", N[:5]), "d": ("string", ["01/31/2024", "01/31/2024", None, None, "12/31/1999"])}),
    ),
    GoldenCase("condition-refused", IN, {"source_column": "d", "target_date_format": "mm/dd/yyyy"}, conditions=[{"condition": "GREATER_THAN", "target_column": "n", "value": 2}], error="changes the type"),
    GoldenCase("bad-format", IN, {"source_column": "d", "target_date_format": "quarter yyyy"}, error="unsupported letter"),
]
assert D == _Y
