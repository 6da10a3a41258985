"""Golden cases for int_to_ip (a 32-bit number to dotted IPv4 text)."""

from __future__ import annotations

from . import GoldenCase, frame

N = [167772410, 3232235777, -1, 4294967296, None, 0, 4294967295]
IP = ["10.0.0.250", "192.168.1.1", None, None, None, "0.0.0.0", "255.255.255.255"]
IN = frame({"n": ("int64", N), "on": ("boolean", [True] * len(N))})

CASES = [
    GoldenCase(
        "integers-in-range",
        IN,
        {"source_column": "n", "target_column": "ip"},
        frame({"n": ("int64", N), "ip": ("string", IP), "on": ("boolean", [True] * len(N))}),
    ),
    GoldenCase(
        "decimals-must-be-whole",
        frame({"f": ("float64", [1.0, 1.5, None, 16909060.0])}),
        {"source_column": "f", "target_column": "ip"},
        frame({"f": ("float64", [1.0, 1.5, None, 16909060.0]), "ip": ("string", ["0.0.0.1", None, None, "1.2.3.4"])}),
    ),
    GoldenCase(
        "text-whole-numbers",
        frame({"t": ("string", ["167772410", " +1 ", "1.5", "x", None, "99999999999"])}),
        {"source_column": "t", "target_column": "ip"},
        frame({"t": ("string", ["167772410", " +1 ", "1.5", "x", None, "99999999999"]), "ip": ("string", ["10.0.0.250", "0.0.0.1", None, None, None, None])}),
    ),
    GoldenCase(
        "literal-value",
        frame({"a": ("int64", [1, 2])}),
        {"value": 16909060, "target_column": "ip"},
        frame({"a": ("int64", [1, 2]), "ip": ("string", ["1.2.3.4", "1.2.3.4"])}),
    ),
    GoldenCase("boolean-column", IN, {"source_column": "on", "target_column": "ip"}, error="'on' is boolean, expected"),
    GoldenCase("no-operand", IN, {"target_column": "ip"}, error="give source_column or value"),
]
