"""CSV and JSON Lines: part files, row counting (verification) and concatenation.

Both are line-oriented, so a single-file output is the parts concatenated in order (CSV: a
header first). Compressed parts are independent gzip members / bz2 streams, and a
concatenation of members is itself a valid gzip/bz2 file, so nothing is recompressed.

CSV: UTF-8, ``,`` separated, ``"`` quoted when needed, ``\\n`` line ends, a header row, missing
values and empty strings as empty fields (a one-column row that is empty is written ``""``),
datetimes ISO 8601, booleans ``true``/``false``, floats in shortest round-trip form.

JSON Lines: one object per line in column order, ``null`` for missing values (and for NaN and
infinities, which JSON cannot hold), datetimes as ISO 8601 strings, non-ASCII kept as UTF-8.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pandas as pd
from brewdesk.recipes.errors import DestinationError

from .convert import PartPlan, iso_datetimes, python_values, text_frame
from .staging import fsync_file

EXTENSIONS = {"csv": ".csv", "jsonl": ".jsonl"}
COMPRESSED = {None: "", "gzip": ".gz", "bz2": ".bz2"}
_CHUNK_ROWS = 10_000


def part_name(plan: PartPlan, index: int) -> str:
    """File name of part ``index`` (e.g. ``part-00003.csv.gz``)."""
    return f"part-{index:05d}{EXTENSIONS[plan.format]}{COMPRESSED[plan.compression]}"


def open_binary_writer(path: str | os.PathLike[str], compression: str | None) -> IO[bytes]:
    """Binary file, wrapped in a compressor; gzip members carry no name or time (reproducible)."""
    raw = open(path, "xb")
    if compression == "gzip":
        return gzip.GzipFile(filename="", fileobj=_Closing(raw), mode="wb", compresslevel=6, mtime=0)
    if compression == "bz2":
        return bz2.BZ2File(_Closing(raw), mode="wb", compresslevel=9)
    return raw


class _Closing(io.RawIOBase):
    """File proxy whose close() also closes the underlying file (GzipFile leaves it open)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[override]
        return self._raw.write(b)

    def flush(self) -> None:
        self._raw.flush()

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


def _open_text(path: str | os.PathLike[str], compression: str | None) -> io.TextIOWrapper:
    return io.TextIOWrapper(open_binary_writer(path, compression), encoding="utf-8", newline="", write_through=False)


def open_reader(path: str | os.PathLike[str], compression: str | None) -> IO[bytes]:
    if compression == "gzip":
        return gzip.open(path, "rb")
    if compression == "bz2":
        return bz2.open(path, "rb")
    return open(path, "rb")


def csv_header(columns: Iterable[str]) -> str:
    """The CSV header line for ``columns`` (quoted as needed)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(list(columns))
    return buf.getvalue()


def _encode_error(path: str, exc: UnicodeError) -> DestinationError:
    return DestinationError(f"cannot write {path}: text that is not valid Unicode ({exc.reason})")


def write_csv(df: pd.DataFrame, path: str, plan: PartPlan, logical: tuple[str, ...]) -> int:
    """Write ``df`` as one CSV part file; return its size in bytes."""
    frame = text_frame(df, logical)
    try:
        with _open_text(path, plan.compression) as fh:
            frame.to_csv(fh, index=False, header=plan.header, lineterminator="\n", na_rep="", chunksize=_CHUNK_ROWS)
    except UnicodeError as exc:
        raise _encode_error(path, exc) from None
    if plan.sync:
        fsync_file(path)
    return os.path.getsize(path)


def write_jsonl(df: pd.DataFrame, path: str, plan: PartPlan, logical: tuple[str, ...]) -> int:
    """Write ``df`` as one JSON Lines part file; return its size in bytes."""
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=str).encode
    keys = [str(c) for c in df.columns]
    try:
        with _open_text(path, plan.compression) as fh:
            for start in range(0, len(df), _CHUNK_ROWS):
                chunk = df.iloc[start:start + _CHUNK_ROWS]
                cols = [
                    iso_datetimes(chunk.iloc[:, i]) if lt == "datetime" else python_values(chunk.iloc[:, i], lt)
                    for i, lt in enumerate(logical)
                ]
                lines = [encode(dict(zip(keys, row, strict=True))) for row in zip(*cols, strict=True)]
                if not cols:
                    lines = ["{}"] * len(chunk)
                fh.write("\n".join(lines))
                fh.write("\n")
    except UnicodeError as exc:
        raise _encode_error(path, exc) from None
    except (TypeError, ValueError) as exc:
        raise DestinationError(f"cannot write {path} as JSON: {exc}") from None
    if plan.sync:
        fsync_file(path)
    return os.path.getsize(path)


def count_csv_rows(path: str, compression: str | None, ncols: int, *, header: bool) -> int:
    """Read a CSV file back and count its data rows; check every row has ``ncols`` fields.

    Raises
    ------
    DestinationError
        A row with another number of fields, or an unreadable file.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    rows = 0
    try:
        with open_reader(path, compression) as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh, strict=True)
            if header:
                next(reader, None)
            for rec in reader:
                if len(rec) != ncols and not (ncols == 0 and rec == []):
                    raise DestinationError(
                        f"verification failed for {path}: line {reader.line_num} has {len(rec)} fields, expected {ncols}"
                    )
                rows += 1
    except (OSError, csv.Error, UnicodeError, EOFError) as exc:
        raise DestinationError(f"verification failed: cannot read back {path} ({exc})") from None
    return rows


def count_jsonl_rows(path: str, compression: str | None, columns: tuple[str, ...]) -> int:
    """Count the lines of a JSON Lines file; check the first line parses with ``columns``."""
    rows = 0
    head = b""
    first: bytes | None = None
    try:
        with open_reader(path, compression) as fh:
            while block := fh.read(1 << 20):
                rows += block.count(b"\n")
                if first is None:
                    head += block
                    if b"\n" in head:
                        first = head.split(b"\n", 1)[0]
    except (OSError, EOFError) as exc:
        raise DestinationError(f"verification failed: cannot read back {path} ({exc})") from None
    if first is not None:
        try:
            obj = json.loads(first)
        except ValueError as exc:
            raise DestinationError(f"verification failed: {path} is not valid JSON Lines ({exc})") from None
        if not isinstance(obj, dict) or list(obj) != list(columns):
            raise DestinationError(f"verification failed: the first line of {path} does not hold the columns {list(columns)}")
    return rows


def count_rows(plan: PartPlan, path: str, columns: tuple[str, ...], *, header: bool) -> int:
    """Count the data rows of a CSV or JSON Lines file written by this module."""
    if plan.format == "csv":
        return count_csv_rows(path, plan.compression, len(columns), header=header)
    return count_jsonl_rows(path, plan.compression, columns)


def concatenate(plan: PartPlan, parts: list[Path], out: Path, columns: tuple[str, ...]) -> int:
    """Concatenate part files in order into ``out`` (CSV: header first); return its size."""
    with open(out, "xb") as dst:
        if plan.format == "csv":
            with open_binary_writer(str(out) + ".header", plan.compression) as h:
                h.write(csv_header(columns).encode("utf-8"))
            with open(str(out) + ".header", "rb") as src:
                shutil.copyfileobj(src, dst, 1 << 20)
            os.unlink(str(out) + ".header")
        for part in parts:
            with open(part, "rb") as src:
                shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())
    return os.path.getsize(out)


__all__ = [
    "EXTENSIONS",
    "concatenate",
    "count_rows",
    "csv_header",
    "part_name",
    "write_csv",
    "write_jsonl",
]
