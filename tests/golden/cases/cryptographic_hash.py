from . import GoldenCase, frame
from ._pii import KEY, KEY_NAME, MISSING_NAME, hashed

_T = ["alice@example.com", None, "bob", "alice@example.com", "", "名前"]
_N = [42, None, -7, 42, 0, 10**12]


def _in(t: list = _T, n: list = _N, tt: str = "string", nt: str = "int64"):
    return frame({"t": (tt, t), "n": (nt, n)})


CASES = [
    GoldenCase(
        "default-hmac-sha256-two-columns",
        _in(),
        {"source_columns": ["t", "n"], "secret_id": KEY_NAME},
        _in(hashed(_T, "HMAC_SHA256", KEY), hashed(_N, "HMAC_SHA256", KEY), nt="string"),
    ),
    GoldenCase(
        "hmac-sha512-with-version-in-key-name",
        _in(),
        {
            "source_columns": ["t"],
            "algorithm": "HMAC_SHA512",
            "secret_id": "brewdesk",
            "secret_version": "golden",
        },
        _in(hashed(_T, "HMAC_SHA512", KEY)),
    ),
    GoldenCase(
        "plain-sha256-needs-no-key-category",
        _in(tt="category"),
        {"source_columns": ["t"], "algorithm": "SHA256"},
        _in(hashed(_T, "SHA256")),
    ),
    GoldenCase(
        "md5-sha1-all-null",
        _in(t=[None] * 6),
        {"source_columns": ["t", "n"], "algorithm": "MD5"},
        _in([None] * 6, hashed(_N, "MD5"), nt="string"),
    ),
    GoldenCase(
        "missing-key",
        _in(),
        {"source_columns": ["t"], "secret_id": MISSING_NAME},
        error="set the environment variable BREWDESK_KEY_BREWDESK_GOLDEN_MISSING",
    ),
    GoldenCase(
        "hmac-without-key-name",
        _in(),
        {"source_columns": ["t"], "algorithm": "HMAC_SHA1"},
        error="needs a key",
    ),
    GoldenCase(
        "bad-column", _in(), {"source_columns": ["x"], "algorithm": "SHA1"}, error="does not exist"
    ),
]

CASES.append(
    GoldenCase(
        "condition-keeps-other-rows-as-text",
        _in(),
        {"source_columns": ["n"], "algorithm": "SHA1"},
        _in(
            n=[hashed([42], "SHA1")[0], None, "-7", hashed([42], "SHA1")[0], "0", "1000000000000"],
            nt="string",
        ),
        conditions=[{"condition": "IS", "target_column": "n", "value": [42]}],
    )
)
