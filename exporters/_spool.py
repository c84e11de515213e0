"""The remote router's spool: batches on disk, in order, until the hub has stored them.

Layout under the spool root (one root may serve many processes: every rank of a job, every run
of a user)::

    <root>/<pid>-<random>/          one folder per RemoteStatsRouter, locked while it lives
        lock                        held with an exclusive lock (flock / msvcrt) by its owner
        meta.json                   {"url": ..., "created_ms": ...}
        000000000001-256.json.gz    one batch: the gzip body of one POST; "-256": its records
        000000000002-97.json.gz
    <root>/rejected/                batches the hub refused for their content (400), kept

A batch is written to a ``.tmp`` name and renamed, so a killed process never leaves half a
batch under a batch name. A folder whose lock nobody holds belongs to a process that ended
without sending everything: a router with the same URL adopts it (takes its lock) and sends its
batches before its own. Batches split after a 413 keep their place: ``000000000005a-128``
and ``000000000005b-128`` sort between batches 5 and 6.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import uuid
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

__all__ = ["Batch", "Spool", "default_spool_dir"]

_SUFFIX: Final = ".json.gz"
_REJECTED: Final = "rejected"


def default_spool_dir() -> Path:
    """The platform's per-user cache folder, ``fitscope/spool`` inside it.

    ``$XDG_CACHE_HOME`` (else ``~/.cache``) on Linux and other Unix systems, ``~/Library/Caches``
    on macOS, ``%LOCALAPPDATA%`` on Windows.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "fitscope" / "spool"


def _try_lock(handle: IO[bytes]) -> bool:
    """Takes an exclusive lock on an open file without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Batch:
    """One spooled batch: its file, its place in the order, how many records and bytes it holds."""

    path: Path
    key: str
    records: int
    size: int


def _parse(path: Path) -> Batch | None:
    """The batch a file name describes, or None for a file that is not a batch."""
    name = path.name
    if not name.endswith(_SUFFIX):
        return None
    key, dash, count = name[: -len(_SUFFIX)].rpartition("-")
    if not dash or not key or not count.isdigit():
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return Batch(path, key, int(count), size)


class _Folder:
    """One locked folder of batches (ours, or one adopted from an ended process)."""

    def __init__(self, path: Path, lock: IO[bytes], batches: list[Batch]) -> None:
        self.path = path
        self.lock = lock
        self.batches: deque[Batch] = deque(sorted(batches, key=lambda b: b.key))

    def release(self, *, remove_if_empty: bool) -> None:
        if remove_if_empty and not self.batches:
            for child in self.path.iterdir():
                with contextlib.suppress(OSError):
                    child.unlink()
            with contextlib.suppress(OSError):
                self.path.rmdir()
        with contextlib.suppress(OSError):
            self.lock.close()


class Spool:
    """The batches of one router on disk, oldest first; adopted folders' batches go first.

    Not thread-safe: the router calls it under its own lock.

    Args:
        root: The spool root (shared with other processes).
        url: The hub's ingest URL; only folders left for the same URL are adopted.
        max_bytes: The most the batches of this spool (own and adopted) may take on disk.
    """

    def __init__(self, root: Path, url: str, max_bytes: int) -> None:
        self.root = root
        self.url = url
        self.max_bytes = max_bytes
        root.mkdir(parents=True, exist_ok=True)
        path = root / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        path.mkdir()
        lock = open(path / "lock", "wb")  # noqa: SIM115 - held for the spool's life
        if not _try_lock(lock):  # a fresh folder of our own: only a broken file system refuses
            lock.close()
            raise OSError(f"Cannot lock the new spool folder {path}.")
        (path / "meta.json").write_text(json.dumps({"url": url, "created_ms": int(time.time() * 1000)}))
        self._own = _Folder(path, lock, [])
        self._adopted: deque[_Folder] = deque()
        self._seq = 0
        self.bytes = 0
        self.adopt()

    @property
    def path(self) -> Path:
        """This router's own folder."""
        return self._own.path

    def adopt(self) -> int:
        """Takes over the folders of ended processes that spooled for the same URL; returns how many batches."""
        found = 0
        try:
            candidates = sorted(p for p in self.root.iterdir() if p.is_dir() and p.name != _REJECTED)
        except OSError:
            return 0
        held = {self._own.path, *(f.path for f in self._adopted)}
        for path in candidates:
            if path in held:
                continue
            try:
                meta = json.loads((path / "meta.json").read_text())
            except (OSError, ValueError):
                continue  # being created, or not a router's folder
            if not isinstance(meta, dict) or meta.get("url") != self.url:
                continue
            try:
                lock = open(path / "lock", "ab")  # noqa: SIM115 - held while its batches are sent
            except OSError:
                continue
            if not _try_lock(lock):  # its process is alive (or another router adopted it)
                lock.close()
                continue
            batches: list[Batch] = []
            for child in path.iterdir():
                if child.name.endswith(".tmp"):  # half written when its process died
                    with contextlib.suppress(OSError):
                        child.unlink()
                elif (batch := _parse(child)) is not None:
                    batches.append(batch)
            folder = _Folder(path, lock, batches)
            if not folder.batches:
                folder.release(remove_if_empty=True)
                continue
            self._adopted.append(folder)
            self.bytes += sum(b.size for b in folder.batches)
            found += len(folder.batches)
        return found

    def append(self, data: bytes, records: int) -> bool:
        """Writes a batch after the others; False (nothing written) when the spool is full."""
        if self.bytes + len(data) > self.max_bytes:
            return False
        self._seq += 1
        self._write(self._own, f"{self._seq:012d}", records, data, at_end=True)
        return True

    def _write(self, folder: _Folder, key: str, records: int, data: bytes, *, at_end: bool) -> Batch:
        path = folder.path / f"{key}-{records}{_SUFFIX}"
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        batch = Batch(path, key, records, len(data))
        if at_end:
            folder.batches.append(batch)
        self.bytes += batch.size
        return batch

    def head(self) -> Batch | None:
        """The batch to send next: the oldest of the oldest adopted folder, else our own oldest."""
        while self._adopted and not self._adopted[0].batches:
            self._adopted.popleft().release(remove_if_empty=True)
        folder = self._adopted[0] if self._adopted else self._own
        return folder.batches[0] if folder.batches else None

    def _folder_of(self, batch: Batch) -> _Folder:
        for folder in (*self._adopted, self._own):
            if folder.batches and folder.batches[0] is batch:
                return folder
        raise ValueError(f"{batch.path} is not at the head of a folder of this spool.")

    def done(self, batch: Batch) -> None:
        """Removes the head batch: the hub stored it."""
        self._folder_of(batch).batches.popleft()
        self.bytes -= batch.size
        with contextlib.suppress(OSError):
            batch.path.unlink()

    def split(self, batch: Batch, halves: tuple[tuple[bytes, int], tuple[bytes, int]]) -> None:
        """Replaces the head batch by two (data, records) batches in its place."""
        folder = self._folder_of(batch)
        new = [
            self._write(folder, batch.key + suffix, n, data, at_end=False)
            for suffix, (data, n) in zip("ab", halves, strict=True)
        ]
        folder.batches.popleft()
        folder.batches.extendleft(reversed(new))
        self.bytes -= batch.size
        with contextlib.suppress(OSError):
            batch.path.unlink()

    def reject(self, batch: Batch) -> Path:
        """Moves the head batch to ``<root>/rejected/`` (kept, never sent again); returns its new path."""
        folder = self._folder_of(batch)
        target_dir = self.root / _REJECTED
        target_dir.mkdir(exist_ok=True)
        target = target_dir / f"{folder.path.name}-{batch.path.name}"
        os.replace(batch.path, target)
        folder.batches.popleft()
        self.bytes -= batch.size
        return target

    def pending(self) -> tuple[int, int]:
        """(batches, records) waiting, adopted ones included."""
        folders = (*self._adopted, self._own)
        return sum(len(f.batches) for f in folders), sum(b.records for f in folders for b in f.batches)

    def close(self) -> None:
        """Releases the locks; our folder is removed when empty, else left for the next router."""
        while self._adopted:
            self._adopted.popleft().release(remove_if_empty=True)
        self._own.release(remove_if_empty=True)
