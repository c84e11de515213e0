"""The ``fitscope`` command (also ``python -m fitscope``).

Commands import their heavy modules (torch, scikit-learn) only when they run, so
``fitscope info`` starts fast. Exit codes: 0 success, 1 unexpected failure, 2 bad input
(not a fitscope file, a newer schema, a corrupt file, bad arguments, a missing extra), 130
Ctrl-C, 141 the reader of the output went away (``fitscope info FILE | head -1``: no traceback).
Messages name command-line options, not the Python API's keyword arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from fitscope import __version__
from fitscope.diagnose_command import add_diagnose_command
from fitscope.errors import CorruptFileError, FitscopeError, StorageFileError
from fitscope.export_command import add_export_command
from fitscope.projector_command import add_projector_command
from fitscope.serve_command import add_serve_command

if TYPE_CHECKING:
    from fitscope.demo import DemoResult

__all__ = ["main"]


def _fmt_time(ms: int | None) -> str:
    if ms is None:
        return "-"
    try:
        return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (OverflowError, ValueError, OSError):  # the storage validates times; never a traceback here
        return f"{ms} ms (out of range)"


def _fmt_float(x: float | None) -> str:
    if x is None:
        return "-"
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "+Inf" if x > 0 else "-Inf"
    return f"{x:.6g}"


def _non_negative_float(text: str) -> float:
    """argparse type: a finite number >= 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a finite number >= 0, got {text!r}")
    return value


def _cmd_demo(args: argparse.Namespace) -> int:
    from fitscope.demo import run_demo

    if args.serve:
        return _demo_and_serve(args)
    if args.port is not None:
        raise ValueError("fitscope demo --port needs --serve (the port of the web UI).")
    results = run_demo(args.out, **_demo_options(args, serving=False))
    _print_demo_results(args, results)
    return 0


def _check_port(port: int | None) -> None:
    if port is not None and not 0 <= port <= 65535:
        raise ValueError(f"--port must be from 0 to 65535 (--port 0 picks a free one), got {port}.")


def _demo_options(args: argparse.Namespace, *, serving: bool) -> dict[str, Any]:
    """``run_demo``'s keyword arguments from the command line; ``--step-delay`` is 0.05 s by default when serving."""
    return {
        "models": ("mlp", "cnn") if args.model == "both" else (args.model,),
        "epochs": args.epochs,
        "frequency": args.frequency,
        "seed": args.seed,
        "progress": not args.quiet,
        "step_delay": (0.05 if serving else 0.0) if args.step_delay is None else args.step_delay,
    }


def _print_demo_results(args: argparse.Namespace, results: Sequence[DemoResult]) -> None:
    for r in results:
        print(
            f"{r.session_name}: {r.iterations} iterations, final loss {_fmt_float(r.final_loss)}, "
            f"validation accuracy {r.val_accuracy:.3f} (session {r.session_id})"
        )
    print(f"Wrote {args.out}. Read it back with: fitscope info {args.out}", flush=True)


def _demo_and_serve(args: argparse.Namespace) -> int:
    """``fitscope demo --serve``: the UI server shows the run live, then keeps serving until Ctrl-C."""
    from fitscope.demo import run_demo
    from fitscope.server.cli import CliServer  # MissingDependencyError without the server extra
    from fitscope.storage.sqlite import FileStatsStorage

    _check_port(args.port)
    port = 9000 if args.port is None else args.port
    with CliServer(port=port) as server, FileStatsStorage(args.out) as storage:
        server.attach(storage)
        url = f"{server.url}/train/overview"
        print(f"fitscope UI: {url}", flush=True)
        try:
            results = run_demo(storage, **_demo_options(args, serving=True))
            _print_demo_results(args, results)
            print(f"Training finished; still serving {url} (press Ctrl-C to stop).", flush=True)
            server.wait()
        except KeyboardInterrupt:  # Ctrl-C is how --serve stops, also while it trains
            print(f"fitscope: stopped serving; the run is in {args.out}", file=sys.stderr)
        finally:
            server.stop()  # before the storage it shows closes
    return 0


def _info(path: str) -> dict[str, Any]:
    """What ``fitscope info`` prints; a damaged file raises a FitscopeError naming it, never another error."""
    _check_readable(path)
    try:
        return _read_info(path)
    except FitscopeError:
        raise
    except Exception as exc:  # the storage validates what it reads: this is a last line of defence
        raise CorruptFileError(
            f"{path} could not be read ({type(exc).__name__}: {exc}). It may be damaged; fitscope did not modify it.",
            path,
        ) from exc


def _unreadable(path: str) -> str | None:
    """Why ``path`` cannot be opened read-only, in the command line's words; None if it may be."""
    if os.path.isdir(path):
        return f"{path} is a folder, not a fitscope file."
    if not os.path.exists(path):
        return f"{path} does not exist. Check the path; a training run (or fitscope demo --out {path}) creates it."
    if os.path.getsize(path) == 0:
        return f"{path} is empty: no training run has written to it yet. Try again once one has."
    return None


def _check_readable(path: str) -> None:
    """Raises StorageFileError (in the command line's words) if ``path`` cannot be opened read-only."""
    message = _unreadable(path)
    if message is not None:
        raise StorageFileError(message, path)


def _message(exc: Exception) -> str:
    """The one line printed for ``exc``: the storage's advice for Python callers ("open it without
    read_only") becomes the command line's, for every command that opens a file read-only."""
    if isinstance(exc, StorageFileError) and "read_only" in str(exc):
        return _unreadable(exc.path) or str(exc)
    return str(exc)


def _onnx_nodes(graph: Any) -> int | None:
    """Nodes of a stored ONNX graph (None without one)."""
    if not isinstance(graph, dict) or not isinstance(graph.get("nodes"), list):
        return None
    return len(graph["nodes"])


def _read_info(path: str) -> dict[str, Any]:
    from fitscope.storage.sqlite import FileStatsStorage

    with FileStatsStorage(path, read_only=True) as storage:
        sessions = []
        for sid in storage.list_sessions():
            info = storage.session_info(sid)
            workers = []
            for wid in info.workers:
                latest = storage.get_latest_update(sid, wid)
                static = storage.get_static_info(sid, wid)
                epochs = storage.read_epochs(sid, wid)
                stored = storage.stored_findings(sid, wid)
                workers.append(
                    {
                        "worker_id": wid,
                        "model": static.model.class_name if static and static.model else None,
                        "num_params": static.model.num_params if static and static.model else None,
                        "onnx_nodes": _onnx_nodes(static.model.onnx if static and static.model else None),
                        "reports": storage.count_updates(sid, wid),
                        "last_iteration": latest.iteration if latest else None,
                        "last_score": latest.score if latest else None,
                        "epochs": len(epochs),
                        "findings": None if stored is None else _finding_counts(stored),
                    }
                )
            sessions.append(
                {
                    "session_id": sid,
                    "session_name": info.session_name,
                    "start": _fmt_time(info.start_ms),
                    "last_update": _fmt_time(info.last_update_ms),
                    "workers": workers,
                }
            )
    return {"file": path, "sessions": sessions}


def _finding_counts(stored: Any) -> dict[str, Any]:
    """What ``fitscope info`` says of a worker's stored findings: counts per severity and their reach."""
    counts = {severity: 0 for severity in ("error", "warning", "info")}
    for finding in stored.findings:
        counts[finding.severity] += 1
    return {**counts, "through": stored.through}


def _findings_text(found: dict[str, Any] | None, last: int | None) -> str:
    if found is None:
        return ""
    parts = [f"{found[s]} {s}{'s' if found[s] != 1 else ''}" for s in ("error", "warning", "info") if found[s]]
    text = ", ".join(parts) or "no findings"
    behind = "" if found["through"] == last else f" (diagnosed through iteration {found['through']})"
    return f"; {text}{behind}"


def _cmd_onnx_info(args: argparse.Namespace) -> int:
    """``fitscope info MODEL.onnx``: opsets, node and parameter counts, op types, top-level groups."""
    from fitscope.onnx_graph import onnx_summary, read_onnx

    data = onnx_summary(read_onnx(args.file, allow_external_data=args.allow_external_data))
    data = {"file": args.file, **data}
    if args.json:
        print(json.dumps(data, indent=2, allow_nan=False))
        return 0
    opsets = ", ".join(f"{d or 'ai.onnx'} {v}" for d, v in data["opsets"].items())
    print(f"{args.file}: ONNX model, IR version {data['ir_version']}, opset {opsets}, from {data['producer'] or '?'}")
    print(
        f"  {data['num_nodes']:,} nodes, {data['num_initializers']:,} initializers "
        f"({data['num_parameters']:,} elements), "
        f"{data['num_groups']:,} groups (from {data['grouping'].replace('_', ' ')})"
    )
    for kind in ("inputs", "outputs"):
        values = ", ".join(f"{v['name']} {_shape_text(v['shape'])} {v['dtype'] or '?'}" for v in data[kind])
        print(f"  {kind}: {values or '-'}")
    ops = ", ".join(f"{op} {n}" for op, n in list(data["op_types"].items())[:12])
    more = len(data["op_types"]) - 12
    print(f"  ops: {ops}{f', ... ({more} more)' if more > 0 else ''}")
    for g in data["top_level_groups"]:
        print(f"  group {g['id']}{_type_text(g['type'])}: {g['num_nodes']:,} nodes")
    if data["top_level_nodes"]:
        print(f"  {data['top_level_nodes']:,} nodes outside any group")
    return 0


def _type_text(type_name: str | None) -> str:
    return f" ({type_name})" if type_name else ""


def _shape_text(shape: list[Any] | None) -> str:
    return "?" if shape is None else "[" + ", ".join("?" if d is None else str(d) for d in shape) + "]"


def _cmd_info(args: argparse.Namespace) -> int:
    if args.file.lower().endswith(".onnx"):
        return _cmd_onnx_info(args)
    if args.allow_external_data:
        raise ValueError("--allow-external-data applies to ONNX models (MODEL.onnx) only.")
    data = _info(args.file)
    if args.json:
        from fitscope.encoding import encode_optional_float

        for s in data["sessions"]:
            for w in s["workers"]:
                w["last_score"] = encode_optional_float(w["last_score"])
        print(json.dumps(data, indent=2, allow_nan=False))
        return 0
    print(f"{data['file']}: {len(data['sessions'])} session(s)")
    for s in data["sessions"]:
        name = f" ({s['session_name']})" if s["session_name"] else ""
        print(f"session {s['session_id']}{name}")
        print(f"  started {s['start']}, last update {s['last_update']}")
        for w in s["workers"]:
            model = f", model {w['model']} ({w['num_params']} parameters)" if w["model"] else ""
            if w["onnx_nodes"] is not None:
                model += f", ONNX graph of {w['onnx_nodes']:,} nodes"
            print(
                f"  worker {w['worker_id']}: {w['reports']} reports, last iteration {w['last_iteration'] or '-'}, "
                f"last score {_fmt_float(w['last_score'])}, {w['epochs']} epochs{model}"
                f"{_findings_text(w['findings'], w['last_iteration'])}"
            )
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Returns the argument parser of the ``fitscope`` command."""
    parser = argparse.ArgumentParser(prog="fitscope", description="See inside neural-network training.")
    parser.add_argument("--version", action="version", version=f"fitscope {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="train small networks on scikit-learn's digits and store the runs")
    demo.add_argument("--out", default="runs/demo.fitscope", help="file to write (default: runs/demo.fitscope)")
    demo.add_argument("--model", choices=("mlp", "cnn", "both"), default="both", help="which network(s) to train")
    demo.add_argument("--epochs", type=int, default=8, help="passes over the training data (default: 8)")
    demo.add_argument("--frequency", type=int, default=10, help="report every N iterations (default: 10)")
    demo.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    demo.add_argument("--quiet", action="store_true", help="no progress bar")
    demo.add_argument(
        "--serve", action="store_true", help="show the training live in the web UI, and keep serving until Ctrl-C"
    )
    demo.add_argument("--port", type=int, help="UI port with --serve (default: 9000; --port 0 picks a free one)")
    demo.add_argument(
        "--step-delay",
        type=_non_negative_float,
        metavar="SECONDS",
        help="sleep after each training step, to watch it live (default: 0.05 with --serve, else 0)",
    )
    demo.set_defaults(func=_cmd_demo)

    add_serve_command(sub)

    info = sub.add_parser(
        "info", help="print the sessions, workers, iterations and last score of a file, or an ONNX model's summary"
    )
    info.add_argument("file", help="a .fitscope file, or an ONNX model (.onnx)")
    info.add_argument("--json", action="store_true", help="print JSON instead of text")
    info.add_argument(
        "--allow-external-data",
        action="store_true",
        help="accept an ONNX model whose weights are in external data files (never read)",
    )
    info.set_defaults(func=_cmd_info)

    add_export_command(sub)
    add_diagnose_command(sub)
    add_projector_command(sub)
    return parser


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a command whose reader went away


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the ``fitscope`` command; returns its exit code."""
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit:  # --help, --version, a usage error: flushed here, where a broken pipe is caught
            sys.stdout.flush()
            raise
        try:
            code: int = args.func(args)
        except (FitscopeError, ValueError) as exc:
            print(f"fitscope: error: {_message(exc)}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("fitscope: interrupted", file=sys.stderr)
            return 130
        sys.stdout.flush()  # a closed pipe shows here, inside the try, not at interpreter exit
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    return code


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so that Python's final flush raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (stdout replaced): nothing to flush into
        pass


if __name__ == "__main__":
    sys.exit(main())
