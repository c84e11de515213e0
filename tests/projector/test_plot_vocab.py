"""plot_vocab: one call from a trained model to a map on a real UI server, in process or over HTTP."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import numpy as np
import pytest
from sklearn.manifold import trustworthiness

from fitscope.errors import EmbeddingError
from fitscope.projector import BarnesHutTsne, plot_vocab, vectors_from
from fitscope.server import UIServer


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


@pytest.mark.parametrize("how", ["server", "url"])
def test_the_map_is_shown_with_the_tsne_asked_for(lee_model: Any, how: str) -> None:
    tsne = BarnesHutTsne(max_iter=300, learning_rate=200, perplexity=20)
    with UIServer(port=0) as ui:
        shown = plot_vocab(lee_model, tsne, num_words=250, server=ui if how == "server" else ui.url, name="lee")
        assert shown.url.startswith(f"{ui.url}/train/projector?embedding=")
        coords = shown.wait(timeout=120)
        doc = _get(f"{ui.url}/api/v1/embeddings/{shown.embedding_id}")
        assert doc["name"] == "lee" and doc["labels"] == lee_model.wv.index_to_key[:250]
        layout = doc["layout"]
        assert layout["id"] == shown.layout_id and layout["status"] == "done" and layout["iteration"] == 300
        assert layout["params"]["learning_rate"] == 200 and layout["params"]["perplexity"] == 20
        np.testing.assert_array_equal(np.array([layout["x"], layout["y"]], dtype=np.float32).T, coords)
    vectors = vectors_from(lee_model).head(250).vectors
    assert coords.shape == (250, 2) and trustworthiness(vectors, coords, n_neighbors=10, metric="cosine") > 0.8


def test_a_server_that_cannot_be_reached_or_refuses_says_so(lee_model: Any) -> None:
    with pytest.raises(EmbeddingError, match="Could not reach the UI server"):
        plot_vocab(lee_model, num_words=10, server="http://127.0.0.1:9")
    with pytest.raises(TypeError, match="server must be a UIServer, a URL or None"):
        plot_vocab(lee_model, num_words=10, server=42)
