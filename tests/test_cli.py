"""The fitscope command, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def fitscope(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fitscope", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


@pytest.mark.slow
def test_demo_writes_a_file_that_info_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "runs" / "demo.fitscope"
    result = fitscope("demo", "--out", str(out), "--epochs", "2", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "digits-mlp" in result.stdout and "digits-cnn" in result.stdout
    info = fitscope("info", str(out), "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    names = sorted(s["session_name"] for s in data["sessions"])
    assert names == ["digits-cnn", "digits-mlp"]
    for s in data["sessions"]:
        (worker,) = s["workers"]
        # 1437 training images / 32 per batch = 45 steps per epoch, 2 epochs
        assert worker["last_iteration"] == 90 and worker["reports"] == 9 and worker["epochs"] == 2
        assert isinstance(worker["last_score"], float)
    text = fitscope("info", str(out))
    assert text.returncode == 0 and "digits-cnn" in text.stdout and "last score" in text.stdout


def test_info_on_bad_input_exits_2_and_leaves_the_file_alone(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello, this is not a database\n")
    before = bad.read_bytes()
    result = fitscope("info", str(bad))
    assert result.returncode == 2
    assert str(bad) in result.stderr and "Traceback" not in result.stderr
    assert bad.read_bytes() == before
    missing = fitscope("info", str(tmp_path / "nope.fitscope"))
    assert missing.returncode == 2 and "nope.fitscope" in missing.stderr
    assert not (tmp_path / "nope.fitscope").exists()


def test_bad_arguments_exit_2() -> None:
    assert fitscope("demo", "--model", "resnet").returncode == 2
    assert fitscope().returncode == 2


def test_version() -> None:
    result = fitscope("--version")
    assert result.returncode == 0 and result.stdout.startswith("fitscope ")
