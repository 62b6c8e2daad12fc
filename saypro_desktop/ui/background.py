"""Run a function off the GUI thread and get its result back on the GUI thread.

Modelled on picard's ``picard/util/thread.py``: the function runs on a QThreadPool; its result or
exception is handed to a callback on the GUI thread. Functions get and return plain values (ids,
dataclasses), never widgets.

Only a job number crosses threads in the signal; the outcome waits in a dict guarded by a lock,
so no Python object has to travel through a queued connection (where the binding would have to
copy and reference-count it from another thread).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


@dataclass
class _Job:
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    result: Any = None
    error: BaseException | None = None


class BackgroundRunner(QObject):
    """Runs jobs on its own pool (``max_threads`` at a time) and calls back on the GUI thread.

    Signals:
        job_finished(int): internal; the number of a job whose outcome is ready.
    """

    job_finished = Signal(int)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._jobs: dict[int, _Job] = {}
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        self._closed = False
        self.job_finished.connect(self._deliver)

    def run(self, function: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None) -> None:
        if self._closed:
            return
        number = next(self._numbers)
        job = _Job(on_done, on_error)
        with self._lock:
            self._jobs[number] = job
        finished = self.job_finished

        def work() -> None:
            try:
                job.result = function()
            except Exception as error:  # noqa: BLE001 - handed to the GUI thread, which reports it
                if on_error is None:
                    log.exception("background job failed")
                else:  # expected failures (a refused sign-in) are the caller's to explain
                    log.info("background job failed: %s", error)
                job.error = error
            finished.emit(number)

        self.pool.start(work)

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for every running job (used at close and by tests)."""
        return self.pool.waitForDone(msecs)

    def close(self) -> None:
        self._closed = True
        self.pool.clear()
        self.pool.waitForDone(10_000)

    @Slot(int)
    def _deliver(self, number: int) -> None:
        with self._lock:
            job = self._jobs.pop(number, None)
        if job is None or self._closed:
            return
        if job.error is None:
            job.on_done(job.result)
        elif job.on_error is not None:
            job.on_error(job.error)
