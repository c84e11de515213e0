"""Batched statistics of many tensors: the kernel behind the torch listener's summaries.

:class:`TensorSummarizer` turns a list of tensors into one :class:`~fitscope.records.Summary`
each, with the semantics of ``docs/non-finite.md``: every statistic is over the finite values
(as float64), non-finite values are counted beside them, and the histogram is exactly
``np.histogram(finite.astype(np.float64), bins, range=(min, max))``.

Tensors are grouped by device and reduced there; each device's results land in one float64
matrix (a row per tensor) that is copied to the host once. The work is done in units of at
most ``_Tuning.piece`` elements, converted to float64 in one buffer seen as a matrix, so that
every reduction is a row-wise one (no segment reduction, no atomics):

* Stacked units (CPU) hold tensors of one size, one per row.
* Chunked units hold tensors of any sizes, each spread over rows of ``_Tuning.width``
  elements and padded with NaN (masked out like any NaN, and taken off the NaN count). Row
  results are merged per tensor through a small dense grid, so the number of ops does not grow
  with the number of tensors.
* A tensor larger than a unit is reduced piece by piece; pieces merge exactly (sums) or with
  Chan's formula (the sum of squared deviations), then a second pass bins them.

CPU tensors of float32, float64, float16 and bfloat16 go to the compiled kernel of
:mod:`fitscope.stats_kernel` instead (two passes over memory, same rows) when it is installed;
``TensorSummarizer(kernel="torch")`` or ``FITSCOPE_KERNEL=torch`` keeps everything on the
torch path described here.

On an accelerator nothing reads a device value before the final copy (``sync_free``): values
are always masked to their finite part, bins follow numpy's own algorithm step for step
(:func:`_numpy_bins`) and, on CUDA, counts use ``histc`` (``bincount`` reads its largest key
back). On the CPU, where reading a value costs nothing, a stacked unit is masked only when a
row sum is not finite (a finite sum means every value is finite), and bins come from
:func:`_fast_bins`, proven equal to numpy's for the ranges it is used on.

This module imports torch; fitscope's core must not import it at import time.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from fitscope.records import Histogram, Summary
from fitscope.stats_kernel import NSTATS, CpuKernel, resolve_kernel

__all__ = ["TensorSummarizer"]

_F64 = torch.float64
_I64 = torch.int64
_INF = math.inf

# Columns of a statistics row (float64; counts are exact below 2**53), then the bin counts.
_FIN, _NAN, _POS, _SUM, _SSQ, _ABS, _MIN, _MAX, _M2, _ZER = range(10)
_NSTATS = NSTATS
# Plans kept per summarizer: an overhead budget that spreads histograms cycles each summarizer
# through up to MAX_STRIDE (16) layouts, one per report of a cycle.
_MAX_PLANS = 40


@dataclass(frozen=True)
class _Tuning:
    """How one device's tensors are cut into units of work.

    Attributes:
        piece: Most elements in one unit; larger tensors are reduced piece by piece.
        width: Row width of chunked units.
        stack_min: Tensors of one size are stacked one per row when they hold at least this
            many elements together; the others are chunked. ``None``: never stack.
        sync_free: Never read a device value before the final copy to the host.
    """

    piece: int
    width: int
    stack_min: int | None
    sync_free: bool


# Accelerators: launches cost more than elements, so everything up to a unit is chunked; a
# unit's temporaries take ~40 bytes an element.
_ACCEL_TUNING = _Tuning(piece=1 << 22, width=1 << 12, stack_min=None, sync_free=True)


def _cpu_tuning() -> _Tuning:
    """CPU units that stay in cache yet give every thread enough work (measured: 2^18 elements best
    on 2 threads, 2^20 on 16). A unit costs ~100 us of per-op overhead, so lone small tensors are
    chunked together rather than stacked alone."""
    piece = min(max(torch.get_num_threads() << 16, 1 << 18), 1 << 20)
    return _Tuning(piece=piece, width=1 << 10, stack_min=1 << 14, sync_free=False)


@dataclass
class _Unit:
    """Tensors reduced together as the rows of one float64 matrix.

    Attributes:
        members: Positions (in the device group) of the tensors.
        numels: Their element counts.
        width: Elements per row.
        first: First row of each member, then the number of rows.
        pads: NaN elements padding each member to whole rows.
        rows_of: Member of each row (on the device); ``None`` when each member is one row.
        max_rows: Most rows of one member.
        slots: Place of each row in a ``(members, max_rows)`` grid (on the device), or ``None``.
        pad_counts: ``pads`` as float64 on the device, or ``None`` without padding.
    """

    members: list[int]
    numels: list[int]
    width: int
    first: list[int]
    pads: list[int]
    rows_of: torch.Tensor | None
    max_rows: int
    slots: torch.Tensor | None
    pad_counts: torch.Tensor | None


@dataclass
class _Plan:
    """What depends only on the layout (device and element counts) of a device group.

    Attributes:
        units: Tensors reduced together.
        singles: Positions of the tensors reduced piece by piece.
        order: ``order[r]`` is the group position that row ``r`` of the result describes.
    """

    units: list[_Unit]
    singles: list[int]
    order: list[int]


class TensorSummarizer:
    """Computes :class:`~fitscope.records.Summary` statistics of many tensors at once.

    An instance keeps scratch buffers and per-layout plans between calls; it is not
    thread-safe. Inputs are never modified and no autograd graph is built.

    Args:
        bins: Number of histogram bins (at least 1).
        mean: Compute ``mean``.
        stdev: Compute ``stdev`` (sample standard deviation, N-1).
        mean_magnitude: Compute ``mean_magnitude`` (mean of ``|x|``).
        histogram: Compute ``histogram``.
        kernel: Path for CPU tensors: ``"auto"`` (the compiled kernel when installed), ``"c"``
            (the compiled kernel), ``"torch"`` (pure torch); ``None`` reads the
            ``FITSCOPE_KERNEL`` environment variable (see :mod:`fitscope.stats_kernel`).

    Raises:
        ValueError: ``bins`` is not a positive integer, or ``kernel`` names no path.
        FitscopeError: ``kernel="c"`` and the compiled kernel is not installed.
    """

    def __init__(
        self,
        bins: int = 20,
        *,
        mean: bool = True,
        stdev: bool = True,
        mean_magnitude: bool = True,
        histogram: bool = True,
        kernel: str | None = None,
    ) -> None:
        if isinstance(bins, bool) or not isinstance(bins, int) or bins < 1:
            raise ValueError(f"The number of histogram bins must be a positive integer; got {bins!r}.")
        self.kernel = resolve_kernel(kernel)
        self._cpu = CpuKernel(bins, moment=stdev, histogram=histogram) if self.kernel == "c" else None
        self.bins = bins
        self.mean = mean
        self.stdev = stdev
        self.mean_magnitude = mean_magnitude
        self.histogram = histogram
        self._plans: OrderedDict[tuple[torch.device, tuple[int, ...]], _Plan] = OrderedDict()
        self._scratch: dict[str, torch.Tensor] = {}
        self._nans: dict[tuple[torch.device, torch.dtype], torch.Tensor] = {}
        self._tuning_override: _Tuning | None = None  # tests run the accelerator path on the CPU

    def summarize(
        self, tensors: Sequence[torch.Tensor], minus: Sequence[torch.Tensor | None] | None = None
    ) -> list[Summary]:
        """Returns one summary per tensor, in input order.

        Args:
            tensors: Floating-point tensors of any shape, dtype and device.
            minus: For each tensor, ``None`` or a tensor of the same dtype, shape and device: its
                summary then describes ``tensor - minus`` (for float16 and bfloat16, in float32:
                ``tensor.float() - minus.float()``). A parameter's update from its pre-step copy:
                the compiled kernel computes the differences as it reads, without storing them.

        Raises:
            TypeError: A tensor is not floating-point.
            ValueError: ``minus`` does not match ``tensors``.
        """
        if minus is not None and len(minus) != len(tensors):
            raise ValueError(f"minus must have one entry per tensor ({len(tensors)}), got {len(minus)}.")
        groups: dict[torch.device, list[int]] = {}
        compiled: list[int] = []  # positions of the tensors the compiled kernel takes
        cpu = self._cpu if self._tuning_override is None else None
        for i, t in enumerate(tensors):
            if not t.is_floating_point():
                raise TypeError(f"TensorSummarizer summarizes floating-point tensors; tensor {i} is {t.dtype}.")
            m = None if minus is None else minus[i]
            if m is not None and (m.dtype != t.dtype or m.shape != t.shape or m.device != t.device):
                raise ValueError(
                    f"minus[{i}] must match tensor {i} ({t.dtype}, {tuple(t.shape)}, {t.device}); "
                    f"got {m.dtype}, {tuple(m.shape)}, {m.device}."
                )
            if not t.numel():
                continue
            if cpu is not None and cpu.handles(t):
                compiled.append(i)
            else:
                groups.setdefault(t.device, []).append(i)
        out = [Summary(count=0, zero_count=0)] * len(tensors)
        with torch.no_grad():
            # Queue every device's work before the first copy to the host, so devices overlap
            # (accelerators first: the CPU kernel below runs while they work).
            devices = sorted(groups, key=lambda d: d.type == "cpu")
            pending: list[tuple[list[int], list[int], np.ndarray | torch.Tensor]] = []
            for d in devices:
                order, device_rows = self._rows(d, [_difference(tensors[i], minus, i) for i in groups[d]])
                pending.append((groups[d], order, device_rows.numpy() if d.type == "cpu" else device_rows))
            if compiled:
                assert cpu is not None
                values, _ = cpu.rows(
                    [tensors[i] for i in compiled], None if minus is None else [minus[i] for i in compiled]
                )
                pending.append((compiled, list(range(len(compiled))), values))
            for idx, order, rows in pending:
                host = rows if isinstance(rows, np.ndarray) else rows.cpu().numpy()
                positions = [idx[pos] for pos in order]
                summaries = self._summaries([tensors[p].numel() for p in positions], host)
                for pos, summary in zip(positions, summaries, strict=True):
                    out[pos] = summary
        return out

    # ----------------------------------------------------------------------------- planning

    def _plan(self, device: torch.device, numels: tuple[int, ...], tuning: _Tuning) -> _Plan:
        key = (device, numels)
        plan = self._plans.get(key)
        if plan is not None:
            self._plans.move_to_end(key)
            return plan
        by_size: dict[int, list[int]] = {}
        for pos, n in enumerate(numels):
            by_size.setdefault(n, []).append(pos)
        units: list[_Unit] = []
        singles: list[int] = []
        pool: list[int] = []
        for n, same in by_size.items():
            if n > tuning.piece:
                singles += same
            elif tuning.stack_min is None or n * len(same) < tuning.stack_min:
                pool += same
            else:
                rows = tuning.piece // n
                units += [_unit(same[i : i + rows], numels, n, device) for i in range(0, len(same), rows)]
        members: list[int] = []
        used = 0
        for pos in sorted(pool):
            size = -(-numels[pos] // tuning.width) * tuning.width
            if members and used + size > tuning.piece:
                units.append(_unit(members, numels, tuning.width, device))
                members, used = [], 0
            members.append(pos)
            used += size
        if members:
            units.append(_unit(members, numels, tuning.width, device))
        plan = _Plan(units, singles, [m for u in units for m in u.members] + singles)
        self._plans[key] = plan
        if len(self._plans) > _MAX_PLANS:
            self._plans.popitem(last=False)
        return plan

    def _rows(self, device: torch.device, tensors: list[torch.Tensor]) -> tuple[list[int], torch.Tensor]:
        """Returns the statistics rows of one device's tensors and the group position of each row."""
        tuning = self._tuning_override or (_cpu_tuning() if device.type == "cpu" else _ACCEL_TUNING)
        plan = self._plan(device, tuple(t.numel() for t in tensors), tuning)
        flats = [t.detach().reshape(-1) for t in tensors]
        blocks = [self._unit_rows(flats, unit, tuning.sync_free) for unit in plan.units]
        blocks += [self._single_row(flats[pos], tuning)[None] for pos in plan.singles]
        return plan.order, torch.cat(blocks)

    def _buffer(self, name: str, n: int, dtype: torch.dtype, device: torch.device) -> torch.Tensor:
        """Returns ``n`` elements of a scratch buffer, kept on the CPU: page faults cost more than the work."""
        if device.type != "cpu":
            return torch.empty(n, dtype=dtype, device=device)
        buf = self._scratch.get(name)
        if buf is None or buf.numel() < n or buf.dtype != dtype:
            buf = torch.empty(n, dtype=dtype)
            self._scratch[name] = buf
        return buf[:n]

    def _matrix(self, parts: list[torch.Tensor], rows: int, cols: int) -> torch.Tensor:
        """Returns ``parts`` (flat tensors) concatenated as a float64 matrix; inputs are only read."""
        if len(parts) == 1 and parts[0].dtype == _F64:
            return parts[0].view(rows, cols)
        device = parts[0].device
        x = self._buffer("x", rows * cols, _F64, device)
        if len(parts) == 1:
            return x.copy_(parts[0]).view(rows, cols)
        if device.type != "cpu" and len({p.dtype for p in parts}) == 1:
            # CUDA concatenates inputs of the output's dtype in one launch, others one by one
            joined = torch.cat(parts)
            return (joined if joined.dtype == _F64 else x.copy_(joined)).view(rows, cols)
        return torch.cat(parts, out=x).view(rows, cols)

    def _padding(self, n: int, like: torch.Tensor) -> torch.Tensor:
        """Returns at least ``n`` NaN of ``like``'s dtype and device (cached)."""
        key = (like.device, like.dtype)
        nans = self._nans.get(key)
        if nans is None or nans.numel() < n:
            nans = self._nans[key] = torch.full((max(n, 1 << 12),), math.nan, dtype=like.dtype, device=like.device)
        return nans

    # ----------------------------------------------------------------------------- units

    def _unit_rows(self, flats: list[torch.Tensor], unit: _Unit, sync_free: bool) -> torch.Tensor:
        """Statistics rows of a unit's tensors."""
        parts = []
        nans = self._padding(max(unit.pads), flats[unit.members[0]]) if unit.pad_counts is not None else None
        for m, pad in zip(unit.members, unit.pads, strict=True):
            parts.append(flats[m])
            if pad:
                assert nans is not None
                parts.append(nans[:pad] if nans.dtype == flats[m].dtype else self._padding(pad, flats[m])[:pad])
        x = self._matrix(parts, unit.first[-1], unit.width)
        padded = unit.pad_counts is not None
        if unit.rows_of is None:  # one row per member
            stats, fin = self._row_stats(x, sync_free or padded, deviations=self.stdev)
        else:
            stats, fin = self._row_stats(x, True, deviations=False)
            stats = _combine(stats, unit)
            if self.stdev:
                mean = (stats[:, _SUM] / stats[:, _FIN]).index_select(0, unit.rows_of)
                scratch = self._buffer("f", x.numel(), _F64, x.device).view(x.shape)
                squares, shift = _combine(_deviations(x, fin, mean, scratch), unit).unbind(1)
                stats[:, _M2] = _corrected(squares, shift, stats[:, _FIN])
        if unit.pad_counts is not None:
            stats[:, _NAN] -= unit.pad_counts  # the padding is no NaN of the tensors
        if not self.histogram:
            return stats
        params = _BinParams(stats[:, _MIN], stats[:, _MAX], self.bins, sync_free)
        return torch.cat([stats, self._counts(x, fin, params, unit)], 1)

    def _single_row(self, flat: torch.Tensor, tuning: _Tuning) -> torch.Tensor:
        """Statistics row of one tensor larger than a unit, reduced piece by piece."""
        pieces = [flat[a : a + tuning.piece] for a in range(0, flat.numel(), tuning.piece)]
        rows, masked = [], []
        for part in pieces:
            stats, fin = self._row_stats(self._matrix([part], 1, part.numel()), tuning.sync_free, self.stdev)
            rows.append(stats)
            masked.append(fin is not None)
        row = _merge(torch.cat(rows))
        hist = torch.zeros(1, self.bins if self.histogram else 0, dtype=_F64, device=flat.device)
        if self.histogram:
            params = _BinParams(row[_MIN : _MIN + 1], row[_MAX : _MAX + 1], self.bins, tuning.sync_free)
            for part, mask in zip(pieces, masked, strict=True) if params.needed else ():
                x = self._matrix([part], 1, part.numel())
                fin = self._finite(x, self._buffer("f", x.numel(), _F64, x.device).view(x.shape)) if mask else None
                hist += self._counts(x, fin, params, None)
        return torch.cat([row, hist[0]])

    # ----------------------------------------------------------------------------- statistics and bins

    def _row_stats(self, x: torch.Tensor, mask: bool, deviations: bool) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Returns the statistics of each row of ``x`` and the finite mask, if one was used.

        ``mask``: mask even if every value is finite. ``deviations``: fill the ``_M2`` column
        (about each row's own mean); 0 otherwise.
        """
        rows, cols = x.shape
        s = x.sum(1)
        zero = torch.zeros_like(s)
        f = self._buffer("f", x.numel(), _F64, x.device).view(rows, cols)
        # Scratch buffers and out= throughout: on the CPU, fresh temporaries cost page faults.
        b = self._buffer("b", x.numel(), torch.bool, x.device).view(rows, cols)
        zeros = torch.eq(x, 0.0, out=b).sum(1).to(_F64)  # NaN padding is no zero
        fin: torch.Tensor | None = None
        if mask or not bool(torch.isfinite(s).all()):  # a finite sum means every value is finite
            g = self._buffer("g", x.numel(), _F64, x.device).view(rows, cols)
            fin = self._finite(x, f)
            count = fin.sum(1).to(_F64)
            counts = [count, torch.ne(x, x, out=b).sum(1).to(_F64), torch.eq(x, _INF, out=b).sum(1).to(_F64)]
            xz = torch.where(fin, x, _scalar(0.0, x), out=f)
            s = xz.sum(1)
            absum = torch.abs(xz, out=g).sum(1) if self.mean_magnitude else zero
            ssq = _row_dot(xz, g)
            extremes = [torch.where(fin, x, _scalar(_INF, x), out=g).amin(1)]
            extremes += [torch.where(fin, x, _scalar(-_INF, x), out=g).amax(1)]
        else:
            count = torch.full_like(s, cols)
            counts = [count, zero, zero]
            absum = torch.abs(x, out=f).sum(1) if self.mean_magnitude else zero
            ssq = _row_dot(x, f)
            extremes = [x.amin(1), x.amax(1)]
        m2 = zero
        if deviations:
            scratch = self._buffer("f", x.numel(), _F64, x.device).view(rows, cols)
            squares, shift = _deviations(x, fin, s / count, scratch).unbind(1)
            m2 = _corrected(squares, shift, count)
        return torch.stack([*counts, s, ssq, absum, *extremes, m2, zeros], 1), fin

    def _finite(self, x: torch.Tensor, scratch: torch.Tensor) -> torch.Tensor:
        """Returns the finite mask of ``x`` in the ``"fin"`` buffer; ``scratch`` is shaped like ``x``."""
        fin = self._buffer("fin", x.numel(), torch.bool, x.device).view(x.shape)
        return torch.lt(torch.abs(x, out=scratch), _INF, out=fin)  # False for NaN and +-Inf

    def _counts(
        self, x: torch.Tensor, fin: torch.Tensor | None, params: _BinParams, unit: _Unit | None
    ) -> torch.Tensor:
        """Bin counts (float64) of each member: ``unit``'s, or one per row of ``x`` without it.

        Members that ``params`` does not bin get meaningless counts, for the caller to drop.
        """
        bins, members = self.bins, params.low.numel()
        rows_of = None if unit is None else unit.rows_of

        def spread(v: torch.Tensor) -> torch.Tensor:  # a value per member, as a column per row
            return (v if rows_of is None else v.index_select(0, rows_of))[:, None]

        key: torch.Tensor
        if params.sync_free:
            lo, hi = params.lo, params.hi
            if rows_of is not None:
                lo, hi = lo.index_select(0, rows_of), hi.index_select(0, rows_of)
            key = _numpy_bins(x, spread(params.low), spread(params.delta), lo, hi, bins)
        else:
            f = self._buffer("f", x.numel(), _F64, x.device).view(x.shape)
            g = self._buffer("g", x.numel(), _F64, x.device).view(x.shape)
            _fast_bins(x, spread(params.mn), spread(params.scale), spread(params.step), bins, f, g)
            key = self._buffer("i", x.numel(), torch.int32, x.device).view(x.shape)  # bincount: int32 is faster
            key.copy_(f)
        if rows_of is not None:
            key += (rows_of * bins).to(key.dtype)[:, None]
        elif members > 1:
            key += (torch.arange(members, device=x.device, dtype=key.dtype) * bins)[:, None]
        if fin is not None:
            key = torch.where(fin, key, _scalar(members * bins, key), out=key)
        counts = _count(key.view(-1), members * bins + 1)[: members * bins].view(members, bins)
        for r in params.slow:  # a range of a few ulps: numpy's own algorithm
            span = slice(r, r + 1) if unit is None else slice(unit.first[r], unit.first[r + 1])
            v = x[span].reshape(-1) if fin is None else x[span][fin[span]]
            lo_r, hi_r = _edges(params.low[r : r + 1], params.high[r : r + 1], bins)
            counts[r] = _count(_numpy_bins(v[None], params.low[r], params.delta[r], lo_r, hi_r, bins).view(-1), bins)
        return counts

    # ----------------------------------------------------------------------------- records

    def _summaries(self, counts: list[int], rows: np.ndarray) -> list[Summary]:
        """Summaries from statistics rows: read column by column (one list per column, not per row)."""
        columns = rows[:, :_NSTATS].T.tolist()
        fins, nans, poss, sums, ssqs, abss, mins, maxs, m2s, zers = columns
        bins = rows[:, _NSTATS:].astype(np.int64).tolist() if self.histogram else None
        mean, stdev, magnitude, histogram = self.mean, self.stdev, self.mean_magnitude, self.histogram
        out = []
        for i, count in enumerate(counts):
            fin, nan, pos = int(fins[i]), int(nans[i]), int(poss[i])
            neg = count - fin - nan - pos
            if not fin:
                out.append(Summary(count, count - fin, nan, pos, neg, zero_count=0))
                continue
            mn, mx = mins[i], maxs[i]
            hist = None
            if histogram:
                assert bins is not None
                hist = Histogram(mn, mx, (fin,) if mn == mx else tuple(bins[i]))
            out.append(
                Summary(
                    count,
                    count - fin,
                    nan,
                    pos,
                    neg,
                    sums[i] / fin if mean else None,
                    math.sqrt(m2s[i] / (fin - 1)) if stdev and fin > 1 else None,
                    abss[i] / fin if magnitude else None,
                    mn,
                    mx,
                    sums[i],
                    ssqs[i],
                    hist,
                    int(zers[i]),
                )
            )
        return out


def _difference(t: torch.Tensor, minus: Sequence[torch.Tensor | None] | None, i: int) -> torch.Tensor:
    """``t - minus[i]`` for the torch path (float32 for the 16-bit dtypes), or ``t`` without one."""
    m = None if minus is None else minus[i]
    if m is None:
        return t
    if t.dtype in (torch.float16, torch.bfloat16):
        return t.float() - m.float()
    return t - m


class _BinParams:
    """How members with the given ranges are binned, worked out once per unit or tensor.

    Attributes:
        low: Smallest finite value of each member (+Inf without one).
        high: Largest finite value of each member (-Inf without one).
        delta: ``high - low``.
        sync_free: Bin every member with :func:`_numpy_bins`, reading nothing back.
        lo: Lower edge tables from :func:`_edges` (sync-free only).
        hi: Upper edge tables from :func:`_edges` (sync-free only).
        mn: Left edge per member for :func:`_fast_bins`; 0 for members binned otherwise.
        scale: ``bins / delta`` per member for :func:`_fast_bins`; 0 for members binned otherwise.
        step: ``delta / bins`` per member for :func:`_fast_bins`; 0 for members binned otherwise.
        slow: Members with a range too narrow for :func:`_fast_bins` (a few ulps), binned one by one.
        needed: Whether some member has two distinct finite values (always true when sync-free).
    """

    def __init__(self, low: torch.Tensor, high: torch.Tensor, bins: int, sync_free: bool) -> None:
        self.low, self.high, self.sync_free = low, high, sync_free
        self.delta = delta = high - low
        self.slow: list[int] = []
        self.needed = True
        if sync_free:
            self.lo, self.hi = _edges(low, high, bins)
            return
        usable = (delta > 0) & torch.isfinite(delta)  # False too for members with no finite value
        magnitude = torch.maximum(low.abs(), high.abs())
        ulp = torch.nextafter(magnitude, torch.full_like(magnitude, _INF)) - magnitude
        # A normal bin width too: below it ``bins / delta`` overflows and the error bounds are absolute.
        step = delta / bins
        fast = usable & (step >= 2 * ulp) & (step >= torch.finfo(_F64).tiny)
        self.slow = torch.nonzero(usable & ~fast).flatten().tolist()
        self.needed = bool(usable.any())
        self.mn = torch.where(fast, low, 0.0)
        self.scale = torch.where(fast, bins / delta, 0.0)
        self.step = torch.where(fast, delta / bins, 0.0)  # exact: CPU only


# --------------------------------------------------------------------------------- kernels


def _unit(members: list[int], numels: tuple[int, ...], width: int, device: torch.device) -> _Unit:
    sizes = [numels[m] for m in members]
    rows = [-(-n // width) for n in sizes]
    first = [0]
    for r in rows:
        first.append(first[-1] + r)
    pads = [r * width - n for r, n in zip(rows, sizes, strict=True)]
    pad_counts = _on(torch.tensor(pads, dtype=_F64), device) if any(pads) else None
    if first[-1] == len(members):  # one row per member
        return _Unit(list(members), sizes, width, first, pads, None, 1, None, pad_counts)
    count = torch.tensor(rows)
    rows_of = torch.repeat_interleave(torch.arange(len(members)), count)
    slots = rows_of * max(rows) + torch.arange(first[-1]) - torch.tensor(first[:-1]).repeat_interleave(count)
    rows_of, slots = _on(rows_of, device), _on(slots, device)
    return _Unit(list(members), sizes, width, first, pads, rows_of, max(rows), slots, pad_counts)


def _on(t: torch.Tensor, device: torch.device) -> torch.Tensor:
    """Moves layout data to the device without waiting for it (pinned memory on CUDA)."""
    if device.type == "cuda":
        return t.pin_memory().to(device, non_blocking=True)
    return t.to(device)


def _combine(rows: torch.Tensor, unit: _Unit) -> torch.Tensor:
    """Merges per-row results (``(rows, columns)``) into per-member ones, deterministically.

    Rows go to a dense ``(members, most rows)`` grid (``index_copy_``: no atomics), reduced along
    its rows: a sum for every column, except ``_MIN`` and ``_MAX`` in statistics rows.
    """
    assert unit.slots is not None
    cols = rows.shape[1]
    grid = rows.new_zeros(len(unit.members) * unit.max_rows, cols)
    stats = cols > _MAX
    if stats:
        grid[:, _MIN] = _INF
        grid[:, _MAX] = -_INF
    grid = grid.index_copy_(0, unit.slots, rows).view(len(unit.members), unit.max_rows, cols)
    out = grid.sum(1)
    if stats:
        out[:, _MIN] = grid[:, :, _MIN].amin(1)
        out[:, _MAX] = grid[:, :, _MAX].amax(1)
    return out


def _deviations(x: torch.Tensor, fin: torch.Tensor | None, mean: torch.Tensor, scratch: torch.Tensor) -> torch.Tensor:
    """Returns ``sum((x - mean) ** 2)`` and ``sum(x - mean)`` of each row's finite values, as two columns."""
    dev = torch.sub(x, mean[:, None], out=scratch)
    if fin is not None:
        torch.where(fin, dev, _scalar(0.0, dev), out=dev)
    shift = dev.sum(1)
    return torch.stack([_row_dot(dev, dev), shift], 1)


def _scalar(value: float, like: torch.Tensor) -> torch.Tensor:
    """A 0-d tensor for ``torch.where(..., out=)``, filled on the device (no copy from the host)."""
    return torch.full((), value, dtype=like.dtype, device=like.device)


def _corrected(squares: torch.Tensor, shift: torch.Tensor, count: torch.Tensor) -> torch.Tensor:
    """Sum of squared deviations from ``sum((x - m) ** 2)`` and ``shift = sum(x - m)`` for a mean ``m``.

    The corrected two-pass formula (Chan, Golub and LeVeque): subtracting ``shift ** 2 / n``
    removes the rounding error of ``m``, which otherwise dominates when the spread is a few ulps
    of the mean. 0 where ``count`` is 0; never negative.
    """
    return torch.where(count > 0, squares - shift * shift / count, 0.0).clamp_(min=0.0)


def _row_dot(x: torch.Tensor, scratch: torch.Tensor) -> torch.Tensor:
    """Sum of squares of each row of ``x``; ``scratch`` (shaped like ``x``) may be ``x`` itself."""
    if x.shape[0] == 1 and x.device.type == "cpu":  # BLAS, without a temporary (cuBLAS: not in deterministic mode)
        return torch.dot(x[0], x[0])[None]
    return torch.mul(x, x, out=scratch).sum(1)


def _count(key: torch.Tensor, size: int) -> torch.Tensor:
    """``bincount(key, minlength=size)`` as float64, for keys from 0 to ``size - 1``."""
    if key.is_cuda and not torch.are_deterministic_algorithms_enabled():
        # bincount reads the largest key back; histc takes the range and bins in shared memory
        return torch.histc(key.to(_F64), bins=size, min=0, max=size)
    return torch.bincount(key, minlength=size).to(_F64)


def _merge(rows: torch.Tensor) -> torch.Tensor:
    """Merges the statistics rows of the pieces of one tensor into one row."""
    out = rows.sum(0)
    out[_MIN] = rows[:, _MIN].amin()
    out[_MAX] = rows[:, _MAX].amax()
    fin = rows[:, _FIN]  # Chan et al.: M2 = sum of M2_i + sum of n_i (mean_i - mean)^2
    spread = torch.where(fin > 0, fin * (rows[:, _SUM] / fin - out[_SUM] / out[_FIN]) ** 2, 0.0)
    out[_M2] = out[_M2] + spread.sum()
    return out


def _edges(mn: torch.Tensor, mx: torch.Tensor, bins: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Bin edges of each row as ``np.linspace(mn, mx, bins + 1)`` computes them, for :func:`_numpy_bins`.

    Returns ``(lo, hi)``, both of shape ``(rows, bins + 1)``: ``lo[:, i] = i * step + mn`` (two
    roundings, as numpy) is edge ``i`` for ``i < bins``; ``hi[:, i]`` is edge ``i + 1`` below
    ``i = bins - 1`` and +Inf from there, so that no value moves up past the last bin (numpy's
    ``indices != n_equal_bins - 1``). numpy's last edge, ``mx``, is never compared with.
    (numpy computes subnormal steps that round to 0 otherwise, but then its edges cannot
    increase strictly and ``np.histogram`` raises "Too many bins for data range".)
    """
    delta = mx - mn
    step = delta / torch.full_like(delta, bins)  # CUDA divides by a Python number as x * (1 / n)
    y = torch.arange(bins + 1, dtype=_F64, device=mn.device)
    lo = y * step[:, None] + mn[:, None]
    hi = torch.cat([lo[:, 1:bins], torch.full_like(lo[:, :2], _INF)], 1)
    return lo, hi


def _numpy_bins(
    x: torch.Tensor, mn: torch.Tensor, delta: torch.Tensor, lo: torch.Tensor, hi: torch.Tensor, bins: int
) -> torch.Tensor:
    """Bin index of each value, step for step as ``np.histogram``'s equal-bin path finds it.

    ``mn`` and ``delta`` broadcast against ``x``; row ``r`` of ``x`` uses row ``r`` of the edge
    tables ``lo`` and ``hi`` (from :func:`_edges`). Non-finite values get an index in range, for
    callers to discard.
    """
    f = ((x - mn) / delta) * bins
    idx = f.to(_I64).clamp_(0, bins - 1)  # numpy: indices[indices == n] -= 1
    idx -= (x < lo.gather(1, idx)).to(_I64)
    idx.clamp_(min=0)  # only -Inf gets below 0
    idx += (x >= hi.gather(1, idx)).to(_I64)
    return idx


def _fast_bins(
    x: torch.Tensor,
    mn: torch.Tensor,
    scale: torch.Tensor,
    step: torch.Tensor,
    bins: int,
    f: torch.Tensor,
    g: torch.Tensor,
) -> None:
    """Writes numpy's bin index of each value of ``x`` (as float64) into ``f``, using ``g`` as scratch.

    ``mn``, ``scale = bins / delta`` and ``step = delta / bins`` broadcast against ``x``. Exact
    for finite values when a bin is at least two ulps of the range's largest magnitude wide.

    Why: numpy's edges ``e_i = i * step + mn`` are then within half an ulp (plus rounding of
    order ``2**-52`` bins) of ``mn + i * delta / bins``, so they increase strictly and numpy's
    index (``trunc`` of its estimate, corrected once each way) is the bin the edges define.
    Here ``c``, the nearest edge index, is within half a bin of the value, so the value lies in
    bin ``c - 1`` or ``c``, which one comparison with ``e_c`` (computed as numpy does, in two
    roundings) settles. For ``c == bins`` the formula stands in for numpy's last edge ``mx``;
    the clamp gives ``bins - 1`` either way, as numpy's closed last bin does. With ``scale ==
    step == mn == 0`` every finite value gets bin 0.
    """
    torch.sub(x, mn, out=f)
    f.mul_(scale).round_()
    torch.mul(f, step, out=g).add_(mn)
    torch.lt(x, g, out=g)
    f.sub_(g).clamp_(0, bins - 1)
