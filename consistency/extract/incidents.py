"""What a toll, a crowd or a flow is about: the event named in the text.

"The death toll from the Jan. 12 earthquake", "the Camp Fire", "Ebola", "Trump's inauguration": an event is a
head noun from ``aliases/events.yaml`` with the names before it.  A named event ("Camp Fire", "Tubbs Fire")
gets an id of its own, so two fires never share a topic; a generic one ("the blaze", "that fire") stands
for the last named event of its kind in the article (``Incidents.resolve``), as a reader takes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import EventVocabulary, Mention, Token

# Titles before a name are not part of the event's name: "President Obama's inauguration" is Obama's.
TITLES = frozenset(
    "president prime minister mr mrs ms dr gen general sen senator rep governor gov king queen pope former late "
    "then-president vice the a an this that its their his her last first second third annual".split()
)
# Words between an event's name and its head that keep them one phrase: "Deepwater Horizon oil spill".
CONNECTORS = frozenset({"oil", "magnitude", "deadly", "devastating", "massive", "huge", "catastrophic", "powerful"})


@dataclass(frozen=True, slots=True)
class Incident:
    """An event as named in one place of the text."""

    start: int
    end: int
    id: str  # "camp_fire", "trump_inauguration", "ebola"; the kind alone for a generic mention: "earthquake"
    kind: str  # "fire"
    text: str  # "the Camp Fire"
    named: bool
    places: tuple[str, ...] = ()  # places among its words: "Haiti's earthquake", "the Nepal quake"


def find_incidents(text: str, tokens: list[Token], vocabulary: EventVocabulary, places: list[Mention],
                   blocked: list[tuple[int, int]]) -> list[Incident]:
    """Events named among a sentence's ``tokens``; ``blocked`` spans (dates: "in March") hold none."""
    found: list[Incident] = []
    place_at = {p.start: p for p in places}
    for name in vocabulary.names.find_in(text, tokens):
        kind, _, slug = name.id.partition(":")
        found.append(Incident(name.start, name.end, slug, kind, name.text, True))
    taken = [(i.start, i.end) for i in found]
    for head in vocabulary.heads.find_in(text, tokens):
        if any(s <= head.start < e for s, e in blocked + taken):
            continue
        found.append(_with_modifiers(text, tokens, head, place_at))
    # "the Ebola outbreak": the disease names the outbreak; keep one incident for the phrase
    found.sort(key=lambda i: (i.start, -i.end))
    merged: list[Incident] = []
    for incident in found:
        if merged and incident.start < merged[-1].end + 2 and merged[-1].named and not incident.named:
            last = merged[-1]
            merged[-1] = Incident(last.start, incident.end, last.id, last.kind, text[last.start : incident.end], True, last.places)
            continue
        merged.append(incident)
    return merged


def _with_modifiers(text: str, tokens: list[Token], head: Mention, place_at: dict[int, Mention]) -> Incident:
    """The head with the names right before it: "last year's Tubbs Fire" -> Tubbs Fire (named)."""
    index = next(i for i, t in enumerate(tokens) if t[0] == head.start)
    start = head.start
    names: list[str] = []
    places: list[str] = []
    j = index - 1
    while j >= 0 and not text[tokens[j][1] : start].strip():
        word = text[tokens[j][0] : tokens[j][1]]
        bare = re.sub(r"'s?$", "", word)
        if tokens[j][0] in place_at:
            places.append(place_at[tokens[j][0]].id)
        elif bare.lower() in TITLES or not (bare[:1].isupper() or bare.lower() in CONNECTORS):
            break
        elif bare[:1].isupper():
            names.append(bare.lower())
        start = tokens[j][0]
        j -= 1
    head_word = text[head.start : head.end]
    named = bool(names) or (head_word[:1].isupper() and index > 0 and not _sentence_initial(text, head.start))
    ident = "_".join([*reversed(names), head.id]) if named else head.id
    return Incident(start, head.end, re.sub(r"[^a-z0-9]+", "_", ident.lower()).strip("_"), head.id, text[start : head.end],
                    named, tuple(reversed(places)))


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return pos == 0 or before.endswith(("\n", ". ", '" '))


@dataclass
class Incidents:
    """The events an article has named so far, for generic mentions to stand for the last named one."""

    named: dict[str, Incident] = field(default_factory=dict)  # kind -> last named incident
    first: Incident | None = None  # the article's main event: its first named one, else its first

    def resolve(self, incident: Incident) -> Incident:
        """A generic mention ("the blaze") is the last named event of its kind; a named one is remembered."""
        if incident.named:
            self.named[incident.kind] = incident
            if self.first is None or not self.first.named:
                self.first = incident
            return incident
        if self.first is None:
            self.first = incident
        last = self.named.get(incident.kind)
        if last is None:
            return incident
        return Incident(incident.start, incident.end, last.id, last.kind, incident.text, False, last.places)
