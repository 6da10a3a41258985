"""Excel (.xlsx): one sheet, streamed in partition order through openpyxl's write-only mode.

Partitions are computed in parallel into Parquet part files in the staging folder (their
strings checked against Excel's limits there, early); then one task streams the parts in
order, 10,000 rows at a time, into a write-only workbook in the staging folder. Memory stays
at about one batch; the workbook is never opened on the destination itself.

Limits: :data:`MAX_ROWS` rows per sheet including the header (a clear error above, before the
workbook is written), :data:`MAX_COLUMNS` columns, :data:`MAX_CHARS` characters per cell.
Values: numbers are Excel doubles (integers beyond 2**53 lose precision); datetimes are
stored to the millisecond; NaN and infinities become empty cells; strings are always text
cells, so ``=SUM(A1)`` or ``#N/A`` in the data are never turned into formulas or errors.
"""

from __future__ import annotations

import contextlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from brewdesk.engine.errors import DestinationError

from .convert import PartPlan, PartResult
from .parquet import write_part as write_parquet_part
from .staging import fsync_file

MAX_ROWS = 1_048_576
"""Rows in an Excel sheet, header included (so 1,048,575 data rows)."""
MAX_COLUMNS = 16_384
MAX_CHARS = 32_767
SHEET = "Sheet1"
_BATCH = 10_000


def check_columns(columns: tuple[str, ...], path: Path) -> None:
    """Pre-flight: the column count fits a sheet."""
    if len(columns) > MAX_COLUMNS:
        raise DestinationError(
            f"cannot write {path}: {len(columns):,} columns, Excel allows at most {MAX_COLUMNS:,}",
            hint="write CSV or Parquet",
        )


def check_rows(rows: int, path: Path) -> None:
    """The data rows plus the header fit a sheet."""
    if rows + 1 > MAX_ROWS:
        raise DestinationError(
            f"cannot write {path}: {rows:,} rows do not fit in an Excel sheet "
            f"(at most {MAX_ROWS - 1:,} data rows below the header)",
            hint="write CSV or Parquet, or filter the rows first",
        )


def _check_strings(df: pd.DataFrame, logical: tuple[str, ...], index: int, start_row: int = 0) -> None:
    # heavy dependency: openpyxl is imported only when an Excel file is written
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for (name, s), lt in zip(df.items(), logical, strict=True):
        if lt not in ("string", "category"):
            continue
        text = s.astype("string[pyarrow]")
        too_long = text.str.len() > MAX_CHARS
        if too_long.any():
            raise DestinationError(
                f"column {name!r} (partition {index}) holds text longer than Excel's {MAX_CHARS:,} characters per cell",
                hint="write CSV or Parquet, or shorten the text first",
            )
        bad = text.str.contains(ILLEGAL_CHARACTERS_RE.pattern, regex=True, na=False)
        if bad.any():
            raise DestinationError(
                f"column {name!r} (partition {index}) holds control characters that Excel cannot store",
                hint="remove them with a recipe step first, or write CSV or Parquet",
            )


def write_part(df: pd.DataFrame, plan: PartPlan, index: int) -> PartResult:
    """Check a conformed partition against Excel's limits and stage it as Parquet."""
    _check_strings(df, plan.logical, index)
    return write_parquet_part(df, plan, index)


def _cells(ws, values: list[object]):
    """Cells for one column batch: strings forced to text cells when openpyxl would guess."""
    # heavy dependency: openpyxl is imported only when an Excel file is written
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES

    out: list[object] = []
    for v in values:
        if isinstance(v, str):
            if v.startswith("=") or v in ERROR_CODES:
                cell = WriteOnlyCell(ws, v)
                cell.data_type = "s"
                v = cell
        elif isinstance(v, float):
            if v != v or v in (float("inf"), float("-inf")):
                v = None
        elif isinstance(v, (dict, list)):
            v = json.dumps(v, ensure_ascii=False, default=str)
        out.append(v)
    return out


def assemble(parts: list[Path], out: Path, columns: tuple[str, ...], rows: int) -> int:
    """Stream Parquet parts, in order, into the workbook ``out``; verify; return its size."""
    # heavy dependency: openpyxl is imported only when an Excel file is written
    from openpyxl import Workbook

    check_rows(rows, out)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    written = 0
    try:
        ws.append(_cells(ws, list(columns)))
        for part in parts:
            pf = pq.ParquetFile(part)
            for batch in pf.iter_batches(batch_size=_BATCH):
                cols = [_cells(ws, col.to_pylist()) for col in batch.columns]
                for row in zip(*cols, strict=True):
                    ws.append(row)
                if not cols:
                    for _ in range(batch.num_rows):
                        ws.append([])
                written += batch.num_rows
            pf.close()
        wb.save(out)
    except BaseException as exc:
        _abandon(ws)  # an OSError goes on to the caller, which names the output and the reason
        if isinstance(exc, (ValueError, pa.ArrowException)) and not isinstance(exc, OSError):
            raise DestinationError(f"cannot write {out}: {exc}") from None
        raise
    fsync_file(out)
    if written != rows:
        raise DestinationError(f"verification failed: {written} rows streamed to {out}, {rows} expected")
    verify(out, columns, rows)
    return os.path.getsize(out)


def _abandon(ws: Any) -> None:
    """After a failed save: close openpyxl's row stream and delete its temporary sheet file.

    Otherwise the half-written temporary file stays in the system's temporary folder, and the
    generator, closed later by the garbage collector, prints an "Exception ignored" traceback.
    """
    rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
    for gen in (rows, getattr(writer, "xf", None)):
        with contextlib.suppress(Exception):
            if gen is not None:
                gen.close()
    with contextlib.suppress(Exception):
        if writer is not None:
            writer.cleanup()


def verify(path: Path, columns: tuple[str, ...], rows: int) -> None:
    """Check the workbook opens, its header is ``columns`` and its sheet has ``rows + 1`` rows."""
    # heavy dependency: openpyxl is imported only when an Excel file is written
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
            count, tail = 0, b""
            with z.open(name) as fh:
                while block := fh.read(1 << 20):
                    data = tail + block
                    count += data.count(b"<row ")
                    tail = data[-4:]
        wb = load_workbook(path, read_only=True)
        try:
            header = next(wb[SHEET].iter_rows(min_row=1, max_row=1, values_only=True), ())
        finally:
            wb.close()
    except Exception as exc:  # any failure to read back is a verification failure
        raise DestinationError(f"verification failed: cannot read back {path} ({exc})") from None
    if count != rows + 1:
        raise DestinationError(f"verification failed: {path} has {count - 1} data rows, {rows} were written")
    got = ["" if v is None else str(v) for v in header]
    if got != [str(c) for c in columns]:
        raise DestinationError(f"verification failed: {path} has the header {got}, expected {list(columns)}")
