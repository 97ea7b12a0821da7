"""Denials that answer an accusation or a claimed warning, each the denier's own word.

"Thailand's army accused Cambodian troops of breaking the truce. The Cambodian government denied
this." and "... the Russian command was informed of the plan to launch the operation. The Russian
side refuted the information." answer the sentence before; "Iran denied firing after the
ceasefire" names what it denies itself.

Claims are `attack` claims with value "denied" and the subject of what is denied ("ceasefire
violation", "initiator" or "warning"), the shape of a denied attack (attacks.py) and of a denied
warning (warnings.py), so reconciliation sets the denial against the blame or the warning it
answers (reconcile/relations.py `disputes`). A denial answers the sentence before only when its
object points back (denial.back_pronouns, denial.back_nouns) and only a blame of the denier or a
warning someone else asserts; a denial with an act of its own ("denied breaching the truce")
counts only for a truce breach or a first shot. Does NOT judge who is right, and leaves "rejected
X's claim that ..." to denials.py, which gives that claim to its owner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from clashrecon.extract.common import claim_sentences, make_claim, text_of, tokens_of
from clashrecon.extract.events.blame import blame_claims
from clashrecon.extract.events.speakers import Speaker, speaker_of
from clashrecon.extract.events.warnings import warnings_in
from clashrecon.extract.events.words import event_words
from clashrecon.extract.syntax import is_negated, subject_of, subtree_span
from clashrecon.models import Article, Claim, ClaimantRole, Field, SegmentType

DENIED = "denied"


def _points_back(verb: Token) -> bool:
    """'denied this', 'refuted the information', 'rejected the accusations': an object that stands
    for what was said before, with no owner or content of its own ('Armenia's claim that ...')."""
    lex = event_words()["denial"]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.lower_ in lex["back_pronouns"]:
        return True
    own = any(c.dep_ in ("poss", "acl", "relcl", "ccomp", "prep", "amod", "compound") for c in obj.children)
    return obj.lemma_.lower() in lex["back_nouns"] and not own


def _denied_act(verb: Token, sent: Span) -> str | None:
    """What a denial with an act of its own denies: 'denied breaching the truce', 'denies firing
    after the ceasefire' (a ceasefire violation); 'denied that it fired first' (who started it)."""
    lex = event_words()
    acts = set(lex["attack"]["verbs"]) | set(lex["attack"]["nouns"]) | set(lex["blame"]["truce_breach_verbs"]) | set(lex["blame"]["violation_nouns"])
    breaches = set(lex["blame"]["truce_breach_verbs"]) | set(lex["blame"]["violation_nouns"])
    truce = re.search(lex["ceasefire"]["pattern"], text_of(sent), re.I) is not None
    for act in verb.children:
        if act.dep_ not in ("xcomp", "ccomp", "dobj", "pcomp") or act.lemma_.lower() not in acts:
            continue
        if act.lemma_.lower() in breaches or truce:
            return "ceasefire violation"
        if any(c.lower_ in lex["blame"]["first_words"] for c in act.children if c.dep_ in ("advmod", "npadvmod", "amod")):
            return "initiator"
    return None


def _sentence_before(sent: Span, article: Article) -> Span | None:
    """The claim sentence just before, skipping blank lines between paragraphs."""
    before = [s for s in claim_sentences(sent.doc, article) if s.end <= sent.start]
    return before[-1] if before else None


def _answered(verb: Token, sent: Span, denier: str, article: Article) -> set[str]:
    """The subjects a denial answers: of the sentence before, or of its own act."""
    if not _points_back(verb):
        act = _denied_act(verb, sent)
        return {act} if act else set()
    prev = _sentence_before(sent, article)
    if prev is None:
        return set()
    found = {c.subject for c in blame_claims(prev, article) if c.value == denier}
    if any(value == "asserted" and who.actor and who.actor != denier for _, who, value in warnings_in(prev, article)):
        found.add("warning")
    return found


def rebuttal_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """'denied' per the denier, for each blame or warning the denial answers."""
    verbs = set(event_words()["denial"]["verbs"])
    headline = article.segment_at(sent.start_char) is SegmentType.headline
    role = ClaimantRole.headline if headline else ClaimantRole.speaker
    for verb in tokens_of(sent):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or is_negated(verb):
            continue
        subj = subject_of(verb)
        who: Speaker | None = speaker_of(subtree_span(subj), role, article) if subj is not None else None
        if who is None or not who.actor:
            continue
        for subject in sorted(_answered(verb, sent, who.actor, article)):
            yield make_claim(
                article, sent, Field.actors, "attack", span=(verb.idx, verb.idx + len(verb.text)), id_extra=f"denial|{who.actor}|{subject}",
                subject=subject, value=DENIED, claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
                attrs={"attacker": None, "target": None, "weapons": [], "places": [], **who.attrs()},
            )
