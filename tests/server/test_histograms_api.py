"""``GET /api/v1/histograms`` and ``GET /api/v1/histogram``: a tensor's histograms over iterations, as stored."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest

from fitscope.server import UIServer
from fitscope.storage.base import StatsStorage

from .conftest import FILE_SESSION, MEMORY_SESSION, Runs
from .helpers import request, validate_answer


def _get(server: UIServer, path: str, **params: Any) -> Any:
    answer = request(f"{server.url}/api/v1/{path}?{urlencode(params)}")
    assert answer.status == 200, answer.body
    return validate_answer(f"/api/v1/{path}", answer)


def _stored(storage: StatsStorage, session: str, kind: str, name: str) -> list[tuple[int, Any]]:
    worker = storage.list_workers(session)[0]
    out = []
    for r in storage.iter_updates(session, worker):
        s = r.summaries.get(kind, {}).get(name)
        if s is not None and s.histogram is not None:
            out.append((r.iteration, s.histogram.to_json()))
    return out


@pytest.mark.parametrize("session", [FILE_SESSION, MEMORY_SESSION])
@pytest.mark.parametrize(("kind", "name"), [("parameters", "0.weight"), ("activations", "1"), ("gradients", "2.bias")])
def test_histograms_are_the_stored_ones_spread_over_the_run(
    server: UIServer, runs: Runs, session: str, kind: str, name: str
) -> None:
    storage = runs.file if session == FILE_SESSION else runs.memory
    stored = _stored(storage, session, kind, name)
    assert len(stored) > 4
    every = _get(server, "histograms", session=session, kind=kind, name=name, max_count=1000)
    assert [(h["iteration"], {k: h[k] for k in ("min", "max", "counts")}) for h in every["histograms"]] == stored
    few = _get(server, "histograms", session=session, kind=kind, name=name, max_count=4)["histograms"]
    assert len(few) <= 4 and few[0]["iteration"] == stored[0][0] and few[-1]["iteration"] == stored[-1][0]
    by_iteration = dict(stored)
    assert all({k: h[k] for k in ("min", "max", "counts")} == by_iteration[h["iteration"]] for h in few)
    lo, hi = stored[1][0], stored[3][0]
    part = _get(server, "histograms", session=session, kind=kind, name=name, start=lo, end=hi)["histograms"]
    assert [h["iteration"] for h in part] == [it for it, _ in stored[1:4]]


def test_one_histogram_at_before_or_after_an_iteration(server: UIServer, runs: Runs) -> None:
    stored = _stored(runs.file, FILE_SESSION, "parameters", "0.weight")
    (first, _), (second, h2) = stored[0], stored[1]
    at = _get(server, "histogram", session=FILE_SESSION, kind="parameters", name="0.weight", iteration=second)
    assert at["histogram"] == {"iteration": second, **h2}
    between = _get(server, "histogram", session=FILE_SESSION, kind="parameters", name="0.weight", iteration=second + 1)
    assert between["histogram"]["iteration"] in (second, stored[2][0])
    assert between["histogram"]["iteration"] == max(it for it, _ in stored if it <= second + 1)
    after = _get(
        server, "histogram", session=FILE_SESSION, kind="parameters", name="0.weight", iteration=first, after="true"
    )
    assert after["histogram"] == {"iteration": second, **h2}
    assert first > 0
    before_all = _get(server, "histogram", session=FILE_SESSION, kind="parameters", name="0.weight", iteration=0)
    assert before_all["histogram"] is None
    last = stored[-1][0]
    none = _get(
        server, "histogram", session=FILE_SESSION, kind="parameters", name="0.weight", iteration=last, after="true"
    )
    assert none["histogram"] is None


@pytest.mark.parametrize(
    ("path", "params", "says"),
    [
        ("histograms", {"kind": "weights", "name": "0.weight"}, "kind must be one of"),
        ("histograms", {"kind": "parameters", "name": "0.weight", "max_count": "1"}, "max_count must be"),
        ("histograms", {"kind": "parameters", "name": "0.weight", "max_count": "5000"}, "max_count must be"),
        ("histograms", {"kind": "parameters", "name": "0.weight", "start": "-3"}, "start must be"),
        ("histograms", {"kind": "parameters", "name": "0.weight", "start": "9", "end": "3"}, "is after end"),
        ("histograms", {"kind": "parameters"}, "'name' is required"),
        ("histogram", {"kind": "parameters", "name": "0.weight"}, "'iteration' is required"),
        ("histogram", {"kind": "parameters", "name": "0.weight", "iteration": "x1"}, "iteration must be"),
        ("histogram", {"kind": "parameters", "name": "0.weight", "iteration": "1", "after": "yes"}, "after must be"),
        ("histogram", {"kind": "parameters", "name": "0.weight", "iteration": "1", "bins": "3"}, "Unknown parameter"),
    ],
)
def test_bad_parameters_are_400_naming_them(server: UIServer, path: str, params: dict[str, str], says: str) -> None:
    answer = request(f"{server.url}/api/v1/{path}?{urlencode({'session': FILE_SESSION, **params})}")
    assert answer.status == 400
    assert says in answer.json()["error"]["message"]
    validate_answer(f"/api/v1/{path}", answer)


def test_an_unknown_tensor_has_no_histograms(server: UIServer) -> None:
    doc = _get(server, "histograms", session=FILE_SESSION, kind="parameters", name="nope")
    assert doc["histograms"] == []
    one = _get(server, "histogram", session=FILE_SESSION, kind="updates", name="nope", iteration=5)
    assert one["histogram"] is None
