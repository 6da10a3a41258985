"""Destinations: :class:`DestSpec`, parsing, format inference and the pre-flight check.

A destination is a local path (a file, or a folder for partitioned or multi-file output) or a
SQLAlchemy URL naming a table. :func:`parse_dest` turns the user's text into a fully explicit
:class:`DestSpec`; :func:`resolve` (internal) turns any spec into a :class:`Target` the writers
use; :func:`check_destination` is the cheap pre-flight run before any work (docs/architecture.md section 7).

Format inference
----------------
==============================================  ======================================
location                                        format
==============================================  ======================================
``*.csv``, ``*.csv.gz``, ``*.csv.bz2``          ``csv`` (compression from the suffix)
``*.jsonl``, ``*.ndjson``, ``*.json`` (+.gz)    ``jsonl``
``*.parquet``, ``*.pq``                         ``parquet`` (one file)
``folder/`` (trailing separator)                ``parquet`` folder of part files
no extension and ``partition_cols``             ``parquet`` folder (hive layout)
an existing folder written by Brewdesk          the format in its ``_SUCCESS`` manifest
``*.xlsx``                                      ``excel``
``dialect[+driver]://...?table=name``           ``sql``
==============================================  ======================================

``format="json"`` means JSON Lines, one object per line: that is what DataBrew (Spark) writes
for "JSON" outputs; Brewdesk never writes a single JSON array. ``format="xlsx"`` is ``excel``.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlparse

from brewdesk.engine.errors import DestinationError

FORMATS: tuple[str, ...] = ("csv", "parquet", "jsonl", "excel", "sql")
"""Canonical format names (``json``/``ndjson`` are aliases of ``jsonl``, ``xlsx`` of ``excel``)."""

_ALIASES = {
    "csv": "csv",
    "parquet": "parquet",
    "pq": "parquet",
    "jsonl": "jsonl",
    "json": "jsonl",
    "ndjson": "jsonl",
    "excel": "excel",
    "xlsx": "excel",
    "sql": "sql",
}
_SUFFIXES: tuple[tuple[str, str, str | None], ...] = (
    # (suffix, format, compression implied by the suffix)
    (".csv", "csv", None),
    (".csv.gz", "csv", "gzip"),
    (".csv.bz2", "csv", "bz2"),
    (".jsonl", "jsonl", None),
    (".ndjson", "jsonl", None),
    (".json", "jsonl", None),
    (".jsonl.gz", "jsonl", "gzip"),
    (".ndjson.gz", "jsonl", "gzip"),
    (".json.gz", "jsonl", "gzip"),
    (".jsonl.bz2", "jsonl", "bz2"),
    (".ndjson.bz2", "jsonl", "bz2"),
    (".json.bz2", "jsonl", "bz2"),
    (".parquet", "parquet", None),
    (".pq", "parquet", None),
    (".xlsx", "excel", None),
)
PARQUET_CODECS = ("snappy", "zstd", "gzip", "brotli", "lz4", "none")
TEXT_CODECS = ("gzip", "bz2", "none")
IF_EXISTS = ("fail", "replace", "append")
_URL_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_REMOTE = {"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "hdfs", "http", "https", "ftp",
           "sftp", "ssh", "memory"}


@dataclass(frozen=True, repr=False)
class DestSpec:
    """Where and how to write an output.

    Attributes
    ----------
    location
        A local path, or a SQLAlchemy URL; the table may be given in the URL's query
        (``sqlite:///out.db?table=flights``) or as :attr:`table`.
    format
        ``csv``, ``parquet``, ``jsonl`` (alias ``json``, ``ndjson``), ``excel`` (alias
        ``xlsx``) or ``sql``; ``None`` infers it from the extension or URL (see module doc).
    compression
        Parquet: ``snappy`` (default), ``zstd``, ``gzip``, ``brotli``, ``lz4``, ``none``.
        CSV/JSON Lines: ``gzip``, ``bz2``, ``none``; ``None`` infers from a ``.gz``/``.bz2``
        suffix. Not allowed for Excel and SQL.
    partition_cols
        Hive layout ``col=value/`` folders (Parquet, CSV, JSON Lines). The partition columns
        are stored in the folder names, not in the files. Missing values go to
        ``col=__HIVE_DEFAULT_PARTITION__``.
    table
        SQL table name (alternative to ``?table=`` in the URL).
    if_exists
        SQL: ``fail`` (default), ``replace`` or ``append``. For files ``replace`` means
        ``overwrite=True``; ``append`` is refused.
    overwrite
        Files: replace an existing destination (DataBrew's "Overwrite" flag). SQL: with
        ``if_exists="fail"`` it means ``replace``.
    single_file
        CSV/JSON Lines/Parquet: one file (default) or a folder of part files with a
        ``_SUCCESS`` manifest (Spark layout). Ignored for Excel and SQL.
    """

    location: str
    format: str | None = None
    compression: str | None = None
    partition_cols: tuple[str, ...] = ()
    table: str | None = None
    if_exists: str = "fail"
    overwrite: bool = False
    single_file: bool = True

    @property
    def masked_location(self) -> str:
        """:attr:`location` with any password replaced by ``***`` (safe to print or log)."""
        return mask_location(self.location)

    def __repr__(self) -> str:
        parts = [f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.name != "location"]
        return f"DestSpec(location={self.masked_location!r}, {', '.join(parts)})"


@dataclass
class OutputReport:
    """What :func:`write` wrote.

    Attributes
    ----------
    location
        The destination (path, or URL with ``?table=``; passwords masked).
    format
        Canonical format name (one of :data:`FORMATS`).
    rows
        Data rows written (header not counted).
    files
        Absolute paths of the data files written (one for single-file outputs; the part files
        of a folder, not its ``_SUCCESS`` manifest; empty for SQL).
    bytes
        Total size of :attr:`files` in bytes (0 for SQL).
    seconds
        Wall time of :func:`write`, including computing the frame.
    """

    location: str
    format: str
    rows: int
    files: list[str] = field(default_factory=list)
    bytes: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Target:
    """A resolved destination (internal to the writers).

    ``kind`` is ``file`` (one file replaced with ``os.replace``), ``folder`` (part files, a
    ``_SUCCESS`` manifest, swapped as a folder) or ``sql``.
    """

    kind: Literal["file", "folder", "sql"]
    format: str
    compression: str | None
    partition_cols: tuple[str, ...]
    overwrite: bool
    if_exists: str
    path: Path | None = None
    url: Any = None  # sqlalchemy.engine.URL, without the table query parameter
    table: str | None = None
    schema: str | None = None  # the database schema of ``table`` (None: the connection's default)


def mask_location(location: str) -> str:
    """Return ``location`` with a URL password replaced by ``***``."""
    if not _URL_RE.match(location):
        return location
    try:
        # heavy dependency: SQLAlchemy is imported only for a database URL
        from sqlalchemy.engine import make_url

        return make_url(location).render_as_string(hide_password=True)
    except Exception:  # not a SQLAlchemy URL: mask user:password@ by hand
        return re.sub(r"(://[^/:@]*:)[^@/]*@", r"\1***@", location)


def _norm_format(fmt: str) -> str:
    key = fmt.strip().lower().lstrip(".")
    if key not in _ALIASES:
        raise DestinationError(
            f"unknown output format {fmt!r}",
            hint=f"use one of {', '.join(sorted(_ALIASES))}",
        )
    return _ALIASES[key]


def _suffix_info(name: str) -> tuple[str, str | None] | None:
    low = name.lower()
    best: tuple[str, str, str | None] | None = None
    for suffix, fmt, comp in _SUFFIXES:
        if low.endswith(suffix) and (best is None or len(suffix) > len(best[0])):
            best = (suffix, fmt, comp)
    return (best[1], best[2]) if best else None


def _sql_url(location: str, table: str | None) -> tuple[Any, str | None, str | None] | None:
    """``(url without table and schema, table, schema)`` when ``location`` is a SQLAlchemy URL, else None.

    The schema is ``?schema=`` of the URL; without it, a dotted table name ``sales.orders`` is
    schema-qualified as in SQL (schema ``sales``, table ``orders``). A table whose name holds a
    dot is written by giving its schema explicitly (``?schema=public&table=a.b``).
    """
    m = _URL_RE.match(location)
    if not m:
        return None
    scheme = m.group(1).lower()
    if scheme == "file":
        return None
    if scheme in _REMOTE:
        raise DestinationError(
            f"remote destinations ({scheme}://) are not supported yet: {mask_location(location)}",
            hint="write to a local path",
        )
    # heavy dependency: SQLAlchemy is imported only for a database URL
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        url = make_url(location)
        url.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise DestinationError(
            f"cannot use {mask_location(location)} as a destination: unknown scheme {scheme!r} ({exc})",
            hint="use a file path or a SQLAlchemy URL such as sqlite:///out.db?table=name",
        ) from None
    url_table = url.query.get("table")
    if isinstance(url_table, tuple):
        url_table = url_table[-1]
    if url_table and table and url_table != table:
        raise DestinationError(
            f"two different tables given for {url.render_as_string(hide_password=True)}: "
            f"{url_table!r} in the URL and table={table!r}"
        )
    table = table or url_table or None
    schema = url.query.get("schema")
    if isinstance(schema, tuple):
        schema = schema[-1]
    if not schema and table and "." in table:
        schema, _, table = table.partition(".")
        if not schema or not table:
            raise DestinationError(
                f"table name {schema + '.' + table!r} is not schema.table",
                hint="write ?table=schema.table, or give ?schema= and the table name",
            )
    return url.difference_update_query(["table", "schema"]), table, (schema or None)


def _local_path(location: str) -> str:
    if location.lower().startswith("file://"):
        return unquote(urlparse(location).path)
    return location


def _manifest_format(path: Path) -> str | None:
    """Format recorded in the ``_SUCCESS`` manifest of an existing folder output, if any."""
    try:
        with open(path / "_SUCCESS", encoding="utf-8") as fh:
            fmt = json.load(fh).get("format")
    except (OSError, ValueError, AttributeError):
        return None
    return fmt if fmt in ("csv", "parquet", "jsonl") else None


def resolve(dest: DestSpec) -> Target:
    """Resolve a :class:`DestSpec` into a :class:`Target`, validating every option.

    Raises
    ------
    DestinationError
        Unknown format, codec or ``if_exists``; a SQL URL without a table; options that do
        not apply to the format (partitioned Excel, compressed SQL, ...).
    """
    if not isinstance(dest, DestSpec):
        raise TypeError(f"expected a DestSpec, got {type(dest).__name__}")
    location = str(dest.location).strip()
    if not location:
        raise DestinationError("no destination given", hint="name an output file, folder or database URL")
    fmt = _norm_format(dest.format) if dest.format else None
    if_exists = (dest.if_exists or "fail").lower()
    if if_exists not in IF_EXISTS:
        raise DestinationError(f"if_exists must be one of {', '.join(IF_EXISTS)}, not {dest.if_exists!r}")
    partition_cols = tuple(dest.partition_cols or ())
    compression = dest.compression.lower() if dest.compression else None

    sql = _sql_url(location, dest.table)
    if sql is not None or fmt == "sql":
        if sql is None:
            raise DestinationError(
                f"format 'sql' needs a database URL, not {location!r}",
                hint="e.g. sqlite:///out.db?table=name",
            )
        if fmt not in (None, "sql"):
            raise DestinationError(f"{mask_location(location)} is a database URL; it cannot be written as {fmt}")
        url, table, schema = sql
        if not table:
            raise DestinationError(
                f"no table named for {url.render_as_string(hide_password=True)}",
                hint="add ?table=name to the URL or pass table=",
            )
        if compression not in (None, "none"):
            raise DestinationError("compression does not apply to SQL destinations")
        if partition_cols:
            raise DestinationError("partition_cols does not apply to SQL destinations")
        if if_exists == "fail" and dest.overwrite:
            if_exists = "replace"
        return Target("sql", "sql", None, (), dest.overwrite, if_exists, url=url, table=table, schema=schema)

    raw = _local_path(location)
    folder_hint = raw.endswith(("/", os.sep))
    path = Path(os.path.abspath(os.path.expanduser(raw)))
    if dest.table:
        raise DestinationError(f"table= applies to database URLs, not to the file {path}")
    if if_exists == "append":
        raise DestinationError(
            f"cannot append to the file {path}", hint="append is for SQL tables; use --overwrite to replace the file"
        )
    overwrite = dest.overwrite or if_exists == "replace"
    info = _suffix_info(path.name)
    if fmt is None:
        if info is not None:
            fmt = info[0]
        elif folder_hint or partition_cols:
            fmt = "parquet"
        elif (made := _manifest_format(path)) is not None:
            fmt, folder_hint = made, True
        elif path.name.lower().endswith(".xls"):
            raise DestinationError(f"cannot write legacy .xls files: {path}", hint="use .xlsx")
        else:
            raise DestinationError(
                f"cannot tell the output format of {path} from its name",
                hint="use an extension such as .csv, .parquet, .jsonl or .xlsx, or pass format=",
            )
    implied = info[1] if info and info[0] == fmt else None

    if fmt == "parquet":
        comp = compression or "snappy"
        if comp not in PARQUET_CODECS:
            raise DestinationError(f"unknown Parquet compression {dest.compression!r}", hint=f"use one of {', '.join(PARQUET_CODECS)}")
        comp = None if comp == "none" else comp
    elif fmt in ("csv", "jsonl"):
        comp = compression or implied or "none"
        if comp == "gz":
            comp = "gzip"
        if comp not in TEXT_CODECS:
            raise DestinationError(f"unknown {fmt} compression {dest.compression!r}", hint=f"use one of {', '.join(TEXT_CODECS)}")
        if implied and comp != implied:
            raise DestinationError(f"compression {comp!r} contradicts the file name {path.name}")
        comp = None if comp == "none" else comp
    else:  # excel
        if compression not in (None, "none"):
            raise DestinationError("compression does not apply to Excel files")
        if partition_cols:
            raise DestinationError("partition_cols does not apply to Excel files", hint="write Parquet or CSV")
        comp = None

    if fmt == "excel":
        kind: Literal["file", "folder"] = "file"
    else:
        kind = "folder" if (partition_cols or folder_hint or not dest.single_file) else "file"
    return Target(kind, fmt, comp, partition_cols, overwrite, "replace" if overwrite else "fail", path=path)


def parse_dest(text: str, **options: Any) -> DestSpec:
    """Parse a destination given as text into an explicit :class:`DestSpec`.

    Parameters
    ----------
    text
        A path, or a SQLAlchemy URL (``sqlite:///out.db?table=flights``).
    **options
        Any :class:`DestSpec` field but ``location``; ``partition_cols`` may also be a list
        or a comma-separated string.

    Returns
    -------
    DestSpec
        With ``format`` (canonical name), ``compression`` and ``table`` filled in; for SQL the
        ``location`` is the URL without its ``table`` parameter.

    Raises
    ------
    DestinationError
        Unknown option, format or codec; see :func:`resolve`.
    """
    names = {f.name for f in fields(DestSpec)} - {"location"}
    unknown = sorted(set(options) - names)
    if unknown:
        raise DestinationError(f"unknown destination option(s): {', '.join(unknown)}", hint=f"valid: {', '.join(sorted(names))}")
    pc = options.get("partition_cols")
    if pc is None:
        options.pop("partition_cols", None)
    elif isinstance(pc, str):
        options["partition_cols"] = tuple(c.strip() for c in pc.split(",") if c.strip())
    else:
        options["partition_cols"] = tuple(pc)
    spec = DestSpec(location=text, **options)
    target = resolve(spec)
    if target.kind == "sql":
        url = target.url.update_query_dict({"schema": target.schema}) if target.schema else target.url
        return replace(
            spec,
            location=url.render_as_string(hide_password=False),
            table=target.table,
            format="sql",
        )
    comp = target.compression or "none"
    return replace(spec, format=target.format, compression=comp)


# --------------------------------------------------------------------------------------------
# pre-flight


def check_parent(path: Path) -> None:
    """Raise :class:`DestinationError` unless ``path``'s folder exists and is writable.

    Writability is probed by creating and deleting a hidden file, which also catches read-only
    file systems and ACLs that :func:`os.access` misses.
    """
    parent = path.parent
    if not parent.exists():
        raise DestinationError(f"cannot write {path}: the folder {parent} does not exist", hint="create it first")
    if not parent.is_dir():
        raise DestinationError(f"cannot write {path}: {parent} is not a folder")
    probe = parent / f".brewdesk-probe-{uuid.uuid4().hex[:12]}"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise DestinationError(
            f"cannot write {path}: the folder {parent} is not writable ({exc.strerror or exc})"
        ) from None
