"""Staging beside the destination, the atomic swap, the ``_SUCCESS`` manifest, leftovers.

Every file output is first written under a hidden staging folder in the destination's own
folder (same file system, so renames are atomic)::

    out/.flights.csv.brewdesk-staging-<host>-<pid>-<random>/

and only after verification moved into place:

* a file destination: ``os.replace(staged_file, destination)`` (atomic on POSIX and Windows);
* a folder destination (partitioned Parquet, part files): on Linux the two folders are
  exchanged atomically with ``renameat2(RENAME_EXCHANGE)`` and the old content (now under the
  staging name) is deleted. Elsewhere, or on file systems without exchange, the old folder is
  renamed aside to ``.<name>.brewdesk-old-<tag>``, the new one renamed into place, and the
  old one deleted. Between the two renames (microseconds) the destination does not exist; if
  the process dies exactly there, the old content is intact in the ``-old-`` folder: the next
  write to the same destination (or :func:`recover`) renames it back, and
  :func:`~brewdesk.engine.writers.check_destination` reports where it is.

Names start with ``.`` so no reader (pandas, pyarrow, Dask, Spark ignore ``.``/``_`` files)
mistakes a leftover for output. A leftover whose owner process is gone (same host: the pid is
not running; other hosts: older than :data:`FOREIGN_STALE_SECONDS`) is deleted by the next
write to the same destination.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import re
import shutil
import socket
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MANIFEST = "_SUCCESS"
STAGING_MARK = ".brewdesk-staging-"
OLD_MARK = ".brewdesk-old-"
FOREIGN_STALE_SECONDS = 24 * 3600
"""A leftover written by another host (or on Windows) is stale after this many seconds."""

_HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def _stem(name: str) -> str:
    """The destination name as used inside staging names (shortened if very long)."""
    if len(name) <= 150:
        return name
    return name[:120] + "~" + hashlib.sha1(name.encode()).hexdigest()[:10]


def new_tag() -> str:
    """A unique tag ``<host>-<pid>-<random>`` identifying this write."""
    return f"{_HOST}-{os.getpid()}-{uuid.uuid4().hex[:10]}"


def staging_path(dest: Path, tag: str) -> Path:
    """Hidden staging folder beside ``dest``."""
    return dest.parent / f".{_stem(dest.name)}{STAGING_MARK}{tag}"


def aside_path(dest: Path, tag: str) -> Path:
    """Hidden name the old destination is renamed to during a non-atomic folder swap."""
    return dest.parent / f".{_stem(dest.name)}{OLD_MARK}{tag}"


def _owner_gone(entry: Path, tag: str) -> bool:
    """True when the process that owns a staging/old entry cannot still be running."""
    parts = tag.split("-")
    try:
        host, pid = parts[0], int(parts[1])
    except (IndexError, ValueError):
        return True  # not one of ours in a format we understand: treat as abandoned
    if host == _HOST and sys.platform != "win32":
        if pid == os.getpid():
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False
    try:
        age = time.time() - entry.lstat().st_mtime
    except OSError:
        return False
    return age > FOREIGN_STALE_SECONDS


def _leftovers(dest: Path, mark: str) -> list[tuple[Path, str]]:
    prefix = f".{_stem(dest.name)}{mark}"
    out: list[tuple[Path, str]] = []
    try:
        entries = list(os.scandir(dest.parent))
    except OSError:
        return out
    for e in entries:
        if e.name.startswith(prefix):
            tag = e.name[len(prefix):].split(".", 1)[0]
            out.append((Path(e.path), tag))
    return sorted(out)


def remove_tree(path: Path) -> None:
    """Delete a file or folder; never raises for a missing path."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def discard(staging: Path) -> None:
    """Delete a staging folder after a failure.

    It is first renamed to a ``.trash`` name (still a staging name), so tasks of the failed
    computation that are still running cannot recreate files under the original path; what
    they might still write through already-open handles is removed now or by the next run.
    """
    if not os.path.lexists(staging):
        return
    trash = staging.with_name(staging.name + ".trash")
    try:
        os.rename(staging, trash)
    except OSError:
        trash = staging
    for _ in range(20):  # a task still running may add a file while the tree is being removed
        remove_tree(trash)
        if not os.path.lexists(trash):
            return
        time.sleep(0.05)


def recover(dest: Path) -> list[str]:
    """Clean leftovers of dead writers to ``dest``; restore an interrupted folder swap.

    Returns
    -------
    list of str
        One human sentence per action taken (for logs).
    """
    actions: list[str] = []
    for old, tag in _leftovers(dest, OLD_MARK):
        if not _owner_gone(old, tag):
            continue
        if not os.path.lexists(dest):
            os.rename(old, dest)
            actions.append(f"restored {dest} from {old.name} (an earlier run was interrupted while swapping)")
        else:
            remove_tree(old)
            actions.append(f"deleted {old.name} (old content left by an earlier run)")
    for staging, tag in _leftovers(dest, STAGING_MARK):
        if _owner_gone(staging, tag):
            remove_tree(staging)
            actions.append(f"deleted {staging.name} (staging left by an earlier run)")
    return actions


_REASONS = {
    errno.ENOSPC: "No space left on device",
    errno.EDQUOT: "Disk quota exceeded",
    errno.EFBIG: "File too large (over the file system's or this process's file size limit)",
    errno.EROFS: "Read-only file system",
    errno.EACCES: "Permission denied",
    errno.EPERM: "Operation not permitted",
    errno.ENOENT: "No such file or directory (a folder it needs was moved or deleted during the run?)",
    errno.ENOTDIR: "Not a directory (a folder it needs was replaced during the run?)",
    errno.EIO: "Input/output error on the device",
}


def os_reason(exc: OSError) -> str:
    """A short human reason for a failed file operation (``"No space left on device"``).

    The system's wording (as ``strerror`` gives it, also for pyarrow's errors, which carry the
    number only in their text), with a hint where it helps (a size limit, a folder that
    vanished); anything else its ``strerror``.
    """
    code = exc.errno
    if code is None:  # pyarrow: "[Errno 28] Error writing bytes to file. Detail: ..."
        found = re.search(r"\[errno (\d+)\]", str(exc), re.IGNORECASE)
        code = int(found.group(1)) if found else None
    reason = _REASONS.get(code) if code is not None else None
    return reason or exc.strerror or str(exc) or type(exc).__name__


def fsync_file(path: str | os.PathLike[str]) -> None:
    """Flush a written file to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: str | os.PathLike[str]) -> None:
    """Flush a folder's entries (renames) to disk; a no-op where unsupported (Windows)."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_renameat2: Any = None


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux ``renameat2``); False when unsupported."""
    global _renameat2
    if not sys.platform.startswith("linux"):
        return False
    if _renameat2 is None:
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            fn = libc.renameat2
            fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            fn.restype = ctypes.c_int
            _renameat2 = fn
        except (OSError, AttributeError):
            _renameat2 = False
    if not _renameat2:
        return False
    rc = _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_into_place(new: Path, dest: Path, tag: str) -> None:
    """Move the verified ``new`` (file or folder) to ``dest``, replacing what is there.

    A file over a file (or nothing) is one ``os.replace``. Otherwise see the module doc.
    The old content, if any, is deleted afterwards.
    """
    dest_exists = os.path.lexists(dest)
    dest_is_dir = dest_exists and dest.is_dir() and not dest.is_symlink()
    if not dest_exists or (not dest_is_dir and not new.is_dir()):
        os.replace(new, dest)
        fsync_dir(dest.parent)
        return
    if _exchange(new, dest):
        fsync_dir(dest.parent)
        remove_tree(new)  # now holds the old content
        return
    old = aside_path(dest, tag)
    os.rename(dest, old)
    try:
        os.rename(new, dest)
    except BaseException:
        os.rename(old, dest)
        raise
    fsync_dir(dest.parent)
    remove_tree(old)


def write_manifest(folder: Path, info: dict[str, Any]) -> None:
    """Write the ``_SUCCESS`` manifest (JSON) into ``folder``, durably; call it last."""
    body = {"writer": "brewdesk", "manifest_version": 1, **info,
            "written_at": datetime.now(UTC).isoformat(timespec="seconds")}
    path = folder / MANIFEST
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(body, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    fsync_dir(folder)


_OUTPUT_EXT = {
    "parquet": (".parquet", ".pq"),
    "csv": (".csv", ".csv.gz", ".csv.bz2"),
    "jsonl": (".jsonl", ".json", ".ndjson", ".jsonl.gz", ".jsonl.bz2", ".json.gz", ".ndjson.gz"),
}


def looks_like_output(folder: Path, fmt: str, *, limit: int = 10_000) -> bool:
    """True when replacing ``folder`` cannot destroy unrelated files.

    That is: it is empty, holds a ``_SUCCESS`` file (Brewdesk, Spark, DataBrew), or holds
    only data files of the output's format plus hidden (``.``/``_``) files, in ``key=value``
    sub-folders at most. At most ``limit`` entries are looked at (more: False).
    """
    if (folder / MANIFEST).is_file():
        return True
    exts = tuple(e for v in _OUTPUT_EXT.values() for e in v) if fmt not in _OUTPUT_EXT else _OUTPUT_EXT[fmt]
    seen = 0
    for root, dirs, files in os.walk(folder):
        rel = Path(root).relative_to(folder)
        if rel.parts and not all("=" in p or p.startswith((".", "_")) for p in rel.parts):
            return False
        for name in files:
            seen += 1
            if seen > limit:
                return False
            if not (name.startswith((".", "_")) or name.lower().endswith(exts)):
                return False
        seen += len(dirs)
    return True
