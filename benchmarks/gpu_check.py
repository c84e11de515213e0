"""GPU checks of the listener (run by hand on a CUDA machine; CI has no GPU).

    PYTHONPATH=. python benchmarks/gpu_check.py

1. Exactness on CUDA: TensorSummarizer on CUDA tensors (float32, float16, bfloat16, with NaN
   and Inf mixed in) equals numpy on the same values.
2. Synchronisation: with ``torch.cuda.set_sync_debug_mode("warn")``, counts the host-device
   synchronisations the listener causes on non-reporting iterations (target 0) and on a
   reporting one (target: a handful, all in the final copy of results and scores).
3. Overhead: the same MLP and CNN loops as benchmarks/listener_overhead.py, plain vs with the
   listener (frequency 10, everything on), as ratios measured in one run.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from listener_overhead import cnn, mlp

from fitscope import FileStatsStorage, InMemoryStatsStorage, StatsListener
from fitscope.tensor_stats import TensorSummarizer

DEV = torch.device("cuda")


def check_exact() -> None:
    g = torch.Generator().manual_seed(0)
    tensors = []
    for dtype in (torch.float32, torch.float16, torch.bfloat16, torch.float64):
        for shape in ((1000,), (64, 33), (1,), (0,), (3, 1024, 7)):
            t = torch.randn(shape, generator=g).to(dtype)
            if t.numel() > 10:
                flat = t.view(-1)
                flat[3] = float("nan")
                flat[5] = float("inf")
                flat[7] = float("-inf")
            tensors.append(t)
    tensors.append(torch.full((50,), 0.25))
    results = TensorSummarizer(20).summarize([t.to(DEV) for t in tensors])
    bad = 0
    for t, s in zip(tensors, results, strict=True):
        v = t.double().numpy().ravel()
        f = v[np.isfinite(v)]
        ok = s.count == v.size and s.nan_count == int(np.isnan(v).sum()) and s.posinf_count == int(np.isposinf(v).sum())
        if f.size:
            lo, hi = f.min(), f.max()
            counts = [f.size] if lo == hi else np.histogram(f, 20, range=(lo, hi))[0].tolist()
            ok &= s.histogram is not None and list(s.histogram.counts) == counts
            ok &= abs(s.mean - f.mean()) <= 1e-10 * max(1.0, abs(f.mean()))
            ok &= s.min == lo and s.max == hi
            if f.size > 1:
                ok &= abs(s.stdev - f.std(ddof=1)) <= 1e-10 * f.std(ddof=1) + 1e-15
        bad += not ok
    print(f"[exact] {len(tensors)} CUDA tensors: {len(tensors) - bad} match numpy, {bad} differ", flush=True)


def check_syncs() -> None:
    model, batch, size = mlp()
    model = model.to(DEV)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    x, y = batch().to(DEV), torch.randint(0, 10, (size,), device=DEV)
    listener = StatsListener(InMemoryStatsStorage(), frequency=10)
    listener.attach(model, opt)
    counts = []
    for _ in range(20):
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        torch.cuda.synchronize()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            torch.cuda.set_sync_debug_mode("warn")
            listener.iteration_done(loss, batch_size=size)
            torch.cuda.set_sync_debug_mode("default")
        counts.append(sum("synchroniz" in str(w.message) for w in caught))
    listener.close()
    print(f"[syncs] per iteration_done call: {counts}", flush=True)
    print("        (non-reporting iterations should be 0; reporting ones are the final copies)", flush=True)


def overhead(steps: int = 200, rounds: int = 3) -> None:
    with tempfile.TemporaryDirectory() as d:
        for name, factory in (("mlp", mlp), ("cnn", cnn)):
            res: dict[str, list[float]] = {"plain": [], "fitscope": []}
            costs = []
            for _ in range(rounds):
                for mode in res:
                    torch.manual_seed(0)
                    model, batch, size = factory()
                    model = model.to(DEV)
                    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
                    loss_fn = torch.nn.CrossEntropyLoss()
                    data = [batch().to(DEV) for _ in range(4)]
                    target = torch.randint(0, 10, (size,), device=DEV)
                    path = Path(d) / f"{time.monotonic_ns()}.fitscope"
                    listener = None
                    if mode == "fitscope":
                        listener = StatsListener(FileStatsStorage(path), frequency=10)
                        listener.attach(model, opt)
                    for i in range(steps + 20):
                        if i == 20:
                            torch.cuda.synchronize()
                            t0 = time.perf_counter()
                        opt.zero_grad()
                        loss = loss_fn(model(data[i % 4]), target)
                        loss.backward()
                        opt.step()
                        if listener is not None:
                            listener.iteration_done(loss, batch_size=size)
                    torch.cuda.synchronize()
                    res[mode].append((time.perf_counter() - t0) / steps * 1000)
                    if listener is not None:
                        listener.close()
                        with FileStatsStorage(path, read_only=True) as st:
                            sid = st.list_sessions()[0]
                            wid = st.list_workers(sid)[0]
                            costs += [r.collection_ms for r in st.iter_updates(sid, wid)]
            plain, fs = statistics.median(res["plain"]), statistics.median(res["fitscope"])
            print(
                f"[overhead] {name}: plain {plain:.3f} ms/step, fitscope {fs:.3f} ms/step, "
                f"overhead {100 * (fs / plain - 1):+.1f}%, per-report collection {statistics.median(costs):.2f} ms",
                flush=True,
            )


if __name__ == "__main__":
    print(torch.__version__, torch.cuda.get_device_name(0), flush=True)
    check_exact()
    check_syncs()
    overhead()
