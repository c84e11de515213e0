"""Layouts: PCA against numpy's SVD, t-SNE's quality, progress, cancel, cache; the original's parameters."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest
from sklearn.manifold import trustworthiness

from fitscope.errors import EmbeddingError
from fitscope.projector import BarnesHutTsne, LayoutCancelled, Progress, compute_layout, vectors_from
from fitscope.projector.reduce import TSNE_PARAMETERS, clear_cache


@pytest.fixture
def blobs() -> np.ndarray:
    """300 points in 20-D around 3 well-separated centres."""
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((3, 20)) * 10
    return (centres[np.arange(300) % 3] + rng.standard_normal((300, 20))).astype(np.float32)


def test_pca_is_the_projection_on_numpys_principal_axes(blobs: np.ndarray) -> None:
    coords, used = compute_layout(blobs, "pca", 3, cache=False)
    x = blobs.astype(np.float64) - blobs.astype(np.float64).mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    expected = x @ vt[:3].T
    for axis in range(3):  # an axis is defined up to its sign
        sign = np.sign(expected[:, axis] @ coords[:, axis])
        np.testing.assert_allclose(coords[:, axis], sign * expected[:, axis], rtol=1e-4, atol=1e-4)
    assert used["points"] == 300


def test_tsne_separates_clusters_and_keeps_neighbourhoods(blobs: np.ndarray) -> None:
    coords, used = compute_layout(blobs, "tsne", 2, {"max_iter": 500, "metric": "euclidean"}, cache=False)
    assert coords.shape == (300, 2) and np.isfinite(coords).all()
    assert trustworthiness(blobs, coords, n_neighbors=10) > 0.9
    labels = np.arange(300) % 3
    centres = np.array([coords[labels == c].mean(axis=0) for c in range(3)])
    spread = max(np.linalg.norm(coords[labels == c] - centres[c], axis=1).mean() for c in range(3))
    gaps = min(np.linalg.norm(centres[a] - centres[b]) for a in range(3) for b in range(a + 1, 3))
    assert gaps > 3 * spread
    assert used["perplexity"] == 30.0


def test_tsne_reports_progress_through_both_phases_and_can_be_cancelled(blobs: np.ndarray) -> None:
    seen: list[Progress] = []
    compute_layout(
        blobs, "tsne", 2, {"max_iter": 100, "stop_lying_iteration": 50}, progress=seen.append, every=10, cache=False
    )
    assert [p.iteration for p in seen] == list(range(10, 101, 10))
    assert all(p.max_iter == 100 and p.kl_divergence is not None and p.coordinates.shape == (300, 2) for p in seen)
    assert seen[-1].kl_divergence < seen[0].kl_divergence

    def stop_at_30(p: Progress) -> bool:
        return p.iteration >= 30

    with pytest.raises(LayoutCancelled) as cancelled:
        compute_layout(blobs, "tsne", 2, {"max_iter": 1000}, progress=stop_at_30, every=10, cache=False)
    assert cancelled.value.progress is not None and cancelled.value.progress.iteration == 30


def test_nonfinite_rows_are_left_unplaced_and_the_rest_laid_out(blobs: np.ndarray) -> None:
    x = blobs.copy()
    x[[4, 100, 299], [0, 5, 19]] = [np.nan, np.inf, -np.inf]
    for method in ("pca", "tsne"):
        coords, used = compute_layout(x, method, 2, {"max_iter": 100} if method == "tsne" else None, cache=False)
        bad = ~np.isfinite(coords).all(axis=1)
        assert list(np.flatnonzero(bad)) == [4, 100, 299] and np.isnan(coords[bad]).all()
        assert used["points"] == 297
    with pytest.raises(EmbeddingError, match="at least 4 vectors without NaN or Inf; 2 of 3"):
        compute_layout(np.array([[1, 2], [3, np.nan], [5, 6]], dtype=np.float32), "tsne")


def test_small_inputs_lower_the_perplexity_and_3d_uses_barnes_hut() -> None:
    rng = np.random.default_rng(1)
    x = rng.standard_normal((40, 5)).astype(np.float32)
    coords, used = compute_layout(x, "tsne", 3, {"max_iter": 60}, cache=False)
    assert coords.shape == (40, 3) and np.isfinite(coords).all()
    assert used["perplexity"] == pytest.approx(13.0)


def test_results_are_cached_by_content(blobs: np.ndarray) -> None:
    clear_cache()
    calls: list[int] = []
    first, _ = compute_layout(blobs, "tsne", 2, {"max_iter": 50}, progress=lambda p: calls.append(p.iteration))
    assert calls
    calls.clear()
    again, _ = compute_layout(blobs, "tsne", 2, {"max_iter": 50}, progress=lambda p: calls.append(p.iteration))
    assert calls == [] and np.array_equal(first, again)
    changed = blobs.copy()
    changed[0, 0] += 1
    compute_layout(changed, "tsne", 2, {"max_iter": 50}, progress=lambda p: calls.append(p.iteration))
    assert calls


def test_bad_parameters_are_refused_by_name(blobs: np.ndarray) -> None:
    with pytest.raises(EmbeddingError, match=r"Unknown tsne parameter.*perplexityy"):
        compute_layout(blobs, "tsne", 2, {"perplexityy": 5})
    with pytest.raises(EmbeddingError, match="Unknown layout method 'mds'"):
        compute_layout(blobs, "mds")
    with pytest.raises(EmbeddingError, match="2 or 3 dimensions"):
        compute_layout(blobs, "pca", 4)
    with pytest.raises(EmbeddingError, match="learning_rate must be"):
        compute_layout(blobs, "tsne", 2, {"learning_rate": -1})
    with pytest.raises(EmbeddingError, match="FFT interpolation works in 2-D only"):
        compute_layout(blobs, "tsne", 3, {"negative_gradient_method": "fft"})
    with pytest.raises(EmbeddingError, match="max_iter must be an integer"):
        compute_layout(blobs, "tsne", 2, {"max_iter": 1.5})


def test_the_originals_documented_builder_call(lee_model: Any) -> None:
    tsne = BarnesHutTsne(
        max_iter=300, stop_lying_iteration=250, learning_rate=500, use_ada_grad=False, theta=0.5,
        momentum=0.5, normalize=True, use_pca=False,
    )  # fmt: skip
    vectors = vectors_from(lee_model).head(400)
    coords = tsne.fit(vectors)
    assert coords.shape == (400, 2) and np.isfinite(coords).all()
    assert tsne.kl_divergence is not None and tsne.kl_divergence > 0
    assert tsne.params_used["perplexity"] == 30.0 and tsne.params_used["learning_rate"] == 500
    assert trustworthiness(vectors.vectors, coords, n_neighbors=10, metric="cosine") > 0.85


def test_parameters_without_an_equivalent_warn_and_every_one_is_documented() -> None:
    with pytest.warns(UserWarning, match="use_ada_grad=True has no equivalent"):
        BarnesHutTsne(use_ada_grad=True)
    with pytest.warns(UserWarning, match="switch_momentum_iteration=100 has no equivalent"):
        BarnesHutTsne(switch_momentum_iteration=100)
    with pytest.warns(UserWarning, match="tolerance=0.001 has no equivalent"):
        BarnesHutTsne(tolerance=1e-3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        BarnesHutTsne(tolerance=1e-5, min_gain=0.1, switch_momentum_iteration=250, workspace_mode="NONE")
    with pytest.raises(EmbeddingError, match="Unknown similarity_function"):
        BarnesHutTsne(similarity_function="jaccard")
    import inspect

    accepted = set(inspect.signature(BarnesHutTsne).parameters)
    assert set(TSNE_PARAMETERS) <= accepted
    original = {
        *("max_iter", "stop_lying_iteration", "learning_rate", "use_ada_grad", "theta", "momentum"),
        *("initial_momentum", "final_momentum", "switch_momentum_iteration", "normalize", "use_pca"),
        *("perplexity", "num_dimension", "similarity_function", "invert_distance_metric", "tolerance"),
        *("real_min", "min_gain", "vp_tree_workers", "workspace_mode", "static_init"),
    }
    assert original == set(TSNE_PARAMETERS)


def test_fit_with_a_progress_bar_and_a_static_init(blobs: np.ndarray, capsys: pytest.CaptureFixture[str]) -> None:
    coords = BarnesHutTsne(max_iter=60).fit(blobs, progress=True, cache=False)
    assert "t-SNE" in capsys.readouterr().err and coords.shape == (300, 2)
    start = np.random.default_rng(2).standard_normal((300, 2)) * 1e-3
    placed = BarnesHutTsne(max_iter=60, static_init=start).fit(blobs)
    assert placed.shape == (300, 2) and np.isfinite(placed).all()
    with pytest.raises(EmbeddingError, match="static_init has shape"):
        BarnesHutTsne(static_init=start[:10]).fit(blobs)


def test_umap_when_installed(blobs: np.ndarray) -> None:
    coords, _ = compute_layout(blobs, "umap", 2, {"n_neighbors": 10}, cache=False)
    assert coords.shape == (300, 2) and np.isfinite(coords).all()
    assert trustworthiness(blobs, coords, n_neighbors=10) > 0.85


def test_small_inputs_are_spread_out_and_degenerate_ones_refused() -> None:
    rng = np.random.default_rng(7)
    for n in (5, 20, 50):
        coords, _ = compute_layout(rng.standard_normal((n, 10)).astype(np.float32), "tsne", 2, cache=False)
        assert coords.std(axis=0).min() > 0.1, n  # "auto" learning rate floored at 200: no collapse
    with pytest.raises(EmbeddingError, match="Every vector is the same"):
        compute_layout(np.ones((10, 4), dtype=np.float32), "tsne")
    with pytest.raises(EmbeddingError, match=r"zero.*no direction"):
        compute_layout(
            np.vstack([np.zeros((2, 3)), rng.standard_normal((8, 3))]).astype(np.float32),
            "tsne",
            2,
            {"normalize": False},
        )
    one_d, _ = compute_layout(
        rng.standard_normal((30, 1)).astype(np.float32), "tsne", 2, {"metric": "euclidean"}, cache=False
    )
    assert one_d.shape == (30, 2) and np.isfinite(one_d).all()


def test_pca_of_many_dimensions_needs_no_d_by_d_matrix() -> None:
    x = np.random.default_rng(8).standard_normal((60, 20_000)).astype(np.float32)
    coords, _ = compute_layout(x, "pca", 2, cache=False)  # a 20,000 x 20,000 covariance would be 3.2 GB
    centred = x.astype(np.float64) - x.astype(np.float64).mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    for axis in range(2):
        expected = centred @ vt[axis]
        np.testing.assert_allclose(np.abs(coords[:, axis]), np.abs(expected), rtol=1e-3, atol=1e-3)
