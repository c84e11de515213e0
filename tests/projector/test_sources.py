"""Reading vectors: every format, the same numbers as gensim reads, and errors that name the line."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from gensim.models import KeyedVectors, Word2Vec

from fitscope.errors import EmbeddingError
from fitscope.projector import load_vectors, read_labels, train_word2vec, vectors_from

from .conftest import LEE


def _kv(model: Any) -> KeyedVectors:
    return model.wv


@pytest.mark.parametrize("fmt", ["word2vec", "word2vec-binary", "gensim", "glove"])
def test_each_gensim_format_reads_the_words_and_vectors_gensim_wrote(lee_model: Any, tmp_path: Path, fmt: str) -> None:
    kv = _kv(lee_model)
    path = tmp_path / {"word2vec": "v.txt", "word2vec-binary": "v.bin", "gensim": "v.kv", "glove": "v.glove"}[fmt]
    if fmt == "gensim":
        kv.save(str(path))
    elif fmt == "glove":
        kv.save_word2vec_format(str(path), write_header=False)
    else:
        kv.save_word2vec_format(str(path), binary=fmt == "word2vec-binary")
    got = load_vectors(path)  # the format is guessed
    assert got.labels == list(kv.index_to_key)
    # gensim's text format writes each float with repr-like precision: read back exactly what gensim reads
    if fmt == "glove":  # (gensim's own no_header reader leaks a file handle: numpy reads it here)
        reference = np.loadtxt(
            path, usecols=range(1, kv.vector_size + 1), dtype=np.float32, comments=None, encoding="utf-8"
        )
    elif fmt == "gensim":
        reference = kv.vectors
    else:
        reference = KeyedVectors.load_word2vec_format(str(path), binary=fmt == "word2vec-binary").vectors
    np.testing.assert_array_equal(got.vectors, reference)
    assert got.vectors.dtype == np.float32 and got.vectors.flags.c_contiguous


def test_a_full_word2vec_model_file_and_limit(lee_model: Any, tmp_path: Path) -> None:
    lee_model.save(str(tmp_path / "m.model"))
    got = load_vectors(tmp_path / "m.model", limit=100)
    assert got.labels == lee_model.wv.index_to_key[:100]
    np.testing.assert_array_equal(got.vectors, lee_model.wv.vectors[:100])
    assert got.metadata["count"] == [int(c) for c in lee_model.wv.expandos["count"][:100]]


def test_tsv_with_tensorboard_metadata_and_npy_with_labels(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    x = rng.standard_normal((7, 4)).astype(np.float32)
    x[2, 1] = np.nan
    x[5, 0] = np.inf
    (tmp_path / "t.tsv").write_text("\n".join("\t".join(repr(float(v)) for v in row) for row in x) + "\n")
    (tmp_path / "m.tsv").write_text(
        "word\tgroup\tfreq\n" + "".join(f"w{i}\t{'ab'[i % 2]}\t{i * 1.5}\n" for i in range(7))
    )
    got = load_vectors(tmp_path / "t.tsv", labels=tmp_path / "m.tsv")
    np.testing.assert_array_equal(got.vectors, x)  # NaN and Inf kept where they were
    assert got.labels == [f"w{i}" for i in range(7)]
    assert got.metadata == {"group": ["a", "b", "a", "b", "a", "b", "a"], "freq": [i * 1.5 for i in range(7)]}
    np.save(tmp_path / "v.npy", x)
    (tmp_path / "words.txt").write_text("".join(f"word {i}\n" for i in range(7)))
    npy = load_vectors(tmp_path / "v.npy", labels=tmp_path / "words.txt")
    np.testing.assert_array_equal(npy.vectors, x)
    assert npy.labels[3] == "word 3" and npy.metadata == {}
    unlabelled = load_vectors(tmp_path / "v.npy")
    assert unlabelled.labels == [str(i) for i in range(7)]


@pytest.mark.parametrize(
    ("name", "text", "fmt", "message"),
    [
        ("ragged.tsv", "1\t2\t3\n4\t5\t6\n7\t8\n", None, r"ragged\.tsv, line 3: 2 values, but line 1 has 3"),
        ("cell.tsv", "1\t2\n3\tabc\n", None, r"cell\.tsv, line 2, column 2: 'abc' is not a number"),
        ("cell.csv", "1,2\n3,4\n5,x7\n", None, r"cell\.csv, line 3, column 2: 'x7' is not a number"),
        ("w.txt", "2 3\nthe 1 2 3\nof 1 2\n", "word2vec", r"w\.txt, line 3: 2 values, but the header says 3"),
        ("short.txt", "3 2\nthe 1 2\nof 1 2\n", "word2vec", r"header says 3 vectors, the file holds 2"),
        ("head.txt", "the 1 2\n", "word2vec", r"head\.txt, line 1: a word2vec text file starts with 'COUNT DIM'"),
        ("blank.tsv", "\n\n\n", None, r"holds no vectors"),
        ("glove.txt", "the 1 2\nof 3 four\n", "glove", r"glove\.txt, line 2, column 3: 'four' is not a number"),
    ],
)
def test_malformed_text_is_refused_naming_the_line(
    tmp_path: Path, name: str, text: str, fmt: str | None, message: str
) -> None:
    (tmp_path / name).write_text(text)
    with pytest.raises(EmbeddingError, match=message):
        load_vectors(tmp_path / name, format=fmt)


def test_bad_files_and_labels_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingError, match="There is no file"):
        load_vectors(tmp_path / "missing.tsv")
    with pytest.raises(EmbeddingError, match="is a directory"):
        load_vectors(tmp_path)
    (tmp_path / "empty.tsv").write_bytes(b"")
    with pytest.raises(EmbeddingError, match="is empty"):
        load_vectors(tmp_path / "empty.tsv")
    (tmp_path / "v.tsv").write_text("1\t2\n3\t4\n5\t6\n")
    (tmp_path / "two.txt").write_text("a\nb\n")
    with pytest.raises(EmbeddingError, match=r"two\.txt has 2 labels but .*v\.tsv has 3 vectors"):
        load_vectors(tmp_path / "v.tsv", labels=tmp_path / "two.txt")
    with pytest.raises(EmbeddingError, match="2 labels for 3 vectors"):
        load_vectors(tmp_path / "v.tsv", labels=["a", "b"])
    (tmp_path / "meta.tsv").write_text("word\tgroup\na\tx\nb\n")
    with pytest.raises(EmbeddingError, match=r"meta\.tsv, line 3: 1 tab-separated cells, but the header row names 2"):
        read_labels(tmp_path / "meta.tsv")
    (tmp_path / "bytes.npy").write_bytes(b"\x93NUMPY not really")
    with pytest.raises(EmbeddingError, match=r"not a readable \.npy"):
        load_vectors(tmp_path / "bytes.npy")
    (tmp_path / "junk.kv").write_bytes(b"\x80\x04 junk")
    with pytest.raises(EmbeddingError, match="not a readable gensim file"):
        load_vectors(tmp_path / "junk.kv")
    (tmp_path / "latin.tsv").write_bytes("1\t2\n\xe9\n".encode("latin-1"))
    with pytest.raises(EmbeddingError, match="not UTF-8"):
        load_vectors(tmp_path / "latin.tsv")


def test_a_file_larger_than_expected_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.tsv"
    with big.open("wb") as f:  # sparse: 3 GB on paper, nothing on disk
        f.truncate(3 << 30)
    with pytest.raises(EmbeddingError, match=r"big\.tsv is 3,072 MiB, more than the 1,024 MiB .*max_bytes=None"):
        load_vectors(big)
    small = tmp_path / "small.tsv"
    small.write_text("1\t2\n" * 1000)
    with pytest.raises(EmbeddingError, match="more than the 0 MiB"):
        load_vectors(small, max_bytes=100)
    assert load_vectors(small, max_bytes=None).count == 1000


def test_arrays_and_models_in_memory(lee_model: Any) -> None:
    got = vectors_from(lee_model)
    assert got.labels == lee_model.wv.index_to_key and got.dim == 50
    arr = vectors_from([[1, 2], [3, 4]], ["a", "b"], {"n": [1, 2]})
    assert arr.vectors.dtype == np.float32 and arr.metadata == {"n": [1, 2]}
    with pytest.raises(EmbeddingError, match="ragged"):
        vectors_from([[1, 2], [3]], ["a", "b"])
    with pytest.raises(EmbeddingError, match="must hold numbers"):
        vectors_from([["a", "b"]], ["x"])
    with pytest.raises(EmbeddingError, match="2-D"):
        vectors_from(np.zeros(3), ["a", "b", "c"])
    with pytest.raises(EmbeddingError, match="1 labels for 2 vectors"):
        vectors_from(np.zeros((2, 2)), ["a"])
    with pytest.raises(EmbeddingError, match="metadata column 'g' has 1 values for 2"):
        vectors_from(np.zeros((2, 2)), ["a", "b"], {"g": [1]})


def test_train_word2vec_is_gensims_word2vec_with_a_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    ours = train_word2vec(LEE, vector_size=20, min_count=5, epochs=3, workers=1, seed=7)
    err = capsys.readouterr().err
    assert "word2vec" in err and "3/3" in err
    from gensim.models.word2vec import LineSentence

    theirs = Word2Vec(LineSentence(LEE), vector_size=20, min_count=5, epochs=3, workers=1, seed=7)
    assert ours.wv.index_to_key == theirs.wv.index_to_key
    np.testing.assert_array_equal(ours.wv.vectors, theirs.wv.vectors)
    tokens = [["a", "b", "c"], ["b", "c", "d"]] * 20
    assert set(train_word2vec(tokens, progress=False, vector_size=8, min_count=1, workers=1).wv.index_to_key) == set(
        "abcd"
    )


def test_train_word2vec_refuses_an_empty_corpus_and_a_too_high_min_count(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("\n\n")
    with pytest.raises(EmbeddingError, match=r"is empty|holds no words"):
        train_word2vec(tmp_path / "empty.txt", progress=False)
    with pytest.raises(EmbeddingError, match="holds no words"):
        train_word2vec([[], []], progress=False)
    with pytest.raises(EmbeddingError, match="min_count=1000"):
        train_word2vec([["a", "b"]] * 3, progress=False, min_count=1000)
    with pytest.raises(EmbeddingError, match="one-shot iterator"):
        train_word2vec(iter([["a"]]), progress=False)


@pytest.mark.slow
def test_a_wikipedia_dump_read_with_wikicorpus_trains_like_gensim_on_its_texts() -> None:
    from gensim.corpora import WikiCorpus
    from gensim.test.utils import datapath

    dump = datapath("enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2")
    with warnings.catch_warnings():  # gensim's WikiCorpus warns about its multiprocessing defaults
        warnings.simplefilter("ignore")
        wiki = WikiCorpus(dump, dictionary={}, processes=1)
        ours = train_word2vec(wiki, progress=False, vector_size=16, min_count=20, epochs=2, workers=1, seed=3)
        texts = [list(t) for t in wiki.get_texts()]
    theirs = Word2Vec(texts, vector_size=16, min_count=20, epochs=2, workers=1, seed=3)
    assert len(ours.wv) > 1000 and ours.wv.index_to_key == theirs.wv.index_to_key
    np.testing.assert_array_equal(ours.wv.vectors, theirs.wv.vectors)


def test_limit_with_labels_a_bom_and_float32_overflow(tmp_path: Path) -> None:
    (tmp_path / "v.tsv").write_text("".join(f"{i}\t{i + 1}\n" for i in range(20)), encoding="utf-8-sig")
    (tmp_path / "l.txt").write_text("".join(f"w{i}\n" for i in range(20)), encoding="utf-8-sig")
    got = load_vectors(tmp_path / "v.tsv", labels=tmp_path / "l.txt", limit=5)
    assert got.labels == ["w0", "w1", "w2", "w3", "w4"] and got.vectors[0, 0] == 0.0  # the BOM is not data
    (tmp_path / "w.txt").write_text("2 2\nthe 1 2\nof 3 4\n", encoding="utf-8-sig")
    assert load_vectors(tmp_path / "w.txt").labels == ["the", "of"]
    (tmp_path / "big.tsv").write_text("1\t2\n3\t1e39\n")
    with pytest.raises(EmbeddingError, match=r"big\.tsv, line 2, column 2: 1e39 is beyond float32's range"):
        load_vectors(tmp_path / "big.tsv")
    (tmp_path / "p.dat").write_bytes(b"\x80\x04 anything")
    with pytest.raises(EmbeddingError, match="looks like a pickle"):
        load_vectors(tmp_path / "p.dat")


def test_xy_rows_are_csv() -> None:
    from fitscope.projector.sources import looks_like_xy, parse_xy

    text = '\ufeff1,2,"hello, world"\n3,4,"quote ""x"""\n5,6,plain, rest\n'
    coords, labels = parse_xy(text.splitlines(keepends=True))
    assert labels == ["hello, world", 'quote "x"', "plain, rest"] and coords.tolist() == [[1, 2], [3, 4], [5, 6]]
    assert looks_like_xy(text)
