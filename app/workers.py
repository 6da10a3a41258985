"""Background work for the app: nothing computes on the GUI thread.

:class:`Worker` runs plain callables on a :class:`~PySide6.QtCore.QThreadPool`. Every request has
a *kind* (``"load"``, ``"view"``, ``"candidate"``, ``"summary"``, ``"profile"``, the step form's
``"fill"``) and a generation number; a newer request of the same kind supersedes the older one,
whose result is dropped when it arrives. Cancelling a kind bumps its generation (the running callable finishes in the
background; its result is ignored and nobody waits for it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives in the GUI thread; worker threads emit on it, so slots run in the GUI thread."""

    finished = Signal(str, int, object, bool)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], kind: str, generation: int, relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.kind = kind
        self.generation = generation
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result, ok = self.fn(), True
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI, never raised there
            result, ok = exc, False
        try:
            self.relay.finished.emit(self.kind, self.generation, result, ok)
        except RuntimeError:  # the window closed while this ran: nobody waits for the result
            pass


class Worker(QObject):
    """Run callables off the GUI thread; the newest request of each kind wins.

    Signals
    -------
    done(kind, result)
        The current request of ``kind`` returned ``result``.
    failed(kind, exception)
        The current request of ``kind`` raised ``exception``.
    busy_changed(busy)
        Whether any request is pending.
    """

    done = Signal(str, object)
    failed = Signal(str, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._generation: dict[str, int] = {}
        self._pending: dict[str, int] = {}
        self._started: dict[str, float] = {}

    # ------------------------------------------------------------------ API
    def submit(self, kind: str, fn: Callable[[], Any]) -> int:
        """Run ``fn()`` in the pool as the current request of ``kind``; returns its generation."""
        was_busy = self.busy
        gen = self._generation.get(kind, 0) + 1
        self._generation[kind] = gen
        self._pending[kind] = gen
        self._started[kind] = time.perf_counter()
        self._pool.start(_Task(fn, kind, gen, self._relay))
        if not was_busy:
            self.busy_changed.emit(True)
        return gen

    def cancel(self, kind: str) -> None:
        """Forget the pending request of ``kind`` (its result will be ignored)."""
        self._generation[kind] = self._generation.get(kind, 0) + 1
        if self._pending.pop(kind, None) is not None and not self.busy:
            self.busy_changed.emit(False)

    def pending(self, kind: str) -> bool:
        """Whether a request of ``kind`` is running."""
        return kind in self._pending

    @property
    def busy(self) -> bool:
        """Whether any request is pending."""
        return bool(self._pending)

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Process events until no request is pending (scripts, tests, screenshots).

        Returns
        -------
        bool
            ``False`` when ``timeout`` seconds passed first.
        """
        end = time.monotonic() + timeout
        while self.busy:
            if time.monotonic() > end:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)
        QCoreApplication.processEvents()
        return True

    # ------------------------------------------------------------------ results
    def _finished(self, kind: str, generation: int, result: Any, ok: bool) -> None:
        if self._generation.get(kind) != generation:
            return  # superseded or cancelled
        self._pending.pop(kind, None)
        if ok:
            self.done.emit(kind, result)
        else:
            self.failed.emit(kind, result)
        if not self.busy:
            self.busy_changed.emit(False)
