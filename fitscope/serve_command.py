"""``fitscope serve``: show fitscope files in the web UI (the server is imported only when it runs)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

__all__ = ["add_serve_command"]

_DESCRIPTION = """\
Show fitscope files in the web UI until Ctrl-C. Each FILE is opened read-only: a file that
training is still writing is shown live, and no file is ever modified.

A FILE that does not exist yet (you start the UI before training) is waited for: the command
says so, and shows it as soon as a run creates it. With --create it creates an empty fitscope
file instead, and with --no-wait it refuses a missing file.

Listening on a loopback address (the default 127.0.0.1), the server answers only requests for
localhost or a loopback address (a defence against DNS rebinding); --allow-host adds a name.

With --remote the server is also a hub: workers' RemoteStatsRouters post their records to
POST /api/v1/ingest, which stores them in --store (default runs/remote.fitscope) and shows them
live. Posts must carry the token (--token, --token-file or FITSCOPE_TOKEN); without one, a hub
on a loopback address makes one and prints it, and a hub on another address refuses to start
unless --insecure is given. FILE arguments are optional then."""


def add_serve_command(sub: Any) -> None:
    """Adds the ``serve`` subcommand to the ``fitscope`` parser's subparsers."""
    serve = sub.add_parser(
        "serve",
        help="show fitscope files in the web UI (until Ctrl-C)",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a .fitscope file (it may still be being written, or not exist yet), or a folder: every *.fitscope "
        "file under it, and new ones as they appear; at least one without --remote",
    )
    serve.add_argument("--port", type=int, default=9000, help="TCP port (default: 9000; 0 picks a free one)")
    serve.add_argument("--host", default="127.0.0.1", help="interface to bind (default: 127.0.0.1, this machine only)")
    missing = serve.add_mutually_exclusive_group()
    missing.add_argument(
        "--create",
        dest="missing",
        action="store_const",
        const="create",
        help="create a FILE that does not exist as an empty fitscope file (training then appends to it)",
    )
    missing.add_argument(
        "--no-wait",
        dest="missing",
        action="store_const",
        const="error",
        help="fail on a FILE that does not exist, instead of waiting for it",
    )
    serve.set_defaults(missing="wait")
    serve.add_argument(
        "--cors-origin",
        action="append",
        metavar="ORIGIN",
        help="let pages of ORIGIN (https://portal.example) use the API and the bundle (repeatable)",
    )
    serve.add_argument(
        "--frame-ancestor",
        action="append",
        metavar="ORIGIN",
        help="let pages of ORIGIN embed the UI in a frame, beside the UI's own origin (repeatable)",
    )
    serve.add_argument(
        "--allow-host",
        action="append",
        metavar="NAME",
        help="also answer requests for host NAME while listening on a loopback address (repeatable)",
    )
    serve.add_argument(
        "--graph",
        action="append",
        metavar="[SESSION=]MODEL.onnx",
        help="show this ONNX model's graph on the model page of every session, or of SESSION only (repeatable)",
    )
    serve.add_argument(
        "--allow-external-data",
        action="store_true",
        help="accept --graph models whose weights are in external data files (never read; kept in the model's folder)",
    )
    remote = serve.add_argument_group("remote listener (a hub for distributed training)")
    remote.add_argument(
        "--remote", action="store_true", help="take records that workers post (RemoteStatsRouter) to /api/v1/ingest"
    )
    remote.add_argument(
        "--store",
        metavar="PATH",
        help="the fitscope file received records go into (default: runs/remote.fitscope); kept across restarts",
    )
    token = remote.add_mutually_exclusive_group()
    token.add_argument("--token", metavar="T", help="the token workers must send (default: $FITSCOPE_TOKEN)")
    token.add_argument("--token-file", metavar="F", help="read the token from file F (its first line)")
    token.add_argument(
        "--insecure", action="store_true", help="take posts without a token (anyone who reaches the port may write)"
    )
    remote.add_argument(
        "--max-body-bytes",
        type=int,
        metavar="N",
        help="the largest batch taken, decompressed, in bytes (default: 64 MiB; larger ones get 413)",
    )
    serve.add_argument(
        "--base-path",
        default="",
        metavar="PATH",
        help="serve every page and the API under this path (/tools/fitscope), for a reverse proxy that passes the "
        "path on as it is",
    )
    serve.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    """Runs ``fitscope serve``; returns the exit code."""
    from fitscope.server.cli import serve  # imports aiohttp: MissingDependencyError without the server extra
    from fitscope.server.pages import DEFAULT_FRAME_ANCESTORS

    if not 0 <= args.port <= 65535:
        raise ValueError(f"--port must be from 0 to 65535 (0 picks a free one), got {args.port}.")
    frame_ancestors = (*DEFAULT_FRAME_ANCESTORS, *(args.frame_ancestor or ()))
    remote = None
    if args.remote:
        from fitscope.server.cli import RemoteOptions

        remote = RemoteOptions(
            store=args.store,
            token=_read_token(args.token_file) if args.token_file else args.token,
            insecure=args.insecure,
            max_body_bytes=args.max_body_bytes,
        )
    else:
        given = [
            f
            for f, v in (
                ("--store", args.store),
                ("--token", args.token),
                ("--token-file", args.token_file),
                ("--insecure", args.insecure),
                ("--max-body-bytes", args.max_body_bytes),
            )
            if v
        ]
        if given:
            raise ValueError(f"{', '.join(given)} only apply with --remote (the remote listener).")
        if not args.files:
            raise ValueError("fitscope serve needs a FILE to show (or --remote, to be a hub that workers post to).")
    return serve(
        args.files,
        args.host,
        args.port,
        args.cors_origin or [],
        missing=args.missing,
        allowed_hosts=args.allow_host or [],
        frame_ancestors=frame_ancestors,
        remote=remote,
        graphs=read_graphs(args.graph or [], allow_external_data=args.allow_external_data),
        base_path=args.base_path,
    )


def read_graphs(values: Sequence[str], *, allow_external_data: bool = False) -> dict[str, Any]:
    """The ``--graph`` values read: ``{session id or "*": OnnxGraph}``.

    ``MODEL.onnx`` is for every session; ``SESSION=MODEL.onnx`` for one (a value naming an
    existing file is a file, even with ``=`` in its name).

    Raises:
        GraphError: A model is unusable (one line naming it).
        ValueError: Two values for the same session.
    """
    import os

    from fitscope.onnx_graph import read_onnx

    out: dict[str, Any] = {}
    for value in values:
        session, sep, path = value.partition("=")
        if not sep or os.path.exists(value) or not session:
            session, path = "*", value
        if session in out:
            which = "every session" if session == "*" else f"session {session!r}"
            raise ValueError(f"--graph was given twice for {which}.")
        out[session] = read_onnx(path, allow_external_data=allow_external_data)
    return out


def _read_token(path: str) -> str:
    """The first line of a token file, without surrounding spaces."""
    from pathlib import Path

    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"--token-file {path}: cannot read it ({exc.strerror or exc}).") from exc
    token = text.strip().splitlines()[0].strip() if text.strip() else ""
    if not token:
        raise ValueError(f"--token-file {path} is empty: put the token on its first line.")
    return token
