"""Hints for database connection failures, shared by the SQL reader and writer.

A driver's first line ("Connection refused", "password authentication failed", ...) says what
went wrong; the hint says what to check. Hints never include the URL's password.
"""

from __future__ import annotations

from typing import Any

_HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("connection refused",), "is the database server running, and listening on {where}? check the host and port"),
    (("could not translate host name", "failed to resolve host", "name or service not known", "nodename nor servname"),
     "the host name {host!r} cannot be resolved: check its spelling, or use an IP address"),
    (("timeout", "timed out"), "{where} did not answer: check the host, the port and any firewall"),
    (("password authentication failed", "no password supplied", "access denied", "authentication failed"),
     "check the user name and the password (a named connection db:NAME reads it from BREWDESK_PASSWORD_<NAME> or the OS keyring)"),
    (("database", "does not exist"), "the database named in the URL does not exist on the server: create it or fix the name"),
    (("unable to open database file",), "the SQLite file's folder does not exist or cannot be written"),
)


def connection_hint(reason: str, url: Any) -> str | None:
    """A suggestion for a connection error whose first line is ``reason`` (``None`` if none fits).

    Parameters
    ----------
    reason
        The driver's message (first line, password already removed).
    url
        The ``sqlalchemy.engine.URL`` that was used (for the host and port in the hint).
    """
    text = reason.lower()
    host = getattr(url, "host", None) or "localhost"
    port = getattr(url, "port", None)
    where = f"{host} port {port}" if port else f"{host} (default port)"
    for needles, hint in _HINTS:
        if needles == ("database", "does not exist"):
            if "database" in text and "does not exist" in text:
                return hint
            continue
        if any(n in text for n in needles):
            return hint.format(host=host, where=where)
    return None
