"""Cancellable jobs: :func:`run_recipe` in a child process, progress events, a job history.

The app's Run button must never compute on the GUI thread, and its Cancel must really stop the
work. Threads cannot be stopped, so a job runs in its own process (``multiprocessing`` *spawn*
context: no inherited Qt or thread state, the same on every platform)::

    job = start_job(recipe, main=spec, inputs={}, outputs=[parse_dest("out.parquet")])
    while not job.done():
        for event in job.poll():          # ProgressEvent(label, done, total)
            ...
    report = job.result()                 # RunReport.to_json(), or raises JobFailed

Messages
    The child (:mod:`.jobchild`) sends ``(kind, ...)`` tuples through a one-way :func:`multiprocessing.Pipe`,
    drained by a reader thread in the parent into a thread-safe list that :meth:`Job.poll`
    empties. A pipe rather than a :class:`multiprocessing.Queue`: a Queue's parent side holds
    the write end too, so a child killed in the middle of a message would leave a reader
    waiting forever for the rest; with a pipe whose parent copy of the write end is closed, a
    dead child is a clean end of file. The reader thread keeps the pipe drained, so the child
    never blocks on a full pipe even when nobody polls.
Progress
    :attr:`RunOptions.progress <brewdesk.engine.run.RunOptions.progress>` wraps every Dask
    pass; a local-scheduler :class:`dask.callbacks.Callback` counts finished tasks and sends
    ``("progress", label, done, total)`` at most :data:`.jobchild.PROGRESS_INTERVAL` apart (and at the
    start and end of each pass). With a distributed scheduler the local callback sees no tasks:
    the events then carry ``total=None`` (show a busy bar).
Cancel
    :meth:`Job.cancel` sends SIGTERM; the child turns it into an exception in its main thread,
    so the writers discard their staging and the checkpoints are removed, then exits at once.
    After :data:`.jobchild.CANCEL_GRACE` seconds a child still alive is killed (SIGKILL; on Windows
    ``terminate`` is already a hard kill). Every write is atomic (:mod:`.writers`), so the
    destinations keep their old content; once the child is gone the parent tidies whatever a
    killed writer left beside them (:func:`.writers.staging.recover`) and the job's checkpoint
    folder. One unavoidable race: a cancel arriving after the last rename of a write has
    happened cannot undo it; the job then reports ``succeeded`` if the report got through.
History
    Every finished job appends one JSON line to ``data_home()/jobs.jsonl``
    (:class:`JobHistory`): id, recipe, start, duration, status, outputs and input with
    passwords masked, rows in and out, error. Error texts are scrubbed of the passwords of
    every URL the job was given. Named connections (``db:NAME?table=T``) are resolved in the
    child, which scrubs their passwords from its messages too; the history keeps ``db:NAME?table=T``.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from brewdesk.engine.home import data_home
from brewdesk.engine.jobchild import CANCEL_GRACE, child_main, output_label, scrub
from brewdesk.engine.readers.sources import SourceSpec
from brewdesk.engine.report import safe_location
from brewdesk.engine.writers.base import DestSpec, resolve
from brewdesk.engine.writers.staging import recover
from brewdesk.recipes.model.errors import BrewdeskError

STATUSES = ("running", "succeeded", "failed", "cancelled")
CANCELLED_MESSAGE = "cancelled: the destination was left as it was"

__all__ = [
    "CANCELLED_MESSAGE",
    "Job",
    "JobCancelled",
    "JobFailed",
    "JobHistory",
    "JobRecord",
    "ProgressEvent",
    "start_job",
]


class JobFailed(BrewdeskError):
    """The job failed; the message is the child's :class:`BrewdeskError` text (with its hint)."""


class JobCancelled(JobFailed):
    """The job was cancelled; its destinations were left as they were."""


@dataclass(frozen=True)
class ProgressEvent:
    """Progress of one pass over the data.

    Attributes
    ----------
    label
        The pass (``"statistics pass"``, ``"writing out.parquet"``, ``"opening inputs"``).
    done
        Dask tasks finished in this pass.
    total
        Tasks in the pass; ``None`` while unknown (starting, distributed scheduler).
    """

    label: str
    done: int = 0
    total: int | None = None


# --------------------------------------------------------------------------------------------
# history


@dataclass
class JobRecord:
    """One finished job, as stored in the history (no credentials).

    Attributes
    ----------
    started
        ISO 8601 UTC time the job was started.
    seconds
        Wall time from start to end (process start-up included).
    outputs
        Destination locations, passwords replaced by ``***``.
    scheduler
        Where it ran, as the run report says (with the memory limit, when one was set);
        ``None`` when the job ended before reporting.
    """

    id: str
    recipe: str
    started: str
    seconds: float
    status: str
    outputs: list[str] = field(default_factory=list)
    input: str = ""
    rows_in: int | None = None
    rows_out: int | None = None
    error: str | None = None
    scheduler: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> JobRecord:
        """Build from a stored line, ignoring unknown keys (newer versions may add some)."""
        names = {f.name for f in fields(cls)}
        known = {k: v for k, v in data.items() if k in names}
        return cls(**{"id": "", "recipe": "", "started": "", "seconds": 0.0, "status": "failed"} | known)


class JobHistory:
    """Past jobs, as JSON Lines in ``data_home()/jobs.jsonl`` (or ``path``).

    Appending writes one line with one ``write`` call in append mode, so two processes can
    share the file. Unreadable lines are skipped on load.
    """

    FILE_NAME = "jobs.jsonl"

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else data_home() / self.FILE_NAME

    def append(self, record: JobRecord) -> None:
        """Add ``record`` at the end of the file (its folder is created on demand).

        Raises
        ------
        OSError
            The file cannot be written.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(record.to_json(), default=str, ensure_ascii=False) + "\n"
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)

    def load(self, *, limit: int | None = None) -> list[JobRecord]:
        """Records in the order they finished (oldest first); the last ``limit`` if given."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        out: list[JobRecord] = []
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if isinstance(data, dict):
                out.append(JobRecord.from_json(data))
        return out[-limit:] if limit else out

    def clear(self) -> None:
        """Forget every past job."""
        self.path.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------
# the parent side


def _secrets(main: SourceSpec | None, inputs: Mapping[str, SourceSpec], outputs: Sequence[DestSpec]) -> list[str]:
    """Passwords of every URL a job is given (to scrub them from error texts)."""
    found: list[str] = []
    locations = [s.location for s in ([main] if main else []) + list(inputs.values())]
    locations += [d.location for d in outputs]
    for loc in locations:
        if "://" not in loc or "@" not in loc:
            continue
        try:
            # heavy dependency: SQLAlchemy is imported only when a job is given a database URL
            from sqlalchemy.engine import make_url

            pw = make_url(loc).password
        except Exception:  # noqa: BLE001 - not a SQLAlchemy URL
            pw = loc.split("://", 1)[1].rsplit("@", 1)[0].partition(":")[2]
        if pw:
            found.append(str(pw))
    return found


class Job:
    """A recipe run in a child process. Create with :func:`start_job`.

    Thread-safe: :meth:`poll`, :meth:`cancel` and the status may be used from any thread;
    the GUI polls from a timer.
    """

    def __init__(self, *, process: Any, conn: Any, recipe_name: str, main: SourceSpec,
                 outputs: Sequence[DestSpec], history: JobHistory | None, secrets: Sequence[str],
                 spill_dir: str | None, job_id: str, started: float) -> None:
        self.id = job_id
        self.recipe_name = recipe_name
        self.main = main
        self.outputs = tuple(outputs)
        self.started = started
        self._process = process
        self._conn = conn
        self._history = history
        self._secrets = list(secrets)
        self._spill_dir = spill_dir
        self._lock = threading.Lock()
        self._events: list[ProgressEvent] = []
        self._status = "running"
        self._report: dict[str, Any] | None = None
        self._error: str | None = None
        self._cancel_requested = False
        self._finished = threading.Event()
        self.ended: float | None = None
        self.record: JobRecord | None = None
        self._reader = threading.Thread(target=self._read, name=f"brewdesk-job-{job_id}", daemon=True)
        self._reader.start()

    # ------------------------------------------------------------------ public
    @property
    def status(self) -> str:
        """``running``, ``succeeded``, ``failed`` or ``cancelled``."""
        with self._lock:
            return self._status

    @property
    def error(self) -> str | None:
        """The failure message (``None`` unless failed or cancelled)."""
        with self._lock:
            return self._error

    @property
    def pid(self) -> int | None:
        """The child's process id."""
        return self._process.pid

    @property
    def cancel_requested(self) -> bool:
        with self._lock:
            return self._cancel_requested

    def poll(self) -> list[ProgressEvent]:
        """Progress events received since the last call (never blocks)."""
        with self._lock:
            events, self._events = self._events, []
        return events

    def done(self) -> bool:
        """True once the child has ended and the job's status is final."""
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job ends (at most ``timeout`` seconds); True if it ended."""
        return self._finished.wait(timeout)

    def result(self, timeout: float | None = None) -> dict[str, Any]:
        """The run report (:meth:`RunReport.to_json`), waiting for the end.

        Raises
        ------
        JobCancelled
            The job was cancelled.
        JobFailed
            The run failed; the message is the one the CLI would print.
        TimeoutError
            ``timeout`` elapsed first.
        """
        if not self.wait(timeout):
            raise TimeoutError(f"job {self.id} still running after {timeout} s")
        with self._lock:
            if self._status == "succeeded" and self._report is not None:
                return self._report
            if self._status == "cancelled":
                raise JobCancelled(CANCELLED_MESSAGE)
            raise JobFailed(self._error or "the job failed")

    def cancel(self, *, grace: float = CANCEL_GRACE) -> None:
        """Stop the job: SIGTERM now, SIGKILL after ``grace`` seconds. Returns at once."""
        with self._lock:
            if self._status != "running" or self._cancel_requested:
                return
            self._cancel_requested = True
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self._process.terminate()
        killer = threading.Timer(grace, self._kill)
        killer.daemon = True
        killer.start()

    def seconds(self) -> float:
        """Elapsed wall time (up to the end, once ended)."""
        return (self.ended or time.time()) - self.started

    # ------------------------------------------------------------------ internals
    def _kill(self) -> None:
        if not self._finished.is_set():
            with contextlib.suppress(OSError, ValueError, AttributeError):
                if self._process.is_alive():
                    self._process.kill()

    def _read(self) -> None:
        try:
            while True:
                try:
                    msg = self._conn.recv()
                except (EOFError, OSError):
                    break
                except Exception:  # noqa: BLE001 - a message cut by a kill: treat as the end
                    break
                self._handle(msg)
        finally:
            with contextlib.suppress(OSError):
                self._conn.close()
            self._process.join()
            self._finish()

    def _handle(self, msg: Any) -> None:
        kind = msg[0] if isinstance(msg, tuple) and msg else None
        with self._lock:
            if kind == "progress":
                self._events.append(ProgressEvent(msg[1], msg[2], msg[3]))
            elif kind == "done":
                self._report = json.loads(msg[1])
            elif kind == "failed":
                self._error = scrub(msg[1], self._secrets)

    def _finish(self) -> None:
        code = self._process.exitcode
        with self._lock:
            if self._report is not None:
                status = "succeeded"
            elif self._cancel_requested:
                status, self._error = "cancelled", CANCELLED_MESSAGE
            else:
                status = "failed"
                if self._error is None:
                    self._error = f"the job process ended unexpectedly (exit code {code})"
        self._tidy()
        self.ended = time.time()
        report = self._report or {}
        self.record = JobRecord(
            id=self.id,
            recipe=self.recipe_name,
            started=datetime.fromtimestamp(self.started, UTC).isoformat(timespec="seconds"),
            seconds=round(self.ended - self.started, 3),
            status=status,
            outputs=[output_label(d) for d in self.outputs],
            input=safe_location(self.main.location),
            rows_in=report.get("rows_in"),
            rows_out=report.get("rows_out"),
            error=scrub(self._error, self._secrets),
            scheduler=report.get("scheduler"),
        )
        if self._history is not None:
            with contextlib.suppress(OSError):
                self._history.append(self.record)
        with self._lock:
            self._status = status
        self._finished.set()

    def _tidy(self) -> None:
        """Remove what a killed child may have left: staging beside outputs, checkpoints."""
        for dest in self.outputs:
            try:
                if dest.location.startswith("db:"):  # a named connection, resolved in the child
                    recover(Path(tempfile.gettempdir()) / "brewdesk-sql")
                    continue
                target = resolve(dest)
                if target.kind == "sql":
                    recover(Path(tempfile.gettempdir()) / "brewdesk-sql")
                elif target.path is not None:
                    recover(target.path)
            except (BrewdeskError, OSError):
                continue
        if self._spill_dir:
            shutil.rmtree(self._spill_dir, ignore_errors=True)


def start_job(
    recipe: Any,
    *,
    main: SourceSpec,
    inputs: Mapping[str, SourceSpec] | None = None,
    outputs: Sequence[DestSpec],
    options: Any = None,
    history: JobHistory | None = None,
    record: bool = True,
) -> Job:
    """Start running ``recipe`` in a child process; returns at once.

    Parameters
    ----------
    recipe
        A :class:`~brewdesk.recipes.model.recipe.Recipe` (sent to the child as its JSON text).
    main, inputs, outputs
        As for :func:`~brewdesk.engine.run.run_recipe`. A named connection stays unresolved
        here (``db:NAME?table=T``, :mod:`.connections`): the child looks its URL and password
        up, so the parent, its job history and its messages never hold the password.
    options
        A :class:`~brewdesk.engine.run.RunOptions`; its ``progress`` factory is ignored (the
        child reports progress as :class:`ProgressEvent`); its ``memory_limit`` reaches the
        child's run. Without a ``spill_dir`` and with a
        local scheduler, checkpoints go to a folder of this job that the parent removes even
        if the child is killed.
    history
        Where the finished job is recorded (default: ``data_home()/jobs.jsonl``).
    record
        False: keep no history.

    Returns
    -------
    Job
        Poll it, wait for it, cancel it.
    """
    inputs = dict(inputs or {})
    outputs = list(outputs)
    opts = _options_dict(options)
    spill_dir = None
    if opts["spill_dir"] is None and opts["scheduler"] in (None, "", "threads", "sync", "processes"):
        spill_dir = tempfile.mkdtemp(prefix="brewdesk-job-")
        opts["spill_dir"] = spill_dir
    job_id = uuid.uuid4().hex[:12]
    ctx = multiprocessing.get_context("spawn")
    reader, writer = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=child_main,
        args=(writer, recipe.dumps(), main, inputs, outputs, opts, os.getpid()),
        name=f"brewdesk-job-{job_id}",
        daemon=False,  # the "processes" scheduler starts children of its own
    )
    started = time.time()
    process.start()
    writer.close()  # the child holds the only write end: its death is an end of file here
    return Job(
        process=process,
        conn=reader,
        recipe_name=recipe.name,
        main=main,
        outputs=outputs,
        history=(history or JobHistory()) if record else None,
        secrets=_secrets(main, inputs, outputs),
        spill_dir=spill_dir,
        job_id=job_id,
        started=started,
    )


def _options_dict(options: Any) -> dict[str, Any]:
    if options is None:
        return {"partitions": None, "scheduler": None, "spill_dir": None, "memory_limit": None, "extra": {}}
    return {
        "partitions": options.partitions,
        "scheduler": options.scheduler,
        "spill_dir": options.spill_dir,
        "memory_limit": options.memory_limit,
        "extra": dict(options.extra),
    }
