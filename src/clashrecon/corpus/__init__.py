"""Corpus passes: what needs every stored article, run after extraction and before reconciliation.

- lineage: which articles are copies of one wire story (their independent origin);
- stories: which articles report the same clash;
- chronology: each article's reference date within its story, then every claim's time;
- names: spelling variants of places and persons merged across articles.

Each pass reads the extracted articles and claims, which it never changes, and returns its own
records (`CorpusDerived`); `passes.corpus_passes` runs them all, and `view` joins their rows back
for the stages that read them. Pure Python; this package's __init__ imports nothing, so the read
commands, which need only `view`, load none of the passes.
"""
