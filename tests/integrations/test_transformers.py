"""FitscopeCallback with the real Hugging Face Trainer: small models made here, trained on CPU.

Each test trains through ``Trainer.train()`` and checks what fitscope stored for chosen steps
against values obtained independently: a probe ``TrainerCallback`` copies the Trainer's own
tensors at those steps (gradients in ``on_pre_optimizer_step``, after clipping; parameters
before the step there and after it in ``on_optimizer_step``), and the losses are recomputed
here by hand (numpy) from a copy of the model taken before the step. Sampling is sequential,
so the micro-batches of step *k* are known.
"""

from __future__ import annotations

import copy
import logging
import math
import os
import socket
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from numpy_stats import assert_summary
from transformers import (
    BertConfig,
    BertForSequenceClassification,
    GPT2Config,
    GPT2LMHeadModel,
    PretrainedConfig,
    PreTrainedModel,
    Trainer,
    TrainerCallback,
    TrainingArguments,
)
from transformers.modeling_outputs import SequenceClassifierOutput

from fitscope import FileStatsStorage, InMemoryStatsStorage, StatsReport
from fitscope.errors import ListenerError
from fitscope.integrations.transformers import FitscopeCallback

BATCH = 4
F32 = 2e-5  # float32 moments; histograms are compared bin for bin all the same


# --------------------------------------------------------------------------- models and data


class TinyConfig(PretrainedConfig):
    model_type = "fitscope-tiny-regressor"

    def __init__(self, n_in: int = 3, n_hidden: int = 5, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.n_in = n_in
        self.n_hidden = n_hidden


class TinyRegressor(PreTrainedModel):
    """A two-layer MLP whose loss is the mean squared error of its micro-batch (no loss kwargs)."""

    config_class = TinyConfig
    main_input_name = "x"

    def __init__(self, config: TinyConfig) -> None:
        super().__init__(config)
        self.hidden = torch.nn.Linear(config.n_in, config.n_hidden)
        self.out = torch.nn.Linear(config.n_hidden, 1)
        self.post_init()

    def _init_weights(self, module: torch.nn.Module) -> None:
        pass  # torch's default initialisation, under the test's seed

    def forward(self, x: torch.Tensor, labels: torch.Tensor | None = None) -> SequenceClassifierOutput:
        pred = self.out(torch.tanh(self.hidden(x)))
        loss = None if labels is None else torch.nn.functional.mse_loss(pred, labels)
        return SequenceClassifierOutput(loss=loss, logits=pred)


class ListDataset(torch.utils.data.Dataset[dict[str, torch.Tensor]]):
    def __init__(self, items: list[dict[str, torch.Tensor]]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> dict[str, torch.Tensor]:
        return self.items[i]


def regression_data(n: int) -> ListDataset:
    g = torch.Generator().manual_seed(7)
    x = torch.randn(n, 3, generator=g, dtype=torch.float64)
    y = torch.sin(x.sum(dim=1, keepdim=True)) + 0.1 * torch.randn(n, 1, generator=g, dtype=torch.float64)
    return ListDataset([{"x": x[i], "labels": y[i]} for i in range(n)])


def regressor() -> TinyRegressor:
    torch.manual_seed(0)
    return TinyRegressor(TinyConfig()).double()


def token_data(n: int, seq: int = 6, vocab: int = 17) -> ListDataset:
    """Token sequences whose last 0-3 labels are ignored (-100): micro-batches differ in token count."""
    g = torch.Generator().manual_seed(3)
    items = []
    for _ in range(n):
        ids = torch.randint(0, vocab, (seq,), generator=g)
        labels = ids.clone()
        ignored = int(torch.randint(0, 4, (1,), generator=g))
        if ignored:
            labels[-ignored:] = -100
        items.append({"input_ids": ids, "labels": labels})
    return ListDataset(items)


def gpt2() -> GPT2LMHeadModel:
    torch.manual_seed(0)
    config = GPT2Config(
        vocab_size=17,
        n_positions=8,
        n_embd=8,
        n_layer=1,
        n_head=2,
        resid_pdrop=0.0,
        embd_pdrop=0.0,
        attn_pdrop=0.0,
        bos_token_id=0,
        eos_token_id=0,
    )
    return GPT2LMHeadModel(config)


def classification_data(n: int) -> ListDataset:
    g = torch.Generator().manual_seed(5)
    return ListDataset(
        [{"input_ids": torch.randint(0, 20, (5,), generator=g), "labels": torch.tensor(i % 3)} for i in range(n)]
    )


def bert() -> BertForSequenceClassification:
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=20,
        hidden_size=8,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=8,
        max_position_embeddings=8,
        num_labels=3,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
    )
    return BertForSequenceClassification(config)


# --------------------------------------------------------------------------- the independent probe


def _np(t: torch.Tensor) -> np.ndarray:
    return t.detach().to(torch.float64).cpu().numpy().copy()


def replica(model: PreTrainedModel) -> PreTrainedModel:
    """A hook-free copy of a model with its current weights (for recomputing losses by hand)."""
    fresh = type(model)(copy.deepcopy(model.config)).to(next(model.parameters()).dtype)
    fresh.load_state_dict({k: v.detach().clone() for k, v in model.state_dict().items()})
    return fresh.eval()


class Probe(TrainerCallback):
    """Reads the Trainer's own tensors at chosen steps (independently of fitscope)."""

    def __init__(self, steps: Sequence[int]) -> None:
        self.steps = set(steps)
        self.grads: dict[int, dict[str, np.ndarray]] = {}
        self.before: dict[int, dict[str, np.ndarray]] = {}
        self.after: dict[int, dict[str, np.ndarray]] = {}
        self.model_before: dict[int, torch.nn.Module] = {}
        self.lrs: dict[int, float] = {}
        self.grad_is_none_at_step_end: dict[int, bool] = {}
        self.logged_loss: dict[int, float] = {}
        self.logged_grad_norm: dict[int, float] = {}
        self.evaluations: list[tuple[int, dict[str, float]]] = []

    def on_pre_optimizer_step(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        step = state.global_step + 1
        model, optimizer = kwargs["model"], kwargs["optimizer"]
        self.lrs[step] = optimizer.param_groups[0]["lr"]
        if step in self.steps:
            params = dict(model.named_parameters())
            self.grads[step] = {n: _np(p.grad) for n, p in params.items()}
            self.before[step] = {n: _np(p) for n, p in params.items()}
            self.model_before[step] = replica(model)

    def on_optimizer_step(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        step = state.global_step + 1
        if step in self.steps:
            self.after[step] = {n: _np(p) for n, p in kwargs["model"].named_parameters()}

    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if state.global_step in self.steps:
            self.grad_is_none_at_step_end[state.global_step] = all(p.grad is None for p in kwargs["model"].parameters())

    def on_log(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        logs = kwargs["logs"]
        if "loss" in logs:
            self.logged_loss[state.global_step] = logs["loss"]
        if "grad_norm" in logs:
            self.logged_grad_norm[state.global_step] = float(logs["grad_norm"])

    def on_evaluate(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self.evaluations.append((state.global_step, dict(kwargs["metrics"])))


def train(
    tmp_path: Path,
    model: torch.nn.Module,
    data: ListDataset,
    *,
    probe: Probe,
    frequency: int = 1,
    trainer_class: type[Trainer] = Trainer,
    callback: FitscopeCallback | None = None,
    eval_data: ListDataset | None = None,
    **arguments: Any,
) -> tuple[InMemoryStatsStorage, FitscopeCallback, Trainer]:
    storage = InMemoryStatsStorage()
    callback = callback or FitscopeCallback(storage, frequency=frequency, max_overhead=None, close_sinks=False)
    defaults: dict[str, Any] = dict(
        output_dir=str(tmp_path / "out"),
        use_cpu=True,
        report_to=[],
        save_strategy="no",
        per_device_train_batch_size=BATCH,
        per_device_eval_batch_size=BATCH,
        learning_rate=0.02,
        logging_steps=1,
        train_sampling_strategy="sequential",
        disable_tqdm=True,
        seed=0,
    )
    defaults.update(arguments)
    trainer = trainer_class(
        model=model,
        args=TrainingArguments(**defaults),
        train_dataset=data,
        eval_dataset=eval_data,
        callbacks=[callback, probe],
    )
    trainer.train()
    return storage, callback, trainer


def reports(storage: InMemoryStatsStorage, callback: FitscopeCallback) -> dict[int, StatsReport]:
    (worker,) = storage.list_workers(callback.session_id)
    return {r.iteration: r for r in storage.iter_updates(callback.session_id, worker)}


def assert_step_matches_probe(report: StatsReport, probe: Probe, step: int, rtol: float) -> None:
    """Gradients (after clipping), updates and parameters (after the step) of one step, every parameter."""
    grads, before, after = probe.grads[step], probe.before[step], probe.after[step]
    assert set(report.summaries["gradients"]) == set(grads)
    for name in grads:
        assert_summary(report.summaries["gradients"][name], grads[name], rtol=rtol)
        assert_summary(report.summaries["parameters"][name], after[name], rtol=rtol)
        assert_summary(report.summaries["updates"][name], after[name] - before[name], rtol=rtol)
    assert probe.grad_is_none_at_step_end[step], "the Trainer zeroes the gradients before on_step_end"


def micro_batches(data: ListDataset, step: int, accumulation: int) -> list[dict[str, torch.Tensor]]:
    """The micro-batches of optimizer step ``step`` (1-based) under sequential sampling, one epoch."""
    start = (step - 1) * accumulation * BATCH
    out = []
    for m in range(accumulation):
        items = [data[i] for i in range(start + m * BATCH, start + (m + 1) * BATCH)]
        out.append({k: torch.stack([it[k] for it in items]) for k in items[0]})
    return out


def log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


# --------------------------------------------------------------------------- tests

# The custom PreTrainedModel has no `labels`-free config for num_items_in_batch: its loss is a
# per-micro-batch mean, which the Trainer divides by the number of micro-batches.


@pytest.mark.parametrize("accumulation", [1, 2])
def test_mean_loss_model_gradients_updates_parameters_and_loss(tmp_path: Path, accumulation: int) -> None:
    steps = 24
    data = regression_data(steps * accumulation * BATCH)
    probe = Probe([8, 24])
    storage, callback, trainer = train(
        tmp_path,
        regressor(),
        data,
        probe=probe,
        frequency=8,
        max_steps=steps,
        gradient_accumulation_steps=accumulation,
        max_grad_norm=0.0,
    )
    assert not trainer.model_accepts_loss_kwargs
    got = reports(storage, callback)
    assert sorted(got) == [8, 16, 24]
    for step in (8, 24):
        assert_step_matches_probe(got[step], probe, step, rtol=1e-12)
        # The score by hand: the mean over the step's micro-batches of each one's mean squared error.
        w1, b1 = probe.before[step]["hidden.weight"], probe.before[step]["hidden.bias"]
        w2, b2 = probe.before[step]["out.weight"], probe.before[step]["out.bias"]
        losses = []
        for batch in micro_batches(data, step, accumulation):
            x, y = batch["x"].numpy(), batch["labels"].numpy()
            pred = np.tanh(x @ w1.T + b1) @ w2.T + b2
            losses.append(np.mean((pred - y) ** 2))
        assert got[step].score == pytest.approx(np.mean(losses), rel=1e-12)
    # Every step's score is in the window series, and equals the Trainer's own per-step loss log.
    scores = dict(zip(got[16].scores.iterations, got[16].scores.values, strict=True))
    assert sorted(scores) == list(range(9, 17))
    for step in range(9, 17):
        # The Trainer accumulates its log in float32.
        assert scores[step] == pytest.approx(probe.logged_loss[step], rel=1e-6)
    assert got[24].performance is not None
    assert got[24].performance.total_examples == steps * accumulation * BATCH


def test_gradients_are_the_clipped_ones_the_step_consumes(tmp_path: Path) -> None:
    max_norm = 0.05
    data = regression_data(12 * 2 * BATCH)
    probe = Probe([4])
    storage, callback, _ = train(
        tmp_path,
        regressor(),
        data,
        probe=probe,
        frequency=4,
        max_steps=12,
        gradient_accumulation_steps=2,
        max_grad_norm=max_norm,
    )
    report = reports(storage, callback)[4]
    assert_step_matches_probe(report, probe, 4, rtol=1e-12)
    # By hand: the unclipped gradient of the mean of the two micro-batch losses, then torch's clip.
    p = probe.before[4]
    w1, b1, w2, b2 = p["hidden.weight"], p["hidden.bias"], p["out.weight"], p["out.bias"]
    grads = {n: np.zeros_like(v) for n, v in p.items()}
    for batch in micro_batches(data, 4, 2):
        x, y = batch["x"].numpy(), batch["labels"].numpy()
        a = np.tanh(x @ w1.T + b1)
        d_out = 2.0 * (a @ w2.T + b2 - y) / y.size / 2  # / 2: the Trainer's division by the micro-batches
        d_h = (d_out @ w2) * (1.0 - a**2)
        for name, g in (("out.weight", d_out.T @ a), ("out.bias", d_out.sum(0)), ("hidden.weight", d_h.T @ x)):
            grads[name] += g
        grads["hidden.bias"] += d_h.sum(0)
    norm = math.sqrt(sum(float((g**2).sum()) for g in grads.values()))
    assert norm == pytest.approx(probe.logged_grad_norm[4], rel=1e-9)  # the Trainer logs the pre-clip norm
    assert norm > max_norm, "the test needs a step that really is clipped"
    coefficient = max_norm / (norm + 1e-6)
    stored_norm = math.sqrt(sum(s.sum_squares for s in report.summaries["gradients"].values()))
    assert stored_norm == pytest.approx(max_norm * norm / (norm + 1e-6), rel=1e-9)
    for name, g in grads.items():
        np.testing.assert_allclose(probe.grads[4][name], g * coefficient, rtol=1e-9, atol=1e-15)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("accumulation", "bf16", "loss_type"),
    [(1, False, "ForCausalLM"), (2, False, "ForCausalLM"), (2, True, "ForCausalLM"), (2, False, None)],
)
def test_token_normalised_loss_of_a_causal_lm(
    tmp_path: Path, accumulation: int, bf16: bool, loss_type: str | None
) -> None:
    """GPT-2 normalises by num_items_in_batch: the score is the step's summed token loss over that count.

    The Trainer counts the step's label tokens over ``labels[..., 1:]`` when the model's
    ``loss_type`` is ``ForCausalLM``: the score is then the token-weighted mean loss of the
    whole accumulated batch. ``GPT2LMHeadModel`` built from a config has ``loss_type`` None (its
    class name matches no loss), and transformers 5.24 then counts every non-ignored label,
    position 0 included: the objective the step trains on, and the score, divide by that count.
    """
    steps = 12
    data = token_data(steps * accumulation * BATCH)
    probe = Probe([6, 12])
    model = gpt2()
    model.loss_type = loss_type
    storage, callback, trainer = train(
        tmp_path,
        model,
        data,
        probe=probe,
        frequency=6,
        max_steps=steps,
        gradient_accumulation_steps=accumulation,
        bf16=bf16,
    )
    assert trainer.model_accepts_loss_kwargs
    got = reports(storage, callback)
    for step in (6, 12):
        assert_step_matches_probe(got[step], probe, step, rtol=F32)
        # By hand: summed cross-entropy of every non-ignored next token of the step / the Trainer's count.
        copy_before = probe.model_before[step]
        total, count = 0.0, 0
        for batch in micro_batches(data, step, accumulation):
            with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                logits = copy_before(input_ids=batch["input_ids"]).logits
            logp = log_softmax(_np(logits.float())[:, :-1])
            targets = batch["labels"][:, 1:].numpy()
            keep = targets != -100
            total -= float(np.take_along_axis(logp, np.where(keep, targets, 0)[..., None], -1)[..., 0][keep].sum())
            count += int(keep.sum()) if loss_type else int((batch["labels"] != -100).sum())
        assert got[step].score == pytest.approx(total / count, rel=1e-5)
        assert got[step].score == pytest.approx(probe.logged_loss[step], rel=1e-6)


def test_model_ignoring_num_items_in_batch_scores_what_the_trainer_backpropagates(tmp_path: Path) -> None:
    """BertForSequenceClassification takes **kwargs, so the Trainer passes num_items_in_batch and does
    not divide its loss by the number of micro-batches; the model ignores it and returns a mean per
    micro-batch. The objective of a step is then the SUM of the micro-batch means (transformers 5.24):
    the score says so, as the Trainer's own loss log does, and the gradients agree with it."""
    data = classification_data(8 * 2 * BATCH)
    probe = Probe([4])
    storage, callback, trainer = train(
        tmp_path, bert(), data, probe=probe, frequency=4, max_steps=8, gradient_accumulation_steps=2
    )
    assert trainer.model_accepts_loss_kwargs
    report = reports(storage, callback)[4]
    assert_step_matches_probe(report, probe, 4, rtol=F32)
    means = []
    for batch in micro_batches(data, 4, 2):
        with torch.no_grad():
            logp = log_softmax(_np(probe.model_before[4](input_ids=batch["input_ids"]).logits))
        means.append(-np.take_along_axis(logp, batch["labels"].numpy()[:, None], 1).mean())
    assert report.score == pytest.approx(sum(means), rel=1e-5)
    assert report.score == pytest.approx(probe.logged_loss[4], rel=1e-6)


@pytest.mark.slow
def test_a_compiled_model(tmp_path: Path) -> None:
    """torch.compile (here its aot_eager backend, which needs no C compiler) keeps the model's hooks."""
    probe = Probe([4])
    storage, callback, _ = train(
        tmp_path,
        regressor(),
        regression_data(8 * 2 * BATCH),
        probe=probe,
        frequency=4,
        max_steps=8,
        gradient_accumulation_steps=2,
        torch_compile=True,
        torch_compile_backend="aot_eager",
    )
    got = reports(storage, callback)
    assert_step_matches_probe(got[4], probe, 4, rtol=1e-12)
    for step in (4, 8):
        assert got[step].score == pytest.approx(probe.logged_loss[step], rel=1e-6)


def test_learning_rates_follow_the_scheduler(tmp_path: Path) -> None:
    steps, warmup, base = 12, 3, 0.02
    probe = Probe([])
    storage, callback, _ = train(
        tmp_path,
        regressor(),
        regression_data(steps * BATCH),
        probe=probe,
        max_steps=steps,
        learning_rate=base,
        warmup_steps=warmup,
        lr_scheduler_type="linear",
    )
    got = reports(storage, callback)
    assert sorted(got) == list(range(1, steps + 1))
    for step, report in got.items():
        # Linear warmup then linear decay; step k is taken at the scheduler's count k - 1.
        t = step - 1
        expected = base * t / warmup if t < warmup else base * (steps - t) / (steps - warmup)
        assert set(report.learning_rates) == {"hidden.weight", "hidden.bias", "out.weight", "out.bias"}
        for lr in report.learning_rates.values():
            assert lr == pytest.approx(expected, rel=1e-12, abs=1e-15)
            assert lr == probe.lrs[step]


def test_evaluations_epochs_and_hyperparameters(tmp_path: Path) -> None:
    probe = Probe([])
    storage, callback, _ = train(
        tmp_path,
        regressor(),
        regression_data(3 * 2 * BATCH),
        eval_data=regression_data(2 * BATCH),
        probe=probe,
        frequency=2,
        num_train_epochs=2,
        gradient_accumulation_steps=2,
        eval_strategy="epoch",
        callback=None,
    )
    (worker,) = storage.list_workers(callback.session_id)
    epochs = storage.read_epochs(callback.session_id, worker)
    assert [(e.epoch, e.iteration) for e in epochs] == [(0, 3), (1, 6)]
    metrics = storage.read_metrics(callback.session_id, worker)
    assert [m.iteration for m in metrics] == [step for step, _ in probe.evaluations] == [3, 6]
    for record, (_, expected) in zip(metrics, probe.evaluations, strict=True):
        assert "epoch" not in record.values
        assert record.values["eval_loss"] == expected["eval_loss"]
        assert set(record.values) == {k for k in expected if k != "epoch"}
    info = storage.get_static_info(callback.session_id, worker)
    assert info is not None
    assert info.hyperparameters["gradient_accumulation_steps"] == 2
    assert info.hyperparameters["learning_rate"] == 0.02
    assert info.hyperparameters["per_device_train_batch_size"] == BATCH
    assert info.model is not None


def test_user_hyperparameters_override_the_training_arguments(tmp_path: Path) -> None:
    storage = InMemoryStatsStorage()
    callback = FitscopeCallback(
        storage, frequency=2, close_sinks=False, hyperparameters={"learning_rate": "tuned", "dataset": "sine"}
    )
    train(tmp_path, regressor(), regression_data(4 * BATCH), probe=Probe([]), callback=callback, max_steps=4)
    (worker,) = storage.list_workers(callback.session_id)
    info = storage.get_static_info(callback.session_id, worker)
    assert info is not None
    assert info.hyperparameters["learning_rate"] == "tuned"
    assert info.hyperparameters["dataset"] == "sine"
    assert info.hyperparameters["max_steps"] == 4


def test_label_smoothing_gives_no_score_and_one_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The Trainer computes a label-smoothed loss outside the model: fitscope records no score for it."""
    probe = Probe([4])
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        storage, callback, _ = train(
            tmp_path,
            bert(),
            classification_data(8 * BATCH),
            probe=probe,
            frequency=4,
            max_steps=8,
            label_smoothing_factor=0.1,
        )
    got = reports(storage, callback)
    assert [r.score for r in got.values()] == [None, None]
    assert got[8].scores.iterations == ()
    assert_step_matches_probe(got[4], probe, 4, rtol=F32)  # the rest is recorded as usual
    warnings = [r for r in caplog.records if r.name == "fitscope" and "no 'loss'" in r.getMessage()]
    assert len(warnings) == 1


class OtherLossTrainer(Trainer):
    """Trains on a loss of its own although the model computes one (from the labels it is given)."""

    def compute_loss(
        self, model: Any, inputs: Any, return_outputs: bool = False, num_items_in_batch: Any = None
    ) -> Any:
        outputs = model(**inputs)
        loss = (outputs.logits - inputs["labels"]).abs().mean()
        return (loss, outputs) if return_outputs else loss


def test_a_model_loss_that_is_not_trained_on_gives_no_score(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="fitscope"):
        storage, callback, _ = train(
            tmp_path,
            regressor(),
            regression_data(4 * BATCH),
            probe=Probe([]),
            trainer_class=OtherLossTrainer,
            frequency=2,
            max_steps=4,
        )
    assert [r.score for r in reports(storage, callback).values()] == [None, None]
    warnings = [r for r in caplog.records if r.name == "fitscope" and "received no gradient" in r.getMessage()]
    assert len(warnings) == 1


class ScaledLossTrainer(Trainer):
    """Trains on three times the model's loss: the score follows the objective really trained on."""

    def compute_loss(
        self, model: Any, inputs: Any, return_outputs: bool = False, num_items_in_batch: Any = None
    ) -> Any:
        outputs = model(**inputs)
        return (3.0 * outputs.loss, outputs) if return_outputs else 3.0 * outputs.loss


def test_a_scaled_model_loss_is_scored_as_trained(tmp_path: Path) -> None:
    probe = Probe([])
    storage, callback, _ = train(
        tmp_path,
        regressor(),
        regression_data(4 * 2 * BATCH),
        probe=probe,
        trainer_class=ScaledLossTrainer,
        max_steps=4,
        gradient_accumulation_steps=2,
    )
    for step, report in reports(storage, callback).items():
        assert report.score == pytest.approx(probe.logged_loss[step], rel=1e-6)  # a float32 log


class Boom(TrainerCallback):
    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if state.global_step == 3:
            raise RuntimeError("boom")


def test_an_exception_in_train_is_closed_by_the_context_manager(tmp_path: Path) -> None:
    storage = InMemoryStatsStorage()
    model = regressor()
    with (
        pytest.raises(RuntimeError, match="boom"),
        FitscopeCallback(storage, frequency=2, max_overhead=None) as callback,
    ):
        args = TrainingArguments(
            output_dir=str(tmp_path / "out"), use_cpu=True, report_to=[], save_strategy="no", max_steps=6,
            per_device_train_batch_size=BATCH, disable_tqdm=True,
        )  # fmt: skip
        Trainer(model=model, args=args, train_dataset=regression_data(6 * BATCH), callbacks=[callback, Boom()]).train()
    assert storage.closed
    assert callback.listener is not None
    assert not model._forward_hooks  # fitscope's own hook, and the collector's, are gone
    got = {r.iteration for r in storage.iter_updates(callback.session_id, storage.list_workers(callback.session_id)[0])}
    assert got == {2, 3}  # the report of step 2, and close()'s final report of step 3


def test_a_callback_records_one_training_run(tmp_path: Path) -> None:
    _, _, trainer = train(tmp_path, regressor(), regression_data(2 * BATCH), probe=Probe([]), max_steps=2)
    with pytest.raises(ListenerError, match="create a new FitscopeCallback"):
        trainer.train()


def test_bad_frequency_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match="positive integer"):
        FitscopeCallback(InMemoryStatsStorage(), frequency=0)


# --------------------------------------------------------------------------- two processes (DDP on gloo)

DDP_STEPS, DDP_ACCUMULATION, DDP_STEP = 6, 2, 3


def _ddp_worker(out: Path, session_id: str) -> None:
    """One rank of the two-process run (this file run by torchrun): trains and dumps what it saw."""
    rank = int(os.environ["RANK"])
    model = gpt2()
    model.loss_type = "ForCausalLM"
    seen: list[dict[str, torch.Tensor]] = []

    def keep_inputs(module: torch.nn.Module, args: Any, kwargs: Any) -> None:
        if module.training:
            seen.append({k: kwargs[k].clone() for k in ("input_ids", "labels")})

    model.register_forward_pre_hook(keep_inputs, with_kwargs=True)
    probe = Probe([DDP_STEP])
    callback = FitscopeCallback(
        FileStatsStorage(out / f"rank{rank}.fitscope"), frequency=DDP_STEP, session_id=session_id, max_overhead=None
    )
    train(
        out / f"rank{rank}",
        model,
        token_data(DDP_STEPS * DDP_ACCUMULATION * BATCH * 2),
        probe=probe,
        callback=callback,
        max_steps=DDP_STEPS,
        gradient_accumulation_steps=DDP_ACCUMULATION,
    )
    torch.save(
        {
            "micro_batches": seen[(DDP_STEP - 1) * DDP_ACCUMULATION : DDP_STEP * DDP_ACCUMULATION],
            "weights": probe.model_before[DDP_STEP].state_dict(),
            "grads": probe.grads[DDP_STEP],
            "logged_loss": probe.logged_loss[DDP_STEP],
        },
        out / f"rank{rank}.pt",
    )


@pytest.mark.slow
def test_two_processes_rank_worker_ids_and_the_loss_each_rank_trains_on(tmp_path: Path) -> None:
    """Under DDP each rank is a worker ``host:rank<N>``; with average_tokens_across_devices (the
    default) each rank's score is N x its summed token loss / the global token count, so the ranks'
    mean is the global token-weighted mean loss, which the Trainer logs."""
    session_id = "hf-ddp-test"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[1]), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2"]
    done = subprocess.run(
        [*command, __file__, str(tmp_path), session_id], env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-4000:]
    host = socket.gethostname()
    dumps, scores = [], []
    for rank in (0, 1):
        dump = torch.load(tmp_path / f"rank{rank}.pt", weights_only=False)
        storage = FileStatsStorage(tmp_path / f"rank{rank}.fitscope", read_only=True)
        assert storage.list_workers(session_id) == [f"{host}:rank{rank}"]
        report = next(iter(storage.iter_updates(session_id, f"{host}:rank{rank}", DDP_STEP, DDP_STEP)))
        info = storage.get_static_info(session_id, f"{host}:rank{rank}")
        assert info is not None and info.hyperparameters["world_size"] == 2
        for name, grad in dump["grads"].items():  # all-reduced: every rank holds the same gradient
            assert_summary(report.summaries["gradients"][name], grad, rtol=F32)
        storage.close()
        dumps.append(dump)
        scores.append(report.score)
    np.testing.assert_array_equal(
        dumps[0]["grads"]["transformer.wte.weight"], dumps[1]["grads"]["transformer.wte.weight"]
    )
    # By hand, from the weights before the step (the same on both ranks) and each rank's micro-batches.
    model = gpt2()
    model.load_state_dict(dumps[0]["weights"])
    model.eval()
    sums, counts = [], []
    for dump in dumps:
        total, count = 0.0, 0
        for batch in dump["micro_batches"]:
            with torch.no_grad():
                logp = log_softmax(_np(model(input_ids=batch["input_ids"]).logits)[:, :-1])
            targets = batch["labels"][:, 1:].numpy()
            keep = targets != -100
            total -= float(np.take_along_axis(logp, np.where(keep, targets, 0)[..., None], -1)[..., 0][keep].sum())
            count += int(keep.sum())
        sums.append(total)
        counts.append(count)
    assert dumps[0]["micro_batches"][0]["input_ids"].tolist() != dumps[1]["micro_batches"][0]["input_ids"].tolist()
    for rank in (0, 1):
        assert scores[rank] == pytest.approx(2 * sums[rank] / sum(counts), rel=1e-5)
    assert np.mean(scores) == pytest.approx(sum(sums) / sum(counts), rel=1e-5)
    assert np.mean(scores) == pytest.approx(dumps[0]["logged_loss"], rel=1e-6)


if __name__ == "__main__":
    _ddp_worker(Path(sys.argv[1]), sys.argv[2])
