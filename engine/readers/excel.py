"""Excel reader (``.xlsx``/``.xlsm``) via openpyxl in read-only, cached-values mode.

One sheet (by name or 0-based index, default the first) is one partition, streamed row by
row. The header is the first non-empty row (``header=False``: ``column_1 ..``); columns end
at the last non-empty header cell. Entirely empty rows are skipped. ``_rowid`` is the 0-based
number of the data row among the rows kept.

Types come from the cell values of the first :data:`INFER_ROWS` data rows
(:func:`~brewdesk.engine.readers.infer.infer_value_type`, ISO text not parsed): numbers ->
``int64``/``float64``, booleans, dates -> ``datetime``, text and mixed cells -> ``string``.

Error cells (``#DIV/0!``, ``#N/A``, ``#REF!`` ...) never silently become blanks: a
:class:`SourceError` names the sheet, the cell and the error, unless
``SourceSpec.excel_errors == "null"``. A value beyond the last header column is an error too
(it would otherwise be dropped).
"""

from __future__ import annotations

import os
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers.base import SourceHandle, columns_to_frame, default_names, unique_names
from brewdesk.engine.readers.infer import ValueMismatch, infer_value_type
from brewdesk.engine.readers.sources import SourceSpec, local_path
from brewdesk.recipes.model.errors import did_you_mean
from brewdesk.recipes.model.types import ROWID, Schema

INFER_ROWS = 1000
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2 container: encrypted .xlsx or old .xls
CHUNK_ROWS = 20_000


def _letter(col: int) -> str:
    # heavy dependency: openpyxl is imported only when an Excel file is read
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


class ExcelHandle(SourceHandle):
    """An opened worksheet of an Excel workbook."""

    random_access = False

    def __init__(self, spec: SourceSpec) -> None:
        self.spec = spec
        self.path = local_path(spec.location)
        self.name = os.path.basename(self.path)
        if not os.path.exists(self.path):
            raise SourceError(f"{self.path}: file not found", hint="check the path and the current folder")
        st = os.stat(self.path)
        self.size, self.mtime_ns = st.st_size, st.st_mtime_ns
        wb = self._open()
        try:
            self.sheet = self._pick_sheet(wb.sheetnames)
            rows = self._rows(wb)
            header: list[Any] | None = None
            sample: list[tuple[int, list[Any]]] = []
            for rownum, values in rows:
                if header is None and spec.header:
                    header = values
                    continue
                sample.append((rownum, values))
                if len(sample) >= INFER_ROWS:
                    break
        finally:
            wb.close()
        if header is not None:
            width = _trimmed_len(header)
            raw_names = [None if v is None else str(v).strip() for v in header[:width]]
        else:
            width = max((_trimmed_len(v) for _, v in sample), default=0)
            raw_names = default_names(width)
        if width == 0:
            raise SourceError(f"{self.name}: sheet '{self.sheet}' is empty")
        self.width = width
        names = unique_names(raw_names)
        overrides = dict(spec.column_types)
        self.schema = Schema(
            (n, overrides.get(n, infer_value_type([_at(v, i) for _, v in sample], detect_datetime=False)))
            for i, n in enumerate(names)
        )

    @property
    def label(self) -> str:
        return f"{self.name} [{self.sheet}]"

    def _open(self) -> Any:
        # heavy dependency: openpyxl is imported only when an Excel file is read
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException

        with open(self.path, "rb") as f:
            magic = f.read(8)
        if magic == _CFB_MAGIC:
            raise SourceError(
                f"{self.name}: is a password-protected (encrypted) workbook or an old binary .xls file, "
                "not an .xlsx workbook",
                hint="save a copy without a password as .xlsx",
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise SourceError(
                f"{self.name}: cannot open as an Excel workbook ({type(exc).__name__}: {exc})",
                hint="only unencrypted .xlsx/.xlsm files can be read; save a copy without a password",
            ) from None
        except Exception as exc:  # openpyxl crashes on some valid files (e.g. no default style)
            raise SourceError(
                f"{self.name}: openpyxl cannot read this workbook ({type(exc).__name__}: {exc})",
                hint="the workbook may come from a streaming writer openpyxl cannot read; open and "
                "save it again in Excel or LibreOffice",
            ) from None

    def _pick_sheet(self, names: list[str]) -> str:
        sheet = self.spec.sheet
        listing = ", ".join(repr(n) for n in names)
        if sheet is None:
            if not names:
                raise SourceError(f"{self.name}: the workbook has no sheets")
            return names[0]
        if isinstance(sheet, int):
            if 0 <= sheet < len(names):
                return names[sheet]
            raise SourceError(
                f"{self.name}: there is no sheet number {sheet} (0-based); sheets: {listing}",
            )
        if sheet in names:
            return sheet
        raise SourceError(
            f"{self.name}: no sheet named {sheet!r}{did_you_mean(sheet, names)}; sheets: {listing}"
        )

    def _rows(self, wb: Any) -> Iterator[tuple[int, list[Any]]]:
        """Yield ``(sheet row number, values)`` of non-empty rows; error cells checked."""
        ws = wb[self.sheet]
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # never trust the <dimension> tag (it may claim the whole sheet)
        null_errors = self.spec.excel_errors == "null"
        for rownum, cells in enumerate(ws.iter_rows(), start=1):
            values: list[Any] = []
            for col, cell in enumerate(cells, start=1):
                value = getattr(cell, "value", None)
                if getattr(cell, "data_type", None) == "e" and value is not None:
                    if not null_errors:
                        raise SourceError(
                            f"{self.name}: sheet '{self.sheet}' cell {_letter(col)}{rownum} holds the "
                            f"Excel error {value}",
                            hint="fix the formula, or pass excel_errors='null' to read error cells as missing",
                        )
                    value = None
                if value == "":
                    value = None
                elif isinstance(value, str) and "_x" in value:
                    value = _unescape(value)
                values.append(value)
            if any(v is not None for v in values):
                yield rownum, values

    def _check_unchanged(self) -> None:
        st = os.stat(self.path)
        if (st.st_size, st.st_mtime_ns) != (self.size, self.mtime_ns):
            raise SourceError(f"{self.name}: the file changed after it was opened", hint="open it again")

    def iter_frames(self) -> Iterator[pd.DataFrame]:
        self._check_unchanged()
        wb = self._open()
        try:
            rows = self._rows(wb)
            if self.spec.header:
                next(rows, None)
            batch: list[tuple[int, list[Any]]] = []
            count = 0
            for item in rows:
                batch.append(item)
                if len(batch) >= CHUNK_ROWS:
                    yield self._frame(batch, count)
                    count += len(batch)
                    batch = []
            if batch:
                yield self._frame(batch, count)
        finally:
            wb.close()

    def _frame(self, batch: list[tuple[int, list[Any]]], first: int) -> pd.DataFrame:
        for rownum, values in batch:
            if _trimmed_len(values) > self.width:
                col = _trimmed_len(values)
                raise SourceError(
                    f"{self.name}: sheet '{self.sheet}' cell {_letter(col)}{rownum} holds a value "
                    f"beyond the last column with a header ({_letter(self.width)})",
                    hint="give that column a header, or pass header=False",
                )
        columns = {name: [_at(v, i) for _, v in batch] for i, name in enumerate(self.schema)}
        try:
            return columns_to_frame(columns, self.schema, np.arange(first, first + len(batch)))
        except ValueMismatch as exc:
            col = exc.column or ""
            cell = f"{_letter(list(self.schema).index(col) + 1)}{batch[exc.index][0]}"
            raise SourceError(
                f"{self.name}: sheet '{self.sheet}' cell {cell}, column '{col}': value {exc.value!r} "
                f"is not {exc.logical} (the type inferred from the first {INFER_ROWS} rows)",
                hint=f"read column '{col}' as string: column_types={{'{col}': 'string'}}",
            ) from None

    def pieces(self, npartitions: int | None = None) -> list[Any]:
        return [("sheet", self.sheet)]

    def read_piece(self, piece: Any, columns: Sequence[str] | None = None) -> pd.DataFrame:
        out = self._concat(list(self.iter_frames()))
        return out if columns is None else out[[*columns, ROWID]]


def _unescape(text: str) -> str:
    """Decode OOXML ``_xHHHH_`` escapes (``ABC_x000D_`` -> ``ABC\\r``), which openpyxl leaves in
    shared strings; ``_x005F_`` escapes a literal underscore."""
    # heavy dependency: openpyxl is imported only when an Excel file is read
    from openpyxl.utils.escape import unescape

    return unescape(text)


def _trimmed_len(values: Sequence[Any]) -> int:
    n = len(values)
    while n and values[n - 1] is None:
        n -= 1
    return n


def _at(values: Sequence[Any], i: int) -> Any:
    return values[i] if i < len(values) else None
