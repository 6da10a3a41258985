"""Pre-flight checks of a destination, run before any work (``docs/architecture.md``, writers).

:func:`check_destination` dispatches on the resolved :class:`~.base.Target`: a table is checked
by :func:`.sql.check_table`, a file or folder by :func:`check_file_target` (which the file
writers also call just before they write).
"""

from __future__ import annotations

import os

from brewdesk.engine.errors import DestinationError

from .base import DestSpec, Target, check_parent, resolve
from .sql import check_table
from .staging import looks_like_output, recover

__all__ = ["check_destination", "check_file_target"]


def check_destination(dest: DestSpec) -> None:
    """Cheap pre-flight check, run before any work.

    Raises
    ------
    DestinationError
        The format or an option is invalid; the destination exists and ``overwrite`` is
        False (SQL: the table exists and ``if_exists="fail"``); the parent folder does not
        exist or is not writable; the destination is a folder that does not look like an
        earlier output (never replaced, even with ``overwrite``); the database cannot be
        reached. The message names the path and the hint suggests ``--overwrite``.

    Notes
    -----
    For files it first tidies up after writers to the same destination that died (see
    :func:`.staging.recover`): their hidden staging is deleted, and a folder left renamed
    aside by an interrupted swap is renamed back, so the check sees the destination as the
    user last saw it. Nothing else is modified (a hidden probe file is created and deleted
    to test that the folder is writable).
    """
    target = resolve(dest)
    if target.kind == "sql":
        check_table(target)
        return
    check_file_target(target)


def check_file_target(target: Target) -> None:
    """Pre-flight for a file or folder :class:`Target` (see :func:`check_destination`)."""
    path = target.path
    assert path is not None
    check_parent(path)
    try:
        recover(path)
    except OSError as exc:
        raise DestinationError(f"cannot clean up after an earlier run next to {path}: {exc.strerror or exc}") from None
    if not os.path.lexists(path):
        return
    if not target.overwrite:
        what = "folder" if path.is_dir() else "file"
        raise DestinationError(f"{what} {path} already exists", hint="use --overwrite to replace it")
    if path.is_dir() and not path.is_symlink() and not looks_like_output(path, target.format):
        raise DestinationError(
            f"refusing to replace the folder {path}: it does not look like an earlier output "
            "(no _SUCCESS manifest, and it holds other files)",
            hint="choose a new folder or delete it yourself",
        )
