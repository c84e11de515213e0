"""Nearest neighbours: gensim's own most_similar is the reference, for every word of a vocabulary."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from fitscope.errors import EmbeddingError
from fitscope.projector import NeighborIndex, vectors_from


def test_exact_neighbours_are_gensims_most_similar_for_every_word(lee_model: Any) -> None:
    kv = lee_model.wv
    v = vectors_from(lee_model)
    index = NeighborIndex(v.vectors, v.labels)
    assert index.exact
    for word in kv.index_to_key:
        ours = index.query(index.index_of(word), 10)
        theirs = kv.most_similar(word, topn=10)
        # equal similarities may come in another order: compare the sets of words and the values
        assert [n.similarity for n in ours] == pytest.approx([s for _, s in theirs], abs=2e-6), word
        tied = {w for w, s in theirs if abs(s - theirs[-1][1]) < 2e-6}
        assert {n.label for n in ours} - tied == {w for w, _ in theirs} - tied, word


def test_the_index_above_the_exact_limit_finds_nearly_every_neighbour(lee_model: Any) -> None:
    v = vectors_from(lee_model)
    exact = NeighborIndex(v.vectors, v.labels)
    approx = NeighborIndex(v.vectors, v.labels, exact_below=100)
    assert not approx.exact
    rng = np.random.default_rng(0)
    found = total = 0
    for row in rng.choice(v.count, 200, replace=False):
        truth = {n.index for n in exact.query(int(row), 10)}
        got = approx.query(int(row), 10)
        assert len(got) == 10 and int(row) not in {n.index for n in got}
        sims = [n.similarity for n in got]
        assert sims == sorted(sims, reverse=True)
        # the similarities of what the index finds are exact
        unit = v.vectors[[n.index for n in got]].astype(np.float64)
        unit /= np.linalg.norm(unit, axis=1, keepdims=True)
        q = v.vectors[row].astype(np.float64) / np.linalg.norm(v.vectors[row].astype(np.float64))
        np.testing.assert_allclose(sims, unit @ q, atol=1e-6)
        found += len(truth & {n.index for n in got})
        total += 10
    assert found / total > 0.9


def test_points_without_a_direction_are_nobodys_neighbour() -> None:
    x = np.array([[1, 0], [0.9, 0.1], [np.nan, 1], [0, 0], [0, 1], [-1, 0]], dtype=np.float32)
    labels = ["a", "b", "nan", "zero", "up", "left"]
    index = NeighborIndex(x, labels)
    got = index.query(0, 10)
    assert [n.label for n in got] == ["b", "up", "left"]
    assert got[0].similarity == pytest.approx(0.9 / np.hypot(0.9, 0.1))
    assert got[1].similarity == pytest.approx(0.0, abs=1e-7) and got[2].similarity == pytest.approx(-1.0)
    with pytest.raises(EmbeddingError, match=r"'nan'.*no direction"):
        index.query(2)
    with pytest.raises(EmbeddingError, match=r"'zero'.*no direction"):
        index.query(3)
    with pytest.raises(EmbeddingError, match="no point labelled 'missing'"):
        index.index_of("missing")
    with pytest.raises(EmbeddingError, match="Point 6 does not exist: there are 6 points"):
        index.query(6)
    with pytest.raises(EmbeddingError, match="k must be at least 1"):
        index.query(0, 0)


def test_on_a_vocabulary_of_thousands_neighbours_match_gensim(head500_model: Any) -> None:
    kv = head500_model.wv
    assert len(kv) > 5000
    v = vectors_from(head500_model)
    index = NeighborIndex(v.vectors, v.labels)
    for word in kv.index_to_key[::25]:
        ours = index.query(index.index_of(word), 10)
        theirs = kv.most_similar(word, topn=10)
        assert [n.similarity for n in ours] == pytest.approx([s for _, s in theirs], abs=2e-6), word
