"""Embeddings exported for TensorBoard's projector, read back by a real TensorBoard server."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import numpy as np
import pytest
from google.protobuf import text_format
from tensorboard.plugins.projector.projector_config_pb2 import ProjectorConfig

from fitscope.errors import ExportError
from fitscope.projector import InMemoryEmbeddingStore, export_tensorboard

from .test_tensorboard import get_json, tensorboard_server


def _data() -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(4)
    x = rng.standard_normal((25, 6)).astype(np.float32)
    x[3, 2] = np.nan
    labels = [f"word\t{i}" if i == 1 else f"word {i}" for i in range(25)]
    return x, labels


@pytest.mark.slow
def test_a_real_tensorboard_lists_the_tensor_and_serves_its_rows_and_metadata(tmp_path: Path) -> None:
    x, labels = _data()
    store = InMemoryEmbeddingStore()
    added = store.add(x, labels, metadata={"group": ["ab"[i % 2] for i in range(25)]})
    export_tensorboard(added, tmp_path / "logs", name="words")
    export_tensorboard(x[:, :3], tmp_path / "logs", labels=labels, name="small")  # a second tensor, same folder
    with tensorboard_server(str(tmp_path / "logs"), "false", tmp_path / "tb.log") as base:
        route = "/data/plugin/projector"
        assert get_json(base, f"{route}/runs") == ["."]
        info = get_json(base, f"{route}/info", run=".")
        tensors = {e["tensorName"]: e for e in info["embeddings"]}
        assert set(tensors) == {"words", "small"} and tensors["words"]["tensorShape"] == [25, 6]
        with urllib.request.urlopen(f"{base.rstrip('/')}{route}/tensor?run=.&name=words", timeout=30) as response:
            served = np.frombuffer(response.read(), dtype=np.float32).reshape(25, 6)
        np.testing.assert_array_equal(served, x)  # the NaN row too
        with urllib.request.urlopen(f"{base.rstrip('/')}{route}/metadata?run=.&name=words", timeout=30) as response:
            rows = response.read().decode().splitlines()
        assert (
            rows[0] == "label\tgroup" and rows[1] == "word 0\ta" and rows[2] == "word 1\tb"
        )  # a tab in a label is a space
        assert len(rows) == 26


def test_the_config_is_merged_and_bad_input_is_refused(tmp_path: Path) -> None:
    x, labels = _data()
    with pytest.warns(UserWarning, match="1 rows with NaN or Inf were left out"):
        path = export_tensorboard(x, tmp_path, labels=labels, drop_nonfinite=True)
    config = text_format.Parse(path.read_text(), ProjectorConfig())
    assert [(e.tensor_name, list(e.tensor_shape)) for e in config.embeddings] == [("embedding", [24, 6])]
    assert (tmp_path / "embedding.metadata.tsv").read_text().splitlines()[3] == "word 4"
    export_tensorboard(x, tmp_path, labels=labels)  # the same name again: replaced, not repeated
    config = text_format.Parse(path.read_text(), ProjectorConfig())
    assert [(e.tensor_name, list(e.tensor_shape)) for e in config.embeddings] == [("embedding", [25, 6])]
    with pytest.raises(ExportError, match=r"tensor name '\.\./x'"):
        export_tensorboard(x, tmp_path, labels=labels, name="../x")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "projector_config.pbtxt").write_text("this is { not a config")
    with pytest.raises(ExportError, match="is not a projector config"):
        export_tensorboard(x, tmp_path / "bad", labels=labels)
