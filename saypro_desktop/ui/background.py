"""Run a function off the GUI thread and get its result back on the GUI thread.

Modelled on picard's ``picard/util/thread.py``: the function runs on a QThreadPool; its result or
exception is delivered by a queued signal to a receiver living in the GUI thread, which calls the
callback there. Functions get and return plain values (ids, dataclasses), never widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Delivery(QObject):
    """Lives in the GUI thread; its signals carry a finished job's outcome there.

    Signals:
        finished(object, object): the callback and the result.
        failed(object, object): the error callback (or None) and the exception.
    """

    finished = Signal(object, object)
    failed = Signal(object, object)


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None, delivery: _Delivery) -> None:
        super().__init__()
        self._function = function
        self._on_done = on_done
        self._on_error = on_error
        self._delivery = delivery

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread, which reports it
            log.exception("background job failed")
            self._delivery.failed.emit(self._on_error, error)
        else:
            self._delivery.finished.emit(self._on_done, result)


class BackgroundRunner(QObject):
    """Runs jobs on its own pool (``max_threads`` at a time) and calls back on the GUI thread."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._delivery = _Delivery(self)
        self._delivery.finished.connect(self._deliver)
        self._delivery.failed.connect(self._report)
        self._closed = False

    def run(self, function: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None) -> None:
        if self._closed:
            return
        self.pool.start(_Job(function, on_done, on_error, self._delivery))

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for every running job (used at close and by tests)."""
        return self.pool.waitForDone(msecs)

    def close(self) -> None:
        self._closed = True
        self.pool.clear()
        self.pool.waitForDone(10_000)

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], result: Any) -> None:
        if not self._closed:
            callback(result)

    @Slot(object, object)
    def _report(self, callback: Callable[[BaseException], None] | None, error: BaseException) -> None:
        if callback is not None and not self._closed:
            callback(error)
