"""JSON reader: an array of records (objects, or arrays after a header array) and JSON Lines.

* JSON array (``.json``): the document is loaded whole, one partition; ``_rowid`` = 0-based
  record number. A ``.json`` file holding JSON Lines is read as JSON Lines.
* JSON Lines (``.jsonl``/``.ndjson``): uncompressed UTF-8 files are split into byte blocks
  at line breaks (JSON strings cannot hold raw line breaks, so no quote analysis is needed);
  ``_rowid`` = byte offset of the line. Compressed or non-UTF-8 files: one streamed
  partition, ``_rowid`` = record number.

Columns are the keys in order of first appearance (for a JSON array: over all records; for
JSON Lines: over the inference sample, a later new key is an error naming its line). Types
come from :func:`~brewdesk.engine.readers.infer.infer_value_type` on the first
:data:`INFER_RECORDS` records; nested values (objects, arrays) give ``object`` columns.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers import textio
from brewdesk.engine.readers.base import (
    SourceHandle,
    columns_to_frame,
    default_names,
    unique_names,
)
from brewdesk.engine.readers.infer import ValueMismatch, infer_value_type
from brewdesk.engine.readers.sources import SourceSpec, local_path, split_compression
from brewdesk.recipes.model.types import ROWID, Schema

INFER_BYTES = 2 * 2**20
INFER_RECORDS = 10_000
CHUNK_RECORDS = 50_000
READ_CHUNK = 4 * 2**20


class JsonHandle(SourceHandle):
    """An opened JSON or JSON Lines file."""

    def __init__(self, spec: SourceSpec, *, lines: bool) -> None:
        self.spec = spec
        self.path = path = local_path(spec.location)
        self.name = os.path.basename(path)
        _, self.compression = split_compression(path)
        with textio.open_binary(path, self.compression) as f:
            head = textio.read_exact(f, INFER_BYTES + 1)
        if not head.strip(b" \t\r\n\xef\xbb\xbf"):
            raise SourceError(f"{self.name}: the file is empty")
        self.codec, self.bom = textio.detect_encoding(head, spec.encoding, name=self.name)
        st = os.stat(path)
        self.size, self.mtime_ns = st.st_size, st.st_mtime_ns
        self.lines = lines
        self.header: list[str] | None = None
        sample: list[Any] = []
        if not lines:
            try:
                sample = self._load_array()
            except _LooksLikeLines:
                self.lines = True
        self.blocks = self.lines and self.compression is None and self.codec == "utf-8"
        self.data_start = self.bom
        if self.lines:
            sample = self._sample_lines()
        self._infer(sample)
        self.random_access = self.blocks

    @property
    def label(self) -> str:
        return self.name

    # -- loading -------------------------------------------------------------------------------

    def _text_stream(self) -> Any:
        return textio.Utf8Stream(
            textio.open_binary(self.path, self.compression), self.codec, bom=self.bom, name=self.name
        )

    def _load_array(self) -> list[Any]:
        with self._text_stream() as stream:
            data = stream.read()
        try:
            doc = json.loads(data)
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data" and data.lstrip()[:1] in (b"{", b"["):
                raise _LooksLikeLines from None
            raise SourceError(
                f"{self.name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            ) from None
        if isinstance(doc, dict):
            raise SourceError(
                f"{self.name}: the JSON document is an object, expected an array of records",
                hint="save the records as a JSON array or as JSON Lines (one object per line)",
            )
        if not isinstance(doc, list):
            raise SourceError(f"{self.name}: the JSON document is a single value, expected an array of records")
        if self.spec.header and doc and all(isinstance(r, list) for r in doc):
            self.header = [str(x) for x in doc[0]]
            doc = doc[1:]
        return doc

    def _check_unchanged(self) -> None:
        st = os.stat(self.path)
        if (st.st_size, st.st_mtime_ns) != (self.size, self.mtime_ns):
            raise SourceError(f"{self.name}: the file changed after it was opened", hint="open it again")

    def _iter_lines(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, int, bytes]]:
        """Yield ``(offset or None, line number, line)`` of non-blank lines.

        Block mode: offsets are file offsets (``start``/``stop`` row-aligned) and line numbers
        are computed lazily (``-1``); stream mode: offsets are -1 and line numbers exact.
        """
        if self.blocks:
            stop = self.size if stop is None else stop
            carry, pos = b"", start
            with open(self.path, "rb") as f:
                f.seek(start)
                while pos < stop:
                    chunk = f.read(min(READ_CHUNK, stop - pos))
                    if not chunk:
                        break
                    pos += len(chunk)
                    data = carry + chunk
                    cut = data.rfind(b"\n") + 1 if pos < stop else len(data)
                    offset = pos - len(data)
                    for line in data[:cut].split(b"\n"):
                        if line.strip():
                            yield offset, -1, line
                        offset += len(line) + 1
                    carry = data[cut:]
            return
        with self._text_stream() as stream:
            for lineno, line in enumerate(stream, start=1):
                if line.strip():
                    yield -1, lineno, line

    def _line_of(self, offset: int, lineno: int) -> int:
        return lineno if lineno > 0 else 1 + textio.count_newlines(self.path, 0, offset)

    def _decode_line(self, offset: int, lineno: int, line: bytes) -> Any:
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "not valid UTF-8"
            raise SourceError(f"{self.name}: line {self._line_of(offset, lineno)} is not valid JSON: {msg}") from None
        if not isinstance(rec, dict | list):
            raise SourceError(
                f"{self.name}: line {self._line_of(offset, lineno)} holds a {type(rec).__name__}, "
                "expected an object (or an array)"
            )
        return rec

    def _sample_lines(self) -> list[Any]:
        stop = None
        if self.blocks:
            stop = self.size
            if self.size > self.bom + INFER_BYTES:
                with open(self.path, "rb") as f:
                    f.seek(self.bom)
                    window = f.read(INFER_BYTES)
                stop = self.bom + window.rfind(b"\n") + 1
        recs: list[Any] = []
        for offset, lineno, line in self._iter_lines(self.bom, stop):
            rec = self._decode_line(offset, lineno, line)
            if not recs and self.header is None and self.spec.header and isinstance(rec, list):
                self.header = [str(x) for x in rec]
                if offset >= 0:
                    self.data_start = offset + len(line) + 1
                continue
            recs.append(rec)
            if len(recs) >= INFER_RECORDS:
                break
        return recs

    # -- schema --------------------------------------------------------------------------------

    def _infer(self, sample: list[Any]) -> None:
        dict_rows = [r for r in sample if isinstance(r, dict)]
        list_rows = [r for r in sample if isinstance(r, list)]
        if dict_rows and list_rows:
            raise SourceError(f"{self.name}: mixes objects and arrays as records")
        if len(dict_rows) + len(list_rows) != len(sample):
            bad = next(i for i, r in enumerate(sample) if not isinstance(r, dict | list))
            raise SourceError(f"{self.name}: record {bad + 1} is a {type(sample[bad]).__name__}, expected an object")
        self.keyed = bool(dict_rows) or not list_rows and self.header is None
        if self.keyed:
            keys: dict[str, None] = {}
            for r in dict_rows:
                for k in r:
                    keys.setdefault(str(k), None)
            self.keys = list(keys)
        else:
            width = max((len(r) for r in list_rows), default=len(self.header or []))
            self.keys = list(range(width))
        for col, _ in self.spec.column_types:
            if self.keyed and col not in self.keys:
                self.keys.append(col)
        raw_names = self.header if self.header is not None and not self.keyed else (
            [str(k) for k in self.keys] if self.keyed else default_names(len(self.keys))
        )
        self.names = unique_names(raw_names)
        overrides = dict(self.spec.column_types)
        types = []
        head = sample[:INFER_RECORDS]
        for key, name in zip(self.keys, self.names, strict=False):
            values = [_get(r, key) for r in head]
            types.append((name, overrides.get(name, infer_value_type(values))))
        self.schema = Schema(types)

    # -- frames --------------------------------------------------------------------------------

    def _frame(self, recs: list[Any], rowid: Sequence[int], where: list[tuple[int, int]]) -> pd.DataFrame:
        known = set(self.keys)
        if self.keyed:
            for i, r in enumerate(recs):
                if not isinstance(r, dict):
                    raise SourceError(f"{self.name}: {self._where(where, i)} is not an object")
                if not known.issuperset(r):
                    new = next(k for k in r if k not in known)
                    raise SourceError(
                        f"{self.name}: {self._where(where, i)} has the key {new!r}, not seen in the "
                        "records used to infer the columns",
                        hint=f"name it in column_types, e.g. column_types={{'{new}': 'string'}}",
                    )
        elif any(len(r) > len(self.keys) for r in recs):
            i = next(i for i, r in enumerate(recs) if len(r) > len(self.keys))
            raise SourceError(f"{self.name}: {self._where(where, i)} has more values than the columns")
        columns: dict[str, list[Any]] = {}
        for key, name in zip(self.keys, self.names, strict=True):
            columns[name] = [_get(r, key) for r in recs]
        try:
            return columns_to_frame(columns, self.schema, rowid)
        except ValueMismatch as exc:
            col = exc.column
            raise SourceError(
                f"{self.name}: {self._where(where, exc.index)}, column '{col}': value {exc.value!r} "
                f"is not {exc.logical} (the type inferred from the first records)",
                hint=f"read column '{col}' as string: column_types={{'{col}': 'string'}}",
            ) from None

    def _where(self, where: list[tuple[int, int]], i: int) -> str:
        offset, lineno = where[i]
        if self.lines:
            return f"line {self._line_of(offset, lineno)}"
        return f"record {lineno}"

    def pieces(self, npartitions: int | None = None) -> list[Any]:
        if not self.blocks:
            return [("all",)]
        n = npartitions or max(1, -(-(self.size - self.data_start) // self.spec.blocksize))
        return [("block", i, n) for i in range(n)]

    def _cut(self, raw: int) -> int:
        if raw <= self.data_start:
            return self.data_start
        with open(self.path, "rb") as f:
            end = textio.next_line(f.fileno(), raw - 1, 2**16, self.size)
        return self.size if end is None else end

    def read_piece(self, piece: Any, columns: Sequence[str] | None = None) -> pd.DataFrame:
        self._check_unchanged()
        if piece[0] == "all":
            frames = list(self.iter_frames())
        else:
            _, i, n = piece
            span = self.size - self.data_start
            lo = self._cut(self.data_start + span * i // n)
            hi = self._cut(self.data_start + span * (i + 1) // n) if i + 1 < n else self.size
            frames = list(self._frames(lo, hi)) if hi > lo else []
        out = self._concat(frames)
        return out if columns is None else out[[*columns, ROWID]]

    def _frames(self, start: int = 0, stop: int | None = None) -> Iterator[pd.DataFrame]:
        if not self.lines:
            recs = self._load_array()
            for a in range(0, max(len(recs), 1), CHUNK_RECORDS):
                chunk = recs[a : a + CHUNK_RECORDS]
                where = [(-1, a + k + 1) for k in range(len(chunk))]
                yield self._frame(chunk, np.arange(a, a + len(chunk)), where)
            return
        recs, rowid, where = [], [], []
        count = 0
        header_done = self.header is None or self.blocks
        for offset, lineno, line in self._iter_lines(start, stop):
            if not header_done:  # stream mode: the first line is the header array
                header_done = True
                continue
            recs.append(self._decode_line(offset, lineno, line))
            rowid.append(offset if offset >= 0 else count)
            where.append((offset, lineno))
            count += 1
            if len(recs) >= CHUNK_RECORDS:
                yield self._frame(recs, rowid, where)
                recs, rowid, where = [], [], []
        if recs:
            yield self._frame(recs, rowid, where)

    def iter_frames(self) -> Iterator[pd.DataFrame]:
        self._check_unchanged()
        if self.blocks:
            yield from self._frames(self.data_start, self.size)
        else:
            yield from self._frames()


class _LooksLikeLines(Exception):
    """A .json file whose content is JSON Lines."""


def _get(rec: Any, key: Any) -> Any:
    if isinstance(rec, dict):
        return rec.get(key)
    return rec[key] if key < len(rec) else None
