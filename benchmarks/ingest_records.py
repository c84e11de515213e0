"""The records of the remote ingest benchmark: reports of a Linear model as a StatsListener at
frequency 10 sends them, and the batches RemoteStatsRouter makes of them (its encoding, its bounds)."""

from __future__ import annotations

import math
import random
from typing import Final

from fitscope.exporters.remote import batch_body, encode_record
from fitscope.records import (
    DeviceMemory,
    Histogram,
    Memory,
    Performance,
    Record,
    ScoreSeries,
    StaticInfo,
    StatsReport,
    Summary,
)

T0: Final = 1_700_000_000_000
BINS: Final = 20
FREQUENCY: Final = 10
WIDTH: Final = 256
MAX_BATCH_RECORDS: Final = 512  # RemoteStatsRouter's defaults
MAX_BATCH_BYTES: Final = 4 << 20


def _summary(rng: random.Random, scale: float, count: int) -> Summary:
    mean = rng.gauss(0.0, scale)
    stdev = abs(rng.gauss(scale, scale / 4)) + 1e-6
    counts = [max(0, round(count * math.exp(-(((b - BINS / 2 + 0.5) / (BINS / 5)) ** 2)) / 9)) for b in range(BINS)]
    return Summary(
        count=count,
        mean=mean,
        stdev=stdev,
        mean_magnitude=abs(mean) + stdev * 0.8,
        min=mean - 3 * stdev,
        max=mean + 3 * stdev,
        sum=mean * count,
        sum_squares=(stdev * stdev + mean * mean) * count,
        histogram=Histogram(mean - 3 * stdev, mean + 3 * stdev, tuple(counts)),
    )


def static_info(session: str, worker: str, layers: int) -> StaticInfo:
    """The worker's StaticInfo (sent before the clock starts)."""
    return StaticInfo(session, worker, T0, session_name="remote ingest benchmark", hyperparameters={"layers": layers})


def report(session: str, worker: str, n: int, layers: int, seed: int) -> StatsReport:
    """The ``n``-th report (from 1) of a ``layers``-layer Linear(WIDTH, WIDTH) model: iteration ``n * 10``."""
    rng = random.Random(seed * 1_000_003 + n)
    it = n * FREQUENCY
    window = tuple(range(it - FREQUENCY + 1, it + 1))
    scores = tuple(2.0 / math.sqrt(i) + rng.gauss(0, 0.01) for i in window)
    summaries: dict[str, dict[str, Summary]] = {"parameters": {}, "gradients": {}, "updates": {}, "activations": {}}
    for i in range(layers):
        for p, count in ((f"layers.{i}.weight", WIDTH * WIDTH), (f"layers.{i}.bias", WIDTH)):
            summaries["parameters"][p] = _summary(rng, 0.05, count)
            summaries["gradients"][p] = _summary(rng, 1e-3, count)
            summaries["updates"][p] = _summary(rng, 1e-5, count)
        summaries["activations"][f"layers.{i}"] = _summary(rng, 0.5, 32 * WIDTH)
    return StatsReport(
        session_id=session,
        worker_id=worker,
        timestamp_ms=T0 + it * 25,
        iteration=it,
        epoch=n // 1000,
        score=scores[-1],
        scores=ScoreSeries(window, scores, tuple(T0 + i * 25 for i in window)),
        learning_rates=dict.fromkeys(summaries["parameters"], 0.01),
        performance=Performance(it * 25.0, it * 32, it, 1280.0 + rng.random(), 40.0 + rng.random()),
        memory=Memory(2**30 + n, 2**34, 2**33 - n, (DeviceMemory("cuda:0", 2**30, 2**31, 2**34),)),
        collection_ms=1.5 + rng.random(),
        summaries=summaries,
    )


def record_json(record: Record) -> bytes:
    """A record's JSON exactly as RemoteStatsRouter writes it into a batch."""
    return encode_record(record)


def router_batches(items: list[bytes]) -> list[tuple[bytes, int]]:
    """(gzip body, records) of the batches RemoteStatsRouter seals from ``items`` (its bounds, level 1)."""
    out: list[tuple[bytes, int]] = []
    batch: list[bytes] = []
    size = 0

    def seal() -> None:
        nonlocal batch, size
        if batch:
            out.append((batch_body(batch), len(batch)))
        batch, size = [], 0

    for item in items:
        if batch and size + len(item) > MAX_BATCH_BYTES:
            seal()
        batch.append(item)
        size += len(item)
        if len(batch) >= MAX_BATCH_RECORDS or size >= MAX_BATCH_BYTES:
            seal()
    seal()
    return out
