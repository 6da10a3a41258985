"""Parquet reader: one file or a folder (hive partitions allowed), one piece per row group.

Types come from the Parquet schema (no data is read to infer them): integers -> ``int64``,
floats and decimals -> ``float64``, booleans, strings -> ``string``, timestamps and dates ->
``datetime`` (time zones converted to UTC, then naive), dictionary (categorical) columns ->
their value type, times -> ``string``, binary/list/struct/map/duration -> ``object``.
``_rowid`` is the exact 0-based row number (files in path order, then row groups).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
from brewdesk.engine.errors import SourceError
from brewdesk.engine.readers.base import SourceHandle, arrow_to_frame, chunk_bounds, unique_names
from brewdesk.engine.readers.sources import SourceSpec, local_path
from brewdesk.recipes.model.types import ROWID, Schema


def logical_from_arrow(t: pa.DataType) -> str:
    """Logical type for an Arrow type (see module notes)."""
    if pa.types.is_dictionary(t):
        return logical_from_arrow(t.value_type)
    if pa.types.is_integer(t):
        return "int64"
    if pa.types.is_floating(t) or pa.types.is_decimal(t):
        return "float64"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_null(t):
        return "string"
    if getattr(pa.types, "is_string_view", lambda _t: False)(t):
        return "string"
    if pa.types.is_timestamp(t) or pa.types.is_date(t):
        return "datetime"
    if pa.types.is_time(t):
        return "string"
    return "object"


@dataclass(frozen=True)
class RowGroup:
    """One row group: file, index, first row number, row count, hive partition values."""

    path: str
    index: int
    offset: int
    rows: int
    keys: tuple[tuple[str, Any], ...] = ()


def _natural_key(path: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", path)]


class ParquetHandle(SourceHandle):
    """An opened Parquet file or folder."""

    def __init__(self, spec: SourceSpec) -> None:
        self.spec = spec
        path = local_path(spec.location)
        name = os.path.basename(os.path.normpath(path))
        self._name = name
        if not os.path.exists(path):
            raise SourceError(f"{path}: file or folder not found", hint="check the path and the current folder")
        try:
            dataset = pads.dataset(path, format="parquet", partitioning="hive" if os.path.isdir(path) else None)
            fragments = sorted(dataset.get_fragments(), key=lambda f: _natural_key(f.path))
            units: list[RowGroup] = []
            offset = 0
            for frag in fragments:
                md = frag.metadata
                keys = tuple(sorted(pads.get_partition_keys(frag.partition_expression).items()))
                for rg in range(md.num_row_groups):
                    n = md.row_group(rg).num_rows
                    units.append(RowGroup(frag.path, rg, offset, n, keys))
                    offset += n
        except (pa.ArrowInvalid, OSError) as exc:
            raise SourceError(
                f"{name}: cannot read as Parquet: {str(exc).splitlines()[0]}",
                hint="is it really a Parquet file? pass format= to read it as something else",
            ) from None
        if os.path.isdir(path) and not fragments:
            raise SourceError(f"{name}: the folder holds no Parquet files")
        arrow_schema = dataset.schema
        raw_names = [f.name for f in arrow_schema]
        names = unique_names(raw_names)
        if names != raw_names:
            raise SourceError(
                f"{name}: duplicate, blank or reserved column names {raw_names}",
                hint="rename the columns in the file",
            )
        self.arrow_schema = arrow_schema
        self.partition_names = {k for u in units for k, _ in u.keys}
        overrides = dict(spec.column_types)
        self.schema = Schema((f.name, overrides.get(f.name, logical_from_arrow(f.type))) for f in arrow_schema)
        self.units = units
        self.total_rows = offset

    @property
    def label(self) -> str:
        return self._name

    def pieces(self, npartitions: int | None = None) -> list[Any]:
        if not self.units:
            return [()]
        if npartitions is None or npartitions >= len(self.units):
            return [(u,) for u in self.units]
        return [tuple(self.units[a:b]) for a, b in chunk_bounds(len(self.units), npartitions)]

    def piece_rows(self, piece: Any) -> int | None:
        return sum(u.rows for u in piece)

    def read_piece(self, piece: Any, columns: Sequence[str] | None = None) -> pd.DataFrame:
        frames = [self._read_unit(u, columns) for u in piece]
        if not frames:
            meta = self.meta
            return meta if columns is None else meta[[*columns, ROWID]]
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)

    def _read_unit(self, unit: RowGroup, columns: Sequence[str] | None, take: np.ndarray | None = None) -> pd.DataFrame:
        wanted = list(self.schema) if columns is None else list(columns)
        in_file = [c for c in wanted if c not in self.partition_names]
        try:
            pf = pq.ParquetFile(unit.path)
            file_cols = set(pf.schema_arrow.names)
            table = pf.read_row_group(unit.index, columns=[c for c in in_file if c in file_cols])
        except (pa.ArrowInvalid, OSError) as exc:
            raise SourceError(f"{self._name}: cannot read {os.path.basename(unit.path)}: {exc}") from None
        if take is not None:
            table = table.take(pa.array(take))
        n = table.num_rows
        keys = dict(unit.keys)
        cols: dict[str, pa.Array | pa.ChunkedArray] = {}
        for c in wanted:
            t = self.arrow_schema.field(c).type
            if c in keys:
                cols[c] = pa.array([keys[c]] * n).cast(t.value_type if pa.types.is_dictionary(t) else t)
            elif c in table.column_names:
                cols[c] = table.column(c)
            else:
                cols[c] = pa.nulls(n, t.value_type if pa.types.is_dictionary(t) else t)
        schema = Schema((c, self.schema[c]) for c in wanted)
        rowid = unit.offset + (np.arange(n) if take is None else take)
        try:
            return arrow_to_frame(pa.table(cols) if cols else pa.table({"_": pa.nulls(n)}), schema, rowid)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
            raise SourceError(
                f"{self._name}: {os.path.basename(unit.path)} row group {unit.index}: {exc}",
                hint="a file of the folder may have a different schema",
            ) from None

    def random(self, n: int, seed: int) -> pd.DataFrame:
        """Exactly uniform rows: row numbers drawn from the footer counts, only the row groups
        holding them are read."""
        if self.total_rows <= n:
            return self._concat([self.read_piece(p) for p in self.pieces()])
        rng = np.random.default_rng(seed)
        picked = np.sort(rng.choice(self.total_rows, size=n, replace=False))
        frames = []
        for u in self.units:
            lo, hi = np.searchsorted(picked, [u.offset, u.offset + u.rows])
            if hi > lo:
                frames.append(self._read_unit(u, None, take=picked[lo:hi] - u.offset))
        return self._concat(frames)
