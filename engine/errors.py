"""Input and output errors: the failures of the engine's readers and writers.

They are :class:`~brewdesk.recipes.model.errors.BrewdeskError` subclasses, so the command line and
the app report them like every other error the user can cause (one message, one hint); their
``exit_code`` is the command line's exit status (``brewdesk`` exits 5 for an unreadable source,
6 for a destination problem). They live beside the engine because only the engine reads and
writes data: the recipe model never opens a file (see ``docs/architecture.md``).
"""

from __future__ import annotations

from brewdesk.recipes.model.errors import BrewdeskError

__all__ = ["DestinationError", "SourceError"]


class SourceError(BrewdeskError):
    """An input cannot be opened or parsed: missing file, ragged CSV, wrong sheet, bad URL."""

    exit_code = 5


class DestinationError(BrewdeskError):
    """An output cannot be written: exists without overwrite, unwritable, verification failed."""

    exit_code = 6
