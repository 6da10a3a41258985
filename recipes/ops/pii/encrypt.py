"""ENCRYPT: encrypt the values of columns (probabilistic: equal values give different text).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ENCRYPT.html

Semantics
---------
- Every non-missing value of each of ``source_columns`` is encrypted with AES-256-GCM and a
  fresh random 96-bit nonce: the value's UTF-8 text (numbers, booleans and dates as
  CHANGE_DATA_TYPE to string writes them) becomes ``base64(nonce || ciphertext || 16-byte tag)``.
  Equal values give different ciphertexts, so the output differs from run to run (and between the
  preview and a run); DECRYPT with the same key gives back the text of every value (round trip).
  Missing stays missing; the columns become text.
- DataBrew encrypts with the AWS Encryption SDK and a KMS key. Brewdesk keeps ``kms_key_arn`` as
  the **name** of a 32-byte key read from its local key store at run time (the environment
  variable ``BREWDESK_KEY_<ID>`` or a key file, see :mod:`brewdesk.recipes.ops._pii_keys`); the
  AWS Encryption SDK message format is not reproduced, so DataBrew and Brewdesk cannot decrypt
  each other's output. A missing or wrong-length key fails the step with an error saying how to
  provide it; the recipe, run reports and errors never contain the key.
- ``preserve_data_type`` is kept for DataBrew, but Brewdesk's DECRYPT always gives text (the
  type of a column must be known before any data is read); cast it back with CHANGE_DATA_TYPE.
  ``entityTypeFilter`` is not supported: a recipe using it is refused on import.
- With a condition, only the selected rows are encrypted; the others keep their value (as text).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.crypto import _bp_encrypt
from brewdesk.recipes.ops._pii_crypto import CryptoOperation
from brewdesk.recipes.ops.base import Params, columns
from pydantic import Field


class EncryptParams(Params):
    source_columns: list[str] = columns(description="Columns whose values are encrypted")
    kms_key_arn: str = Field(
        min_length=1, description="Name of the 256-bit key, read from the local key store"
    )
    preserve_data_type: bool | None = Field(
        None, description="Kept for DataBrew; DECRYPT always gives text"
    )


class Encrypt(CryptoOperation):
    """Encrypt values with AES-256-GCM and a random nonce per value."""

    id = "encrypt"
    title = "Encrypt values"
    databrew = ("ENCRYPT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ENCRYPT.html"
    Params = EncryptParams
    key_field = "kms_key_arn"

    def transform(self, params: Any, s: pd.Series, key: bytes | None) -> pd.Series:
        return _bp_encrypt(s, key, False)

    def transform_code(self, params: Any, src: str) -> str:
        return f"_bp_encrypt({src}, _key, False)"

    def describe(self, params: Any) -> str:
        return f"Encrypt {', '.join(params.source_columns)} with {self.describe_key(params)}"


OPERATION = Encrypt()
