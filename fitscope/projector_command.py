"""``fitscope projector``: vectors (or a corpus) to a layout, stored, exported or shown in the UI.

The projector's modules (gensim, openTSNE) are imported only when the command runs, so
``fitscope --help`` stays fast.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from pathlib import Path
from typing import Any

from fitscope.errors import EmbeddingError

__all__ = ["add_projector_command", "run_projector"]

_EPILOG = """\
examples:
  fitscope projector vectors.bin --store runs/words.fitscope          t-SNE, kept in a fitscope file
  fitscope projector tensors.tsv --labels metadata.tsv --serve        watch t-SNE converge in the UI
  fitscope projector corpus.txt --word2vec --min-count 5 --csv map.csv   train, lay out, write x,y,label
  fitscope projector vectors.npy --labels words.txt --method pca --tensorboard logs/

At least one of --store, --serve, --csv or --tensorboard says where the result goes.
"""


def add_projector_command(sub: Any) -> None:
    """Adds the ``projector`` subcommand to the ``fitscope`` parser's subparsers."""
    p = sub.add_parser(
        "projector",
        help="lay out word vectors (t-SNE, PCA, UMAP) and store, export or show them",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "vectors",
        help="a vectors file (gensim, word2vec text/binary, GloVe, TSV, CSV, NPY), or a corpus with --word2vec",
    )
    p.add_argument(
        "--labels", metavar="FILE", help="labels of a TSV/CSV/NPY file (one per line, or TensorBoard's metadata.tsv)"
    )
    p.add_argument(
        "--format",
        help="the vectors' format (default: guessed): gensim, word2vec, word2vec-binary, glove, tsv, csv, npy",
    )
    p.add_argument("--limit", type=int, metavar="N", help="read only the first N vectors")
    p.add_argument(
        "--max-mib", type=float, default=1024, metavar="M", help="refuse a larger file (default: 1024; 0: no limit)"
    )
    w2v = p.add_argument_group("training word2vec on a corpus (one sentence per line)")
    w2v.add_argument("--word2vec", action="store_true", help="VECTORS is a corpus: train gensim's Word2Vec on it first")
    w2v.add_argument("--vector-size", type=int, default=100, help="dimensions (default: 100)")
    w2v.add_argument("--min-count", type=int, default=5, help="ignore words rarer than this (default: 5)")
    w2v.add_argument("--epochs", type=int, default=5, help="passes over the corpus (default: 5)")
    w2v.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    lay = p.add_argument_group("layout")
    lay.add_argument("--method", choices=("tsne", "pca", "umap", "none"), default="tsne", help="default: tsne")
    lay.add_argument("--dims", type=int, choices=(2, 3), default=2, help="default: 2")
    lay.add_argument("--perplexity", type=float, help="t-SNE perplexity (default: 30)")
    lay.add_argument("--max-iter", type=int, help="t-SNE iterations (default: 1000)")
    lay.add_argument("--num-words", type=int, metavar="N", help="lay out only the first N vectors")
    out = p.add_argument_group("where the result goes")
    out.add_argument("--store", metavar="FILE", help="keep the embedding and its layout in this fitscope file")
    out.add_argument("--name", help="what the projector calls the embedding")
    out.add_argument("--session", metavar="ID", help="tie the embedding to this training session")
    out.add_argument(
        "--csv", metavar="FILE", help="write the layout as x,y,label rows (the original UI's upload format)"
    )
    out.add_argument(
        "--tensorboard", metavar="LOGDIR", help="write TensorBoard projector files (tensors.tsv, metadata.tsv)"
    )
    out.add_argument(
        "--serve", action="store_true", help="show it in the web UI (the layout converges live) until Ctrl-C"
    )
    out.add_argument("--port", type=int, default=9000, help="UI port with --serve (default: 9000; 0 picks a free one)")
    out.add_argument("--host", default="127.0.0.1", help="UI interface with --serve (default: 127.0.0.1)")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.set_defaults(func=run_projector)


def _params(args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if args.method == "tsne":
        if args.perplexity is not None:
            out["perplexity"] = args.perplexity
        if args.max_iter is not None:
            out["max_iter"] = args.max_iter
    elif args.perplexity is not None or args.max_iter is not None:
        raise EmbeddingError(
            "--perplexity and --max-iter are t-SNE's; leave them out with --method " + args.method + "."
        )
    return out


def run_projector(args: argparse.Namespace) -> int:
    """Runs ``fitscope projector``; returns its exit code."""
    from fitscope.projector import (
        FileEmbeddingStore,
        InMemoryEmbeddingStore,
        compute_layout,
        load_vectors,
        train_word2vec,
    )
    from fitscope.projector.reduce import layout_id
    from fitscope.projector.sources import vectors_from

    if not (args.store or args.serve or args.csv or args.tensorboard):
        raise EmbeddingError("Say where the result goes: --store FILE, --serve, --csv FILE or --tensorboard LOGDIR.")
    if args.method == "none" and args.csv:
        raise EmbeddingError("--csv writes a layout; it needs --method tsne, pca or umap.")
    params = _params(args)
    if args.word2vec:
        model = train_word2vec(
            args.vectors,
            progress=not args.quiet,
            vector_size=args.vector_size,
            min_count=args.min_count,
            epochs=args.epochs,
            seed=args.seed,
        )
        vectors = vectors_from(model)
    else:
        vectors = load_vectors(
            args.vectors,
            labels=args.labels,
            format=args.format,
            limit=args.limit,
            max_bytes=None if args.max_mib == 0 else int(args.max_mib * 2**20),
        )
    vectors = vectors.head(args.num_words)
    print(f"{vectors.count} vectors of {vectors.dim} dimensions", file=sys.stderr)
    store = _open_store(FileEmbeddingStore, args.store) if args.store else InMemoryEmbeddingStore()
    try:
        name = args.name or Path(args.vectors).name
        added = store.add(vectors, name=name, session_id=args.session)
        if args.tensorboard:
            from fitscope.exporters.tensorboard_projector import export_tensorboard

            path = export_tensorboard(vectors, args.tensorboard, name=_tensor_name(name))
            print(f"TensorBoard projector files: {path}", file=sys.stderr)
        if args.serve:
            return _serve(args, store, added.id, params)
        if args.method != "none":
            coords, used = _compute(compute_layout, vectors.vectors, args, params)
            layout = store.add_layout(
                added.id,
                coords,
                method=args.method,
                params=used,
                layout_id=layout_id(vectors.vectors, args.method, args.dims, params),  # what the server looks up
                iteration=int(used.get("max_iter", 0)),
                max_iter=int(used.get("max_iter", 0)),
            )
            unplaced = int((~_finite_rows(coords)).sum())
            print(
                f"layout {layout.id}: {args.method}, {args.dims}-D"
                + (f", {unplaced} points not placed (NaN or Inf)" if unplaced else ""),
                file=sys.stderr,
            )
            if args.csv:
                _write_csv(Path(args.csv), coords, vectors.labels)
                print(f"x,y,label rows: {args.csv}", file=sys.stderr)
        if args.store:
            print(f"embedding {added.id} stored in {args.store}", file=sys.stderr)
    finally:
        store.close()
    return 0


def _open_store(cls: Any, path: str) -> Any:
    import sqlite3

    try:
        return cls(path)
    except (OSError, sqlite3.Error) as exc:
        raise EmbeddingError(f"Could not open {path} to store the embedding: {exc}.") from None


def _tensor_name(name: str) -> str:
    import re

    return re.sub(r"[^\w.\-]+", "_", name).strip("_") or "embedding"


def _finite_rows(coords: Any) -> Any:
    import numpy as np

    return np.isfinite(coords).all(axis=1)


def _compute(
    compute_layout: Any, x: Any, args: argparse.Namespace, params: dict[str, Any]
) -> tuple[Any, dict[str, Any]]:
    from tqdm.auto import tqdm

    total = int(params.get("max_iter", 1000)) if args.method == "tsne" else 1
    bar = tqdm(total=total, desc=args.method, unit="it", disable=args.quiet, file=sys.stderr)

    def progress(p: Any) -> None:
        bar.update(p.iteration - bar.n)
        if p.kl_divergence is not None:
            bar.set_postfix(kl=f"{p.kl_divergence:.4f}")

    try:
        coords, used = compute_layout(x, args.method, args.dims, params, progress=progress)
        bar.update(total - bar.n)
    finally:
        bar.close()
    return coords, used


def _write_csv(path: Path, coords: Any, labels: list[str]) -> None:
    """``x,y,label`` rows (``x,y,z,label`` for 3-D) as CSV: a label with commas or quotes is quoted."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            for row, label in zip(coords.tolist(), labels, strict=True):
                if all(math.isfinite(c) for c in row):
                    writer.writerow([*(repr(c) for c in row), label])
    except OSError as exc:
        raise EmbeddingError(f"Could not write {path}: {exc.strerror or exc}.") from None


def _serve(args: argparse.Namespace, store: Any, embedding_id: str, params: dict[str, Any]) -> int:
    from fitscope.server.ui_server import UIServer

    ui = UIServer(args.port, args.host, embeddings=[store]).start()
    try:
        if args.method != "none":
            ui.start_layout(embedding_id, args.method, args.dims, params)
        print(f"fitscope projector: {ui.url}/train/projector?embedding={embedding_id} (Ctrl-C stops)", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        ui.stop()
