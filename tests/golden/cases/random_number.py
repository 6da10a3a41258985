"""Golden cases for random_number (reproducible uniform numbers in [0, 1)).

The numbers are a hash of each row's id and the target column's name (no seed), so the four
ways (pandas, engine on 1, 3 and one-row partitions, exported code) must give exactly these
values; tests/recipes/test_ops_nondeterministic.py checks range, seeds and spread on more rows.
"""

from __future__ import annotations

from . import GoldenCase, frame

A = [1, None, 3, 4, None, 6]
R = [0.6052243846701865, 0.5911286870893439, 0.9457430896662897, 0.21820557350642789, 0.07439007815457765, 0.4893116082301546]

CASES = [
    GoldenCase(
        "same-number-for-same-row-whatever-the-partitions",
        frame({"a": ("int64", A)}),
        {"target_column": "r"},
        frame({"a": ("int64", A), "r": ("float64", R)}),
    ),
    GoldenCase(
        "only-where-the-condition-holds",
        frame({"a": ("int64", A)}),
        {"target_column": "r"},
        frame({"a": ("int64", A), "r": ("float64", [None, None, R[2], R[3], None, R[5]])}),
        conditions=[{"condition": "GREATER_THAN", "target_column": "a", "value": 2}],
    ),
    GoldenCase("target-exists", frame({"a": ("int64", A)}), {"target_column": "a"}, error="column 'a' already exists"),
]
