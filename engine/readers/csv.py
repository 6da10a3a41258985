"""CSV/TSV reader: sniffing, one-time type inference, parallel byte blocks, fast samples.

Layout
    The first :data:`INFER_BYTES` of the content are read once: encoding (BOM), line breaks,
    delimiter (sniffed), header, and the column types (:func:`~.infer.infer_text_type` on the
    sample parsed as text). Every block and every sample is then parsed by ``pyarrow.csv``
    with those explicit types, so all frames share one set of dtypes.

Blocks (uncompressed files in an ASCII-compatible encoding with regular quoting)
    The data is cut into ``blocksize`` byte ranges. A cut must land on a row start even when
    quoted fields hold line breaks: a pre-pass counts quote characters per block
    (``bytes.count``, ~1 GB/s; a doubled quote keeps the parity right), so the quote state at
    each cut is known, and the cut moves to the next line break outside quotes. The pre-pass
    runs at most once per process and file (memoised), inside the first task that needs it,
    so :func:`open_source` stays instant. ``_rowid`` is the byte offset of the row's first
    byte in the file: strictly increasing, and the same whether the row is read in a block,
    a first/last-rows sample or a random seek.

Streams (gzip/bz2/xz/zip, UTF-16/32, lone ``\\r`` line breaks, irregular quoting)
    One partition, streamed (decompressed and transcoded to UTF-8 on the fly); ``_rowid`` is
    the 0-based row number.

Errors name the file, the line (exact for block-read files: the physical line of the
offending row; approximate, and said so, for streams), the column and the value.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers import textio
from brewdesk.engine.readers.base import KeyedLocks, SourceHandle, arrow_to_frame
from brewdesk.engine.readers.csvlayout import (
    CsvLayout,
    Where,
    check_quoting,
    infer_layout,
    parse_options,
    parse_rows,
    translate_error,
    utf8_stream,
)
from brewdesk.engine.readers.sources import SourceSpec
from brewdesk.recipes.model.types import ROWID, Schema

_STREAM_BLOCK = 2**20


# ---------------------------------------------------------------------------------------------
# block boundaries (memoised pre-pass)

_BOUNDS: dict[tuple[Any, ...], list[int]] = {}
_BOUNDS_LOCKS = KeyedLocks()


def block_bounds(layout: CsvLayout, nblocks: int) -> list[int]:
    """Row-aligned byte offsets ``[b_0 = data_start, ..., b_n = size]`` of ``nblocks`` blocks.

    Raw cuts are evenly spaced; each moves forward to the next row start, knowing from the
    quote-parity pre-pass whether the cut is inside a quoted field. A block may be empty
    when one quoted field spans a whole block.
    """
    start, size = layout.data_start, layout.size
    if nblocks <= 1:
        return [start, size]
    if size - start <= 1:  # no data (a header-only file): one empty block per partition
        return [start] + [size] * nblocks
    key = (layout.path, layout.size, layout.mtime_ns, start, nblocks, layout.quotechar)
    with _BOUNDS_LOCKS(key):
        if key not in _BOUNDS:
            if len(_BOUNDS) >= 64:
                _BOUNDS.clear()
            _BOUNDS[key] = _compute_bounds(layout, nblocks)
        return _BOUNDS[key]


def _compute_bounds(layout: CsvLayout, nblocks: int) -> list[int]:
    start, size = layout.data_start, layout.size
    raw = [start + (size - start) * i // nblocks for i in range(nblocks + 1)]
    qb = layout.quotechar.encode()
    parity = [0] * (nblocks + 1)
    count, i = 0, 1
    for off, chunk in textio.iter_chunks(layout.path, start, size):
        end = off + len(chunk)
        while i < nblocks and raw[i] <= end:
            parity[i] = (count + chunk.count(qb, 0, raw[i] - off)) & 1
            i += 1
        count += chunk.count(qb)
    bounds = [start]
    with open(layout.path, "rb") as f:
        for k in range(1, nblocks):
            bounds.append(max(_row_start_at(f, raw[k], bool(parity[k]), layout), bounds[-1]))
    bounds.append(size)
    return bounds


def _row_start_at(f: Any, pos: int, inside: bool, layout: CsvLayout) -> int:
    """First row start at or after ``pos`` given the quote state at ``pos``."""
    f.seek(pos - 1)
    if f.read(1) == b"\n" and not inside:
        return pos
    window = 2**16
    while True:
        f.seek(pos)
        buf = f.read(window)
        end = textio.scan_row_end(buf, 0, layout.quotechar.encode(), inside=inside)
        if end is not None:
            return pos + end
        if pos + len(buf) >= layout.size:
            return layout.size
        window *= 4


# ---------------------------------------------------------------------------------------------
# handle


class CsvHandle(SourceHandle):
    """An opened CSV/TSV file (see module notes)."""

    def __init__(self, spec: SourceSpec) -> None:
        self.spec = spec
        self.layout = infer_layout(spec)
        self.schema = Schema(zip(self.layout.names, self.layout.logical, strict=True))
        self.random_access = self.layout.splittable

    @property
    def label(self) -> str:
        return self.layout.name

    # -- pieces --------------------------------------------------------------------------------

    def pieces(self, npartitions: int | None = None) -> list[Any]:
        lay = self.layout
        if not lay.splittable:
            return [("stream",)]
        data = max(lay.size - lay.data_start, 0)
        n = npartitions or max(1, -(-data // self.spec.blocksize))
        return [("block", i, n) for i in range(n)]

    def read_piece(self, piece: Any, columns: Sequence[str] | None = None) -> pd.DataFrame:
        if piece[0] == "stream":
            return self._concat_cols(list(self._stream_frames(columns)), columns)
        _, i, n = piece
        bounds = block_bounds(self.layout, n)
        return self.read_range(bounds[i], bounds[i + 1], columns=columns, single=n == 1)

    def _concat_cols(self, frames: list[pd.DataFrame], columns: Sequence[str] | None) -> pd.DataFrame:
        frames = [f for f in frames if len(f)]
        if frames:
            return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
        meta = self.meta
        return meta if columns is None else meta[[*columns, ROWID]]

    def _check_unchanged(self) -> None:
        lay = self.layout
        try:
            st = os.stat(lay.path)
        except OSError:
            raise SourceError(f"{lay.path}: the file disappeared after it was opened") from None
        if (st.st_size, st.st_mtime_ns) != (lay.size, lay.mtime_ns):
            raise SourceError(f"{lay.name}: the file changed after it was opened", hint="open it again")

    def _pread(self, start: int, stop: int) -> bytes:
        with open(self.layout.path, "rb") as f:
            f.seek(start)
            return f.read(max(stop - start, 0))

    def read_range(
        self, start: int, stop: int, *, columns: Sequence[str] | None = None, single: bool = True
    ) -> pd.DataFrame:
        """Parse the rows in ``[start, stop)`` (both row starts) of a block-readable file.

        Returns
        -------
        pandas.DataFrame
            The rows, ``_rowid`` = byte offset of each row's first byte.

        Raises
        ------
        SourceError
            Ragged rows, values not fitting their column's type, bad UTF-8 (with the line), or
            quoting that breaks RFC 4180 when the file is split (``single=False``).
        """
        self._check_unchanged()
        if stop <= start:
            return self._concat_cols([], columns)
        return self._frame(self._pread(start, stop), start, columns=columns, single=single)

    def _frame(self, buf: bytes, base: int, *, columns: Sequence[str] | None, single: bool) -> pd.DataFrame:
        lay = self.layout
        table = parse_rows(lay, buf, Where(lay, buf, base), columns)
        starts = textio.row_starts(buf, lay.quote_byte if lay.quotechar.encode() in buf else None)
        if len(starts) != table.num_rows:
            raise SourceError(
                f"{lay.name}: irregular quoting in the rows from line {Where(lay, buf, base).line_at(base)} "
                "(a quote inside an unquoted field?) makes the rows impossible to locate",
                hint="check the quoting, or pass quotechar= a character the file does not use",
            )
        schema = self.schema if columns is None else Schema((c, self.schema[c]) for c in columns)
        return arrow_to_frame(table, schema, base + starts)

    def _check_quoting(self) -> None:
        """Strict quoting check of a whole file whose first megabytes held an irregular quote.

        Done once per handle; the layout inference already checked a file it read whole.
        """
        lay = self.layout
        if not lay.irregular or lay.sample_complete or getattr(self, "_quoting_ok", False):
            return
        if lay.raw:
            raw: Any = open(lay.path, "rb")
            encoding = "utf-8-sig" if lay.codec == "utf-8" else lay.codec
        else:
            raw = utf8_stream(lay.path, lay.compression, lay.codec, lay.bom, lay.name)
            encoding = "utf-8"
        with io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
            try:
                check_quoting(text, lay.name, lay.delimiter, lay.quotechar)
            except UnicodeDecodeError as exc:
                raise SourceError(f"{lay.name}: not valid {lay.codec}: {exc}") from None
        self._quoting_ok = True

    def _stream_frames(self, columns: Sequence[str] | None = None) -> Iterator[pd.DataFrame]:
        """Frames of ~1 MB, in order, streamed from the data start (``_rowid`` = row number)."""
        lay = self.layout
        self._check_unchanged()
        self._check_quoting()
        parse, conv = parse_options(lay)
        if columns is not None:
            conv.include_columns = list(columns)
        schema = self.schema if columns is None else Schema((c, self.schema[c]) for c in columns)
        ro = pacsv.ReadOptions(column_names=list(lay.names), use_threads=False, block_size=_STREAM_BLOCK)
        if lay.raw:
            stream: Any = open(lay.path, "rb")
            stream.seek(lay.data_start)
            if lay.codec != "utf-8":
                ro.encoding = lay.codec
        else:
            stream = utf8_stream(lay.path, lay.compression, lay.codec, lay.bom, lay.name)
            textio.read_exact(stream, lay.data_start)
        rows = 0
        with stream:
            try:
                reader = pacsv.open_csv(stream, read_options=ro, parse_options=parse, convert_options=conv)
                for batch in reader:
                    n = batch.num_rows
                    yield arrow_to_frame(pa.Table.from_batches([batch]), schema, np.arange(rows, rows + n))
                    rows += n
            except pa.ArrowInvalid as exc:
                if "Empty CSV file" in str(exc):
                    return
                raise translate_error(exc, Where(lay, b"", None, 0)) from None
            except (OSError, EOFError) as exc:
                raise SourceError(f"{lay.name}: cannot read the data: {exc}") from None

    def iter_frames(self) -> Iterator[pd.DataFrame]:
        if not self.layout.splittable:
            yield from self._stream_frames()
            return
        for piece in self.pieces():
            yield self.read_piece(piece)

    # -- samples -------------------------------------------------------------------------------

    def head(self, n: int) -> pd.DataFrame:
        """First ``n`` rows: reads about ``n`` rows' worth of bytes from the data start."""
        lay = self.layout
        if not lay.splittable:
            return super().head(n)
        window = int(max(2**18, n * lay.avg_row * 1.3 + 2**16))
        while True:
            stop = min(lay.data_start + window, lay.size)
            buf = self._pread(lay.data_start, stop)
            if stop < lay.size:
                ends = textio.line_ends(buf, lay.quote_byte)
                buf = buf[: int(ends[-1])] if len(ends) else b""
            self._check_unchanged()
            out = self._frame(buf, lay.data_start, columns=None, single=True) if buf else self.meta
            if len(out) >= n or stop >= lay.size:
                return out.iloc[:n]
            window *= 4

    def tail(self, n: int) -> pd.DataFrame:
        """Last ``n`` rows: reads a window from the end of the file, growing it as needed.

        The row start in the window is found assuming the window starts outside quotes,
        unless quoted line breaks were seen (inference sample or window): then the exact
        quote state is counted from the data start (a streamed ``bytes.count``, no parse).
        """
        lay = self.layout
        if not lay.splittable:
            return super().tail(n)
        window = int(max(2**18, n * lay.avg_row * 1.5 + 2**16))
        while True:
            raw_lo = max(lay.data_start, lay.size - window)
            lo = self._tail_start(raw_lo, exact=lay.quoted_newlines)
            buf = self._pread(lo, lay.size)
            if lo > lay.data_start and not lay.quoted_newlines and textio.quoted_newline(buf, lay.quote_byte):
                lo = self._tail_start(raw_lo, exact=True)
                buf = self._pread(lo, lay.size)
            self._check_unchanged()
            out = self._frame(buf, lo, columns=None, single=True) if buf else self.meta
            if len(out) >= n or lo <= lay.data_start:
                return out.iloc[max(len(out) - n, 0):].reset_index(drop=True)
            window *= 4

    def _tail_start(self, raw_lo: int, *, exact: bool) -> int:
        lay = self.layout
        if raw_lo <= lay.data_start:
            return lay.data_start
        inside = bool(_quote_count(lay, lay.data_start, raw_lo) & 1) if exact else False
        with open(lay.path, "rb") as f:
            return _row_start_at(f, raw_lo, inside, lay)

    def random(self, n: int, seed: int) -> pd.DataFrame:
        """``n`` random rows: random byte seeks where safe (see :meth:`_random_seek`), else one
        streaming pass with exact uniform selection (:meth:`SourceHandle.random`)."""
        lay = self.layout
        est_rows = (lay.size - lay.data_start) / lay.avg_row
        if not lay.splittable or lay.quoted_newlines or lay.sample_complete or n * 4 > est_rows:
            return super().random(n, seed)
        try:
            return self._random_seek(n, seed)
        except _SeekFailed:
            return super().random(n, seed)

    def _random_seek(self, n: int, seed: int) -> pd.DataFrame:
        """Seek to random byte offsets; each picks the first row starting at or after it.

        A row is picked with probability proportional to the length of the row before it
        (nearly uniform when rows have similar lengths). Deterministic for a seed. Assumes
        no quoted line breaks (checked on the inference sample); if the picked rows do not
        parse one by one, :class:`_SeekFailed` sends the caller to the full pass.
        """
        lay = self.layout
        rng = np.random.default_rng(seed)
        win = int(min(max(lay.avg_row * 4, 512), 2**16))
        chosen: dict[int, bytes] = {}
        fd = os.open(lay.path, os.O_RDONLY)
        try:
            for _ in range(50):
                need = n - len(chosen)
                if need <= 0:
                    break
                # exactly `need` draws per round: stopping early in sorted offsets would bias
                # the sample towards the start of the file; misses are redrawn next round
                offs = np.sort(rng.integers(lay.data_start, lay.size, size=need))
                for x in offs.tolist():
                    s = x if x == lay.data_start else textio.next_line(fd, x - 1, win, lay.size)
                    if s is None or s >= lay.size or s in chosen:
                        continue
                    e = textio.next_line(fd, s, win, lay.size)
                    row = os.pread(fd, (e if e is not None else lay.size) - s, s)
                    if row in (b"\n", b"\r\n"):
                        continue
                    chosen[s] = row if row.endswith(b"\n") else row + b"\n"
                    if len(chosen) >= n:
                        break
        finally:
            os.close(fd)
        if len(chosen) < n:
            raise _SeekFailed
        self._check_unchanged()
        keys = sorted(chosen)
        buf = b"".join(chosen[k] for k in keys)
        if lay.quotechar.encode() in buf and textio.irregular_quote(buf, lay.quote_byte, ord(lay.delimiter)) is not None:
            raise _SeekFailed
        try:
            table = parse_rows(lay, buf, Where(lay, buf, None, offsets=keys))
        except SourceError as exc:
            if "wrong number of fields" in exc.message:
                raise _SeekFailed from None
            raise
        if table.num_rows != len(keys):
            raise _SeekFailed
        return arrow_to_frame(table, self.schema, np.asarray(keys, dtype=np.int64))


class _SeekFailed(Exception):
    """Random seeks hit rows that do not stand alone (quoted line breaks): use a full pass."""


def _quote_count(layout: CsvLayout, start: int, stop: int) -> int:
    qb = layout.quotechar.encode()
    return sum(chunk.count(qb) for _, chunk in textio.iter_chunks(layout.path, start, stop))
