"""Embeddings in TensorBoard's projector format: ``tensors.tsv``, ``metadata.tsv``, ``projector_config.pbtxt``.

The files go into the log directory itself (TensorBoard 2.21 refuses paths that resolve outside
the run directory), with paths relative to it, so ``tensorboard --logdir DIR`` lists the tensor
in its PROJECTOR tab. No TensorFlow is needed for TSV tensors.

Several embeddings can share a directory: each call adds (or replaces, by tensor name) one entry
of ``projector_config.pbtxt``, and names its files after the tensor (``<name>.tensors.tsv``,
``<name>.metadata.tsv``).
"""

from __future__ import annotations

import math
import os
import re
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from fitscope.errors import ExportError, MissingDependencyError

__all__ = ["export_tensorboard"]

_CONFIG = "projector_config.pbtxt"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "nan" if math.isnan(value) else repr(value)
    return re.sub(r"[\t\r\n]", " ", str(value))


def _number(x: float) -> str:
    return "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf") if math.isinf(x) else repr(float(x))


def export_tensorboard(
    vectors_or_embedding: Any,
    logdir: str | os.PathLike[str],
    labels: Any = None,
    *,
    name: str = "embedding",
    metadata: dict[str, list[Any]] | None = None,
    drop_nonfinite: bool = False,
) -> Path:
    """Writes an embedding for TensorBoard's projector; returns the config file's path.

    Args:
        vectors_or_embedding: An array (+ ``labels``), a gensim model or KeyedVectors,
            :class:`~fitscope.projector.Vectors` or an :class:`~fitscope.projector.Embedding`.
        logdir: The run directory TensorBoard is pointed at (created if missing).
        labels: One per row, for an array.
        name: The tensor's name in TensorBoard (and its files' prefix).
        metadata: Extra columns (written as ``metadata.tsv`` columns after the label).
        drop_nonfinite: Leave out rows with NaN/Inf (TensorBoard's own PCA is spoilt by one);
            they are kept by default, written as ``nan``/``inf``.
    """
    try:
        from google.protobuf import text_format  # type: ignore[import-untyped, unused-ignore]
        from tensorboard.plugins.projector.projector_config_pb2 import (  # type: ignore[import-untyped, unused-ignore]
            ProjectorConfig,
        )
    except ImportError:
        raise MissingDependencyError("Exporting embeddings to TensorBoard", "tensorboard", "tensorboard") from None
    from fitscope.projector.sources import vectors_from
    from fitscope.projector.store import Embedding

    source = vectors_or_embedding.vectors if isinstance(vectors_or_embedding, Embedding) else vectors_or_embedding
    v = vectors_from(source, labels, metadata)
    x, names, columns = v.vectors, v.labels, v.metadata
    if drop_nonfinite:
        keep = [bool(k) for k in np.asarray(np.isfinite(x).all(axis=1), dtype=bool).tolist()]
        if not all(keep):
            warnings.warn(
                f"{keep.count(False)} rows with NaN or Inf were left out of {name!r}.", UserWarning, stacklevel=2
            )
            x = x[np.array(keep)]
            names = [n for n, k in zip(names, keep, strict=True) if k]
            columns = {c: [val for val, k in zip(col, keep, strict=True) if k] for c, col in columns.items()}
    if not re.fullmatch(r"[\w.\-]+", name):
        raise ExportError(f"The tensor name {name!r} must be letters, digits, '_', '-' or '.'.")
    out = Path(logdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        tensors = out / f"{name}.tensors.tsv"
        meta = out / f"{name}.metadata.tsv"
        with tensors.open("w", encoding="utf-8", newline="\n") as f:
            for row in x:
                f.write("\t".join(_number(float(c)) for c in row))
                f.write("\n")
        with meta.open("w", encoding="utf-8", newline="\n") as f:
            if columns:  # several columns: a header row, as TensorBoard expects
                f.write("\t".join(["label", *(_cell(c) for c in columns)]) + "\n")
                for i, label in enumerate(names):
                    f.write("\t".join([_cell(label), *(_cell(col[i]) for col in columns.values())]) + "\n")
            else:
                f.writelines(_cell(label) + "\n" for label in names)
        config = ProjectorConfig()
        path = out / _CONFIG
        if path.exists():
            text_format.Parse(path.read_text(encoding="utf-8"), config)
        kept = [e for e in config.embeddings if e.tensor_name != name]
        del config.embeddings[:]
        config.embeddings.extend(kept)
        entry = config.embeddings.add()
        entry.tensor_name = name
        entry.tensor_path = tensors.name
        entry.metadata_path = meta.name
        entry.tensor_shape.extend([int(x.shape[0]), int(x.shape[1])])
        path.write_text(text_format.MessageToString(config), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"Could not write the projector files into {out}: {exc.strerror or exc}.") from exc
    except text_format.ParseError as exc:
        raise ExportError(f"{out / _CONFIG} exists but is not a projector config: {exc}.") from exc
    return path
