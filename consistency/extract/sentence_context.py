"""What one sentence holds, found once: its entities, places, counted nouns, events and scope words."""

from __future__ import annotations

import re
from dataclasses import replace

from .context import SentenceContext
from .forces import Forces
from .incidents import Incident, by_name, find_incidents, placed_by_name
from .lexicon import Lexicon, Mention, Tokens, tokenize
from .places import (
    LOCATIVE_BEFORE,
    LOCATIVE_REACH,
    capital_mentions,
    frames_a_record,
    inside_longer_name,
    place_groups,
    places_references,
    with_unknown_places,
)
from .quantities import TITLE_SMALL_WORDS
from .reference import is_yardstick
from .times import PAST_OPENING, PEAK

# "Iran-backed militias", "Russian-backed separatists": a proxy force named by its sponsor.
BACKED = re.compile(r"\b([A-Z][a-z]+)-(?:backed|linked|aligned|allied|sponsored|supported)\b")
# Entities that strike: their names before an attack's word say who did it ("a Hamas attack", "a NATO airstrike").
ARMED_TYPES = frozenset({"group", "militia", "military", "alliance"})
TITLE_WORDS = 4  # a title-cased headline has this many words of three letters or more, all capitalised
HEADLINE_REACH = 3_000  # characters from the text's start within which a title-cased line is a headline
# "the group", "its", "they", "of those": a subject named in an earlier sentence.
ANAPHORA = re.compile(
    r"(?i)\b(?:the (?:(?:armed|rebel|insurgent|terrorist|terror|militant|jihadist|extremist) )?group|"
    r"the (?:organization|organisation|militants|jihadists|insurgents|extremists|rebels|militia|alliance|coalition|"
    r"force|mercenaries|mercenary group|fighters|"
    # "Of those, fewer than 2,000 are fighters" (opening the sentence: not "most of them women")
    r"country)|its|their|they|(?-i:Of) (?:those|these|them))\b"
)


# A sea's name before these words is the land along it: "the country's southern Pacific coast".
COAST_AFTER = re.compile(r"(?i)\s+(?:coast|coastline|coasts|shore|shores|seaboard)\b")


def sentence_context(
    text: str,
    span: tuple[int, int],
    lexicon: Lexicon,
    date_spans: list[tuple[int, int]],
    forces: Forces,
    event_names: dict[str, tuple[str, str]],
    counts: bool = True,
) -> SentenceContext:
    """What a sentence holds; without ``counts`` (a sentence with no number, before one with none) its counted nouns
    and scope words are not looked up, since only its places, speaker, time and events carry to later sentences.
    ``forces`` and ``event_names`` are the forces and the events the article calls by name (``called_by_name``)."""
    start, end = span
    tokens = Tokens(tokenize(text, start, end))
    # "Harvey" in "Hurricane Harvey" or alone is the storm, never a place ("Hurricane Florence")
    alone = by_name(text, start, end, event_names)
    # "17.4 million U.S. dollars": a currency's country is no owner of the money, nor where it is
    entities = [e for e in lexicon.entities.find_in(text, tokens) if not lexicon.currency_after.match(text, e.end)]
    for m in BACKED.finditer(text, start, end) if text.find("-", start, end) >= 0 else ():  # "Iran-backed"
        sponsor = lexicon.entities.find(m.group(1))
        sponsor_id = sponsor[0].id if sponsor else m.group(1).lower()
        entities.append(Mention(m.start(), m.end(), f"{sponsor_id}_backed", m.group()))
    # A "-backed" group wins over the sponsor's own name inside it ("Iran" in "Iran-backed"), a force the article
    # names over a name inside its own ("European" in "the European Takuba task force").
    # A name the alias files know as a whole ("Combined Joint Task Force") stays theirs.
    named = [
        m for m in forces.mentions(text, start, end) if not any(e.start <= m.start and m.end <= e.end for e in entities)
    ]
    entities += named
    backed = [e for e in entities if e.id.endswith("_backed")] + named
    entities = [e for e in entities if e in backed or not any(b.start <= e.start < b.end for b in backed)]
    entities.sort(key=lambda e: e.start)
    # "the US Agency for International Development": an agency's name says where it is from, not where a count is
    agencies = [(e.start, e.end) for e in entities if lexicon.entity_types.get(e.id) == "org"]
    known = [
        m
        for m in lexicon.places.find_in(text, tokens)
        if not any(a <= m.start and m.end <= b for a, b in agencies)
        and not inside_longer_name(text, start, m)
        and not frames_a_record(text, m.end)
        and not is_yardstick(text, m.start)
        and not lexicon.currency_after.match(text, m.end)
    ]
    # A capital that stands for its government ("Washington said") is the city where the grammar says "place":
    # "in Washington", a dateline's "LONDON".
    cities = {m.start for m in known if m.id not in lexicon.countries}  # "Washington": a city, not the country
    entities = [
        e
        for e in entities
        if e.start not in cities
        or not (
            LOCATIVE_BEFORE.search(text, max(start, e.start - LOCATIVE_REACH), e.start)
            or (e.text.isupper() and len(e.text) > 4)
            or any(m.start == e.start and m.end > e.end for m in known)  # "Washington, D.C.": the longer name wins
        )
    ]
    # places the sentence names by reference: "the Haitian capital", "the capital", "the two countries"
    referred = [m for m in capital_mentions(text, start, end, entities, lexicon) if not _overlaps(m, known)]
    referred += [m for m in places_references(text, start, end) if not _overlaps(m, known)]
    if referred:  # "the Haitian capital": a place, not Haiti as an owner
        entities = [e for e in entities if not _overlaps(e, referred)]
        known = sorted([*known, *referred], key=lambda m: m.start)
    known = [m for m in known if not _overlaps(m, alone)]
    # "struck the country's southern Pacific coast": the land along the sea, which the sentence's country places
    known = [m for m in known if not (m.id in lexicon.seas and COAST_AFTER.match(text, m.end))]
    found = with_unknown_places(text, start, end, known, entities, lexicon)
    # a headline stands at the top: past it, no sentence is read as one (and the article's text is searched for a
    # headline's names a bounded number of times, whatever its length)
    title = start < HEADLINE_REACH and _title_cased(text[start:end])
    if title:
        # a title-cased line's capitals make no names the article's text never writes: "The World At Large" is no
        # place, where the Joplin of "132 Confirmed Dead in Joplin" is the town its story speaks of
        found = [m for m in found if m in known or text.count(m.text) > 1]
    places, subject_places, within = place_groups(
        text, [m for m in found if not _overlaps(m, alone)], lexicon.countries
    )
    within.update(_national_kinds(text, start, found, entities, lexicon))
    inside_entity = {i for e in entities for i in range(e.start, e.end)}
    measures = (
        [m for m in lexicon.measure_words.find_in(text, tokens) if m.start not in inside_entity] if counts else []
    )
    # scope words only a sentence's own counts read
    peak = PEAK.search(text, start, end) if counts else None
    past_opening = PAST_OPENING.match(text, start, end) if counts else None
    anaphor = ANAPHORA.search(text, start, end) if counts else None
    found_places = [Mention(g[0], g[1], g[2][0], g[3]) for g in (*places, *subject_places)]
    # "the 2010 Haiti earthquake": a place in an event's words says where it is, locative or not
    found_places += [m for m in known if not any(f.start <= m.start < f.end for f in found_places)]
    # names of agencies ("Cal Fire") and dates ("in March") are not events
    blocked = date_spans + [(e.start, e.end) for e in entities]
    countries = [e for e in entities if lexicon.entity_types.get(e.id) == "country"]
    armed = [e for e in entities if lexicon.entity_types.get(e.id) in ARMED_TYPES]
    incidents = find_incidents(text, tokens, lexicon.events, found_places, blocked, countries, armed)
    if title:
        incidents = [_unnamed_in_title(text, x, lexicon) for x in incidents]
    else:
        incidents = placed_by_name(text, incidents, lexicon.events)
    # the name alone where no event's words stand already ("Harvey", not the "Harvey" of "Hurricane Harvey")
    alone = [a for a in alone if not any(x.start <= a.start < x.end for x in incidents)]
    incidents = sorted([*incidents, *alone], key=lambda x: x.start)
    # a word that names the event is no counted noun: "the strike" is a walkout, not an attack
    # ("fire personnel" is a count of people all the same: it reaches past the event's word)
    measures = [m for m in measures if not any(x.start <= m.start < x.end and m.end <= x.end for x in incidents)]
    return SentenceContext(
        start,
        end,
        entities,
        places,
        subject_places,
        peak,
        past_opening,
        anaphor,
        measures,
        incidents,
        within,
        [m.id for m in known],
    )


def _title_cased(sentence: str) -> bool:
    """Whether a sentence is a headline written in title case, every word of three letters or more capitalised
    ("Donors Estimate Pakistan Quake Death Toll At 86,000"), so that its capitals do not make names."""
    capitalised = 0
    for word in sentence.split():
        if len(word) >= 3 and word[0].isalpha() and word not in TITLE_SMALL_WORDS:  # "Killed and 500 Injured in"
            if not word[0].isupper():
                return False  # most sentences: at their first or second word
            capitalised += 1
    return capitalised >= TITLE_WORDS


def _unnamed_in_title(text: str, incident: Incident, lexicon: Lexicon) -> Incident:
    """An event's name as a title-cased headline writes it, when the article's own text never does: "Pakistan's
    Official Quake Toll at 73,000" names no "Official Quake", where "Camp Fire Is 100% Contained" names the Camp Fire
    its story goes on to speak of (an alias file's name, "Ebola", always stands)."""
    if not incident.named or text.count(incident.text) > 1 or lexicon.events.names.find(incident.text):
        return incident
    return replace(incident, id=incident.kind, named=False)


def _overlaps(m: Mention, others: list[Mention]) -> bool:
    return any(o.start < m.end and m.start < o.end for o in others)


# A country's adjective before a kind of place: "the Indonesian island of Lombok", "the Mexican state of Guerrero".
NATIONAL_KIND_BEFORE = re.compile(
    r"(?:island|province|state|region|city|town|district|county|village|port|resort)\s+of\s+$"
)
NATIONAL_KIND_REACH = 40


def _national_kinds(
    text: str, start: int, found: list[Mention], entities: list[Mention], lexicon: Lexicon
) -> dict[str, str]:
    """What the sentence says lies in a country by that country's adjective: "the Indonesian island of Lombok" lies
    in Indonesia (where no gazetteer knows Lombok's country)."""
    within = {}
    for place in found:
        if place.id in lexicon.countries or not NATIONAL_KIND_BEFORE.search(
            text, max(start, place.start - NATIONAL_KIND_REACH), place.start
        ):
            continue
        adjective = next(
            (
                e
                for e in reversed(entities)
                if e.end <= place.start
                and place.start - e.end <= NATIONAL_KIND_REACH
                and e.id in lexicon.countries
                and NATIONAL_KIND_GAP.fullmatch(text, e.end, place.start)
            ),
            None,
        )
        if adjective is not None:
            within[place.id] = adjective.id
    return within


# Between the adjective and the place: " island of ", " resort city of ", " Pacific resort city of ".
NATIONAL_KIND_GAP = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,2}?" + NATIONAL_KIND_BEFORE.pattern)
