"""The job process: runs :func:`~brewdesk.engine.run.run_recipe` and reports to the parent.

Started by :func:`brewdesk.engine.jobs.start_job` (see its module for the protocol). Messages
are ``("progress", label, done, total)``, then ``("done", report_json)`` or
``("failed", message)``. SIGTERM becomes an exception in the main thread, so the writers
discard their staging and the checkpoints are removed before the process exits; the parent
kills the process if that takes longer than :data:`CANCEL_GRACE`.

The parent (:mod:`.jobs`) imports this module, never the other way round: the limits both
sides keep (:data:`PROGRESS_INTERVAL`, :data:`CANCEL_GRACE`) and the way both show a
destination (:func:`output_label`) and hide passwords (:func:`scrub`) are defined here.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import fields
from typing import Any

from brewdesk.engine.connections import password_for, resolve
from brewdesk.engine.readers.sources import SourceSpec
from brewdesk.engine.report import safe_location
from brewdesk.engine.run import RunOptions, run_recipe
from brewdesk.engine.writers import parse_dest
from brewdesk.engine.writers.base import DestSpec
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Recipe
from dask.callbacks import Callback

PROGRESS_INTERVAL = 0.1
"""Seconds between two progress events of one pass (at most ~10 a second)."""
CANCEL_GRACE = 5.0
"""Seconds a cancelled child gets to clean up before it is killed."""


def scrub(text: str | None, secrets: Sequence[str]) -> str | None:
    """``text`` with every one of ``secrets`` replaced by ``***`` (``None`` stays ``None``)."""
    if text is None:
        return None
    for s in secrets:
        text = text.replace(s, "***")
    return text


def output_label(dest: DestSpec) -> str:
    """Where ``dest`` writes, for people: the path, or the masked URL with ``?table=``."""
    loc = safe_location(dest.location)
    if dest.table and "table=" not in loc:
        loc += ("&" if "?" in loc else "?") + f"table={dest.table}"
    return loc


class _Cancelled(BaseException):
    """Raised in the child's main thread by SIGTERM (a BaseException: no ``except Exception``
    on the way up may swallow it)."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Cancelled()


def _watch_parent(parent: int) -> None:
    """Stop the child when the parent process is gone (the app crashed or was killed)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            with contextlib.suppress(OSError):
                os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(CANCEL_GRACE)
            os._exit(1)


class _Sender:
    """Sends messages to the parent; a parent gone (broken pipe) cancels the job."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.lock = threading.Lock()

    def __call__(self, *msg: Any) -> None:
        with self.lock:
            try:
                self.conn.send(msg)
            except (BrokenPipeError, OSError):
                os._exit(1)


def _progress_factory(send: _Sender) -> Any:
    class Counter(Callback):
        def __init__(self, label: str) -> None:
            super().__init__()
            self.label = label
            self.total: int | None = None
            self.last = 0.0
            self.sent = -1

        def _start_state(self, dsk: Any, state: Any) -> None:
            self.total = sum(len(state[k]) for k in ("ready", "waiting", "running", "finished"))
            self.send(len(state["finished"]))

        def _posttask(self, key: Any, result: Any, dsk: Any, state: Any, worker_id: Any) -> None:
            done = len(state["finished"])
            if time.monotonic() - self.last >= PROGRESS_INTERVAL or done == self.total:
                self.send(done)

        def send(self, done: int) -> None:
            self.last = time.monotonic()
            self.sent = done
            send("progress", self.label, done, self.total)

    @contextlib.contextmanager
    def progress(label: str) -> Iterator[None]:
        send("progress", label, 0, None)
        counter = Counter(label)
        with counter:
            yield
        if counter.total is not None and counter.sent != counter.total:
            counter.send(counter.total)

    return progress


def child_main(conn: Any, recipe_text: str, main: SourceSpec, inputs: dict[str, SourceSpec],
                outputs: list[DestSpec], opts: dict[str, Any], parent: int) -> None:
    """Entry point of the job process: run, report, exit."""
    send = _Sender(conn)
    if sys.platform != "win32":
        signal.signal(signal.SIGTERM, _on_sigterm)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    code = 0
    try:
        try:
            code = _run_in_child(send, recipe_text, main, inputs, outputs, opts)
        finally:
            if sys.platform != "win32":
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
    except _Cancelled:
        code = 143
    with contextlib.suppress(OSError):
        conn.close()
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
        sys.stderr.flush()
    # do not wait for Dask worker threads still busy with a cancelled pass
    os._exit(code)


def _run_in_child(send: _Sender, recipe_text: str, main: SourceSpec, inputs: dict[str, SourceSpec],
                  outputs: list[DestSpec], opts: dict[str, Any]) -> int:
    """Run the recipe and send its report or its error; returns the exit code."""
    secrets: list[str] = []
    try:
        send("progress", "opening inputs", 0, None)
        recipe = Recipe.loads(recipe_text)
        options = RunOptions(
            partitions=opts["partitions"],
            scheduler=opts["scheduler"],
            spill_dir=opts["spill_dir"],
            memory_limit=opts.get("memory_limit"),  # absent from a spec of an older parent
            extra=opts["extra"],
            progress=_progress_factory(send),
        )
        secrets = named_secrets([main.location, *(s.location for s in inputs.values()),
                                 *(d.location for d in outputs)])
        resolved = [resolve_named_dest(d) for d in outputs]
        report = run_recipe(recipe, main=main, inputs=inputs, outputs=resolved, options=options)
        data = report.to_json()
        for out, dest in zip(data.get("outputs", []), outputs, strict=False):
            if dest.location.startswith("db:"):  # shown as given: db:NAME?table=T
                out["location"] = output_label(dest)
        send("done", json.dumps(data, default=str))
        return 0
    except BrewdeskError as e:
        send("failed", scrub(str(e), secrets) or "")
        return 1
    except MemoryError:
        send("failed", "out of memory: the job needs more memory than this machine has "
                       "(try more partitions or a Dask cluster)")
        return 1
    except Exception as e:  # noqa: BLE001 - one line for the user, the traceback on stderr
        traceback.print_exc()
        send("failed", scrub(f"internal error: {type(e).__name__}: {e}", secrets) or "")
        return 70


def resolve_named_dest(dest: DestSpec) -> DestSpec:
    """``dest`` with a named connection (``db:NAME?table=T``) turned into its full URL.

    Done in the job process only: the parent keeps ``db:NAME?table=T`` (history, messages).

    Raises
    ------
    SourceError
        An unknown connection name, a bad URL, a password in ``connections.toml``.
    """
    if not dest.location.startswith("db:"):
        return dest
    options = {f.name: getattr(dest, f.name) for f in fields(dest) if f.name != "location"}
    return parse_dest(resolve(dest.location), **options)


def named_secrets(locations: list[str]) -> list[str]:
    """Passwords of the named connections among ``locations`` (to scrub them from messages)."""
    found = []
    for loc in locations:
        if loc.startswith("db:"):
            password, _ = password_for(loc.removeprefix("db:").partition("?")[0])
            if password:
                found.append(password)
    return found
