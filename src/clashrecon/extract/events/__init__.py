"""Event claims: attacks, ceasefires, blame, diplomatic contacts and protests, each with its claimant.

Blame claims carry subject "initiator" and value the actor blamed, so that reconciliation can set
"Armenia says Azerbaijan started it" against "Azerbaijan says Armenia started it". A claim reported
inside another party's denied claim ("rejected as an 'absolute lie' Armenia's claim that Azerbaijani
troops had fired on a Russian outpost") yields one claim asserted by its owner and one denied by the
denier. Words come from data/events.json.
Does NOT judge who is right, does not follow pronouns beyond what `actors.actor_of_phrase` resolves,
and does not read negated events ("did not attack") as events.

One module per kind of event (`attacks`, `blame`, `ceasefire`, `contacts`, `protests`), with
`speakers` for who asserts one, `denials` for claims reported inside a denial, `warnings` for whether a warning was given,
`rebuttals` for denials that answer an accusation or a warning, `requests` for who asked for a truce, `targeting` for whether civilians were targeted, and `parties` for the
actors an event word's phrase names.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from clashrecon.extract.common import claim_sentences
from clashrecon.extract.events.attacks import attack_claims
from clashrecon.extract.events.blame import blame_claims
from clashrecon.extract.events.ceasefire import ceasefire_claims
from clashrecon.extract.events.contacts import contact_claims
from clashrecon.extract.events.perpetrators import perpetrator_claims
from clashrecon.extract.events.protests import protest_claims
from clashrecon.extract.events.rebuttals import rebuttal_claims
from clashrecon.extract.events.requests import request_claims
from clashrecon.extract.events.targeting import targeting_claims
from clashrecon.extract.events.warnings import warning_claims
from clashrecon.models import Article, Claim


def event_claims(doc: Doc, article: Article) -> Iterator[Claim]:
    """Every event claim of an article's body and headline, sentence by sentence."""
    for sent in claim_sentences(doc, article):
        yield from blame_claims(sent, article)
        yield from attack_claims(sent, article)
        yield from perpetrator_claims(sent, article)
        yield from ceasefire_claims(sent, article)
        yield from contact_claims(sent, article)
        yield from protest_claims(sent, article)
        yield from warning_claims(sent, article)
        yield from rebuttal_claims(sent, article)
        yield from request_claims(sent, article)
        yield from targeting_claims(sent, article)
