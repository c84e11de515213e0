"""Layouts of vectors in 2-D or 3-D: t-SNE (openTSNE), PCA (NumPy) and UMAP (umap-learn, when installed).

:func:`compute_layout` is the one entry point (the server's jobs and :class:`BarnesHutTsne` use
it): it takes the method's parameters, reports progress (iteration, KL divergence, the current
coordinates) to a callback that can cancel the run, and caches results by content hash in this
process.

Rows with a non-finite value are data the layout cannot place: they are left out of the
computation and their coordinates are NaN (the API sends them as null, the page says how many).

:class:`BarnesHutTsne` takes the original's ``BarnesHutTsne.Builder`` parameters (in snake_case)
and maps each to openTSNE; :data:`TSNE_PARAMETERS` documents the mapping (docs/projector.md shows
it as a table).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

from fitscope.errors import EmbeddingError, MissingDependencyError

__all__ = [
    "METHODS",
    "check_input",
    "layout_id",
    "TSNE_PARAMETERS",
    "BarnesHutTsne",
    "LayoutCancelled",
    "Progress",
    "clear_cache",
    "compute_layout",
    "layout_key",
    "normalized_params",
]

Method = Literal["tsne", "pca", "umap"]
METHODS: Final = ("tsne", "pca", "umap")
#: From this many points on, 2-D t-SNE uses FFT-accelerated interpolation; below it (and in 3-D) Barnes-Hut.
FFT_FROM: Final = 10_000
_CACHE_ENTRIES: Final = 16
_CACHE_BYTES: Final = 256 << 20


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a running layout is.

    Attributes:
        iteration: Iterations done (t-SNE counts both phases: early exaggeration, then the rest).
        max_iter: Iterations in all.
        kl_divergence: The KL divergence of the current layout (t-SNE; None for other methods).
        coordinates: The current layout, ``(n, dims)``, NaN rows for unplaced points.
    """

    iteration: int
    max_iter: int
    kl_divergence: float | None
    coordinates: npt.NDArray[np.float32]


#: A progress callback; returning True cancels the run (:class:`LayoutCancelled` is raised).
ProgressCallback = Callable[[Progress], bool | None]


class LayoutCancelled(Exception):
    """A layout was cancelled; ``progress`` is where it stopped (None before the first iteration)."""

    def __init__(self, progress: Progress | None) -> None:
        super().__init__("The layout was cancelled.")
        self.progress = progress


# ---------------------------------------------------------------------------------------- parameters

_TSNE_DEFAULTS: Final[dict[str, Any]] = {
    "perplexity": 30.0,
    "max_iter": 1000,
    "stop_lying_iteration": 250,
    "early_exaggeration": 12.0,
    "learning_rate": "auto",
    "theta": 0.5,
    "initial_momentum": 0.5,
    "final_momentum": 0.8,
    "metric": "cosine",
    "initialization": "pca",
    "normalize": True,
    "use_pca": False,
    "negative_gradient_method": "auto",
    "seed": 0,
}
_PCA_DEFAULTS: Final[dict[str, Any]] = {}
_UMAP_DEFAULTS: Final[dict[str, Any]] = {"n_neighbors": 15, "min_dist": 0.1, "metric": "cosine", "seed": 0}
_DEFAULTS: Final = {"tsne": _TSNE_DEFAULTS, "pca": _PCA_DEFAULTS, "umap": _UMAP_DEFAULTS}

#: The original's builder parameters -> what fitscope does with them (docs/projector.md's table).
TSNE_PARAMETERS: Final[dict[str, str]] = {
    "max_iter": "all iterations: openTSNE's early_exaggeration_iter + n_iter",
    "stop_lying_iteration": "early_exaggeration_iter (the P matrix is exaggerated x12 until then, as in the original)",
    "learning_rate": "learning_rate ('auto': max(n / exaggeration, 200) in each phase, openTSNE's auto floored)",
    "use_ada_grad": "no equivalent: openTSNE's gains are the original's non-AdaGrad rule (+0.2 / x0.8); True warns",
    "theta": "theta of Barnes-Hut (below 10,000 points, and in 3-D); FFT interpolation above has none; 0 = exact",
    "momentum": "initial_momentum (during early exaggeration)",
    "initial_momentum": "initial_momentum",
    "final_momentum": "final_momentum (after early exaggeration)",
    "switch_momentum_iteration": "no equivalent: momentum switches at stop_lying_iteration; another value warns",
    "normalize": "divide by the largest absolute value before t-SNE; centre the columns first unless cosine",
    "use_pca": "reduce to 50 dimensions with PCA first",
    "perplexity": "perplexity (lowered to (n - 1) / 3 for small inputs; the layout's params say so)",
    "num_dimension": "n_components: 2 or 3",
    "similarity_function": "metric: 'cosinesimilarity' -> 'cosine', 'euclidean', 'manhattan'",
    "invert_distance_metric": "no equivalent (openTSNE takes distances); ignored",
    "tolerance": "no equivalent (openTSNE's perplexity search has a fixed tolerance); ignored with a warning",
    "real_min": "no equivalent; ignored with a warning",
    "min_gain": "no equivalent (fixed at 0.01 in openTSNE); ignored with a warning",
    "vp_tree_workers": "n_jobs (threads for neighbours and gradients; default: all cores)",
    "workspace_mode": "no equivalent (ND4J memory workspaces); ignored",
    "static_init": "initialization: an (n, dims) array to start from",
}

_SIMILARITY: Final = {
    "cosinesimilarity": "cosine",
    "cosine": "cosine",
    "euclidean": "euclidean",
    "manhattan": "manhattan",
}


def normalized_params(method: str, dims: int, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """The full parameters of a layout (defaults filled in), checked; raises EmbeddingError for bad ones."""
    if method not in METHODS:
        raise EmbeddingError(f"Unknown layout method {method!r}; use one of {', '.join(METHODS)}.")
    if dims not in (2, 3):
        raise EmbeddingError(f"A layout has 2 or 3 dimensions, got {dims}.")
    defaults = _DEFAULTS[method]
    given = dict(params or {})
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        raise EmbeddingError(
            f"Unknown {method} parameter(s) {', '.join(unknown)}; it takes: {', '.join(sorted(defaults)) or 'none'}."
        )
    out = {**defaults, **given}
    for name in ("perplexity", "early_exaggeration", "theta", "initial_momentum", "final_momentum", "min_dist"):
        if name in out and not (isinstance(out[name], (int, float)) and math.isfinite(out[name]) and out[name] >= 0):
            raise EmbeddingError(f"{method} parameter {name} must be a finite number >= 0, got {out[name]!r}.")
    for name in ("max_iter", "stop_lying_iteration", "n_neighbors", "seed"):
        if name in out and (not isinstance(out[name], int) or isinstance(out[name], bool) or out[name] < 0):
            raise EmbeddingError(f"{method} parameter {name} must be an integer >= 0, got {out[name]!r}.")
    if method == "tsne":
        if out["max_iter"] < 1:
            raise EmbeddingError("t-SNE needs max_iter >= 1.")
        if out["perplexity"] <= 0:
            raise EmbeddingError("t-SNE needs a perplexity > 0.")
        lr = out["learning_rate"]
        if lr != "auto" and not (isinstance(lr, (int, float)) and math.isfinite(lr) and lr > 0):
            raise EmbeddingError(f"learning_rate must be 'auto' or a number > 0, got {lr!r}.")
        if out["metric"] not in _SIMILARITY.values():
            raise EmbeddingError(f"Unknown metric {out['metric']!r}; use cosine, euclidean or manhattan.")
        if out["initialization"] not in ("pca", "random", "spectral"):
            raise EmbeddingError("initialization must be 'pca', 'random' or 'spectral'.")
        if out["negative_gradient_method"] not in ("auto", "fft", "bh"):
            raise EmbeddingError("negative_gradient_method must be 'auto', 'fft' or 'bh'.")
        if out["negative_gradient_method"] == "fft" and dims == 3:
            raise EmbeddingError("FFT interpolation works in 2-D only; use 'bh' (or 'auto') for 3-D.")
    if method == "umap" and out["metric"] not in _SIMILARITY.values():
        raise EmbeddingError(f"Unknown metric {out['metric']!r}; use cosine, euclidean or manhattan.")
    return out


def layout_key(vectors: npt.NDArray[np.float32], method: str, dims: int, params: Mapping[str, Any]) -> str:
    """The cache key of a layout: a SHA-256 of the vectors' bytes, the method, dims and parameters."""
    h = hashlib.sha256()
    h.update(f"{vectors.shape}|{vectors.dtype.str}|".encode())
    h.update(np.ascontiguousarray(vectors).data)
    h.update(json.dumps([method, dims, dict(params)], sort_keys=True, default=str).encode())
    return h.hexdigest()


# ---------------------------------------------------------------------------------------- cache

_cache: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()
_cache_lock = threading.Lock()


def _cached(key: str) -> npt.NDArray[np.float32] | None:
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
        return None if hit is None else hit.copy()


def _remember(key: str, coords: npt.NDArray[np.float32]) -> None:
    with _cache_lock:
        _cache[key] = coords.copy()
        while len(_cache) > _CACHE_ENTRIES or sum(a.nbytes for a in _cache.values()) > _CACHE_BYTES:
            _cache.popitem(last=False)


def clear_cache() -> None:
    """Forgets the layouts cached in this process."""
    with _cache_lock:
        _cache.clear()


# ---------------------------------------------------------------------------------------- layouts


def compute_layout(
    vectors: npt.NDArray[np.float32],
    method: str = "tsne",
    dims: int = 2,
    params: Mapping[str, Any] | None = None,
    *,
    progress: ProgressCallback | None = None,
    every: int = 50,
    n_jobs: int | None = None,
    cache: bool = True,
    start: npt.ArrayLike | None = None,
) -> tuple[npt.NDArray[np.float32], dict[str, Any]]:
    """Computes a layout of ``vectors``.

    Args:
        vectors: ``(n, dim)``; rows with a non-finite value are left out (NaN coordinates).
        method: ``tsne``, ``pca`` or ``umap``.
        dims: 2 or 3.
        params: The method's parameters (see :func:`normalized_params`; t-SNE's are
            :data:`TSNE_PARAMETERS`' fitscope names).
        progress: Called every ``every`` iterations (t-SNE; each call evaluates the KL divergence,
            about 50 ms of CPU at 20,000 points) with a :class:`Progress`; returning
            True cancels (LayoutCancelled is raised).
        n_jobs: Threads for t-SNE (default: all cores).
        cache: Answer from, and remember in, this process's cache.
        start: t-SNE only: an ``(n, dims)`` layout to start from (the original's ``static_init``);
            the result is then neither looked up in nor kept in the cache.

    Returns:
        The ``(n, dims)`` float32 coordinates, and the parameters used (with what the input
        changed: ``perplexity`` lowered for a small input, ``points`` placed).
    """
    full = normalized_params(method, dims, params)
    x = np.ascontiguousarray(vectors, dtype=np.float32)
    finite, placed = check_input(x, method, full)
    used = dict(full)
    if method == "tsne":
        used["perplexity"] = min(float(full["perplexity"]), (placed - 1) / 3)
    used["points"] = placed
    initial = None
    if start is not None:
        initial = np.asarray(start, dtype=np.float64)
        if method != "tsne" or initial.shape != (x.shape[0], dims):
            raise EmbeddingError(f"static_init has shape {initial.shape}; it needs {(x.shape[0], dims)} (t-SNE only).")
        initial = initial[finite]
        used["initialization"] = "static_init"
        cache = False
    key = layout_key(x, method, dims, used)
    if cache:
        hit = _cached(key)
        if hit is not None:
            return hit, used
    rows = x[finite] if placed < x.shape[0] else x

    def spread(part: npt.NDArray[Any]) -> npt.NDArray[np.float32]:
        out = np.full((x.shape[0], dims), np.nan, dtype=np.float32)
        out[finite] = part
        return out

    jobs = n_jobs or os.cpu_count() or 1
    if method == "pca":
        coords = spread(pca(rows, dims))
    elif method == "umap":
        coords = spread(_umap(rows, dims, used, jobs))
        if progress is not None and progress(Progress(1, 1, None, coords)):
            raise LayoutCancelled(Progress(1, 1, None, coords))
    else:
        coords = spread(_tsne(rows, dims, used, jobs, progress, every, spread, initial))
    if cache:
        _remember(key, coords)
    return coords, used


def check_input(
    x: npt.NDArray[np.float32], method: str, params: Mapping[str, Any]
) -> tuple[npt.NDArray[np.bool_], int]:
    """Refuses vectors a layout cannot place (before any work); returns which rows are finite, and how many.

    Raises:
        EmbeddingError: Not a 2-D array, too few finite rows, identical points, zero vectors under
            the cosine metric.
    """
    if x.ndim != 2 or x.shape[0] == 0:
        raise EmbeddingError(f"A layout needs a non-empty 2-D array of vectors, got shape {x.shape}.")
    finite: npt.NDArray[np.bool_] = np.asarray(np.isfinite(x).all(axis=1), dtype=bool)
    placed = int(finite.sum())
    minimum = {"tsne": 4, "pca": 2, "umap": 4}[method]
    if placed < minimum:
        raise EmbeddingError(
            f"A {method} layout needs at least {minimum} vectors without NaN or Inf; "
            f"{placed} of {x.shape[0]} are finite."
        )
    _check_spread(x[finite], method, params)
    return finite, placed


def _check_spread(rows: npt.NDArray[np.float32], method: str, params: Mapping[str, Any]) -> None:
    """Refuses inputs no layout can spread out: identical points, or (cosine) no directions."""
    data = rows.astype(np.float64)
    if method == "tsne" and params.get("normalize") and params.get("metric") != "cosine":
        data = data - data.mean(axis=0)
    if not np.ptp(data, axis=0).any():
        raise EmbeddingError(f"Every vector is the same: there is nothing for a {method} layout to spread out.")
    if params.get("metric") == "cosine":
        zero = int((~np.abs(data).any(axis=1)).sum())
        if zero:
            why = ""
            raise EmbeddingError(
                f"{zero} vector(s) are zero{why}: they have no direction for the cosine metric. "
                "Use metric='euclidean', or leave them out."
            )


def layout_id(vectors: npt.NDArray[np.float32], method: str, dims: int, params: Mapping[str, Any] | None) -> str:
    """The id a layout of these vectors with these parameters is stored under (server, CLI, plot_vocab)."""
    return layout_key(
        np.ascontiguousarray(vectors, dtype=np.float32), method, dims, normalized_params(method, dims, params)
    )[:16]


def pca(x: npt.NDArray[Any], dims: int) -> npt.NDArray[np.float64]:
    """The first ``dims`` principal components of ``x`` (float64; each axis's largest loading positive)."""
    centred = np.asarray(x, dtype=np.float64)
    centred = centred - centred.mean(axis=0)
    if centred.shape[1] <= 512:  # a d x d eigenproblem: fast for few dimensions
        values, vecs = np.linalg.eigh(centred.T @ centred)
        axes = vecs[:, np.argsort(values)[::-1][:dims]]
    else:  # the thin SVD of the n x d matrix: never a d x d matrix
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        axes = vt[:dims].T
    signs = np.sign(axes[np.abs(axes).argmax(axis=0), np.arange(axes.shape[1])])
    axes = axes * np.where(signs == 0, 1.0, signs)
    out = centred @ axes
    if out.shape[1] < dims:  # fewer input dimensions than asked: zeros for the rest
        out = np.hstack([out, np.zeros((out.shape[0], dims - out.shape[1]))])
    return np.asarray(out, dtype=np.float64)


def _tsne(
    x: npt.NDArray[np.float32],
    dims: int,
    p: dict[str, Any],
    jobs: int,
    progress: ProgressCallback | None,
    every: int,
    spread: Callable[[npt.NDArray[Any]], npt.NDArray[np.float32]],
    initial: npt.NDArray[np.float64] | None = None,
) -> npt.NDArray[np.float64]:
    try:
        from openTSNE import TSNE
        from openTSNE.tsne import OptimizationInterrupt
    except ImportError:
        raise MissingDependencyError("t-SNE layouts", "projector", "openTSNE") from None
    data = np.asarray(x, dtype=np.float64)
    if p["normalize"]:
        # Centring changes cosine distances (at 20k word vectors it cost 0.06 of trustworthiness and half
        # the 10-NN recall, benchmarks/projector_tsne.py): with the cosine metric the vectors are only scaled.
        if p["metric"] != "cosine":
            data = data - data.mean(axis=0)
        peak = np.abs(data).max()
        if peak > 0:
            data = data / peak
    if p["use_pca"] and data.shape[1] > 50:
        data = pca(data, 50)
    n = data.shape[0]
    exaggerated = min(int(p["stop_lying_iteration"]), int(p["max_iter"]))
    rest = int(p["max_iter"]) - exaggerated
    method = p["negative_gradient_method"]
    if method == "auto":
        method = "fft" if dims == 2 and n >= FFT_FROM else "bh"
    init: Any = p["initialization"]
    if init == "pca" and data.shape[1] < dims:  # PCA cannot start a 2-D layout from 1-D vectors
        init = "random"
    if initial is not None:
        init = initial
    state: dict[str, Any] = {"offset": 0, "last": 0, "seen": None, "cancelled": False}

    def callback(iteration: int, error: float, embedding: Any) -> bool:
        if iteration <= state["last"]:  # the second phase counts from 1 again
            state["offset"] = exaggerated
        state["last"] = iteration
        done = state["offset"] + iteration
        seen = Progress(done, int(p["max_iter"]), float(error), spread(np.asarray(embedding)))
        state["seen"] = seen
        stop = bool(progress(seen)) if progress is not None else False
        state["cancelled"] = stop
        return stop

    exaggeration = float(p["early_exaggeration"] or 1.0)

    def rate(phase_exaggeration: float) -> float:
        # openTSNE's "auto" is n / exaggeration in each phase (n / 12, then n: Belkina et al. 2019), which
        # collapses small inputs to a point: floored at 200. One rate for both phases (n / 12 after the
        # exaggeration too) cost 0.006 of 10-NN recall at 20k words (benchmarks/projector_tsne.py).
        return max(n / phase_exaggeration, 200.0) if p["learning_rate"] == "auto" else float(p["learning_rate"])

    tsne = TSNE(
        n_components=dims,
        perplexity=p["perplexity"],
        learning_rate=rate(exaggeration),
        early_exaggeration_iter=exaggerated,
        early_exaggeration=p["early_exaggeration"],
        n_iter=rest,
        theta=p["theta"],
        initialization=init,
        metric=p["metric"],
        initial_momentum=p["initial_momentum"],
        final_momentum=p["final_momentum"],
        n_jobs=jobs,
        negative_gradient_method=method,
        callbacks=callback if progress is not None else None,
        callbacks_every_iters=max(1, every),
        # FFT: 2 interpolation intervals per unit halve the CPU time at equal quality (benchmarks/projector_tsne.py)
        ints_in_interval=2,
        # exact neighbours are faster than Annoy up to tens of thousands of points, and a little more accurate
        neighbors="exact" if n <= 30_000 else "auto",
        random_state=p["seed"],
        verbose=False,
    )
    try:
        with warnings.catch_warnings():
            # openTSNE warns about an exact neighbour search's O(n^2) cost, about an exaggeration
            # schedule of 0 iterations; neither needs the user's attention here.
            warnings.simplefilter("ignore", category=UserWarning)
            # TSNE.fit's two phases, each with its own learning rate (see rate above).
            embedding = tsne.prepare_initial(data, initialization=init)
            phases = ((exaggerated, exaggeration, p["initial_momentum"]), (rest, 1.0, p["final_momentum"]))
            for iterations, factor, momentum in phases:
                if iterations > 0:
                    embedding.optimize(
                        n_iter=iterations,
                        exaggeration=factor,
                        momentum=momentum,
                        learning_rate=rate(factor),
                        inplace=True,
                        propagate_exception=True,
                    )
    except OptimizationInterrupt:  # a callback said stop
        raise LayoutCancelled(state["seen"]) from None
    except ValueError as exc:  # openTSNE's and scikit-learn's checks, said as fitscope's
        raise EmbeddingError(f"t-SNE could not lay these {n} vectors out: {exc}") from None
    if state["cancelled"]:  # a callback said stop: fit returned the layout where it stopped
        raise LayoutCancelled(state["seen"])
    return np.asarray(embedding, dtype=np.float64)


def _umap(x: npt.NDArray[np.float32], dims: int, p: dict[str, Any], jobs: int) -> npt.NDArray[Any]:
    try:
        with warnings.catch_warnings():  # umap warns at import that TensorFlow (ParametricUMAP) is missing
            warnings.simplefilter("ignore")
            import umap
    except ImportError:
        raise MissingDependencyError("UMAP layouts", "projector", "umap-learn") from None
    neighbours = max(2, min(int(p["n_neighbors"]), x.shape[0] - 1))
    reducer = umap.UMAP(
        n_components=dims,
        n_neighbors=neighbours,
        min_dist=p["min_dist"],
        metric=p["metric"],
        random_state=p["seed"],
    )
    with warnings.catch_warnings():
        # "n_jobs value 1 overridden to 1 by setting random_state" and numba's own notices
        warnings.simplefilter("ignore")
        try:
            return np.asarray(reducer.fit_transform(np.asarray(x, dtype=np.float32)))
        except ValueError as exc:
            raise EmbeddingError(f"UMAP could not lay these {x.shape[0]} vectors out: {exc}") from None


# ---------------------------------------------------------------------------------------- the original's class


_NO_EQUIVALENT_WARNS: Final = {"tolerance": 1e-5, "real_min": 1e-12, "min_gain": 0.1}


class BarnesHutTsne:
    """The original's ``BarnesHutTsne``, computed with openTSNE.

    ``BarnesHutTsne(max_iter=1000, stop_lying_iteration=250, learning_rate=500,
    use_ada_grad=False, theta=0.5, momentum=0.5, normalize=True, use_pca=False).fit(vectors)``
    returns the ``(n, 2)`` coordinates, like the original's documented usage. Every builder
    parameter of the original is accepted in snake_case; :data:`TSNE_PARAMETERS` says what each
    becomes. Beyond the original: ``metric``, ``initialization`` (``pca`` by default; the
    original's start is ``random``), ``negative_gradient_method`` and ``seed``.

    Results are cached by content hash in this process: fitting the same vectors with the same
    parameters twice computes once.
    """

    def __init__(
        self,
        *,
        max_iter: int = 1000,
        stop_lying_iteration: int = 250,
        learning_rate: float | str = 500,
        use_ada_grad: bool = False,
        theta: float = 0.5,
        momentum: float = 0.5,
        initial_momentum: float | None = None,
        final_momentum: float = 0.8,
        switch_momentum_iteration: int | None = None,
        normalize: bool = True,
        use_pca: bool = False,
        perplexity: float = 30.0,
        num_dimension: int = 2,
        similarity_function: str = "cosinesimilarity",
        invert_distance_metric: bool = True,
        tolerance: float | None = None,
        real_min: float | None = None,
        min_gain: float | None = None,
        vp_tree_workers: int | None = None,
        workspace_mode: Any = None,
        static_init: npt.ArrayLike | None = None,
        metric: str | None = None,
        initialization: str = "pca",
        negative_gradient_method: str = "auto",
        seed: int = 0,
    ) -> None:
        if use_ada_grad:
            warnings.warn(
                "use_ada_grad=True has no equivalent in openTSNE: the layout is optimised with gains "
                "(the original's non-AdaGrad rule).",
                UserWarning,
                stacklevel=2,
            )
        if switch_momentum_iteration is not None and switch_momentum_iteration != stop_lying_iteration:
            warnings.warn(
                f"switch_momentum_iteration={switch_momentum_iteration} has no equivalent: the momentum switches "
                f"at stop_lying_iteration={stop_lying_iteration}.",
                UserWarning,
                stacklevel=2,
            )
        for name, value in (("tolerance", tolerance), ("real_min", real_min), ("min_gain", min_gain)):
            if value is not None and value != _NO_EQUIVALENT_WARNS[name]:
                warnings.warn(
                    f"{name}={value} has no equivalent in openTSNE and is ignored.", UserWarning, stacklevel=2
                )
        if similarity_function not in _SIMILARITY:
            raise EmbeddingError(
                f"Unknown similarity_function {similarity_function!r}; use one of {', '.join(sorted(_SIMILARITY))}."
            )
        self.dims = int(num_dimension)
        self.n_jobs = vp_tree_workers
        self.params: dict[str, Any] = {
            "max_iter": max_iter,
            "stop_lying_iteration": stop_lying_iteration,
            "learning_rate": learning_rate,
            "theta": theta,
            "initial_momentum": momentum if initial_momentum is None else initial_momentum,
            "final_momentum": final_momentum,
            "normalize": normalize,
            "use_pca": use_pca,
            "perplexity": perplexity,
            "metric": metric or _SIMILARITY[similarity_function],
            "initialization": initialization,
            "negative_gradient_method": negative_gradient_method,
            "seed": seed,
        }
        self.static_init = None if static_init is None else np.asarray(static_init, dtype=np.float64)
        normalized_params("tsne", self.dims, self.params)  # fail now, not at fit
        self.kl_divergence: float | None = None
        self.params_used: dict[str, Any] = {}

    def fit(
        self,
        vectors: Any,
        *,
        progress: bool | ProgressCallback = False,
        cache: bool = True,
    ) -> npt.NDArray[np.float32]:
        """The ``(n, num_dimension)`` coordinates of ``vectors`` (an array, a gensim model, Vectors).

        Args:
            vectors: What to lay out; rows with NaN/Inf get NaN coordinates.
            progress: True: a progress bar (iterations, KL divergence); a callable: called with
                a :class:`Progress` every 50 iterations (returning True cancels).
            cache: Reuse an identical earlier fit of this process.
        """
        from fitscope.projector.sources import vectors_from

        x = vectors_from(vectors).vectors
        params = dict(self.params)
        callback: ProgressCallback | None = progress if callable(progress) else None
        bar = None
        if progress is True:
            from tqdm.auto import tqdm

            bar = tqdm(total=int(params["max_iter"]), desc="t-SNE", unit="it")

            def callback(p: Progress) -> None:
                assert bar is not None
                bar.update(p.iteration - bar.n)
                if p.kl_divergence is not None:
                    bar.set_postfix(kl=f"{p.kl_divergence:.4f}")

        try:
            seen: list[Progress] = []

            def record(p: Progress) -> bool | None:
                seen.append(p)
                del seen[:-1]
                return callback(p) if callback is not None else None

            coords, used = compute_layout(
                x, "tsne", self.dims, params, progress=record, n_jobs=self.n_jobs, cache=cache, start=self.static_init
            )
        finally:
            if bar is not None:
                bar.close()
        self.kl_divergence = seen[-1].kl_divergence if seen else None
        self.params_used = used
        return coords
