"""Golden cases for extract_advanced_datatype_details (detail text for values of the type, else missing)."""

from . import GoldenCase, frame

_ZIP = ["98101", None, "10001-1234", "00000", "96813", "09012", "abc"]
_DATE = ["2026-11-21", "11/21/2026", None, "2026-02-30", "Nov 21, 2026", "", "21 March 2025"]
_IN = frame({"zip": ("string", _ZIP), "d": ("string", _DATE)})

CASES = [
    GoldenCase(
        "databrew-example-zip-time-zone",
        _IN,
        {"source_column": "zip", "advanced_data_type": "ZipCode", "pattern": "TIME_ZONE", "target_column": "tz"},
        frame(
            {
                "zip": ("string", _ZIP),
                "tz": ("string", ["America/Los_Angeles", None, "America/New_York", None, "Pacific/Honolulu", None, None]),
                "d": ("string", _DATE),
            }
        ),
    ),
    GoldenCase(
        "zip-state",
        _IN,
        {"source_column": "zip", "advanced_data_type": "ZipCode", "pattern": "STATE", "target_column": "st"},
        frame(
            {
                "zip": ("string", _ZIP),
                "st": ("string", ["Washington", None, "New York", None, "Hawaii", None, None]),
                "d": ("string", _DATE),
            }
        ),
    ),
    GoldenCase(
        "date-month-name",
        _IN,
        {"source_column": "d", "advanced_data_type": "DateTime", "pattern": "MONTH_NAME", "target_column": "m"},
        frame(
            {
                "zip": ("string", _ZIP),
                "d": ("string", _DATE),
                "m": ("string", ["November", "November", None, None, "November", None, "March"]),
            }
        ),
    ),
    GoldenCase(
        "card-network-category",
        frame({"c": ("category", ["4111 1111 1111 1111", None, "4111111111111112", "378282246310005"])}),
        {"source_column": "c", "advanced_data_type": "CreditCard", "pattern": "NETWORK", "target_column": "net"},
        frame(
            {
                "c": ("category", ["4111 1111 1111 1111", None, "4111111111111112", "378282246310005"]),
                "net": ("string", ["Visa", None, None, "American Express"]),
            }
        ),
    ),
    GoldenCase(
        "no-pattern",
        _IN,
        {"source_column": "zip", "advanced_data_type": "ZipCode", "target_column": "x"},
        error="pattern is required",
    ),
    GoldenCase(
        "email-has-no-details",
        _IN,
        {"source_column": "zip", "advanced_data_type": "Email", "pattern": "DOMAIN", "target_column": "x"},
        error="Email has no detail 'DOMAIN'",
    ),
]
