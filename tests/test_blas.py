"""Matrix products on numpy's BLAS: the same parses, one BLAS thread, nothing leaks."""
from __future__ import annotations

import pytest

from graphbuild.blas import numpy_blas, use_numpy_blas
from graphbuild.read import sample_documents


@pytest.fixture(scope="module")
def pipelines():
    from graphbuild.nlp import load_pipeline

    try:
        return load_pipeline(blas="numpy"), load_pipeline(blas="blis")
    except Exception as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"spaCy model not available: {exc}")


def _analysis(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_both_libraries_give_the_same_tags_parses_and_entities(pipelines):
    on_numpy, on_blis = pipelines
    assert (on_numpy.blas, on_blis.blas) == ("numpy", "blis")
    texts = [d.text for d in sample_documents(corpus=True)]
    for a, b in zip(on_numpy.pipe(texts), on_blis.pipe(texts)):
        assert _analysis(a) == _analysis(b)


def test_numpy_products_run_on_one_blas_thread_and_restore_the_setting(pipelines, monkeypatch):
    from thinc.backends.ops import Ops
    from threadpoolctl import threadpool_info

    if numpy_blas() is None:
        pytest.skip("numpy links no tuned BLAS here")
    from graphbuild.blas import _one_thread_ops

    # The BLAS numpy was loaded with; a library loaded later by another package
    # (scipy brings its own OpenBLAS) never runs numpy's products.
    numpy_libs = {lib["filepath"] for lib in _one_thread_ops()._controller.info()}
    seen: list[int] = []
    original = Ops.gemm

    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info()
                if lib["user_api"] == "blas" and lib["filepath"] in numpy_libs]

    def recording_gemm(self, *args, **kwargs):
        seen.extend(blas_threads())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Ops, "gemm", recording_gemm)
    before = blas_threads()
    pipelines[0].parse("The minister met his counterpart in Geneva on Monday.")
    assert seen and set(seen) == {1}
    assert blas_threads() == before


def test_auto_follows_what_numpy_links(monkeypatch):
    import spacy

    import graphbuild.blas as blas

    nlp = spacy.blank("en")
    monkeypatch.setattr(blas, "numpy_blas", lambda: None)
    assert use_numpy_blas(nlp, "auto") == "blis"
    monkeypatch.setattr(blas, "numpy_blas", lambda: "openblas")
    assert use_numpy_blas(nlp, "auto") == "numpy"


def test_blis_leaves_the_components_alone(pipelines):
    from thinc.api import NumpyOps

    _, on_blis = pipelines
    ner = on_blis.nlp.get_pipe("ner")
    assert all(type(node.ops) is NumpyOps for node in ner.model.walk())


def test_an_unknown_library_is_refused():
    import spacy

    with pytest.raises(ValueError, match="blas must be one of"):
        use_numpy_blas(spacy.blank("en"), "cublas")
