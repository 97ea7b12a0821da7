"""Who asked for a truce, each claimant's own word: "the two governments agreed, at Kabul's request,
to a 48-hour ceasefire" per Pakistan beside "the truce had been sought by Pakistan" per Kabul.

Claims are `ceasefire` claims with subject "ceasefire request" and value the one who asked, so that
reconciliation sets one side's answer against the other's (a side saying the other begged for the
truce is a claim of the upper hand, and each side tends to make it). Read from "at X's request" /
"at the request of X" (request.nouns under "at") and from request.verbs with the asker as subject or
"by" agent and a truce as object, "for" phrase or passive subject, always in a sentence that names a
ceasefire. A side saying it asked itself is kept as an admission. Does NOT judge who is right, and
never reads a call on others ("urged both sides to agree a truce": ceasefire.py's 'proposed').
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from clashrecon.extract.actors import actor_of_token
from clashrecon.extract.common import make_claim, text_of, tokens_of
from clashrecon.extract.events.parties import agent_actor
from clashrecon.extract.events.speakers import speaker
from clashrecon.extract.events.words import event_words
from clashrecon.extract.syntax import is_negated, subject_of
from clashrecon.extract.times import best_time
from clashrecon.models import Article, Claim, Field

SUBJECT = "ceasefire request"


def _truce(tok: Token) -> bool:
    return re.search(event_words()["ceasefire"]["pattern"], tok.text, re.I) is not None


def _request_noun(tok: Token, article: Article) -> str | None:
    """'at Kabul's request', 'at the request of the Taliban', 'at Kabul's behest'."""
    lex = event_words()["request"]
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex["nouns"] or tok.head.lower_ != "at":
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return actor_of_token(owner, article) if owner is not None else None


def _request_verb(tok: Token, article: Article) -> str | None:
    """'Pakistan asked for the truce', 'Kabul requested a ceasefire', 'the truce had been sought by Pakistan'."""
    lex = event_words()["request"]
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex["verbs"] or is_negated(tok):
        return None
    asked = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    asked += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children if o.dep_ == "pobj"]
    if not any(_truce(t) for a in asked for t in a.subtree):
        return None
    agent = agent_actor(tok, article)
    if agent:
        return agent
    subj = subject_of(tok)
    return actor_of_token(subj, article) if subj is not None and subj.dep_ == "nsubj" else None


def request_claims(sent: Span, article: Article) -> Iterator[Claim]:
    """Who a claimant says asked for the ceasefire the sentence names."""
    if re.search(event_words()["ceasefire"]["pattern"], text_of(sent), re.I) is None:
        return
    seen: set[str] = set()
    for tok in tokens_of(sent):
        asker = _request_noun(tok, article) or _request_verb(tok, article)
        if not asker or asker in seen:
            continue
        seen.add(asker)
        who = speaker(sent, tok, article)
        when = best_time(text_of(sent))
        yield make_claim(
            article, sent, Field.actors, "ceasefire", span=(tok.idx, tok.idx + len(tok.text)), id_extra=f"request|{asker}",
            subject=SUBJECT, value=asker, claimant=who.actor, claimant_text=who.text, claimant_role=who.role,
            attrs={"broker": None, "status": None, "time": when.ref.text if when else None, **who.attrs()},
        )
