"""Out-of-core variants of the GLOBAL primitives: spill to local disk instead of holding data.

A local run has a spill folder (the run's checkpoint folder, removed at the end). While it is
set (:func:`spilling`), the primitives keep their working data on disk, so memory stays at
about one partition per thread whatever the size of the dataset:

``DEDUPE`` / ``FLAG_DUPLICATES``
    Each partition's 128-bit row hashes are written, grouped into :data:`BUCKETS` buckets by the
    top bits of the first hash, to one raw binary file per partition (read back by offset, not
    memory-mapped, so the file's pages do not count as the process's memory). Each bucket is then checked
    on its own (a row can only repeat a row of its own bucket): the driver never holds more
    than the row ids of the later copies (8 bytes per dropped row). In memory, the same pass
    would hold 24 bytes per row of the whole dataset plus a hash table over them (about
    1.3 GB at 20,000,000 rows).
``SORT``
    Each input partition's ``n`` key ranges are written as Arrow IPC pieces; range ``j`` is
    read back from every piece and sorted. In memory, the whole dataset would be held between
    the two halves of the exchange.

Without a spill folder (a distributed run whose workers share no folder), the primitives keep
their in-memory forms, and Dask's own worker memory management applies.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow.feather as feather
from brewdesk.engine.checkpoint import write_piece
from brewdesk.recipes.model.types import ROWID, arrow_to_pandas_dtype

BUCKETS = 64
"""Hash buckets of the out-of-core duplicate check (the top 6 bits of the first hash)."""

_SHIFT = np.uint64(64 - 6)
_RECORD = np.dtype([("rowid", "<i8"), ("h1", "<u8"), ("h2", "<u8")])
_FOLDER: ContextVar[Path | None] = ContextVar("brewdesk_spill_folder", default=None)


@contextlib.contextmanager
def spilling(folder: str | os.PathLike[str] | None) -> Iterator[None]:
    """Let the primitives run inside this block spill to ``folder`` (``None``: in memory)."""
    token = _FOLDER.set(Path(folder) if folder is not None else None)
    try:
        yield
    finally:
        _FOLDER.reset(token)


def folder(name: str) -> Path | None:
    """A new, empty subfolder of the spill folder for one primitive pass (``None`` if not spilling)."""
    base = _FOLDER.get()
    if base is None:
        return None
    path = base / f"{name}-{uuid.uuid4().hex[:8]}"
    path.mkdir(parents=True)
    return path


# --------------------------------------------------------------------------- duplicates
def _write_hashes(
    hashes: Callable[[pd.DataFrame, list[str]], tuple[np.ndarray, np.ndarray, np.ndarray]],
    df: pd.DataFrame,
    subset: list[str],
    path: str,
) -> np.ndarray:
    """Write one partition's hashes sorted by bucket (stable: row ids stay increasing); return the bucket sizes."""
    rowid, h1, h2 = hashes(df, subset)
    bucket = (h1 >> _SHIFT).astype(np.intp)
    order = np.argsort(bucket, kind="stable")
    rec = np.empty(len(rowid), dtype=_RECORD)
    rec["rowid"], rec["h1"], rec["h2"] = rowid[order], h1[order], h2[order]
    rec.tofile(path)
    return np.bincount(bucket, minlength=BUCKETS).astype(np.int64)


def _bucket_later_copies(paths: Sequence[str], starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Row ids repeating an earlier row, within one bucket (slices of every partition's file, in order)."""
    pieces = []
    for path, start, size in zip(paths, starts, sizes, strict=True):
        if size:
            pieces.append(np.fromfile(path, dtype=_RECORD, count=int(size), offset=int(start) * _RECORD.itemsize))
    if not pieces:
        return np.zeros(0, dtype=np.int64)
    rec = np.concatenate(pieces)
    cand = np.flatnonzero(pd.Series(rec["h1"]).duplicated(keep=False).to_numpy())
    if not len(cand):
        return np.zeros(0, dtype=np.int64)
    dup = pd.DataFrame({"a": rec["h1"][cand], "b": rec["h2"][cand]}).duplicated(keep="first").to_numpy()
    return np.ascontiguousarray(rec["rowid"][cand[dup]])


def later_copies_on_disk(
    ddf: dd.DataFrame,
    subset: list[str],
    compute: Callable[..., tuple[Any, ...]],
    hashes: Callable[[pd.DataFrame, list[str]], tuple[np.ndarray, np.ndarray, np.ndarray]],
    where: Path,
) -> tuple[np.ndarray, int]:
    """Row ids (sorted) of the rows repeating an earlier row on ``subset``, and the row count.

    Two passes over small data: the hash pass writes ``24 * rows`` bytes under ``where``; the
    bucket pass reads each bucket once. ``hashes`` gives ``(rowid, h1, h2)`` of a partition.
    """
    paths = [str(where / f"hashes-{i:05d}.bin") for i in range(ddf.npartitions)]
    sizes = np.array(
        compute(*[dask.delayed(_write_hashes)(hashes, d, subset, p) for d, p in zip(ddf.to_delayed(), paths, strict=True)]),
        dtype=np.int64,
    ).reshape(len(paths), BUCKETS)
    starts = np.cumsum(sizes, axis=1) - sizes
    drops = compute(
        *[dask.delayed(_bucket_later_copies)(paths, starts[:, b], sizes[:, b]) for b in range(BUCKETS)]
    )
    later = np.sort(np.concatenate(drops)) if drops else np.zeros(0, dtype=np.int64)
    for p in paths:
        with contextlib.suppress(OSError):
            os.remove(p)
    return later, int(sizes.sum())


# --------------------------------------------------------------------------- sort exchange
def write_ranges(pieces: Sequence[pd.DataFrame], where: Path, source: int) -> list[str]:
    """Write the key ranges of input partition ``source`` as Arrow IPC pieces; return their paths."""
    paths = []
    for j, piece in enumerate(pieces):
        path = str(where / f"range-{j:05d}-from-{source:05d}.arrow")
        tmp = f"{path}.{uuid.uuid4().hex[:6]}.tmp"
        write_piece(piece, tmp)
        os.replace(tmp, path)
        paths.append(path)
    return paths


def read_range(paths: Sequence[str], meta: pd.DataFrame) -> pd.DataFrame:
    """Concatenate one key range from every input partition's pieces (in partition order)."""
    frames = []
    for path in paths:
        df = feather.read_table(path).to_pandas(types_mapper=arrow_to_pandas_dtype)
        if df.index.name != ROWID and ROWID in df.columns:
            df = df.set_index(ROWID)
        if len(df):
            frames.append(df)
    if not frames:
        return meta
    return pd.concat(frames) if len(frames) > 1 else frames[0]
