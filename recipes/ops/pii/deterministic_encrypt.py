"""DETERMINISTIC_ENCRYPT: encrypt the values of columns so that equal values stay equal.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DETERMINISTIC_ENCRYPT.html

Semantics
---------
- Every non-missing value of each of ``source_columns`` is encrypted with AES-GCM-SIV and a
  256-bit key, as DataBrew documents: the value's UTF-8 text (numbers, booleans and dates as
  CHANGE_DATA_TYPE to string writes them) is sealed with a fixed all-zero nonce and written as
  ``base64(ciphertext || 16-byte tag)``. Equal values give equal ciphertexts, so joins, group-bys
  and duplicate checks still work on the encrypted column; nothing else about a value leaks.
  Missing stays missing; the columns become text.
- DETERMINISTIC_DECRYPT with the same key gives back the text of every value (round trip).
  DataBrew's own ciphertexts (made with the AWS-LC library and a Secrets Manager secret) are a
  different format: Brewdesk neither reads nor writes them.
- ``secret_id`` (and ``secret_version``) name the key. Brewdesk reads a 32-byte key of that name
  from its local key store at run time (the environment variable ``BREWDESK_KEY_<ID>`` or a key
  file, see :mod:`brewdesk.recipes.ops._pii_keys`). A missing key, or one of the wrong length,
  fails the step with an error saying how to provide it; the recipe, run reports and errors never
  contain the key.
- ``create_secret_if_missing`` is kept for DataBrew but Brewdesk never creates a key implicitly
  (``python -m brewdesk.recipes.ops._pii_keys new NAME``). ``entityTypeFilter`` is not supported:
  a recipe using it is refused on import.
- With a condition, only the selected rows are encrypted; the others keep their value (as text).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.crypto import _bp_encrypt
from brewdesk.recipes.ops._pii_crypto import CryptoOperation
from brewdesk.recipes.ops.base import Params, columns
from pydantic import Field


class DeterministicEncryptParams(Params):
    source_columns: list[str] = columns(description="Columns whose values are encrypted")
    secret_id: str = Field(
        min_length=1, description="Name of the 256-bit key, read from the local key store"
    )
    secret_version: str | None = Field(None, description="Version of the key, if several are kept")
    create_secret_if_missing: bool | None = Field(
        None, description="Kept for DataBrew; Brewdesk never creates keys"
    )


class DeterministicEncrypt(CryptoOperation):
    """Encrypt values with AES-GCM-SIV (equal values stay equal)."""

    id = "deterministic_encrypt"
    title = "Encrypt values (deterministic)"
    databrew = ("DETERMINISTIC_ENCRYPT",)
    doc_url = (
        "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DETERMINISTIC_ENCRYPT.html"
    )
    Params = DeterministicEncryptParams

    def transform(self, params: Any, s: pd.Series, key: bytes | None) -> pd.Series:
        return _bp_encrypt(s, key, True)

    def transform_code(self, params: Any, src: str) -> str:
        return f"_bp_encrypt({src}, _key, True)"

    def describe(self, params: Any) -> str:
        return f"Encrypt {', '.join(params.source_columns)} deterministically with {self.describe_key(params)}"


OPERATION = DeterministicEncrypt()
