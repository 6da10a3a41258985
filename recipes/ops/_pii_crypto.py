"""Shared code of the hashing and encryption PII steps (not an operation).

Operations: CRYPTOGRAPHIC_HASH, ENCRYPT, DECRYPT, DETERMINISTIC_ENCRYPT, DETERMINISTIC_DECRYPT.
Keys come from Brewdesk's local key store (:mod:`brewdesk.recipes.ops._pii_keys`), never from
AWS; the recipe holds the key's name only.

Values are hashed or encrypted as text: the UTF-8 bytes of the value as CHANGE_DATA_TYPE to
string writes it (``42``, ``1.5``, ``true``, ``2020-01-02 03:04:05``). Missing stays missing.
The results are text (base64, standard alphabet with ``=`` padding):

``CRYPTOGRAPHIC_HASH``
    ``base64(digest)``; HMAC_* algorithms key the hash with the named key (any length).
``DETERMINISTIC_ENCRYPT``
    AES-GCM-SIV (RFC 8452) with a 256-bit key, as DataBrew documents, and a fixed all-zero
    96-bit nonce: ``base64(ciphertext || 16-byte tag)``. Equal values give equal ciphertexts
    (that is what makes it deterministic: joins and group-bys still work); nothing else leaks,
    and AES-GCM-SIV stays secure when a nonce repeats.
``ENCRYPT``
    AES-256-GCM with a random 96-bit nonce per value: ``base64(nonce || ciphertext || tag)``.
    Equal values give different ciphertexts. DataBrew uses the AWS Encryption SDK with a KMS key;
    its message format is not reproduced, so DataBrew cannot decrypt Brewdesk's output and
    Brewdesk cannot decrypt DataBrew's.
``DECRYPT`` / ``DETERMINISTIC_DECRYPT``
    Invert the two above with the same key; decrypting Brewdesk's own output gives back the text
    of every value (round trip). A wrong key, or text that is not such a ciphertext, fails the
    step with an error naming the row (the authentication tag does not match); the value is not
    shown. The result is always text (DataBrew: "Does not preserve data type on decrypt").

With a condition, only the rows it selects are hashed, encrypted or decrypted; the other rows keep
their value (as text, since the column becomes text), so DECRYPT can be restricted to the rows
that hold ciphertexts.

The cell-level work is a Python loop over the values (the ``cryptography`` package does the
AES): 5 to 15 microseconds a value on the 2-core test machine (200,000 e-mails). The kernels
(``_bp_*``, :mod:`brewdesk.recipes.kernels.crypto`) are the implementation; ``to_code()`` calls
them, so the exported script reads its key the same way and needs ``cryptography`` for the AES
steps.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.crypto import _bp_keep_unselected, _bp_key
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import STRING_DTYPE, Schema
from brewdesk.recipes.ops._plumbing import databrew_error
from brewdesk.recipes.ops.base import Kind, Operation, check_columns, json_list

CONDITION_MASK = "condition_mask"
"""Key of the condition mask in ``fitted`` (``brewdesk.recipes.model.runner.CONDITION_MASK``)."""

AES_KEY_BYTES = 32
"""AES-256: the encryption steps need 32-byte keys."""


# =========================================================================== the operations' base
class CryptoOperation(Operation):
    """Base of the five steps: each of ``source_columns`` becomes text, transformed in place.

    Subclasses set :attr:`key_field` (the param naming the key), :attr:`key_size` and implement
    :meth:`transform` / :meth:`transform_code`.
    """

    kind = Kind.ROW
    category = "PII"
    handles_condition = True
    key_field: ClassVar[str] = "secret_id"
    key_size: ClassVar[int | None] = AES_KEY_BYTES

    def key_name(self, params: Any) -> str | None:
        return getattr(params, self.key_field)

    def needs_key(self, params: Any) -> bool:
        return True

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        for c in params.source_columns:
            schema = schema.with_column(c, "string")
        return schema

    def key(self, params: Any) -> bytes | None:
        """The key bytes, read now from the key store; ``StepError`` with a hint when missing."""
        if not self.needs_key(params):
            return None
        try:
            return _bp_key(
                self.key_name(params),
                getattr(params, "secret_version", None),
                self.key_size,
                self.databrew[0],
            )
        except ValueError as e:
            raise StepError(str(e)) from None

    def transform(self, params: Any, s: pd.Series, key: bytes | None) -> pd.Series:
        raise NotImplementedError

    def transform_code(self, params: Any, src: str) -> str:
        """The exported expression transforming ``src`` with the key in ``_key``."""
        raise NotImplementedError

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        key = self.key(params)
        mask = fitted.get(CONDITION_MASK)
        sel = np.ones(len(frame), dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
        out = frame.copy(deep=False)
        for c in params.source_columns:
            try:
                done = self.transform(params, frame[c][sel], key).astype(STRING_DTYPE)
            except ValueError as e:
                raise StepError(f"column '{c}': {e}") from None
            out[c] = _bp_keep_unselected(done, frame[c], sel)
        return out

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        lines = []
        if self.needs_key(params):
            version = getattr(params, "secret_version", None)
            name = self.key_name(params)
            lines.append(
                f"_key = _bp_key({name!r}, {version!r}, {self.key_size!r}, {self.databrew[0]!r})"
            )
        else:
            lines.append("_key = None")
        # codegen.step_code sets ``_mask`` (the step's conditions) just before this code
        lines.append(
            "_sel = np.asarray(_mask, dtype=bool) if '_mask' in dir() else np.ones(len(df), dtype=bool)"
        )
        lines.append(f"for _c in {list(params.source_columns)!r}:")
        lines.append(
            f"    _done = ({self.transform_code(params, 'df[_c][_sel]')}).astype('string[pyarrow]')"
        )
        lines.append("    df[_c] = _bp_keep_unselected(_done, df[_c], _sel)")
        lines.append("del _key, _sel, _done")
        return "\n".join(lines)

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        if json_list(parameters.get("entityTypeFilter")):
            raise databrew_error(
                f"{operation}: entityTypeFilter (PII entity detection) is not supported"
            )
        out = super().from_databrew(operation, parameters)
        if "sourceColumns" not in parameters and "sourceColumn" in parameters:
            out["source_columns"] = [parameters["sourceColumn"]]
        return out

    def describe_key(self, params: Any) -> str:
        version = getattr(params, "secret_version", None)
        return f"key '{self.key_name(params)}'" + (f" version {version}" if version else "")
