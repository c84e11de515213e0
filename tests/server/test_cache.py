"""The server's caches follow the storages: appended reports are read as a tail, rewritten ones in
full, and a thinning in-memory storage is never shown stale."""

from __future__ import annotations

import dataclasses
import functools
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fitscope import FileStatsStorage, InMemoryStatsStorage
from fitscope.records import (
    DeviceMemory,
    LayerInfo,
    Memory,
    ModelInfo,
    Performance,
    ScoreSeries,
    StaticInfo,
    StatsReport,
    Summary,
)
from fitscope.server import UIServer
from fitscope.storage.base import StatsStorage

from .helpers import encoded, request

SESSION, WORKER = "cached", "w"


def static() -> StaticInfo:
    layer = LayerInfo("fc", "Linear", 6, ("fc.weight", "fc.bias"))
    model = ModelInfo("Net", 1, 6, ("fc.weight", "fc.bias"), {"fc.weight": (2, 2), "fc.bias": (2,)}, (layer,))
    return StaticInfo(SESSION, WORKER, 1_700_000_000_000, model=model)


def report(iteration: int, score: float | None = None) -> StatsReport:
    value = 1.0 / iteration if score is None else score
    summaries = {
        "parameters": {"fc.weight": Summary(4, mean_magnitude=0.5 + iteration / 100, stdev=0.1)},
        "updates": {"fc.weight": Summary(4, mean_magnitude=0.001 * iteration, stdev=0.01)},
    }
    return StatsReport(
        SESSION, WORKER, 1_700_000_000_000 + iteration, iteration, score=value,
        scores=ScoreSeries((iteration,), (value,)), summaries=summaries,
    )  # fmt: skip


def overview(ui: UIServer) -> dict[str, Any]:
    answer = request(ui.url + f"/api/v1/overview?session={SESSION}")
    assert answer.status == 200, answer.body
    doc: dict[str, Any] = answer.json()
    return doc


def wait_for(ui: UIServer, condition: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    deadline = time.monotonic() + 5
    while True:
        doc = overview(ui)
        if condition(doc) or time.monotonic() > deadline:
            return doc
        time.sleep(0.05)


def same_as_storage(doc: dict[str, Any], storage: StatsStorage) -> None:
    score = storage.read_series(SESSION, WORKER, "score")
    assert doc["score"] == {"iterations": score.iterations, "values": encoded(score.values)}


class Recorder:
    """Records the series reads of a storage (key, start) made by the server's threads.

    The server reads a FileStatsStorage through its own read-only FileStatsStorage on the same
    file (so that it outlives the writer's close), with ``read_series_arrays`` and, several
    series at once, ``read_many_series_arrays``: those methods of the class are recorded for
    every instance on the file while the recorder is open. Other storages are read directly
    through ``read_series``.
    """

    def __init__(self, storage: FileStatsStorage | InMemoryStatsStorage) -> None:
        self.calls: list[tuple[str, int | None]] = []
        self.reads: list[list[str]] = []  # the keys of each read
        self._undo: list[Callable[[], None]] = []
        if isinstance(storage, FileStatsStorage):
            path = storage.path
            for method in ("read_series_arrays", "read_many_series_arrays"):
                original = getattr(FileStatsStorage, method)

                def patched(self_: FileStatsStorage, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
                    if self_.path != path:
                        return _original(self_, *args, **kwargs)
                    return self._recording(lambda *a: _original(self_, *a))(*args, **kwargs)

                setattr(FileStatsStorage, method, patched)
                self._undo.append(functools.partial(setattr, FileStatsStorage, method, original))
        else:
            storage.read_series = self._recording(storage.read_series)  # type: ignore[method-assign]

    def _recording(self, read: Callable[..., Any]) -> Callable[..., Any]:
        def record(session: str, worker: str, keys: Any, start: int | None = None, end: int | None = None) -> Any:
            if threading.current_thread() is not threading.main_thread():
                self.calls += [(key, start) for key in ([keys] if isinstance(keys, str) else keys)]
                self.reads.append([keys] if isinstance(keys, str) else list(keys))
            return read(session, worker, keys, start, end)

        return record

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc: object) -> None:
        for undo in self._undo:
            undo()


def test_appended_reports_are_read_as_a_tail_and_rewrites_in_full(tmp_path: Path) -> None:
    path = tmp_path / "run.fitscope"
    writer = FileStatsStorage(path)
    writer.put_static_info(static())
    for i in range(1, 6):
        writer.put_update(report(i))
    reader = FileStatsStorage(path, read_only=True)
    with Recorder(reader) as recorder, UIServer(port=0) as ui:
        ui.attach(reader)
        same_as_storage(overview(ui), reader)
        assert ("score", None) in recorder.calls
        recorder.calls.clear()
        assert overview(ui)["score"]["iterations"] == [1, 2, 3, 4, 5]
        assert recorder.calls == []  # nothing changed: nothing read

        for i in range(6, 9):
            writer.put_update(report(i))
        doc = wait_for(ui, lambda d: d["score"]["iterations"][-1] == 8)
        same_as_storage(doc, reader)
        assert recorder.calls and all(start is not None and start >= 5 for _, start in recorder.calls)
        assert doc["ratios"]["fc.weight"]["iterations"] == list(range(1, 9))

        recorder.calls.clear()
        writer.put_update(report(3, score=42.0))  # an earlier iteration rewritten
        doc = wait_for(ui, lambda d: 42.0 in d["score"]["values"])
        same_as_storage(doc, reader)
        assert ("score", None) in recorder.calls  # read again whole
    reader.close()
    writer.close()


def test_a_thinning_memory_storage_is_never_shown_stale() -> None:
    storage = InMemoryStatsStorage(max_reports=10, max_scores=10)
    storage.put_static_info(static())
    with UIServer(port=0) as ui:
        ui.attach(storage)
        for batch in range(4):
            for i in range(batch * 10 + 1, batch * 10 + 11):
                storage.put_update(report(i))
            last = batch * 10 + 10
            doc = wait_for(ui, lambda d, last=last: d["score"]["iterations"][-1] == last)  # type: ignore[misc]
            same_as_storage(doc, storage)
            ratio = doc["ratios"]["fc.weight"]["iterations"]
            assert ratio == storage.read_series(SESSION, WORKER, "updates/fc.weight/mean_magnitude").iterations
    storage.close()


def test_each_page_reads_its_series_at_once(tmp_path: Path) -> None:
    """The first request of a page reads all its series in one storage call (one pass, in file order)."""
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as writer:
        writer.put_static_info(static())
        for i in range(1, 6):
            r = report(i)
            summaries = {
                **r.summaries,
                "gradients": r.summaries["updates"],
                "activations": {"fc": Summary(8, mean=0.5)},
            }
            writer.put_update(
                dataclasses.replace(
                    r, summaries=summaries, learning_rates={"fc.weight": 0.1}, collection_ms=1.0,
                    performance=Performance(1.0, i, i, 2.0, 3.0), memory=Memory(1, 2, 3, (DeviceMemory("cuda:0", 4),)),
                )
            )  # fmt: skip
    reader = FileStatsStorage(path, read_only=True)
    with Recorder(reader) as recorder, UIServer(port=0) as ui:
        ui.attach(reader)
        for page, expected in (
            (
                "layer?layer=fc&",
                {"learning_rates/fc.weight", "activations/fc/mean", "gradients/fc.weight/nonfinite_count"},
            ),
            ("system?", {"memory/process_rss_bytes", "memory/devices/cuda:0/max_bytes", "collection_ms"}),
        ):
            recorder.reads.clear()
            answer = request(f"{ui.url}/api/v1/{page}session={SESSION}")
            assert answer.status == 200, answer.body
            assert len(recorder.reads) == 1 and expected <= set(recorder.reads[0]), recorder.reads
    reader.close()
