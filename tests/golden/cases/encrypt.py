"""ENCRYPT draws a random nonce per value, so only outputs without values are fixed here; the
round trip ENCRYPT -> DECRYPT over partitions is in tests/recipes/test_pii_crypto.py."""

from . import GoldenCase, frame
from ._pii import KEY_NAME, MISSING_NAME, SHORT_NAME


def _in(t: list, tt: str = "string"):
    return frame({"n": ("int64", [1, 2, 3, 4][: len(t)]), "t": (tt, t)})


CASES = [
    GoldenCase(
        "all-null-stays-null",
        _in([None, None, None], "float64"),
        {"source_columns": ["t"], "kms_key_arn": KEY_NAME, "preserve_data_type": True},
        _in([None, None, None]),
    ),
    GoldenCase(
        "missing-key",
        _in(["a", None]),
        {"source_columns": ["t"], "kms_key_arn": MISSING_NAME},
        error="BREWDESK_KEY_BREWDESK_GOLDEN_MISSING",
    ),
    GoldenCase(
        "short-key",
        _in(["a"]),
        {"source_columns": ["t"], "kms_key_arn": SHORT_NAME},
        error="is 16 bytes",
    ),
    GoldenCase(
        "bad-column",
        _in(["a"]),
        {"source_columns": ["x"], "kms_key_arn": KEY_NAME},
        error="does not exist",
    ),
]
