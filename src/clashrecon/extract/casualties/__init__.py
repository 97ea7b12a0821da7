"""Casualty claims: who was killed, wounded, missing or captured, how many, and who says so.

For every counted phrase in a body or headline sentence ("at least 49 Armenian soldiers",
"dozens", "an unknown number of people", "no one", and one victim named by "a", "another",
a possessive or "he": "a soldier and his son were killed") the extractor finds the casualty
word that governs it through the dependency parse (verb, adjective, noun or "death toll"),
then reads the victims' party and group, the claimant and the scope of the count.

What it does NOT do: it does not count a victim named only by name ("Ali was killed") or an
item of a counted list ("four women and a child"), does not add numbers up or compare them
across sentences (the reconciler does; "Four of them are children" only borrows the sentence
before's kind), does not resolve a pronoun beyond the sentence's speaker and the previous
sentences' speakers, and emits nothing for troop deployments, protester crowds, ages,
durations, dates, distances, money, percentages, deaths of hunger or disease, or the dead
of accidents and natural disasters.

One module per job: `mentions` finds counted phrases, `filters` drops measures and
ratios, `kinds` ties a phrase to its casualty word, `victims` and `party` read whose
victims they are, `scope` and `wars` what the count covers, `guards` and `unquantified`
handle statements without a count, and `claims` puts a sentence's claims together.
"""

from clashrecon.extract.casualties.claims import casualty_claims

__all__ = ["casualty_claims"]
