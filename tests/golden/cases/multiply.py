from . import GoldenCase
from ._math import IN, out

CASES = [
    GoldenCase("int-columns", IN, {"source_column1": "a", "source_column2": "b", "target_column": "t"}, out("a", "t", "int64", [None, None, None, None, 50, -9])),
    GoldenCase("float-times-int-value", IN, {"source_column1": "f", "value2": 2, "target_column": "t"}, out("f", "t", "float64", [1.0, None, 2.5, None, -2.0, 4.0])),
    GoldenCase("int-times-float-value", IN, {"source_column1": "b", "value2": 0.5, "target_column": "t"}, out("b", "t", "float64", [1.0, None, None, 2.0, 5.0, 1.5])),
    GoldenCase(
        "condition",
        IN,
        {"source_column1": "b", "value2": -1, "target_column": "t"},
        out("b", "t", "int64", [None, None, None, -4, -10, None]),
        conditions=[{"condition": "GREATER_THAN", "target_column": "b", "value": 3}],
    ),
    GoldenCase("missing-column", IN, {"source_column1": "q", "value2": 2, "target_column": "t"}, error="column 'q' does not exist"),
]
