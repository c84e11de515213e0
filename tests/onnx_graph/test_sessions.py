"""A session's ONNX graph end to end: the listener stores it (given, or exported from the first
batch), the file keeps it, a hub receives it, and ``GET /api/v1/graph`` answers it grouped."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import torch
from server.helpers import request, validate_answer, validate_component

from fitscope import FileStatsStorage, InMemoryStatsStorage, StatsConfig, StatsListener
from fitscope.errors import GraphError, ListenerError
from fitscope.exporters import RemoteStatsRouter
from fitscope.onnx_graph import read_onnx
from fitscope.records import StaticInfo
from fitscope.server import UIServer

from .models import MODELS, export


def _train(listener: StatsListener, model: torch.nn.Module, steps: int, *, seed: int = 0) -> None:
    torch.manual_seed(seed)
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(steps):
        x = torch.randn(4, 3, 16, 16)
        loss = model(x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=4)


def _static(storage: Any, session: str) -> StaticInfo:
    static = storage.get_static_info(session, storage.list_workers(session)[0])
    assert static is not None
    return static


@pytest.fixture(scope="module")
def resnet_onnx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    make, example = MODELS["resnet"]
    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("onnx") / "resnet.onnx"
    path.write_bytes(export(make(), example(), "torchscript"))
    return path


def _graph_answer(url: str, session: str) -> dict[str, Any]:
    answer = request(f"{url}/api/v1/graph?session={session}")
    assert answer.status == 200, answer.body
    doc: dict[str, Any] = validate_answer("/api/v1/graph", answer)
    return doc


def test_a_given_graph_is_stored_with_the_session_and_served_grouped(tmp_path: Path, resnet_onnx: Path) -> None:
    make, _ = MODELS["resnet"]
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as storage:
        listener = StatsListener(storage, frequency=2, session_id="given", close_sinks=False)
        model = make()
        listener.attach(model, graph=resnet_onnx)
        _train(listener, model, 4)
        listener.close()
    # Read back from the file by a new process-like reader: the graph is in the file.
    with FileStatsStorage(path, read_only=True) as storage:
        stored = _static(storage, "given").model
        assert stored is not None and stored.onnx is not None
        validate_component("https://fitscope.invalid/schemas/v1/onnx_graph.schema.json", stored.onnx)
        assert stored.onnx == read_onnx(resnet_onnx).data
        server = UIServer(port=0)
        server.attach(storage)
        server.start()
        try:
            doc = _graph_answer(server.url, "given")
        finally:
            server.stop()
    onnx = doc["onnx"]
    assert onnx["source"] == "resnet.onnx"
    groups = {g["id"]: g for g in onnx["groups"]}
    layers = {layer["name"] for layer in doc["layers"]}
    assert groups["layer1.0.conv1"]["layer"] == "layer1.0.conv1" in layers
    assert groups["layer1.0.conv1"]["parameters"] == ["layer1.0.conv1.weight"]
    assert groups["layer1"]["layer"] is None  # a container is no fitscope layer
    held = [p for g in onnx["groups"] for p in g["parameters"]]
    assert sorted(held) == sorted(n for n, _ in model.named_parameters())
    # Today's layer graph is still there beside it.
    assert doc["layers"] and doc["edges"]
    # fitscope info says the worker has a graph.
    done = subprocess.run(
        [sys.executable, "-m", "fitscope", "info", str(path), "--json"], capture_output=True, text=True, cwd=tmp_path
    )
    (worker,) = json.loads(done.stdout)["sessions"][0]["workers"]
    assert worker["onnx_nodes"] == read_onnx(resnet_onnx).num_nodes


class _BnDropout(torch.nn.Module):
    """BatchNorm and dropout: an export that ran the model would change what training does next."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3)
        self.bn = torch.nn.BatchNorm2d(4)
        self.drop = torch.nn.Dropout(0.5)
        self.fc = torch.nn.Linear(4, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.drop(self.bn(self.conv(x)).mean((2, 3))))


@pytest.mark.parametrize("example", [False, True], ids=["first batch", "example_input"])
def test_export_onnx_stores_the_graph_and_changes_nothing_in_training(example: bool) -> None:
    torch.manual_seed(5)
    reference = _BnDropout()
    twin = _BnDropout()
    twin.load_state_dict(reference.state_dict())
    plain = InMemoryStatsStorage()
    _train(StatsListener(plain, frequency=2, session_id="plain").attach(reference), reference, 4, seed=9)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=2, session_id="exported")
    listener.attach(twin, example_input=torch.randn(2, 3, 16, 16) if example else None, export_onnx=True)
    if not example:
        assert storage.list_sessions() == []  # StaticInfo waits for the first batch's export
    _train(listener, twin, 4, seed=9)
    listener.close()
    for (name, a), b in zip(reference.state_dict().items(), twin.state_dict().values(), strict=True):
        assert torch.equal(a, b), name  # weights and BatchNorm's running statistics
    model = _static(storage, "exported").model
    assert model is not None and model.onnx is not None
    assert model.onnx["source"] == "torch.onnx.export (dynamo)"
    ops = [n["op_type"] for n in model.onnx["nodes"]]
    assert "Conv" in ops and "BatchNormalization" in ops  # not folded: optimize=False
    assert {i["name"] for i in model.onnx["initializers"]} >= {"conv.weight", "bn.weight", "fc.bias"}
    assert storage.count_updates("exported", storage.list_workers("exported")[0]) == 2


class _Unexportable(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc = torch.nn.Linear(3 * 16 * 16, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if torch.compiler.is_exporting() or torch.jit.is_tracing() or torch.onnx.is_in_onnx_export():
            raise RuntimeError("this model refuses to be exported")
        return self.fc(x.flatten(1))


def test_an_export_that_fails_is_logged_and_training_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, session_id="refused")
    model = _Unexportable()
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        listener.attach(model, export_onnx=True)
        _train(listener, model, 3)
        listener.close()
    assert any("could not be exported to ONNX" in r.getMessage() for r in caplog.records)
    assert "refuses to be exported" in caplog.text
    static = _static(storage, "refused")
    assert static.model is not None and static.model.onnx is None
    assert storage.count_updates("refused", storage.list_workers("refused")[0]) == 3


def test_bad_arguments_fail_the_attach_and_leave_the_listener_usable(tmp_path: Path, resnet_onnx: Path) -> None:
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1)
    model = MODELS["resnet"][0]()
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"not onnx at all")
    with pytest.raises(GraphError, match=r"bad\.onnx"):
        listener.attach(model, graph=bad)
    with pytest.raises(ListenerError, match="not both"):
        listener.attach(model, graph=resnet_onnx, export_onnx=True)
    listener.attach(model, graph=resnet_onnx)  # nothing was hooked by the failed attaches
    listener.close()
    assert storage.list_sessions()
    off = StatsListener(InMemoryStatsStorage(), config=StatsConfig(model_info=False))
    with pytest.raises(ListenerError, match="model info"):
        off.attach(model, graph=resnet_onnx)
    off.close()


def test_close_before_the_first_iteration_still_writes_static_info(caplog: pytest.LogCaptureFixture) -> None:
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, session_id="early")
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        listener.attach(_BnDropout(), export_onnx=True)
        listener.close()
    assert "saw no forward pass" in caplog.text
    static = _static(storage, "early")
    assert static.model is not None and static.model.onnx is None


def test_server_graphs_win_per_session_and_for_every_session(tmp_path: Path, resnet_onnx: Path) -> None:
    storage = InMemoryStatsStorage()
    for session in ("a", "b"):
        listener = StatsListener(storage, frequency=1, session_id=session, close_sinks=False)
        model = MODELS["resnet"][0]()
        listener.attach(model)
        _train(listener, model, 1)
        listener.close()
    server = UIServer(port=0, graphs={"a": resnet_onnx})
    server.attach(storage)
    server.start()
    try:
        assert _graph_answer(server.url, "a")["onnx"]["num_nodes"] > 0
        assert _graph_answer(server.url, "b")["onnx"] is None
    finally:
        server.stop()
    server = UIServer(port=0, graphs={"*": read_onnx(resnet_onnx)})
    server.attach(storage)
    server.start()
    try:
        assert _graph_answer(server.url, "b")["onnx"]["source"] == "resnet.onnx"
    finally:
        server.stop()
    with pytest.raises(GraphError, match=r"nope\.onnx"):
        UIServer(port=0, graphs={"*": tmp_path / "nope.onnx"})


def test_a_damaged_stored_graph_is_an_error_object(tmp_path: Path) -> None:
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, session_id="damaged")
    model = MODELS["cnn"][0]()
    listener.attach(model)
    listener.close()
    good = _static(storage, "damaged")
    assert good.model is not None
    from dataclasses import replace

    broken = InMemoryStatsStorage()
    broken.put_static_info(replace(good, model=replace(good.model, onnx={"format": "onnx", "nodes": []})))
    server = UIServer(port=0)
    server.attach(broken)
    server.start()
    try:
        answer = request(f"{server.url}/api/v1/graph?session=damaged")
        assert answer.status == 422
        doc = validate_answer("/api/v1/graph", answer)
        assert doc["error"]["code"] == "bad_graph" and "lacks" in doc["error"]["message"]
        assert request(f"{server.url}/api/v1/overview?session=damaged").status == 200  # nothing else affected
    finally:
        server.stop()


def test_a_hub_receives_the_graph_from_a_remote_worker(tmp_path: Path, resnet_onnx: Path) -> None:
    hub_store = FileStatsStorage(tmp_path / "hub.fitscope")
    server = UIServer(port=0)
    server.enable_remote_listener(hub_store, token="t0k")
    server.start()
    try:
        router = RemoteStatsRouter(server.url, token="t0k", spool_dir=tmp_path / "spool")
        listener = StatsListener(router, frequency=1, session_id="remote")
        model = MODELS["resnet"][0]()
        listener.attach(model, graph=resnet_onnx)
        _train(listener, model, 2)
        listener.close()
        status = router.status()
        assert status.rejected_batches == 0 and status.pending_batches == 0 and status.sent_records > 0, status
        deadline = time.monotonic() + 30  # the hub lists a stored session once its storage events are read
        while not request(f"{server.url}/api/v1/sessions").json()["sessions"] and time.monotonic() < deadline:
            time.sleep(0.05)
        doc = _graph_answer(server.url, "remote")
        assert doc["onnx"]["num_nodes"] == read_onnx(resnet_onnx).num_nodes
        stored = _static(hub_store, "remote").model
        assert stored is not None and json.dumps(stored.onnx, sort_keys=True) == json.dumps(
            read_onnx(resnet_onnx).data, sort_keys=True
        )
    finally:
        server.stop()
        hub_store.close()
