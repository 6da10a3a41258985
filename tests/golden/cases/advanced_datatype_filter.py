"""Golden cases for advanced_datatype_filter (keep/discard rows, clear matching or other values)."""

from . import GoldenCase, frame

_PHONE = [None, "(614) 555-0100", "+1 408 341 5669", "123", "+44 20 7946 0958", None, "216-555-0143", ""]
_N = [1, 2, 3, 4, 5, 6, 7, 8]
_IN = frame({"n": ("int64", _N), "phone": ("string", _PHONE)})
_OHIO = {"source_column": "phone", "advanced_data_type": "Phone", "pattern": "AREA_CODE", "filter_values": ["Ohio"]}


def _rows(idx: list[int]):
    return frame({"n": ("int64", [_N[i] for i in idx]), "phone": ("string", [_PHONE[i] for i in idx])})


CASES = [
    GoldenCase("databrew-example-keep-ohio", _IN, {**_OHIO, "strategy": "KEEP_ROWS"}, _rows([1, 6])),
    GoldenCase("discard-ohio", _IN, {**_OHIO, "strategy": "DISCARD_ROWS"}, _rows([0, 2, 3, 4, 5, 7])),
    GoldenCase(
        "keep-every-phone",
        _IN,
        {"source_column": "phone", "advanced_data_type": "Phone"},
        _rows([1, 2, 4, 6]),
    ),
    GoldenCase(
        "clear-filters-with-missing",
        _IN,
        {**_OHIO, "strategy": "CLEAR_FILTERS"},
        frame({"n": ("int64", _N), "phone": ("string", [None, None, "+1 408 341 5669", "123", "+44 20 7946 0958", None, None, ""])}),
    ),
    GoldenCase(
        "clear-others-with-empty",
        _IN,
        {**_OHIO, "strategy": "CLEAR_OTHERS", "clear_with_empty": True},
        frame({"n": ("int64", _N), "phone": ("string", [None, "(614) 555-0100", "", "", "", None, "216-555-0143", ""])}),
    ),
    GoldenCase(
        "all-missing-keeps-nothing",
        frame({"s": ("string", [None, None, None])}),
        {"source_column": "s", "advanced_data_type": "Email"},
        frame({"s": ("string", [])}),
    ),
    GoldenCase(
        "bad-strategy",
        _IN,
        {**_OHIO, "strategy": "KEEP"},
        error="strategy",
    ),
    GoldenCase("number-column", _IN, {"source_column": "n", "advanced_data_type": "SSN"}, error="expected string or category"),
]
