"""DDP under Ray Train's TorchTrainer, every rank watched by fitscope: one session, one worker per rank.

Run (a local Ray on 127.0.0.1 with 2 CPU workers; ``pip install "ray[train]"``; about 45-75 s
on 2 CPU cores, most of it Ray starting)::

    python examples/ray_train.py --out runs/
    fitscope serve runs/job-0.fitscope runs/job-1.fitscope  # or runs/job-*.fitscope

``TorchTrainer`` starts one Ray actor per rank. Before calling the training function, Ray sets
up the gloo process group itself (``TorchConfig``). Each rank trains the same tiny MLP
(``prepare_model``: DistributedDataParallel) on random data and writes its own file,
``DIR/job-{rank}.fitscope``. Both files hold one session (the listener's rank-aware defaults),
with the workers ``<host>:rank0`` and ``<host>:rank1``. The driver prints the session id that
rank 0 returns.

Online instead: ``--hub http://127.0.0.1:9000 [--token T]`` (a hub started with
``fitscope serve --remote``; the token may come from ``FITSCOPE_TOKEN``). Every rank then posts
through ``RemoteStatsRouter``, and its ``listener.close()`` at the end sends what is left.

How this script keeps Ray local (each is set only when you have not set it):

- ``RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0``: Ray's node address is the loopback one. Ray replaces
  ``ray.init(_node_ip_address="127.0.0.1")`` with the machine's routed address, and the ranks'
  ``MASTER_ADDR`` would be that address.
- ``RAY_AUTH_MODE=token`` with a random ``RAY_AUTH_TOKEN`` for this run: Ray's token
  authentication stays on, without Ray writing ``~/.ray/auth_token``.
- ``RAY_USAGE_STATS_ENABLED=0``; no dashboard. Ray Train's placement-group cleaner therefore
  logs "Failed to query Ray Train Controller actor state. State API may be temporarily
  unavailable". That is harmless.
- Ray's temporary folder (sockets, logs) and Train's results go into a new folder under the
  system's temporary folder, not ``/tmp/ray`` or ``~/ray_results``. It is removed after a
  successful run and kept (the path is printed) after a failure.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import Any


def train(config: dict[str, Any]) -> str:
    """One rank's training, run by Ray Train in each worker actor (the process group exists)."""
    import ray.train
    import ray.train.torch
    import torch

    from fitscope import FileStatsStorage, StatsListener, StatsSink
    from fitscope.exporters import RemoteStatsRouter

    rank = ray.train.get_context().get_world_rank()
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2))
    model = ray.train.torch.prepare_model(net)  # DistributedDataParallel on Ray's process group
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

    sink: StatsSink
    if config["hub"]:
        sink = RemoteStatsRouter(config["hub"], token=config["token"])
    else:
        sink = FileStatsStorage(Path(config["out"]) / f"job-{rank}.fitscope")
    listener = StatsListener(sink, frequency=config["frequency"], session_name="ray-train")
    listener.attach(model, optimizer)

    data = torch.Generator().manual_seed(1000 + rank)
    for _ in range(config["steps"]):
        x = torch.randn(32, 8, generator=data)
        y = (x[:, 0] > 0).long()
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        listener.iteration_done(loss, batch_size=len(x))
    listener.close()  # flushes the router or closes the file
    return listener.session_id


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, default=Path("runs"), help="folder of the files job-{rank}.fitscope")
    where.add_argument("--hub", help="URL of a hub (fitscope serve --remote) to post to instead")
    parser.add_argument("--token", help="the hub's token (default: FITSCOPE_TOKEN)")
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--frequency", type=int, default=5, help="a report every N steps")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    out = None
    if not args.hub:
        args.out.mkdir(parents=True, exist_ok=True)
        out = str(args.out.resolve())  # Ray's workers do not run in this folder

    # Before Ray is imported (it reads these at import) and started (its processes inherit them).
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not {"RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH"} & os.environ.keys():
        os.environ["RAY_AUTH_MODE"] = "token"
        os.environ["RAY_AUTH_TOKEN"] = secrets.token_hex(16)
    import ray
    from ray.train import RunConfig, ScalingConfig
    from ray.train.torch import TorchTrainer

    temp = tempfile.mkdtemp(prefix="fitscope-ray-")  # short: Ray puts unix sockets in it
    ray.init(
        address="local",
        _node_ip_address="127.0.0.1",
        num_cpus=args.workers,
        include_dashboard=False,
        _temp_dir=temp,
    )
    try:
        trainer = TorchTrainer(
            train,
            train_loop_config={
                "out": out,
                "hub": args.hub,
                "token": args.token,
                "steps": args.steps,
                "frequency": args.frequency,
            },
            scaling_config=ScalingConfig(num_workers=args.workers, use_gpu=False),
            run_config=RunConfig(storage_path=os.path.join(temp, "results"), name="fitscope-ray-train"),
        )
        result = trainer.fit()
    except BaseException:
        print(f"fitscope example: Ray's logs are kept in {temp}", flush=True)
        raise
    finally:
        ray.shutdown()
    shutil.rmtree(temp, ignore_errors=True)
    where = args.hub if args.hub else f"{out}/job-*.fitscope"
    print(f"fitscope: session {result.return_value}, {args.workers} workers -> {where}", flush=True)


if __name__ == "__main__":
    main()
