"""Optimizer wrappers looked through and sharded parameters refused (fitscope/torch_wrappers.py).

Everything here uses the real components: torch optimizers, Accelerate's ``Accelerator``,
Lightning's and Fabric's optimizer wrappers, ``ZeroRedundancyOptimizer`` and DTensors on a real
gloo process group. DeepSpeed is not installed here: its parameters are recognised by the
attributes ZeRO-3 sets on them, which is what the tests set.
"""

from __future__ import annotations

import copy
import json
import math
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
import torch.distributed as dist
from numpy_stats import assert_summary

from fitscope import FileStatsStorage, InMemoryStatsStorage, StatsListener
from fitscope.errors import ListenerError
from fitscope.torch_wrappers import check_unsharded, unwrap_optimizer

needs_distributed = pytest.mark.skipif(not dist.is_available(), reason="torch.distributed is not available")
# Importing torch.distributed.optim scripts its functional optimizers with the deprecated torch.jit.
zero_import = pytest.mark.filterwarnings(
    "ignore:`torch.jit.script` is deprecated:DeprecationWarning",
    "ignore:`torch.jit.interface` is deprecated:DeprecationWarning",
)


def tiny_model(seed: int = 0) -> torch.nn.Sequential:
    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2)).double()


def batches(n: int, seed: int = 1) -> list[tuple[torch.Tensor, torch.Tensor]]:
    gen = torch.Generator().manual_seed(seed)
    return [(torch.randn(5, 3, generator=gen).double(), torch.randn(5, 2, generator=gen).double()) for _ in range(n)]


def loss_of(model: torch.nn.Module, batch: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
    x, y = batch
    return torch.nn.functional.mse_loss(model(x), y)


def snapshot(model: torch.nn.Module, what: str = "data") -> dict[str, np.ndarray]:
    """Copies of the parameters (or their gradients) made by the test, as numpy arrays."""
    out = {}
    for n, p in model.named_parameters():
        t = p.grad if what == "grad" else p
        assert t is not None, n
        out[n] = t.detach().numpy().copy()
    return out


@pytest.fixture
def gloo_group(tmp_path: Path) -> Iterator[None]:
    """A real gloo process group of world size 1, destroyed afterwards."""
    if not dist.is_available():
        pytest.skip("torch.distributed is not available")
    dist.init_process_group("gloo", init_method=f"file://{tmp_path / 'rendezvous'}", rank=0, world_size=1)
    try:
        yield
    finally:
        dist.destroy_process_group()


@pytest.fixture
def accelerate_state() -> Iterator[None]:
    """Accelerate keeps its state in process-wide singletons: reset them as its own tests do."""
    from accelerate.state import AcceleratorState, GradientState

    AcceleratorState._reset_state(True)
    GradientState._reset_state()
    try:
        yield
    finally:
        AcceleratorState._reset_state(True)
        GradientState._reset_state()


# ---------------------------------------------------------------------- unwrap_optimizer


def test_none_and_plain_optimizers_pass_through() -> None:
    model = tiny_model()
    assert unwrap_optimizer(None) is None
    for opt in (torch.optim.SGD(model.parameters(), lr=0.1), torch.optim.LBFGS(model.parameters())):
        assert unwrap_optimizer(opt) is opt


def test_lightning_optimizer_is_looked_through() -> None:
    from lightning.pytorch.core.optimizer import LightningOptimizer

    opt = torch.optim.Adam(tiny_model().parameters())
    wrapped = LightningOptimizer(opt)
    assert isinstance(wrapped, torch.optim.Adam)  # it poses as the class it wraps
    assert unwrap_optimizer(wrapped) is opt


def test_fabric_optimizer_steps_fire_the_inner_hooks() -> None:
    from lightning.fabric import Fabric

    fabric = Fabric(accelerator="cpu", devices=1)
    model = tiny_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    fabric_model, fabric_opt = fabric.setup(model, opt)
    inner = unwrap_optimizer(fabric_opt)
    assert inner is opt
    seen: list[dict[str, np.ndarray]] = []
    inner.register_step_pre_hook(lambda *_: seen.append(snapshot(model, "grad")))
    fabric.backward(loss_of(fabric_model, batches(1)[0]))
    want = snapshot(model, "grad")
    fabric_opt.step()
    assert len(seen) == 1
    for name, g in want.items():
        np.testing.assert_array_equal(seen[0][name], g)


def test_attach_looks_through_fabrics_module_and_optimizer() -> None:
    """Names as the original model has them (no ``_forward_module.``), the step's own gradients."""
    from lightning.fabric import Fabric

    fabric = Fabric(accelerator="cpu", devices=1)
    model = tiny_model()
    fabric_model, fabric_opt = fabric.setup(model, torch.optim.SGD(model.parameters(), lr=0.1))
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, max_overhead=None, close_sinks=False).attach(
        fabric_model, fabric_opt
    )
    loss = loss_of(fabric_model, batches(1)[0])
    fabric.backward(loss)
    grads = snapshot(model, "grad")
    fabric_opt.step()
    listener.iteration_done(loss)
    listener.close()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None
    assert sorted(report.summaries["gradients"]) == sorted(n for n, _ in model.named_parameters())
    for name, g in grads.items():
        assert_summary(report.summaries["gradients"][name], g)


def test_accelerated_optimizer_hooks_fire_on_real_steps_only(accelerate_state: None) -> None:
    from accelerate import Accelerator

    accelerator = Accelerator(cpu=True, gradient_accumulation_steps=2)
    model = tiny_model()
    reference = copy.deepcopy(model)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    model, acc_opt = accelerator.prepare(model, opt)
    inner = unwrap_optimizer(acc_opt)
    assert inner is opt
    captured: list[dict[str, np.ndarray]] = []
    inner.register_step_pre_hook(lambda *_: captured.append(snapshot(model, "grad")))
    for batch in batches(4):
        with accelerator.accumulate(model):
            accelerator.backward(loss_of(model, batch))
            acc_opt.step()  # a no-op on the micro-step that accumulation skips
            acc_opt.zero_grad()
    assert len(captured) == 2  # 4 micro-batches, 2 real steps

    # The gradient the first real step consumed: the mean over its two micro-batches, by hand.
    for batch in batches(2):
        (loss_of(reference, batch) / 2).backward()
    for name, g in snapshot(reference, "grad").items():
        np.testing.assert_allclose(captured[0][name], g, rtol=1e-12)


def test_accelerated_optimizer_end_to_end_with_accumulation(accelerate_state: None) -> None:
    """attach(model, AcceleratedOptimizer): the stored step is the real step, not a micro-step."""
    from accelerate import Accelerator

    accelerator = Accelerator(cpu=True, gradient_accumulation_steps=2)
    model = tiny_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    model, acc_opt = accelerator.prepare(model, opt)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=2, max_overhead=None, close_sinks=False)
    listener.attach(model, acc_opt)
    grads = before = after = None
    for i, batch in enumerate(batches(4)):
        with accelerator.accumulate(model):
            loss = loss_of(model, batch)
            accelerator.backward(loss)
            if i == 3:  # the second real step: the one reported (the first one set the momentum)
                assert accelerator.sync_gradients
                grads, before = snapshot(model, "grad"), snapshot(model)
            acc_opt.step()
            if i == 3:
                after = snapshot(model)
            acc_opt.zero_grad()
            if accelerator.sync_gradients:
                listener.iteration_done(loss)
    listener.close()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert grads is not None and before is not None and after is not None
    assert report is not None and report.iteration == 2
    for name in grads:
        assert_summary(report.summaries["gradients"][name], grads[name])
        assert_summary(report.summaries["updates"][name], after[name] - before[name])
        assert_summary(report.summaries["parameters"][name], after[name])
    assert report.learning_rates == {n: 0.1 for n in grads}


def test_accelerated_optimizer_with_a_grad_scaler(accelerate_state: None) -> None:
    """The scaler's step goes through Accelerate's patched step: unscaled gradients; a skipped step is seen."""
    from accelerate import Accelerator
    from accelerate.optimizer import AcceleratedOptimizer

    Accelerator(cpu=True)  # on CPU Accelerate makes no scaler itself: wrap the optimizer as it does on GPUs
    model = tiny_model()
    reference = copy.deepcopy(model)
    scaler = torch.amp.GradScaler("cpu", init_scale=1024.0)
    acc_opt = AcceleratedOptimizer(torch.optim.SGD(model.parameters(), lr=0.1), device_placement=False, scaler=scaler)
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, max_overhead=None, close_sinks=False)
    listener.attach(model, acc_opt)
    batch = batches(1)[0]
    scaler.scale(loss_of(model, batch)).backward()
    before = snapshot(model)
    acc_opt.step()
    listener.iteration_done()
    assert not acc_opt.step_was_skipped
    loss_of(reference, batch).backward()
    acc_opt.zero_grad()
    scaler.scale(loss_of(model, (torch.full_like(batch[0], math.inf), batch[1]))).backward()
    skipped_at = snapshot(model)
    acc_opt.step()
    listener.iteration_done()
    listener.close()
    assert acc_opt.step_was_skipped
    reports = list(storage.iter_updates(listener.session_id, listener.worker_id))
    assert [r.iteration for r in reports] == [1, 2]
    first = reports[0]
    for name, g in snapshot(reference, "grad").items():
        assert_summary(first.summaries["gradients"][name], g)  # unscaled: the power-of-two scale is exact
        assert_summary(first.summaries["updates"][name], skipped_at[name] - before[name])
    assert "updates" not in reports[1].summaries  # the scaler skipped that step: nothing was applied


@zero_import
def test_nested_wrappers_are_looked_through(accelerate_state: None, gloo_group: None) -> None:
    from accelerate import Accelerator
    from accelerate.optimizer import AcceleratedOptimizer
    from lightning.pytorch.core.optimizer import LightningOptimizer
    from torch.distributed.optim import ZeroRedundancyOptimizer

    model = tiny_model()
    sgd = torch.optim.SGD(model.parameters(), lr=0.1)
    accelerator = Accelerator(cpu=True)
    acc_opt = accelerator.prepare_optimizer(sgd)
    assert unwrap_optimizer(LightningOptimizer(acc_opt)) is sgd
    zero = ZeroRedundancyOptimizer(model.parameters(), optimizer_class=torch.optim.SGD, lr=0.1)
    # (prepare() would fail on it: placing its state on the device needs a consolidated state dict)
    assert unwrap_optimizer(LightningOptimizer(AcceleratedOptimizer(zero, device_placement=False))) is zero


@zero_import
def test_zero_redundancy_optimizer_hooks_see_every_parameter(gloo_group: None) -> None:
    from torch.distributed.optim import ZeroRedundancyOptimizer

    model = tiny_model()
    reference = copy.deepcopy(model)
    zero = ZeroRedundancyOptimizer(model.parameters(), optimizer_class=torch.optim.Adam, lr=0.01)
    ref_opt = torch.optim.Adam(reference.parameters(), lr=0.01)
    assert unwrap_optimizer(zero) is zero
    storage = InMemoryStatsStorage()
    listener = StatsListener(storage, frequency=1, max_overhead=None, close_sinks=False)
    listener.attach(model, zero)
    for batch in batches(2):
        for m, o in ((model, zero), (reference, ref_opt)):
            o.zero_grad()
            loss_of(m, batch).backward()
        grads, before = snapshot(reference, "grad"), snapshot(reference)
        ref_opt.step()
        zero.step()
        listener.iteration_done()
    listener.close()
    report = storage.get_latest_update(listener.session_id, listener.worker_id)
    assert report is not None and report.iteration == 2
    after = snapshot(reference)
    for name in grads:
        assert_summary(report.summaries["gradients"][name], grads[name])
        assert_summary(report.summaries["updates"][name], after[name] - before[name])
        assert_summary(report.summaries["parameters"][name], after[name])
    assert report.learning_rates == {n: 0.01 for n in grads}


@zero_import
def test_zero_redundancy_optimizer_overlapping_ddp_is_refused(gloo_group: None) -> None:
    from torch.distributed.optim import ZeroRedundancyOptimizer

    zero = ZeroRedundancyOptimizer(
        tiny_model().parameters(), optimizer_class=torch.optim.SGD, overlap_with_ddp=True, lr=0.1
    )
    with pytest.raises(ListenerError, match=r"overlap_with_ddp=True.*no step hook runs"):
        unwrap_optimizer(zero)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _zero_worker(rank: int, world_size: int, port: int, out: str) -> None:
    """One rank of DDP + ZeroRedundancyOptimizer(SGD); writes its own copies of the truth beside the stats."""
    from torch.distributed.optim import ZeroRedundancyOptimizer
    from torch.nn.parallel import DistributedDataParallel

    dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=world_size)
    try:
        model = tiny_model()
        ddp = DistributedDataParallel(model)
        zero = ZeroRedundancyOptimizer(model.parameters(), optimizer_class=torch.optim.SGD, lr=0.1)
        # Hooking the inner optimizer would be wrong: when its step ends, the other rank's shard
        # is not updated here yet (it arrives by broadcast afterwards).
        changed_at_inner_end: list[int] = []
        zero.optim.register_step_post_hook(
            lambda *_: changed_at_inner_end.append(
                sum(not np.array_equal(p.detach().numpy(), before[n]) for n, p in model.named_parameters())
            )
        )
        listener = StatsListener(FileStatsStorage(Path(out) / f"rank{rank}.db"), frequency=1, max_overhead=None)
        listener.attach(ddp, zero)
        loss = loss_of(ddp, batches(1, seed=10 + rank)[0])
        loss.backward()
        grads, before = snapshot(model, "grad"), snapshot(model)
        zero.step()
        after = snapshot(model)
        listener.iteration_done(loss)
        listener.close()
        np.savez(
            Path(out) / f"rank{rank}.npz",
            **{f"grad:{n}": g for n, g in grads.items()},
            **{f"before:{n}": v for n, v in before.items()},
            **{f"after:{n}": v for n, v in after.items()},
        )
        (Path(out) / f"rank{rank}.json").write_text(
            json.dumps(
                {
                    "session": listener.session_id,
                    "worker": listener.worker_id,
                    "changed_at_inner_end": changed_at_inner_end,
                    "total": len(grads),
                }
            )
        )
    finally:
        dist.destroy_process_group()


@pytest.mark.slow
@needs_distributed
@zero_import
def test_zero_redundancy_optimizer_two_ranks(tmp_path: Path) -> None:
    """Two real ranks: each rank's report has every parameter's full gradient and update."""
    import torch.multiprocessing as mp

    mp.spawn(_zero_worker, args=(2, _free_port(), str(tmp_path)), nprocs=2, join=True)
    truths = []
    for rank in range(2):
        meta = json.loads((tmp_path / f"rank{rank}.json").read_text())
        truth = dict(np.load(tmp_path / f"rank{rank}.npz"))
        truths.append(truth)
        # the inner optimizer's shard alone does not cover every parameter
        assert meta["changed_at_inner_end"][0] < meta["total"]
        storage = FileStatsStorage(tmp_path / f"rank{rank}.db", read_only=True)
        report = storage.get_latest_update(meta["session"], meta["worker"])
        storage.close()
        assert report is not None and report.iteration == 1
        names = [k.split(":", 1)[1] for k in truth if k.startswith("grad:")]
        assert sorted(report.summaries["updates"]) == sorted(names)
        for name in names:
            update = truth[f"after:{name}"] - truth[f"before:{name}"]
            assert np.all(update != 0), name  # every parameter moved on this rank
            np.testing.assert_allclose(update, -0.1 * truth[f"grad:{name}"], rtol=1e-10)
            assert_summary(report.summaries["gradients"][name], truth[f"grad:{name}"])
            assert_summary(report.summaries["updates"][name], update)
            assert_summary(report.summaries["parameters"][name], truth[f"after:{name}"])
    for key in truths[0]:  # DDP averaged the gradients; the broadcast made both replicas equal
        np.testing.assert_array_equal(truths[0][key], truths[1][key])


class _OptimizerWithoutInit(torch.optim.Optimizer):
    """A wrapper written as Accelerate's is: it subclasses Optimizer but never runs its __init__."""

    def __init__(self, inner: torch.optim.Optimizer) -> None:
        self.inner = inner

    def step(self, closure: Any = None) -> Any:
        return self.inner.step(closure)


def test_unreadable_optimizers_are_refused_with_what_to_pass() -> None:
    sgd = torch.optim.SGD(tiny_model().parameters(), lr=0.1)
    with pytest.raises(ListenerError, match=r"got builtins\.object\. Pass the torch\.optim\.Optimizer") as err:
        unwrap_optimizer(object())
    assert "step_started()" in str(err.value) and "step_finished()" in str(err.value)
    with pytest.raises(ListenerError, match=r"_OptimizerWithoutInit: it subclasses torch\.optim\.Optimizer"):
        unwrap_optimizer(_OptimizerWithoutInit(sgd))
    # DeepSpeed is not installed here: a class living in DeepSpeed's module, as its optimizers do.
    deepspeed_like = type("DeepSpeedZeroOptimizer", (), {"__module__": "deepspeed.runtime.zero.stage_1_and_2"})
    with pytest.raises(ListenerError, match=r"cannot hook the DeepSpeed optimizer deepspeed\.runtime") as err:
        unwrap_optimizer(deepspeed_like())
    assert "step_started()" in str(err.value)


def test_keras_optimizer_is_refused() -> None:
    os.environ.setdefault("KERAS_BACKEND", "torch")
    import keras

    with pytest.raises(ListenerError, match=r"Keras optimizer keras\..*FitscopeCallback"):
        unwrap_optimizer(keras.optimizers.SGD(learning_rate=0.1))


def test_accelerated_optimizer_around_something_unreadable_names_both(accelerate_state: None) -> None:
    from accelerate import Accelerator
    from accelerate.optimizer import AcceleratedOptimizer

    Accelerator(cpu=True)  # AcceleratedOptimizer reads the state an Accelerator sets up
    sgd = torch.optim.SGD(tiny_model().parameters(), lr=0.1)
    wrapped = AcceleratedOptimizer(_OptimizerWithoutInit(sgd), device_placement=False)
    with pytest.raises(ListenerError, match=r"wrapped by Accelerate's AcceleratedOptimizer"):
        unwrap_optimizer(wrapped)


@pytest.mark.slow
def test_nothing_heavy_is_imported() -> None:
    code = (
        "import sys, torch\n"
        "from fitscope.torch_wrappers import unwrap_optimizer, check_unsharded\n"
        "m = torch.nn.Linear(2, 2)\n"
        "unwrap_optimizer(torch.optim.SGD(m.parameters(), lr=0.1))\n"
        "check_unsharded(list(m.named_parameters()))\n"
        "heavy = ('lightning', 'pytorch_lightning', 'accelerate', 'deepspeed', 'keras')\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in heavy or n.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------------- check_unsharded


def test_plain_parameters_pass() -> None:
    check_unsharded(list(tiny_model().named_parameters()))
    check_unsharded([])


def test_fsdp1_flat_parameters_are_refused() -> None:
    from torch.distributed.fsdp._common_utils import _set_fsdp_flattened
    from torch.distributed.fsdp._flat_param import FlatParameter

    # FSDP1 needs an accelerator to wrap a module; its parameter types are used directly here.
    flat = FlatParameter(torch.zeros(8))
    with pytest.raises(ListenerError, match=r"'_flat_param' is an FSDP .*FlatParameter.*per-shard statistics"):
        check_unsharded([("w", torch.zeros(2)), ("_flat_param", flat)])
    view = torch.nn.Parameter(torch.zeros(3))
    _set_fsdp_flattened(view)  # what FSDP1 does to the original parameters with use_orig_params=True
    with pytest.raises(ListenerError, match=r"'0.weight' is a view into an FSDP .*use_orig_params=True"):
        check_unsharded([("0.weight", view)])


def test_sharded_dtensor_is_refused(gloo_group: None) -> None:
    from torch.distributed.tensor import Replicate, Shard, distribute_tensor, init_device_mesh

    mesh = init_device_mesh("cpu", (1,))
    sharded = distribute_tensor(torch.randn(4, 3), mesh, [Shard(0)])
    with pytest.raises(ListenerError) as err:
        check_unsharded([("a", torch.zeros(1)), ("w", sharded), ("v", sharded)])
    message = str(err.value)
    assert "'w' is a sharded DTensor (placements Shard(dim=0)" in message
    assert "(1 more parameters are too)" in message
    assert "per-shard statistics labelled as the whole parameter's" in message
    assert "DistributedDataParallel" in message
    replicated = distribute_tensor(torch.randn(4, 3), mesh, [Replicate()])
    with pytest.raises(ListenerError, match=r"'r' is a replicated DTensor .*partial sum"):
        check_unsharded([("r", replicated)])


def test_fsdp2_model_is_refused_at_attach(gloo_group: None) -> None:
    from torch.distributed.fsdp import fully_shard
    from torch.distributed.tensor import init_device_mesh

    model = tiny_model()
    fully_shard(model, mesh=init_device_mesh("cpu", (1,)))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    listener = StatsListener(InMemoryStatsStorage(), frequency=1, max_overhead=None)
    with pytest.raises(ListenerError, match=r"Parameter '0.weight' is a sharded DTensor .*fully_shard"):
        listener.attach(model, opt)
    listener.close()


def test_deepspeed_zero3_parameters_are_refused() -> None:
    # What deepspeed.zero.Init leaves on each parameter: the local tensor is empty, the partition
    # is in ds_tensor.
    param = torch.nn.Parameter(torch.empty(0))
    param.ds_id = 0  # type: ignore[attr-defined]
    param.ds_numel = 12  # type: ignore[attr-defined]
    param.ds_shape = torch.Size([4, 3])  # type: ignore[attr-defined]
    with pytest.raises(ListenerError, match=r"'layer.weight' is a DeepSpeed ZeRO stage 3 partitioned parameter"):
        check_unsharded([("layer.weight", param)])
    model = tiny_model()
    model[0].weight.ds_id = 0  # type: ignore[union-attr]
    listener = StatsListener(InMemoryStatsStorage(), frequency=1, max_overhead=None)
    with pytest.raises(ListenerError, match=r"'0.weight' is a DeepSpeed ZeRO stage 3"):
        listener.attach(model)
    listener.close()


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:The 'train_dataloader' does not have many workers")
@pytest.mark.filterwarnings(r"ignore:`isinstance\(treespec, LeafSpec\)` is deprecated:FutureWarning")
def test_lightning_optimizer_end_to_end_in_manual_optimization(tmp_path: Path) -> None:
    """attach(module, self.optimizers()): a real LightningOptimizer stepped by a real Trainer."""
    import lightning

    storage = InMemoryStatsStorage()
    truth: dict[str, dict[str, np.ndarray]] = {}

    class Manual(lightning.LightningModule):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.automatic_optimization = False
            self.net = tiny_model()
            self.listener = StatsListener(storage, frequency=2, max_overhead=None, close_sinks=False)

        def configure_optimizers(self) -> torch.optim.Optimizer:
            return torch.optim.SGD(self.parameters(), lr=0.1, momentum=0.9)

        def on_train_start(self) -> None:
            opt = self.optimizers()
            assert type(opt).__name__ == "LightningSGD"
            self.listener.attach(self.net, opt)

        def training_step(self, batch: Any, batch_idx: int) -> None:
            opt = self.optimizers()
            opt.zero_grad()
            loss = loss_of(self.net, batch)
            self.manual_backward(loss)
            if batch_idx == 1:
                truth["grads"], truth["before"] = snapshot(self.net, "grad"), snapshot(self.net)
            opt.step()
            if batch_idx == 1:
                truth["after"] = snapshot(self.net)
            self.listener.iteration_done(loss.detach())

        def on_train_end(self) -> None:
            self.listener.close()

    trainer = lightning.Trainer(
        max_steps=3,
        accelerator="cpu",
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        default_root_dir=tmp_path,
    )
    module = Manual()
    trainer.fit(module, torch.utils.data.DataLoader(batches(3), batch_size=None))
    (report,) = storage.iter_updates(module.listener.session_id, module.listener.worker_id, start=2, end=2)
    for name, g in truth["grads"].items():
        assert_summary(report.summaries["gradients"][name], g)
        assert_summary(report.summaries["updates"][name], truth["after"][name] - truth["before"][name])
    assert report.learning_rates == {n: 0.1 for n in truth["grads"]}
