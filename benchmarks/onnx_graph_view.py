"""Time to draw the model page's ONNX graph, and to open a group in it (not a test).

    .venv/bin/python benchmarks/onnx_graph_view.py [--runs 5] [--keep DIR]

Needs the ``onnx`` extra, Playwright's Python package and Debian's Chromium (``make chromium``),
and the built bundle (``cd frontend && npm run build``).

Two graphs, written with ``onnx.helper`` (no torch), with TorchScript-style node names
(``/layer1/layer1.0/conv1/Conv``) so that fitscope groups them into nested modules:

* ``resnet``: a ResNet-style CNN of bottleneck blocks (stages of 3, 4, 23 and 3 blocks, the
  depths of ResNet-101), each BatchNorm written out as the arithmetic it computes (Constant, Add,
  Sqrt, Sub, Div, Mul, Add), about 970 nodes in 5 levels of modules (``layer3.12.bn2``);
* ``transformer``: a BERT-style encoder of 32 layers (attention with its reshapes and
  transposes, LayerNorm and GELU written out as their arithmetic), about 2,000 nodes.

Channel counts are small (the weights are zeros and only make the file valid); the structure,
node count and module nesting are what the view works on. Each graph is read by ``read_onnx``
and served by a real ``UIServer(graphs={session: graph})`` for a session whose StaticInfo
lists the model's layers (so groups name their layers, as with a recorded run). Headless
Chromium (Debian's) opens ``/train/model?session=...``, each run in a fresh browser context
(empty HTTP cache) against the same warm server, and measures:

* first view: from navigation start to the first frame after the ONNX view's boxes are in the
  page (``data-drawn-ms``), with when the ``/api/v1/graph`` answer had arrived (resource
  timing) and how long dagre took in the worker (``data-layout-ms``). Goal <= 1 s.
* opening a group: a click on the + of a top-level group (``layer3``: 23 blocks;
  ``encoder``: 32 layers), then on a block inside it (``layer3.0`` / ``encoder.layer.0``), each
  from the click to the first frame after the new layout is drawn (``data-view-ms``). Goal
  <= 200 ms.
* everything open (every group opened through the element, all nodes visible: about 1,000 and
  2,000 boxes): the layout's time in the worker, and panning it: frame intervals while the
  drawing is dragged (no layout runs on a pan; one transform changes).

Baseline for the first view: Netron lays the whole graph out on the main thread before it shows
anything, and asks "Large model detected ... might take a long time to render. Do you want to
continue?" for graphs of more than 1,400 to 2,048 nodes (by version); the issue takes 2.5 s, when
Netron warns, as the reference, printed beside the goal.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from playwright.sync_api import Browser, Page, sync_playwright

from fitscope import InMemoryStatsStorage
from fitscope.onnx_graph import OnnxGraph, onnx_view, read_onnx
from fitscope.records import LayerInfo, ModelInfo, StaticInfo
from fitscope.server import UIServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIRST_VIEW_GOAL_MS = 1000.0
OPEN_GOAL_MS = 200.0
NETRON_WARNS_MS = 2500.0
VIEW = "train-model train-layer-graph onnx-graph-view"


# ---------------------------------------------------------------------------------------- graphs


@dataclass
class Builder:
    """Nodes, initializers and the modules (for the session's layers) of a graph being written."""

    nodes: list[onnx.NodeProto] = field(default_factory=list)
    initializers: list[onnx.TensorProto] = field(default_factory=list)
    modules: dict[str, tuple[str, list[tuple[str, tuple[int, ...]]]]] = field(default_factory=dict)
    counter: int = 0
    output: str = ""

    def value(self) -> str:
        self.counter += 1
        return f"v{self.counter}"

    def param(self, module: str, name: str, shape: tuple[int, ...]) -> str:
        full = f"{module}.{name}"
        self.initializers.append(numpy_helper.from_array(np.zeros(shape, dtype=np.float32), full))
        self.modules[module][1].append((full, shape))
        return full

    def module(self, name: str, type_name: str) -> str:
        self.modules.setdefault(name, (type_name, []))
        return name

    def op(self, path: Sequence[str], op_type: str, inputs: Sequence[str], **attrs: Any) -> str:
        """One node named ``/a/a.b/c/Op`` (TorchScript's style), its output's name returned."""
        out = self.value()
        base = "".join(f"/{p}" for p in path) + f"/{op_type}"
        name = base
        taken = {n.name for n in self.nodes[-64:]}
        k = 0
        while name in taken:
            k += 1
            name = f"{base}_{k}"
        self.nodes.append(helper.make_node(op_type, list(inputs), [out], name=name, **attrs))
        return out

    def const(self, path: Sequence[str], value: float | Sequence[int]) -> str:
        if isinstance(value, float):
            tensor = numpy_helper.from_array(np.array(value, dtype=np.float32))
        else:
            tensor = numpy_helper.from_array(np.array(value, dtype=np.int64))
        return self.op(path, "Constant", [], value=tensor)

    def batch_norm(self, path: list[str], module: str, x: str, channels: int) -> str:
        """BatchNorm as its arithmetic: (x - mean) / sqrt(var + eps) * weight + bias."""
        self.module(module, "BatchNorm2d")
        shape = (channels, 1, 1)
        mean = self.param(module, "running_mean", shape)
        var = self.param(module, "running_var", shape)
        weight = self.param(module, "weight", shape)
        bias = self.param(module, "bias", shape)
        eps = self.const(path, 1e-5)
        std = self.op(path, "Sqrt", [self.op(path, "Add", [var, eps])])
        y = self.op(path, "Div", [self.op(path, "Sub", [x, mean]), std])
        return self.op(path, "Add", [self.op(path, "Mul", [y, weight]), bias])

    def layer_norm(self, path: list[str], module: str, x: str, width: int) -> str:
        """LayerNorm as its arithmetic (what TorchScript writes for opsets before 17)."""
        self.module(module, "LayerNorm")
        weight = self.param(module, "weight", (width,))
        bias = self.param(module, "bias", (width,))
        mean = self.op(path, "ReduceMean", [x], axes=[-1])
        d = self.op(path, "Sub", [x, mean])
        var = self.op(path, "ReduceMean", [self.op(path, "Pow", [d, self.const(path, 2.0)])], axes=[-1])
        std = self.op(path, "Sqrt", [self.op(path, "Add", [var, self.const(path, 1e-12)])])
        y = self.op(path, "Div", [d, std])
        return self.op(path, "Add", [self.op(path, "Mul", [y, weight]), bias])

    def linear(self, path: list[str], module: str, x: str, n_in: int, n_out: int) -> str:
        self.module(module, "Linear")
        w = self.param(module, "weight", (n_in, n_out))
        b = self.param(module, "bias", (n_out,))
        return self.op(path, "Add", [self.op(path, "MatMul", [x, w]), b])

    def conv(self, path: list[str], module: str, x: str, c_in: int, c_out: int, k: int, stride: int) -> str:
        self.module(module, "Conv2d")
        w = self.param(module, "weight", (c_out, c_in, k, k))
        pad = k // 2
        return self.op(path, "Conv", [x, w], kernel_shape=[k, k], strides=[stride, stride], pads=[pad] * 4)

    def model(self, name: str, inputs: list[onnx.ValueInfoProto], shape: list[int]) -> onnx.ModelProto:
        graph = helper.make_graph(
            self.nodes,
            name,
            inputs,
            [helper.make_tensor_value_info(self.output, TensorProto.FLOAT, shape)],
            initializer=self.initializers,
        )
        return helper.make_model(
            graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="benchmarks/onnx_graph_view.py"
        )


def resnet(depths: Sequence[int] = (3, 4, 23, 3)) -> Builder:
    """A bottleneck ResNet at ``depths``, channels 8..64 (x4), input 1x3x224x224."""
    g = Builder()
    x = g.conv(["conv1"], "conv1", "input", 3, 16, 7, 2)
    x = g.batch_norm(["bn1"], "bn1", x, 16)
    g.module("relu", "ReLU")
    x = g.op(["relu"], "Relu", [x])
    g.module("maxpool", "MaxPool2d")
    x = g.op(["maxpool"], "MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])
    c_in = 16
    for s, (depth, width) in enumerate(zip(depths, (8, 16, 32, 64), strict=True), start=1):
        stage = g.module(f"layer{s}", "Sequential")
        for b in range(depth):
            block = g.module(f"{stage}.{b}", "Bottleneck")
            p = [stage, block]
            stride = 2 if b == 0 and s > 1 else 1
            c_out = width * 4
            y = g.conv([*p, "conv1"], f"{block}.conv1", x, c_in, width, 1, 1)
            y = g.batch_norm([*p, "bn1"], f"{block}.bn1", y, width)
            g.module(f"{block}.relu", "ReLU")
            y = g.op([*p, "relu"], "Relu", [y])
            y = g.conv([*p, "conv2"], f"{block}.conv2", y, width, width, 3, stride)
            y = g.batch_norm([*p, "bn2"], f"{block}.bn2", y, width)
            y = g.op([*p, "relu_1"], "Relu", [y])
            y = g.conv([*p, "conv3"], f"{block}.conv3", y, width, c_out, 1, 1)
            y = g.batch_norm([*p, "bn3"], f"{block}.bn3", y, c_out)
            skip = x
            if b == 0:
                ds = g.module(f"{block}.downsample", "Sequential")
                skip = g.conv([*p, "downsample", f"{ds}.0"], f"{ds}.0", x, c_in, c_out, 1, stride)
                skip = g.batch_norm([*p, "downsample", f"{ds}.1"], f"{ds}.1", skip, c_out)
            x = g.op([*p, "relu_2"], "Relu", [g.op(p, "Add", [y, skip])])
            c_in = c_out
    g.module("avgpool", "AdaptiveAvgPool2d")
    x = g.op(["avgpool"], "GlobalAveragePool", [x])
    x = g.op([], "Flatten", [x], axis=1)  # torch.flatten: a function, no module
    g.module("fc", "Linear")
    w = g.param("fc", "weight", (10, c_in))
    bias = g.param("fc", "bias", (10,))
    out = g.op(["fc"], "Gemm", [x, w, bias], transB=1)
    g.output = out
    return g


def transformer(layers: int = 32, width: int = 64, heads: int = 4, seq: int = 16) -> Builder:
    """A BERT-style encoder of ``layers`` layers, input ids 1 x ``seq``."""
    g = Builder()
    emb = ["embeddings"]
    g.module("embeddings.word_embeddings", "Embedding")
    words = g.param("embeddings.word_embeddings", "weight", (1000, width))
    g.module("embeddings.position_embeddings", "Embedding")
    positions = g.param("embeddings.position_embeddings", "weight", (seq, width))
    x = g.op([*emb, "word_embeddings"], "Gather", [words, "input_ids"])
    pos_ids = g.const(emb, list(range(seq)))
    x = g.op(emb, "Add", [x, g.op([*emb, "position_embeddings"], "Gather", [positions, pos_ids])])
    x = g.layer_norm([*emb, "LayerNorm"], "embeddings.LayerNorm", x, width)
    head = width // heads
    for i in range(layers):
        layer = f"encoder.layer.{i}"
        g.module(layer, "BertLayer")
        p = ["encoder", f"layer.{i}"]
        att = [*p, "attention", "self"]
        g.module(f"{layer}.attention", "BertAttention")
        g.module(f"{layer}.attention.self", "BertSelfAttention")

        def split(v: str, path: list[str] = att) -> str:
            r = g.op(path, "Reshape", [v, g.const(path, [1, seq, heads, head])])
            return g.op(path, "Transpose", [r], perm=[0, 2, 1, 3])

        q = split(g.linear([*att, "query"], f"{layer}.attention.self.query", x, width, width))
        k = split(g.linear([*att, "key"], f"{layer}.attention.self.key", x, width, width))
        v = split(g.linear([*att, "value"], f"{layer}.attention.self.value", x, width, width))
        kt = g.op(att, "Transpose", [k], perm=[0, 1, 3, 2])
        scores = g.op(att, "Div", [g.op(att, "MatMul", [q, kt]), g.const(att, float(head) ** 0.5)])
        probs = g.op(att, "Softmax", [g.op(att, "Add", [scores, "attention_mask"])], axis=-1)
        ctx = g.op(att, "Transpose", [g.op(att, "MatMul", [probs, v])], perm=[0, 2, 1, 3])
        ctx = g.op(att, "Reshape", [ctx, g.const(att, [1, seq, width])])
        out = [*p, "attention", "output"]
        g.module(f"{layer}.attention.output", "BertSelfOutput")
        y = g.linear([*out, "dense"], f"{layer}.attention.output.dense", ctx, width, width)
        x = g.layer_norm([*out, "LayerNorm"], f"{layer}.attention.output.LayerNorm", g.op(out, "Add", [y, x]), width)
        inter = [*p, "intermediate"]
        g.module(f"{layer}.intermediate", "BertIntermediate")
        h = g.linear([*inter, "dense"], f"{layer}.intermediate.dense", x, width, 4 * width)
        act = [*inter, "intermediate_act_fn"]
        g.module(f"{layer}.intermediate.intermediate_act_fn", "GELUActivation")
        e = g.op(act, "Erf", [g.op(act, "Div", [h, g.const(act, 2.0**0.5)])])
        h = g.op(act, "Mul", [g.op(act, "Mul", [h, g.op(act, "Add", [e, g.const(act, 1.0)])]), g.const(act, 0.5)])
        out = [*p, "output"]
        g.module(f"{layer}.output", "BertOutput")
        y = g.linear([*out, "dense"], f"{layer}.output.dense", h, 4 * width, width)
        x = g.layer_norm([*out, "LayerNorm"], f"{layer}.output.LayerNorm", g.op(out, "Add", [y, x]), width)
    g.module("pooler.dense", "Linear")
    w = g.param("pooler.dense", "weight", (width, width))
    first = g.op(["pooler"], "Gather", [x, g.const(["pooler"], [0])], axis=1)
    g.output = g.op(["pooler", "activation"], "Tanh", [g.op(["pooler", "dense"], "MatMul", [first, w])])
    return g


def write(kind: str, folder: Path) -> tuple[Path, Builder]:
    """Writes graph ``kind`` to ``folder``; returns the file and what was built."""
    if kind == "resnet":
        g = resnet()
        inputs = [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, 224, 224])]
        shape = [1, 10]
    else:
        g = transformer()
        inputs = [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, 16]),
            helper.make_tensor_value_info("attention_mask", TensorProto.FLOAT, [1, 1, 1, 16]),
        ]
        shape = [1, 1, 64]
    model = g.model(kind, inputs, shape)
    onnx.checker.check_model(model)
    path = folder / f"{kind}.onnx"
    onnx.save(model, str(path))
    return path, g


def static_info(session: str, g: Builder) -> StaticInfo:
    """A StaticInfo listing the graph's modules as the session's layers, with their parameters."""
    layers = []
    names: list[str] = []
    shapes: dict[str, tuple[int, ...]] = {}
    for name, (type_name, params) in g.modules.items():
        if type_name in ("Sequential", "Bottleneck") or type_name.startswith("Bert"):
            continue  # containers, not layers
        own = [p for p, s in params if not p.endswith(("running_mean", "running_var"))]
        names += own
        shapes.update({p: s for p, s in params if p in own})
        layers.append(LayerInfo(name, type_name, sum(int(np.prod(shapes[p])) for p in own), tuple(own)))
    model = ModelInfo(
        "Bench",
        num_layers=len(layers),
        num_params=sum(int(np.prod(s)) for s in shapes.values()),
        param_names=tuple(names),
        param_shapes=shapes,
        layers=tuple(layers),
    )
    return StaticInfo(session, "w0", int(time.time() * 1000), model=model)


# ---------------------------------------------------------------------------------------- the page

WAIT_JS = """([selector, attr, before, timeoutMs]) => new Promise((resolve) => {
  const find = (root) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { const deep = find(el.shadowRoot); if (deep) return deep; }
    }
    return null;
  };
  const start = performance.now();
  const check = () => {
    const el = find(document);
    const value = el ? el.getAttribute(attr) : null;
    if (el && el.dataset.state === 'ready' && value !== null && value !== before) resolve(value);
    else if (performance.now() - start > timeoutMs) resolve(null);
    else requestAnimationFrame(check);
  };
  check();
})"""

FIND_VIEW_JS = """() => {
  const find = (root) => {
    const hit = root.querySelector('onnx-graph-view');
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { const deep = find(el.shadowRoot); if (deep) return deep; }
    }
    return null;
  };
  window.__view = find(document);
  return window.__view !== null;
}"""

# Opens every group through the element's own state (the view has no "open all" control).
OPEN_ALL_JS = """() => {
  const v = window.__view;
  v.expanded = new Set(v.view.groups.map((g) => g.id));
  v.actionAt = performance.now();
  v.relayout();
}"""

PAN_JS = """(steps) => new Promise((resolve) => {
  const v = window.__view;
  const el = v.renderRoot.querySelector('.viewport');
  const r = el.getBoundingClientRect();
  const x0 = r.left + r.width / 2, y0 = r.top + r.height / 2;
  const opts = (x, y) => ({ bubbles: true, composed: true, pointerId: 7, button: 0, clientX: x, clientY: y });
  el.dispatchEvent(new PointerEvent('pointerdown', opts(x0, y0)));
  const frames = [];
  let i = 0;
  const step = (t) => {
    frames.push(t);
    if (i++ >= steps) {
      el.dispatchEvent(new PointerEvent('pointerup', opts(x0, y0)));
      const gaps = frames.slice(1).map((f, k) => f - frames[k]);
      resolve(gaps);
      return;
    }
    el.dispatchEvent(new PointerEvent('pointermove', opts(x0 + 6 * i, y0 + 4 * i)));
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})"""


def wait_attr(page: Page, attr: str, before: str | None, timeout_ms: int = 60_000) -> str:
    """Waits until the view is ready with ``attr`` set to something other than ``before``."""
    value = page.evaluate(WAIT_JS, ["onnx-graph-view", attr, before, timeout_ms])
    if value is None:
        raise SystemExit(f"the ONNX view did not set {attr} within {timeout_ms} ms")
    return str(value)


def click_toggle(page: Page, group: str) -> tuple[float, float]:
    """Clicks ``group``'s +; returns ms from the click to the new layout's first frame, and dagre's ms."""
    view = page.locator(VIEW)
    before = view.get_attribute("data-layouts")
    # dispatched, not a positioned click: the group may lie outside the first view
    page.locator(f'{VIEW} g[data-key="g:{group}"] .toggle-hit').dispatch_event("click")
    wait_attr(page, "data-layouts", before)
    return float(view.get_attribute("data-view-ms") or "nan"), float(view.get_attribute("data-layout-ms") or "nan")


@dataclass
class Figures:
    nodes: int = 0
    groups: int = 0
    answer_kib: float = 0.0
    first_view: list[float] = field(default_factory=list)
    answer_at: list[float] = field(default_factory=list)
    first_layout: list[float] = field(default_factory=list)
    open_top: list[float] = field(default_factory=list)
    open_inner: list[float] = field(default_factory=list)
    open_top_layout: list[float] = field(default_factory=list)
    open_inner_layout: list[float] = field(default_factory=list)
    all_boxes: int = 0
    all_layout_ms: float = 0.0
    all_view_ms: float = 0.0
    pan_gaps: list[float] = field(default_factory=list)


def one_run(browser: Browser, url: str, top: str, inner: str, figures: Figures, last: bool) -> None:
    """One cold page load in a fresh context, opening two groups (and, last, everything)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        drawn = float(wait_attr(page, "data-drawn-ms", None))
        view = page.locator(VIEW)
        figures.first_view.append(drawn)
        figures.first_layout.append(float(view.get_attribute("data-layout-ms") or "nan"))
        timing = page.evaluate(
            "() => performance.getEntriesByType('resource')"
            ".filter((e) => e.name.includes('/api/v1/graph'))"
            ".map((e) => [e.responseEnd, e.encodedBodySize, e.decodedBodySize])"
        )
        if timing:
            figures.answer_at.append(float(timing[0][0]))
            figures.answer_kib = float(timing[0][2]) / 1024
        for values, layouts, group in (
            (figures.open_top, figures.open_top_layout, top),
            (figures.open_inner, figures.open_inner_layout, inner),
        ):
            drawn_ms, layout_ms = click_toggle(page, group)
            values.append(drawn_ms)
            layouts.append(layout_ms)
        if last:
            assert page.evaluate(FIND_VIEW_JS), "no onnx-graph-view on the page"
            before = view.get_attribute("data-layouts")
            page.evaluate(OPEN_ALL_JS)
            wait_attr(page, "data-layouts", before, timeout_ms=120_000)
            figures.all_view_ms = float(view.get_attribute("data-view-ms") or "nan")
            figures.all_layout_ms = float(view.get_attribute("data-layout-ms") or "nan")
            figures.all_boxes = int(view.get_attribute("data-boxes") or "0")
            figures.pan_gaps = list(page.evaluate(PAN_JS, 120))
    finally:
        context.close()


@contextmanager
def served(session: str, path: Path, g: Builder) -> Iterator[tuple[UIServer, OnnxGraph]]:
    """A UIServer showing a session with the graph's layers, given the graph."""
    graph = read_onnx(path)
    storage = InMemoryStatsStorage()
    storage.put_static_info(static_info(session, g))
    with UIServer(port=0, graphs={session: graph}) as ui:
        ui.attach(storage)
        yield ui, graph


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = q * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def report(kind: str, f: Figures, top: str, inner: str, runs: int) -> None:
    first = median(f.first_view)
    print(f"{kind}: {f.nodes:,} nodes, {f.groups:,} groups, graph answer {f.answer_kib:,.0f} KiB")
    print(
        f"  first view (navigation -> boxes drawn), median of {runs}: {first:.0f} ms "
        f"[{min(f.first_view):.0f}..{max(f.first_view):.0f}]; goal {FIRST_VIEW_GOAL_MS:.0f} ms: "
        f"{first / FIRST_VIEW_GOAL_MS:.2f}x; Netron's {NETRON_WARNS_MS:.0f} ms: {first / NETRON_WARNS_MS:.2f}x"
    )
    if f.answer_at:
        at = median(f.answer_at)
        print(
            f"    graph answer received at {at:.0f} ms; answer -> drawn {first - at:.0f} ms "
            f"(dagre in the worker: {median(f.first_layout):.0f} ms)"
        )
    for label, values, layouts in (
        (f"open {top}", f.open_top, f.open_top_layout),
        (f"open {inner}", f.open_inner, f.open_inner_layout),
    ):
        m = median(values)
        print(
            f"  {label} (click -> drawn), median of {runs}: {m:.0f} ms [{min(values):.0f}..{max(values):.0f}] "
            f"(dagre {median(layouts):.0f} ms); goal {OPEN_GOAL_MS:.0f} ms: {m / OPEN_GOAL_MS:.2f}x"
        )
    if f.pan_gaps:
        print(
            f"  everything open ({f.all_boxes:,} boxes): drawn {f.all_view_ms:.0f} ms after the request "
            f"(dagre in the worker: {f.all_layout_ms:.0f} ms); panning it: frame interval "
            f"median {median(f.pan_gaps):.1f} ms, p95 {quantile(f.pan_gaps, 0.95):.1f} ms, "
            f"max {max(f.pan_gaps):.1f} ms over {len(f.pan_gaps)} frames"
        )


CASES = {
    "resnet": ("layer3", "layer3.0"),
    "transformer": ("encoder", "encoder.layer.0"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold page loads per graph (default 5)")
    parser.add_argument("--keep", type=Path, default=None, help="write the .onnx files here and keep them")
    parser.add_argument("--only", choices=sorted(CASES), default=None, help="one graph only")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fitscope-onnx-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for kind, (top, inner) in CASES.items():
            if args.only is not None and kind != args.only:
                continue
            path, g = write(kind, folder)
            with served(kind, path, g) as (ui, graph):
                figures = Figures(nodes=len(graph.data["nodes"]))
                url = f"{ui.url}/train/model?session={kind}"
                for i in range(args.runs):
                    one_run(browser, url, top, inner, figures, last=i == args.runs - 1)
                figures.groups = len(onnx_view(graph, static_info(kind, g).model)["groups"])
                report(kind, figures, top, inner, args.runs)
        browser.close()


if __name__ == "__main__":
    main()
