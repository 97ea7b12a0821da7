"""Language processing: the one place spaCy is configured and run.

- model.py: finds and loads the model, adds the entity ruler (`load_model`, `load_pipeline`);
- attribute_rules.py: spaCy's attribute-ruler rules applied by table look-up (same annotations);
- prefilter.py: tagger and parser only on sentences that can hold a claim, each paragraph once.

Importing this package imports spaCy: the read-only commands must never import it.
"""

from clashrecon.nlp.model import LoadedPipeline, load_model, load_pipeline

__all__ = ["LoadedPipeline", "load_model", "load_pipeline"]
