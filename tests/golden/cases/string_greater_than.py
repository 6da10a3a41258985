"""Golden cases for string_greater_than (binary code-point comparison; missing operand gives missing)."""

from . import GoldenCase, frame

S1 = [None, "abc", "abc", None, "ABC", "", "a "]
S2 = ["abc", None, "abc", None, "abc", "", "a"]
IN = frame({"a": ("string", S1), "b": ("string", S2)})

CASES = [
    GoldenCase(
        "two-columns",
        IN,
        {"source_column1": "a", "source_column2": "b", "target_column": "t"},
        frame({"a": ("string", S1), "t": ("boolean", [None, None, False, None, False, False, True]), "b": ("string", S2)}),
    ),
    GoldenCase(
        "column-and-literal",
        IN,
        {"source_column1": "a", "value2": "abc", "target_column": "t"},
        frame({"a": ("string", S1), "t": ("boolean", [None, False, False, None, False, False, False]), "b": ("string", S2)}),
    ),
    GoldenCase(
        "two-literals-at-end",
        IN,
        {"value1": 'b', "value2": 'a', "target_column": "t"},
        frame({"a": ("string", S1), "b": ("string", S2), "t": ("boolean", [True] * 7)}),
    ),
    GoldenCase("both-for-one-operand", IN, {"source_column1": "a", "value1": "x", "value2": "y", "target_column": "t"}, error="not both"),
]
