"""Run a recipe over full datasets: open, plan, execute with Dask, write, report.

This is what ``brewdesk run`` and the app's Run button call. Destinations are checked before any
data is read (an existing destination without ``overwrite`` refuses the run at once); every
output is written atomically by :mod:`brewdesk.engine.writers`; the input is never modified.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import dask
import dask.utils
from brewdesk.engine.checkpoint import Checkpoints
from brewdesk.engine.errors import SourceError
from brewdesk.engine.execute import Executor
from brewdesk.engine.plan import Plan, plan, required_columns
from brewdesk.engine.readers import LazyDataset, SourceSpec, open_source
from brewdesk.engine.report import RunReport, StepReport
from brewdesk.engine.writers import DestSpec, check_destination, write
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import MAIN, Recipe
from brewdesk.recipes.model.types import ROWID, Schema

ProgressFactory = Callable[[str], contextlib.AbstractContextManager[Any]]


@dataclass
class RunOptions:
    """How to run.

    Attributes
    ----------
    partitions
        Force this many partitions of the main input (``None``: the reader's default, e.g.
        64 MB blocks of a CSV).
    scheduler
        ``None`` or ``"threads"`` (local threads, the default), ``"processes"``, ``"sync"``, or
        the address of a ``dask.distributed`` scheduler (``tcp://127.0.0.1:8786``).
    progress
        A factory of context managers showing progress for one pass (given its label);
        ``None`` for silence.
    spill_dir
        Folder for checkpoints (local Parquet copies that spare later passes from re-reading
        the source). Default: the system's temporary folder; with a distributed scheduler,
        checkpoints are used only when this names a folder every worker can reach. Local runs
        also spill the working data of dedupe and sort here (:mod:`brewdesk.engine.spill`).
    memory_limit
        A memory budget in bytes for a local run (``None``: 64 MB blocks, one thread per core).
        The engine sizes input blocks and threads to it (:class:`Budget`); peak resident memory
        stays near it whatever the size of the data (measured in tests/benchmarks/README.md).
        Not applied to a distributed scheduler, whose workers have their own limits.
    """

    partitions: int | None = None
    scheduler: str | None = None
    progress: ProgressFactory | None = None
    spill_dir: str | None = None
    memory_limit: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


MIN_MEMORY_LIMIT = 360 * 2**20
"""The smallest memory budget: the interpreter, pandas, pyarrow and Dask take about 200 MB, and
a run about 300 MB before its partitions."""
_BASE_MEMORY = 320 * 2**20
_BYTES_PER_BLOCK_BYTE = 8
"""Peak memory of a task per byte of its CSV/JSON block (parse, steps' copies, Arrow conversion).
Measured on the 5,000,000-row taxi file (clean recipe, two threads): 8 MB blocks peak at 420 MB,
25 MB blocks at 600 MB, 64 MB blocks at 1,000 MB."""


@dataclass(frozen=True)
class Budget:
    """How a run fits a memory limit: threads and input block size.

    Attributes
    ----------
    threads
        Local worker threads (each holds one partition at a time).
    blocksize
        Bytes of CSV/JSON text per partition (Parquet and Excel keep their own units).
    """

    threads: int
    blocksize: int

    @classmethod
    def for_limit(cls, limit: int, *, cores: int | None = None) -> Budget:
        """Threads and block size for ``limit`` bytes (see :data:`MIN_MEMORY_LIMIT`).

        Raises
        ------
        BrewdeskError
            When ``limit`` is below :data:`MIN_MEMORY_LIMIT`.
        """
        if limit < MIN_MEMORY_LIMIT:
            raise BrewdeskError(
                f"memory limit {dask.utils.format_bytes(limit)} is too small: a run needs at least "
                f"{dask.utils.format_bytes(MIN_MEMORY_LIMIT)}",
                hint="give --memory-limit 512MB or more",
            )
        threads = max(1, cores or os.cpu_count() or 1)
        per_thread = (limit - _BASE_MEMORY) // _BYTES_PER_BLOCK_BYTE
        while threads > 1 and per_thread // threads < 8 * 2**20:
            threads -= 1  # fewer, larger blocks rather than blocks too small to parse efficiently
        block = int(min(64 * 2**20, max(2**20, per_thread // threads)))
        return cls(threads, block)


def parse_memory_limit(text: str) -> int:
    """Bytes of a size such as ``1GB``, ``1.5GiB`` or ``800MB`` (Dask's size syntax).

    Raises
    ------
    BrewdeskError
        When ``text`` is not a size.
    """
    try:
        value = int(dask.utils.parse_bytes(text.strip()))
    except (ValueError, TypeError, KeyError):
        raise BrewdeskError(f"memory limit {text!r} is not a size", hint="write it like 1GB or 800MB") from None
    return value


@contextlib.contextmanager
def scheduler_context(address: str | None) -> Iterator[str]:
    """Activate the chosen Dask scheduler; yields a label for reports.

    Raises
    ------
    BrewdeskError
        When a distributed scheduler cannot be reached.
    """
    if address in (None, "", "threads"):
        with dask.config.set(scheduler="threads"):
            yield "local threads"
        return
    if address in ("sync", "processes"):
        with dask.config.set(scheduler=address):
            yield f"local {address}"
        return
    try:
        # heavy dependency: dask.distributed is imported only for a cluster address
        from distributed import Client
    except ImportError as e:  # pragma: no cover - distributed is a dependency
        raise BrewdeskError("dask.distributed is not installed") from e
    try:
        client = Client(address, timeout="10s", set_as_default=True)
    except (OSError, TimeoutError) as e:
        raise BrewdeskError(f"cannot reach the Dask scheduler at {address}: {e}", hint="is `dask scheduler` running?") from None
    # heavy dependency: dask.distributed is imported only for a cluster address
    from distributed import KilledWorker

    try:
        yield f"dask.distributed at {address}"
    except KilledWorker as e:
        # a worker died while running a task more often than the scheduler allows
        # (distributed.scheduler.allowed-failures); the writers have discarded their staging
        raise BrewdeskError(
            f"a Dask worker of {address} died while running the job, and the scheduler does not retry "
            f"the lost task ({e.task!r}); every output was left as it was",
            hint="see the workers' logs (memory limit?); raise distributed.scheduler.allowed-failures to retry",
        ) from None
    finally:
        client.close()


def open_inputs(
    main: SourceSpec, inputs: Mapping[str, SourceSpec], *, partitions: int | None = None
) -> tuple[LazyDataset, dict[str, LazyDataset]]:
    """Open the main and secondary inputs (schemas inferred once; no full read)."""
    ds = open_source(main, npartitions=partitions)
    others = {name: open_source(spec) for name, spec in inputs.items()}
    return ds, others


def make_plan(recipe: Recipe, main: LazyDataset, others: Mapping[str, LazyDataset]) -> Plan:
    """Validate and plan ``recipe`` for the opened inputs (raises before any data is read)."""
    return plan(recipe, main.schema, {n: d.schema for n, d in others.items()})


def project(recipe: Recipe, main: LazyDataset, others: Mapping[str, LazyDataset], full: Plan) -> tuple[Any, Plan]:
    """Read only the input columns the output depends on (projection pushed into the reader).

    Returns the main frame to run on and its plan; the full ones when every column is needed
    or when planning on fewer columns would not give exactly the same output schema.
    """
    inputs = {n: d.schema for n, d in others.items()}
    cols = required_columns(recipe, main.schema, inputs)
    if len(cols) == len(main.schema):
        return main.frame, full
    try:
        narrow = plan(recipe, Schema((c, main.schema[c]) for c in cols), inputs)
    except BrewdeskError:
        return main.frame, full
    if narrow.output_schema != full.output_schema:
        return main.frame, full
    return main.frame[[*cols, ROWID]], narrow


def run_recipe(
    recipe: Recipe,
    *,
    main: SourceSpec,
    inputs: Mapping[str, SourceSpec] | None = None,
    outputs: Sequence[DestSpec],
    options: RunOptions | None = None,
) -> RunReport:
    """Run ``recipe`` over ``main`` (and named secondary inputs), writing every output.

    Parameters
    ----------
    recipe
        The recipe (unknown operations refuse to run).
    main
        The dataset the steps run on.
    inputs
        Secondary inputs by the names the recipe's join and union steps use.
    outputs
        Destinations; each is written whole or not at all.
    options
        Partitions, scheduler and progress display.

    Returns
    -------
    RunReport
        Rows in and out per step, time per stage, outputs written.

    Raises
    ------
    BrewdeskError
        Any user-facing failure: a destination that exists without overwrite (before any
        work), an unreadable source, a recipe that does not fit the data, a step failing on the
        data, a write failure. Destinations are left exactly as they were.
    """
    options = options or RunOptions()
    inputs = dict(inputs or {})
    if not outputs:
        raise BrewdeskError("no output given", hint="use --output DEST")
    started = time.time()
    t0 = time.perf_counter()
    for dest in outputs:
        check_destination(dest)
    for name in inputs:
        if name == MAIN:
            raise SourceError("the main input is given twice")
    budget = Budget.for_limit(options.memory_limit) if options.memory_limit else None
    if budget is not None and main.blocksize > budget.blocksize:
        main = dataclasses.replace(main, blocksize=budget.blocksize)
    ds, others = open_inputs(main, inputs, partitions=options.partitions)
    the_plan = make_plan(recipe, ds, others)
    main_frame, the_plan = project(recipe, ds, others, the_plan)
    report = RunReport.start(recipe, the_plan, main, inputs, started)

    def compute(label: str) -> Callable[..., tuple[Any, ...]]:
        def run(*collections: Any, **kw: Any) -> tuple[Any, ...]:
            cm = options.progress(label) if options.progress else contextlib.nullcontext()
            with cm:
                return dask.compute(*collections, **kw)

        return run

    distributed = options.scheduler not in (None, "", "threads", "sync", "processes")
    use_checkpoints = options.spill_dir is not None or not distributed
    limits = dask.config.set(num_workers=budget.threads) if budget is not None and not distributed else contextlib.nullcontext()
    with limits, scheduler_context(options.scheduler) as where, (
        Checkpoints(options.spill_dir) if use_checkpoints else contextlib.nullcontext()
    ) as checkpoints:
        report.scheduler = where
        if budget is not None:
            report.scheduler += (
                f" (memory limit {dask.utils.format_bytes(options.memory_limit or 0)}: {budget.threads} "
                f"thread(s), {dask.utils.format_bytes(budget.blocksize)} blocks, spilling to disk)"
            )
        executor = Executor(the_plan, compute=compute("statistics pass"), checkpoints=checkpoints)
        out = executor.build(main_frame, {n: d.frame for n, d in others.items()})
        if checkpoints is not None and len(outputs) > 1:
            # several outputs: compute the result once, then write each output from it
            writes, paths = checkpoints.tasks(out, "result")
            compute("computing the result")(*writes)
            out = Checkpoints.frame(paths, out._meta, the_plan.output_schema)
        frame = out.reset_index()
        for dest in outputs:
            written = write(
                frame, dest, compute=compute(f"writing {dest.masked_location}"), schema=the_plan.output_schema
            )
            report.outputs.append(written)
        executor.counts.collect()  # counts sent back by distributed workers, while the client is open
    report.stage_seconds = [
        {"stage": t.stage, "what": t.what, "seconds": round(t.seconds, 3)} for t in executor.timings
    ]
    totals = executor.counts.totals()
    report.steps = [
        StepReport.of(i, step, totals.get(step.id)) for i, step in enumerate(recipe.steps)
    ]
    report.rows_out = report.outputs[0].rows if report.outputs else None
    _fill_row_gaps(report)
    report.rows_in = next((s.rows_in for s in report.steps if s.rows_in is not None), None)
    report.seconds = round(time.perf_counter() - t0, 3)
    report.status = "succeeded"
    return report


def _fill_row_gaps(report: RunReport) -> None:
    """Infer counts the passes could not record (join, sort, union) from the neighbouring steps.

    Rows out of a step are the rows into the next enabled step; the last step's rows out are
    the rows written.
    """
    enabled = [s for s in report.steps if s.enabled]
    for i, s in enumerate(enabled):
        if s.rows_in is None and i > 0 and enabled[i - 1].rows_out is not None:
            s.rows_in = enabled[i - 1].rows_out
        if s.rows_out is None:
            if i + 1 < len(enabled) and enabled[i + 1].rows_in is not None:
                s.rows_out = enabled[i + 1].rows_in
            elif i + 1 == len(enabled):
                s.rows_out = report.rows_out
