"""``plot_vocab``: the original's ``lookupTable().plotVocab(tsne, ...)``, from a model to a map in the UI."""

from __future__ import annotations

import contextlib
import io
import json
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from fitscope.errors import EmbeddingError
from fitscope.projector.reduce import BarnesHutTsne
from fitscope.projector.sources import vectors_from
from fitscope.projector.store import InMemoryEmbeddingStore

__all__ = ["PlottedVocab", "plot_vocab"]

_STORE = InMemoryEmbeddingStore(label="plot_vocab")
_WRITE_HEADER = "X-Fitscope-Request"


@dataclass(frozen=True)
class PlottedVocab:
    """Where :func:`plot_vocab` put the map.

    Attributes:
        url: The projector page showing it.
        embedding_id: The embedding's id on that server.
        layout_id: The layout being computed.
        api: The server's base URL.
    """

    url: str
    embedding_id: str
    layout_id: str
    api: str

    def status(self) -> dict[str, Any]:
        """The layout's state (the API's Layout: status, iteration, KL divergence)."""
        doc = _get_json(f"{self.api}/api/v1/embeddings/{self.embedding_id}")
        for layout in doc["layouts"]:
            if layout["id"] == self.layout_id:
                return dict(layout)
        raise EmbeddingError(f"The server no longer has layout {self.layout_id} of embedding {self.embedding_id}.")

    def wait(self, timeout: float = 600.0) -> npt.NDArray[np.float32]:
        """Waits for the layout to finish; returns its ``(n, dims)`` coordinates (NaN: not placed)."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.status()
            if state["status"] == "done":
                break
            if state["status"] in ("cancelled", "failed"):
                raise EmbeddingError(f"The layout {state['status']}: {state.get('error') or 'cancelled on the page'}.")
            if time.monotonic() > deadline:
                raise TimeoutError(f"The layout was not done after {timeout} s (iteration {state['iteration']}).")
            time.sleep(0.2)
        doc = _get_json(f"{self.api}/api/v1/embeddings/{self.embedding_id}?layout={self.layout_id}")
        axes = [doc["layout"][a] for a in "xyz"[: doc["layout"]["dims"]]]
        return np.array([[np.nan if v is None else v for v in axis] for axis in axes], dtype=np.float32).T


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def _request(url: str, body: bytes, content_type: str) -> Any:
    req = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type, _WRITE_HEADER: "1"}
    )
    try:
        with urllib.request.urlopen(req, timeout=120) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")
        with contextlib.suppress(ValueError, KeyError, TypeError):
            detail = json.loads(detail)["error"]["message"]
        raise EmbeddingError(f"The server at {url} refused the embedding ({exc.code}): {detail}") from None
    except urllib.error.URLError as exc:
        raise EmbeddingError(f"Could not reach the UI server at {url}: {exc.reason}.") from None


def _multipart(fields: dict[str, tuple[str | None, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, (filename, data) in fields.items():
        out.write(f"--{boundary}\r\n".encode())
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        out.write(f"Content-Disposition: {disposition}\r\n\r\n".encode())
        out.write(data)
        out.write(b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def _tsv(x: npt.NDArray[np.float32]) -> bytes:
    buffer = io.StringIO()
    np.savetxt(buffer, x, delimiter="\t", fmt="%.9g")
    return buffer.getvalue().encode()


def plot_vocab(
    model_or_vectors: Any,
    tsne: BarnesHutTsne | None = None,
    num_words: int | None = None,
    server: Any = None,
    *,
    labels: Any = None,
    name: str | None = None,
) -> PlottedVocab:
    """Shows a vocabulary's t-SNE map on the UI's projector page; returns where (the layout runs live there).

    Args:
        model_or_vectors: A gensim Word2Vec model or KeyedVectors, :class:`Vectors`, or an array
            (with ``labels``).
        tsne: The t-SNE to run (its parameters are sent); the original's defaults when None.
        num_words: Only the first ``num_words`` words (the most frequent, in a gensim model).
        server: A running or stopped :class:`~fitscope.server.UIServer` (started if needed), the
            URL of one (``"http://127.0.0.1:9000"``: the vectors are uploaded), or None: the
            process's shared server (``UIServer.get_instance()``, port 9000).
        labels: Labels for an array.
        name: What the projector calls it.
    """
    vectors = vectors_from(model_or_vectors, labels).head(num_words)
    tsne = tsne or BarnesHutTsne()
    shown = name or f"vocabulary ({vectors.count} words)"
    if isinstance(server, str):
        api = server.rstrip("/")
        fields: dict[str, tuple[str | None, bytes]] = {
            "file": ("vectors.tsv", _tsv(vectors.vectors)),
            "labels": ("labels.tsv", "".join(label.replace("\n", " ") + "\n" for label in vectors.labels).encode()),
            "name": (None, shown.encode()),
            "format": (None, b"tsv"),
            "method": (None, b"tsne"),
            "params": (None, json.dumps({k: v for k, v in tsne.params.items()}).encode()),
            "dims": (None, str(tsne.dims).encode()),
        }
        body, content_type = _multipart(fields)
        summary = _request(f"{api}/api/v1/embeddings", body, content_type)
        running = [x for x in summary["layouts"] if x["method"] == "tsne"]
        if not running:
            raise EmbeddingError("The server stored the vectors but started no layout.")
        return PlottedVocab(f"{api}/train/projector?embedding={summary['id']}", summary["id"], running[-1]["id"], api)
    from fitscope.server.ui_server import UIServer

    ui = UIServer.get_instance() if server is None else server
    if not isinstance(ui, UIServer):
        raise TypeError(f"server must be a UIServer, a URL or None, got {type(server).__name__}.")
    ui.attach_embeddings(_STORE)
    if not ui.is_running:
        ui.start()
    added = _STORE.add(vectors, name=shown)
    layout = ui.start_layout(added.id, "tsne", tsne.dims, tsne.params)
    return PlottedVocab(f"{ui.url}/train/projector?embedding={added.id}", added.id, layout.id, ui.url)
