"""The projector's t-SNE against scikit-learn's: wall time and layout quality on ~20,000 word vectors.

    .venv/bin/python benchmarks/projector_tsne.py [--words 20000] [--repeat 1] [--sample 5000]
        [--parts compare,progress] [--params '{"normalize": false}'] [--stat median|min] [--quick] [--no-cache]
    .venv/bin/python benchmarks/projector_tsne.py --parts variants \
        --variants '{"tuned": {"normalize": false, "neighbors": "exact", "ints_in_interval": 2}}'

The vectors: 100-dimensional Word2Vec vectors (``fitscope.projector.train_word2vec``, 10 epochs,
seed 0) of the ``--words`` most frequent words of the corpora gensim ships in its test data
(benchmarks/projector_corpus.py: Lee, head500 and the shortened Wikipedia dump, ~0.84 M tokens;
min_count 2, or 1 when fewer words occur twice); nothing is downloaded. The vectors are cached in
the temp folder, so only the first run trains (``--no-cache`` retrains). The count used is printed.

Part ``compare``: in alternating rounds (``--repeat``; the median is printed, ``--stat min``: the fastest), fitscope's
``compute_layout(vectors, "tsne", 2, params, cache=False)`` with its default parameters (openTSNE:
cosine, perplexity 30, 250 + 750 iterations, learning_rate 'auto', PCA init, FFT interpolation
from 10,000 points, all cores; ``--params`` overrides some) and scikit-learn's
``TSNE(perplexity=30, metric="cosine", init="pca", max_iter=1000, random_state=0, n_jobs=2)``
(Barnes-Hut, its own 'auto' learning rate), on the same vectors. Quality of each layout:

  * trustworthiness (``sklearn.manifold.trustworthiness``'s definition, n_neighbors=10, cosine in
    the original space, euclidean in the layout);
  * 10-NN recall: the fraction of each point's 10 nearest neighbours in the original space
    (cosine) that are among its 10 nearest in the layout (euclidean).

Up to ``--sample`` points both are computed on all points (``sklearn.manifold.trustworthiness``
itself); above, on a fixed random sample of ``--sample`` query points (seed 0, the same for both
layouts), each query's neighbours and ranks searched among all points (sklearn's function needs
three n x n matrices: ~10 GB at 20,000). The output says which. Goals (the issue): fitscope >= 3x
faster than scikit-learn at equal quality (fitscope no more than 0.01 below on both metrics), and
fitscope <= 60 s wall on this machine (2 cores). Absolute times depend on the machine; the ratio
is measured in the same run.

Part ``progress``: what a progress callback costs. fitscope's t-SNE without a callback, with one
at ``every=50`` and at ``every=10`` (the default of ``compute_layout``; each call makes openTSNE
evaluate the KL divergence), in alternating rounds; printed: wall time and its ratio over none.

Part ``variants`` (not in the default parts): openTSNE called directly the way
fitscope.projector.reduce._tsne calls it (the same defaults), with the overrides of each entry of
``--variants`` (JSON: name -> openTSNE ``TSNE`` keyword arguments, e.g. ``neighbors``,
``ints_in_interval``, ``n_iter``, ``n_jobs``, plus ``"normalize": false`` to skip fitscope's
centring and scaling), so that settings compute_layout does not take can be tried. Printed per
variant: the time of each phase (neighbours and P, early exaggeration, the rest), wall and CPU in
all, the quality, and the goals against scikit-learn's layout and wall time of the last
``compare`` run on the same vectors (kept in the temp folder, since scikit-learn takes minutes).

``--quick``: 3,000 words, ``--repeat 1`` (a check in well under a minute).

Timing on a shared machine: ``others`` is how many cores other processes kept busy during a
timing (from /proc/stat). Where it is well above 0, wall times are inflated; this process's CPU
seconds are the steadier figure (openTSNE's FFT gradient gains little from a second thread).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from projector_corpus import word_vectors  # benchmarks/ is sys.path[0] when this script runs

from fitscope.projector.reduce import _TSNE_DEFAULTS, compute_layout

K = 10
SPEED_GOAL = 3.0
QUALITY_SLACK = 0.01
WALL_GOAL_S = 60.0


# ---------------------------------------------------------------------------------------- layouts


def fitscope_tsne(
    x: npt.NDArray[np.float32], params: dict[str, Any], every: int | None = None
) -> tuple[npt.NDArray[Any], int]:
    """fitscope's 2-D t-SNE (no cache), with a progress callback every ``every`` iterations; (coords, calls)."""
    calls = [0]

    def progress(_: object) -> None:
        calls[0] += 1

    if every is None:
        coords, _ = compute_layout(x, "tsne", 2, params, cache=False)
    else:
        coords, _ = compute_layout(x, "tsne", 2, params, progress=progress, every=every, cache=False)
    return coords, calls[0]


def sklearn_tsne(x: npt.NDArray[np.float32], jobs: int) -> npt.NDArray[Any]:
    """scikit-learn's Barnes-Hut t-SNE with the same perplexity, metric, init and iterations."""
    from sklearn.manifold import TSNE

    tsne = TSNE(
        n_components=2, perplexity=30.0, metric="cosine", init="pca", max_iter=1000, random_state=0, n_jobs=jobs
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return np.asarray(tsne.fit_transform(x))


@dataclass(frozen=True)
class Timing:
    """One timed call: wall seconds, this process's CPU seconds, and the cores other processes kept busy."""

    wall: float
    cpu: float
    others: float


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _busy_jiffies() -> int:
    """Busy time of the whole machine (/proc/stat: all but idle and iowait), 0 where there is none."""
    try:
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
    except OSError:
        return 0
    return sum(fields) - fields[3] - fields[4]


def _sklearn_path(x: npt.NDArray[np.float32]) -> Path:
    import sklearn

    h = hashlib.sha256(np.ascontiguousarray(x).data)
    h.update(sklearn.__version__.encode())
    return Path(tempfile.gettempdir()) / f"fitscope-projector-bench-sklearn-{h.hexdigest()[:16]}.npz"


def sklearn_save(x: npt.NDArray[np.float32], wall: float, layout: npt.NDArray[Any]) -> None:
    """Keeps scikit-learn's layout and wall time of ``x`` in the temp folder, for part ``variants``."""
    np.savez(_sklearn_path(x), wall=wall, layout=layout)


def sklearn_saved(x: npt.NDArray[np.float32]) -> tuple[float, npt.NDArray[Any]] | None:
    """The last compare run's scikit-learn (wall s, layout) of ``x``, or None."""
    path = _sklearn_path(x)
    if not path.exists():
        return None
    with np.load(path) as z:
        return float(z["wall"]), z["layout"]


def timed(fn: Callable[[], Any]) -> tuple[Timing, Any]:
    """The :class:`Timing` of ``fn()`` and its result."""
    busy, cpu, start = _busy_jiffies(), _cpu_s(), time.perf_counter()
    out = fn()
    wall, cpu = time.perf_counter() - start, _cpu_s() - cpu
    others = max(0.0, (_busy_jiffies() - busy) / os.sysconf("SC_CLK_TCK") - cpu) / wall
    return Timing(wall, cpu, others), out


def pick(timings: list[Timing], stat: str) -> Timing:
    """The median (or the fastest) of the rounds, by wall time."""
    ordered = sorted(timings, key=lambda t: t.wall)
    return ordered[0] if stat == "min" else ordered[(len(ordered) - 1) // 2]


# ---------------------------------------------------------------------------------------- quality


def quality(
    x: npt.NDArray[np.float32], y: npt.NDArray[Any], queries: npt.NDArray[np.intp] | None, k: int = K
) -> tuple[float, float]:
    """(trustworthiness, k-NN recall) of layout ``y`` of ``x`` (cosine in x, euclidean in y).

    ``queries``: the points whose neighbourhoods count (None: all, through sklearn's function for
    trustworthiness); neighbours and ranks are always among all points. With all points as
    queries the sampled formula is sklearn's exactly.
    """
    from sklearn.manifold import trustworthiness
    from sklearn.neighbors import NearestNeighbors

    n = x.shape[0]
    q = np.arange(n) if queries is None else queries
    unit = np.asarray(x, dtype=np.float64)
    unit = unit / np.maximum(np.linalg.norm(unit, axis=1, keepdims=True), 1e-300)
    # the layout's k nearest of each query, itself left out
    nn = NearestNeighbors(n_neighbors=k + 1).fit(y)
    found = nn.kneighbors(np.asarray(y)[q], return_distance=False)
    layout_nn = np.empty((len(q), k), dtype=np.intp)
    for row, (i, hits) in enumerate(zip(q, found, strict=True)):
        layout_nn[row] = [h for h in hits if h != i][:k]
    penalty = 0.0
    recalled = 0
    for start in range(0, len(q), 512):
        rows = q[start : start + 512]
        dist = 1.0 - unit[rows] @ unit.T  # cosine distance to all points
        dist[np.arange(len(rows)), rows] = np.inf
        order = np.argsort(dist, axis=1)
        ranks = np.empty_like(order)
        ranks[np.arange(len(rows))[:, None], order] = np.arange(1, n + 1)
        mine = layout_nn[start : start + len(rows)]
        r = np.take_along_axis(ranks, mine, axis=1) - k
        penalty += float(r[r > 0].sum())
        recalled += sum(len(set(a) & set(b)) for a, b in zip(order[:, :k], mine, strict=True))
    trust = 1.0 - penalty * 2.0 / (len(q) * k * (2.0 * n - 3.0 * k - 1.0))
    if queries is None:
        trust = float(trustworthiness(x, y, n_neighbors=k, metric="cosine"))
    return trust, recalled / (len(q) * k)


# ---------------------------------------------------------------------------------------- parts


def compare(x: npt.NDArray[np.float32], args: argparse.Namespace, params: dict[str, Any]) -> None:
    """Part ``compare``: both t-SNEs, timed in alternating rounds, and the quality of each layout."""
    times: dict[str, list[Timing]] = {"fitscope": [], "scikit-learn": []}
    layouts: dict[str, Any] = {}
    for round_ in range(1, args.repeat + 1):
        t, (layouts["fitscope"], _calls) = timed(lambda: fitscope_tsne(x, params))
        times["fitscope"].append(t)
        print(
            f"  round {round_} fitscope     {t.wall:7.1f} s wall {t.cpu:7.1f} s CPU, others {t.others:.2f} cores",
            flush=True,
        )
        t, layouts["scikit-learn"] = timed(lambda: sklearn_tsne(x, args.sklearn_jobs))
        times["scikit-learn"].append(t)
        print(
            f"  round {round_} scikit-learn {t.wall:7.1f} s wall {t.cpu:7.1f} s CPU, others {t.others:.2f} cores",
            flush=True,
        )
    n = x.shape[0]
    queries = None
    if n > args.sample:
        queries = np.sort(np.random.default_rng(0).choice(n, args.sample, replace=False))
    where = (
        "all points"
        if queries is None
        else f"a fixed sample of {args.sample:,} query points (neighbours among all {n:,})"
    )
    chosen = {name: pick(t, args.stat) for name, t in times.items()}
    wall = {name: t.wall for name, t in chosen.items()}
    scores = {name: quality(x, layouts[name], queries) for name in layouts}
    print(f"\nquality on {where}; times: {args.stat} of {args.repeat} round(s)")
    print(f"{'t-SNE':14s} {'wall s':>8s} {'CPU s':>8s} {'others':>7s} {'trust@10':>9s} {'recall@10':>10s}")
    for name in ("fitscope", "scikit-learn"):
        t = chosen[name]
        print(f"{name:14s} {t.wall:8.1f} {t.cpu:8.1f} {t.others:7.2f} {scores[name][0]:9.4f} {scores[name][1]:10.4f}")
    if max(t.others for t in chosen.values()) > 0.25:
        print(
            "(others: cores that other processes kept busy meanwhile; above ~0.25 the times are inflated: "
            "rerun, --repeat N --stat min)"
        )
    sklearn_save(x, wall["scikit-learn"], layouts["scikit-learn"])
    ratio = wall["scikit-learn"] / wall["fitscope"]
    print(f"CPU seconds scikit-learn/fitscope: {chosen['scikit-learn'].cpu / chosen['fitscope'].cpu:.2f}x")
    d_trust = scores["fitscope"][0] - scores["scikit-learn"][0]
    d_recall = scores["fitscope"][1] - scores["scikit-learn"][1]
    print(
        f"speed scikit-learn/fitscope: {ratio:.2f}x; fitscope - scikit-learn: trust {d_trust:+.4f}, "
        f"recall {d_recall:+.4f}"
    )
    equal = d_trust >= -QUALITY_SLACK and d_recall >= -QUALITY_SLACK
    fast = ratio >= SPEED_GOAL
    print(
        f"goal >= {SPEED_GOAL:.0f}x faster at equal quality (no more than {QUALITY_SLACK} below on both): "
        f"{'met' if fast and equal else 'NOT met'} "
        f"(speed {'ok' if fast else 'short'}, quality {'ok' if equal else 'short'})"
    )
    print(
        f"goal fitscope <= {WALL_GOAL_S:.0f} s wall: {'met' if wall['fitscope'] <= WALL_GOAL_S else 'NOT met'} "
        f"({wall['fitscope']:.1f} s)"
    )


def progress_cost(x: npt.NDArray[np.float32], args: argparse.Namespace, params: dict[str, Any]) -> None:
    """Part ``progress``: fitscope without a progress callback, at every=50 and at every=10."""
    cases: dict[str, int | None] = {"none": None, "every=50": 50, "every=10": 10}
    times: dict[str, list[Timing]] = {name: [] for name in cases}
    calls: dict[str, int] = {}
    for _ in range(args.repeat):
        for name, every in cases.items():
            t, (_coords, calls[name]) = timed(partial(fitscope_tsne, x, params, every))
            times[name].append(t)
    chosen = {name: pick(t, args.stat) for name, t in times.items()}
    base = chosen["none"]
    print(f"\nprogress callback (fitscope t-SNE, {args.stat} of {args.repeat} round(s))")
    print(
        f"{'callback':10s} {'calls':>6s} {'wall s':>8s} {'CPU s':>8s} {'others':>7s} "
        f"{'wall/none':>10s} {'CPU/none':>9s}"
    )
    for name in cases:
        t = chosen[name]
        print(
            f"{name:10s} {calls[name]:6d} {t.wall:8.1f} {t.cpu:8.1f} {t.others:7.2f} {t.wall / base.wall:10.3f} "
            f"{t.cpu / base.cpu:9.3f}"
        )


def opentsne_phases(x: npt.NDArray[np.float32], overrides: dict[str, Any]) -> tuple[list[Timing], npt.NDArray[Any]]:
    """openTSNE as fitscope's _tsne calls it (2-D), with ``overrides``; the timings of its three phases."""
    from openTSNE import TSNE

    o = dict(overrides)
    data = np.asarray(x, dtype=np.float64)
    if o.pop("normalize", True):
        data = data - data.mean(axis=0)
        data = data / np.abs(data).max()
    kw: dict[str, Any] = {
        "n_components": 2,
        "perplexity": 30.0,
        "learning_rate": "auto",
        "early_exaggeration_iter": 250,
        "early_exaggeration": 12.0,
        "n_iter": 750,
        "theta": 0.5,
        "initialization": "pca",
        "metric": "cosine",
        "initial_momentum": 0.5,
        "final_momentum": 0.8,
        "n_jobs": os.cpu_count() or 1,
        "negative_gradient_method": "fft" if data.shape[0] >= 10_000 else "bh",
        "random_state": 0,
        "verbose": False,
    }
    kw.update(o)
    tsne = TSNE(**kw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=UserWarning)
        t_prep, emb = timed(partial(tsne.prepare_initial, data))
        t_ee, _ = timed(
            partial(
                emb.optimize,
                n_iter=tsne.early_exaggeration_iter,
                exaggeration=tsne.early_exaggeration,
                momentum=tsne.initial_momentum,
                inplace=True,
            )
        )
        t_rest, _ = timed(
            partial(
                emb.optimize,
                n_iter=tsne.n_iter,
                exaggeration=tsne.exaggeration,
                momentum=tsne.final_momentum,
                inplace=True,
            )
        )
    return [t_prep, t_ee, t_rest], np.asarray(emb)


def variants(x: npt.NDArray[np.float32], args: argparse.Namespace) -> None:
    """Part ``variants``: openTSNE with other settings, phase by phase, and the quality of each."""
    n = x.shape[0]
    queries = None if n <= args.sample else np.sort(np.random.default_rng(0).choice(n, args.sample, replace=False))
    saved = sklearn_saved(x)
    sklearn_s, sklearn_scores = 0.0, None
    if saved is not None:
        sklearn_s, sklearn_scores = saved[0], quality(x, saved[1], queries)
        print(
            f"scikit-learn (the last compare run on these vectors): {sklearn_s:.1f} s wall, "
            f"trust {sklearn_scores[0]:.4f} recall {sklearn_scores[1]:.4f}"
        )
    else:
        print("no compare run on these vectors yet: the 3x goal is not checked")
    print(f"\nopenTSNE variants (quality on {'all points' if queries is None else f'{len(queries):,} query points'})")
    print(
        f"{'variant':40s} {'P s':>6s} {'EE s':>6s} {'rest s':>7s} {'wall s':>7s} {'CPU s':>7s} {'others':>6s} "
        f"{'trust':>7s} {'recall':>7s} {'sk/this':>7s} goals"
    )
    for name, overrides in json.loads(args.variants).items():
        phases, layout = opentsne_phases(x, overrides)
        wall, cpu = sum(t.wall for t in phases), sum(t.cpu for t in phases)
        others = sum(t.others * t.wall for t in phases) / wall
        trust, recall = quality(x, layout, queries)
        goals = ""
        ratio = f"{sklearn_s / wall:7.2f}" if sklearn_scores is not None else f"{'-':>7s}"
        if sklearn_scores is not None:
            equal = trust >= sklearn_scores[0] - QUALITY_SLACK and recall >= sklearn_scores[1] - QUALITY_SLACK
            goals = f"{'3x:met' if equal and sklearn_s / wall >= SPEED_GOAL else '3x:NOT'} "
        goals += "60s:met" if wall <= WALL_GOAL_S else "60s:NOT"
        print(
            f"{name[:40]:40s} {phases[0].wall:6.1f} {phases[1].wall:6.1f} {phases[2].wall:7.1f} {wall:7.1f} {cpu:7.1f} "
            f"{others:6.2f} {trust:7.4f} {recall:7.4f} {ratio} {goals}",
            flush=True,
        )


def main() -> None:
    """Builds the vectors and runs the parts asked for."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--sample", type=int, default=5_000, help="query points of the quality metrics above this")
    parser.add_argument("--parts", default="compare,progress")
    parser.add_argument("--params", default="{}", help="fitscope t-SNE parameters (JSON) over the defaults")
    parser.add_argument("--sklearn-jobs", type=int, default=2)
    parser.add_argument("--variants", default='{"fitscope defaults": {}}', help="part variants: JSON name -> overrides")
    parser.add_argument("--stat", choices=["median", "min"], default="median", help="min: on a busy machine")
    parser.add_argument("--quick", action="store_true", help="3,000 words, one round")
    parser.add_argument("--no-cache", action="store_true", help="retrain the word vectors")
    args = parser.parse_args()
    if args.quick:
        args.words, args.repeat = 3_000, 1
    params = json.loads(args.params)
    parts = args.parts.split(",")

    import openTSNE
    import sklearn

    corpus = word_vectors(args.words, cache=not args.no_cache)
    x = corpus.vectors
    origin = "cached" if corpus.cached else f"trained in {corpus.seconds:.1f} s"
    print(
        f"{x.shape[0]:,} word vectors of dimension {x.shape[1]} ({args.words:,} asked; min_count {corpus.min_count}, "
        f"vocabulary {corpus.vocabulary:,} of {corpus.tokens:,} tokens; {origin})"
    )
    print(
        f"openTSNE {openTSNE.__version__}, scikit-learn {sklearn.__version__}, {os.cpu_count()} cores, "
        f"python {sys.version.split()[0]}; fitscope params: defaults{' + ' + json.dumps(params) if params else ''}"
    )
    unknown = sorted(set(params) - set(_TSNE_DEFAULTS))
    if unknown:
        parser.error(f"unknown fitscope t-SNE parameter(s): {', '.join(unknown)}")
    if "compare" in parts:
        compare(x, args, params)
    if "progress" in parts:
        progress_cost(x, args, params)
    if "variants" in parts:
        variants(x, args)


if __name__ == "__main__":
    main()
