"""``fitscope projector``: from a corpus or a vectors file to a stored layout, CSV, TensorBoard files or the UI."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
import urllib.request
from csv import reader
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from fitscope.cli import main
from fitscope.projector import FileEmbeddingStore

from .conftest import LEE


def test_a_corpus_becomes_a_stored_tsne_and_csv_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, csv = tmp_path / "words.fitscope", tmp_path / "map.csv"
    code = main([
        "projector", LEE, "--word2vec", "--vector-size", "20", "--epochs", "3", "--max-iter", "120",
        "--num-words", "300", "--store", str(store), "--csv", str(csv), "--name", "lee", "--session", "run-7",
    ])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert "300 vectors of 20 dimensions" in err and "stored in" in err
    with FileEmbeddingStore(store, read_only=True) as s:
        (info,) = s.list()
        assert info.name == "lee" and info.session_id == "run-7" and info.count == 300
        (layout,) = info.layouts
        coords = s.layout(info.id, layout.id).coordinates
        labels = s.get(info.id).labels
    assert layout.method == "tsne" and layout.params["max_iter"] == 120
    with csv.open(newline="", encoding="utf-8") as f:
        rows = list(reader(f))  # CSV: a label with a quote or a comma is quoted
    assert [r[2] for r in rows] == labels
    assert coords is not None
    np.testing.assert_array_equal(np.array([[float(r[0]), float(r[1])] for r in rows], dtype=np.float32), coords)


def test_tsv_vectors_with_labels_to_pca_and_tensorboard(tmp_path: Path) -> None:
    x = np.arange(40, dtype=np.float32).reshape(10, 4) ** 1.5
    (tmp_path / "t.tsv").write_text("".join("\t".join(str(v) for v in row) + "\n" for row in x))
    (tmp_path / "l.txt").write_text("".join(f"w{i}\n" for i in range(10)))
    code = main(
        [
            "projector",
            str(tmp_path / "t.tsv"),
            "--labels",
            str(tmp_path / "l.txt"),
            "--method",
            "pca",
            "--tensorboard",
            str(tmp_path / "tb"),
            "--csv",
            str(tmp_path / "c.csv"),
            "--quiet",
        ]
    )
    assert code == 0
    assert (tmp_path / "tb" / "projector_config.pbtxt").exists()
    assert (tmp_path / "c.csv").read_text().splitlines()[0].endswith(",w0")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["projector", "x.tsv"], "Say where the result goes"),
        (["projector", "nothere.tsv", "--store", "s.fitscope"], "There is no file nothere.tsv"),
        (["projector", "bad.tsv", "--csv", "c.csv"], r"bad\.tsv, line 2: 1 values, but line 1 has 2"),
        (
            ["projector", "bad.tsv", "--csv", "c.csv", "--method", "pca", "--perplexity", "5"],
            "--perplexity and --max-iter are t-SNE's",
        ),
    ],
)
def test_bad_input_exits_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.tsv").write_text("1\t2\n3\n")
    assert main(argv) == 2
    assert re.search(message, capsys.readouterr().err)


@pytest.mark.slow
def test_serve_shows_the_layout_converging_in_the_ui(tmp_path: Path) -> None:
    x = np.random.default_rng(0).standard_normal((150, 8)).astype(np.float32)
    np.save(tmp_path / "v.npy", x)
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fitscope",
            "projector",
            str(tmp_path / "v.npy"),
            "--serve",
            "--port",
            "0",
            "--max-iter",
            "300",
            "--quiet",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        _check_served(proc)


def _check_served(proc: subprocess.Popen[str]) -> None:
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+)/train/projector\?embedding=(\w+)", line)
        assert found, line + (proc.stderr.read() if proc.stderr else "")
        base, eid = found.groups()
        deadline = time.monotonic() + 120
        while True:
            with urllib.request.urlopen(f"{base}/api/v1/embeddings", timeout=30) as response:
                listed: Any = json.loads(response.read())
            (layout,) = listed["embeddings"][0]["layouts"]
            if layout["status"] == "done":
                break
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert listed["embeddings"][0]["id"] == eid and layout["iteration"] == 300
        with urllib.request.urlopen(f"{base}/train/projector", timeout=30) as response:
            assert 'page="projector"' in response.read().decode()
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
