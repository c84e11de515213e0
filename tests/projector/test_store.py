"""Embedding stores: in memory and in a fitscope file (beside training statistics), read back exactly."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from fitscope import FileStatsStorage, StatsListener
from fitscope.errors import EmbeddingError, StorageError
from fitscope.projector import EmbeddingStore, FileEmbeddingStore, InMemoryEmbeddingStore, compute_layout


def _vectors() -> tuple[np.ndarray, list[str], dict[str, list[Any]]]:
    rng = np.random.default_rng(5)
    x = rng.standard_normal((50, 8)).astype(np.float32)
    x[7, 3] = np.nan
    x[9, 0] = -np.inf
    labels = [f"w{i}" for i in range(50)]
    return (
        x,
        labels,
        {"group": ["ab"[i % 2] for i in range(50)], "freq": [float(i) if i != 3 else float("nan") for i in range(50)]},
    )


@pytest.fixture(params=["memory", "file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    s: EmbeddingStore = (
        InMemoryEmbeddingStore() if request.param == "memory" else FileEmbeddingStore(tmp_path / "e.fitscope")
    )
    yield s
    s.close()


def test_an_embedding_and_its_layouts_read_back_exactly(store: EmbeddingStore) -> None:
    x, labels, meta = _vectors()
    added = store.add(x, labels, metadata=meta, name="words", session_id="run-1")
    assert added.info.nonfinite_rows == 2 and added.info.count == 50 and added.info.dim == 8
    got = store.get(added.id)
    np.testing.assert_array_equal(got.vectors.vectors, x)
    assert got.labels == labels and got.info.session_id == "run-1" and got.info.name == "words"
    assert got.vectors.metadata["group"] == meta["group"]
    assert np.isnan(got.vectors.metadata["freq"][3]) and got.vectors.metadata["freq"][4] == 4.0
    coords, used = compute_layout(x, "pca", 2, cache=False)
    layout = store.add_layout(added.id, coords, method="pca", params=used, layout_id="p1")
    back = store.layout(added.id, "p1")
    np.testing.assert_array_equal(back.coordinates, coords)  # NaN rows included
    assert back.method == "pca" and back.params["points"] == 48 and layout.dims == 2
    listed = store.list()
    assert [i.id for i in listed] == [added.id] and [x.id for x in listed[0].layouts] == ["p1"]
    assert listed[0].layouts[0].coordinates is None  # a listing carries no coordinates
    assert store.add(x, labels, metadata=meta, name="again").id == added.id  # same content, same embedding
    assert len(store.list()) == 1


def test_bad_layouts_and_unknown_ids_are_refused(store: EmbeddingStore) -> None:
    x, labels, _ = _vectors()
    added = store.add(x, labels)
    with pytest.raises(EmbeddingError, match="49 coordinates for 50 points"):
        store.add_layout(added.id, np.zeros((49, 2)))
    with pytest.raises(EmbeddingError, match=r"shape \(n, 2\) or \(n, 3\)"):
        store.add_layout(added.id, np.zeros((50, 4)))
    with pytest.raises(KeyError, match="no embedding 'nope'"):
        store.get("nope")
    with pytest.raises(KeyError, match="has no layout 'nope'"):
        store.layout(added.id, "nope")


def test_a_training_file_also_keeps_embeddings_and_both_read_back(tmp_path: Path) -> None:
    import torch

    path = tmp_path / "run.fitscope"
    model = torch.nn.Linear(4, 2)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    with FileStatsStorage(path) as stats:
        listener = StatsListener(stats, frequency=1)
        listener.attach(model, opt)
        for _ in range(3):
            opt.zero_grad()
            loss = model(torch.ones(8, 4)).pow(2).mean()
            loss.backward()
            opt.step()
            listener.iteration_done(loss)
        listener.close()
    x, labels, meta = _vectors()
    with FileEmbeddingStore(path) as store:
        added = store.add(x, labels, metadata=meta, session_id="s")
        store.add_layout(added.id, x[:, :2])
    reader = FileStatsStorage(path, read_only=True)
    try:
        assert (
            reader.list_sessions()
            and reader.count_updates(reader.list_sessions()[0], reader.list_workers(reader.list_sessions()[0])[0]) == 3
        )
    finally:
        reader.close()
    read_only = FileEmbeddingStore(path, read_only=True)
    assert not read_only.writable
    got = read_only.get(added.id)
    np.testing.assert_array_equal(got.vectors.vectors, x)
    np.testing.assert_array_equal(read_only.layout(added.id, got.info.layouts[0].id).coordinates, x[:, :2])
    with pytest.raises(StorageError, match="read-only"):
        read_only.add(np.ones((2, 2)), ["a", "b"])


def test_read_only_files_without_embeddings_and_damaged_files(tmp_path: Path) -> None:
    with FileStatsStorage(tmp_path / "plain.fitscope"):
        pass
    assert FileEmbeddingStore(tmp_path / "plain.fitscope", read_only=True).list() == []
    with pytest.raises(StorageError, match="does not exist"):
        FileEmbeddingStore(tmp_path / "missing.fitscope", read_only=True)
    (tmp_path / "notes.txt").write_text("not a database")
    with pytest.raises(StorageError, match="not a fitscope file"):
        FileEmbeddingStore(tmp_path / "notes.txt")
    assert (tmp_path / "notes.txt").read_text() == "not a database"
    path = tmp_path / "cut.fitscope"
    with FileEmbeddingStore(path) as s:
        added = s.add(np.ones((3, 2), dtype=np.float32) * [[1], [2], [3]], ["a", "b", "c"])
    conn = sqlite3.connect(path)
    conn.execute("UPDATE embeddings SET vectors = ? WHERE id = ?", (b"\x00" * 8, added.id))
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="is damaged"):
        FileEmbeddingStore(path, read_only=True).get(added.id)
