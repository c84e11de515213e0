"""Consistent copies of a fitscope file, also while a run is still writing it.

SQLite's online backup API copies the database as of one read transaction, so the copy is a
consistent snapshot even while a listener in another process keeps committing reports. The
copy is switched out of WAL mode, so it is one self-contained file, ready to upload to shared
storage and to open anywhere.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from fitscope.errors import MissingDependencyError, StorageError
from fitscope.storage._sqlite_schema import connect_reader, database_error, validate_file

__all__ = ["copy_to", "snapshot"]


def snapshot(source: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Path:
    """Writes a consistent, self-contained copy of the fitscope file ``source`` to ``dest``.

    ``source`` is validated first and never modified. ``dest`` must not exist.

    Raises:
        StorageFileError: ``source`` is not a readable fitscope file.
        StorageError: ``dest`` exists, or the copy failed.
    """
    src_path, dest_path = Path(source), Path(dest)
    if not validate_file(src_path):
        raise StorageError(f"{src_path} holds no fitscope data yet (it is missing or empty); nothing to copy.")
    if dest_path.exists():
        raise StorageError(f"{dest_path} already exists; choose a new destination or remove it first.")
    dest_path.parent.mkdir(parents=True, exist_ok=True)
    src = connect_reader(src_path)
    try:
        dst = sqlite3.connect(dest_path)
        try:
            src.backup(dst)  # all pages in one step: one read transaction, one consistent state
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.commit()
        finally:
            dst.close()
    except sqlite3.Error as exc:
        dest_path.unlink(missing_ok=True)
        raise database_error(exc, src_path, f"copy to {dest_path}") from exc
    finally:
        src.close()
    return dest_path


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError as exc:
        raise MissingDependencyError("Exporting to a URL", "fsspec", "fsspec") from exc
    return fsspec


def copy_to(source: str | os.PathLike[str], dest: str) -> str:
    """Copies a consistent snapshot of ``source`` to a path or an fsspec URL (``s3://...``).

    A plain path (or ``file://`` URL without fsspec) is written directly; any other URL goes
    through fsspec (``pip install "fitscope[fsspec]"`` plus the filesystem's own package).

    Returns:
        Where the copy was written.
    """
    if "://" not in dest:
        return str(snapshot(source, dest))
    fsspec = _fsspec()
    with tempfile.TemporaryDirectory(prefix="fitscope-export-") as tmp:
        local = snapshot(source, Path(tmp) / "snapshot.fitscope")
        fs, path = fsspec.core.url_to_fs(dest)
        if fs.exists(path):
            raise StorageError(f"{dest} already exists; choose a new destination or remove it first.")
        with local.open("rb") as fin, fs.open(path, "wb") as fout:
            shutil.copyfileobj(fin, fout, length=1 << 20)
    return dest
