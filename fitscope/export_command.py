"""``fitscope export``: send a stored run to TensorBoard or MLflow, or copy it to shared storage.

Its exporters are imported only when the command runs, so ``fitscope --help`` stays fast.

Exit status: 0 when every record reached every destination; 1 when some records were not
delivered (a tracking server down, a disk full: the message says how many, per destination);
2 when the command cannot start (a bad argument, an unusable ``--tensorboard`` directory or one
that already holds the run, an MLflow URI scheme MLflow does not know, a damaged file).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from typing import Any

from fitscope.errors import ExportError

__all__ = ["add_export_command", "run_export"]

_EPILOG = """\
exit status: 0 when every record was delivered; 1 when some were not (the message says how many);
2 when the export cannot start (bad arguments, an unusable or already filled --tensorboard
directory, an unknown MLflow URI scheme, a damaged file). Exporting twice into the same
--tensorboard LOGDIR is refused: TensorBoard would show every point twice.
"""


def add_export_command(sub: Any) -> None:
    """Adds the ``export`` subcommand to the ``fitscope`` parser's subparsers."""
    export = sub.add_parser(
        "export",
        help="send a stored run to TensorBoard or MLflow, or copy it to shared storage",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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


@dataclass
class _Tally:
    """What one destination was sent, and what did not arrive."""

    static_info: int = 0
    reports: int = 0
    metrics: int = 0
    epochs: int = 0
    attempted: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def run_export(args: argparse.Namespace) -> int:
    """Runs ``fitscope export``; returns the exit code.

    Raises:
        ExportError: A destination is unusable (exit 2 through the CLI's error handler).
        ValueError: The arguments name no destination, or an unknown session.
    """
    from tqdm import tqdm

    from fitscope.storage.replay import count_records
    from fitscope.storage.snapshot import copy_to
    from fitscope.storage.sqlite import FileStatsStorage

    if not (args.tensorboard or args.mlflow is not None or args.to):
        raise ValueError("fitscope export needs a destination: --tensorboard LOGDIR, --mlflow [URI] or --to DEST.")
    if args.to:
        print(f"Copied a consistent snapshot of {args.file} to {copy_to(args.file, args.to)}")
    if not (args.tensorboard or args.mlflow is not None):
        return 0
    status = 0
    with FileStatsStorage(args.file, read_only=True) as storage:
        sessions: list[str] = args.session or list(storage.list_sessions())
        if args.session:
            known = set(storage.list_sessions())
            unknown = [s for s in args.session if s not in known]
            if unknown:
                raise ValueError(f"{args.file} has no session {', '.join(unknown)}; see: fitscope info {args.file}")
        sinks = _build_sinks(args, storage, sessions)
        total = count_records(storage, sessions)
        for label, sink in sinks:
            with tqdm(total=total, desc=label, unit="record", disable=args.quiet) as bar:
                tally = _send(storage, sink, sessions, bar)
            try:
                sink.close()
            except Exception as exc:  # a last write that failed: what it carried is lost
                tally.errors.append(f"closing failed: {exc}")
                tally.failed = max(tally.failed, 1)
            tally.failed = max(tally.failed, int(getattr(sink, "records_lost", 0)))
            if not tally.failed:
                print(
                    f"{label}: {tally.reports} reports, {tally.metrics} metrics records, {tally.epochs} epoch ends "
                    f"from {tally.static_info} worker(s)"
                )
            else:
                status = 1
                why = f" ({tally.errors[0]})" if tally.errors else "; see the messages above"
                print(
                    f"fitscope: error: {label}: {tally.failed} of {tally.attempted} records were not delivered{why}.",
                    file=sys.stderr,
                )
    return status


def _build_sinks(args: argparse.Namespace, storage: Any, sessions: list[str]) -> list[tuple[str, Any]]:
    """Builds the exporters; raises ExportError (exit 2) for an unusable destination before anything is sent."""
    sinks: list[tuple[str, Any]] = []
    if args.tensorboard:
        from fitscope.exporters import TensorBoardExporter

        # flush_secs=0: each record is written by its own put, so a failed write is counted against it.
        exporter = TensorBoardExporter(args.tensorboard, flush_secs=0)
        _refuse_filled_runs(exporter, storage, sessions)
        sinks.append((f"TensorBoard {args.tensorboard}", exporter))
    if args.mlflow is not None:
        from fitscope.exporters import MLflowExporter

        uri = args.mlflow or None
        sinks.append((f"MLflow {uri or '(default tracking URI)'}", MLflowExporter(uri, experiment=args.experiment)))
    return sinks


def _refuse_filled_runs(exporter: Any, storage: Any, sessions: list[str]) -> None:
    """Raises ExportError when a run directory already holds events, or two exported runs share one."""
    targets: dict[str, str] = {}
    filled: list[str] = []
    shared: list[str] = []
    for sid in sessions:
        for wid in storage.list_workers(sid):
            info = storage.get_static_info(sid, wid)
            directory = exporter.run_directory(sid, wid, session_name=None if info is None else info.session_name)
            label = f"session {sid} worker {wid}"
            if directory in targets:
                shared.append(f"{targets[directory]} and {label} -> {directory}")
            targets[directory] = label
            if _holds_events(directory):
                filled.append(directory)
    if filled:
        raise ExportError(
            "Not exporting into TensorBoard run directories that already hold event files (TensorBoard would "
            f"show every point twice): {', '.join(filled)}. Delete them, choose another --tensorboard directory, "
            "or pick other sessions with --session."
        )
    if shared:
        raise ExportError(
            "Runs with the same session name would share a TensorBoard run directory and mix their points: "
            f"{'; '.join(shared)}. Export them one at a time with --session into different directories."
        )


def _holds_events(directory: str) -> bool:
    try:
        return any("tfevents" in name for name in os.listdir(directory))
    except OSError:
        return False


def _send(storage: Any, sink: Any, sessions: list[str], progress: Any) -> _Tally:
    """Sends every record of ``sessions`` to ``sink`` in the listener's order; a put that fails is counted."""
    from fitscope.records import EpochRecord, MetricsRecord, StatsReport
    from fitscope.storage.replay import iter_records

    tally = _Tally()
    for sid in sessions:
        for wid in storage.list_workers(sid):
            for record in iter_records(storage, sid, wid):  # a damaged row raises here: exit 2
                tally.attempted += 1
                try:
                    if isinstance(record, StatsReport):
                        sink.put_update(record)
                        tally.reports += 1
                    elif isinstance(record, MetricsRecord):
                        sink.put_metrics(record)
                        tally.metrics += 1
                    elif isinstance(record, EpochRecord):
                        sink.put_epoch(record)
                        tally.epochs += 1
                    else:
                        sink.put_static_info(record)
                        tally.static_info += 1
                except Exception as exc:  # the destination failed this record; the next ones may still go
                    tally.failed += 1
                    if len(tally.errors) < 1:
                        tally.errors.append(f"{type(exc).__name__}: {exc}")
                progress.update(1)
    return tally
