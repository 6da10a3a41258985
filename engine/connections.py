"""Named database connections: ``db:NAME``, with the password kept out of every file Brewdesk writes.

A connection is a SQLAlchemy URL *without* its password, under a name:

- in ``connections.toml`` in Brewdesk's data folder (``$BREWDESK_HOME``), one table per name::

      [warehouse]
      url = "postgresql+psycopg://etl@db.internal:5432/sales"

- or in the environment: ``BREWDESK_CONNECTION_WAREHOUSE=postgresql+psycopg://etl@db/sales``.

The password is looked up when the connection is used, never stored with it: first
``BREWDESK_PASSWORD_<NAME>`` in the environment, then the OS keyring (service ``brewdesk``,
user name ``NAME``, through the ``keyring`` package: ``keyring set brewdesk warehouse``). A URL
in ``connections.toml`` that holds a password is refused. ``<NAME>`` in a variable's name is
the connection name in upper case with every other character than letters and digits as ``_``.

``db:warehouse?table=orders`` then reads or writes table ``orders`` (``?query=`` reads a
query); recipes never hold locations, and run reports, logs and the job history show the URL
with the password masked (``***``).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from brewdesk.engine.errors import SourceError
from brewdesk.engine.home import data_home
from brewdesk.recipes.model.errors import did_you_mean

PREFIX = "db:"
KEYRING_SERVICE = "brewdesk"
_NAME_RE = re.compile(r"^[A-Za-z_][\w.-]*$")


@dataclass(frozen=True)
class Connection:
    """A named connection as configured (no password).

    Attributes
    ----------
    name
        The name used in ``db:NAME``.
    url
        SQLAlchemy URL text without a password.
    origin
        Where it was found: the ``connections.toml`` path or the environment variable.
    """

    name: str
    url: str
    origin: str


def env_key(name: str) -> str:
    """``name`` as it appears in environment variable names (``sales-db`` -> ``SALES_DB``)."""
    return re.sub(r"[^A-Za-z0-9]", "_", name).upper()


def config_file() -> Path:
    """``connections.toml`` in Brewdesk's data folder."""
    return data_home() / "connections.toml"


def _from_file() -> dict[str, Connection]:
    path = config_file()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SourceError(f"{path}: cannot read the connections file: {exc}") from None
    found = {}
    for name, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise SourceError(f"{path}: connection [{name}] needs a url = \"...\" line")
        found[name] = Connection(name, entry["url"], str(path))
    return found


def configured() -> dict[str, Connection]:
    """Every named connection: the file's, then the environment's (which win on a clash)."""
    found = _from_file()
    for key, value in os.environ.items():
        if key.startswith("BREWDESK_CONNECTION_") and value:
            wanted = key.removeprefix("BREWDESK_CONNECTION_")
            name = next((n for n in found if env_key(n) == wanted), wanted.lower())
            found[name] = Connection(name, value, key)
    return found


def password_for(name: str) -> tuple[str | None, str]:
    """The password of connection ``name`` and where it came from (``None`` when there is none)."""
    var = f"BREWDESK_PASSWORD_{env_key(name)}"
    if os.environ.get(var):
        return os.environ[var], var
    try:
        # optional heavy dependency: keyring loads its OS backends on import, only when needed
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None, "none"
    try:
        secret = keyring.get_password(KEYRING_SERVICE, name)
    except (KeyringError, RuntimeError):
        secret = None
    return (secret, f"the OS keyring ({KEYRING_SERVICE}/{name})") if secret else (None, "none")


def _url_of(conn: Connection) -> Any:
    # heavy dependency: SQLAlchemy is imported only when a database connection is used
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(conn.url)
    except (ArgumentError, ValueError):
        raise SourceError(
            f"connection {conn.name!r} ({conn.origin}): {conn.url!r} is not a database URL",
            hint="e.g. postgresql+psycopg://user@host:5432/database",
        ) from None
    if url.password is not None:
        raise SourceError(
            f"connection {conn.name!r} ({conn.origin}) holds a password in its URL",
            hint=f"remove it; set BREWDESK_PASSWORD_{env_key(conn.name)} or run `keyring set {KEYRING_SERVICE} {conn.name}`",
        )
    return url


def resolve(location: str) -> str:
    """Turn ``db:NAME[?table=T|?query=Q]`` into the full SQLAlchemy URL (password included).

    The returned text holds the password: pass it on to the readers and writers, which mask
    it wherever they show a location; never write it anywhere.

    Raises
    ------
    SourceError
        For an unknown name (with the configured names), a bad URL, or a password in the
        connections file.
    """
    rest = location.removeprefix(PREFIX)
    name, _, query = rest.partition("?")
    if not name or not _NAME_RE.match(name):
        raise SourceError(f"{location!r}: say which connection, e.g. db:warehouse?table=orders")
    known = configured()
    if name not in known:
        names = sorted(known)
        raise SourceError(
            f"no database connection named {name!r}{did_you_mean(name, names)}",
            hint=(
                f"add [{name}] url = \"...\" to {config_file()} or set BREWDESK_CONNECTION_{env_key(name)}"
                + (f"; configured: {', '.join(names)}" if names else "")
            ),
        )
    url = _url_of(known[name])
    password, _ = password_for(name)
    if password is not None:
        url = url.set(password=password)
    if query:
        url = url.update_query_pairs(parse_qsl(query, keep_blank_values=True))
    return url.render_as_string(hide_password=False)


def without_password(location: str) -> str:
    """``location`` with the password of a database URL removed (other text unchanged)."""
    if "://" not in location or "@" not in location:
        return location
    # heavy dependency: SQLAlchemy is imported only for a URL with user information
    from sqlalchemy.engine import make_url

    try:
        url = make_url(location)
    except Exception:  # noqa: BLE001 - not a SQLAlchemy URL: drop the user info's password crudely
        scheme, rest = location.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    if url.password is None:
        return location
    return url._replace(password=None).render_as_string(hide_password=False)
