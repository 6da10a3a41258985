"""Parquet part files (plain or hive-partitioned), schema verification, single-file merge.

Each partition is converted to Arrow with the *planned* types (:func:`convert.arrow_type`),
written with pyarrow, and its footer read back: the row count and every column's Arrow type
must be what was planned, else :class:`DestinationError` (DESIGN.md section 2: Dask can lose
an ``astype`` in the meta, which would otherwise silently give a ``double`` column).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from brewdesk.recipes.errors import DestinationError

from .convert import PartPlan, PartResult, arrow_type, hive_groups, to_arrow
from .staging import fsync_file


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def make_dirs(root: str, rel: str) -> str:
    """Create ``root/rel`` level by level; never creates ``root`` itself (it must exist)."""
    cur = root
    for seg in rel.split("/"):
        cur = os.path.join(cur, seg)
        try:
            os.mkdir(cur)
        except FileExistsError:
            pass
    return cur


def check_file(path: str, columns: tuple[str, ...], logical: tuple[str, ...], rows: int | None) -> int:
    """Read a Parquet footer; check row count (if given), column names and planned types.

    Returns
    -------
    int
        The file's row count.
    """
    try:
        meta = pq.read_metadata(path)
        schema = meta.schema.to_arrow_schema()
    except (OSError, pa.ArrowException) as exc:
        raise DestinationError(f"verification failed: cannot read back {path} ({exc})") from None
    if rows is not None and meta.num_rows != rows:
        raise DestinationError(f"verification failed: {path} holds {meta.num_rows} rows, {rows} were written")
    if schema.names != list(columns):
        raise DestinationError(f"verification failed: {path} has columns {schema.names}, expected {list(columns)}")
    for name, lt in zip(columns, logical, strict=True):
        want = arrow_type(lt)
        got = schema.field(name).type
        if want is not None and not got.equals(want):
            raise DestinationError(
                f"verification failed: column {name!r} was written to {path} as {got}, "
                f"but the plan says {lt} ({want})",
                hint="a step probably changed the column's type in the Dask meta; please report this",
            )
    return meta.num_rows


def _write_table(table: pa.Table, path: str, plan: PartPlan) -> int:
    try:
        pq.write_table(table, path, compression=plan.compression or "none")
    except (pa.ArrowException, OSError) as exc:
        raise DestinationError(f"cannot write {path}: {exc}") from None
    if plan.sync:
        fsync_file(path)
    return os.path.getsize(path)


def write_part(df: pd.DataFrame, plan: PartPlan, index: int) -> PartResult:
    """Write one conformed partition under ``plan.root``; verify each file's footer."""
    cols, logical = plan.data_columns, plan.data_logical
    files: list[str] = []
    size = 0
    if plan.partition_cols:
        for rel, group in hive_groups(df, plan):
            folder = make_dirs(plan.root, rel)
            path = os.path.join(folder, part_name(index))
            size += _write_table(to_arrow(group, cols, logical, index), path, plan)
            check_file(path, cols, logical, len(group))
            files.append(f"{rel}/{part_name(index)}")
        return PartResult(index, len(df), files, size)
    if len(df) == 0 and not (plan.keep_empty and index == 0):
        return PartResult(index, 0, [], 0)
    path = os.path.join(plan.root, part_name(index))
    size = _write_table(to_arrow(df, cols, logical, index), path, plan)
    check_file(path, cols, logical, len(df))
    return PartResult(index, len(df), [part_name(index)], size)


def merge(parts: list[Path], out: Path, compression: str | None) -> None:
    """Merge part files, in order, into the single file ``out`` (row group by row group).

    One part is renamed, not rewritten. Memory stays at about one row group.
    """
    if len(parts) == 1:
        os.rename(parts[0], out)
        fsync_file(out)
        return
    schema = pq.read_schema(parts[0])
    try:
        with pq.ParquetWriter(out, schema, compression=compression or "none") as writer:
            for part in parts:
                pf = pq.ParquetFile(part)
                for i in range(pf.num_row_groups):
                    writer.write_table(pf.read_row_group(i))
                pf.close()
    except (ValueError, pa.ArrowException) as exc:
        raise DestinationError(f"cannot merge the parts into {out}: {exc}") from None
    fsync_file(out)
