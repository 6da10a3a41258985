from . import GoldenCase
from ._math import IN, out

CASES = [
    GoldenCase("int-columns", IN, {"source_column1": "a", "source_column2": "b", "target_column": "t"}, out("a", "t", "int64", [None, None, None, None, -5, -6])),
    GoldenCase("column-minus-float", IN, {"source_column1": "b", "value2": 0.5, "target_column": "t"}, out("b", "t", "float64", [1.5, None, None, 3.5, 9.5, 2.5])),
    GoldenCase("value-minus-column", IN, {"value1": 10, "source_column2": "a", "target_column": "t"}, out("a", "t", "int64", [None, 9, None, None, 5, 13])),
    GoldenCase("float-columns", IN, {"source_column1": "f", "source_column2": "f", "target_column": "名"}, out("f", "名", "float64", [0.0, None, 0.0, None, 0.0, 0.0])),
    GoldenCase("target-exists", IN, {"source_column1": "a", "value2": 1, "target_column": "s"}, error="column 's' already exists"),
]
