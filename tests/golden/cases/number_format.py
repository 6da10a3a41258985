"""Golden cases for number_format (unit, half-away rounding, separators; in place as text)."""

from . import GoldenCase, frame

_F = [None, 1234567.891, 2.675, None, -0.001, -1234.5, 0.0]
_I = [1, None, 12345678901234567, -5, 0, 999, None]
_IN = frame({"f": ("float64", _F), "i": ("int64", _I), "s": ("string", ["1"] * 7)})
_S = ("string", ["1"] * 7)

CASES = [
    GoldenCase(
        "databrew-example-thousands-k",
        _IN,
        {
            "source_column": "f",
            "decimal_places": 2,
            "numeric_decimal_separator": ".",
            "numeric_thousand_separator": ",",
            "numeric_abbreviated_unit": "THOUSAND",
            "numeric_unit_abbreviation": "K",
        },
        frame(
            {
                "f": ("string", [None, "1,234.57K", "0.00K", None, "0.00K", "-1.23K", "0.00K"]),
                "i": ("int64", _I),
                "s": _S,
            }
        ),
    ),
    GoldenCase(
        "european-separators-half-away",
        _IN,
        {"source_column": "f", "decimal_places": 2, "numeric_decimal_separator": ",", "numeric_thousand_separator": "."},
        frame(
            {
                "f": ("string", [None, "1.234.567,89", "2,68", None, "0,00", "-1.234,50", "0,00"]),
                "i": ("int64", _I),
                "s": _S,
            }
        ),
    ),
    GoldenCase(
        "integers-exact-space-groups",
        _IN,
        {"source_column": "i", "decimal_places": 1, "numeric_decimal_separator": ",", "numeric_thousand_separator": " "},
        frame(
            {
                "f": ("float64", _F),
                "i": ("string", ["1,0", None, "12 345 678 901 234 567,0", "-5,0", "0,0", "999,0", None]),
                "s": _S,
            }
        ),
    ),
    GoldenCase(
        "million-default-abbreviation-no-grouping",
        _IN,
        {"source_column": "i", "decimal_places": 0, "numeric_abbreviated_unit": "MILLION"},
        frame(
            {
                "f": ("float64", _F),
                "i": ("string", ["0M", None, "12345678901M", "0M", "0M", "0M", None]),
                "s": _S,
            }
        ),
    ),
    GoldenCase(
        "all-missing",
        frame({"f": ("float64", [None, None])}),
        {"source_column": "f", "decimal_places": 3},
        frame({"f": ("string", [None, None])}),
    ),
    GoldenCase(
        "same-separators",
        _IN,
        {"source_column": "f", "numeric_decimal_separator": ",", "numeric_thousand_separator": ","},
        error="both ','",
    ),
    GoldenCase("abbreviation-without-unit", _IN, {"source_column": "f", "numeric_unit_abbreviation": "K"}, error="needs numericAbbreviatedUnit"),
    GoldenCase("text-column", _IN, {"source_column": "s"}, error="expected int64 or float64"),
]
