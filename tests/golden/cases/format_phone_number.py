"""Golden cases for format_phone_number (E.164 default; invalid or region-less numbers unchanged)."""

from . import GoldenCase, frame

_P = [None, "408-341-5669", "+44 20 7946 0958", "not a phone", None, "(202) 555-0143", "12", ""]
_R = ["US", "US", None, "US", None, " gb ", "US", "US"]
_IN = frame({"p": ("string", _P), "r": ("string", _R), "n": ("int64", [1, 2, 3, 4, 5, 6, 7, 8])})
_N = ("int64", [1, 2, 3, 4, 5, 6, 7, 8])

CASES = [
    GoldenCase(
        "fixed-default-region-e164",
        _IN,
        {"source_column": "p", "default_region": "US"},
        frame(
            {
                "p": ("string", [None, "+14083415669", "+442079460958", "not a phone", None, "+12025550143", "12", ""]),
                "r": ("string", _R),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "no-region-only-plus-numbers",
        _IN,
        {"source_column": "p", "phone_number_format": "INTERNATIONAL"},
        frame(
            {
                "p": ("string", [None, "408-341-5669", "+44 20 7946 0958", "not a phone", None, "(202) 555-0143", "12", ""]),
                "r": ("string", _R),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "region-column-national",
        _IN,
        {"source_column": "p", "default_region_column": "r", "phone_number_format": "NATIONAL"},
        frame(
            {
                # row 6 is read as a GB number, where (202) 555-0143 is not valid: unchanged
                "p": ("string", [None, "(408) 341-5669", "020 7946 0958", "not a phone", None, "(202) 555-0143", "12", ""]),
                "r": ("string", _R),
                "n": _N,
            }
        ),
    ),
    GoldenCase(
        "category-rfc3966",
        frame({"c": ("category", ["+1 408 341 5669", None, "+1 408 341 5669"])}),
        {"source_column": "c", "phone_number_format": "RFC3966"},
        frame({"c": ("string", ["tel:+1-408-341-5669", None, "tel:+1-408-341-5669"])}),
    ),
    GoldenCase("both-regions", _IN, {"source_column": "p", "default_region": "US", "default_region_column": "r"}, error="not both"),
    GoldenCase("three-letter-region", _IN, {"source_column": "p", "default_region": "USA"}, error="unknown region code 'USA'"),
    GoldenCase("number-column", _IN, {"source_column": "n"}, error="expected string or category"),
]
