"""Errors raised by fitscope.

Every error fitscope raises on purpose derives from :class:`FitscopeError`, so a
caller can catch the whole family in one ``except``::

    FitscopeError
    ├── StorageError                 storage could not do what was asked
    │   ├── StorageFileError         a path is not a usable fitscope file
    │   │   ├── NotAFitscopeFileError    not SQLite, or SQLite without fitscope's tables
    │   │   ├── CorruptFileError         SQLite reports damage
    │   │   └── SchemaVersionError       written by a newer fitscope
    │   ├── StorageClosedError       the storage was used after close()
    │   └── UnknownSessionError      no such session / worker in this storage
    ├── RecordError                  a record (or a series key) is malformed
    ├── ListenerError                the listener was used out of order (e.g. before attach)
    ├── ExportError                  an exporter's destination is unusable, or records were not delivered
    ├── EmbeddingError               vectors, labels or a corpus for the projector are unusable
    ├── GraphError                   an ONNX model file is not ONNX, damaged, invalid or refused
    └── MissingDependencyError       an optional extra is not installed; names the pip command

Messages are complete sentences that carry the data needed to act on them
(the path, the session id, the exact ``pip install`` command).
"""

from __future__ import annotations

__all__ = [
    "CorruptFileError",
    "EmbeddingError",
    "ExportError",
    "FitscopeError",
    "GraphError",
    "ListenerError",
    "MissingDependencyError",
    "NotAFitscopeFileError",
    "RecordError",
    "SchemaVersionError",
    "StorageClosedError",
    "StorageError",
    "StorageFileError",
    "UnknownSessionError",
]


class FitscopeError(Exception):
    """Base class of every error fitscope raises on purpose."""


class StorageError(FitscopeError):
    """A storage could not do what was asked."""


class StorageFileError(StorageError):
    """A path given to :class:`~fitscope.FileStatsStorage` is not a usable fitscope file.

    Attributes:
        path: The file in question.
    """

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class NotAFitscopeFileError(StorageFileError):
    """The file is not SQLite, or is SQLite without fitscope's tables."""


class CorruptFileError(StorageFileError):
    """SQLite reports the file as damaged."""


class SchemaVersionError(StorageFileError):
    """The file was written by a newer fitscope with a schema this one cannot read."""


class StorageClosedError(StorageError):
    """The storage was used after :meth:`close`."""


class UnknownSessionError(StorageError, LookupError):
    """No such session (or worker) in this storage."""


class RecordError(FitscopeError, ValueError):
    """A record, or a series key, is malformed."""


class ListenerError(FitscopeError, RuntimeError):
    """The listener was used out of order (for example before ``attach``)."""


class ExportError(FitscopeError):
    """An exporter's destination is unusable (a log directory, a tracking URI), or records were not delivered."""


class EmbeddingError(FitscopeError, ValueError):
    """Vectors, labels, a corpus or a layout request for the embedding projector are unusable.

    The message names the file and the line (or row) at fault where there is one.
    """


class GraphError(FitscopeError, ValueError):
    """An ONNX model file (or a graph given for a session) is unusable: not ONNX, damaged, invalid,
    too large, or holding external data fitscope refuses. The message names the file."""


class MissingDependencyError(FitscopeError, ImportError):
    """An optional dependency is missing; the message names the ``pip install`` to run."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional dependency {module!r}, which is not installed. "
            f'Install it with: pip install "fitscope[{extra}]"'
        )
        self.extra = extra
        self.module = module
