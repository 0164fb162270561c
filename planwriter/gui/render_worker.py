"""Renders documents off the window's thread, so a slow template never freezes the window.

A page hands :meth:`RenderWorker.submit` a job (a function returning a document) built on the GUI
thread; the job runs on a worker thread and ``done(document, error)`` arrives back on the GUI
thread. One job runs at a time: while it runs, a newer request replaces any waiting one (typing
quickly never piles up renders). A job that has not finished after :data:`TIMEOUT_SECONDS` reports
``timed_out`` so the page can say so beside the preview; the user's templates also stop themselves
at their time limit (:mod:`planwriter.render.limits`), after which the worker is free again.

:meth:`RenderWorker.run_blocking` (for export) runs a job on the worker while the window keeps
painting, and returns its document or raises its error (``TimeoutError`` after the timeout).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

log = logging.getLogger(__name__)

#: Seconds before a render is reported as too slow (a little above the templates' own limit).
TIMEOUT_SECONDS = 6.0

Job = Callable[[], Any]


class RenderWorker(QObject):
    """Runs one render job at a time on a worker thread (module docstring)."""

    #: (document or None, error or None) of the latest job, on the GUI thread.
    done = Signal(object, object)
    #: The running job passed :data:`TIMEOUT_SECONDS`.
    timed_out = Signal()
    _finished = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None, timeout: float = TIMEOUT_SECONDS) -> None:
        super().__init__(parent)
        self.timeout = timeout
        self._serial = 0
        self._running: int | None = None
        self._waiting: tuple[int, Job] | None = None
        self._finished.connect(self._on_finished)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self.timed_out)

    @property
    def busy(self) -> bool:
        return self._running is not None

    def submit(self, job: Job) -> int:
        """Queue ``job``; returns its number. Only the newest job's result is reported."""
        self._serial += 1
        if self._running is None:
            self._start(self._serial, job)
        else:
            self._waiting = (self._serial, job)
        return self._serial

    def _start(self, number: int, job: Job) -> None:
        self._running = number
        self._watchdog.start(int(self.timeout * 1000))
        thread = threading.Thread(target=self._run, args=(number, job), name="planwriter-render", daemon=True)
        thread.start()

    def _run(self, number: int, job: Job) -> None:
        try:
            result = job()
        except BaseException as error:
            self._emit(number, None, error)
            return
        self._emit(number, result, None)

    def _emit(self, number: int, result: Any, error: BaseException | None) -> None:
        with contextlib.suppress(RuntimeError):  # the page was closed while the job ran
            self._finished.emit(number, result, error)

    def _on_finished(self, number: int, result: Any, error: BaseException | None) -> None:
        self._running = None
        self._watchdog.stop()
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self._start(*waiting)
            return  # a newer request is on its way; this result is already out of date
        if number == self._serial:
            self.done.emit(result, error)

    def run_blocking(self, job: Job, timeout: float | None = None) -> Any:
        """Run ``job`` on a worker thread while the window keeps working; return its result or raise
        its error. Raises ``TimeoutError`` when it takes longer than ``timeout`` seconds."""
        outcome: dict[str, Any] = {}
        loop = QEventLoop()
        finished = threading.Event()

        def run() -> None:
            try:
                outcome["result"] = job()
            except BaseException as error:
                outcome["error"] = error
            finished.set()

        poll = QTimer()
        poll.setInterval(10)
        poll.timeout.connect(lambda: finished.is_set() and loop.quit())
        limit = QTimer()
        limit.setSingleShot(True)
        limit.timeout.connect(loop.quit)
        thread = threading.Thread(target=run, name="planwriter-export", daemon=True)
        thread.start()
        if not finished.wait(0.05):  # most renders end here, without a nested event loop
            poll.start()
            limit.start(int((self.timeout if timeout is None else timeout) * 1000))
            loop.exec()
            poll.stop()
            limit.stop()
        if not finished.is_set():
            raise TimeoutError("the document took too long to draw up")
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("result")
