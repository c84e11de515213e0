"""Findings kept in the fitscope file by the storage that writes it, against a fresh diagnosis."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from fitscope.diagnostics import Diagnoser, DiagnosticsConfig, Finding, diagnose, diagnose_stream
from fitscope.errors import CorruptFileError
from fitscope.records import StatsReport
from fitscope.storage import FileStatsStorage, InMemoryStatsStorage
from fitscope.storage._sqlite_findings import rules_text

from .conftest import Diagnosed
from .runs import reports


def _copy(source: InMemoryStatsStorage, path: Path, chunks: list[slice] | None = None, **kw: object) -> None:
    """Writes ``source``'s run into ``path`` a report at a time, reopening the file for each chunk."""
    session = source.list_sessions()[0]
    worker = source.list_workers(session)[0]
    info = source.get_static_info(session, worker)
    all_reports = reports(source)
    for part in chunks or [slice(None)]:
        with FileStatsStorage(path, **kw) as file:  # type: ignore[arg-type]
            if info is not None and part.start in (None, 0):
                file.put_static_info(info)
            for r in all_reports[part]:
                file.put_update(r)


def _fresh(storage: FileStatsStorage, session: str, worker: str) -> list[Finding]:
    """A diagnosis of every stored report, not reading the stored findings."""
    diagnoser = Diagnoser(static_info=storage.get_static_info(session, worker))
    for report in storage.iter_updates(session, worker):
        diagnoser.observe(report)
    return diagnoser.findings


def _stored(path: Path) -> tuple[list[dict[str, object]], int, str, list[dict[str, object]]]:
    with FileStatsStorage(path, read_only=True) as file:
        session = file.list_sessions()[0]
        worker = file.list_workers(session)[0]
        got = file.stored_findings(session, worker)
        assert got is not None
        fresh = _fresh(file, session, worker)
    return [f.to_json() for f in got.findings], got.through, got.rules, [f.to_json() for f in fresh]


@pytest.mark.parametrize("name", ["lr_too_high", "nan_loss", "mlp_adam"])
def test_a_writer_keeps_the_findings_of_what_it_stores(
    diagnosed: Callable[[str], Diagnosed], tmp_path: Path, name: str
) -> None:
    d = diagnosed(name)
    path = tmp_path / "run.fitscope"
    _copy(d.run.storage, path)
    stored, through, rules, fresh = _stored(path)
    assert stored == fresh == [f.to_json() for f in d.findings]
    assert through == reports(d.run.storage)[-1].iteration
    assert rules == rules_text(DiagnosticsConfig())
    if name != "mlp_adam":
        assert stored, "a broken run has findings"


def test_a_writer_that_appends_to_a_run_diagnoses_it_again_and_catches_up(
    diagnosed: Callable[[str], Diagnosed], tmp_path: Path
) -> None:
    d = diagnosed("lr_too_high")
    n = len(reports(d.run.storage))
    path = tmp_path / "run.fitscope"
    # Three writers in turn (a resumed run): each later one rebuilds in the background.
    _copy(d.run.storage, path, [slice(0, n // 3), slice(n // 3, 2 * n // 3), slice(2 * n // 3, None)])
    stored, through, _, fresh = _stored(path)
    assert stored == fresh == [f.to_json() for f in d.findings]
    assert through == reports(d.run.storage)[-1].iteration


def test_a_replaced_earlier_report_is_diagnosed_again(diagnosed: Callable[[str], Diagnosed], tmp_path: Path) -> None:
    d = diagnosed("nan_loss")
    path = tmp_path / "run.fitscope"
    _copy(d.run.storage, path)
    healthy = reports(diagnosed("mlp_adam").run.storage)
    rs = reports(d.run.storage)
    with FileStatsStorage(path) as file:
        file.put_update(rs[-1])  # a new writer on the run: its first report starts a rebuild
        assert file._findings is not None and file._findings.wait_idle(30)
        # An idempotent resend of the whole run is stored as it was: nothing to diagnose again.
        file.put_batch(rs)
        assert file._findings._stale == set() and file._findings._thread is None
        # An earlier report replaced by another is diagnosed again.
        replaced = dataclasses.replace(healthy[1], session_id=rs[1].session_id, worker_id=rs[1].worker_id)
        file.put_update(dataclasses.replace(replaced, iteration=rs[1].iteration))
    stored, through, _, fresh = _stored(path)
    assert stored == fresh
    assert through == rs[-1].iteration


def test_without_diagnostics_nothing_is_stored_and_diagnose_still_answers(
    diagnosed: Callable[[str], Diagnosed], tmp_path: Path
) -> None:
    d = diagnosed("nan_loss")
    path = tmp_path / "run.fitscope"
    _copy(d.run.storage, path, diagnostics=False)
    with FileStatsStorage(path, read_only=True) as file:
        session = file.list_sessions()[0]
        assert file.stored_findings(session, file.list_workers(session)[0]) is None
        assert [f.to_json() for f in diagnose(file)] == [f.to_json() for f in d.findings]


def test_findings_of_other_thresholds_are_stored_with_them(
    diagnosed: Callable[[str], Diagnosed], tmp_path: Path
) -> None:
    d = diagnosed("lr_too_high")
    config = DiagnosticsConfig(warmup_iterations=0, persistence=1)
    path = tmp_path / "run.fitscope"
    _copy(d.run.storage, path, diagnostics=config)
    with FileStatsStorage(path, read_only=True) as file:
        session = file.list_sessions()[0]
        worker = file.list_workers(session)[0]
        got = file.stored_findings(session, worker)
        assert got is not None and got.rules == rules_text(config) != rules_text(DiagnosticsConfig())
        assert [f.to_json() for f in got.findings] == [f.to_json() for f in diagnose(file, config=config)]


def test_a_damaged_stored_finding_is_reported_naming_the_file(
    diagnosed: Callable[[str], Diagnosed], tmp_path: Path
) -> None:
    path = tmp_path / "run.fitscope"
    _copy(diagnosed("nan_loss").run.storage, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE findings SET json = '{\"rule\": 3}'")
    conn.commit()
    conn.close()
    with FileStatsStorage(path, read_only=True) as file:
        session = file.list_sessions()[0]
        with pytest.raises(CorruptFileError, match=r"run\.fitscope is damaged"):
            file.stored_findings(session, file.list_workers(session)[0])


def test_reports_out_of_order_leave_the_findings_of_the_run_in_order(
    diagnosed: Callable[[str], Diagnosed], tmp_path: Path
) -> None:
    d = diagnosed("lr_too_high")
    rs: list[StatsReport] = reports(d.run.storage)
    path = tmp_path / "run.fitscope"
    with FileStatsStorage(path) as file:
        info = d.run.storage.get_static_info(rs[0].session_id, rs[0].worker_id)
        assert info is not None
        file.put_static_info(info)
        for r in rs[::2] + rs[1::2]:  # every other report first, then the rest
            file.put_update(r)
    stored, through, _, fresh = _stored(path)
    assert stored == fresh == [f.to_json() for f in d.findings]
    assert through == rs[-1].iteration


def test_diagnose_answers_from_current_stored_findings_and_diagnoses_otherwise(
    diagnosed: Callable[[str], Diagnosed], tmp_path: Path
) -> None:
    d = diagnosed("nan_loss")
    path = tmp_path / "run.fitscope"
    _copy(d.run.storage, path)
    want = [f.to_json() for f in d.findings]
    conn = sqlite3.connect(path)
    conn.execute("UPDATE findings SET json = json_set(json, '$.message', 'as stored')")
    conn.commit()
    with FileStatsStorage(path, read_only=True) as file:
        session = file.list_sessions()[0]
        worker = file.list_workers(session)[0]
        assert {f.message for f in diagnose_stream(file, session, worker)} == {"as stored"}
        # Other thresholds: the run is diagnosed again.
        other = DiagnosticsConfig(persistence=4)
        assert {f.message for f in diagnose_stream(file, session, worker, other)} != {"as stored"}
    # Stored findings behind the last report (a writer stopped before its rebuild ended): diagnosed.
    conn.execute("UPDATE diagnosed SET through = through - 10")
    conn.commit()
    conn.close()
    with FileStatsStorage(path, read_only=True) as file:
        assert [f.to_json() for f in diagnose(file)] == want
