"""Checkpoints: materialise a Dask frame once as local Arrow IPC pieces, read back lazily.

A plan with several passes over the data would otherwise re-read and re-parse its source (a
CSV, a zipped CSV, a database query) and re-run the steps before each pass. The executor writes
the main input to a checkpoint during the first pass instead, so later passes read columnar
Arrow files. Pieces keep the ``_rowid`` index and the exact canonical dtypes (read back through
:func:`brewdesk.engine.frames.conform`).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather
from brewdesk.engine.frames import conform
from brewdesk.recipes.model.types import ROWID, Schema, arrow_to_pandas_dtype


def write_piece(df: pd.DataFrame, path: str) -> int:
    """Write one partition (index ``_rowid`` kept) as an LZ4-compressed Arrow IPC file.

    Arrow IPC writes about 2.5x and reads about 1.5x faster than LZ4 Parquet here, for about
    twice the disk space (measured on 500,000 taxi rows: 0.05 s / 0.02 s, 29 MB).
    """
    json_columns = [c for c in df.columns if df[c].dtype == object and not _arrow_ok(df[c])]
    if json_columns:  # nested values Arrow cannot type (mixed elements): JSON text, decoded on read
        df = df.assign(**{c: [_json(v) for v in df[c].tolist()] for c in json_columns})
    table = pa.Table.from_pandas(df, preserve_index=True)
    if json_columns:
        meta = {**(table.schema.metadata or {}), JSON_COLUMNS: json.dumps([str(c) for c in json_columns]).encode()}
        table = table.replace_schema_metadata(meta)
    feather.write_feather(table, path, compression="lz4")
    return len(df)


JSON_COLUMNS = b"brewdesk.json_columns"


def _arrow_ok(s: pd.Series) -> bool:
    try:
        pa.array(s, from_pandas=True)
    except (pa.ArrowException, TypeError, ValueError):
        return False
    return True


def _json(v: Any) -> str | None:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    return json.dumps(v, ensure_ascii=False, default=str)


def read_piece(path: str, schema: Schema) -> pd.DataFrame:
    """Read one piece back with Brewdesk's canonical dtypes."""
    table = feather.read_table(path)
    df = table.to_pandas(types_mapper=arrow_to_pandas_dtype)
    # nested (object) columns as plain Python lists and dicts, as the readers hold them
    as_json = set(json.loads((table.schema.metadata or {}).get(JSON_COLUMNS, b"[]")))
    for c, t in schema.items():
        if t == "object" and c in df.columns:
            values = table.column(c).to_pylist()
            if c in as_json:
                values = [None if v is None else json.loads(v) for v in values]
            df[c] = pd.Series(values, index=df.index, dtype=object)
    if df.index.name != ROWID and ROWID in df.columns:
        df = df.set_index(ROWID)
    return conform(df, schema)


class Checkpoints:
    """A temporary folder of checkpoints, removed by :meth:`cleanup` (or at exit of ``with``)."""

    def __init__(self, base: str | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="brewdesk-checkpoint-", dir=base))

    def __enter__(self) -> Checkpoints:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.cleanup()

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def tasks(self, ddf: dd.DataFrame, name: str) -> tuple[list[Any], list[str]]:
        """Delayed writes of every partition of ``ddf`` and the piece paths."""
        folder = self.root / name
        folder.mkdir(parents=True, exist_ok=True)
        paths = [str(folder / f"part-{i:05d}.arrow") for i in range(ddf.npartitions)]
        writes = [dask.delayed(write_piece)(d, p) for d, p in zip(ddf.to_delayed(), paths, strict=True)]
        return writes, paths

    @staticmethod
    def frame(paths: list[str], meta: pd.DataFrame, schema: Schema) -> dd.DataFrame:
        """The checkpointed frame, read lazily piece by piece."""
        with dask.config.set({"dataframe.convert-string": False}):  # nested values stay objects
            return dd.from_map(read_piece, paths, args=(schema,), meta=meta, enforce_metadata=False)
