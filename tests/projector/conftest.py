"""Fixtures of the projector tests: word2vec trained on the corpora gensim ships (nothing is downloaded)."""

from __future__ import annotations

from typing import Any

import pytest
from gensim.test.utils import datapath

from fitscope.projector import train_word2vec

#: gensim's test corpus: about 1,750 words at min_count 5.
LEE = datapath("lee_background.cor")
#: A larger one: about 8,000 words at min_count 5.
HEAD500 = datapath("head500.noblanks.cor")


@pytest.fixture(scope="session")
def lee_model() -> Any:
    """Word2Vec on lee_background.cor (50 dimensions, one worker and a seed: reproducible).

    20 epochs: after gensim's default 5 on this small corpus every word is still about 0.999
    cosine-similar to every other, and no layout can show structure that is not there.
    """
    return train_word2vec(LEE, progress=False, vector_size=50, min_count=5, epochs=20, workers=1, seed=1)


@pytest.fixture(scope="session")
def head500_model() -> Any:
    """Word2Vec on head500.noblanks.cor: several thousand words."""
    return train_word2vec(HEAD500, progress=False, vector_size=32, min_count=5, epochs=5, workers=1, seed=1)
