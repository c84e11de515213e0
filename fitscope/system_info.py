"""What a run runs on: software, hardware, and memory use at each report.

Imports only the standard library. torch is consulted only when the program already imported
it (``"torch" in sys.modules``), so a program that does not use torch never pays for it.

CUDA devices are read only once CUDA is initialized in this process (the model or a tensor
was put on a GPU): asking for a device's name or capacity would otherwise initialize CUDA,
which costs host and GPU memory and makes forked workers unable to use CUDA.

Every function here returns ``None`` for what it cannot tell and never raises.
"""

from __future__ import annotations

import os
import platform
import socket
import sys
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from fitscope.distributed import default_worker_id, rank_worker_id
from fitscope.records import DeviceInfo, DeviceMemory, Hardware, Memory, Software

__all__ = ["collect_hardware", "collect_software", "default_worker_id", "rank_worker_id", "read_memory"]

_MEMINFO = "/proc/meminfo"
_STATM = "/proc/self/statm"


def _torch() -> Any:
    """Returns the torch module when the program imported it, else None."""
    return sys.modules.get("torch")


# --------------------------------------------------------------------------- software


def collect_software(model: object = None) -> Software:
    """Describes the software of this run.

    Args:
        model: The model being trained. When it is a torch module, the framework fields are
            filled: framework, its version, the device and dtype of its parameters, and the
            backend (``"cpu"``, ``"cuda 12.4"``, ``"rocm 6.1"``, ``"mps"``...).

    Returns:
        Operating system, architecture, Python, hostname and fitscope versions, plus the
        framework fields for a torch model.
    """
    from fitscope import __version__

    info: dict[str, str | None] = {
        "os": _safe(platform.system),
        "os_version": _safe(platform.release),
        "arch": _safe(platform.machine),
        "python": platform.python_version(),
        "hostname": _safe(socket.gethostname),
        "fitscope_version": __version__,
    }
    torch = _torch()
    if torch is not None and isinstance(model, torch.nn.Module):
        try:
            info.update(_torch_software(torch, model))
        except Exception:  # describing the framework is best effort; the rest stays useful
            info["framework"] = "torch"
    return Software(**info)


def _torch_software(torch: Any, model: Any) -> dict[str, str | None]:
    tensors = [*model.parameters(), *model.buffers()]
    device = tensors[0].device if tensors else None
    dtype = next((t.dtype for t in tensors if t.is_floating_point()), None)
    return {
        "framework": "torch",
        "framework_version": str(torch.__version__),
        "device": None if device is None else str(device),
        "backend": None if device is None else _backend(torch, device.type),
        "dtype": None if dtype is None else str(dtype).removeprefix("torch."),
    }


def _backend(torch: Any, device_type: str) -> str:
    if device_type == "cuda":
        # ROCm builds of torch present AMD GPUs as "cuda" devices.
        hip = getattr(torch.version, "hip", None)
        return f"rocm {hip}" if hip else f"cuda {torch.version.cuda}"
    return device_type


def _safe(fn: Any) -> str | None:
    try:
        value = fn()
    except Exception:  # platform probes can fail in odd sandboxes
        return None
    return str(value) if value else None


# --------------------------------------------------------------------------- hardware


def collect_hardware() -> Hardware:
    """Describes the machine: CPUs, memory, and accelerators torch is using.

    Returns:
        CPU count, total memory (``None`` where unknown) and, when torch is imported, each
        CUDA device (``"cuda:0 NVIDIA H100 80GB HBM3"`` with its capacity) once CUDA is
        initialized, and ``"mps"`` when Apple's MPS backend is available.
    """
    devices: list[DeviceInfo] = []
    torch = _torch()
    if torch is not None:
        try:
            devices.extend(
                DeviceInfo(name=f"cuda:{i} {torch.cuda.get_device_name(i)}", memory_total_bytes=_cuda_total(i))
                for i in _cuda_indices(torch)
            )
            mps = getattr(torch.backends, "mps", None)
            if mps is not None and mps.is_available():
                devices.append(DeviceInfo(name="mps"))
        except Exception:  # a broken driver must not stop training
            pass
    return Hardware(cpu_count=os.cpu_count(), memory_total_bytes=_system_total(), devices=tuple(devices))


def _cuda_indices(torch: Any) -> range:
    cuda = torch.cuda
    if not cuda.is_available() or not cuda.is_initialized():
        return range(0)
    return range(cuda.device_count())


@cache
def _cuda_total(index: int) -> int | None:
    torch = _torch()
    try:
        return int(torch.cuda.get_device_properties(index).total_memory)
    except Exception:  # capacity is informative only
        return None


# --------------------------------------------------------------------------- memory


def read_memory(devices: Sequence[str] | None = None) -> Memory:
    """Reads memory use now; cheap enough for every report (~25 us on Linux, ~40 us with a GPU).

    Args:
        devices: Accelerators to report, such as ``["cuda:0"]`` (``"cuda"`` is the current
            CUDA device, ``"mps"`` Apple's GPU; others are skipped). ``None`` reports every
            CUDA device once CUDA is initialized.

    Returns:
        Process resident memory, system total and available memory, and per device the bytes
        torch has allocated now, the peak allocation and the capacity. The process figure
        comes from ``/proc/self/statm`` on Linux; elsewhere it is the *peak* resident size
        from ``getrusage`` (the best a standard library offers), and system available
        memory is unknown (``None``) outside Linux.
    """
    return Memory(
        process_rss_bytes=_process_rss(),
        system_total_bytes=_system_total(),
        system_available_bytes=_system_available(),
        devices=_device_memory(devices),
    )


@lru_cache(maxsize=1)
def _page_size() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


@lru_cache(maxsize=1)
def _system_total() -> int | None:
    kib = _meminfo_kib("MemTotal:")
    if kib is not None:
        return kib * 1024
    page, pages = _page_size(), _sysconf("SC_PHYS_PAGES")
    return page * pages if page and pages else None


def _sysconf(name: str) -> int | None:
    try:
        value = os.sysconf(name)
    except (AttributeError, ValueError, OSError):
        return None
    return value if value > 0 else None


def _system_available() -> int | None:
    kib = _meminfo_kib("MemAvailable:")
    return None if kib is None else kib * 1024


def _meminfo_kib(key: str) -> int | None:
    try:
        with open(_MEMINFO, "rb") as f:
            text = f.read()
        start = text.index(key.encode()) + len(key)
        return int(text[start : text.index(b"\n", start)].split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _process_rss() -> int | None:
    page = _page_size()
    try:
        with open(_STATM, "rb") as f:
            resident_pages = int(f.read().split()[1])
        if page:
            return resident_pages * page
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    try:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except (OSError, ValueError):
        return None
    # ru_maxrss is in bytes on macOS and in KiB on Linux and the BSDs.
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def _device_memory(names: Sequence[str] | None) -> tuple[DeviceMemory, ...]:
    torch = _torch()
    if torch is None:
        return ()
    try:
        if names is None:
            names = [f"cuda:{i}" for i in _cuda_indices(torch)]
    except Exception:  # memory figures are informative; a driver error must not stop training
        return ()
    out = []
    for name in names:
        try:
            memory = _one_device(torch, name)
        except Exception:  # same: an unknown device name or a driver error gives no figures
            memory = DeviceMemory(name=name)
        if memory is not None:
            out.append(memory)
    return tuple(out)


def _one_device(torch: Any, name: str) -> DeviceMemory | None:
    kind, _, index_text = name.partition(":")
    if kind == "cuda":
        if not torch.cuda.is_available() or not torch.cuda.is_initialized():
            return DeviceMemory(name=name)
        index = int(index_text) if index_text else torch.cuda.current_device()
        # One nested-dict read gives both figures in ~10 us; memory_allocated() and
        # max_memory_allocated() each flatten every statistic (~70 us apiece on an H100 host).
        allocated = torch.cuda.memory_stats_as_nested_dict(index).get("allocated_bytes", {}).get("all", {})
        current, peak = allocated.get("current"), allocated.get("peak")
        return DeviceMemory(
            name=f"cuda:{index}",
            current_bytes=None if current is None else int(current),
            max_bytes=None if peak is None else int(peak),
            total_bytes=_cuda_total(index),
        )
    if kind == "mps":
        mps = getattr(torch, "mps", None)
        current = getattr(mps, "current_allocated_memory", None)
        return DeviceMemory(name="mps", current_bytes=int(current()) if current is not None else None)
    return None
