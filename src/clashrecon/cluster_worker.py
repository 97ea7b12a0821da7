"""What runs on a Dask worker for `ingest --executor dask`: the plugin that loads the spaCy model once
per worker process, and the task that extracts one batch of articles.

The model is loaded by each worker from its own installation (only its name travels), when the
worker joins and before its first batch; a worker that restarts after a crash loads it again.
Imports dask, so only `cluster.py` imports it, and only for `--executor dask`.
"""

from __future__ import annotations

from distributed import WorkerPlugin

from clashrecon.ingest import SourcedArticle


class ModelLoader(WorkerPlugin):
    """Loads the spaCy pipeline in each worker as it starts, and exempts it from garbage collection."""

    name = "clashrecon-model"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker) -> None:
        from clashrecon.nlp import load_pipeline
        from clashrecon.workers import settle

        load_pipeline(self.model)  # cached in the process: every batch after this reuses it
        settle()


def extract_batch(items: list[SourcedArticle], model: str | None, batch_size: int):
    """One batch's claims, extracted on the worker with its loaded model; an article that fails is
    named in the result's `failed`, as in the local pool."""
    from clashrecon.pipeline import extract_chunk

    return extract_chunk(items, model, batch_size)
