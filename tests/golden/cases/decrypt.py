from . import GoldenCase, frame
from ._pii import KEY, KEY_NAME, OTHER_KEY, OTHER_NAME, gcm

_PLAIN = ["555-0100", None, "bob", "555-0100", "", "名前"]


def _in(t: list, tt: str = "string"):
    return frame({"n": ("int64", [1, 2, 3, 4, 5, 6][: len(t)]), "t": (tt, t)})


CASES = [
    GoldenCase(
        "round-trip",
        _in(gcm(_PLAIN, KEY)),
        {"source_columns": ["t"], "kms_key_arn": KEY_NAME},
        _in(_PLAIN),
    ),
    GoldenCase(
        "other-key-name",
        _in(gcm(["x", None, "1.5"], OTHER_KEY), "category"),
        {"source_columns": ["t"], "kms_key_arn": OTHER_NAME},
        _in(["x", None, "1.5"]),
    ),
    GoldenCase(
        "wrong-key",
        _in(gcm(_PLAIN, KEY)),
        {"source_columns": ["t"], "kms_key_arn": OTHER_NAME},
        error="does not decrypt: wrong key",
    ),
    GoldenCase(
        "deterministic-ciphertext-is-refused",
        _in([None, "r8TnM0WS+K6zlQ9ZYp+702c="]),
        {"source_columns": ["t"], "kms_key_arn": KEY_NAME},
        error="row 1 does not decrypt",
    ),
]
