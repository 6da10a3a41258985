"""Progress display for a Dask pass: a rich progress bar fed by a local-scheduler callback."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from dask.callbacks import Callback
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class _TaskCounter(Callback):
    """Counts finished tasks of the local scheduler and reports them to a rich task."""

    def __init__(self, progress: Progress, task: Any) -> None:
        super().__init__()
        self.progress = progress
        self.task = task

    def _start_state(self, dsk: Any, state: Any) -> None:
        total = sum(len(state[k]) for k in ("ready", "waiting", "running", "finished"))
        self.progress.update(self.task, total=total, completed=len(state["finished"]))

    def _posttask(self, key: Any, result: Any, dsk: Any, state: Any, worker_id: Any) -> None:
        self.progress.update(self.task, completed=len(state["finished"]))


@contextlib.contextmanager
def rich_progress(label: str) -> Iterator[None]:
    """Show a progress bar on stderr for the Dask computation run inside the block.

    With a distributed scheduler the local callback sees no tasks; the bar then only shows the
    elapsed time.
    """
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task(label, total=None)
        with _TaskCounter(progress, task):
            yield
