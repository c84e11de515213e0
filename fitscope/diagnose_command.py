"""``fitscope diagnose``: the debugging guide's rules over a stored run, as text or JSON.

Exit status: 0 when no finding is a warning or worse, 1 when one is, 2 on bad input (not a
fitscope file, an unknown session).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fitscope.diagnostics import Finding

__all__ = ["add_diagnose_command", "run_diagnose"]

_EPILOG = """\
exit status: 0 when no finding is a warning or an error (info findings are fine), 1 when one is,
2 on bad input (not a fitscope file, an unknown session).
"""


def add_diagnose_command(sub: Any) -> None:
    """Adds the ``diagnose`` subcommand to the ``fitscope`` parser's subparsers."""
    p = sub.add_parser(
        "diagnose",
        help="apply the debugging guide to a stored run: divergence, flat or noisy score, ratios, activations...",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", help="a .fitscope file (it may still be being written)")
    p.add_argument("--session", metavar="S", help="only this session (default: every session)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument(
        "--lang", choices=("en", "zh"), default="en", help="the language of messages and advice (default: en)"
    )
    p.set_defaults(func=run_diagnose)


def run_diagnose(args: argparse.Namespace) -> int:
    """Runs ``fitscope diagnose``; returns its exit code."""
    from fitscope.diagnostics import diagnose_stream
    from fitscope.errors import UnknownSessionError
    from fitscope.storage.sqlite import FileStatsStorage

    storage = FileStatsStorage(args.file, read_only=True)
    try:
        sessions = storage.list_sessions()
        if args.session is not None:
            if args.session not in sessions:
                raise UnknownSessionError(
                    f"{args.file} has no session {args.session!r}; it has: {', '.join(sessions) or 'none'}."
                )
            sessions = [args.session]
        result: list[tuple[str, str, list[Finding]]] = []
        for session in sessions:
            for worker in storage.list_workers(session):
                result.append((session, worker, diagnose_stream(storage, session, worker)))
    finally:
        storage.close()
    bad = any(f.severity in ("warning", "error") for _, _, findings in result for f in findings)
    if args.json:
        doc = {
            "sessions": [
                {"session_id": s, "worker_id": w, "findings": [f.to_json(args.lang) for f in findings]}
                for s, w, findings in result
            ]
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False))
    else:
        _print_text(result, args.lang)
    return 1 if bad else 0


def _print_text(result: list[tuple[str, str, list[Finding]]], lang: str) -> None:
    for session, worker, findings in result:
        print(f"session {session}, worker {worker}: {len(findings) or 'no'} finding(s)")
        for f in findings:
            message, advice = f.text(lang)
            where = f" [{f.parameter}]" if f.parameter else ""
            span = f"iterations {f.first_iteration}-{f.last_iteration}, noticed at {f.noticed_iteration}"
            print(f"  {f.severity.upper():7} {f.category}/{f.rule}{where}, {span}")
            print(f"          {message}")
            print(f"          {advice}")
