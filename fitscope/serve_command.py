"""``fitscope serve``: show fitscope files in the web UI (the server is imported only when it runs)."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_serve_command"]


def add_serve_command(sub: Any) -> None:
    """Adds the ``serve`` subcommand to the ``fitscope`` parser's subparsers."""
    serve = sub.add_parser("serve", help="show fitscope files in the web UI (until Ctrl-C)")
    serve.add_argument("files", nargs="+", metavar="FILE", help="a .fitscope file (it may still be being written)")
    serve.add_argument("--port", type=int, default=9000, help="TCP port (default: 9000; 0 picks a free one)")
    serve.add_argument("--host", default="127.0.0.1", help="interface to bind (default: 127.0.0.1, this machine only)")
    serve.add_argument(
        "--cors-origin",
        action="append",
        metavar="ORIGIN",
        help="let pages of ORIGIN (https://portal.example) use the API and the bundle (repeatable)",
    )
    serve.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    """Runs ``fitscope serve``; returns the exit code."""
    from fitscope.server.cli import serve  # imports aiohttp: MissingDependencyError without the server extra

    return serve(args.files, args.host, args.port, args.cors_origin or [])
