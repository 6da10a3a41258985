"""CSV layout: the one-time reading of a CSV's first megabytes, and parsing with it.

:func:`infer_layout` reads the first :data:`INFER_BYTES` of the content once and fixes the
encoding (BOM), line breaks, delimiter (sniffed), header, and column types
(:func:`~.infer.infer_text_type` on the sample parsed as text). :func:`parse_rows` then
parses any buffer of whole rows with those explicit types, and turns pyarrow errors into
one-line :class:`SourceError` messages naming the file, line, column and value.

Header names are stripped of surrounding spaces; blank ones become ``column_<i>`` and
duplicates get ``_2``, ``_3`` suffixes. Leading blank lines are skipped; blank lines between
rows are ignored (as by the Arrow parser).
"""

from __future__ import annotations

import csv as _csv
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers import textio
from brewdesk.engine.readers.base import default_names, unique_names
from brewdesk.engine.readers.infer import ARROW_TYPES, FALSE_VALUES, TRUE_VALUES, infer_text_type
from brewdesk.engine.readers.sources import (
    SourceSpec,
    effective_delimiter,
    local_path,
    split_compression,
)

INFER_BYTES = 2 * 2**20
"""Bytes of content read to infer the layout and the column types."""

_RE_ROW = re.compile(r"Row #(\d+)")
_RE_COL = re.compile(r"In CSV column #(\d+)")
_RE_VALUE = re.compile(r"invalid value '(.*)'$", re.S)


@dataclass(frozen=True)
class CsvLayout:
    """Everything needed to parse any part of a CSV file the same way (picklable)."""

    path: str
    name: str
    size: int
    mtime_ns: int
    compression: str | None
    codec: str
    bom: int
    delimiter: str
    quotechar: str
    cr: bool
    names: tuple[str, ...]
    types: tuple[pa.DataType, ...]
    logical: tuple[str, ...]
    data_start: int
    header_lines: int
    raw: bool
    splittable: bool
    quoted_newlines: bool
    avg_row: float
    sample_complete: bool
    na_values: tuple[str, ...]
    irregular: bool = False
    """Some quote breaks RFC 4180 quoting; the whole file is checked with strict quoting."""

    @property
    def quote_byte(self) -> int:
        return ord(self.quotechar)


def parse_options(layout: CsvLayout) -> tuple[pacsv.ParseOptions, pacsv.ConvertOptions]:
    """pyarrow CSV parse and convert options for a detected layout (delimiter, quoting, the
    column types held fixed as ``meta``, missing-value markers)."""
    parse = pacsv.ParseOptions(
        delimiter=layout.delimiter, quote_char=layout.quotechar, newlines_in_values=True
    )
    conv = pacsv.ConvertOptions(
        column_types=dict(zip(layout.names, layout.types, strict=True)),
        null_values=list(layout.na_values),
        true_values=list(TRUE_VALUES),
        false_values=list(FALSE_VALUES),
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
    )
    return parse, conv


class Where:
    """Turns a 1-based row number of a parsed buffer into a location for error messages."""

    def __init__(
        self, layout: CsvLayout, buf: bytes, base: int | None, rows_before: int = 0,
        offsets: Sequence[int] | None = None,
    ) -> None:
        self.layout, self.buf, self.base, self.rows_before = layout, buf, base, rows_before
        self.offsets = offsets

    def row(self, k: int | None) -> str:
        lay = self.layout
        if self.offsets is not None and k is not None and 0 < k <= len(self.offsets):
            return f"line {self.line_at(int(self.offsets[k - 1]))}"
        if k is None:
            if self.base is None:
                return f"after row {self.rows_before}"
            return f"in the rows from line {self.line_at(self.base)}"
        if self.base is None:
            n = self.rows_before + k
            return f"row {n} (about line {n + lay.header_lines}; line breaks inside quotes not counted)"
        starts = textio.row_starts(self.buf, lay.quote_byte)
        off = self.base + int(starts[min(k, len(starts)) - 1]) if len(starts) else self.base
        return f"line {self.line_at(off)}"

    def byte(self, i: int) -> str:
        if self.base is None:
            return f"byte {i} of the decoded data after row {self.rows_before}"
        return f"byte {self.base + i} (line {self.line_at(self.base + i)})"

    def line_at(self, offset: int) -> int:
        return 1 + textio.count_newlines(self.layout.path, 0, offset)


def translate_error(exc: pa.ArrowInvalid, where: Where) -> SourceError:
    """Turn a pyarrow CSV error into a one-line :class:`SourceError`."""
    lay, msg = where.layout, str(exc)
    m_row = _RE_ROW.search(msg)
    row = int(m_row.group(1)) if m_row else None
    if "Expected" in msg and "columns" in msg:
        detail = msg.split(": ", 2)[-1] if m_row else msg.removeprefix("CSV parse error: ")
        detail = detail.split(":", 1)[0]
        return SourceError(
            f"{lay.name}: {where.row(row)} has the wrong number of fields ({detail.lower()})",
            hint=f"check the delimiter ({lay.delimiter!r}) and quoting of that line",
        )
    m_col = _RE_COL.search(msg)
    if "invalid UTF8" in msg:
        place = where.row(row)
        try:
            where.buf.decode(lay.codec if lay.raw else "utf-8")
        except UnicodeDecodeError as e:
            if where.base is not None:
                place = where.byte(e.start)
        return SourceError(
            f"{lay.name}: {place} is not valid UTF-8",
            hint="pass the file's encoding, e.g. encoding='latin-1' or 'cp1252'",
        )
    if m_col and "conversion error" in msg:
        col = lay.names[int(m_col.group(1))]
        logical = lay.logical[int(m_col.group(1))]
        m_val = _RE_VALUE.search(msg)
        value = f" value {m_val.group(1)!r}" if m_val else " a value"
        return SourceError(
            f"{lay.name}: {where.row(row)}, column '{col}':{value} is not {logical} "
            f"(the type inferred from the first {INFER_BYTES // 2**20} MB)",
            hint=f"read column '{col}' as string: column_types={{'{col}': 'string'}}",
        )
    return SourceError(f"{lay.name}: cannot parse {where.row(row)}: {msg}")


def parse_rows(layout: CsvLayout, buf: bytes, where: Where, columns: Sequence[str] | None = None) -> pa.Table:
    """Parse a buffer of whole rows (no header) with the layout's fixed types."""
    parse, conv = parse_options(layout)
    if columns is not None:
        conv.include_columns = list(columns)
    ro = pacsv.ReadOptions(
        column_names=list(layout.names), use_threads=False, block_size=max(len(buf) + 1, 2**20)
    )
    if layout.codec != "utf-8" and layout.raw:
        ro.encoding = layout.codec
    try:
        return pacsv.read_csv(io.BytesIO(buf), read_options=ro, parse_options=parse, convert_options=conv)
    except pa.ArrowInvalid as exc:
        if "Empty CSV file" in str(exc):
            return _empty_table(layout, columns)
        raise translate_error(exc, where) from None


def _empty_table(layout: CsvLayout, columns: Sequence[str] | None) -> pa.Table:
    keep = set(layout.names if columns is None else columns)
    return pa.table({n: pa.array([], t) for n, t in zip(layout.names, layout.types, strict=True) if n in keep})


# ---------------------------------------------------------------------------------------------
# layout inference

_LAYOUTS: dict[tuple[Any, ...], CsvLayout] = {}


def infer_layout(spec: SourceSpec) -> CsvLayout:
    """Read the first :data:`INFER_BYTES` of a CSV source and fix its layout and types.

    Memoised per (spec, file size, mtime). Raises :class:`SourceError` for a missing,
    empty, undecodable or ragged file.
    """
    path = local_path(spec.location)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SourceError(f"{path}: file not found", hint="check the path and the current folder") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read the file: {exc.strerror}") from None
    key = (spec, st.st_size, st.st_mtime_ns)
    if key not in _LAYOUTS:
        if len(_LAYOUTS) > 64:
            _LAYOUTS.clear()
        _LAYOUTS[key] = _infer_layout(spec, path, st.st_size, st.st_mtime_ns)
    return _LAYOUTS[key]


def _infer_layout(spec: SourceSpec, path: str, size: int, mtime_ns: int) -> CsvLayout:
    name = os.path.basename(path)
    _, compression = split_compression(path)
    with textio.open_binary(path, compression) as f:
        try:
            raw_head = textio.read_exact(f, INFER_BYTES + 1)
        except (OSError, EOFError) as exc:
            raise SourceError(f"{name}: cannot read the compressed data: {exc}") from None
    if not raw_head.strip(b"\r\n\t \xef\xbb\xbf\xff\xfe\x00"):
        raise SourceError(f"{name}: the file is empty (no header and no rows)")
    _refuse_binary(raw_head, name)
    codec, bom = textio.detect_encoding(raw_head, spec.encoding, name=name)
    raw = compression is None and textio.ascii_compatible(codec)
    if raw:
        sample, c0 = raw_head, bom
    else:
        with utf8_stream(path, compression, codec, bom, name) as stream:
            sample = textio.read_exact(stream, INFER_BYTES + 1)  # type: ignore[arg-type]
        c0 = 0
    complete = len(sample) <= INFER_BYTES
    sample = sample[:INFER_BYTES]
    enc = codec if raw else "utf-8"
    qb = spec.quotechar.encode()
    cr = sample.count(b"\r") > sample.count(b"\r\n")
    while c0 < len(sample) and sample[c0] in (textio.NL, textio.CR):  # leading blank lines
        c0 += 1
    if complete:
        cut = len(sample)
    else:  # cut the sample at the last line break outside quotes
        ends = _line_ends_any(sample, qb[0], cr, c0)
        if not len(ends):
            raise SourceError(
                f"{name}: no line break in the first {INFER_BYTES // 2**20} MB", hint="is this a CSV file?"
            )
        cut = int(ends[-1])
    _check_decodable(sample[:cut], enc, name, c0)
    delimiter = effective_delimiter(spec) or textio.sniff_delimiter(
        sample[c0:cut][: 2**16].decode(enc, errors="replace"), spec.quotechar
    )
    irregular = textio.irregular_quote(sample[c0:cut], qb[0], ord(delimiter))
    if irregular is not None:  # lenient parsing would glue or swallow text: check strictly
        first_line = 1 + sample[:c0].count(b"\n")
        text = io.StringIO(sample[c0:cut].decode(enc), newline="")
        check_quoting(text, name, delimiter, spec.quotechar, first_line, final=complete)
    first_row: list[str] = []
    if spec.header:
        end = textio.scan_row_end(sample[:cut], c0, qb, cr=cr)
        header_end = cut if end is None else end
        header_text = sample[c0:header_end].decode(enc, errors="replace").rstrip("\r\n")
        first_row = next(_csv.reader(io.StringIO(header_text, newline=""), delimiter=delimiter, quotechar=spec.quotechar), [])
        if not first_row:
            raise SourceError(f"{name}: the header row is empty", hint="pass header=False if the file has no header")
        names = unique_names(_header_names(first_row))
        header_lines = 1 + sample[c0:header_end].rstrip(b"\r\n").count(b"\n")
    else:
        header_end, header_lines = c0, 0
        names = default_names(_count_fields(sample[c0:cut], delimiter, spec.quotechar, enc))
    if first_row and _all_numbers(first_row):  # a headerless file: the first row is data
        header_end, header_lines = c0, 0
        names = default_names(_count_fields(sample[c0:cut], delimiter, spec.quotechar, enc))
        first_row = []
    data = sample[header_end:cut]
    overrides = dict(spec.column_types)
    unknown = sorted(set(overrides) - set(names))
    if unknown:
        raise SourceError(f"{name}: column_types names unknown column(s) {unknown}", hint=f"columns are {names}")
    layout = CsvLayout(
        path=path, name=name, size=size, mtime_ns=mtime_ns, compression=compression, codec=codec,
        bom=bom, delimiter=delimiter, quotechar=spec.quotechar, cr=cr, names=tuple(names),
        types=tuple(pa.large_string() for _ in names), logical=tuple("string" for _ in names),
        data_start=header_end, header_lines=header_lines, raw=raw,
        splittable=raw and not cr and irregular is None, quoted_newlines=False, avg_row=1.0,
        sample_complete=complete, na_values=tuple(spec.na_values), irregular=irregular is not None,
    )
    table = parse_rows(layout, data, Where(layout, data, header_end if layout.splittable else None))
    types: list[pa.DataType] = []
    logical: list[str] = []
    for n in names:
        lt, at = _infer_column(table.column(n))
        if n in overrides:
            lt, at = overrides[n], ARROW_TYPES[overrides[n]]
        logical.append(lt)
        types.append(at)
    if first_row and _looks_like_data(first_row, logical) and not overrides:
        # a decimal number heading a column of decimals is a value, not a name: headerless
        return _infer_layout(replace(spec, header=False), path, size, mtime_ns)
    return replace(
        layout,
        types=tuple(types),
        logical=tuple(logical),
        quoted_newlines=textio.quoted_newline(data, qb[0]),
        avg_row=max(len(data) / max(table.num_rows, 1), 1.0),
    )


_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_DECIMAL = re.compile(r"^[+-]?(?:\d*\.\d+|\d+\.\d*)(?:[eE][+-]?\d+)?$|^[+-]?\d+(?:\.\d*)?[eE][+-]?\d+$")


def _header_names(row: list[str]) -> list[str]:
    """Header cells stripped of spaces, and of single quotes when every name has them
    (statsmodels' ``'popul'	'TVnews'`` headers)."""
    names = [c.strip() for c in row]
    if names and all(len(c) >= 2 and c[0] == c[-1] == "'" for c in names):
        names = [c[1:-1].strip() for c in names]
    return names


def _all_numbers(row: list[str]) -> bool:
    """True when every non-empty cell of a would-be header is a number (the file has no header).

    Not for a run of consecutive integers (``1,2,3`` or ``2019,2020,2021``): those are
    typical column labels.
    """
    cells = [c.strip() for c in row if c.strip()]
    if not cells or not all(_NUMBER.match(c) for c in cells):
        return False
    if len(cells) >= 2 and all(re.fullmatch(r"[+-]?\d+", c) for c in cells):
        ints = [int(c) for c in cells]
        if all(b == a + 1 for a, b in zip(ints, ints[1:], strict=False)):
            return False
    return True


def _looks_like_data(row: list[str], logical: list[str]) -> bool:
    """True when a would-be header holds a decimal number (``9.7``, ``1.5e2``) at the top of a
    column whose values are decimals: no one names a column that way (bokeh's headerless
    ``unemployment09.csv``, whose first row starts with text codes)."""
    return any(_DECIMAL.match(c.strip()) and lt == "float64" for c, lt in zip(row, logical, strict=False))


def _infer_column(col: pa.ChunkedArray) -> tuple[str, pa.DataType]:
    """:func:`infer_text_type`, and numbers padded with spaces (``7, .01138``) as numbers.

    The Arrow CSV parser trims spaces around integers and decimals (not around booleans or
    dates), so only those two types are retried on trimmed text.
    """
    lt, at = infer_text_type(col)
    if lt != "string":
        return lt, at
    trimmed = pc.utf8_trim_whitespace(col)
    if trimmed.equals(col):
        return lt, at
    lt2, at2 = infer_text_type(trimmed)
    return (lt2, at2) if lt2 in ("int64", "float64") else (lt, at)


_MAGIC = {b"PAR1": "a Parquet file", b"PK\x03\x04": "a zip archive (Excel?)", b"SQLite format 3": "a SQLite database"}


def _refuse_binary(raw_head: bytes, name: str) -> None:
    """Refuse data that is clearly not CSV text: Parquet, Excel, SQLite, other binaries."""
    for magic, what in _MAGIC.items():
        if raw_head.startswith(magic):
            raise SourceError(f"{name}: is {what}, not a CSV file", hint="pass the right format=")
    head = raw_head[:4096]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or len(head) <= 64:
        return
    if head[1::2].count(0) > len(head) // 3 or head[0::2].count(0) > len(head) // 3:
        return  # UTF-16 without BOM
    control = sum(head.count(bytes([b])) for b in (*range(0, 9), *range(14, 27), *range(28, 32)))
    if control > len(head) // 20:
        raise SourceError(
            f"{name}: does not look like a text (CSV) file: it holds binary data",
            hint="pass the right format= (parquet, excel ...) or encoding=",
        )


def check_quoting(
    text: Any, name: str, delimiter: str, quotechar: str, first_line: int = 1, *, final: bool = True
) -> None:
    """Refuse quoting that lenient parsers silently mangle (Python's csv ``strict=True`` rules).

    Text after the closing quote of a field (``"3" "``: read leniently as ``3 "``) and a quoted
    field never closed (which swallows the rest of the file) raise :class:`SourceError` naming
    the line where the offending row starts. A quote inside an unquoted field (``5'11"``) is
    data and passes.

    Parameters
    ----------
    text
        Iterable of text lines with their line breaks (a file opened with ``newline=""``).
    first_line
        Physical line number of the first line of ``text``.
    final
        ``text`` runs to the end of the file (else a field still open at its end is not an error).
    """
    if _csv.field_size_limit() < 2**31 - 1:
        _csv.field_size_limit(2**31 - 1)
    reader = _csv.reader(text, delimiter=delimiter, quotechar=quotechar, strict=True)
    done = 0
    try:
        for _ in reader:
            done = reader.line_num
    except _csv.Error as exc:
        line = first_line + done
        if "end of data" in str(exc) or "EOF" in str(exc):
            if not final:
                return
            what = f"a quoted field opened on line {line} is never closed"
        else:
            what = f"line {line} has text after the closing quote of a field ({exc})"
        raise SourceError(
            f"{name}: {what}; reading it anyway would corrupt the rows",
            hint=f"fix the quoting of that line, or pass quotechar= a character the file does not use (now {quotechar!r})",
        ) from None


def _line_ends_any(buf: bytes, quote: int, cr: bool, start: int) -> np.ndarray:
    if not cr:
        return textio.line_ends(buf[start:], quote) + start
    swapped = buf[start:].replace(b"\r\n", b" \n").replace(b"\r", b"\n")
    return textio.line_ends(swapped, quote) + start


def _check_decodable(data: bytes, codec: str, name: str, c0: int) -> None:
    try:
        data[c0:].decode(codec)
    except UnicodeDecodeError as e:
        pos = c0 + e.start
        line = 1 + data[:pos].count(b"\n")
        raise SourceError(
            f"{name}: byte {pos} (line {line}) is not valid {codec.upper()}",
            hint="pass the file's encoding, e.g. encoding='latin-1' or 'cp1252'",
        ) from None


def _count_fields(data: bytes, delimiter: str, quotechar: str, codec: str) -> int:
    text = data[: 2**16].decode(codec, errors="replace")
    row = next(_csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=quotechar), [])
    return max(len(row), 1)


def utf8_stream(path: str, compression: str | None, codec: str, bom: int, name: str) -> textio.Utf8Stream:
    """A byte stream of the file as UTF-8 (decompressed, transcoded from ``codec``, BOM skipped)."""
    return textio.Utf8Stream(textio.open_binary(path, compression), codec, bom=bom, name=name)
