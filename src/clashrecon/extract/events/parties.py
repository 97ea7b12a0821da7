"""The actor an event word's own phrase names: its "by ..." agent, its modifiers, the first actor among tokens."""

from __future__ import annotations

from spacy.tokens import Token

from clashrecon.extract.actors import actor_of_token
from clashrecon.models import Article


def actor_among(tokens, article: Article, exclude: set[str] = frozenset()) -> str | None:
    for tok in tokens:
        actor = actor_of_token(tok, article)
        if actor and actor not in exclude:
            return actor
    return None


def agent_actor(tok: Token, article: Article) -> str | None:
    """X in "... by X" under the token (directly, or through a participle: "committed by X")."""
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return actor_of_token(obj, article)
        if child.dep_ == "acl":
            found = agent_actor(child, article)
            if found:
                return found
    # "what it called a 'large-scale provocation' by Azerbaijan", with "by" attached to "called"
    nxt = tok.i + 1
    while nxt < len(tok.doc) and tok.doc[nxt].is_punct:
        nxt += 1
    if nxt + 1 < len(tok.doc) and tok.doc[nxt].lower_ == "by" and tok.doc[nxt].head is not tok:
        obj = next((c for c in tok.doc[nxt].children if c.dep_ == "pobj"), None)
        if obj is not None:
            return actor_of_token(obj, article)
    return None


def modifier_actor(tok: Token, article: Article) -> str | None:
    """The actor a noun's own modifiers name: "Armenian provocation", "Armenia's aggressive attitude"."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.pos_ != "PRON":
            actor = actor_of_token(child, article)
            if actor:
                return actor
    return None
