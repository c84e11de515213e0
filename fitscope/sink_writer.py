"""One writer thread per sink, fed through a bounded queue.

The training thread only enqueues, so a slow sink (a tracking server far away, a busy disk)
never delays the training step or another sink. When a sink falls so far behind that its
queue is full, the *oldest report* waiting for it is dropped (static info, metrics and epoch
ends are small and never dropped), counted, and logged once. A sink that raises is reported
once with its traceback; the writer goes on with the next record, so one broken sink never
stops the others.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Final

from fitscope.records import EpochRecord, MetricsRecord, Record, StaticInfo, StatsReport
from fitscope.storage.base import StatsSink

__all__ = ["SinkStatus", "SinkWriter"]

logger = logging.getLogger("fitscope")

_METHOD: Final = {
    StaticInfo: "put_static_info",
    StatsReport: "put_update",
    MetricsRecord: "put_metrics",
    EpochRecord: "put_epoch",
}


@dataclass(frozen=True, slots=True)
class SinkStatus:
    """Counters of one sink's writer.

    Attributes:
        sink: ``repr`` of the sink.
        written: Records the sink accepted.
        dropped: Reports dropped because the queue was full.
        errors: Records the sink raised on.
        pending: Records still queued.
        last_error: The last exception's message, if any.
    """

    sink: str
    written: int
    dropped: int
    errors: int
    pending: int
    last_error: str | None


class SinkWriter:
    """Feeds one :class:`StatsSink` from its own daemon thread.

    Args:
        sink: The sink to feed.
        max_queue: Records that may wait; past it the oldest waiting report is dropped.
    """

    def __init__(self, sink: StatsSink, *, max_queue: int = 1024) -> None:
        if max_queue < 1:
            raise ValueError(f"max_queue must be at least 1, got {max_queue}.")
        self.sink = sink
        self._max = max_queue
        self._queue: deque[Record] = deque()
        self._cond = threading.Condition()
        self._busy = False
        self._closing = False
        self._written = 0
        self._dropped = 0
        self._errors = 0
        self._cpu_seconds = 0.0  # CPU time of this thread in the sink's calls, since take_cpu_seconds
        self._last_error: str | None = None
        self._thread = threading.Thread(target=self._run, name=f"fitscope-sink-{type(sink).__name__}", daemon=True)
        self._thread.start()

    def submit(self, record: Record) -> None:
        """Queues a record for the sink; never blocks on the sink."""
        with self._cond:
            if self._closing:
                raise RuntimeError("This sink writer is closed; the record was not queued.")
            if len(self._queue) >= self._max:
                # When only small records wait, none is dropped: an epoch end outweighs the bound.
                self._drop_oldest_report()
            self._queue.append(record)
            self._cond.notify_all()

    def _drop_oldest_report(self) -> bool:
        for i, queued in enumerate(self._queue):
            if isinstance(queued, StatsReport):
                del self._queue[i]
                self._dropped += 1
                if self._dropped == 1:
                    logger.warning(
                        "fitscope: %r cannot keep up; its queue of %d records is full, so the oldest waiting "
                        "reports are dropped (counted in StatsListener.sink_status()).",
                        self.sink,
                        self._max,
                    )
                return True
        return False

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closing:
                    self._cond.wait()
                if not self._queue:
                    return
                record = self._queue.popleft()
                self._busy = True
            started = time.thread_time()
            try:
                getattr(self.sink, _METHOD[type(record)])(record)
            except Exception as exc:  # a broken sink must not stop training or the other sinks
                with self._cond:
                    self._errors += 1
                    self._last_error = f"{type(exc).__name__}: {exc}"
                    first = self._errors == 1
                if first:
                    logger.error(
                        "fitscope: %r failed to store a record; it keeps receiving the next ones and further "
                        "failures are counted in StatsListener.sink_status().",
                        self.sink,
                        exc_info=True,
                    )
            else:
                with self._cond:
                    self._written += 1
            finally:
                spent = time.thread_time() - started
                with self._cond:
                    self._cpu_seconds += spent
                    self._busy = False
                    self._cond.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Waits until every queued record was handed to the sink; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self._queue or self._busy:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    def close(self, timeout: float | None = None, *, close_sink: bool = True) -> bool:
        """Flushes, stops the thread and (by default) closes the sink; False if it timed out."""
        done = self.flush(timeout)
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)
        if close_sink and done:
            try:
                self.sink.close()
            except Exception:
                logger.error("fitscope: closing %r failed.", self.sink, exc_info=True)
                return False
        return done

    def take_cpu_seconds(self) -> float:
        """Returns (and resets) the CPU time the sink's calls took on this writer's thread."""
        with self._cond:
            spent, self._cpu_seconds = self._cpu_seconds, 0.0
        return spent

    def status(self) -> SinkStatus:
        """Returns the writer's counters."""
        with self._cond:
            return SinkStatus(
                sink=repr(self.sink),
                written=self._written,
                dropped=self._dropped,
                errors=self._errors,
                pending=len(self._queue),
                last_error=self._last_error,
            )
