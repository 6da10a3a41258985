"""Byte-level helpers for text sources: encodings, decompression, row boundaries, sniffing.

Row boundaries follow RFC 4180 quoting: a quote character opens a quoted field at the start
of a field, a doubled quote inside a quoted field is a literal quote, and a line break inside
quotes belongs to the field. Under that rule the quote state at any byte is the parity of the
number of quote characters before it, which lets a file be cut into blocks without parsing it
(see :mod:`brewdesk.engine.readers.csv`). :func:`irregular_quote` detects files that break the
rule (a quote in the middle of an unquoted field) so they are read sequentially instead.
"""

from __future__ import annotations

import bz2
import codecs
import csv
import gzip
import io
import lzma
import os
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

import numpy as np
from brewdesk.engine.errors import SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHUNK = 4 * 2**20
NL, CR = 10, 13


def detect_encoding(head: bytes, declared: str | None, *, name: str) -> tuple[str, int]:
    """Return ``(Python codec name, BOM length in bytes)`` for a text source.

    Parameters
    ----------
    head
        The first bytes of the (decompressed) content.
    declared
        :attr:`SourceSpec.encoding`; ``None`` detects a BOM and otherwise assumes UTF-8
        (UTF-16 without BOM is recognised by its zero bytes).
    name
        File name for the error message.

    Raises
    ------
    SourceError
        For an unknown encoding name.
    """
    bom_codec = next(((c, len(b)) for b, c in _BOMS if head.startswith(b)), None)
    if declared is None:
        if bom_codec:
            return bom_codec
        sample = head[:4096]
        if len(sample) >= 8:
            even, odd = sample[0::2], sample[1::2]
            if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
                return "utf-16-le", 0
            if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
                return "utf-16-be", 0
        return "utf-8", 0
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        raise SourceError(
            f"{name}: unknown encoding {declared!r}", hint="use a Python codec name such as utf-8, latin-1, cp1252, utf-16"
        ) from None
    if codec in ("utf-8-sig", "utf-8"):
        return "utf-8", 3 if head.startswith(codecs.BOM_UTF8) else 0
    if codec in ("utf-16", "utf-32"):
        if bom_codec and bom_codec[0].startswith(codec):
            return bom_codec
        return f"{codec}-le", 0
    if bom_codec and bom_codec[0] == codec:
        return bom_codec
    return codec, 0


def ascii_compatible(codec: str) -> bool:
    """True when newline, quote and delimiter bytes are plain ASCII bytes in ``codec``."""
    if codec.startswith(("utf-16", "utf-32")):
        return False
    try:
        return "\n\r\",;|\t'".encode(codec) == b"\n\r\",;|\t'"
    except (UnicodeError, LookupError):
        return False


def open_binary(path: str, compression: str | None) -> BinaryIO:
    """Open a file for reading, decompressing gzip/bz2/xz/zip (first member) on the fly.

    Raises
    ------
    SourceError
        For a missing file, a directory, an unreadable file or a bad archive.
    """
    name = os.path.basename(path)
    if not os.path.exists(path):
        raise SourceError(f"{path}: file not found", hint="check the path and the current folder")
    if os.path.isdir(path):
        raise SourceError(f"{path} is a folder, not a file", hint="only Parquet sources can be folders")
    try:
        if compression is None:
            return open(path, "rb")
        if compression == "gzip":
            return gzip.open(path, "rb")  # type: ignore[return-value]
        if compression == "bz2":
            return bz2.open(path, "rb")  # type: ignore[return-value]
        if compression == "xz":
            return lzma.open(path, "rb")  # type: ignore[return-value]
        if compression == "zip":
            zf = zipfile.ZipFile(path)
            members = [
                m for m in zf.infolist() if not m.is_dir() and not m.filename.startswith("__MACOSX/")
            ]
            if not members:
                raise SourceError(f"{name}: the zip archive holds no file")
            return zf.open(members[0])  # type: ignore[return-value]
    except SourceError:
        raise
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise SourceError(f"{name}: cannot open the file: {exc}") from exc
    raise SourceError(f"{name}: unsupported compression {compression!r}")


def read_exact(f: BinaryIO, n: int) -> bytes:
    """Read up to ``n`` bytes (fewer only at end of stream), surfacing decompression errors."""
    parts: list[bytes] = []
    got = 0
    while got < n:
        chunk = f.read(n - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


class Utf8Stream(io.RawIOBase):
    """Readable binary stream giving UTF-8 bytes of a source in another encoding.

    Skips ``bom`` raw bytes first. Decoding errors raise :class:`SourceError` naming the raw
    byte offset and (physical) line.
    """

    def __init__(self, raw: BinaryIO, codec: str, *, bom: int, name: str) -> None:
        super().__init__()
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder(codec)("strict")
        self._codec = codec
        self._name = name
        self._buf = b""
        self._eof = False
        self._raw_pos = bom
        self._lines = 1
        if bom:
            read_exact(raw, bom)

    def readable(self) -> bool:
        return True

    def readinto(self, b: memoryview) -> int:  # type: ignore[override]
        while not self._buf and not self._eof:
            chunk = self._raw.read(2**20)
            final = not chunk
            try:
                text = self._decoder.decode(chunk, final=final)
            except UnicodeDecodeError as exc:
                raise SourceError(
                    f"{self._name}: byte {self._raw_pos + exc.start} (line {self._lines}) is not valid "
                    f"{self._codec}",
                    hint="pass the right encoding=",
                ) from None
            self._raw_pos += len(chunk)
            self._lines += text.count("\n")
            self._buf = text.encode("utf-8")
            self._eof = final
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


# ---------------------------------------------------------------------------------------------
# row boundaries


def scan_row_end(buf: bytes, pos: int, quote: bytes, *, inside: bool = False, cr: bool = False) -> int | None:
    """Index just after the first line break at or after ``pos`` that is outside quotes.

    Parameters
    ----------
    buf
        Bytes of the content.
    pos
        Where to start; ``inside`` says whether ``pos`` is inside a quoted field.
    quote
        The quote character as one byte.
    cr
        Also treat a lone carriage return as a line break (``\\r\\n`` counts once).

    Returns
    -------
    int or None
        ``None`` when ``buf`` ends before such a line break.
    """
    i, n = pos, len(buf)
    while i <= n:
        if inside:
            j = buf.find(quote, i)
            if j < 0:
                return None
            inside, i = False, j + 1
            continue
        nl = buf.find(b"\n", i)
        if cr:
            r = buf.find(b"\r", i, nl if nl >= 0 else n)
            if r >= 0:
                nl = r
        j = buf.find(quote, i, nl if nl >= 0 else n)
        if j >= 0:
            inside, i = True, j + 1
            continue
        if nl < 0:
            return None
        if buf[nl] == CR:
            if nl + 1 >= n:
                return None
            return nl + 2 if buf[nl + 1] == NL else nl + 1
        return nl + 1
    return None


def _positions(a: np.ndarray, byte: int) -> np.ndarray:
    """Indices of ``byte`` in a uint8 array, computed in cache-sized chunks."""
    if len(a) <= _CHUNK:
        return np.flatnonzero(a == byte)
    parts = [np.flatnonzero(a[s : s + _CHUNK] == byte) + s for s in range(0, len(a), _CHUNK)]
    return np.concatenate(parts)


def line_ends(buf: bytes, quote: int | None) -> np.ndarray:
    """Indices just after every ``\\n`` outside quotes (int64, increasing)."""
    a = np.frombuffer(buf, dtype=np.uint8)
    nl = _positions(a, NL)
    if quote is not None and len(nl):
        q = _positions(a, quote)
        if len(q):
            nl = nl[(np.searchsorted(q, nl) & 1) == 0]
    return nl + 1


def row_starts(buf: bytes, quote: int | None) -> np.ndarray:
    """Start index of every non-empty row of ``buf`` (which must begin at a row start).

    Empty lines (``\\n`` or ``\\r\\n`` alone) are skipped, as the Arrow CSV parser skips them.
    """
    n = len(buf)
    if n == 0:
        return np.empty(0, dtype=np.int64)
    starts = np.concatenate([np.zeros(1, dtype=np.int64), line_ends(buf, quote)])
    starts = starts[starts < n]
    a = np.frombuffer(buf, dtype=np.uint8)
    first = a[starts]
    nxt = a[np.minimum(starts + 1, n - 1)]
    empty = (first == NL) | ((first == CR) & (nxt == NL) & (starts + 1 < n))
    return starts[~empty]


def quoted_newline(buf: bytes, quote: int) -> bool:
    """True when some ``\\n`` or ``\\r`` of ``buf`` (starting at a row start) is inside quotes."""
    a = np.frombuffer(buf, dtype=np.uint8)
    q = _positions(a, quote)
    if not len(q):
        return False
    breaks = np.union1d(_positions(a, NL), _positions(a, CR))
    return bool(((np.searchsorted(q, breaks) & 1) == 1).any())


def irregular_quote(buf: bytes, quote: int, delimiter: int) -> int | None:
    """Index of the first quote that breaks RFC 4180 quoting in ``buf``, or ``None``.

    ``buf`` must start at a row start and end at a row end. Under the parity rule the k-th
    quote (0-based) opens a field when k is even (so it follows a delimiter, a line break or
    another quote) and closes one when k is odd (so a delimiter, a line break, another quote
    or the end follows). A quote inside an unquoted field (``5'11"``) breaks the rule.
    """
    a = np.frombuffer(buf, dtype=np.uint8)
    q = _positions(a, quote)
    if not len(q):
        return None
    ok_neighbour = np.zeros(256, dtype=bool)
    ok_neighbour[[delimiter, NL, CR, quote]] = True
    opening, closing = q[0::2], q[1::2]
    prev = a[np.maximum(opening - 1, 0)]
    bad_open = opening[(opening > 0) & ~ok_neighbour[prev]]
    nxt = a[np.minimum(closing + 1, len(a) - 1)]
    bad_close = closing[(closing + 1 < len(a)) & ~ok_neighbour[nxt]]
    bad = np.concatenate([bad_open, bad_close])
    if len(q) % 2:
        bad = np.concatenate([bad, q[-1:]])
    return int(bad.min()) if len(bad) else None


def next_line(fd: int, pos: int, win: int, size: int) -> int | None:
    """Offset just after the first ``\\n`` at or after ``pos`` in file ``fd`` (None at the end)."""
    while pos < size:
        buf = os.pread(fd, win, pos)
        if not buf:
            return None
        j = buf.find(b"\n")
        if j >= 0:
            return pos + j + 1
        pos += len(buf)
    return None


def count_newlines(path: str, start: int, stop: int) -> int:
    """Number of ``\\n`` bytes in ``path[start:stop]`` (streamed)."""
    total = 0
    with open(path, "rb") as f:
        f.seek(start)
        left = stop - start
        while left > 0:
            chunk = f.read(min(_CHUNK * 4, left))
            if not chunk:
                break
            total += chunk.count(b"\n")
            left -= len(chunk)
    return total


def iter_chunks(path: str, start: int, stop: int, size: int = 16 * 2**20) -> Iterator[tuple[int, bytes]]:
    """Yield ``(offset, bytes)`` chunks of ``path[start:stop]``."""
    with open(path, "rb") as f:
        f.seek(start)
        pos = start
        while pos < stop:
            chunk = f.read(min(size, stop - pos))
            if not chunk:
                break
            yield pos, chunk
            pos += len(chunk)


# ---------------------------------------------------------------------------------------------
# sniffing

DELIMITERS = (",", "\t", ";", "|")


def sniff_delimiter(text: str, quotechar: str) -> str:
    """Pick the delimiter among ``, \\t ; |`` that splits the first lines most consistently.

    Each candidate parses up to 200 rows; it scores (share of rows with its most common
    field count, that count). Candidates giving a single field lose; ties go to the order
    above. When none of them splits, a single space is tried last and taken only when it
    splits every row into the same number (2 or more) of fields (space-separated numbers, as
    in statsmodels' ``spector.csv`` or scikit-learn's ``linnerud_*.csv``). ``","`` when
    nothing splits.
    """
    cut = max(text.rfind("\n"), 0) or len(text)
    lines = text[:cut]
    best, best_score = ",", (0.0, 1)
    for cand in DELIMITERS:
        if cand not in lines:
            continue
        try:
            rows = [r for _, r in zip(range(200), csv.reader(io.StringIO(lines), delimiter=cand, quotechar=quotechar), strict=False) if r]
        except csv.Error:
            continue
        if not rows:
            continue
        counts = np.array([len(r) for r in rows])
        values, freq = np.unique(counts, return_counts=True)
        mode = int(values[np.argmax(freq)])
        if mode <= 1:
            continue
        score = (float(freq.max()) / len(counts), mode)
        if score > best_score:
            best, best_score = cand, score
    if best_score == (0.0, 1) and " " in lines:
        try:
            rows = [r for _, r in zip(range(200), csv.reader(io.StringIO(lines), delimiter=" ", quotechar=quotechar), strict=False) if r]
        except csv.Error:
            rows = []
        if len(rows) >= 2 and len(rows[0]) >= 2 and all(len(r) == len(rows[0]) for r in rows):
            return " "
    return best
