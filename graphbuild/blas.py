"""Which library multiplies the matrices of spaCy's statistical components.

thinc's CPU backend hands every matrix product to BLIS.  On some processors
(AMD EPYC machines among them) the BLIS kernels that thinc's wheel picks are
three to four times slower than the OpenBLAS or MKL that numpy's own wheel
links, and those products are most of the cost of the token-to-vector layers
and the entity recognizer.  thinc supports routing them through numpy instead
(``NumpyOps(use_blis=False)``); :func:`use_numpy_blas` does that for a loaded
pipeline.  The parser's per-state step keeps its own BLIS calls.

numpy's BLAS runs one thread per process while graphbuild multiplies: the
corpus runner's workers are the parallelism, and a second BLAS thread per
worker would only fight them for the cores.

The choice is made once, from what numpy links (never by timing), so the
same machine always takes the same path.  On the Lee corpus both paths give
identical tags, parses and entities.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["BLAS_CHOICES", "numpy_blas", "use_numpy_blas"]

#: ``"auto"``: numpy's BLAS when it is an optimised one, else BLIS.
BLAS_CHOICES = ("auto", "numpy", "blis")
#: numpy BLAS libraries known to be tuned (threadpoolctl's ``internal_api``).
_TUNED = ("openblas", "mkl")


def numpy_blas() -> str | None:
    """The optimised BLAS numpy links (``"openblas"``, ``"mkl"``), or None."""
    import numpy  # noqa: F401  (loads numpy's BLAS so threadpoolctl can see it)
    from threadpoolctl import threadpool_info

    for lib in threadpool_info():
        if lib.get("user_api") == "blas" and lib.get("internal_api") in _TUNED:
            return lib["internal_api"]
    return None


@lru_cache(maxsize=None)
def _one_thread_ops():
    """A thinc ``NumpyOps`` whose products go through numpy's BLAS on one thread (one per process)."""
    from thinc.api import NumpyOps
    from threadpoolctl import ThreadpoolController

    class OneThreadNumpyOps(NumpyOps):
        name = "numpy"

        def __init__(self) -> None:
            super().__init__(use_blis=False)
            self._controller = ThreadpoolController()

        def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            with self._controller.limit(limits=1, user_api="blas"):
                return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)

    return OneThreadNumpyOps()


def use_numpy_blas(nlp: "Language", blas: str = "auto") -> str:
    """Route the pipeline's matrix products through numpy's BLAS if ``blas`` asks or allows it.

    Parameters
    ----------
    nlp : spacy.language.Language
        A loaded pipeline on the CPU.  Components on another backend (a GPU, or
        a third-party CPU backend) are left as they are.
    blas : {"auto", "numpy", "blis"}
        ``"auto"`` takes numpy's BLAS when it is OpenBLAS or MKL.

    Returns
    -------
    str
        The library now used: ``"numpy"`` or ``"blis"``.
    """
    from thinc.api import NumpyOps

    if blas not in BLAS_CHOICES:
        raise ValueError(f"blas must be one of {', '.join(BLAS_CHOICES)}, not {blas!r}")
    if blas == "blis" or (blas == "auto" and numpy_blas() is None):
        return "blis"
    ops = _one_thread_ops()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None:
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return "numpy"
