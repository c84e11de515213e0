"""Word vectors for the projector benchmarks, trained on the corpora gensim ships in its test data.

Nothing is downloaded: the Lee background corpus (``lee_background.cor``, tokenized with
``simple_preprocess``), ``head500.noblanks.cor`` (already tokenized, stemmed Wikipedia text) and
the shortened Wikipedia dump ``enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2``
(read with ``gensim.corpora.WikiCorpus(..., dictionary={})``), about 0.84 M tokens in all.
:func:`word_vectors` trains ``fitscope.projector.train_word2vec`` on them and keeps the ``words``
most frequent words; the vectors are cached in the temp folder (``--no-cache`` in the scripts
retrains).
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

WIKI = "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"


@dataclass(frozen=True)
class Corpus:
    """Trained word vectors: ``vectors[i]`` is the vector of ``words[i]`` (most frequent first)."""

    words: list[str]
    vectors: npt.NDArray[np.float32]
    min_count: int
    vocabulary: int  # words that occur min_count times (before keeping the most frequent)
    tokens: int
    seconds: float  # training time (0.0 from the cache)
    cached: bool


def sentences() -> list[list[str]]:
    """The three corpora as token lists."""
    from gensim.corpora import WikiCorpus
    from gensim.test.utils import datapath
    from gensim.utils import simple_preprocess

    with open(datapath("lee_background.cor"), encoding="utf-8") as f:
        lee = [simple_preprocess(line) for line in f]
    with open(datapath("head500.noblanks.cor"), encoding="utf-8") as f:
        head = [line.split() for line in f]
    wiki = list(WikiCorpus(datapath(WIKI), dictionary={}, processes=1).get_texts())
    return [s for s in lee + head + wiki if s]


def word_vectors(words: int = 20_000, *, dim: int = 100, epochs: int = 10, seed: int = 0, cache: bool = True) -> Corpus:
    """The ``words`` most frequent words' vectors (fewer when the corpora hold fewer).

    min_count is 2, or 1 when fewer than ``words`` words occur twice.
    """
    import gensim

    key = hashlib.sha256(f"{words}|{dim}|{epochs}|{seed}|{gensim.__version__}|v1".encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"fitscope-projector-bench-{key}.npz"
    if cache and path.exists():
        with np.load(path, allow_pickle=False) as z:
            return Corpus(
                [str(w) for w in z["words"]],
                z["vectors"],
                int(z["min_count"]),
                int(z["vocabulary"]),
                int(z["tokens"]),
                0.0,
                True,
            )
    from fitscope.projector import train_word2vec

    text = sentences()
    counts = Counter(t for s in text for t in s)
    min_count = 2 if sum(1 for c in counts.values() if c >= 2) >= words else 1
    start = time.perf_counter()
    model = train_word2vec(
        text, progress=False, vector_size=dim, min_count=min_count, epochs=epochs, workers=2, seed=seed
    )
    seconds = time.perf_counter() - start
    kept = model.wv.index_to_key[:words]  # gensim sorts the vocabulary by frequency
    vectors = np.ascontiguousarray(model.wv[kept], dtype=np.float32)
    out = Corpus(list(kept), vectors, min_count, len(model.wv), sum(counts.values()), seconds, False)
    if cache:
        tmp = path.with_suffix(".tmp.npz")
        np.savez(
            tmp,
            words=np.array(out.words),
            vectors=vectors,
            min_count=min_count,
            vocabulary=out.vocabulary,
            tokens=out.tokens,
        )
        tmp.replace(path)
    return out
