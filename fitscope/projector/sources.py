"""Where an embedding's vectors come from: gensim models and files, text formats, arrays in memory.

:func:`load_vectors` reads gensim's native ``KeyedVectors``/``Word2Vec`` files, the word2vec text
and binary formats (and GloVe's headerless text), TensorBoard's ``tensors.tsv`` and NumPy's
``.npy`` (both with a labels file), and CSV of numbers. :func:`vectors_from` turns what is already
in memory (a gensim model or ``KeyedVectors``, an array) into :class:`Vectors`.
:func:`train_word2vec` trains gensim's Word2Vec on a corpus, with a progress bar.

Bad input is refused with an :class:`~fitscope.errors.EmbeddingError` that names the file and
the line: ragged rows, a cell that is not a number, no vectors at all, labels that do not match
the rows, a file much larger than ``max_bytes``. Non-finite cells (``nan``, ``inf``) are data: they
are kept, and the layouts leave those rows unplaced (see :mod:`fitscope.projector.reduce`).
"""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Final

import numpy as np
import numpy.typing as npt

from fitscope.errors import EmbeddingError, MissingDependencyError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "Vectors",
    "guess_format",
    "load_vectors",
    "looks_like_xy",
    "parse_vectors",
    "parse_xy",
    "read_labels",
    "train_word2vec",
    "vectors_from",
]

#: Files larger than this are refused unless ``max_bytes`` says otherwise (None: no limit).
DEFAULT_MAX_BYTES: Final = 1 << 30
#: The formats :func:`load_vectors` reads (``format=``); None guesses from the name and content.
FORMATS: Final = ("gensim", "word2vec", "word2vec-binary", "glove", "tsv", "csv", "npy")
_SUFFIXES: Final = {
    ".kv": "gensim",
    ".model": "gensim",
    ".wv": "gensim",
    ".bin": "word2vec-binary",
    ".npy": "npy",
    ".tsv": "tsv",
    ".csv": "csv",
}

Metadata = dict[str, list[Any]]
_FLOAT32_MAX: Final = float(np.finfo(np.float32).max)


@dataclass(frozen=True)
class Vectors:
    """Vectors with a label per row, and optional metadata columns.

    Attributes:
        vectors: ``(n, dim)`` float32, C-contiguous; non-finite cells are kept.
        labels: One label per row (a word, an id).
        metadata: Columns of one value per row (str, number or None), by name.
    """

    vectors: npt.NDArray[np.float32]
    labels: list[str]
    metadata: Metadata = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_shape(self.vectors, self.labels, self.metadata)

    @property
    def count(self) -> int:
        """The number of rows."""
        return int(self.vectors.shape[0])

    @property
    def dim(self) -> int:
        """The number of columns."""
        return int(self.vectors.shape[1])

    def head(self, n: int | None) -> Vectors:
        """The first ``n`` rows (all of them for None)."""
        if n is None or n >= self.count:
            return self
        if n < 1:
            raise EmbeddingError(f"num_words must be at least 1, got {n}.")
        return Vectors(
            np.ascontiguousarray(self.vectors[:n]),
            self.labels[:n],
            {k: v[:n] for k, v in self.metadata.items()},
        )


def check_shape(vectors: np.ndarray, labels: Sequence[str], metadata: Mapping[str, Sequence[Any]]) -> None:
    """Raises EmbeddingError unless ``vectors`` is a non-empty 2-D float array matching labels and metadata."""
    if vectors.ndim != 2:
        raise EmbeddingError(f"Vectors must be a 2-D array (one row per point), got shape {vectors.shape}.")
    n, dim = vectors.shape
    if n == 0 or dim == 0:
        raise EmbeddingError(f"There are no vectors to show (shape {vectors.shape}).")
    if len(labels) != n:
        raise EmbeddingError(f"There are {len(labels)} labels for {n} vectors; give one label per row.")
    for name, column in metadata.items():
        if len(column) != n:
            raise EmbeddingError(f"The metadata column {name!r} has {len(column)} values for {n} vectors.")


def _as_float32(array: Any, what: str) -> npt.NDArray[np.float32]:
    try:
        out = np.asarray(array)
    except ValueError as exc:  # a ragged nested list
        raise EmbeddingError(f"{what} is ragged: its rows do not all have the same length ({exc}).") from None
    if out.dtype == object or not (np.issubdtype(out.dtype, np.number) or out.dtype == np.bool_):
        raise EmbeddingError(f"{what} must hold numbers, got an array of {out.dtype}.")
    if np.iscomplexobj(out):
        raise EmbeddingError(f"{what} holds complex numbers; give real vectors.")
    return np.ascontiguousarray(out, dtype=np.float32)


def vectors_from(
    source: Any,
    labels: Sequence[Any] | None = None,
    metadata: Mapping[str, Sequence[Any]] | None = None,
) -> Vectors:
    """Vectors from a gensim model or KeyedVectors, a :class:`Vectors`, or an array (+ labels).

    Args:
        source: A gensim ``Word2Vec`` (or any model with ``.wv``), ``KeyedVectors``, a
            :class:`Vectors`, or a 2-D array-like (a torch tensor is read through ``numpy()``).
        labels: One per row; required for an array unless the rows are to be numbered ``0..n-1``.
        metadata: Extra columns, one value per row.
    """
    if isinstance(source, Vectors):
        if labels is None and metadata is None:
            return source
        names = _labels(labels, source.count) if labels else source.labels
        return Vectors(source.vectors, names, {k: list(v) for k, v in (metadata or {}).items()})
    kv = getattr(source, "wv", source)
    if hasattr(kv, "index_to_key") and hasattr(kv, "vectors"):
        words = [str(w) for w in kv.index_to_key]
        columns: Metadata = {}
        if "count" in getattr(kv, "expandos", {}):
            columns["count"] = [int(c) for c in kv.expandos["count"]]
        columns.update({k: list(v) for k, v in (metadata or {}).items()})
        return Vectors(
            _as_float32(kv.vectors, "The model's vectors"), _labels(labels, len(words)) if labels else words, columns
        )
    if hasattr(source, "detach") and hasattr(source, "cpu"):  # a torch tensor, without importing torch
        source = source.detach().cpu().float().numpy()
    array = _as_float32(source, "The vectors")
    if array.ndim != 2:
        raise EmbeddingError(f"Vectors must be a 2-D array (one row per point), got shape {array.shape}.")
    names = _labels(labels, array.shape[0]) if labels is not None else [str(i) for i in range(array.shape[0])]
    return Vectors(array, names, {k: list(v) for k, v in (metadata or {}).items()})


def _labels(labels: Sequence[Any], n: int) -> list[str]:
    out = [str(x) for x in labels]
    if len(out) != n:
        raise EmbeddingError(f"There are {len(out)} labels for {n} vectors; give one label per row.")
    return out


# ---------------------------------------------------------------------------------------- files


def _check_size(path: Path, max_bytes: int | None) -> int:
    try:
        if path.is_dir():
            raise EmbeddingError(f"{path} is a directory; pass the path of a vectors file.")
        size = path.stat().st_size
    except FileNotFoundError:
        raise EmbeddingError(f"There is no file {path}.") from None
    except OSError as exc:
        raise EmbeddingError(f"Could not read {path}: {exc.strerror or exc}.") from None
    if max_bytes is not None and size > max_bytes:
        raise EmbeddingError(
            f"{path} is {size / 2**20:,.0f} MiB, more than the {max_bytes / 2**20:,.0f} MiB this call takes "
            "(max_bytes): is it the right file? Pass max_bytes=None (--max-mib 0 on the command line) to read it "
            "anyway, or limit=N to read its first N vectors."
        )
    if size == 0:
        raise EmbeddingError(f"{path} is empty: there are no vectors in it.")
    return size


def guess_format(path: Path) -> str:
    """The format of a vectors file, from its suffix, then its first bytes (a pickle is never guessed)."""
    by_suffix = _SUFFIXES.get(path.suffix.lower())
    if by_suffix is not None:
        return by_suffix
    with path.open("rb") as f:
        head = f.read(4096)
    if head.startswith(b"\x93NUMPY"):
        return "npy"
    if head.startswith(b"\x80"):  # a pickle: loaded only when named (.kv, .model, format="gensim"), never guessed
        raise EmbeddingError(
            f"{path} looks like a pickle (gensim's native format). Pickles can run code when loaded: name it "
            ".kv or .model, or pass format='gensim', if you trust it; or save it as word2vec text or binary."
        )
    if head.startswith(b"\x1f\x8b"):
        raise EmbeddingError(f"{path} is gzip-compressed: decompress it first (gunzip), then read the file inside.")
    head = head.removeprefix(b"\xef\xbb\xbf")
    first = head.split(b"\n", 1)[0]
    try:
        text = first.decode("utf-8")
    except UnicodeDecodeError:
        return "word2vec-binary"
    parts = text.split()
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        rest = head.split(b"\n", 1)[1] if b"\n" in head else b""
        try:
            rest.decode("utf-8")
        except UnicodeDecodeError as exc:
            # the binary format's header is text too; its vectors are not (a cut at the 4 KiB edge is fine)
            if exc.start < len(rest) - 4:
                return "word2vec-binary"
        return "word2vec"
    if "\t" in text:
        return "tsv"
    if "," in text:
        return "csv"
    if parts and not _is_number(parts[0]):
        return "glove"
    return "tsv"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def load_vectors(
    path: str | os.PathLike[str],
    *,
    labels: str | os.PathLike[str] | Sequence[Any] | None = None,
    format: str | None = None,
    limit: int | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Vectors:
    """Reads vectors (and their labels) from a file.

    Args:
        path: The vectors: gensim native (``.kv``, ``.model``; these are pickles: load only files
            you trust), word2vec text (``n dim`` header, then ``word v1 v2 ...``) or binary
            (``.bin``), GloVe text (no header), TSV (``tensors.tsv``: tab-separated numbers),
            CSV of numbers, or ``.npy``.
        labels: For TSV, CSV and NPY: a labels file (TensorBoard's ``metadata.tsv``: one label
            per line, or a header row and tab-separated columns whose first is the label), or a
            sequence of labels. Without one, rows are labelled ``0..n-1``.
        format: One of :data:`FORMATS`; guessed from the suffix and the content when None.
        limit: Read at most this many vectors (the first ones: word2vec files list the most
            frequent words first).
        max_bytes: Refuse a larger file (a guard against passing the wrong one); None: no limit.

    Raises:
        EmbeddingError: The file is missing, too large, empty or malformed (naming the line), or
            the labels do not match.
    """
    where = Path(path)
    _check_size(where, max_bytes)
    kind = format or guess_format(where)
    if kind not in FORMATS:
        raise EmbeddingError(f"Unknown vectors format {kind!r}; use one of {', '.join(FORMATS)}.")
    if limit is not None and limit < 1:
        raise EmbeddingError(f"limit must be at least 1, got {limit}.")
    if kind in ("gensim", "word2vec-binary"):
        if labels is not None:
            raise EmbeddingError(f"{where} ({kind}) holds its own words; labels= is for TSV, CSV and NPY files.")
        return _load_gensim(where, kind, limit)
    if kind == "npy":
        try:
            array = np.load(where, allow_pickle=False, mmap_mode="r")
        except (ValueError, OSError, EOFError) as exc:
            raise EmbeddingError(f"{where} is not a readable .npy file of numbers: {exc}.") from None
        if limit is not None:
            array = array[:limit]
        wide = np.asarray(array)
        if np.issubdtype(wide.dtype, np.floating) and wide.dtype.itemsize > 4:
            big = np.isfinite(wide) & (np.abs(wide) > _FLOAT32_MAX)
            if big.any():
                row, col = (int(i) for i in np.argwhere(big)[0])
                raise EmbeddingError(
                    f"{where}: row {row}, column {col} ({wide[row, col]:g}) is beyond float32's range."
                )
        vectors = _as_float32(array, f"The array in {where}")
        names, metadata = _labels_for(labels, vectors.shape[0] if vectors.ndim == 2 else 0, where, limit)
        return Vectors(vectors, names, metadata)
    with _open_text(where) as f:
        words, vectors = parse_vectors(f, kind, source=str(where), limit=limit)
    if words is not None:
        if labels is not None:
            raise EmbeddingError(f"{where} ({kind}) holds its own words; labels= is for TSV, CSV and NPY files.")
        return Vectors(vectors, words)
    names, metadata = _labels_for(labels, vectors.shape[0], where, limit)
    return Vectors(vectors, names, metadata)


def _open_text(path: Path) -> IO[str]:
    return path.open("r", encoding="utf-8-sig", errors="strict", newline=None)  # a BOM is not data


def _labels_for(labels: Any, n: int, vectors_path: Path, limit: int | None = None) -> tuple[list[str], Metadata]:
    if labels is None:
        return [str(i) for i in range(n)], {}
    if isinstance(labels, (str, os.PathLike)):
        names, metadata = read_labels(labels, max_bytes=None)
        if limit is not None and len(names) >= n:  # the first n of them, like the vectors
            names, metadata = names[:n], {k: v[:n] for k, v in metadata.items()}
        if len(names) != n:
            raise EmbeddingError(
                f"{labels} has {len(names)} labels but {vectors_path} has {n} vectors; give one label per vector "
                "(a labels file with several columns starts with a header row)."
            )
        return names, metadata
    given = list(labels)
    return _labels(given[:n] if limit is not None else given, n), {}


def read_labels(
    path: str | os.PathLike[str], *, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> tuple[list[str], Metadata]:
    """Reads a labels file: one label per line, or TensorBoard's header row + tab-separated columns.

    Returns:
        The labels (the first column) and the other columns by their header name. Numeric
        columns hold floats (``nan`` for a cell that says so), others strings; an empty cell is None.
    """
    where = Path(path)
    _check_size(where, max_bytes)
    with _open_text(where) as f:
        try:
            return parse_labels(f, source=str(where))
        except UnicodeDecodeError as exc:
            raise EmbeddingError(f"{where} is not UTF-8 text (byte {exc.start}).") from None


def parse_labels(lines: Iterable[str], *, source: str = "the labels") -> tuple[list[str], Metadata]:
    """Parses a labels file's lines (see :func:`read_labels`)."""
    rows = [line.rstrip("\r\n") for line in lines]
    while rows and rows[-1] == "":
        rows.pop()
    if not rows:
        raise EmbeddingError(f"{source} is empty: there are no labels in it.")
    if "\t" not in rows[0]:
        return rows, {}
    header = rows[0].split("\t")
    columns: list[list[str]] = [[] for _ in header]
    for number, line in enumerate(rows[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise EmbeddingError(
                f"{source}, line {number}: {len(cells)} tab-separated cells, "
                f"but the header row names {len(header)} columns."
            )
        for column, cell in zip(columns, cells, strict=True):
            column.append(cell)
    labels = columns[0]
    metadata: Metadata = {}
    for name, column in zip(header[1:], columns[1:], strict=True):
        metadata[name or f"column {len(metadata) + 2}"] = _typed(column)
    return labels, metadata


def _typed(column: list[str]) -> list[Any]:
    """A column's cells as floats when every non-empty cell is a number, else as strings; '' -> None."""
    cells = [c for c in column if c != ""]
    if cells and all(_is_number(c) for c in cells):
        return [float(c) if c != "" else None for c in column]
    return [c if c != "" else None for c in column]


def parse_vectors(
    lines: Iterable[str], kind: str, *, source: str = "the vectors", limit: int | None = None
) -> tuple[list[str] | None, npt.NDArray[np.float32]]:
    """Parses text vectors; returns (words, vectors), words None for formats without them (TSV, CSV).

    Args:
        lines: The text, line by line.
        kind: ``word2vec`` (a header line), ``glove`` (no header), ``tsv`` or ``csv``.
        source: What error messages call the text (a path).
        limit: Read at most this many vectors.
    """
    it: Iterator[tuple[int, str]] = enumerate(lines, start=1)
    declared: tuple[int, int] | None = None
    if kind == "word2vec":
        for number, line in it:
            if line.strip():
                parts = line.split()
                if len(parts) != 2 or not all(p.isdigit() for p in parts):
                    raise EmbeddingError(
                        f"{source}, line {number}: a word2vec text file starts with 'COUNT DIM', "
                        f"got {line.strip()[:60]!r}."
                    )
                declared = (int(parts[0]), int(parts[1]))
                break
    with_words = kind in ("word2vec", "glove")
    separator = {"tsv": "\t", "csv": ","}.get(kind)
    words: list[str] = []
    rows: list[npt.NDArray[np.float32]] = []
    dim = declared[1] if declared else None
    first_line = 0
    try:
        for number, line in it:
            text = line.rstrip("\r\n")
            if not text.strip():
                continue
            if with_words:
                parts = text.rstrip().split(" ") if kind == "word2vec" else text.split()
                word, cells = parts[0], parts[1:]
            else:
                cells = text.split(separator)
            if dim is None:
                dim, first_line = len(cells), number
            if len(cells) != dim:
                why = f"the header says {dim}" if declared else f"line {first_line} has {dim}"
                raise EmbeddingError(
                    f"{source}, line {number}: {len(cells)} values, but {why}; every row needs the same number."
                )
            try:
                row = np.array(cells, dtype=np.float64)
            except ValueError:
                bad = next(i for i, c in enumerate(cells) if not _is_number(c))
                raise EmbeddingError(
                    f"{source}, line {number}, column {bad + 1 + with_words}: {cells[bad][:40]!r} is not a number."
                ) from None
            big = np.flatnonzero(np.isfinite(row) & (np.abs(row) > _FLOAT32_MAX))
            if big.size:
                raise EmbeddingError(
                    f"{source}, line {number}, column {int(big[0]) + 1 + with_words}: {cells[int(big[0])][:40]} is "
                    "beyond float32's range (3.4e38); vectors are float32."
                )
            rows.append(row.astype(np.float32))
            if with_words:
                words.append(word)
            if limit is not None and len(rows) >= limit:
                break
    except UnicodeDecodeError as exc:
        raise EmbeddingError(
            f"{source} is not UTF-8 text (byte {exc.start}); is it a binary word2vec file? "
            "Pass format='word2vec-binary'."
        ) from None
    if not rows or dim == 0:
        raise EmbeddingError(f"{source} holds no vectors.")
    if declared and limit is None and len(rows) != declared[0]:
        raise EmbeddingError(
            f"{source}: the header says {declared[0]} vectors, the file holds {len(rows)} (is it cut short?)."
        )
    return (words if with_words else None), np.vstack(rows)


def _load_gensim(path: Path, kind: str, limit: int | None) -> Vectors:
    try:
        from gensim.models import KeyedVectors
        from gensim.utils import SaveLoad
    except ImportError:
        raise MissingDependencyError("Reading gensim and word2vec binary files", "projector", "gensim") from None
    try:
        if kind == "word2vec-binary":
            kv: Any = KeyedVectors.load_word2vec_format(os.fspath(path), binary=True, limit=limit)
        else:
            kv = SaveLoad.load(os.fspath(path))
    except (ValueError, EOFError, OSError, UnicodeDecodeError, KeyError, AttributeError, TypeError) as exc:
        raise EmbeddingError(f"{path} is not a readable {kind} file: {type(exc).__name__}: {exc}.") from None
    except Exception as exc:  # unpickling arbitrary bytes raises anything
        raise EmbeddingError(f"{path} is not a readable {kind} file: {type(exc).__name__}: {exc}.") from None
    if not hasattr(getattr(kv, "wv", kv), "index_to_key"):
        raise EmbeddingError(
            f"{path} holds a {type(kv).__name__}, not word vectors (KeyedVectors or a Word2Vec model)."
        )
    out = vectors_from(kv)
    return out.head(limit)


# ---------------------------------------------------------------------------------------- word2vec


def _sentences(corpus: Any) -> Any:
    if isinstance(corpus, (str, os.PathLike)):
        where = Path(corpus)
        _check_size(where, None)
        try:
            from gensim.models.word2vec import LineSentence
        except ImportError:
            raise MissingDependencyError("train_word2vec", "projector", "gensim") from None
        return LineSentence(os.fspath(where))
    if hasattr(corpus, "get_texts"):  # a gensim TextCorpus (WikiCorpus...): its texts, read again each epoch
        return _Texts(corpus)
    if isinstance(corpus, bytes):
        raise EmbeddingError("A corpus is a path or an iterable of token lists.")
    return corpus


class _Texts:
    """A gensim TextCorpus's ``get_texts()``, restartable (Word2Vec reads a corpus once per epoch, plus once)."""

    def __init__(self, corpus: Any) -> None:
        self.corpus = corpus

    def __iter__(self) -> Iterator[list[str]]:
        for text in self.corpus.get_texts():
            yield list(text)


def train_word2vec(corpus: Any, *, progress: bool = True, **word2vec_options: Any) -> Any:
    """Trains gensim's Word2Vec on ``corpus``, with a progress bar over the epochs.

    Args:
        corpus: A text file (one sentence per line, tokens separated by whitespace; ``.bz2`` and
            ``.gz`` are read compressed), a gensim ``TextCorpus`` such as ``WikiCorpus`` (its
            ``get_texts()``), or an iterable of token lists that can be iterated more than once
            (a list, gensim's ``LineSentence``...).
        progress: Show a progress bar (tqdm) on stderr.
        **word2vec_options: Passed to ``gensim.models.Word2Vec`` (``vector_size``, ``window``,
            ``min_count``, ``epochs``, ``workers``, ``seed``, ``sg``...).

    Returns:
        The trained ``gensim.models.Word2Vec``; ``model.wv`` holds the vectors.

    Raises:
        EmbeddingError: The corpus is empty, or no word occurs ``min_count`` times.
    """
    try:
        from gensim.models import Word2Vec
        from gensim.models.callbacks import CallbackAny2Vec
    except ImportError:
        raise MissingDependencyError("train_word2vec", "projector", "gensim") from None
    from tqdm.auto import tqdm

    sentences = _sentences(corpus)
    if isinstance(sentences, Iterator):
        raise EmbeddingError(
            "The corpus is a one-shot iterator; Word2Vec reads it several times: pass a list or a restartable iterable."
        )
    for options in ("sentences", "corpus_file"):
        if options in word2vec_options:
            raise EmbeddingError(f"Give the corpus as the first argument, not {options}=.")
    epochs = int(word2vec_options.pop("epochs", 5))
    model = Word2Vec(**word2vec_options, epochs=epochs)
    if not any(len(sentence) for sentence in sentences):
        named = f" {corpus}" if isinstance(corpus, (str, os.PathLike)) else ""
        raise EmbeddingError(f"The corpus{named} holds no words.")
    model.build_vocab(sentences)
    if len(model.wv) == 0:
        raise EmbeddingError(
            f"No word of the corpus occurs min_count={model.min_count} times; lower min_count or give a larger corpus."
        )

    class _Bar(CallbackAny2Vec):  # type: ignore[misc]
        def __init__(self) -> None:
            self.bar = tqdm(total=epochs, desc="word2vec", unit="epoch", disable=not progress)

        def on_epoch_end(self, model: Any) -> None:
            self.bar.update(1)
            loss = model.get_latest_training_loss() if model.compute_loss else math.nan
            if not math.isnan(loss):
                self.bar.set_postfix(loss=f"{loss:.4g}")

        def on_train_end(self, model: Any) -> None:
            self.bar.close()

    model.train(sentences, total_examples=model.corpus_count, epochs=epochs, callbacks=[_Bar()])
    return model


def parse_xy(lines: Iterable[str], *, source: str = "the file") -> tuple[npt.NDArray[np.float32], list[str]]:
    """Parses the original UI's upload: ``x,y,label`` CSV rows (a first row of names is skipped).

    Rows are CSV (a quoted label may hold commas and quotes); a label may also be the rest of an
    unquoted row after the second comma, as the original read it.

    Returns:
        The ``(n, 2)`` coordinates and the labels.
    """
    coords: list[tuple[float, float]] = []
    labels: list[str] = []
    for number, cells in enumerate(csv.reader(lines), start=1):
        if not cells or not "".join(cells).strip():
            continue
        if len(cells) < 3:
            raise EmbeddingError(f"{source}, line {number}: {','.join(cells)[:60]!r} is not 'x,y,label'.")
        cells[0] = cells[0].removeprefix("\ufeff")
        if not (_is_number(cells[0]) and _is_number(cells[1])):
            if not coords and number == 1:
                continue  # a header row
            bad = 1 if not _is_number(cells[0]) else 2
            raise EmbeddingError(f"{source}, line {number}, column {bad}: {cells[bad - 1][:40]!r} is not a number.")
        coords.append((float(cells[0]), float(cells[1])))
        labels.append(",".join(cells[2:]).strip())
    if not coords:
        raise EmbeddingError(f"{source} holds no 'x,y,label' rows.")
    return np.asarray(coords, dtype=np.float32), labels


def looks_like_xy(head: str) -> bool:
    """Whether text starts like ``x,y,label`` rows (two numbers, then a field that is not one)."""
    lines = head.removeprefix("\ufeff").splitlines()[:5]
    for cells in csv.reader(lines):
        if len(cells) < 3:
            continue
        if _is_number(cells[0]) and _is_number(cells[1]):
            return len(cells) >= 3 and not all(_is_number(c) for c in cells[2:])
    return False
