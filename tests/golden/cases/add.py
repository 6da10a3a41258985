from . import GoldenCase
from ._math import IN, out

CASES = [
    GoldenCase("int-columns", IN, {"source_column1": "a", "source_column2": "b", "target_column": "t"}, out("a", "t", "int64", [None, None, None, None, 15, 0])),
    GoldenCase("column-plus-int-value", IN, {"source_column1": "a", "value2": 100, "target_column": "t"}, out("a", "t", "int64", [None, 101, None, None, 105, 97])),
    GoldenCase("int-plus-float", IN, {"source_column1": "a", "source_column2": "f", "target_column": "t"}, out("a", "t", "float64", [None, None, None, None, 4.0, -1.0])),
    GoldenCase("float-value-first", IN, {"value1": 0.5, "source_column2": "b", "target_column": "t"}, out("b", "t", "float64", [2.5, None, None, 4.5, 10.5, 3.5])),
    GoldenCase("two-values-at-end", IN, {"value1": 1, "value2": 2, "target_column": "t"}, out(None, "t", "int64", [3] * 6)),
    GoldenCase("in-place", IN, {"source_column1": "b", "value2": 1, "target_column": "b"}, IN.assign(b=IN["b"] + 1)),
    GoldenCase("column-and-value", IN, {"source_column1": "a", "value1": 1, "value2": 2, "target_column": "t"}, error="give source_column1 or value1, not both"),
    GoldenCase("no-second-operand", IN, {"source_column1": "a", "target_column": "t"}, error="give source_column2 or value2"),
    GoldenCase("text-column", IN, {"source_column1": "s", "value2": 1, "target_column": "t"}, error="column 's' is string, expected int64 or float64"),
]
