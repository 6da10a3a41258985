"""Brewdesk's local key store for the PII steps (not an operation).

DataBrew's CRYPTOGRAPHIC_HASH, DETERMINISTIC_ENCRYPT/DECRYPT read a secret from AWS Secrets
Manager (``secretId``, ``secretVersion``) and ENCRYPT/DECRYPT use an AWS KMS key
(``kmsKeyArn``). Brewdesk keeps these parameters in the recipe as the **name** of a key only and
reads the key material at run time, on the machine (or Dask worker) that runs the step, from:

1. the environment variable ``BREWDESK_KEY_<ID>``, the key in base64; else
2. the file ``<ID>.key`` (the key in base64, one line) in the key folder: ``$BREWDESK_KEYS`` when
   set, else ``$BREWDESK_HOME/keys``, else ``keys`` in Brewdesk's user data folder (the folder of
   :func:`brewdesk.engine.locations.data_home`).

``<ID>`` is the key name in upper case with every run of characters other than ``A-Z`` and
``0-9`` replaced by ``_``; for an AWS ARN only its last part counts
(``arn:aws:secretsmanager:us-east-1:012345678901:secret:mysecret`` -> ``MYSECRET``,
``arn:aws:kms:us-east-1:012345678901:key/1234abcd-12ab`` -> ``1234ABCD_12AB``,
``databrew!default`` -> ``DATABREW_DEFAULT``). A ``secretVersion`` adds ``_<VERSION>``.

Create a key with ``python -m brewdesk.recipes.ops._pii_keys new NAME`` (32 random bytes written
to the key file with owner-only permissions; the command prints where, never the key).

Key material never enters a recipe, a run report, the Dask graph, a log or an error message:
steps hold names, ``apply()`` reads the key when it runs, errors name the variable and the file.
The lookup is the kernel :func:`~brewdesk.recipes.kernels.crypto._bp_key`; the exported script
contains it, not the key. The lookup is plain Python
(``os.environ`` and a file read), so ``recipes/`` stays free of ``engine/`` imports.
"""

from __future__ import annotations

import argparse
import base64
import os
import secrets
import sys
from pathlib import Path

from brewdesk.recipes.kernels.crypto import _bp_key_location


def new_key(name: str, *, version: str | None = None, size: int = 32, force: bool = False) -> Path:
    """Write a new random key for ``name`` to its key file (owner read/write only).

    Returns the file's path. Refuses to replace an existing key file unless ``force``: data
    encrypted with the old key could not be decrypted any more.
    """
    _, path = _bp_key_location(name, version)
    if path is None:
        raise RuntimeError(
            "no key folder: set BREWDESK_KEYS or BREWDESK_HOME (platformdirs is not installed)"
        )
    target = Path(path)
    if target.exists() and not force:
        raise FileExistsError(
            f"{target} exists; pass --force to replace it (its data would be lost)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(base64.b64encode(secrets.token_bytes(size)).decode("ascii") + "\n")
    return target


def main(argv: list[str] | None = None) -> int:
    """``python -m brewdesk.recipes.ops._pii_keys new NAME`` / ``where NAME``."""
    parser = argparse.ArgumentParser(
        prog="python -m brewdesk.recipes.ops._pii_keys", description=__doc__.split("\n")[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for cmd in ("new", "where"):
        p = sub.add_parser(
            cmd,
            help="create a random 256-bit key" if cmd == "new" else "show where a key is looked up",
        )
        p.add_argument("name", help="the key name (a step's secretId or kmsKeyArn)")
        p.add_argument("--version", default=None, help="the step's secretVersion, if any")
        if cmd == "new":
            p.add_argument("--force", action="store_true", help="replace an existing key file")
    args = parser.parse_args(argv)
    env, path = _bp_key_location(args.name, args.version)
    if args.command == "where":
        print(f"environment variable {env}, else key file {path}")
        return 0
    try:
        target = new_key(args.name, version=args.version, force=args.force)
    except (FileExistsError, RuntimeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"wrote a new 256-bit key to {target} (the environment variable {env} overrides it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
