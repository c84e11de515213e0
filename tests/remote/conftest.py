"""Fixtures of the remote-listener tests: a real hub (UIServer with the remote listener on 127.0.0.1),
records with every kind of value, and a way to compare what was stored with what was sent."""

from __future__ import annotations

import json
import math
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from fitscope import FileStatsStorage
from fitscope.record_json import to_json_dict
from fitscope.records import (
    EpochRecord,
    Histogram,
    MetricsRecord,
    Record,
    ScoreSeries,
    StaticInfo,
    StatsReport,
    Summary,
)
from fitscope.server import UIServer

TOKEN = "test-token-4d2f"
T0 = 1_700_000_000_000
SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
OPENAPI: dict[str, Any] = json.loads((SCHEMAS / "openapi.json").read_text())
#: The record schemas and openapi.json (at the URI it would have beside them), for jsonschema.
_RECORD_SCHEMAS = [json.loads(p.read_text()) for p in SCHEMAS.glob("*.schema.json")]
REGISTRY = Registry().with_resources(
    [
        *((doc["$id"], Resource.from_contents(doc)) for doc in _RECORD_SCHEMAS),
        ("https://fitscope.invalid/schemas/v1/openapi.json", DRAFT202012.create_resource(OPENAPI)),
    ]
)


@dataclass
class Answer:
    """One HTTP answer."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Hub:
    """A running hub: its server, its storage and its URL."""

    server: UIServer
    storage: FileStatsStorage
    url: str


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    """A hub on a free loopback port that asks for :data:`TOKEN`."""
    storage = FileStatsStorage(tmp_path / "hub.fitscope")
    server = UIServer(port=0)
    server.enable_remote_listener(storage, token=TOKEN)
    server.start()
    yield Hub(server, storage, server.url)
    server.stop()
    storage.close()


def free_port() -> int:
    """A TCP port nothing listens on now (bound and released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def static(session: str, worker: str) -> StaticInfo:
    return StaticInfo(session, worker, T0, session_name=f"{session} run", hyperparameters={"lr": 0.1, "layers": [4, 2]})


def report(session: str, worker: str, iteration: int, layers: int = 3) -> StatsReport:
    """A report with summaries (histograms among them) and, at some iterations, non-finite values."""
    score = math.nan if iteration % 17 == 0 else (math.inf if iteration % 29 == 0 else 1.0 / iteration)
    summaries: dict[str, dict[str, Summary]] = {}
    for kind in ("parameters", "gradients", "updates"):
        summaries[kind] = {}
        for layer in range(layers):
            scale = (layer + 1) * 0.01 * iteration
            summaries[kind][f"l{layer}.weight"] = Summary(
                count=64,
                mean=scale,
                stdev=scale / 3,
                mean_magnitude=abs(scale) + 0.5,
                min=-scale,
                max=scale * 2,
                nan_count=1 if iteration % 13 == 0 else 0,
                histogram=Histogram(-scale, scale * 2, (3, 10, 20, 20, 10, 1)),
            )
    return StatsReport(
        session,
        worker,
        T0 + iteration * 10,
        iteration,
        epoch=iteration // 100,
        score=score,
        scores=ScoreSeries((iteration,), (score,), (T0 + iteration * 10,)),
        learning_rates={"l0.weight": 0.1},
        collection_ms=0.25,
        summaries=summaries,
    )


def records(session: str, worker: str, reports: int) -> list[Record]:
    """Static info, ``reports`` reports, a metric every 10 and an epoch end every 50 iterations."""
    out: list[Record] = [static(session, worker)]
    for it in range(1, reports + 1):
        out.append(report(session, worker, it))
        if it % 10 == 0:
            out.append(
                MetricsRecord(session, worker, T0 + it * 10, it, values={"val_loss": 2.0 / it, "odd": -math.inf})
            )
        if it % 50 == 0:
            out.append(EpochRecord(session, worker, T0 + it * 10, it // 50, it))
    return out


def put(sink: object, record: Record) -> None:
    """Hands a record to a sink the way a listener's writer does."""
    method = {StaticInfo: "put_static_info", StatsReport: "put_update", MetricsRecord: "put_metrics"}.get(
        type(record), "put_epoch"
    )
    getattr(sink, method)(record)


def stored_json(storage: FileStatsStorage, session: str, worker: str) -> dict[str, object]:
    """Everything a storage holds for one worker, in JSON form (NaN as text, so it compares equal)."""
    static_info = storage.get_static_info(session, worker)
    return {
        "static": None if static_info is None else to_json_dict(static_info),
        "reports": [to_json_dict(r) for r in storage.iter_updates(session, worker)],
        "metrics": [to_json_dict(m) for m in storage.read_metrics(session, worker)],
        "epochs": [to_json_dict(e) for e in storage.read_epochs(session, worker)],
    }


def sent_json(sent: list[Record]) -> dict[str, object]:
    """What :func:`stored_json` must read after ``sent`` was stored (no record twice)."""
    statics = [r for r in sent if isinstance(r, StaticInfo)]
    return {
        "static": to_json_dict(statics[-1]) if statics else None,
        "reports": [to_json_dict(r) for r in sent if isinstance(r, StatsReport)],
        "metrics": [to_json_dict(r) for r in sent if isinstance(r, MetricsRecord)],
        "epochs": [to_json_dict(r) for r in sent if isinstance(r, EpochRecord)],
    }


def wait_for(condition: Callable[[], bool], timeout: float = 30.0, what: str = "the condition") -> None:
    """Polls ``condition`` until it holds; fails the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Timed out after {timeout} s waiting for {what}.")
        time.sleep(0.05)
