"""Matrix products of spaCy's models through numpy's BLAS instead of thinc's bundled BLIS.

Most of the neural networks' time is matrix products (`Ops.gemm`). On the CPUs measured
here numpy's OpenBLAS does the products of these shapes about three times as fast as the
BLIS build thinc ships with, in one thread each, and with the same results on the seeds,
the golds and the bench corpus (a product is summed in another order, so a near-tie could
in principle flip; none did). The transition loop inside the parser and NER (compiled
code, out of reach from Python) keeps BLIS.

`CLASHRECON_MATMUL=blis` keeps spaCy's own choice (to measure the difference, or to rule it
out). One BLAS thread per process: `nlp/__init__.py` sets OPENBLAS_NUM_THREADS=1 (unless
set) before numpy is imported, so that `--jobs 1` uses one core and `--jobs N` N.
"""

from __future__ import annotations

import os

from spacy.language import Language

_KEEP = ("blis", "off", "0", "no", "false")


def use_numpy_matmul(nlp: Language) -> bool:
    """Give every thinc model of the pipeline numpy's matrix products (once); False when switched off."""
    if os.environ.get("CLASHRECON_MATMUL", "").lower() in _KEEP:
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
    return True
