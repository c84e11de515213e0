"""DDP under torchrun, every rank watched by fitscope: one session, one worker per rank.

Run (on 127.0.0.1; about 15 s on 2 CPU cores)::

    torchrun --standalone --nproc_per_node=2 examples/torchrun_ddp.py --out runs/
    fitscope serve runs/job-0.fitscope runs/job-1.fitscope  # or runs/job-*.fitscope

Each rank trains the same tiny MLP (DistributedDataParallel; gloo on CPU, NCCL when every local
rank has a GPU of its own) on random data for ``--steps`` steps and writes its own file,
``DIR/job-{rank}.fitscope``. Both files hold the same session (the listener's rank-aware
defaults: no session id in this script), so ``fitscope serve`` shows one session with the
workers ``<host>:rank0`` and ``<host>:rank1``. Rank 0 prints where the files went.

Online instead: start a hub (``fitscope serve --remote --token T``) and give its URL::

    torchrun --standalone --nproc_per_node=2 examples/torchrun_ddp.py --hub http://127.0.0.1:9000 --token T

Every rank then posts to the hub through ``RemoteStatsRouter`` (``--token`` may be left out when
``FITSCOPE_TOKEN`` is set). Each rank closes its listener at the end, which sends what is left.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

from fitscope import FileStatsStorage, StatsListener, StatsSink
from fitscope.exporters import RemoteStatsRouter


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, default=Path("runs"), help="folder of the files job-{rank}.fitscope")
    where.add_argument("--hub", help="URL of a hub (fitscope serve --remote) to post to instead")
    parser.add_argument("--token", help="the hub's token (default: FITSCOPE_TOKEN)")
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--frequency", type=int, default=5, help="a report every N steps")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    local_world = int(os.environ.get("LOCAL_WORLD_SIZE", "1"))
    on_gpu = torch.cuda.is_available() and torch.cuda.device_count() >= local_world
    if on_gpu:
        device = torch.device("cuda", local_rank)
        torch.cuda.set_device(device)
    else:
        device = torch.device("cpu")
    dist.init_process_group("nccl" if on_gpu else "gloo")  # env:// from torchrun's variables
    rank = dist.get_rank()

    torch.manual_seed(0)  # the same initial weights on every rank (DDP broadcasts rank 0's anyway)
    net = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2)).to(device)
    model = DistributedDataParallel(net, device_ids=[device.index] if on_gpu else None)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

    sink: StatsSink
    if args.hub:
        sink = RemoteStatsRouter(args.hub, token=args.token)
    else:
        args.out.mkdir(parents=True, exist_ok=True)
        sink = FileStatsStorage(args.out / f"job-{rank}.fitscope")
    listener = StatsListener(sink, frequency=args.frequency, session_name="torchrun-ddp")
    listener.attach(model, optimizer)

    data = torch.Generator().manual_seed(1000 + rank)  # each rank its own shard of the data
    for _ in range(args.steps):
        x = torch.randn(32, 8, generator=data).to(device)
        y = (x[:, 0] > 0).long()
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        listener.iteration_done(loss, batch_size=len(x))
    listener.close()  # flushes the router or closes the file

    dist.barrier()
    if rank == 0:
        where = args.hub if args.hub else f"{args.out}/job-*.fitscope"
        print(f"fitscope: session {listener.session_id}, {dist.get_world_size()} workers -> {where}", flush=True)
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
