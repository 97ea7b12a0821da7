"""Language processing: the one place spaCy is configured and run.

- model.py: finds and loads the model, adds the entity ruler (`load_model`, `load_pipeline`);
- attribute_rules.py: spaCy's attribute-ruler rules applied by table look-up (same annotations);
- prefilter.py: tagger and parser only on sentences that can hold a claim, each paragraph once;
- matmul.py: the models' matrix products through numpy's BLAS.

Importing this package imports spaCy: the read-only commands must never import it.
"""

import os

# One BLAS thread per process (read when numpy loads OpenBLAS, so before spaCy is imported):
# `--jobs N` runs N processes, and two threads each would fight over the same cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from clashrecon.nlp.model import LoadedPipeline, load_model, load_pipeline

__all__ = ["LoadedPipeline", "load_model", "load_pipeline"]
