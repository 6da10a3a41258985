"""Golden cases for bucketization ([s_i, s_i+1); last bucket closed; outside -> missing)."""

from . import GoldenCase, frame

X = [None, None, 10.0, 9.99, 20.0, -3.0, 100.0, None]
N = [1, 2, 3, 4, 5, 6, 7, 8]
IN = frame({"x": ("float64", X), "n": ("int64", N)})

CASES = [
    GoldenCase(
        "infinite-edges",
        IN,
        {"source_column": "x", "target_column": "b", "splits": [float("-inf"), 10, 20, float("inf")], "bucket_names": ["low", "mid", "high"]},
        frame({"x": ("float64", X), "b": ("string", [None, None, "mid", "low", "high", "low", "high", None]), "n": ("int64", N)}),
    ),
    GoldenCase(
        "finite-edges-last-closed-outside-missing",
        IN,
        {"source_column": "x", "target_column": "b", "splits": [0, 10, 20], "bucket_names": ["a", "b"]},
        # 20.0 is the last split: in the last bucket; -3 and 100 are outside
        frame({"x": ("float64", X), "b": ("string", [None, None, "b", "a", "b", None, None, None]), "n": ("int64", N)}),
    ),
    GoldenCase(
        "int-column-string-splits",
        IN,
        {"source_column": "n", "target_column": "b", "splits": ["1", "4", "8"], "bucket_names": ["lo", "hi"]},
        frame({"x": ("float64", X), "n": ("int64", N), "b": ("string", ["lo", "lo", "lo", "hi", "hi", "hi", "hi", "hi"])}),
    ),
    GoldenCase("names-count", IN, {"source_column": "x", "target_column": "b", "splits": [0, 10], "bucket_names": ["a", "b"]}, error="2 splits make 1 buckets"),
    GoldenCase("not-increasing", IN, {"source_column": "x", "target_column": "b", "splits": [0, 10, 5], "bucket_names": ["a", "b"]}, error="strictly increasing"),
]
