"""``fitscope serve``: the UI server over stored files, in the foreground (the CLI wires it).

Each file is opened read-only, so a file that training is still writing is shown live and never
modified. A file that does not exist yet (the UI started before training) is waited for by
default: it is shown as soon as a writer has created it (``missing="wait"``); ``missing="create"``
creates an empty fitscope file instead, and ``missing="error"`` refuses.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Final, Literal

from fitscope.errors import FitscopeError, NotAFitscopeFileError, StorageFileError
from fitscope.onnx_graph.reading import OnnxGraph
from fitscope.server.ingest import DEFAULT_MAX_BODY_BYTES
from fitscope.server.pages import DEFAULT_FRAME_ANCESTORS
from fitscope.server.ui_server import DEFAULT_REMOTE_STORE, UIServer
from fitscope.storage.sqlite import FileStatsStorage

__all__ = ["CliServer", "Missing", "RemoteOptions", "serve"]

Missing = Literal["error", "wait", "create"]
_POLL_S: Final = 0.5


class CliServer(UIServer):
    """A UIServer whose messages speak the command line's language (``--port``, not ``port=``)."""

    _FREE_PORT_HINT: ClassVar[str] = "--port 0 picks a free one"


@dataclass(frozen=True, slots=True)
class RemoteOptions:
    """``fitscope serve --remote``: the hub's store, token and body limit (None: the defaults)."""

    store: str | None = None
    token: str | None = None
    insecure: bool = False
    max_body_bytes: int | None = None


def _not_there_yet(path: Path) -> bool:
    """True while no writer has created the fitscope file: missing, or empty (being created)."""
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def _say(text: str) -> None:
    print(f"fitscope: {text}", flush=True)


def _duplicates(storages: Sequence[FileStatsStorage]) -> None:
    """Says which sessions several files hold (one file per rank: the UI shows one session with every worker)."""
    holders: dict[str, list[str]] = {}
    for storage in storages:
        try:
            ids = storage.list_sessions()
        except FitscopeError:
            continue
        for session_id in ids:
            holders.setdefault(session_id, []).append(str(storage.path))
    for session_id, paths in holders.items():
        if len(paths) > 1:
            _say(
                f"session {session_id!r} is in {len(paths)} files ({', '.join(paths)}); the UI shows it once, with "
                f"the workers of every file (a worker in several files is read from the first)"
            )


def serve(
    paths: Sequence[str],
    host: str,
    port: int,
    cors_origins: Sequence[str],
    *,
    missing: Missing = "error",
    allowed_hosts: Sequence[str] = (),
    frame_ancestors: Sequence[str] = DEFAULT_FRAME_ANCESTORS,
    remote: RemoteOptions | None = None,
    graphs: Mapping[str, OnnxGraph] | None = None,
    base_path: str = "",
) -> int:
    """Serves the UI over fitscope files until Ctrl-C; returns the exit code (0).

    Args:
        paths: The fitscope files to show.
        host: Interface to bind (``127.0.0.1``: this machine only).
        port: TCP port (0 picks a free one).
        cors_origins: Origins allowed to read the API from another origin.
        missing: What to do with a file that does not exist yet: ``"error"`` (raise),
            ``"wait"`` (show it once a writer creates it, saying so on stdout) or ``"create"``
            (create an empty fitscope file and show it).
        allowed_hosts: Host names answered beside loopback ones while bound to loopback.
        frame_ancestors: Origins whose pages may embed the UI.
        remote: Be a hub: take records workers post (``--remote``), into ``remote.store``.
        graphs: ONNX graphs for the model page by session id (``"*"``: every session), ``--graph``.
        base_path: Serve under this path prefix (``--base-path``).

    Raises:
        StorageFileError: A path is not a usable fitscope file (the storage's own error).
        ServerError: The port is in use or cannot be bound.
    """
    stop = threading.Event()
    with contextlib.ExitStack() as stack:
        server = CliServer(
            port=port,
            host=host,
            cors_origins=cors_origins,
            allowed_hosts=allowed_hosts,
            frame_ancestors=frame_ancestors,
            graphs=graphs,
            base_path=base_path,
        )
        opened: list[FileStatsStorage] = []
        waiting: list[Path] = []
        folders: list[Path] = []
        notes: list[str] = []  # said after the UI's address, which is the first line
        quiet: list[Path] = []  # files of a folder that a writer is still creating: waited for silently
        known: set[Path] = set()  # resolved paths of the files shown or waited for
        store: FileStatsStorage | None = None
        if remote is not None:
            store_path = Path(remote.store) if remote.store else DEFAULT_REMOTE_STORE
            store = stack.enter_context(FileStatsStorage(store_path))
            token = server.enable_remote_listener(
                store,
                token=remote.token,
                insecure=remote.insecure,
                max_body_bytes=remote.max_body_bytes or DEFAULT_MAX_BODY_BYTES,
            )
        if store is not None:
            known.add(store.path.resolve())
        expanded: list[tuple[Path, bool]] = []  # (path, found in a folder)
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                folders.append(path)
                found = _fitscope_files(path, known)
                notes.append(
                    f"showing the {len(found)} fitscope file(s) under {path}; new ones are shown as they appear"
                )
                expanded.extend((p, True) for p in found)
            else:
                expanded.append((path, False))
        for path, in_folder in expanded:
            known.add(path.resolve())
            if store is not None and path.exists() and path.resolve() == store.path.resolve():
                _say(f"{path} is the --store of the remote listener: shown once, as that")
                continue
            if in_folder:
                # Found in a folder: one being created is waited for, one that is not fitscope's is said.
                try:
                    if _not_there_yet(path):
                        raise NotAFitscopeFileError("being created", str(path))
                    opened.append(stack.enter_context(FileStatsStorage(path, read_only=True)))
                except NotAFitscopeFileError as exc:
                    if _not_sqlite(path):  # not a run being created: something else named *.fitscope
                        print(f"fitscope: error: {exc}", file=sys.stderr, flush=True)
                    else:
                        quiet.append(path)
                except StorageFileError as exc:
                    print(f"fitscope: error: {exc}", file=sys.stderr, flush=True)
                continue
            if _not_there_yet(path):
                if missing == "wait":
                    waiting.append(path)
                    continue
                if missing == "create" and not path.exists():
                    FileStatsStorage(path).close()  # an empty fitscope file, which training appends to
                elif missing == "error":
                    state = "is empty (a run is creating it)" if path.exists() else "does not exist yet"
                    raise StorageFileError(
                        f"{path} {state}. Start the run that writes it first, leave out --no-wait to wait "
                        "for it, or give --create to create an empty fitscope file.",
                        str(path),
                    )
            opened.append(stack.enter_context(FileStatsStorage(path, read_only=True)))
        for storage in opened:
            server.attach(storage)
        server.start()
        stack.callback(server.stop)
        stack.callback(stop.set)  # first: the waiting thread ends before the server stops
        print(f"fitscope UI: {server.url}/train/overview", flush=True)
        for note in notes:
            _say(note)
        if store is not None:
            _say(f"remote listener on: workers post to {server.url} (RemoteStatsRouter); records go into {store.path}")
            if token is None:
                _say("no token is asked for (--insecure): anyone who reaches the port may write")
            elif remote is not None and remote.token is None and not _env_token():
                _say(f"token (made for this run; give it to the workers as FITSCOPE_TOKEN): {token}")
        _duplicates([*opened, *([store] if store is not None else [])])
        if waiting or folders or quiet:
            for path in waiting:
                _say(f"waiting for {path} to appear (no run has created it yet); the UI shows it once it exists")
            thread = threading.Thread(
                target=_wait_for,
                args=([*waiting, *quiet], server, stack, stop, folders, known),
                name="fitscope-serve-wait",
                daemon=True,
            )
            thread.start()
        with contextlib.suppress(KeyboardInterrupt):
            server.wait()
    return 0


def _env_token() -> bool:
    import os

    return bool(os.environ.get("FITSCOPE_TOKEN"))


def _not_sqlite(path: Path) -> bool:
    """Whether ``path`` holds something other than SQLite (a file a run is creating is empty or SQLite)."""
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:
        return False
    return len(head) == 16 and head != b"SQLite format 3\x00"


def _fitscope_files(folder: Path, known: set[Path]) -> list[Path]:
    """The ``*.fitscope`` files under ``folder`` (any depth) not in ``known``, in path order."""
    try:
        found = sorted(p for p in folder.rglob("*.fitscope") if p.is_file())
    except OSError:  # the folder went away, or a subfolder cannot be read
        return []
    return [p for p in found if p.resolve() not in known]


def _wait_for(
    paths: list[Path],
    server: UIServer,
    stack: contextlib.ExitStack,
    stop: threading.Event,
    folders: Sequence[Path] = (),
    known: set[Path] | None = None,
) -> None:
    """Attaches each file of ``paths`` once a writer has created it, and each new ``*.fitscope``
    file under ``folders`` once it appears (polling; until ``stop``)."""
    pending = list(paths)
    seen = known if known is not None else set()
    while (pending or folders) and not stop.wait(_POLL_S):
        for folder in folders:
            for path in _fitscope_files(folder, seen):
                seen.add(path.resolve())
                pending.append(path)
        for path in list(pending):
            if _not_there_yet(path):
                continue
            try:
                storage = FileStatsStorage(path, read_only=True)
            except NotAFitscopeFileError:
                continue  # a writer is creating it: its tables are not committed yet
            except StorageFileError as exc:
                print(f"fitscope: error: {exc}", file=sys.stderr, flush=True)
                pending.remove(path)
                continue
            if stop.is_set():
                storage.close()
                return
            stack.callback(storage.close)
            server.attach(storage)
            pending.remove(path)
            _say(f"{path} appeared: showing it")
