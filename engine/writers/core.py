""":func:`write`: plan, stage, compute once, verify, swap, report.

File outputs are built as Dask delayed tasks: one task per partition writes a part file into
the staging folder and verifies it (row count, Parquet footer types), and one final task
assembles single-file outputs (concatenates CSV/JSON Lines parts, merges Parquet row groups,
streams Excel rows) and verifies the result. ``compute`` is called once on that final task;
the frame is never collected into memory. Then, in the caller's process, a folder output gets
its ``_SUCCESS`` manifest (last) and the result is swapped into place (see
:mod:`.staging`). SQL outputs: see :mod:`.sql`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import dask.local
import dask.threaded
import pandas as pd
from brewdesk.engine.errors import DestinationError
from brewdesk.recipes.model.errors import did_you_mean
from brewdesk.recipes.model.types import ROWID, Schema, logical_type
from dask.base import get_scheduler

from . import excel, parquet, text
from .base import DestSpec, OutputReport, Target, resolve
from .convert import PartPlan, PartResult, arrow_type, conform, hive_groups
from .preflight import check_file_target
from .sql import write_sql
from .staging import (
    discard,
    new_tag,
    os_reason,
    remove_tree,
    staging_path,
    swap_into_place,
    write_manifest,
)

OUTPUT = "output"
"""Name (plus the destination's suffix) of the assembled single file in the staging folder."""
PARTS = "parts"


@dataclass
class Finished:
    """What an assembled output holds: rows written, files (relative to the staging folder), bytes."""

    rows: int
    files: list[str]  # relative to the staging folder (POSIX)
    bytes: int


# --------------------------------------------------------------------------------------------
# tasks (module-level functions: they run on Dask workers)


def _text_part(df: pd.DataFrame, plan: PartPlan, index: int) -> PartResult:
    writer = text.write_csv if plan.format == "csv" else text.write_jsonl
    name = text.part_name(plan, index)
    cols, logical = plan.data_columns, plan.data_logical
    if plan.partition_cols:
        groups = [(rel, g) for rel, g in hive_groups(df, plan)]
    elif len(df) or (plan.keep_empty and index == 0):
        groups = [("", df)]
    else:
        groups = []
    files: list[str] = []
    size = 0
    for rel, group in groups:
        folder = parquet.make_dirs(plan.root, rel) if rel else plan.root
        path = os.path.join(folder, name)
        size += writer(group, path, plan, logical)
        got = text.count_rows(plan, path, cols, header=plan.header)
        if got != len(group):
            raise DestinationError(f"verification failed: {path} holds {got} rows, {len(group)} were written")
        files.append(f"{rel}/{name}" if rel else name)
    return PartResult(index, len(df), files, size)


def write_part(df: pd.DataFrame, plan: PartPlan, index: int, output_format: str) -> PartResult:
    """Task: conform partition ``index`` to the plan and write (and verify) its part file(s)."""
    df = conform(df, plan.columns, plan.logical, index)
    try:
        if output_format == "excel":
            return excel.write_part(df, plan, index)
        if plan.format in ("parquet", "arrow"):
            return parquet.write_part(df, plan, index)
        return _text_part(df, plan, index)
    except OSError as exc:
        raise DestinationError(
            f"cannot write {plan.output or plan.root}: {os_reason(exc)} (writing part {index} in {plan.root})"
        ) from None


def finish(results: Sequence[PartResult], plan: PartPlan, output_format: str, out: str | None) -> Finished:
    """Task: after every part, assemble the single file ``out`` (if any) and verify it."""
    try:
        return _finish(results, plan, output_format, out)
    except OSError as exc:
        raise DestinationError(f"cannot write {plan.output or out}: {os_reason(exc)} (assembling {out})") from None


def _finish(results: Sequence[PartResult], plan: PartPlan, output_format: str, out_name: str | None) -> Finished:
    results = sorted(results, key=lambda r: r.index)
    rows = sum(r.rows for r in results)
    part_bytes = sum(r.bytes for r in results)
    rel_files = [f for r in results for f in r.files]
    if out_name is None:
        return Finished(rows, rel_files, part_bytes)
    parts = [Path(plan.root) / f for f in rel_files]
    out = Path(out_name)
    if output_format == "excel":
        size = excel.assemble(parts, out, plan.columns, rows)
    elif output_format == "parquet":
        parquet.merge(parts, out, plan.compression)
        parquet.check_file(str(out), plan.columns, plan.logical, rows)
        size = os.path.getsize(out)
    else:
        size, header = text.concatenate(plan, parts, out, plan.columns)
        if size != header + part_bytes:
            raise DestinationError(f"verification failed: {out} has {size} bytes, expected {header + part_bytes}")
        _check_head(plan, out)
    return Finished(rows, [out.name], size)


def finish_appended(state: parquet.Appender, results: Sequence[PartResult], plan: PartPlan) -> Finished:
    """Task: close the appended single Parquet file and verify it."""
    state.close()
    rows = sum(r.rows for r in results)
    if state.rows != rows:
        raise DestinationError(f"verification failed: {state.out} holds {state.rows} rows, {rows} were computed")
    parquet.check_file(state.out, plan.columns, plan.logical, rows)
    return Finished(rows, [Path(state.out).name], os.path.getsize(state.out))


def _local_scheduler() -> bool:
    """Whether tasks run as threads of this process (objects can pass between tasks as-is)."""
    return get_scheduler() in (dask.threaded.get, dask.local.get_sync)


def _check_head(plan: PartPlan, path: Path) -> None:
    """Read the first record of a concatenated text file back (header / first object)."""
    try:
        with text.open_reader(path, plan.compression) as raw:
            fh = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            if plan.format == "csv":
                first = next(csv.reader(fh), [])
                ok = first == list(plan.columns) or (not plan.columns and first == [])
            else:
                line = fh.readline()
                ok = not line or list(json.loads(line)) == list(plan.columns)
    except (OSError, ValueError, EOFError) as exc:
        raise DestinationError(f"verification failed: cannot read back {path} ({exc})") from None
    if not ok:
        raise DestinationError(f"verification failed: {path} does not start with the columns {list(plan.columns)}")


# --------------------------------------------------------------------------------------------
# the caller's side


def _planned(frame: Any, schema: Schema | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    dtypes = [(str(c), t) for c, t in frame.dtypes.items() if c != ROWID]
    names = [c for c, _ in dtypes]
    dupes = sorted({c for c in names if names.count(c) > 1})
    if dupes:
        raise DestinationError(f"cannot write two columns with the same name: {', '.join(map(repr, dupes))}")
    if schema is None:
        return tuple(names), tuple(logical_type(t) for _, t in dtypes)
    if list(schema.names) != names:
        raise DestinationError(
            f"the frame's columns {names} differ from the planned schema {list(schema.names)}"
        )
    return tuple(names), tuple(schema[c] for c in names)


def _check_partition_cols(target: Target, columns: tuple[str, ...]) -> None:
    for c in target.partition_cols:
        if c not in columns:
            raise DestinationError(f"partition column {c!r} is not in the output{did_you_mean(c, columns)}")
    if target.partition_cols and set(columns) <= set(target.partition_cols):
        raise DestinationError("at least one column must not be a partition column")


@contextmanager
def _io(where: Any) -> Iterator[None]:
    """Turn an OSError of the writer's own file operations into a DestinationError."""
    try:
        yield
    except OSError as exc:
        raise DestinationError(f"cannot write {where}: {os_reason(exc)}") from None


def _write_files(frame: Any, target: Target, columns: tuple[str, ...], logical: tuple[str, ...],
                 compute: Callable[..., tuple]) -> tuple[int, list[str], int]:
    dest = target.path
    assert dest is not None
    check_file_target(target)
    _check_partition_cols(target, columns)
    if target.format == "excel":
        excel.check_columns(columns, dest)
    single = target.kind == "file"
    tag = new_tag()
    staging = staging_path(dest, tag)
    with _io(dest):
        os.mkdir(staging)
    try:
        root = staging / PARTS if single else staging
        if single:
            with _io(dest):
                os.mkdir(root)
        if target.format == "excel":
            part_format, codec = "parquet", "snappy"
        elif target.format == "parquet" and single:
            part_format, codec = "arrow", target.compression  # encoded once, at the merge
        else:
            part_format, codec = target.format, target.compression
        plan = PartPlan(
            part_format, columns, logical, str(root), compression=codec,
            partition_cols=target.partition_cols, header=not single,
            keep_empty=True, sync=not single, output=str(dest),
        )
        token = tag.rsplit("-", 1)[-1]
        parts = [
            dask.delayed(write_part, pure=False)(p, plan, i, target.format,
                                                  dask_key_name=(f"brewdesk-write-{target.format}-{token}", i))
            for i, p in enumerate(frame.to_delayed())
        ]
        out = staging / (OUTPUT + dest.suffix) if single else None
        if plan.format == "arrow" and _local_scheduler():
            # single Parquet file on this process's threads: append parts in order as they come
            state: Any = parquet.Appender(str(out), plan.compression, output=str(dest))
            for i, part in enumerate(parts):
                state = dask.delayed(parquet.append_part, pure=False)(
                    state, part, plan.root, dask_key_name=(f"brewdesk-append-{token}", i)
                )
            done = dask.delayed(finish_appended, pure=False)(state, parts, plan,
                                                              dask_key_name=f"brewdesk-finish-{token}")
        else:
            done = dask.delayed(finish, pure=False)(parts, plan, target.format, str(out) if out else None,
                                                    dask_key_name=f"brewdesk-finish-{target.format}-{token}")
        (result,) = compute(done)
        if single:
            with _io(dest):
                swap_into_place(out, dest, tag)
            files = [str(dest)]
        else:
            info: dict[str, Any] = {
                "format": target.format,
                "compression": target.compression,
                "rows": result.rows,
                "bytes": result.bytes,
                "files": result.files,
                "partition_cols": list(target.partition_cols),
                "schema": dict(zip(columns, logical, strict=True)),
            }
            if target.format == "parquet":
                info["arrow_schema"] = {c: str(arrow_type(t) or "inferred") for c, t in zip(columns, logical, strict=True)}
            with _io(dest):
                write_manifest(staging, info)
                swap_into_place(staging, dest, tag)
            files = [str(dest / f) for f in result.files]
    except BaseException:
        discard(staging)
        raise
    if single:
        remove_tree(staging)
    return result.rows, files, result.bytes


def write(frame: Any, dest: DestSpec, *, compute: Callable[..., tuple] = dask.compute,
          schema: Schema | None = None) -> OutputReport:
    """Write a frame to a destination safely (docs/architecture.md section 7).

    Parameters
    ----------
    frame
        A Dask DataFrame (a pandas DataFrame is accepted and treated as one partition). The
        hidden ``_rowid`` column is dropped. Partitions are written in order.
    dest
        Where and how; see :class:`DestSpec`.
    compute
        Runs the graph: ``compute(*delayeds) -> tuple`` with :func:`dask.compute`'s
        signature (the caller adds progress bars and scheduler options). Called once.
    schema
        The planned logical types (from the recipe). Default: the frame's dtypes. Every
        partition is cast to these types (safely, or :class:`DestinationError`), and Parquet
        footers are checked against them.

    Returns
    -------
    OutputReport

    Notes
    -----
    Part files are written by the Dask workers into the staging folder beside the
    destination (SQL: the temporary folder), so workers must see that folder: the local
    schedulers, a cluster on this machine, or a shared file system.

    Raises
    ------
    DestinationError
        See :func:`check_destination` (checked first, before any work); a value that does not
        fit the planned type; a verification failure; an I/O or database error. Errors
        raised by the computation itself (a recipe step) propagate unchanged. On any failure
        the old destination (file, folder or table) is left exactly as it was and the staging
        is removed.
    """
    started = time.perf_counter()
    target = resolve(dest)
    if isinstance(frame, pd.DataFrame):
        frame = dd.from_pandas(frame, npartitions=1, sort=False)
    columns, logical = _planned(frame, schema)
    if ROWID in frame.columns:
        frame = frame.drop(columns=[ROWID])
    if target.kind == "sql":
        rows = write_sql(frame, target, columns, logical, compute)
        files: list[str] = []
        size = 0
        location = target.url.render_as_string(hide_password=True)
        qualified = f"{target.schema}.{target.table}" if target.schema else target.table
        location = f"{location}{'&' if '?' in location else '?'}table={qualified}"
    else:
        rows, files, size = _write_files(frame, target, columns, logical, compute)
        location = str(target.path)
    return OutputReport(
        location=location,
        format=target.format,
        rows=rows,
        files=files,
        bytes=size,
        seconds=round(time.perf_counter() - started, 3),
    )
