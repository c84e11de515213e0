"""One session written as several files (one per rank of a distributed run) is one session in the UI.

``fitscope serve job-0.fitscope job-1.fitscope``: every file holds the same session id and
different workers. The sessions route lists the session once with the workers of every file (in
natural order: ``rank2`` before ``rank10``) and a summary over all of them; each worker's views
read the first attached file holding it, and stay live as that file is written.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from fitscope import FileStatsStorage
from fitscope.records import LayerInfo, ModelInfo, StaticInfo, StatsReport, Summary
from fitscope.server import UIServer

from .helpers import encoded, request, validate_answer

SESSION = "job"
T0 = 1_700_000_000_000
LAYERS = (LayerInfo("fc", "Linear", 6, ("fc.weight", "fc.bias")),)
MODEL = ModelInfo("Net", 1, 6, ("fc.weight", "fc.bias"), {"fc.weight": (2, 2), "fc.bias": (2,)}, LAYERS)


def get(ui: UIServer, path: str, status: int = 200) -> Any:
    answer = request(ui.url + path)
    assert answer.status == status, answer.body
    return validate_answer(path.partition("?")[0], answer)


def score_of(worker: str, it: int) -> float:
    """The score a worker reports at an iteration: distinct per worker, NaN for rank1 at 3."""
    if worker == "rank1" and it == 3:
        return math.nan
    return {"rank0": 0.0, "rank1": 100.0, "rank2": 200.0, "rank10": 1000.0}.get(worker, 500.0) + 1.0 / it


def ratio_of(worker: str, it: int) -> tuple[float, float]:
    """(mean magnitude of the updates, of the parameters) of fc.weight."""
    return 0.001 * (it + len(worker)), 0.5


def write(
    storage: FileStatsStorage,
    worker: str,
    *,
    start_ms: int,
    iterations: range,
    step_ms: int = 1000,
    score: Callable[[str, int], float] = score_of,
) -> None:
    """A worker's StaticInfo (at ``start_ms``) and one report per iteration, ``step_ms`` apart."""
    if storage.get_static_info(SESSION, worker) is None:
        storage.put_static_info(StaticInfo(SESSION, worker, start_ms, session_name="distributed job", model=MODEL))
    for it in iterations:
        updates, params = ratio_of(worker, it)
        storage.put_update(
            StatsReport(
                SESSION,
                worker,
                start_ms + it * step_ms,
                it,
                score=score(worker, it),
                summaries={
                    "parameters": {"fc.weight": Summary(4, mean_magnitude=params), "fc.bias": Summary(2)},
                    "updates": {"fc.weight": Summary(4, mean_magnitude=updates), "fc.bias": Summary(2)},
                },
            )
        )


@contextmanager
def serving(*paths: Path) -> Iterator[UIServer]:
    """A server showing ``paths`` as ``fitscope serve`` does: each file opened read-only, attached in order."""
    with ExitStack() as stack, UIServer(port=0) as ui:
        for path in paths:
            ui.attach(stack.enter_context(FileStatsStorage(path, read_only=True)))
        yield ui


def job_files(folder: Path) -> tuple[Path, Path]:
    """job-0 holds rank0 and rank10; job-1 holds rank1 (a NaN score at 3) and rank2, the latest report."""
    a, b = folder / "job-0.fitscope", folder / "job-1.fitscope"
    with FileStatsStorage(a) as storage:
        write(storage, "rank0", start_ms=T0, iterations=range(1, 7))
        write(storage, "rank10", start_ms=T0 + 50, iterations=range(1, 4))
    with FileStatsStorage(b) as storage:
        write(storage, "rank1", start_ms=T0 - 500, iterations=range(1, 6))
        write(storage, "rank2", start_ms=T0 + 20, iterations=range(1, 5), step_ms=2000)
    return a, b


def test_one_session_lists_the_workers_of_every_file_in_natural_order(tmp_path: Path) -> None:
    a, b = job_files(tmp_path)
    with serving(a, b) as ui:
        (session,) = get(ui, "/api/v1/sessions")["sessions"]
        assert session["session_id"] == SESSION and session["name"] == "distributed job"
        assert session["workers"] == ["rank0", "rank1", "rank2", "rank10"]  # not rank10 before rank2
        assert session["sources"] == [str(a), str(b)]
        assert session["num_reports"] == 6 + 3 + 5 + 4
        assert session["start_ms"] == T0 - 500  # rank1's StaticInfo, in the second file
        assert session["last_update_ms"] == T0 + 20 + 4 * 2000  # rank2's last report, in the second file
        assert session["iteration"] == 6  # rank0's, in the first file
        assert (session["model_type"], session["num_params"], session["error"]) == ("Net", 6, None)


def test_each_worker_is_read_from_its_own_file(tmp_path: Path) -> None:
    a, b = job_files(tmp_path)
    with serving(a, b) as ui:
        steps = {"rank0": 6, "rank1": 5, "rank2": 4, "rank10": 3}
        for worker, n in steps.items():
            overview = get(ui, f"/api/v1/overview?session={SESSION}&worker={worker}")
            assert (overview["session_id"], overview["worker_id"]) == (SESSION, worker)
            assert overview["score"] == {
                "iterations": list(range(1, n + 1)),
                "values": encoded([score_of(worker, it) for it in range(1, n + 1)]),
            }
            assert overview["info"]["num_reports"] == n
            # numpy's log10, as the server's: libm's math.log10 can differ from it in the last bit.
            quotients = np.array([u / p for u, p in (ratio_of(worker, it) for it in range(1, n + 1))])
            ratios = np.log10(quotients).tolist()
            assert overview["ratios"] == {"fc.weight": {"iterations": list(range(1, n + 1)), "values": ratios}}
            for route in ("system", "metrics", "graph"):
                assert get(ui, f"/api/v1/{route}?session={SESSION}&worker={worker}")["worker_id"] == worker
        assert get(ui, f"/api/v1/overview?session={SESSION}")["worker_id"] == "rank0"  # the first, naturally
        layer = get(ui, f"/api/v1/layer?session={SESSION}&worker=rank2&layer=fc")
        assert layer["latest"]["iteration"] == 4
        error = get(ui, f"/api/v1/overview?session={SESSION}&worker=rank3", 404)["error"]
        assert error["code"] == "unknown_worker"
        assert error["message"].endswith("its workers are: rank0, rank1, rank2, rank10.")


def test_a_worker_in_two_files_is_read_and_counted_from_the_first_attached(tmp_path: Path) -> None:
    c, d = tmp_path / "c.fitscope", tmp_path / "d.fitscope"
    with FileStatsStorage(c) as storage:
        write(storage, "rank0", start_ms=T0, iterations=range(1, 4), score=lambda w, it: 1.0 * it)
    with FileStatsStorage(d) as storage:
        write(storage, "rank0", start_ms=T0 - 9000, iterations=range(1, 6), step_ms=5000, score=lambda w, it: -it)
        write(storage, "rank1", start_ms=T0 + 10, iterations=range(1, 3))
    for order, (scores, reports, start, last) in {
        (c, d): ([1.0, 2.0, 3.0], 3 + 2, T0, T0 + 3000),
        (d, c): ([-1, -2, -3, -4, -5], 5 + 2, T0 - 9000, T0 - 9000 + 5 * 5000),
    }.items():
        with serving(*order) as ui:
            (session,) = get(ui, "/api/v1/sessions")["sessions"]
            assert session["workers"] == ["rank0", "rank1"]
            assert session["sources"] == [str(p) for p in order]
            assert (session["num_reports"], session["start_ms"], session["last_update_ms"]) == (reports, start, last)
            overview = get(ui, f"/api/v1/overview?session={SESSION}&worker=rank0")
            assert overview["score"]["values"] == scores
            assert overview["info"]["num_reports"] == len(scores)
            assert get(ui, f"/api/v1/overview?session={SESSION}&worker=rank1")["info"]["num_reports"] == 2


def wait_for(predicate: Callable[[], bool], what: str, timeout_s: float = 15.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_the_views_of_a_worker_in_the_second_file_stay_live(tmp_path: Path) -> None:
    a, b = job_files(tmp_path)
    with serving(a, b) as ui, FileStatsStorage(b) as writer:
        path = f"/api/v1/overview?session={SESSION}&worker=rank1"
        assert get(ui, path)["info"]["iterations"] == 5  # cached now: the next answer must see the new reports
        write(writer, "rank1", start_ms=T0 - 500, iterations=range(6, 9))
        wait_for(lambda: get(ui, path)["info"]["iterations"] == 8, "rank1's new reports")
        assert get(ui, path)["score"]["values"] == encoded([score_of("rank1", it) for it in range(1, 9)])
        write(writer, "rank3", start_ms=T0 + 30, iterations=range(1, 3))  # a worker that starts late
        wait_for(
            lambda: (
                get(ui, "/api/v1/sessions")["sessions"][0]["workers"] == ["rank0", "rank1", "rank2", "rank3", "rank10"]
            ),
            "the late worker in the session's workers",
        )
        (session,) = get(ui, "/api/v1/sessions")["sessions"]
        assert session["num_reports"] == 6 + 3 + 8 + 4 + 2
        overview = get(ui, f"/api/v1/overview?session={SESSION}&worker=rank3")
        assert overview["score"]["values"] == [score_of("rank3", 1), score_of("rank3", 2)]
