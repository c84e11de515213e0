"""Tests of fitscope.system_info: worker id, software, hardware and memory readings."""

from __future__ import annotations

import os
import platform
import socket
import sys
import time

import numpy as np
import pytest
import torch
from torch import nn

import fitscope
from fitscope.system_info import collect_hardware, collect_software, default_worker_id, read_memory

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_worker_id_is_host_and_pid() -> None:
    assert not torch.distributed.is_initialized()
    assert default_worker_id() == f"{socket.gethostname()}:{os.getpid()}"


def test_software_without_a_model() -> None:
    sw = collect_software()
    assert sw.os == platform.system()
    assert sw.os_version == platform.release()
    assert sw.arch == platform.machine()
    assert sw.python == platform.python_version()
    assert sw.hostname == socket.gethostname()
    assert sw.fitscope_version == fitscope.__version__
    assert sw.framework is None and sw.device is None and sw.dtype is None


def test_software_for_a_torch_model() -> None:
    model = nn.Sequential(nn.Embedding(5, 3), nn.Linear(3, 2).double())
    sw = collect_software(model)
    assert sw.framework == "torch"
    assert sw.framework_version == torch.__version__
    assert sw.device == "cpu"
    assert sw.backend == "cpu"
    assert sw.dtype == "float32"
    assert collect_software(nn.Linear(2, 2).to(torch.bfloat16)).dtype == "bfloat16"


def test_software_for_something_else_has_no_framework() -> None:
    assert collect_software(object()).framework is None


def test_hardware() -> None:
    hw = collect_hardware()
    assert hw.cpu_count == os.cpu_count()
    assert hw.cpu_count is not None and hw.cpu_count > 0
    if sys.platform.startswith("linux"):
        assert hw.memory_total_bytes is not None and hw.memory_total_bytes > 0
    if not torch.cuda.is_available():
        assert all(not d.name.startswith("cuda") for d in hw.devices)


@linux_only
def test_memory_rss_grows_with_a_touched_array() -> None:
    before = read_memory().process_rss_bytes
    assert before is not None and before > 0
    array = np.ones(200 * 1024 * 1024 // 8)  # np.ones writes every page
    after = read_memory().process_rss_bytes
    assert after is not None
    # Not all 200 MiB: the kernel may reclaim idle pages of the process meanwhile (DAMON on CI machines).
    assert after - before >= 100 * 1024 * 1024
    del array


@linux_only
def test_memory_system_figures() -> None:
    memory = read_memory()
    assert memory.system_total_bytes is not None and memory.system_available_bytes is not None
    assert 0 < memory.system_available_bytes <= memory.system_total_bytes
    assert memory.system_total_bytes == collect_hardware().memory_total_bytes


def test_memory_devices() -> None:
    if not torch.cuda.is_available():
        assert read_memory().devices == ()
        # An uninitialized or absent device reads as unknown, not as an error.
        (cuda,) = read_memory(["cuda:0"]).devices
        assert cuda.name == "cuda:0" and cuda.current_bytes is None
    assert read_memory(["cpu"]).devices == ()


@linux_only
def test_read_memory_is_cheap() -> None:
    read_memory()
    n = 500
    start = time.perf_counter()
    for _ in range(n):
        read_memory()
    per_call = (time.perf_counter() - start) / n
    assert per_call < 0.002  # generous for loaded CI machines; about 0.025 ms when idle


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_cuda_figures() -> None:
    model = nn.Linear(4, 4).cuda()
    sw = collect_software(model)
    assert sw.device == f"cuda:{torch.cuda.current_device()}"
    assert sw.backend is not None and sw.backend.startswith(("cuda ", "rocm "))
    (device, *_) = collect_hardware().devices
    assert device.name.startswith("cuda:0 ") and device.memory_total_bytes
    block = torch.empty(64 * 1024 * 1024, dtype=torch.uint8, device="cuda")
    (cuda,) = read_memory(["cuda"]).devices
    assert cuda.current_bytes is not None and cuda.current_bytes >= block.numel()
    assert cuda.max_bytes is not None and cuda.max_bytes >= cuda.current_bytes
    assert cuda.total_bytes == torch.cuda.get_device_properties(0).total_memory
    assert read_memory().devices[0].name == "cuda:0"
