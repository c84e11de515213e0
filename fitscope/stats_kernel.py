"""The compiled CPU statistics kernel (``fitscope/_stats_kernel.c``): choosing it and feeding it tensors.

The kernel computes the statistics rows of :mod:`fitscope.tensor_stats` for CPU tensors of
float32, float64, float16 and bfloat16 in two passes over their memory (see the C file and
``docs/decisions/0007-cpu-stats-kernel.md``). It is optional: a build without a C compiler has no
``fitscope._stats_kernel`` and the summarizer uses its pure-torch path.

Which path runs: ``TensorSummarizer(kernel=...)``, else the ``FITSCOPE_KERNEL`` environment
variable, read when a summarizer is built: ``auto`` (the default: the compiled kernel when it is
installed), ``c`` (the compiled kernel, an error without it) or ``torch`` (the pure-torch path).

This module imports torch; fitscope's core must not import it at import time.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from types import ModuleType

import numpy as np
import torch

from fitscope.errors import FitscopeError

__all__ = ["KERNELS", "NSTATS", "CpuKernel", "kernel_error", "resolve_kernel"]

KERNELS = ("auto", "c", "torch")
ENV = "FITSCOPE_KERNEL"

#: Statistics columns of a row in the layout of :mod:`fitscope.tensor_stats`; a kernel built from an
#: older source writes fewer and is not used.
NSTATS = 10
# dtype -> the kernel's code for its values; bfloat16 travels as raw 16-bit words.
_CODES = {torch.float32: ord("f"), torch.float64: ord("d"), torch.float16: ord("e"), torch.bfloat16: ord("b")}


def _load() -> tuple[ModuleType | None, str | None]:
    """Imports the compiled kernel; returns it, or ``None`` and why it could not be imported."""
    try:
        from fitscope import _stats_kernel
    except ImportError as exc:  # built without a C compiler, or a wheel for another platform
        return None, f"{type(exc).__name__}: {exc}"
    if _stats_kernel.NSTATS != NSTATS:
        return None, f"built from an older source ({_stats_kernel.NSTATS} statistics columns, not {NSTATS}): rebuild it"
    return _stats_kernel, None


_module, _error = _load()


def kernel_error() -> str | None:
    """Why the compiled kernel cannot be loaded, or ``None`` when it can."""
    return _error


def resolve_kernel(kernel: str | None) -> str:
    """Returns the path a summarizer takes, ``"c"`` or ``"torch"``.

    Args:
        kernel: ``"auto"``, ``"c"``, ``"torch"``, or ``None`` for the ``FITSCOPE_KERNEL``
            environment variable (``auto`` when unset).

    Raises:
        ValueError: ``kernel`` (or the environment variable) names no path.
        FitscopeError: ``"c"`` is asked for and the compiled kernel is not installed.
    """
    source = "kernel" if kernel is not None else ENV
    choice = kernel if kernel is not None else (os.environ.get(ENV) or "auto")
    if choice not in KERNELS:
        raise ValueError(f"{source} must be one of {', '.join(KERNELS)}; got {choice!r}.")
    if choice == "torch" or (choice == "auto" and _module is None):
        return "torch"
    if _module is None:
        raise FitscopeError(
            f"The compiled statistics kernel (fitscope._stats_kernel) is not installed ({_error}). "
            f"Reinstall fitscope where a C compiler is available, or set {ENV}=torch."
        )
    return "c"


class CpuKernel:
    """Statistics rows of CPU tensors from the compiled kernel, in the layout of :mod:`fitscope.tensor_stats`.

    Args:
        bins: Number of histogram bins.
        moment: Compute the sum of squared deviations (for ``stdev``).
        histogram: Compute the bin counts.
    """

    def __init__(self, bins: int, *, moment: bool, histogram: bool) -> None:
        if _module is None:
            raise FitscopeError(f"The compiled statistics kernel is not installed ({_error}).")
        self._module = _module
        self.bins = bins
        self.flags = (_module.WANT_MOMENT if moment else 0) | (_module.WANT_HIST if histogram else 0)
        self.columns = _module.NSTATS + bins

    @staticmethod
    def handles(t: torch.Tensor) -> bool:
        """Whether the kernel takes ``t`` (a CPU tensor of one of its four dtypes)."""
        return t.device.type == "cpu" and t.dtype in _CODES

    def rows(
        self, tensors: Sequence[torch.Tensor], minus: Sequence[torch.Tensor | None] | None = None
    ) -> tuple[np.ndarray, bytes]:
        """Returns one statistics row per tensor (float64, ``NSTATS + bins`` columns) and how each was binned.

        Args:
            tensors: CPU tensors the kernel :meth:`handles`, none empty.
            minus: For each tensor, ``None`` or a tensor of the same dtype and element count:
                the row then describes ``tensor - minus`` (in float32 for the 16-bit dtypes,
                as ``tensor.float() - minus.float()``), computed without materialising it.

        The tensors are only read; non-contiguous ones are copied first. Values are passed by
        address (no Python object per tensor). The work runs on ``torch.get_num_threads()``
        threads without the GIL.
        """
        n = len(tensors)
        addresses = np.zeros(n, dtype=np.int64)
        subtract = np.zeros(n, dtype=np.int64)
        lengths = np.empty(n, dtype=np.int64)
        keep: list[torch.Tensor] = []  # contiguous copies, alive until the kernel has read them
        codes = bytearray(n)
        for i, t in enumerate(tensors):
            t = _readable(t, keep)
            addresses[i] = t.data_ptr()
            lengths[i] = t.numel()
            codes[i] = _CODES[t.dtype]
            m = None if minus is None else minus[i]
            if m is not None:
                if m.dtype != t.dtype or m.numel() != t.numel() or m.device.type != "cpu":
                    raise ValueError(
                        f"minus[{i}] must be a CPU tensor of {t.dtype} with {t.numel()} elements, "
                        f"got {m.dtype} with {m.numel()} on {m.device}."
                    )
                subtract[i] = _readable(m, keep).data_ptr()
        out = np.empty((n, self.columns), dtype=np.float64)
        modes: bytes = self._module.summarize_at(
            addresses, subtract, lengths, bytes(codes), self.bins, self.flags, out, torch.get_num_threads()
        )
        return out, modes


def _readable(t: torch.Tensor, keep: list[torch.Tensor]) -> torch.Tensor:
    """``t`` itself when its values lie contiguously in memory as they read, else a contiguous copy kept in ``keep``."""
    if t.is_contiguous() and not t.is_neg():
        return t
    copy = t.detach().resolve_neg().contiguous()
    keep.append(copy)
    return copy
