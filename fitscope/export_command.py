"""``fitscope export``: send a stored run to TensorBoard or MLflow, or copy it to shared storage.

Its exporters are imported only when the command runs, so ``fitscope --help`` stays fast.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_export_command"]


def add_export_command(sub: Any) -> None:
    """Adds the ``export`` subcommand to the ``fitscope`` parser's subparsers."""
    export = sub.add_parser("export", help="send a stored run to TensorBoard or MLflow, or copy it to shared storage")
    export.add_argument("file", help="a .fitscope file (it may still be being written)")
    export.add_argument("--tensorboard", metavar="LOGDIR", help="write TensorBoard event files under LOGDIR")
    export.add_argument(
        "--mlflow", metavar="URI", nargs="?", const="", help="log to MLflow (URI, or the default tracking URI)"
    )
    export.add_argument("--experiment", help="MLflow experiment name (with --mlflow)")
    export.add_argument(
        "--to", metavar="DEST", help="copy a consistent snapshot to a path or an fsspec URL (s3://, gs://...)"
    )
    export.add_argument("--session", action="append", help="export only this session (repeatable)")
    export.add_argument("--quiet", action="store_true", help="no progress bar")
    export.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Runs ``fitscope export``; returns the exit code."""
    from tqdm import tqdm

    from fitscope.storage.replay import count_records, replay
    from fitscope.storage.snapshot import copy_to
    from fitscope.storage.sqlite import FileStatsStorage

    if not (args.tensorboard or args.mlflow is not None or args.to):
        raise ValueError("fitscope export needs a destination: --tensorboard LOGDIR, --mlflow [URI] or --to DEST.")
    if args.to:
        print(f"Copied a consistent snapshot of {args.file} to {copy_to(args.file, args.to)}")
    sinks: list[tuple[str, Any]] = []
    if args.tensorboard:
        from fitscope.exporters import TensorBoardExporter

        sinks.append((f"TensorBoard {args.tensorboard}", TensorBoardExporter(args.tensorboard)))
    if args.mlflow is not None:
        from fitscope.exporters import MLflowExporter

        uri = args.mlflow or None
        sinks.append((f"MLflow {uri or '(default tracking URI)'}", MLflowExporter(uri, experiment=args.experiment)))
    if not sinks:
        return 0
    with FileStatsStorage(args.file, read_only=True) as storage:
        sessions = args.session or None
        if sessions:
            known = set(storage.list_sessions())
            unknown = [s for s in sessions if s not in known]
            if unknown:
                raise ValueError(f"{args.file} has no session {', '.join(unknown)}; see: fitscope info {args.file}")
        total = count_records(storage, sessions)
        for label, sink in sinks:
            try:
                with tqdm(total=total, desc=label, unit="record", disable=args.quiet) as bar:
                    counts = replay(storage, sink, sessions=sessions, progress=bar)
            finally:
                sink.close()
            print(
                f"{label}: {counts.reports} reports, {counts.metrics} metrics records, {counts.epochs} epoch ends "
                f"from {counts.static_info} worker(s)"
            )
    return 0
