"""The embedding projector: word vectors, their layouts (t-SNE, PCA, UMAP) and nearest neighbours.

Needs the ``projector`` extra (gensim, openTSNE; ``umap`` adds umap-learn)::

    from fitscope.projector import BarnesHutTsne, plot_vocab, train_word2vec

    model = train_word2vec("corpus.txt", vector_size=100, min_count=5)
    coords = BarnesHutTsne(max_iter=1000, stop_lying_iteration=250, learning_rate=500).fit(model)
    plot_vocab(model, num_words=2000)              # the map, in the UI (a server is started)

See docs/projector.md.
"""

from __future__ import annotations

from fitscope.exporters.tensorboard_projector import export_tensorboard
from fitscope.projector.neighbors import Neighbor, NeighborIndex
from fitscope.projector.plot import plot_vocab
from fitscope.projector.reduce import (
    TSNE_PARAMETERS,
    BarnesHutTsne,
    LayoutCancelled,
    Progress,
    compute_layout,
)
from fitscope.projector.sources import Vectors, load_vectors, read_labels, train_word2vec, vectors_from
from fitscope.projector.store import (
    Embedding,
    EmbeddingInfo,
    EmbeddingStore,
    FileEmbeddingStore,
    InMemoryEmbeddingStore,
    Layout,
)

__all__ = [
    "TSNE_PARAMETERS",
    "BarnesHutTsne",
    "Embedding",
    "EmbeddingInfo",
    "EmbeddingStore",
    "FileEmbeddingStore",
    "InMemoryEmbeddingStore",
    "Layout",
    "LayoutCancelled",
    "Neighbor",
    "NeighborIndex",
    "Progress",
    "Vectors",
    "compute_layout",
    "export_tensorboard",
    "load_vectors",
    "plot_vocab",
    "read_labels",
    "train_word2vec",
    "vectors_from",
]
