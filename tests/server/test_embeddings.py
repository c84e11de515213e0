"""The projector's HTTP API on a real server: answers match openapi.json and the stores, uploads,
layouts that run, stream their progress and can be cancelled, and the guard on writes."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import requests
from gensim.models import Word2Vec
from gensim.test.utils import datapath

from fitscope import FileStatsStorage
from fitscope.projector import FileEmbeddingStore, InMemoryEmbeddingStore, vectors_from
from fitscope.server import UIServer

from .helpers import SseClient, request, validate_answer, validate_component

WRITE = {"X-Fitscope-Request": "1"}


@pytest.fixture(scope="module")
def model() -> Any:
    return Word2Vec(_sentences(), vector_size=32, min_count=5, epochs=20, workers=1, seed=2)


def _sentences() -> list[list[str]]:
    with open(datapath("lee_background.cor"), encoding="utf-8") as f:
        return [line.split() for line in f]


@pytest.fixture
def served(model: Any) -> Iterator[tuple[UIServer, InMemoryEmbeddingStore, str]]:
    store = InMemoryEmbeddingStore()
    v = vectors_from(model).head(300)
    x = v.vectors.copy()
    x[5, 0] = np.nan  # one point no layout can place
    added = store.add(
        x, v.labels, metadata={"count": v.metadata["count"], "half": ["ab"[i % 2] for i in range(300)]}, name="lee"
    )
    coords = x[:, :2].copy()
    store.add_layout(added.id, coords, layout_id="given")
    with UIServer(port=0, embeddings=[store]) as ui:
        yield ui, store, added.id


def _wait_done(ui: UIServer, eid: str, lid: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        doc = request(f"{ui.url}/api/v1/embeddings").json()
        (entry,) = [e for e in doc["embeddings"] if e["id"] == eid]
        (layout,) = [x for x in entry["layouts"] if x["id"] == lid]
        if layout["status"] != "running":
            return dict(layout)
        assert time.monotonic() < deadline, layout
        time.sleep(0.1)


def test_the_list_and_an_embedding_are_what_the_store_holds(
    served: tuple[UIServer, InMemoryEmbeddingStore, str],
) -> None:
    ui, store, eid = served
    listed = validate_answer("/api/v1/embeddings", request(f"{ui.url}/api/v1/embeddings"))
    (entry,) = listed["embeddings"]
    assert entry["id"] == eid and entry["count"] == 300 and entry["nonfinite_rows"] == 1
    assert entry["columns"] == ["count", "half"] and entry["writable"]
    doc = validate_answer("/api/v1/embeddings/{id}", request(f"{ui.url}/api/v1/embeddings/{eid}"))
    held = store.get(eid)
    assert doc["labels"] == held.labels and doc["metadata"]["half"][:3] == ["a", "b", "a"]
    assert doc["metadata"]["count"] == held.vectors.metadata["count"]
    x = held.vectors.vectors
    assert doc["layout"]["id"] == "given" and doc["layout"]["method"] == "uploaded"
    assert doc["layout"]["x"][5] is None  # NaN: not placed
    np.testing.assert_array_equal(
        np.array([v for i, v in enumerate(doc["layout"]["x"]) if i != 5], dtype=np.float32), np.delete(x[:, 0], 5)
    )
    np.testing.assert_array_equal(np.array(doc["layout"]["y"], dtype=np.float32), x[:, 1])
    assert "z" not in doc["layout"]
    missing = request(f"{ui.url}/api/v1/embeddings/nope")
    assert missing.status == 404 and missing.json()["error"]["code"] == "not_found"
    no_layout = request(f"{ui.url}/api/v1/embeddings/{eid}?layout=nope")
    assert no_layout.status == 404 and "no layout 'nope'" in no_layout.json()["error"]["message"]
    assert request(f"{ui.url}/api/v1/embeddings?x=1").status == 400


def test_neighbours_are_gensims_most_similar(served: tuple[UIServer, InMemoryEmbeddingStore, str], model: Any) -> None:
    ui, store, eid = served
    words = store.get(eid).labels
    for word in words[10:40]:
        doc = validate_answer(
            "/api/v1/embeddings/{id}/neighbors", request(f"{ui.url}/api/v1/embeddings/{eid}/neighbors?label={word}&k=5")
        )
        # gensim's reference over the same 300 words, with the NaN one left out
        kv = model.wv
        others = [w for w in words if w != word and w != words[5]]
        sims = kv.cosine_similarities(kv[word], np.array([kv[w] for w in others]))
        best = sorted(zip(sims, others, strict=True), key=lambda t: -t[0])[:5]
        assert [n["similarity"] for n in doc["neighbors"]] == pytest.approx([float(s) for s, _ in best], abs=2e-6)
        assert doc["exact"] and doc["label"] == word and doc["k"] == 5
    by_index = request(f"{ui.url}/api/v1/embeddings/{eid}/neighbors?index=10&k=3").json()
    assert by_index["label"] == words[10] and len(by_index["neighbors"]) == 3
    cases = {
        "label=nosuchword": (404, "unknown_label"),
        "label=the&index=1": (400, "bad_parameter"),
        "label=the&k=0": (400, "bad_parameter"),
        "index=5": (400, "bad_embedding"),  # its vector holds a NaN: it has no direction
        "index=300": (400, "bad_embedding"),
    }
    for query, (status, code) in cases.items():
        answer = request(f"{ui.url}/api/v1/embeddings/{eid}/neighbors?{query}")
        assert (answer.status, answer.json()["error"]["code"]) == (status, code), query


def test_the_originals_csv_upload_is_shown_as_it_is(served: tuple[UIServer, InMemoryEmbeddingStore, str]) -> None:
    ui, _, _ = served
    csv = "x,y,label\n1.5,2,apple\n-3,4.25,banana, ripe\n0,0,\n"
    answer = requests.post(f"{ui.url}/api/v1/embeddings", files={"file": ("tsne.csv", csv)}, headers=WRITE, timeout=30)
    assert answer.status_code == 201, answer.text
    summary = answer.json()
    validate_component("EmbeddingSummary", summary)
    assert summary["count"] == 3 and summary["layouts"][0]["method"] == "uploaded"
    doc = request(f"{ui.url}/api/v1/embeddings/{summary['id']}").json()
    assert doc["labels"] == ["apple", "banana, ripe", ""]
    assert doc["layout"]["x"] == [1.5, -3.0, 0.0] and doc["layout"]["y"] == [2.0, 4.25, 0.0]
    bad = requests.post(
        f"{ui.url}/api/v1/embeddings",
        files={"file": ("t.csv", "1,2,a\n3,x,b\n")},
        data={"format": "xy"},
        headers=WRITE,
        timeout=30,
    )
    assert bad.status_code == 400 and "line 2, column 2: 'x' is not a number" in bad.json()["error"]["message"]


def test_writes_need_the_guard_header_and_the_right_body(served: tuple[UIServer, InMemoryEmbeddingStore, str]) -> None:
    ui, _, eid = served
    no_header = requests.post(f"{ui.url}/api/v1/embeddings", files={"file": ("t.csv", "1,2,a\n")}, timeout=30)
    assert no_header.status_code == 403 and no_header.json()["error"]["code"] == "write_header_missing"
    assert (
        requests.post(f"{ui.url}/api/v1/embeddings/{eid}/layouts", json={"method": "pca"}, timeout=30).status_code
        == 403
    )
    assert requests.delete(f"{ui.url}/api/v1/embeddings/{eid}/layouts/x", timeout=30).status_code == 403
    form = requests.post(
        f"{ui.url}/api/v1/embeddings", data=b"1,2,a", headers={**WRITE, "Content-Type": "text/csv"}, timeout=30
    )
    assert form.status_code == 415
    nofile = requests.post(f"{ui.url}/api/v1/embeddings", files={"name": (None, "x")}, headers=WRITE, timeout=30)
    assert nofile.status_code == 400 and "no 'file'" in nofile.json()["error"]["message"]
    for body, code in (
        ({"method": "mds"}, "bad_embedding"),
        ({"method": "tsne", "params": {"perplexityy": 3}}, "bad_embedding"),
        ({"dims": 4}, "bad_embedding"),
        ({"extra": 1}, "bad_parameter"),
    ):
        answer = requests.post(f"{ui.url}/api/v1/embeddings/{eid}/layouts", json=body, headers=WRITE, timeout=30)
        assert (answer.status_code, answer.json()["error"]["code"]) == (400, code), body
    unknown = requests.post(
        f"{ui.url}/api/v1/embeddings/nope/layouts", json={"method": "pca"}, headers=WRITE, timeout=30
    )
    assert unknown.status_code == 404


def test_uploaded_vectors_run_a_tsne_whose_progress_streams_until_done(
    served: tuple[UIServer, InMemoryEmbeddingStore, str], model: Any
) -> None:
    ui, _, _ = served
    v = vectors_from(model).head(200)
    tsv = "".join("\t".join(repr(float(c)) for c in row) + "\n" for row in v.vectors)
    labels = "".join(w + "\n" for w in v.labels)
    params = json.dumps({"max_iter": 400, "stop_lying_iteration": 100})
    answer = requests.post(
        f"{ui.url}/api/v1/embeddings",
        files={"file": ("vectors.tsv", tsv), "labels": ("labels.tsv", labels)},
        data={"name": "uploaded words", "params": params},
        headers=WRITE,
        timeout=60,
    )
    assert answer.status_code == 201, answer.text
    summary = answer.json()
    eid = summary["id"]
    (running,) = summary["layouts"]
    assert running["method"] == "tsne" and running["max_iter"] == 400
    seen: list[dict[str, Any]] = []
    with SseClient(ui.url, f"/api/v1/embeddings/{eid}/events", timeout=60) as events:
        assert events.status == 200
        while not seen or seen[-1]["status"] == "running":
            event = events.next()
            assert event.event == "layout"
            seen.append(event.json())
            validate_component("Layout", seen[-1])
    assert seen[-1]["status"] == "done" and seen[-1]["iteration"] == 400
    iterations = [e["iteration"] for e in seen]
    assert iterations == sorted(iterations) and len(set(iterations)) >= 3  # it was seen converging
    assert seen[-1]["kl_divergence"] < max(e["kl_divergence"] for e in seen if e["kl_divergence"] is not None) + 1e-9
    doc = validate_answer("/api/v1/embeddings/{id}", request(f"{ui.url}/api/v1/embeddings/{eid}"))
    assert doc["name"] == "uploaded words" and doc["labels"] == v.labels
    assert doc["layout"]["status"] == "done" and all(c is not None for c in doc["layout"]["x"])
    again = requests.post(
        f"{ui.url}/api/v1/embeddings/{eid}/layouts",
        json={"method": "tsne", "params": json.loads(params)},
        headers=WRITE,
        timeout=30,
    )
    assert again.status_code == 200 and again.json()["id"] == running["id"]  # stored: not computed twice


def test_a_running_layout_can_be_cancelled(served: tuple[UIServer, InMemoryEmbeddingStore, str]) -> None:
    ui, _, eid = served
    started = requests.post(
        f"{ui.url}/api/v1/embeddings/{eid}/layouts",
        json={"method": "tsne", "params": {"max_iter": 100000}},
        headers=WRITE,
        timeout=30,
    )
    assert started.status_code == 202
    lid = started.json()["id"]
    with SseClient(ui.url, f"/api/v1/embeddings/{eid}/events", timeout=60) as events:
        while events.next().json()["iteration"] < 20:
            pass
        cancelled = requests.delete(f"{ui.url}/api/v1/embeddings/{eid}/layouts/{lid}", headers=WRITE, timeout=30)
        assert cancelled.status_code == 200
        while (last := events.next().json())["status"] == "running":
            pass
    assert last["status"] == "cancelled" and 20 <= last["iteration"] < 100000
    assert _wait_done(ui, eid, lid)["status"] == "cancelled"
    # the snapshot where it stopped is still shown
    doc = request(f"{ui.url}/api/v1/embeddings/{eid}?layout={lid}").json()
    assert doc["layout"]["status"] == "cancelled" and doc["layout"]["x"][0] is not None
    assert (
        requests.delete(f"{ui.url}/api/v1/embeddings/{eid}/layouts/nope", headers=WRITE, timeout=30).status_code == 404
    )


def test_the_embeddings_of_a_served_fitscope_file_are_shown_and_laid_out(tmp_path: Path, model: Any) -> None:
    path = tmp_path / "run.fitscope"
    with FileEmbeddingStore(path) as store:
        added = store.add(vectors_from(model).head(100), name="in the file")
    stats = FileStatsStorage(path, read_only=True)
    try:
        with UIServer(port=0) as ui:
            ui.attach(stats)
            (entry,) = request(f"{ui.url}/api/v1/embeddings").json()["embeddings"]
            assert entry["id"] == added.id and entry["source"] == str(path) and entry["layouts"] == []
            started = requests.post(
                f"{ui.url}/api/v1/embeddings/{added.id}/layouts", json={"method": "pca"}, headers=WRITE, timeout=30
            )
            assert started.status_code == 202
            assert _wait_done(ui, added.id, started.json()["id"])["status"] == "done"
            doc = request(f"{ui.url}/api/v1/embeddings/{added.id}").json()
            assert doc["layout"]["method"] == "pca" and len(doc["layout"]["x"]) == 100
            # the file was opened read-only: the layout lives in the server's own store
            assert FileEmbeddingStore(path, read_only=True).list()[0].layouts == []
            assert [e.id for e in ui.uploaded.list()] == [added.id]
    finally:
        stats.close()


def test_stopping_the_server_ends_an_open_event_stream(model: Any) -> None:
    store = InMemoryEmbeddingStore()
    added = store.add(vectors_from(model).head(50))
    ui = UIServer(port=0, embeddings=[store]).start()
    events = SseClient(ui.url, f"/api/v1/embeddings/{added.id}/events", timeout=30)
    assert events.next(skip_comments=False).comments == ["connected"]
    started = time.monotonic()
    ui.stop()
    with pytest.raises(EOFError):
        events.next()
    events.close()
    assert time.monotonic() - started < 10


class _Runs:
    """A pickle that would create a file when loaded."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[Any, tuple[Path]]:
        return (Path.touch, (self.target,))


def test_uploads_never_unpickle(served: tuple[UIServer, InMemoryEmbeddingStore, str], tmp_path: Path) -> None:
    import pickle

    ui, _, _ = served
    target = tmp_path / "pwned"
    payload = pickle.dumps(_Runs(target))
    pickle.loads(payload)  # the payload works: loading it creates the file
    assert target.exists()
    target.unlink()
    for filename, data in (("v.txt", {}), ("v.kv", {}), ("v.bin", {"format": "gensim"})):
        answer = requests.post(
            f"{ui.url}/api/v1/embeddings", files={"file": (filename, payload)}, data=data, headers=WRITE, timeout=30
        )
        assert answer.status_code == 400, (filename, answer.text)
        assert "tmp" not in answer.json()["error"]["message"].split(filename)[0][-30:]  # named as uploaded
    assert not target.exists()


def test_an_upload_that_cannot_be_laid_out_is_refused_at_once(
    served: tuple[UIServer, InMemoryEmbeddingStore, str],
) -> None:
    ui, _, _ = served
    answer = requests.post(
        f"{ui.url}/api/v1/embeddings", files={"file": ("one.tsv", "1\t2\t3\n")}, headers=WRITE, timeout=30
    )
    assert answer.status_code == 400 and "at least 4 vectors" in answer.json()["error"]["message"]
    same = requests.post(
        f"{ui.url}/api/v1/embeddings", files={"file": ("same.tsv", "1\t2\n" * 10)}, headers=WRITE, timeout=30
    )
    assert same.status_code == 400 and "Every vector is the same" in same.json()["error"]["message"]


def test_deleting_a_stored_layout_answers_its_state(served: tuple[UIServer, InMemoryEmbeddingStore, str]) -> None:
    ui, _, eid = served
    answer = requests.delete(f"{ui.url}/api/v1/embeddings/{eid}/layouts/given", headers=WRITE, timeout=30)
    assert answer.status_code == 200 and answer.json()["status"] == "done"
    validate_component("Layout", answer.json())
