"""``torchrun --nproc_per_node=2`` trains a small DDP model; both ranks post to one hub through
RemoteStatsRouter with the listener's defaults: the hub stores one session with 2 workers and
every report of each."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import TOKEN, Hub

STEPS = 40
FREQUENCY = 5

SCRIPT = textwrap.dedent(
    f"""
    import sys
    import torch
    import torch.distributed as dist
    from torch.nn.parallel import DistributedDataParallel
    from fitscope import StatsListener
    from fitscope.exporters import RemoteStatsRouter

    dist.init_process_group("gloo")
    rank = dist.get_rank()
    torch.manual_seed(rank)
    net = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2))
    model = DistributedDataParallel(net)
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    router = RemoteStatsRouter(sys.argv[1], spool_dir=sys.argv[2], max_delay_s=0.1)  # token: FITSCOPE_TOKEN
    listener = StatsListener(router, frequency={FREQUENCY})
    listener.attach(model, opt)
    for _ in range({STEPS}):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(torch.randn(16, 8)), torch.randint(0, 2, (16,)))
        loss.backward()
        opt.step()
        listener.iteration_done(loss, batch_size=16)
    listener.close()
    assert router.status().pending_batches == 0, router.status()
    dist.destroy_process_group()
    """
)


@pytest.mark.timeout(300)
def test_two_torchrun_ranks_post_one_session_with_two_workers_to_one_hub(hub: Hub, tmp_path: Path) -> None:
    script = tmp_path / "train.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "FITSCOPE_TOKEN": TOKEN, "OMP_NUM_THREADS": "1"}
    env.pop("FITSCOPE_SESSION_ID", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "torch.distributed.run",
            "--standalone",
            "--nproc_per_node=2",
            str(script),
            hub.url,
            str(tmp_path / "spool"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    sessions = hub.storage.list_sessions()
    assert len(sessions) == 1, sessions
    workers = hub.storage.list_workers(sessions[0])
    assert len(workers) == 2 and sorted(w.rsplit(":", 1)[1] for w in workers) == ["rank0", "rank1"]
    for worker in workers:
        iterations = [r.iteration for r in hub.storage.iter_updates(sessions[0], worker)]
        assert iterations == list(range(FREQUENCY, STEPS + 1, FREQUENCY))
        static = hub.storage.get_static_info(sessions[0], worker)
        assert static is not None and static.model is not None
