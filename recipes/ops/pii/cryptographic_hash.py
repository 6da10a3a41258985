"""CRYPTOGRAPHIC_HASH: replace the values of columns with their hash (plain or keyed).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CRYPTOGRAPHIC_HASH.html

Semantics
---------
- Every non-missing value of each of ``source_columns`` is replaced by the hash of its text
  (UTF-8; numbers, booleans and dates as CHANGE_DATA_TYPE to string writes them), written as
  base64 (standard alphabet, padded). DataBrew's page does not document the output encoding;
  AWS Glue's CryptographicHash transform writes base64, and so does Brewdesk. Missing stays
  missing; the columns become text.
- ``algorithm``: MD5, SHA1, SHA256, SHA512, or the keyed HMAC_MD5, HMAC_SHA1, HMAC_SHA256,
  HMAC_SHA512; default HMAC_SHA256, as DataBrew's page says. Equal values give equal hashes.
- The HMAC algorithms need a key: ``secret_id`` (and ``secret_version``) name it. In DataBrew
  these are an AWS Secrets Manager secret; Brewdesk reads the key of that name from its local key
  store at run time (the environment variable ``BREWDESK_KEY_<ID>`` or a key file, see
  :mod:`brewdesk.recipes.ops._pii_keys`); the key's bytes (base64-decoded, any length) key the
  HMAC, as DataBrew uses the base64-decoded secret. A missing key fails the step with an error
  saying how to provide it; the recipe, run reports and errors never contain the key.
- The plain algorithms need no key (``secret_id`` may be left out). MD5 and SHA1 are weak; plain
  hashes of guessable values (phone numbers, e-mails) can be reversed by trying every value: prefer
  an HMAC for PII.
- ``create_secret_if_missing`` is kept for DataBrew but Brewdesk never creates a key implicitly
  (create one with ``python -m brewdesk.recipes.ops._pii_keys new NAME``). ``entityTypeFilter``
  (PII detection in free text) is not supported: a recipe using it is refused on import.
- With a condition, only the selected rows are hashed; the others keep their value (as text).
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.crypto import _bp_hash
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._pii_crypto import CryptoOperation
from brewdesk.recipes.ops.base import Params, StepProblem, columns
from pydantic import Field

Algorithm = Literal[
    "MD5", "SHA1", "SHA256", "SHA512", "HMAC_MD5", "HMAC_SHA1", "HMAC_SHA256", "HMAC_SHA512"
]


class CryptographicHashParams(Params):
    source_columns: list[str] = columns(description="Columns whose values are hashed")
    algorithm: Algorithm = Field("HMAC_SHA256", description="Hash algorithm (HMAC_* use the key)")
    secret_id: str | None = Field(
        None, description="Name of the key (HMAC_* only), read from the local key store"
    )
    secret_version: str | None = Field(None, description="Version of the key, if several are kept")
    create_secret_if_missing: bool | None = Field(
        None, description="Kept for DataBrew; Brewdesk never creates keys"
    )


class CryptographicHash(CryptoOperation):
    """Hash values (MD5/SHA or keyed HMAC) into base64 text."""

    id = "cryptographic_hash"
    title = "Hash values"
    databrew = ("CRYPTOGRAPHIC_HASH",)
    doc_url = (
        "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CRYPTOGRAPHIC_HASH.html"
    )
    Params = CryptographicHashParams
    key_size = None

    def needs_key(self, params: Any) -> bool:
        return params.algorithm.startswith("HMAC_")

    def columns(self, params: Any, schema: Schema, inputs: Any) -> Schema:
        if self.needs_key(params) and not params.secret_id:
            raise StepProblem(
                f"{params.algorithm} needs a key: give secret_id (a key name)", field="secret_id"
            )
        return super().columns(params, schema, inputs)

    def transform(self, params: Any, s: pd.Series, key: bytes | None) -> pd.Series:
        return _bp_hash(s, params.algorithm, key)

    def transform_code(self, params: Any, src: str) -> str:
        return f"_bp_hash({src}, {params.algorithm!r}, _key)"

    def describe(self, params: Any) -> str:
        keyed = f" with {self.describe_key(params)}" if self.needs_key(params) else ""
        return f"Hash {', '.join(params.source_columns)} ({params.algorithm}{keyed})"


OPERATION = CryptographicHash()
