"""Kernels of the hashing and encryption PII steps: looking up a key in Brewdesk's key store,
hashing, encrypting and decrypting text, keeping the rows a condition leaves out.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_convert


def _bp_key_location(name, version=None):
    """``(environment variable, key file or None)`` where the key ``name`` is looked up."""
    text = str(name).strip()
    if text.lower().startswith("arn:"):
        text = re.split(r"[:/]", text)[-1]
    ident = re.sub(r"[^A-Z0-9]+", "_", text.upper()).strip("_")
    if version:
        ident += "_" + re.sub(r"[^A-Z0-9]+", "_", str(version).upper()).strip("_")
    folder = os.environ.get("BREWDESK_KEYS")
    if not folder and os.environ.get("BREWDESK_HOME"):
        folder = os.path.join(os.environ["BREWDESK_HOME"], "keys")
    if not folder:
        try:
            # optional dependency: platformdirs, only when no key folder is configured
            import platformdirs
        except ImportError:
            return "BREWDESK_KEY_" + ident, None
        folder = os.path.join(platformdirs.user_data_dir("brewdesk", appauthor=False), "keys")
    return "BREWDESK_KEY_" + ident, os.path.join(folder, ident + ".key")


def _bp_key(name, version=None, size=None, purpose="this step"):
    """The key ``name`` as bytes, from ``BREWDESK_KEY_<ID>`` or the key file (base64 text).

    Raises ValueError naming where the key was looked for (never its value) when it is missing,
    not base64, or not ``size`` bytes long.
    """
    env, path = _bp_key_location(name, version)
    text, where = os.environ.get(env), f"environment variable {env}"
    if text is None and path is not None and os.path.isfile(path):
        with open(path, encoding="ascii", errors="replace") as f:
            text, where = f.read(), f"key file {path}"
    if text is None:
        file_hint = f", or write it to {path}" if path else ""
        raise ValueError(
            f"no key '{name}' for {purpose}: set the environment variable {env} to the key in "
            f"base64{file_hint}; create one with: python -m brewdesk.recipes.ops._pii_keys new '{name}'"
        )
    try:
        key = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(f"the key '{name}' in {where} is not base64 text") from None
    if not key:
        raise ValueError(f"the key '{name}' in {where} is empty")
    if size is not None and len(key) != size:
        raise ValueError(
            f"the key '{name}' in {where} is {len(key)} bytes; {purpose} needs a "
            f"{size * 8}-bit key ({size} bytes, base64)"
        )
    return key


def _bp_hash(s, algorithm, key):
    """``base64(digest)`` of each value's UTF-8 text; HMAC_* algorithms use ``key``."""
    name = algorithm.removeprefix("HMAC_").lower()
    keyed = hmac.new(key, digestmod=name) if key is not None else None
    text = _bd_convert(s, "string")
    out = []
    for v in text.to_numpy(dtype=object, na_value=None):
        if v is None:
            out.append(None)
            continue
        if keyed is not None:
            h = keyed.copy()  # the key schedule is computed once
            h.update(v.encode("utf-8"))
            digest = h.digest()
        else:
            digest = hashlib.new(name, v.encode("utf-8")).digest()
        out.append(base64.b64encode(digest).decode("ascii"))
    return pd.Series(out, index=s.index, dtype="string[pyarrow]")


def _bp_encrypt(s, key, deterministic):
    """Encrypt each value's UTF-8 text: AES-GCM-SIV with a zero nonce (deterministic) giving
    ``base64(ciphertext || tag)``, or AES-GCM with a random nonce giving
    ``base64(nonce || ciphertext || tag)``."""
    # optional heavy dependency: cryptography, loaded only when encrypting
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESGCMSIV

    aead = AESGCMSIV(key) if deterministic else AESGCM(key)
    text = _bd_convert(s, "string")
    out = []
    for v in text.to_numpy(dtype=object, na_value=None):
        if v is None:
            out.append(None)
            continue
        nonce = bytes(12) if deterministic else os.urandom(12)
        sealed = aead.encrypt(nonce, v.encode("utf-8"), None)
        out.append(base64.b64encode(sealed if deterministic else nonce + sealed).decode("ascii"))
    return pd.Series(out, index=s.index, dtype="string[pyarrow]")


def _bp_decrypt(s, key, deterministic):
    """Invert :func:`_bp_encrypt`; raises ValueError naming the first row that does not decrypt
    (wrong key, or not such a ciphertext), without showing its value."""
    # optional heavy dependency: cryptography, loaded only when decrypting
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESGCMSIV

    aead = AESGCMSIV(key) if deterministic else AESGCM(key)
    text = s.astype("string[pyarrow]")
    out = []
    for row, v in zip(s.index, text.to_numpy(dtype=object, na_value=None), strict=True):
        if v is None:
            out.append(None)
            continue
        try:
            raw = base64.b64decode(v.strip(), validate=True)
            nonce, sealed = (bytes(12), raw) if deterministic else (raw[:12], raw[12:])
            out.append(aead.decrypt(nonce, sealed, None).decode("utf-8"))
        except (binascii.Error, ValueError, InvalidTag):
            raise ValueError(
                f"row {row} does not decrypt: wrong key, or the value was not written by "
                f"{'DETERMINISTIC_ENCRYPT' if deterministic else 'ENCRYPT'} in Brewdesk"
            ) from None
    return pd.Series(out, index=s.index, dtype="string[pyarrow]")


def _bp_keep_unselected(done, s, sel):
    """The transformed values ``done`` (text, on the selected rows) with the other rows of ``s``
    kept, as text."""
    return done.reindex(s.index).where(sel, _bd_convert(s, "string")).astype("string[pyarrow]")
