"""spaCy's attribute ruler, applied by table look-up instead of by its Matcher.

The English pipelines map fine-grained tags to coarse POS, morphology and a few lemmas with
about 180 single-token rules run through spaCy's general `Matcher`, which tries every rule at
every token: about 13 % of raw `nlp.pipe` time, more than the parser. Nearly every rule pins
a TAG or a LOWER value, so `AttributeRules` indexes the rules by those values, tests only the
few that can apply at a token, and then sets the attributes exactly as spaCy does: the same
`set_token_attrs`, in the same order (rule by rule, later rules winning).

What it does NOT do: change a single annotation. `compile_rules` returns None for any rule
it cannot read exactly (an operator such as "OP", a comparison, a fuzzy match), and
`nlp.configure` then keeps spaCy's own component. A test checks POS, MORPH, LEMMA, TAG and
DEP against spaCy's component on real text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a rule may test: string-valued ones (compared as hashes) and flags.
_STRING_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE", "SHAPE")
_FLAG_ATTRS = ("IS_SPACE", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA", "IS_TITLE", "IS_UPPER", "IS_LOWER", "LIKE_NUM")
# Preferred look-up keys, most selective first.
_INDEX_ORDER = ("LOWER", "ORTH", "TAG", "DEP", "POS", "NORM", "LEMMA", "ENT_TYPE", "SHAPE", *_FLAG_ATTRS)


@dataclass(frozen=True)
class _Check:
    column: int
    kind: str  # "eq", "in", "not_in", "regex"
    value: Any  # a hash, a frozenset of hashes, or a compiled pattern


@dataclass(frozen=True)
class _Pattern:
    rule: int  # the attribute ruler's rule number: later rules win
    index: int  # which token of the match gets the attributes
    tokens: tuple[tuple[_Check, ...], ...]
    # the checks left once the look-up key matched: the first token's others, then each next token's
    rest: tuple[tuple[int, _Check], ...] = ()


@dataclass(frozen=True)
class CompiledRules:
    columns: tuple[str, ...]  # the Doc.to_array columns the checks read
    by_value: dict[tuple[int, int], tuple[_Pattern, ...]]  # (column, value) -> patterns anchored there
    unindexed: tuple[_Pattern, ...]  # patterns with no equality on their first token


def _compile_token(spec: dict, columns: list[str], strings) -> tuple[_Check, ...] | None:
    checks: list[_Check] = []
    for attr, constraint in spec.items():
        if attr not in _STRING_ATTRS and attr not in _FLAG_ATTRS:
            return None
        if attr not in columns:
            columns.append(attr)
        column = columns.index(attr)
        if attr in _FLAG_ATTRS:
            if not isinstance(constraint, bool):
                return None
            checks.append(_Check(column, "eq", int(constraint)))
        elif isinstance(constraint, str):
            checks.append(_Check(column, "eq", strings.add(constraint) if constraint else 0))
        elif isinstance(constraint, dict) and len(constraint) == 1:
            (op, value), = constraint.items()
            if op in ("IN", "NOT_IN") and isinstance(value, list) and all(isinstance(v, str) for v in value):
                hashes = frozenset(strings.add(v) if v else 0 for v in value)
                checks.append(_Check(column, op.lower(), hashes))
            elif op == "REGEX" and isinstance(value, str):
                checks.append(_Check(column, "regex", re.compile(value)))
            else:
                return None
        else:
            return None
    return tuple(checks)


def compile_rules(patterns: Iterable[dict], strings) -> CompiledRules | None:
    """Index an AttributeRuler's `patterns` by their first token's equalities; None when any
    rule uses a Matcher feature this look-up does not reproduce exactly."""
    columns: list[str] = []
    by_value: dict[tuple[int, int], list[_Pattern]] = {}
    unindexed: list[_Pattern] = []
    for rule, entry in enumerate(patterns):
        for pattern in entry["patterns"]:
            if not pattern:
                return None
            tokens = [_compile_token(spec, columns, strings) for spec in pattern]
            if any(t is None for t in tokens):
                return None
            compiled = _Pattern(rule, entry.get("index", 0), tuple(tokens))  # type: ignore[arg-type]
            anchors = sorted(
                (c for c in compiled.tokens[0] if c.kind in ("eq", "in")),
                key=lambda c: _INDEX_ORDER.index(columns[c.column]),
            )
            if not anchors:
                unindexed.append(
                _Pattern(rule, compiled.index, compiled.tokens, tuple((o, c) for o, t in enumerate(tokens) for c in t))
            )
                continue
            anchor = anchors[0]
            rest = tuple((offset, c) for offset, checks in enumerate(tokens) for c in checks if c is not anchor)
            keyed = _Pattern(rule, compiled.index, compiled.tokens, rest)
            for value in (anchor.value,) if anchor.kind == "eq" else anchor.value:
                by_value.setdefault((anchor.column, value), []).append(keyed)
    return CompiledRules(
        columns=tuple(columns),
        by_value={key: tuple(found) for key, found in by_value.items()},
        unindexed=tuple(unindexed),
    )


def _holds(check: _Check, row, strings) -> bool:
    value = row[check.column]
    if check.kind == "eq":
        return value == check.value
    if check.kind == "in":
        return value in check.value
    if check.kind == "not_in":
        return value not in check.value
    return check.value.search(strings[value] if value else "") is not None


class AttributeRules:
    """An AttributeRuler whose rules are found by look-up; it keeps spaCy's ruler for the
    normalised attributes each rule sets."""

    def __init__(self, ruler: AttributeRuler, rules: CompiledRules) -> None:
        self.ruler = ruler
        self.rules = rules
        self.column_ids = [IDS[name] for name in rules.columns]
        self.keyed_columns = sorted({column for column, _ in rules.by_value})

    def matches(self, doc: Doc) -> list[tuple[int, int]]:
        """(rule, token index) of every rule that applies, in the order spaCy applies them."""
        if not len(doc):
            return []
        strings = doc.vocab.strings
        rows = doc.to_array(self.column_ids).tolist()
        if len(self.column_ids) == 1:
            rows = [[value] for value in rows]
        by_value, unindexed = self.rules.by_value, self.rules.unindexed
        found: set[tuple[int, int]] = set()
        n = len(rows)
        keys = self.keyed_columns
        for start, row in enumerate(rows):
            for candidates in (unindexed, *(by_value.get((column, row[column]), ()) for column in keys)):
                for pattern in candidates:
                    end = start + len(pattern.tokens)
                    if end > n:
                        continue
                    for offset, check in pattern.rest:
                        if not _holds(check, rows[start + offset], strings):
                            break
                    else:
                        found.add((pattern.rule, start + pattern.index if pattern.index >= 0 else end + pattern.index))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        attrs = self.ruler.attrs
        for rule, i in self.matches(doc):
            set_token_attrs(doc[i], attrs[rule])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("clashrecon_attribute_rules", default_config={"patterns": []})
def make_attribute_rules(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> AttributeRules:
    ruler = AttributeRuler(nlp.vocab, name)
    ruler.add_patterns(patterns)
    rules = compile_rules(ruler.patterns, nlp.vocab.strings)
    if rules is None:
        raise ValueError("clashrecon_attribute_rules: these patterns need spaCy's attribute_ruler")
    return AttributeRules(ruler, rules)


def use_lookup_rules(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap the pipeline's attribute ruler for `AttributeRules` when every rule compiles; True if swapped."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return False
    patterns = nlp.get_pipe(name).patterns
    if compile_rules(patterns, nlp.vocab.strings) is None:
        return False
    nlp.replace_pipe(name, "clashrecon_attribute_rules", config={"patterns": patterns})
    return True
