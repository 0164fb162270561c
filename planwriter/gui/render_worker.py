"""Renders documents off the window's thread, so a slow template never freezes the window.

A page hands :meth:`RenderWorker.submit` a job (a function returning a document) built on the GUI
thread; the job runs on a worker thread and ``done(document, error)`` arrives back on the GUI
thread. One job runs at a time: while it runs, a newer request replaces any waiting one (typing
quickly never piles up renders), and each finished job is shown. A job that has not finished after
:data:`TIMEOUT_SECONDS` reports ``timed_out`` so the page can say so beside the preview; the user's
templates also stop themselves at their time limit (:mod:`planwriter.render.limits`), after which
the worker is free again.

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
#: A render that ends within this many seconds is shown at once (see :meth:`RenderWorker.submit`).
QUICK_SECONDS = 0.1

Job = Callable[[], Any]


class RenderWorker(QObject):
    """Runs one render job at a time on a worker thread (module docstring)."""

    #: (document or None, error or None) of the latest job, on the GUI thread.
    done = Signal(object, object)
    #: The running job passed :data:`TIMEOUT_SECONDS`.
    timed_out = Signal()
    _finished = Signal(int)

    def __init__(self, parent: QObject | None = None, timeout: float = TIMEOUT_SECONDS) -> None:
        super().__init__(parent)
        self.timeout = timeout
        self._serial = 0
        self._running: int | None = None
        self._waiting: tuple[int, Job] | None = None
        self._results: dict[int, tuple[Any, BaseException | None]] = {}
        self._ended = threading.Event()
        self._blocking = False
        self._finished.connect(self._on_finished)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self.timed_out)

    @property
    def busy(self) -> bool:
        return self._running is not None

    def submit(self, job: Job) -> int:
        """Queue ``job``; returns its number. A job replaced while waiting is never run.

        A job that finishes within :data:`QUICK_SECONDS` is reported before this returns (most
        renders: the preview then changes in step with typing, as if drawn on the window's thread);
        a slower one is reported when it ends, while the window goes on."""
        self._serial += 1
        if self._running is None:
            self._start(self._serial, job)
            self._collect_quickly()
        else:
            self._waiting = (self._serial, job)
        return self._serial

    def _start(self, number: int, job: Job) -> None:
        self._running = number
        self._ended = threading.Event()
        self._watchdog.start(int(self.timeout * 1000))
        thread = threading.Thread(target=self._run, args=(number, job, self._ended), name="planwriter-render",
                                  daemon=True)
        thread.start()

    def _collect_quickly(self) -> None:
        number = self._running
        if number is not None and self._ended.wait(QUICK_SECONDS):
            self._on_finished(number)

    def _run(self, number: int, job: Job, ended: threading.Event) -> None:
        try:
            self._results[number] = (job(), None)
        except BaseException as error:
            self._results[number] = (None, error)
        ended.set()
        with contextlib.suppress(RuntimeError):  # the page was closed while the job ran
            self._finished.emit(number)

    def _on_finished(self, number: int) -> None:
        outcome = self._results.pop(number, None)
        if outcome is None:
            return  # already reported (it finished quickly)
        self._running = None
        self._watchdog.stop()
        if self._waiting is not None:
            # A newer request is waiting: start it, and still show this result (slightly older, but
            # whole), so steady typing never leaves the preview without an update.
            waiting, self._waiting = self._waiting, None
            self._start(*waiting)
        self.done.emit(*outcome)
        if self._running is not None:
            self._collect_quickly()

    def run_blocking(self, job: Job, timeout: float | None = None) -> Any:
        """Run ``job`` on a worker thread while the window keeps working; return its result or raise
        its error. Raises ``TimeoutError`` when it takes longer than ``timeout`` seconds."""
        if self._blocking:
            raise TimeoutError("another document is still being drawn up; try again in a moment")
        self._blocking = True
        try:
            return self._run_blocking(job, timeout)
        finally:
            self._blocking = False

    def _run_blocking(self, job: Job, timeout: float | None) -> Any:
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
