"""``fitscope serve``: the UI server over stored files, in the foreground (the CLI wires it)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from fitscope.server.ui_server import UIServer
from fitscope.storage.sqlite import FileStatsStorage

__all__ = ["serve"]


def serve(paths: Sequence[str], host: str, port: int, cors_origins: Sequence[str]) -> int:
    """Serves the UI over fitscope files until Ctrl-C; returns the exit code (0).

    Each file is opened read-only, so a file that training is still writing is shown live and
    never modified.

    Args:
        paths: The fitscope files to show.
        host: Interface to bind (``127.0.0.1``: this machine only).
        port: TCP port (0 picks a free one).
        cors_origins: Origins allowed to read the API from another origin.

    Raises:
        StorageFileError: A path is not a usable fitscope file (the storage's own error).
        ServerError: The port is in use or cannot be bound.
    """
    with contextlib.ExitStack() as stack:
        server = UIServer(port=port, host=host, cors_origins=cors_origins)
        for path in paths:
            server.attach(stack.enter_context(FileStatsStorage(path, read_only=True)))
        server.start()
        stack.callback(server.stop)
        print(f"fitscope UI: {server.url}/train/overview", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.wait()
    return 0
