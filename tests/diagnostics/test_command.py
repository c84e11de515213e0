"""``fitscope diagnose`` on real .fitscope files: exit codes 0/1/2, the text and --json forms, --lang zh,
--session, and every option in the docs."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import torch

from fitscope import FileStatsStorage, StatsListener
from fitscope.cli import build_parser, main

from .conftest import FINDING_KEYS, Diagnosed
from .runs import batches, digits, mlp, naive_bce, reports

ROOT = Path(__file__).resolve().parents[2]


def write_file(path: Path, runs: list[Diagnosed]) -> Path:
    """Writes each run's stored records (static info, then every report) into a FileStatsStorage."""
    storage = FileStatsStorage(path)
    for d in runs:
        source = d.run.storage
        session = source.list_sessions()[0]
        worker = source.list_workers(session)[0]
        info = source.get_static_info(session, worker)
        assert info is not None
        storage.put_static_info(info)
        for report in reports(source):
            storage.put_update(report)
    storage.close()
    return path


def diagnose_cli(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["diagnose", *args])
    out, err = capsys.readouterr()
    return code, out, err


def session_of(d: Diagnosed) -> str:
    return d.run.storage.list_sessions()[0]


def test_a_healthy_run_exits_0_and_a_broken_one_1(
    diagnosed: Callable[[str], Diagnosed], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    healthy, broken = diagnosed("mlp_adam"), diagnosed("lr_too_low")
    path = write_file(tmp_path / "runs.fitscope", [healthy, broken])
    code, out, _ = diagnose_cli(str(path), capsys=capsys)
    assert code == 1
    assert f"session {session_of(healthy)}" in out and f"session {session_of(broken)}" in out
    assert "WARNING ratio_low/ratio_low [0.weight]" in out and "debugging guide" in out
    code, out, _ = diagnose_cli(str(path), "--session", session_of(healthy), capsys=capsys)
    assert code == 0 and session_of(broken) not in out
    assert "WARNING" not in out and "ERROR" not in out


def test_json_has_the_documented_shape(
    diagnosed: Callable[[str], Diagnosed], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    healthy, broken = diagnosed("mlp_sgd_momentum"), diagnosed("nan_loss")
    path = write_file(tmp_path / "runs.fitscope", [healthy, broken])
    code, out, _ = diagnose_cli(str(path), "--json", capsys=capsys)
    assert code == 1
    doc = json.loads(out)
    assert set(doc) == {"sessions"}
    by_session = {s["session_id"]: s for s in doc["sessions"]}
    assert set(by_session) == {session_of(healthy), session_of(broken)}
    for entry in doc["sessions"]:
        assert set(entry) == {"session_id", "worker_id", "findings"}
        assert isinstance(entry["worker_id"], str) and entry["worker_id"]
        for f in entry["findings"]:
            assert set(f) == FINDING_KEYS
            assert isinstance(f["evidence"], dict)
    nan = by_session[session_of(broken)]["findings"]
    score = next(f for f in nan if f["rule"] == "score_nonfinite")
    assert score["severity"] == "error" and score["evidence"]["value"] == "NaN"
    assert score["first_iteration"] == broken.run.onset
    # the file's findings are the in-memory run's
    assert [f["rule"] for f in nan] == [f.rule for f in broken.findings]
    healthy_findings = by_session[session_of(healthy)]["findings"]
    assert all(f["severity"] == "info" for f in healthy_findings)


def test_lang_zh_prints_the_chinese_words(
    diagnosed: Callable[[str], Diagnosed], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_file(tmp_path / "runs.fitscope", [diagnosed("vanishing_stack")])
    code, out, _ = diagnose_cli(str(path), "--lang", "zh", capsys=capsys)
    assert code == 1 and "激活" in out and "调试指南" in out
    code, out, _ = diagnose_cli(str(path), "--lang", "zh", "--json", capsys=capsys)
    findings = json.loads(out)["sessions"][0]["findings"]
    assert code == 1 and all("指南" in f["advice"] for f in findings)


def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    code, out, err = diagnose_cli(str(notes), capsys=capsys)
    assert code == 2 and str(notes) in err and "Traceback" not in err and out == ""
    empty = FileStatsStorage(tmp_path / "empty.fitscope")
    empty.close()
    code, _, err = diagnose_cli(str(tmp_path / "empty.fitscope"), "--session", "nope", capsys=capsys)
    assert code == 2 and "'nope'" in err
    code, out, _ = diagnose_cli(str(tmp_path / "empty.fitscope"), capsys=capsys)
    assert code == 0 and out == ""


def test_the_command_on_a_file_a_listener_wrote(tmp_path: Path) -> None:
    """End to end: a StatsListener writes the file (a loss that turns NaN), `fitscope diagnose` runs as a process."""
    path = tmp_path / "nan.fitscope"
    x, y = digits()
    model = mlp(0, (64, 32, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.25, momentum=0.9)
    listener = StatsListener(FileStatsStorage(path), frequency=10)
    listener.attach(model, optimizer)
    data = batches(x, y, 32, 0)
    for _ in range(150):
        xb, yb = next(data)
        optimizer.zero_grad()
        loss = naive_bce(model(xb), yb)
        loss.backward()
        optimizer.step()
        listener.iteration_done(loss)
    listener.close()
    result = subprocess.run(
        [sys.executable, "-m", "fitscope", "diagnose", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    (entry,) = json.loads(result.stdout)["sessions"]
    assert any(f["rule"] == "score_nonfinite" and f["severity"] == "error" for f in entry["findings"])


def test_every_option_is_in_the_docs() -> None:
    doc = (ROOT / "docs" / "diagnostics.md").read_text()
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    command = sub.choices["diagnose"]  # type: ignore[index]
    assert "fitscope diagnose" in doc
    flags = [flag for action in command._actions for flag in action.option_strings if flag.startswith("--")]
    assert flags and all(flag in doc for flag in flags if flag != "--help"), flags
