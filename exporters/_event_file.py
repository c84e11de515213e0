"""An append-only TensorBoard event file that stays readable when a write fails.

TensorBoard reads *TFRecord* files: each record is ``uint64 length``, ``masked_crc32c(length)``,
``data``, ``masked_crc32c(data)`` (little-endian), the data being a serialized ``Event``.

Why not ``tensorboard.summary.writer.event_file_writer.EventFileWriter`` (what torch's
``SummaryWriter`` uses)? Checked with tensorboard 2.21 and ``RLIMIT_FSIZE`` standing in for a
full disk, it has three traits a training-side sink cannot live with:

* after one failed write its background thread dies (an unhandled thread exception) and every
  later ``add_event`` raises the same error, even once space is back: the run's export is over;
* the failed record stays half-written in the file, so readers stop there;
* its CRC is tensorboard's pure-Python table (about 0.1 to 0.4 ms per KB, holding the GIL), with
  no way to plug in a compiled one short of patching tensorboard's module globals.

:class:`EventFile` writes synchronously from the caller's thread (the listener already gives
each sink its own), cuts a failed write back to the last whole record with ``ftruncate``
(opening a fresh file when even that fails), and uses a compiled CRC-32C when one is
installed: ``google-crc32c`` (Apache-2.0) or ``crc32c`` (LGPL), else tensorboard's own.
"""

from __future__ import annotations

import importlib
import itertools
import os
import socket
import struct
import time
import warnings
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["CRC32C_IMPLEMENTATION", "EventFile", "masked_crc32c"]

_MASK = 0xFFFFFFFF
_UIDS = itertools.count()


def _load_crc32c() -> tuple[Callable[[bytes], int], str]:
    """Returns the fastest CRC-32C function available and its name."""
    with warnings.catch_warnings():
        # google-crc32c warns (RuntimeWarning) when it falls back to pure Python; that case is skipped below.
        warnings.simplefilter("ignore")
        try:
            google = importlib.import_module("google_crc32c")
            if google.implementation == "c":
                return google.value, "google-crc32c"
        except ImportError:
            pass
        try:
            return importlib.import_module("crc32c").crc32c, "crc32c"
        except ImportError:
            pass
    pure_python = importlib.import_module("tensorboard.compat.tensorflow_stub.pywrap_tensorflow")
    return pure_python.crc32c, "tensorboard (pure Python)"


_crc32c, CRC32C_IMPLEMENTATION = _load_crc32c()


def masked_crc32c(data: bytes) -> int:
    """Returns TFRecord's masked CRC-32C of ``data``."""
    x = _crc32c(data) & _MASK
    return (((x >> 15) | (x << 17)) + 0xA282EAD8) & _MASK


def _frame(data: bytes) -> bytes:
    header = struct.pack("<Q", len(data))
    return b"".join((header, struct.pack("<I", masked_crc32c(header)), data, struct.pack("<I", masked_crc32c(data))))


class EventFile:
    """Appends serialized ``Event`` protos to ``<directory>/events.out.tfevents.<time>.<host>.<pid>.<n>``.

    Records are buffered in memory and written when :meth:`write` is called with ``force`` or
    when ``flush_secs`` passed since the last write. A write that fails leaves the file as it
    was before it (whole records only) and raises; the records it carried are dropped, so a full
    disk cannot make memory grow. The file is opened on the first write, so an unusable
    directory raises there, and every later write tries again.

    Args:
        directory: The run directory (created when missing).
        flush_secs: Longest time a record waits in memory; 0 writes every record at once.
        version_event: Returns the serialized ``Event`` that starts every file
            (``file_version``; its wall time is the run's start in TensorBoard's relative axis).
    """

    def __init__(self, directory: str, flush_secs: float, version_event: Callable[[], bytes]) -> None:
        self.directory = directory
        self.path: str | None = None
        self._flush_secs = flush_secs
        self._version = version_event
        self._fd: int | None = None
        self._size = 0
        self._last_time_part = 0
        self._buffer: list[bytes] = []
        self._last_write = time.monotonic()

    def add(self, events: Iterable[Any]) -> None:
        """Serializes and frames ``Event`` protos into the buffer."""
        self._buffer.extend(_frame(e.SerializeToString()) for e in events)

    def write(self, *, force: bool = False) -> None:
        """Writes the buffer if ``force`` or ``flush_secs`` passed since the last write.

        Raises:
            OSError: The directory or file could not be created or written; nothing partial
                stays in the file and the buffered records are dropped.
        """
        if not self._buffer or (not force and time.monotonic() - self._last_write < self._flush_secs):
            return
        data = b"".join(self._buffer)
        self._buffer.clear()
        self._last_write = time.monotonic()
        try:
            fd = self._open()
        except OSError as exc:
            raise _explain(exc, f"cannot create a TensorBoard event file in {self.directory!r}") from exc
        if self._size == 0:  # a new file, or one cut back to nothing: it starts with the version event
            data = _frame(self._version()) + data
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        except OSError as exc:
            self._roll_back(fd)
            raise _explain(exc, f"writing {len(data)} bytes of TensorBoard events to {self.path!r} failed") from exc
        self._size += len(data)

    def close(self) -> None:
        """Writes what is buffered and closes the file. Idempotent; raises like :meth:`write`."""
        try:
            self.write(force=True)
        finally:
            if self._fd is not None:
                fd, self._fd = self._fd, None
                os.close(fd)

    def _open(self) -> int:
        if self._fd is not None:
            return self._fd
        os.makedirs(self.directory, exist_ok=True)
        # A reopened file must sort after the one it follows: readers take files in name order.
        time_part = max(int(time.time()), self._last_time_part + 1)
        name = f"events.out.tfevents.{time_part:010d}.{socket.gethostname()}.{os.getpid()}.{next(_UIDS)}"
        path = os.path.join(self.directory, name)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o666)
        self._fd, self.path, self._size, self._last_time_part = fd, path, 0, time_part
        return fd

    def _roll_back(self, fd: int) -> None:
        """Cuts the file back to its last whole record, or gives it up for a fresh one."""
        try:
            os.ftruncate(fd, self._size)
        except OSError:
            self._fd = None
            os.close(fd)


def _explain(exc: OSError, what: str) -> OSError:
    """Returns an OSError of the same type and errno whose message says what failed, and why."""
    return type(exc)(exc.errno, f"{what}: {exc.strerror or exc}; the events it carried were dropped")
