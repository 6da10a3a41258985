"""DETERMINISTIC_DECRYPT: decrypt columns written by DETERMINISTIC_ENCRYPT.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DETERMINISTIC_DECRYPT.html

Semantics
---------
- Every non-missing value of each of ``source_columns`` must be a DETERMINISTIC_ENCRYPT
  ciphertext made by Brewdesk (``base64(ciphertext || tag)``, AES-GCM-SIV, all-zero nonce); it
  is replaced by the original value's text. The result is text whatever the original type was
  (DataBrew: "Does not preserve data type on decrypt"); cast it back with CHANGE_DATA_TYPE.
- ``secret_id`` (and ``secret_version``) name the 32-byte key, read from Brewdesk's local key
  store at run time (:mod:`brewdesk.recipes.ops._pii_keys`).
- A wrong key, or a value that is not such a ciphertext, fails the step with an error naming the
  column and row (the authentication tag does not match); the value and the key are never shown.
  DataBrew's page says the step is "a no-op if the provided secret id and version does not match
  what was used to encrypt the column"; Brewdesk fails instead, because a run that silently
  writes ciphertext where plaintext was expected is worse than a stopped run. Restrict the step
  with a condition to decrypt only some rows.
- Missing stays missing. Parameters as on DataBrew's page: ``sourceColumns``, ``secretId``,
  ``secretVersion``.
- With a condition, only the selected rows are decrypted; the others keep their value (as text).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.crypto import _bp_decrypt
from brewdesk.recipes.ops._pii_crypto import CryptoOperation
from brewdesk.recipes.ops.base import Params, columns
from pydantic import Field


class DeterministicDecryptParams(Params):
    source_columns: list[str] = columns(description="Columns whose values are decrypted")
    secret_id: str = Field(
        min_length=1, description="Name of the 256-bit key, read from the local key store"
    )
    secret_version: str | None = Field(None, description="Version of the key, if several are kept")


class DeterministicDecrypt(CryptoOperation):
    """Decrypt AES-GCM-SIV ciphertexts back to text."""

    id = "deterministic_decrypt"
    title = "Decrypt values (deterministic)"
    databrew = ("DETERMINISTIC_DECRYPT",)
    doc_url = (
        "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DETERMINISTIC_DECRYPT.html"
    )
    Params = DeterministicDecryptParams

    def transform(self, params: Any, s: pd.Series, key: bytes | None) -> pd.Series:
        return _bp_decrypt(s, key, True)

    def transform_code(self, params: Any, src: str) -> str:
        return f"_bp_decrypt({src}, _key, True)"

    def describe(self, params: Any) -> str:
        return f"Decrypt {', '.join(params.source_columns)} (deterministic) with {self.describe_key(params)}"


OPERATION = DeterministicDecrypt()
