"""Rows in and out of each step, counted while partitions run (the run report's figures)."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RowCounts:
    """Rows in and out of each step, summed over partitions (filled while partitions run).

    Recorded per (step, partition) so that a partition computed twice is not counted twice.
    Sent to a ``dask.distributed`` worker, the counts travel back through a named
    ``distributed.Queue`` (one small message per step and partition) that :meth:`totals` drains;
    with the ``processes`` scheduler they stay in the worker processes and are unavailable.
    """

    cells: dict[tuple[str, int], tuple[int, int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    token: str = field(default_factory=lambda: uuid.uuid4().hex)
    remote: bool = False

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remote_counts, (self.token,))

    def __dask_tokenize__(self) -> str:
        return self.token

    @property
    def queue_name(self) -> str:
        """Name of the ``distributed.Queue`` the workers' counts travel back through (one per run)."""
        return f"brewdesk-row-counts-{self.token}"

    def record(self, step_id: str, partition: int, rows_in: int, rows_out: int) -> None:
        if self.remote and _on_distributed_worker():
            from distributed import Queue  # optional: only a distributed run has it

            Queue(self.queue_name).put((step_id, partition, rows_in, rows_out))
            return
        with self.lock:
            self.cells[(step_id, partition)] = (rows_in, rows_out)

    def collect(self) -> None:
        """Collect counts that distributed workers sent back (no-op without a client)."""
        try:
            from distributed import Queue, default_client  # optional: only a distributed run has it

            default_client()
        except (ImportError, ValueError):
            return
        queue = Queue(self.queue_name)
        for _ in range(queue.qsize()):
            step_id, partition, rows_in, rows_out = queue.get(timeout=5)
            self.cells[(step_id, partition)] = (rows_in, rows_out)

    def totals(self) -> dict[str, tuple[int, int]]:
        self.collect()
        out: dict[str, tuple[int, int]] = {}
        for (sid, _), (a, b) in self.cells.items():
            x, y = out.get(sid, (0, 0))
            out[sid] = (x + a, y + b)
        return out


def _remote_counts(token: str) -> RowCounts:
    """Unpickled copy of a :class:`RowCounts` (in a worker): records go back through a queue."""
    return RowCounts(token=token, remote=True)


def _on_distributed_worker() -> bool:
    try:
        from distributed import get_worker  # optional: only a distributed run has it

        get_worker()
    except (ImportError, ValueError):
        return False
    return True
