"""Golden cases for ip_to_int (dotted IPv4 text to its 32-bit number)."""

from __future__ import annotations

from . import GoldenCase, frame

IPS = ["192.168.1.1", " 10.0.0.250 ", "256.1.1.1", "1.2.3", "::1", None, "0.0.0.0", "255.255.255.255", "010.2.3.4", "", "1.2.3.4.5", "-1.2.3.4"]
N = [3232235777, 167772410, None, None, None, None, 0, 4294967295, 167904004, None, None, None]
IN = frame({"ip": ("string", IPS), "n": ("int64", list(range(len(IPS))))})

CASES = [
    GoldenCase(
        "ipv4-only",
        IN,
        {"source_column": "ip", "target_column": "num"},
        frame({"ip": ("string", IPS), "num": ("int64", N), "n": ("int64", list(range(len(IPS))))}),
    ),
    GoldenCase(
        "category-column",
        frame({"ip": ("category", ["1.2.3.4", None, "1.2.3.4", "x"])}),
        {"source_column": "ip", "target_column": "num"},
        frame({"ip": ("category", ["1.2.3.4", None, "1.2.3.4", "x"]), "num": ("int64", [16909060, None, 16909060, None])}),
    ),
    GoldenCase(
        "literal-value",
        frame({"a": ("int64", [1, 2])}),
        {"value": "192.168.1.1", "target_column": "num"},
        frame({"a": ("int64", [1, 2]), "num": ("int64", [3232235777, 3232235777])}),
    ),
    GoldenCase("number-column", IN, {"source_column": "n", "target_column": "num"}, error="'n' is int64, expected"),
    GoldenCase("both-operands", IN, {"source_column": "ip", "value": "1.2.3.4", "target_column": "num"}, error="not both"),
    GoldenCase("target-exists", IN, {"source_column": "ip", "target_column": "n"}, error="column 'n' already exists"),
]
