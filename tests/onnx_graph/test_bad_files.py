"""Damaged and hostile ONNX files: each gets one clear error naming the file, and nothing else breaks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import onnx
import pytest
from onnx import TensorProto, helper

from fitscope.errors import GraphError
from fitscope.onnx_graph import onnx_view, read_onnx


def _model(
    nodes: list[onnx.NodeProto],
    *,
    inputs: tuple[str, ...] = ("x",),
    outputs: tuple[str, ...] = ("y",),
    initializers: list[onnx.TensorProto] | None = None,
) -> onnx.ModelProto:
    graph = helper.make_graph(
        nodes,
        "g",
        [helper.make_tensor_value_info(i, TensorProto.FLOAT, [2, 3]) for i in inputs],
        [helper.make_tensor_value_info(o, TensorProto.FLOAT, [2, 3]) for o in outputs],
        initializer=initializers or [],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def _good() -> onnx.ModelProto:
    w = helper.make_tensor("fc.weight", TensorProto.FLOAT, [3, 3], [0.5] * 9)
    return _model(
        [
            helper.make_node("MatMul", ["x", "fc.weight"], ["h"], name="/fc/MatMul"),
            helper.make_node("Relu", ["h"], ["y"], name="/act/Relu"),
        ],
        initializers=[w],
    )


def _write(path: Path, model: onnx.ModelProto) -> Path:
    path.write_bytes(model.SerializeToString())
    return path


def _fails(source: object, *words: str, **kwargs: object) -> str:
    with pytest.raises(GraphError) as info:
        read_onnx(source, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message, (word, message)
    return message


def test_a_good_file_reads(tmp_path: Path) -> None:
    graph = read_onnx(_write(tmp_path / "good.onnx", _good()))
    assert [n["op_type"] for n in graph.nodes] == ["MatMul", "Relu"]
    assert graph.data["source"] == "good.onnx"
    assert graph.data["initializers"] == [{"name": "fc.weight", "shape": [3, 3], "dtype": "float32"}]


def test_truncated(tmp_path: Path) -> None:
    data = _good().SerializeToString()
    for cut in (len(data) // 2, len(data) - 3, 7):
        path = tmp_path / f"cut{cut}.onnx"
        path.write_bytes(data[:cut])
        _fails(path, str(path), "not")


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "parse"),
        (b"PK\x03\x04" + bytes(100), "zip"),
        (b"SQLite format 3\x00" + bytes(100), "SQLite"),
        (b"\x80\x04\x95" + bytes(50), "pickle"),
        (b'{"format": "onnx"}', "JSON"),
        (os.urandom(4096), "not"),
    ],
)
def test_wrong_magic(tmp_path: Path, head: bytes, what: str) -> None:
    path = tmp_path / "model.onnx"
    path.write_bytes(head)
    _fails(path, str(path), what)


def test_empty_missing_and_a_folder(tmp_path: Path) -> None:
    (tmp_path / "empty.onnx").write_bytes(b"")
    _fails(tmp_path / "empty.onnx", "empty")
    _fails(tmp_path / "nope.onnx", "no such file")
    _fails(tmp_path, "not a file")


def _external(location: str) -> onnx.ModelProto:
    model = _good()
    w = model.graph.initializer[0]
    w.ClearField("float_data")
    w.data_location = TensorProto.EXTERNAL
    w.external_data.add(key="location", value=location)
    return model


def test_external_data_is_refused_unless_allowed(tmp_path: Path) -> None:
    path = _write(tmp_path / "ext.onnx", _external("weights.bin"))
    _fails(path, "external data", "allow_external_data")
    # Allowed: the graph is read and the weights file is never opened (it does not even exist).
    graph = read_onnx(path, allow_external_data=True)
    assert graph.data["initializers"][0]["shape"] == [3, 3]


@pytest.mark.parametrize("location", ["../../etc/passwd", "/etc/passwd", "sub/../../outside.bin"])
def test_external_data_outside_the_folder_is_refused_even_when_allowed(tmp_path: Path, location: str) -> None:
    path = _write(tmp_path / "ext.onnx", _external(location))
    _fails(path, "outside", repr(location), allow_external_data=True)
    _fails(path.read_bytes(), "outside", allow_external_data=True)


def test_an_external_data_link_leading_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    folder.mkdir()
    (tmp_path / "secret.bin").write_bytes(b"x" * 36)
    (folder / "weights.bin").symlink_to(tmp_path / "secret.bin")
    path = _write(folder / "ext.onnx", _external("weights.bin"))
    _fails(path, "leads outside", allow_external_data=True)


def test_too_many_bytes(tmp_path: Path) -> None:
    path = _write(tmp_path / "good.onnx", _good())
    _fails(path, "more than the 100 accepted", max_bytes=100)
    _fails(path.read_bytes(), "max_bytes", max_bytes=100)


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def test_fifty_megabytes_of_nodes(tmp_path: Path) -> None:
    """A graph of ~1.7 M Identity nodes, written as protobuf bytes directly (field 1 of GraphProto)."""
    node = helper.make_node("Identity", ["x"], ["x"]).SerializeToString()
    entry = b"\x0a" + _varint(len(node)) + node
    count = 50_000_000 // len(entry)
    graph = entry * count
    model = (
        b"\x08\x08"  # ir_version 8
        + b"\x3a"
        + _varint(len(graph))
        + graph  # graph (field 7)
        + b"\x42"
        + _varint(4)
        + b"\x10\x11\x0a\x00"  # opset_import {version: 17, domain: ""}
    )
    path = tmp_path / "huge.onnx"
    path.write_bytes(model)
    assert path.stat().st_size > 49_000_000
    _fails(path, f"{count:,} nodes", "max_nodes")


@pytest.mark.parametrize(
    ("nodes", "words"),
    [
        ([helper.make_node("NoSuchOp", ["x"], ["y"])], ("NoSuchOp",)),
        (
            [
                helper.make_node("Relu", ["b"], ["a"]),
                helper.make_node("Relu", ["a"], ["b"]),
                helper.make_node("Relu", ["a"], ["y"]),
            ],
            ("topologically sorted",),
        ),
        ([helper.make_node("Add", ["x", "ghost"], ["y"])], ("ghost",)),
    ],
    ids=["unknown op", "cycle", "missing input"],
)
def test_invalid_graphs(tmp_path: Path, nodes: list[onnx.NodeProto], words: tuple[str, ...]) -> None:
    path = _write(tmp_path / "bad.onnx", _model(nodes))
    _fails(path, str(path), "not a valid ONNX model", *words)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fitscope", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_the_cli_says_one_line_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"PK\x03\x04" + bytes(64))
    done = _cli("info", str(bad), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "zip archive" in done.stderr
    ext = _write(tmp_path / "ext.onnx", _external("w.bin"))
    assert _cli("info", str(ext), cwd=tmp_path).returncode == 2
    done = _cli("info", str(ext), "--allow-external-data", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "2 nodes, 1 initializers (9 elements)" in done.stdout
    # fitscope serve refuses a bad --graph before serving anything.
    run = tmp_path / "run.fitscope"
    done = _cli("serve", str(run), "--graph", str(bad), "--port", "0", cwd=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and str(bad) in done.stderr


def test_subgraphs_are_nested_groups_under_their_node(tmp_path: Path) -> None:
    """An If with two branches (one reading a value of the outer graph): each branch is a group
    under the If node's module, its nodes in it, and the outer value feeds the inner node."""
    then_graph = helper.make_graph(
        [helper.make_node("Relu", ["h"], ["t"], name="then_relu")],
        "then",
        [],
        [helper.make_tensor_value_info("t", TensorProto.FLOAT, [2, 3])],
    )
    else_graph = helper.make_graph(
        [
            helper.make_node("Neg", ["h"], ["e0"], name="else_neg"),
            helper.make_node("Abs", ["e0"], ["e"], name="else_abs"),
        ],
        "else",
        [],
        [helper.make_tensor_value_info("e", TensorProto.FLOAT, [2, 3])],
    )
    cond = helper.make_tensor("gate.flag", TensorProto.BOOL, [], [True])
    nodes = [
        helper.make_node("Relu", ["x"], ["h"], name="/block/pre/Relu"),
        helper.make_node("If", ["gate.flag"], ["y"], name="/block/If", then_branch=then_graph, else_branch=else_graph),
    ]
    model = _model(nodes, initializers=[cond])
    graph = read_onnx(_write(tmp_path / "if.onnx", model))
    view = onnx_view(graph, None)
    by_name = {n["name"]: n for n in view["nodes"]}
    if_id = by_name["/block/If"]["id"]
    groups = {g["id"]: g for g in view["groups"]}
    assert groups[f"{if_id}/then_branch"]["parent"] == "block"
    assert groups[f"{if_id}/else_branch"]["kind"] == "subgraph"
    assert groups[f"{if_id}/else_branch"]["nodes"] == [by_name["else_neg"]["id"], by_name["else_abs"]["id"]]
    assert groups["block"]["num_nodes"] == 5
    assert by_name["/block/If"]["attributes"]["then_branch"] == {"graph": f"{if_id}/then_branch"}
    edges = {(e["source"], e["target"], e["value"]) for e in view["edges"]}
    pre = by_name["/block/pre/Relu"]["id"]
    assert (pre, by_name["then_relu"]["id"], "h") in edges  # an outer value read inside a branch
    assert (by_name["else_neg"]["id"], by_name["else_abs"]["id"], "e0") in edges
