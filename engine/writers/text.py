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

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from brewdesk.engine.errors import DestinationError

from .convert import PartPlan, iso_datetimes, python_values, to_arrow
from .staging import fsync_file

EXTENSIONS = {"csv": ".csv", "jsonl": ".jsonl"}
COMPRESSED = {None: "", "gzip": ".gz", "bz2": ".bz2"}


def part_name(plan: PartPlan, index: int) -> str:
    """File name of part ``index`` (e.g. ``part-00003.csv.gz``)."""
    return f"part-{index:05d}{EXTENSIONS[plan.format]}{COMPRESSED[plan.compression]}"


def open_binary_writer(path: str | os.PathLike[str], compression: str | None) -> IO[bytes]:
    """A new binary file, wrapped in a compressor.

    gzip members carry no file name or time, so the same data gives the same bytes.
    """
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


def open_reader(path: str | os.PathLike[str], compression: str | None) -> IO[bytes]:
    """Open a written text part or file for reading back (``gzip``, ``bz2`` or plain bytes).

    Raises
    ------
    OSError
        When the file cannot be opened.
    """
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


def _iso(col: pa.ChunkedArray | pa.Array, s: pd.Series) -> pa.Array:
    """ISO 8601 text of a ``timestamp[us]`` column (see :func:`convert.iso_datetimes`)."""
    text = pc.cast(col, pa.string())  # 'YYYY-MM-DD HH:MM:SS.ffffff'
    if pc.any(pc.not_equal(pc.utf8_length(text), 26)).as_py():  # years outside 1000-9999
        return pa.array(iso_datetimes(s), pa.string())
    return pc.utf8_replace_slice(text, start=10, stop=11, replacement="T")


def _float_text(col: pa.ChunkedArray | pa.Array, *, nan_as_null: bool) -> pa.ChunkedArray | pa.Array:
    """Shortest round-trip text of doubles; integral values keep a ``.0`` (like ``repr``).

    NaN is missing; infinities are ``inf``/``-inf`` (CSV) or missing (``nan_as_null``, JSON).
    """
    text = pc.cast(col, pa.string())
    keep = pc.is_finite(col) if nan_as_null else pc.invert(pc.is_nan(col))
    text = pc.if_else(keep, text, pa.scalar(None, pa.string()))
    # Arrow prints 7.0 as "7" (and 1e20 as "1e+20", 0.5 as "0.5"): add ".0" to bare integers
    bare = pc.invert(pc.or_(pc.match_substring(text, "."), pc.or_(pc.match_substring(text, "e"), pc.match_substring(text, "n"))))
    return pc.binary_join_element_wise(text, pc.if_else(bare, ".0", ""), "")


def _objects_json(s: pd.Series) -> pa.Array:
    """Nested values (lists, dicts) as compact JSON text; ``None`` stays missing."""
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=str).encode
    try:
        return pa.array([None if v is None else encode(v) for v in python_values(s, "object")], pa.string())
    except ValueError as exc:  # NaN or infinity nested in a value
        raise DestinationError(f"column {s.name!r} holds a value that cannot be written as JSON: {exc}") from None


def _typed(df: pd.DataFrame, columns: tuple[str, ...], logical: tuple[str, ...], index: int) -> dict[str, object]:
    """Arrow columns (planned types) of a conformed partition; nested (object) columns left out."""
    keep = [(c, lt) for c, lt in zip(columns, logical, strict=True) if lt != "object"]
    if not keep:
        return {}
    sub = df.loc[:, [c for c, _ in keep]] if len(keep) != len(columns) else df
    table = to_arrow(sub, tuple(c for c, _ in keep), tuple(lt for _, lt in keep), index)
    return {c: table.column(i) for i, (c, _) in enumerate(keep)}


_ARROW_BATCH = 65_536
_JSON_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_CONTROL = r"[\x00-\x1f]"
_CSV_SPECIAL = r'[",\r\n]'


def json_strings(col: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """JSON string literals (quoted, escaped exactly like ``json.dumps(ensure_ascii=False)``)."""
    text = col.cast(pa.string())
    for raw, esc in _JSON_ESCAPES.items():
        text = pc.replace_substring(text, raw, esc)
    if pc.any(pc.match_substring_regex(text, _CONTROL)).as_py():
        for code in range(32):
            ch = chr(code)
            if ch not in _JSON_ESCAPES:
                text = pc.replace_substring(text, ch, f"\\u{code:04x}")
    return pc.binary_join_element_wise('"', text, '"', "")


def csv_strings(col: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """CSV fields of strings: quoted only when needed (``"``, ``,``, CR, LF) or empty (``""``)."""
    text = col.cast(pa.string())
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(text, '"', '""'), '"', "")
    needs = pc.or_(pc.match_substring_regex(text, _CSV_SPECIAL), pc.equal(pc.utf8_length(text), 0))
    return pc.if_else(needs, quoted, text)


def _fragments(df: pd.DataFrame, columns: tuple[str, ...], logical: tuple[str, ...], index: int, *, csv_: bool) -> list:
    """One Arrow string array per column: each value's CSV field or JSON literal."""
    typed = _typed(df, columns, logical, index)
    missing = "" if csv_ else "null"
    out = []
    for name, lt in zip(columns, logical, strict=True):
        col = typed.get(name)
        if lt == "int64":
            frag = pc.cast(col, pa.string())
        elif lt == "float64":
            frag = _float_text(col, nan_as_null=not csv_)
        elif lt == "boolean":
            frag = pc.if_else(col, "true", "false")
        elif lt == "datetime":
            frag = _iso(col, df[name])
            if not csv_:
                frag = pc.binary_join_element_wise('"', frag, '"', "")
        elif lt in ("string", "category"):
            frag = csv_strings(col) if csv_ else json_strings(col)
        else:  # nested values: JSON text (a quoted field in CSV)
            frag = _objects_json(df[name])
            if csv_:
                frag = csv_strings(frag)
        if csv_ and len(columns) == 1:  # a lone missing value must not become a blank line
            missing = '""'
        out.append(pc.fill_null(frag, missing))
    return out


def _write_lines(fh: IO[bytes], fields: list, n: int, *, sep: str, start: str, end: str) -> None:
    """Join per-column fields into lines ``start + f1 sep f2 ... + end`` and write them."""
    big = pa.large_string()  # 64-bit offsets: no 2 GiB limit per batch
    fields = [f.cast(big) for f in fields]
    body = pc.binary_join_element_wise(*fields, pa.scalar(sep, big)) if fields else pa.array([""] * n, big)
    lines = pc.binary_join_element_wise(pa.scalar(start, big), body, pa.scalar(end, big), pa.scalar("", big))
    if isinstance(lines, pa.ChunkedArray):
        lines = lines.combine_chunks()
    if not len(lines):
        return
    # the values buffer of a string array holds exactly the bytes of its values, in order
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)[lines.offset:lines.offset + len(lines) + 1]
    fh.write(memoryview(lines.buffers()[2])[offsets[0]:offsets[-1]])


def _write_text(df: pd.DataFrame, path: str, plan: PartPlan, logical: tuple[str, ...], index: int, *, csv_: bool) -> int:
    columns = tuple(str(c) for c in df.columns)
    with open_binary_writer(path, plan.compression) as fh:
        if csv_ and plan.header:
            fh.write(csv_header(columns).encode("utf-8"))
        keys = [json.dumps(c, ensure_ascii=False) + ":" for c in columns]
        for lo in range(0, len(df), _ARROW_BATCH):
            chunk = df.iloc[lo:lo + _ARROW_BATCH]
            fields = _fragments(chunk, columns, logical, index, csv_=csv_)
            if csv_:
                _write_lines(fh, fields, len(chunk), sep=",", start="", end="\n")
            else:
                fields = [pc.binary_join_element_wise(k, v, "") for k, v in zip(keys, fields, strict=True)]
                _write_lines(fh, fields, len(chunk), sep=",", start="{", end="}\n")
    if plan.sync:
        fsync_file(path)
    return os.path.getsize(path)


def write_csv(df: pd.DataFrame, path: str, plan: PartPlan, logical: tuple[str, ...], index: int = 0) -> int:
    """Write a conformed partition as one CSV part file; return its size in bytes.

    Fields are built column-wise with Arrow string kernels (no Python loop per row, the GIL
    released): integers and ``true``/``false`` as is, doubles in shortest round-trip form
    with ``.0`` kept on integral values (NaN missing), datetimes ISO 8601, strings quoted
    only when they hold ``"``, ``,``, CR or LF, or are empty (``""``: an empty string, while
    an empty field is a missing value).
    """
    return _write_text(df, path, plan, logical, index, csv_=True)


def write_jsonl(df: pd.DataFrame, path: str, plan: PartPlan, logical: tuple[str, ...], index: int = 0) -> int:
    """Write a conformed partition as one JSON Lines part file; return its size in bytes.

    Strings are escaped exactly as ``json.dumps(ensure_ascii=False)`` does; numbers as in
    :func:`write_csv` with NaN and infinities ``null``.
    """
    return _write_text(df, path, plan, logical, index, csv_=False)


def count_csv_rows(path: str, compression: str | None, ncols: int, *, header: bool) -> int:
    """Read a CSV file back and count its data rows; check every row has ``ncols`` fields.

    Counted with Arrow's parser (multi-threaded, GIL released); if Arrow objects (a
    malformed row, a huge field), the :mod:`csv` module reads it again for the verdict.

    Raises
    ------
    DestinationError
        A row with another number of fields, or an unreadable file.
    """
    if ncols:
        try:
            names = [f"c{i}" for i in range(ncols)]
            with pa.input_stream(path, compression=compression) as stream:
                reader = pacsv.open_csv(
                    stream,
                    read_options=pacsv.ReadOptions(column_names=names, skip_rows=1 if header else 0, block_size=1 << 24),
                    parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
                    convert_options=pacsv.ConvertOptions(include_columns=["c0"], column_types={"c0": pa.string()}),
                )
                return sum(batch.num_rows for batch in reader)
        except (pa.ArrowException, OSError):
            pass
    return _count_csv_rows_python(path, compression, ncols, header=header)


def _count_csv_rows_python(path: str, compression: str | None, ncols: int, *, header: bool) -> int:
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


def concatenate(plan: PartPlan, parts: list[Path], out: Path, columns: tuple[str, ...]) -> tuple[int, int]:
    """Concatenate part files in order into ``out`` (CSV: a header first).

    Returns
    -------
    (size, header_size)
        Bytes of ``out`` and of its header (a gzip/bz2 member of its own when compressed).
    """
    header = b""
    if plan.format == "csv":
        header = csv_header(columns).encode("utf-8")
        if plan.compression == "gzip":
            header = gzip.compress(header, compresslevel=6, mtime=0)
        elif plan.compression == "bz2":
            header = bz2.compress(header, 9)
    with open(out, "xb") as dst:
        dst.write(header)
        for part in parts:
            with open(part, "rb") as src:
                shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())
    return os.path.getsize(out), len(header)


__all__ = [
    "EXTENSIONS",
    "concatenate",
    "count_rows",
    "csv_header",
    "part_name",
    "write_csv",
    "write_jsonl",
]
