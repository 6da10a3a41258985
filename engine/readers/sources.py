"""What to read: :class:`SourceSpec`, :func:`parse_source` and format inference.

A :class:`SourceSpec` is a small, hashable description of an input (a file, a folder of
Parquet files or a SQLAlchemy URL) plus the options needed to parse it. It holds no open
handles, so it can be stored in a recipe run, pickled to Dask workers and used as a cache key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from brewdesk.engine.errors import SourceError
from brewdesk.recipes.model.errors import did_you_mean

FORMATS: tuple[str, ...] = ("csv", "tsv", "parquet", "json", "jsonl", "excel", "sql")
"""Canonical format names accepted in :attr:`SourceSpec.format`."""

_FORMAT_ALIASES = {
    "csv": "csv",
    "txt": "csv",
    "text": "csv",
    "tsv": "tsv",
    "tab": "tsv",
    "parquet": "parquet",
    "pq": "parquet",
    "json": "json",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "jsonlines": "jsonl",
    "excel": "excel",
    "xlsx": "excel",
    "xlsm": "excel",
    "sql": "sql",
    "sqlite": "sql",
    "database": "sql",
}

COMPRESSIONS: dict[str, str] = {".gz": "gzip", ".bz2": "bz2", ".zip": "zip", ".xz": "xz"}
"""File suffix -> compression of a text source (the file is read as one streamed partition)."""

_EXTENSIONS = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "excel",
    ".xlsm": "excel",
}

DEFAULT_NA_VALUES: tuple[str, ...] = ("", "NA", "N/A", "NULL", "null", "NaN", "nan")
EXCEL_ERROR_MODES: tuple[str, ...] = ("error", "null")
OVERRIDE_TYPES: tuple[str, ...] = ("string", "int64", "float64", "boolean", "datetime")
_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


@dataclass(frozen=True)
class SourceSpec:
    """Where an input is and how to parse it (immutable, hashable, picklable).

    Attributes
    ----------
    location
        File path, folder (Parquet, hive partitions allowed) or SQLAlchemy URL, e.g.
        ``"sqlite:///x.db?table=flights"`` or ``"sqlite:///x.db?query=SELECT ..."``.
    format
        ``"csv"``, ``"tsv"``, ``"parquet"``, ``"json"``, ``"jsonl"``, ``"excel"`` or ``"sql"``;
        ``None`` infers it from the extension or URL (``.csv .tsv .txt .csv.gz .csv.bz2
        .csv.zip .parquet .pq`` folder-of-parquet ``.json .jsonl .ndjson .xlsx .xlsm``).
    delimiter
        Field separator; ``None`` sniffs one of ``","``, ``"\\t"``, ``";"``, ``"|"``.
    quotechar
        Quote character (RFC 4180 quoting, a doubled quote inside a quoted field).
    header
        ``False``: the first row is data and columns are named ``column_1 .. column_n``.
        ``True`` (CSV): the first row holds the names, unless it is plainly data: every cell a
        number (but not a run of consecutive integers such as ``1,2,3`` or years), or a
        decimal number such as ``9.7`` atop a column of decimals; then it is read as the
        first data row, as with ``False``.
    encoding
        ``None`` detects a BOM (UTF-8, UTF-16 LE/BE) and otherwise reads UTF-8, failing with
        the byte offset and line of the first undecodable byte.
    sheet
        Excel sheet name or 0-based index (default: the first sheet).
    table, query
        SQL table (``"name"`` or ``"schema.name"``) or query; also accepted as ``?table=`` /
        ``?query=`` in the URL.
    blocksize
        Bytes per partition for uncompressed CSV/TSV and JSON Lines.
    na_values
        Cell texts read as missing (CSV/TSV only).
    excel_errors
        ``"error"`` (default): an Excel error cell (``#DIV/0!``, ``#N/A`` ...) raises
        :class:`~brewdesk.engine.errors.SourceError`; ``"null"``: it becomes missing.
    column_types
        ``((column, logical type), ...)`` overriding inferred types (``"string"``,
        ``"int64"``, ``"float64"``, ``"boolean"``, ``"datetime"``); a mapping is accepted and
        stored as a tuple. The way out when a later row does not fit the inferred type.
    """

    location: str
    format: str | None = None
    delimiter: str | None = None
    quotechar: str = '"'
    header: bool = True
    encoding: str | None = None
    sheet: str | int | None = None
    table: str | None = None
    query: str | None = None
    blocksize: int = 64 * 2**20
    na_values: tuple[str, ...] = DEFAULT_NA_VALUES
    excel_errors: str = "error"
    column_types: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.location, str) or not self.location:
            raise SourceError("a source needs a location (file path, folder or database URL)")
        if self.format is not None and self.format not in FORMATS:
            raise SourceError(
                f"unknown source format {self.format!r}{did_you_mean(self.format, FORMATS)}",
                hint=f"use one of {', '.join(FORMATS)}",
            )
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise SourceError(f"the delimiter must be one character, not {self.delimiter!r}")
        if len(self.quotechar) != 1:
            raise SourceError(f"the quote character must be one character, not {self.quotechar!r}")
        if self.delimiter is not None and self.delimiter == self.quotechar:
            raise SourceError("the delimiter and the quote character must differ")
        if not isinstance(self.blocksize, int) or self.blocksize < 1024:
            raise SourceError(f"blocksize must be an integer of at least 1024 bytes, not {self.blocksize!r}")
        if self.excel_errors not in EXCEL_ERROR_MODES:
            raise SourceError(
                f"excel_errors must be one of {', '.join(EXCEL_ERROR_MODES)}, not {self.excel_errors!r}"
            )
        if not isinstance(self.na_values, tuple):
            object.__setattr__(self, "na_values", tuple(self.na_values))
        ct = self.column_types
        items = tuple(ct.items()) if isinstance(ct, Mapping) else tuple(tuple(x) for x in ct)
        for col, logical in items:
            if logical not in OVERRIDE_TYPES:
                raise SourceError(
                    f"column_types: {col!r} cannot be read as {logical!r}",
                    hint=f"use one of {', '.join(OVERRIDE_TYPES)}",
                )
        object.__setattr__(self, "column_types", items)

    @property
    def name(self) -> str:
        """Short display name: the file name, or the table / ``query`` of a database URL."""
        if is_url(self.location):
            return self.table or ("query" if self.query else self.location)
        return os.path.basename(os.path.normpath(self.location)) or self.location


def is_url(location: str) -> bool:
    """True for ``scheme://...`` locations other than ``file://``."""
    return bool(_URL_RE.match(location)) and not location.lower().startswith("file://")


def local_path(location: str) -> str:
    """Turn a location (plain path, ``~/...`` or ``file://`` URL) into a local path."""
    if location.lower().startswith("file://"):
        location = unquote(urlsplit(location).path)
    return os.path.expanduser(location)


def split_compression(path: str) -> tuple[str, str | None]:
    """Return ``(path without compression suffix, compression or None)``."""
    lower = path.lower()
    for suffix, comp in COMPRESSIONS.items():
        if lower.endswith(suffix):
            return path[: -len(suffix)], comp
    return path, None


def infer_format(spec: SourceSpec) -> str:
    """Return the canonical format of ``spec`` (its own, or inferred).

    Raises
    ------
    SourceError
        When the format cannot be told from the extension or URL.
    """
    if spec.format is not None:
        return spec.format
    loc = spec.location
    if is_url(loc):
        return "sql"
    path = local_path(loc)
    if os.path.isdir(path):
        return "parquet"
    base, _ = split_compression(path)
    ext = os.path.splitext(base)[1].lower()
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    if ext == ".xls":
        raise SourceError(
            f"{os.path.basename(path)}: the old binary Excel format (.xls) is not supported",
            hint="save it as .xlsx in Excel or LibreOffice",
        )
    sniffed = _sniff_content(path)
    if sniffed:
        return sniffed
    raise SourceError(
        f"cannot tell the format of {os.path.basename(path)} from its extension {ext or '(none)'}",
        hint=f"pass format= one of {', '.join(FORMATS)}",
    )


def _sniff_content(path: str) -> str | None:
    """Guess a format from the first bytes of an extension-less file (None if unsure)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return None
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"PK\x03\x04"):
        return "excel"
    if head.startswith(b"SQLite format 3\x00"):
        return "sql"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        return None  # XML/HTML: not a table Brewdesk reads (refused, never parsed as CSV lines)
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        return "jsonl"
    if head and b"\x00" not in head:
        return "csv"
    return None


def effective_delimiter(spec: SourceSpec) -> str | None:
    """The delimiter implied by the spec (``"\\t"`` for TSV), or ``None`` to sniff."""
    if spec.delimiter is not None:
        return spec.delimiter
    return "\t" if infer_format(spec) == "tsv" else None


def sql_url_parts(location: str) -> tuple[str, dict[str, str]]:
    """Split ``table``/``query`` out of a database URL's query string.

    Returns
    -------
    tuple
        ``(url without table/query, {"table": ..., "query": ...})`` (keys only when present).
    """
    if "?" not in location:
        return location, {}
    base, _, qs = location.partition("?")
    keep: list[str] = []
    found: dict[str, str] = {}
    for key, value in parse_qsl(qs, keep_blank_values=True):
        if key in ("table", "query"):
            found[key] = value
        else:
            keep.append(f"{key}={value}")
    return (base + ("?" + "&".join(keep) if keep else "")), found


_TRUE = {"1", "true", "yes", "y", "on", "t"}
_FALSE = {"0", "false", "no", "n", "off", "f"}
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)


def _coerce(name: str, value: Any) -> Any:
    """Coerce a CLI string option to the field's type."""
    if not isinstance(value, str):
        if name == "na_values" and not isinstance(value, tuple):
            return tuple(value)
        return value
    text = value
    if name == "header":
        low = text.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise SourceError(f"header must be true or false, not {text!r}")
    if name == "blocksize":
        m = _SIZE_RE.match(text)
        if not m:
            raise SourceError(f"blocksize must be a size like 64MB or 1048576, not {text!r}")
        unit = (m.group(2) or "b").lower()[:1]
        mult = {"b": 1, "k": 2**10, "m": 2**20, "g": 2**30}[unit]
        return int(float(m.group(1)) * mult)
    if name == "sheet":
        return int(text) if text.strip().isdigit() else text
    if name == "na_values":
        return tuple(text.split(",")) if text else ()
    if name == "delimiter":
        return {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}.get(text, text)
    if name == "format":
        return normalise_format(text)
    if name == "column_types":
        pairs = [p.split(":", 1) for p in text.split(",") if p.strip()]
        if any(len(p) != 2 for p in pairs):
            raise SourceError(f"column_types must look like 'col:string,other:int64', not {text!r}")
        return tuple((a.strip(), b.strip()) for a, b in pairs)
    return text


def normalise_format(text: str) -> str:
    """Map a format name or alias (``xlsx``, ``ndjson``, ``pq`` ...) to its canonical name."""
    key = text.strip().lower().lstrip(".")
    if key in _FORMAT_ALIASES:
        return _FORMAT_ALIASES[key]
    raise SourceError(
        f"unknown source format {text!r}{did_you_mean(key, _FORMAT_ALIASES)}",
        hint=f"use one of {', '.join(FORMATS)}",
    )


def parse_source(text: str, **options: Any) -> SourceSpec:
    """Build a :class:`SourceSpec` from a command-line location and options.

    Parameters
    ----------
    text
        A path, ``~/path``, ``file://`` URL, folder, or SQLAlchemy URL. ``?table=`` and
        ``?query=`` in a database URL become :attr:`SourceSpec.table` / ``query``.
    **options
        Any :class:`SourceSpec` field. Strings are coerced: ``header="false"``,
        ``blocksize="16MB"``, ``sheet="2"`` (an index), ``na_values="NA,-"``,
        ``delimiter="\\\\t"``, ``format="xlsx"``, ``column_types="zip:string,n:int64"``.
        ``None`` values are ignored.

    Returns
    -------
    SourceSpec

    Raises
    ------
    SourceError
        For an unknown option or a value that cannot be coerced.
    """
    valid = {f.name for f in fields(SourceSpec)} - {"location"}
    kwargs: dict[str, Any] = {}
    for key, value in options.items():
        if key not in valid:
            raise SourceError(
                f"unknown source option {key!r}{did_you_mean(key, valid)}",
                hint=f"valid options: {', '.join(sorted(valid))}",
            )
        if value is not None:
            kwargs[key] = _coerce(key, value)
    location = text.strip()
    if is_url(location):
        location, found = sql_url_parts(location)
        for key, value in found.items():
            kwargs.setdefault(key, value)
        kwargs.setdefault("format", "sql")
    else:
        location = local_path(location)
    return SourceSpec(location, **kwargs)


def with_defaults(spec: SourceSpec) -> SourceSpec:
    """Return ``spec`` with table/query moved out of a database URL (other fields unchanged)."""
    if not is_url(spec.location):
        return spec
    location, found = sql_url_parts(spec.location)
    return replace(
        spec,
        location=location,
        table=spec.table or found.get("table"),
        query=spec.query or found.get("query"),
    )
