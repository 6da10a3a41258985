"""DECRYPT: decrypt columns written by ENCRYPT.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DECRYPT.html

Semantics
---------
- Every non-missing value of each of ``source_columns`` must be an ENCRYPT ciphertext made by
  Brewdesk (``base64(nonce || ciphertext || tag)``, AES-256-GCM); it is replaced by the original
  value's text. The result is text whatever the original type was; cast it back with
  CHANGE_DATA_TYPE.
- ``kms_key_arn`` names the 32-byte key, read from Brewdesk's local key store at run time
  (:mod:`brewdesk.recipes.ops._pii_keys`). As DataBrew's page says, the step fails when the key
  does not match the one used to encrypt: the error names the column and row (the authentication
  tag does not match); the value and the key are never shown. Text that is not such a ciphertext
  fails the same way. DataBrew's AWS Encryption SDK messages cannot be decrypted by Brewdesk.
- Missing stays missing.
- With a condition, only the selected rows are decrypted; the others keep their value (as text).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.crypto import _bp_decrypt
from brewdesk.recipes.ops._pii_crypto import CryptoOperation
from brewdesk.recipes.ops.base import Params, columns
from pydantic import Field


class DecryptParams(Params):
    source_columns: list[str] = columns(description="Columns whose values are decrypted")
    kms_key_arn: str = Field(
        min_length=1, description="Name of the 256-bit key, read from the local key store"
    )


class Decrypt(CryptoOperation):
    """Decrypt AES-256-GCM ciphertexts back to text."""

    id = "decrypt"
    title = "Decrypt values"
    databrew = ("DECRYPT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.DECRYPT.html"
    Params = DecryptParams
    key_field = "kms_key_arn"

    def transform(self, params: Any, s: pd.Series, key: bytes | None) -> pd.Series:
        return _bp_decrypt(s, key, False)

    def transform_code(self, params: Any, src: str) -> str:
        return f"_bp_decrypt({src}, _key, False)"

    def describe(self, params: Any) -> str:
        return f"Decrypt {', '.join(params.source_columns)} with {self.describe_key(params)}"


OPERATION = Decrypt()
