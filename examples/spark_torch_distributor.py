"""DDP launched by pyspark's TorchDistributor, every rank watched by fitscope: one session, one worker per rank.

Run (a local Spark, master ``local[2]``, everything on 127.0.0.1; needs Java 17+ and
``pip install pyspark``; about 40 s on 2 CPU cores, most of it Spark starting)::

    python examples/spark_torch_distributor.py --out runs/
    fitscope serve runs/job-0.fitscope runs/job-1.fitscope  # or runs/job-*.fitscope

``TorchDistributor(num_processes=2, local_mode=False)`` runs one barrier task per rank, as on
a cluster. Each task starts ``torchrun --nnodes=2 --node_rank=<task> --nproc_per_node=1`` for its
rank. ``--local-mode`` instead runs a single ``torchrun --standalone --nproc_per_node=2`` on the
driver. Each rank trains the same tiny MLP (DistributedDataParallel, gloo on the CPU) on random
data and writes its own file, ``DIR/job-{rank}.fitscope``. Both files hold one session (the
listener's rank-aware defaults), with the workers ``<host>:rank0`` and ``<host>:rank1``. The
driver prints the session id that rank 0 returns.

Online instead: ``--hub http://127.0.0.1:9000 [--token T]`` (a hub started with
``fitscope serve --remote``; the token may come from ``FITSCOPE_TOKEN``). Every rank then posts
through ``RemoteStatsRouter``, and its ``listener.close()`` at the end sends what is left.

Spark's own startup messages (log4j, and pyspark's FutureWarning about pandas 3 when pandas 3 is
installed) go to stderr. They are not errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def train(out: str | None, hub: str | None, token: str | None, steps: int, frequency: int) -> str:
    """One rank's training, run by torchrun in each process TorchDistributor starts."""
    import torch
    import torch.distributed as dist
    from torch.nn.parallel import DistributedDataParallel

    from fitscope import FileStatsStorage, StatsListener, StatsSink
    from fitscope.exporters import RemoteStatsRouter

    dist.init_process_group("gloo")  # env:// from torchrun's variables
    rank = dist.get_rank()
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2))
    model = DistributedDataParallel(net)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

    sink: StatsSink
    if hub:
        sink = RemoteStatsRouter(hub, token=token)
    else:
        assert out is not None
        sink = FileStatsStorage(Path(out) / f"job-{rank}.fitscope")
    listener = StatsListener(sink, frequency=frequency, session_name="spark-torch-distributor")
    listener.attach(model, optimizer)

    data = torch.Generator().manual_seed(1000 + rank)
    for _ in range(steps):
        x = torch.randn(32, 8, generator=data)
        y = (x[:, 0] > 0).long()
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        listener.iteration_done(loss, batch_size=len(x))
    listener.close()  # flushes the router or closes the file
    dist.barrier()
    dist.destroy_process_group()
    return listener.session_id


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, default=Path("runs"), help="folder of the files job-{rank}.fitscope")
    where.add_argument("--hub", help="URL of a hub (fitscope serve --remote) to post to instead")
    parser.add_argument("--token", help="the hub's token (default: FITSCOPE_TOKEN)")
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--frequency", type=int, default=5, help="a report every N steps")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--local-mode", action="store_true", help="one torchrun on the driver, no barrier tasks")
    args = parser.parse_args(argv)
    out = None
    if not args.hub:
        args.out.mkdir(parents=True, exist_ok=True)
        out = str(args.out.resolve())  # the ranks run in folders of Spark's own

    # Before the session starts: Spark binds its driver and block manager to this address, and
    # its Python workers (the barrier tasks) run this interpreter.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.ml.torch.distributor import TorchDistributor
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(f"local[{args.processes}]")
        .appName("fitscope-torch-distributor")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        distributor = TorchDistributor(num_processes=args.processes, local_mode=args.local_mode, use_gpu=False)
        session = distributor.run(train, out, args.hub, args.token, args.steps, args.frequency)
    finally:
        spark.stop()
    where = args.hub if args.hub else f"{out}/job-*.fitscope"
    print(f"fitscope: session {session}, {args.processes} workers -> {where}", flush=True)


if __name__ == "__main__":
    main()
