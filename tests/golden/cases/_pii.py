"""Keys and independent reference implementations for the golden cases of the hashing and
encryption steps (the harness skips ``_`` modules). The keys live in the environment, as a user
would provide them (``BREWDESK_KEY_<ID>``, base64); they are test keys, not secrets."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESGCMSIV

KEY = bytes(range(32))
OTHER_KEY = bytes(range(100, 132))
SHORT_KEY = bytes(16)
KEY_NAME = "arn:aws:secretsmanager:us-east-1:012345678901:secret:brewdesk-golden"
OTHER_NAME = "brewdesk-golden-other"
SHORT_NAME = "brewdesk-golden-short"
MISSING_NAME = "brewdesk-golden-missing"

os.environ["BREWDESK_KEY_BREWDESK_GOLDEN"] = base64.b64encode(KEY).decode()
os.environ["BREWDESK_KEY_BREWDESK_GOLDEN_OTHER"] = base64.b64encode(OTHER_KEY).decode()
os.environ["BREWDESK_KEY_BREWDESK_GOLDEN_SHORT"] = base64.b64encode(SHORT_KEY).decode()
os.environ.pop("BREWDESK_KEY_BREWDESK_GOLDEN_MISSING", None)


def hashed(values: list, algorithm: str, key: bytes | None = None) -> list:
    name = algorithm.removeprefix("HMAC_").lower()
    out = []
    for v in values:
        if v is None:
            out.append(None)
            continue
        data = str(v).encode()
        digest = (
            hmac.new(key, data, name).digest()
            if algorithm.startswith("HMAC_")
            else hashlib.new(name, data).digest()
        )
        out.append(base64.b64encode(digest).decode())
    return out


def siv(values: list, key: bytes = KEY) -> list:
    aead = AESGCMSIV(key)
    return [
        None
        if v is None
        else base64.b64encode(aead.encrypt(bytes(12), str(v).encode(), None)).decode()
        for v in values
    ]


def gcm(values: list, key: bytes = KEY) -> list:
    """ENCRYPT's format with fixed nonces (1, 2, ...), so DECRYPT's cases are reproducible."""
    aead = AESGCM(key)
    out = []
    for i, v in enumerate(values):
        nonce = (i + 1).to_bytes(12, "big")
        out.append(
            None
            if v is None
            else base64.b64encode(nonce + aead.encrypt(nonce, str(v).encode(), None)).decode()
        )
    return out
