"""Where a count is, read in its sentence and paragraph: its own words, the count it shares a clause with, the
sentence's subject, its event, its speaker's country, the paragraph's places. ``places.py`` finds the places a
sentence names; this module decides which of them a count is in, and what "the region", "the two countries" and "the
capital" stand for."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import NamedTuple

from ..models import Claim
from .claim_subject import Owned
from .context import SentenceContext
from .counted import ELLIPSIS
from .discourse import Discourse
from .incidents import Incident
from .lexicon import Lexicon, slug
from .places import (
    THE_CAPITAL,
    THE_PLACES,
    ancestors,
    frames_a_record,
    placed_near,
    speaker_places,
    spread_over_places,
    within_a_country,
)
from .quantities import Quantity, is_number
from .reading import Article, Reading
from .subjects import own_entity

# A place labelling a number of a list, after a comma: ", Sigi 65 people", ", and Parigi Moutong 12 people".
LIST_LABEL = re.compile(r",\s*(?:and\s+)?((?:[A-Z][a-z][\w-]*\s+){1,3})$")
LIST_LABEL_REACH = 40
# "in Kharkiv and Odesa respectively": each number its own place, in order.
RESPECTIVELY = re.compile(r"(?i)\brespectively\b")
# A speaker's first word, which may name its country: "Iraqi officials", "the Syrian army", "Syria's ministry".
NATIONAL_VOICE = re.compile(r"(?:the\s+)?([A-Z][\w.-]*)(?:['\u2019]s)?\b")
# After a place, a word that makes it a part's: "with 55 deaths in Lee County alone".
ALONE_AFTER = re.compile(r"\s+alone\b")
ELSEWHERE = re.compile(r"\belsewhere\b")
ELSEWHERE_REACH = 12  # " elsewhere " right after the number's words
# An official's post over a place: "chief minister of India's ", "the governor of ", "mayor of".
JURISDICTION_BEFORE = re.compile(
    r"(?i)\b(?:chief\s+minister|governor|mayor|premier|prefect|district\s+commissioner)\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*['\u2019]s\s+)?$"
)
JURISDICTION_REACH = 40  # "chief minister of India's " before the place
# The words of a count told over other countries: "40 in other countries", "in the other nations".
COUNTRIES_WORD = re.compile(r"(?i)\b(?:countries|nations)\b")


class Placed(NamedTuple):
    location: list[str]
    text: str | None  # the words that place it
    countries: list[str]  # the countries of a national event's count, which it is compared within
    here: bool  # whether the count's own words placed it
    elsewhere: bool  # told of all places but the one in force: "256 in other states" (a part of the count)
    outside: list[str] | None  # ... and those places, where the count is placed in their country


def read_place(
    article: Article,
    r: Reading,
    q: Quantity,
    previous: Quantity | None,
    measure: str | None,
    owner: Owned,
    elided_count: bool,
) -> Placed:
    """Where ``q`` is; ``owner`` is whose count it is, ``elided_count`` whether its noun was carried."""
    text, lexicon, discourse, ctx = article.text, article.lexicon, article.discourse, r.ctx
    subject, incident, owned = owner.subject, owner.incident, owner.owned
    location, location_text = r.owners.get(id(q), ([], None))
    # the count's own words put it there, right beside it: "Of those, 137 died in Mexico City" (not "150,000
    # dead, apparently from bodies recovered in the rubble of buildings in Port-au-Prince")
    placed_here = bool(location) and (
        placed_near(text, q, location_text, r.start, r.end)
        # "The nearby province of Ayutthaya, which has been submerged for a month, has the highest toll with 90
        # reported dead": the sentence's subject owns its count, however far
        or _opens_sentence(text, location_text, r.start, r.end)
    )
    label = LIST_LABEL.search(text, max(r.start, q.start - LIST_LABEL_REACH), q.start) if previous else None
    if label and not location and r.places.get(id(previous)) and not lexicon.entities.find(label.group(1)):
        # "in Donggala 153 people, Sigi 65 people": each number of a list of places after its own place
        name = label.group(1).strip()
        known = lexicon.places.find(name)
        location, location_text, placed_here = [known[0].id if known else slug(name)], name, True
    if (
        not location
        and previous
        and (ELLIPSIS.match(text, previous.end, q.start) or r.measures.get(id(previous)) == measure)
        # not a part's ("including around 400,000 in Paris, ... while the ministry counted 1.12 million")
        and id(previous) not in r.included
    ):
        # "1,410 people had been killed in Gaza and 6,268 wounded"; "1,000 barrels a day were leaking into
        # the Gulf, an estimate later raised to 5,000 barrels a day": the same count, the same place
        location, location_text = r.places.get(id(previous), []), r.place_words.get(id(previous))
        placed_here = r.placed_by_words.get(id(previous), False)
    if not location and elided_count and discourse.last_place:
        # "375,000 people are still in camps in the capital. The UN estimates there are 680,000.": the
        # count its noun is carried from is where it is too
        location, location_text, placed_here = discourse.last_place
    if not location and ctx.subject_places and not (owned and subject in ctx.subject_places[0][2]):
        # "Mexico City has recorded 137 deaths" (not "France has some 4,500 troops deployed in the region":
        # the owner of its troops, not where they are)
        location, location_text = ctx.subject_places[0][2], ctx.subject_places[0][3]
        placed_here = True
    if not location and measure in lexicon.events.people.values():
        # "2 million UK workers joined the strike": a turnout is where its people are (refugees are not:
        # "Syrian refugees" in Lebanon)
        own = own_entity(text, q, ctx)
        if own is not None and own.id in lexicon.countries:
            location, location_text = [own.id], own.text
    if not location and incident is not None and incident.places:
        # "the 2010 Haiti earthquake": where its words put it, or the narrower place the article's words put it in
        # ("missouri-tornado" of its address, "The Joplin tornado" of its text)
        location = _narrowed(list(incident.places), discourse.event_own_last.get(incident.id, []), lexicon, discourse)
    if not location:
        # "“Seventy-two people have died,” said Mamata Banerjee, chief minister of India's West Bengal state": an
        # official's own region, where the sentence puts the count nowhere else
        governed = [
            g for g in ctx.places if JURISDICTION_BEFORE.search(text, max(ctx.start, g[0] - JURISDICTION_REACH), g[0])
        ]
        location = list(governed[-1][2]) if governed else discourse.places
    own_word = bool(r.attribution) and lexicon.is_place(r.attribution)  # "Liberia has recorded 4,162": its own
    if not location and incident is not None and incident.kind not in lexicon.events.scattered and not own_word:
        # "Ukrainian officials have said at least 300 people died in the attack": where the article placed a count
        # of that attack before, not where its speaker is from
        # (the event's own narrower place over a wider one a count before was put in: "Toll passes 40,000" of a
        # China Daily headline, then "last week's quake in Sichuan": Sichuan)
        own = discourse.event_own.get(incident.id, [])
        location = _narrowed(discourse.event_places.get(incident.id, []), own, lexicon, discourse)
    # an earthquake's toll or a strike's turnout is the country's: "in Les Cayes" is in Haiti
    national = incident is not None and incident.kind in lexicon.events.national
    if not location and r.attribution:
        # "according to the Butte County Sheriff's Office", "Nepal's home ministry said": the agency's place
        location = speaker_places(r.attribution, lexicon)
        # where the story is: its dateline, else the first place its first paragraph names
        story = [c for c in article.countries_of(article.dateline or discourse.main_places) if c in lexicon.countries]
        if story and not own_word and not set(article.countries_of(location)) & set(story):
            # "PORT-AU-PRINCE, Haiti (AP) - a report commissioned by the U.S. government ...", "fighters
            # across Iraq and Syria ... 15,000 foreign fighters, according to U.S. intelligence": a foreign
            # voice says nothing of where the story's counts are
            location = []
        if subject in lexicon.countries and subject not in article.countries_of(location):
            location = []  # "300,000 Russian troops, according to U.S. officials": another country's count
        elif subject in lexicon.entity_types and subject not in lexicon.countries:
            # "The US believes Wagner has about 25,000 fighters", "US officials estimate that Islamic State
            # has 20,000": a group's, wherever it is
            location = []
    if not location and incident is not None:
        location = discourse.event_location(incident, measure)  # an event happens somewhere
    elif location and incident is not None:
        discourse.place_event(incident, measure, location)
    # the country the speaker's first word names ("Iraqi officials", "Syria's army"; not "the U.S. ambassador
    # to Iraq")
    first = NATIONAL_VOICE.match(r.attribution or "")
    voice = [p for p in speaker_places(first.group(1), lexicon) if p in location] if first else []
    countries_lent = len(location) > 1 and all(p in lexicon.countries for p in location)
    if countries_lent and len(voice) == 1 and not (r.owners.get(id(q)) or ctx.subject_places or ctx.peak):
        # "across Iraq and Syria ... Iraqi officials say only 400-500 remain on their side of the border":
        # a national voice that places its count nowhere speaks of its own country among those lent to it
        # (of now: "at the height of their power" the group's land lay across both)
        location = voice
    location = discourse.with_containers(location)
    countries = article.countries_of(location) if national else []
    # "the South Asian nation of Nepal": a name no gazetteer knows is no country beside one it knows
    countries = [c for c in countries if c in lexicon.countries] or countries
    if (
        national
        and not set(countries) & lexicon.countries
        and not set(location) & (lexicon.wide_places | lexicon.regions)
    ):
        # "in the coastal province of Manabi": a place no gazetteer knows lies in the story's country; a
        # turnout no sentence places is in the one country the article names ("UK workers ... 2 million"); not
        # a count across a region wider than any country ("79,000 had died across South Asia")
        story = discourse.event_location(incident)
        countries = [c for c in article.countries_of(story) if c in lexicon.countries] or countries
        countries = countries or ([article.country] if article.country else [])
    location = list(dict.fromkeys([*location, *countries]))
    spread = None if r.owners.get(id(q)) else spread_over_places(text, q.start, q.end, ctx.start, ctx.end)
    if spread is None and not r.owners.get(id(q)) and not (ctx.places or ctx.subject_places) and discourse.spread:
        # "More than 1 million people around the world have been infected. At least 51,485 have died."
        spread = ("countries", discourse.spread)
    outside = None
    if spread and spread[0] in ("others", "country"):
        # "950,000 took to the streets nationwide": the whole country the place in force lies in; "350,000 more
        # rallied outside the capital" (Seoul), "256 in other states": that country but for the place in force, a
        # part told apart from it (not "in other countries": no one country)
        country = [c for c in article.countries_of(location) if c in lexicon.countries]
        if spread[0] == "others" and not COUNTRIES_WORD.search(spread[1]):
            inner = [p for p in location if p not in lexicon.countries]
            # the widest of them: Seoul, not the square in it the count's sentence named too
            widest = [p for p in inner if not set(ancestors(p, lexicon.place_parents, discourse.within)) & set(inner)]
            outside = sorted(widest) if len(country) == 1 else None
            location = country if outside else []
        elif spread[0] == "country":
            country = country or [c for c in article.countries_of(discourse.main_places) if c in lexicon.countries]
            location = country if len(country) == 1 else []
        else:
            location = []
        countries, location_text = [], spread[1]
    elif spread and spread[0] == "countries":
        # "the toll rose above 500 across three countries": many places, none of them alone (the words say where,
        # so no other article's place is lent to it)
        discourse.spread = spread[1]
        location, countries, location_text = [], [], spread[1]
    elif spread:  # "884,000 people in five provinces": in the country, in none of its parts alone
        location = [place for place in location if place in lexicon.countries]
    if (
        placed_here
        and countries
        and within_a_country(location, lexicon, discourse.within)
        and not (
            incident is not None
            and _own_place(location, incident.id, discourse.event_own, lexicon, discourse.within.values())
        )
    ):
        # a national event's count its own words put in a city or a province is that place's, compared place
        # by place, never with the country's total ("LES CAYES, Haiti - the toll rose to 1,941" is Haiti's); a
        # named one's is compared within those places ("Sandy ... At least six people died in New Jersey" is no
        # rival of its toll of 157), an unnamed one's place by place anyway
        named = incident is not None and incident.named and incident.id != incident.kind
        containers = {up for place in location for up in ancestors(place, lexicon.place_parents, discourse.within)}
        countries = _regions(location, containers, lexicon) if named else []
    r.places[id(q)], r.place_words[id(q)], r.placed_by_words[id(q)] = location, location_text, placed_here
    if location:
        discourse.last_place = (location, location_text, placed_here)
        if measure:
            discourse.measure_places[measure] = location
    # "about 100 elsewhere in Pakistan": the country but for the places counted before, a part of it
    elsewhere = bool(spread and spread[0] == "others" or ELSEWHERE.search(text, q.num_end, q.end + ELSEWHERE_REACH))
    venue = _venue(text, q, r, lexicon) if location and not spread else None
    if venue and not any(place.startswith(venue) for place in location):  # ("Oberoi Trident hotel", said)
        # "18 patients died at the MIOT hospital": where in its place the count is (its own; never carried on)
        location = [venue, *location]
    return Placed(location, location_text, countries, placed_here, elsewhere, outside)


# A venue by its name and kind, where something happened: "died at the MIOT hospital", "in the Al Noor mosque" (an
# acronym too, which a place's name never is: the kind's word says it is one).
VENUE_NAME = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Ii]nside|[Oo]utside)\s+(?:the\s+)?((?:[A-Z][\w'.-]{1,20}\s+){0,2}[A-Z][\w'.-]{1,20})"
    r"(?=\s+(?i:hospital|clinic|mosque|church|temple|synagogue|stadium|arena|hotel|mall|nightclub|factory|school)\b"
    # (not "the NZ mosque shootings": an event the venue names)
    r"(?!\s+(?i:shootings?|attacks?|bombings?|blasts?|fires?|massacres?|collapses?|sieges?|stampedes?)\b))"
)
# The kinds' words as looked for before the pattern, in either case: most sentences name no venue.
VENUE_KINDS = tuple("ospital linic osque hurch emple ynagogue tadium rena otel Mall mall ightclub actory chool".split())
# Words that name a kind of venue, not one: "the Government Hospital", "at the City Hospital".
GENERIC_VENUE_WORDS = frozenset(
    "The Government General District City Central Main State National Regional Civil Military Public Local "
    "Provincial County Municipal Private Teaching Children's Memorial University".split()
)


VENUE_REACH = 80  # " died on Friday at the " between a count and its venue; ", " between a venue and its count
# Words between a count and a venue of another clause: "14 ... died, and 4 at the MIOT hospital".
_CLAUSE_GAP = r"[;:(]|\s(?:and|but|while|after|before|when)\s"
VENUE_GAP = re.compile(rf"{_CLAUSE_GAP}|,\s")
VENUE_GAP_BEFORE = re.compile(_CLAUSE_GAP)


# A count joined to this one before their venue: "19 students (and two teachers) at Robb Elementary School".
COORDINATED_COUNT = re.compile(r"\s+and\s+(?:\d[\d,]*|[a-z]+)\s+[a-z]+(?=\s+(?:at|in|inside|outside)\s)")


def _past_coordinated(text: str, start: int, end: int) -> int:
    """Where the words between a count and a venue after it begin, past a count joined to it."""
    joined = COORDINATED_COUNT.match(text, start)
    return joined.end() if joined and joined.end() <= end and is_number(joined.group().split()[1]) else start


def _venue(text: str, q: Quantity, r: Reading, lexicon: Lexicon) -> str | None:
    """The one venue a count's clause names, by its id ("18 patients died at the MIOT hospital", "At the Al Noor
    mosque, 41 died"): not the speaker's ("a doctor at the MIOT hospital said"), nor one named after a place ("a
    Chennai hospital"), nor a kind ("the Government Hospital")."""
    start, end = max(r.start, q.start - VENUE_REACH), min(r.end, q.end + VENUE_REACH)
    if not any(text.find(kind, start, end) >= 0 for kind in VENUE_KINDS):
        return None
    names = {
        m.group(1)
        for m in VENUE_NAME.finditer(text, start, end)
        if (
            (m.start() >= q.end and not VENUE_GAP.search(text, _past_coordinated(text, q.end, m.start()), m.start()))
            # (a comma closes a venue that opens the sentence)
            or (m.end() <= q.start and not VENUE_GAP_BEFORE.search(text, m.end(), q.start))
        )
        and not (r.attribution and m.group(1) in r.attribution)
        and not set(m.group(1).split()) <= GENERIC_VENUE_WORDS
        and not lexicon.places.find(m.group(1))
        and not lexicon.entities.find(m.group(1))
    }
    return slug(names.pop()) if len(names) == 1 else None


# Between an event's words and the place they put it in: "floods in ", "the earthquake that struck central ".
EVENT_STRUCK = (
    r"\s+(?:(?:that|which)\s+)?(?:has\s+|had\s+)?(?:hit|hits|struck|strikes|swept|sweeps|battered|batters|rocked|"
    r"rocks|shook|shakes|devastated|devastates|ravaged|ravages|lashed|lashes|pounded|pounds|flattened|flattens|"
    r"(?:slammed|slams|smashed|smashes|crashed|crashes)\s+into|(?:tore|tears|ripped|rips|swept|sweeps)\s+through)\s+"
    # (not where a storm "made landfall": one point of its path, not where its counts are)
)
EVENT_PLACE_TAIL = (
    r"(?:the\s+)?"
    # "the floods in India's south-western state of Kerala": the place its country owns
    r"(?:[A-Z][\w.-]*['\u2019]s\s+)?(?:[a-z-]+\s+){0,2}?"
    # "the earthquake that rocked the Indonesian island of Lombok", "hit the Pacific resort city of Acapulco"
    r"(?:(?:[A-Za-z-]+\s+){0,2}?(?:island|province|state|region|city|town|district|county|village)\s+of\s+)?"
)
EVENT_PLACE_GAP = re.compile(rf"(?:{EVENT_STRUCK}|\s+(?:in|across|on)\s+){EVENT_PLACE_TAIL}")
# What an event struck is where it is, though no count is there: "Hurricane Otis hit Acapulco" (a place the gazetteer
# finds, where the sentence's locatives do not hold it).
EVENT_STRUCK_GAP = re.compile(EVENT_STRUCK + EVENT_PLACE_TAIL)
# A name right after what an event struck: "that hit Mocoa", "tore through Gatlinburg".
STRUCK_NAME = re.compile(EVENT_STRUCK + r"((?-i:[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}))\b(?!['\u2019]s)")
RECORD_IN = re.compile(r"\s+in\s+(?:the\s+)?")
OTHER_BEFORE = re.compile(r"(?i)\bother\s+$")
EVENT_PLACE_REACH = 80  # from the event's words to the place: "that hit Mexico's coastal city of Acapulco"


def place_events(
    text: str, ctx: SentenceContext, incidents: list[Incident], discourse: Discourse, lexicon: Lexicon
) -> None:
    """Remember the places events' own words put them in: "last month's floods in Henan Province" are Henan's floods,
    whose toll there is all of theirs, not a province's part of a country's (``read_place``, ``regional_parts``)."""
    for incident in incidents:
        own = [place for place in incident.places if place not in lexicon.countries]
        if own and not incident.named:
            # "the Sichuan earthquake", "the Kerala floods": where its name says (not "the Italian quake": a
            # national event's country says nothing of where in it)
            discourse.event_own.setdefault(incident.id, own)
            discourse.event_own_last[incident.id] = own
            continue
        # what it struck as well as where it was; the last place its words lead to, the narrowest ("hit the Pacific
        # resort city of Acapulco", "Mexico's city of")
        struck = [
            (m.start, [m.id])
            for m in lexicon.places.find(text, incident.end, incident.end + EVENT_PLACE_REACH)
            if EVENT_STRUCK_GAP.fullmatch(text, incident.end, m.start)
            # "the worst flood in Kerala's history" was Kerala's (not "any other wildfire in California history", nor
            # "the deadliest in U.S. history": a country holds every place of the story)
            or (
                frames_a_record(text, m.end)
                and m.id not in lexicon.countries
                and RECORD_IN.fullmatch(text, incident.end, m.start)
                and not OTHER_BEFORE.search(text, max(ctx.start, incident.start - 12), incident.start)
            )
        ]
        named = (
            None if struck else STRUCK_NAME.match(text, incident.end, min(ctx.end, incident.end + EVENT_PLACE_REACH))
        )
        if named and not lexicon.entities.find(named.group(1)):
            # "the mudslide that hit Mocoa": a name no gazetteer knows, where the event struck
            struck = [(named.start(1), [slug(named.group(1))])]
        led_to = [
            ids
            for start, ids in sorted([(g[0], g[2]) for g in ctx.places if g[0] >= incident.end] + struck)
            if EVENT_PLACE_GAP.fullmatch(text, incident.end, start)
        ]
        if led_to:
            discourse.event_own.setdefault(incident.id, list(led_to[-1]))


# The words before a place that opens its sentence as its subject: "The nearby province of ", "The city of ".
SUBJECT_KIND_OPENING = re.compile(
    r"\s*(?:The|the)\s+(?:[a-z-]+\s+){0,2}?(?:province|prefecture|district|region|county|state|city|town)\s+of\s+"
)


def _opens_sentence(text: str, words: str | None, start: int, end: int) -> bool:
    """Whether a place's ``words`` open the sentence text[start:end] as its subject's: "The province of X, ..."."""
    at = text.find(words, start, end) if words else -1
    return at > start and bool(SUBJECT_KIND_OPENING.fullmatch(text, start, at))


def _narrowed(location: list[str], own: list[str], lexicon: Lexicon, discourse: Discourse) -> list[str]:
    """``own``, the places an event's own words put it in, where ``location`` holds only places they lie in; else
    ``location`` (none stays none: the speaker's place may still say where)."""
    if (
        location
        and own
        and set(location) <= {up for p in own for up in ancestors(p, lexicon.place_parents, discourse.within)}
    ):
        return list(own)
    return location


def _own_place(
    location: list[str],
    subject: str | None,
    event_own: dict[str, list[str]],
    lexicon: Lexicon,
    wider: Collection[str] = (),
) -> bool:
    """Whether a count's places below its country's are where its event's own words put the event, or the places
    ``wider`` than those the article says they lie in ("the mudslide in Mocoa, Putumayo": Mocoa's)."""
    own = event_own.get(subject or "")
    return bool(own) and set(location) - lexicon.countries - (set(wider) - set(own)) <= set(own)


def resolve_references(article: Article, ctx: SentenceContext) -> None:
    """Put the places a sentence names by reference: "across the two countries", "camps in the capital"."""
    lexicon, discourse = article.lexicon, article.discourse
    if any(pid.startswith(THE_PLACES) for g in (*ctx.places, *ctx.subject_places) for pid in g[2]):
        _place_references(article.text, ctx, discourse.named_places, lexicon)
    if any(THE_CAPITAL in g[2] for g in (*ctx.places, *ctx.subject_places)):
        # "camps in the capital": the capital of the country the sentence names, else the paragraph's, else the
        # story's
        in_force = [*sorted(named_countries(ctx, lexicon)), *article.countries_of(discourse.places)]
        in_force += [*article.countries_of(discourse.main_places), article.country or ""]
        _place_capital(ctx, in_force, lexicon)


def _regions(location: list[str], containers: Collection[str], lexicon: Lexicon) -> list[str]:
    """The places below its country a named national event's regional count is compared within: a named event's
    counts are keyed by their countries, so an empty list would set "six died in New Jersey" against Sandy's 157."""
    return [place for place in location if place not in lexicon.countries and place not in containers]


def regional_parts(claims: list[Claim], lexicon: Lexicon, event_own: dict[str, list[str]]) -> list[Claim]:
    """A national event's count a region's own authorities give, beside the article's count for the whole country,
    is the region's ("The death toll climbed to 143 ... Authorities in North Rhine-Westphalia reported 45 deaths"),
    and so is one its sentence puts in a province ("In Sindh province alone, 621 people have died"): compared
    region by region, never with the country's total."""
    national = {(c.subject, c.measure) for c in claims if c.countries and set(c.location) <= set(c.countries)}

    def regional(c: Claim) -> bool:
        if (
            not c.countries
            or set(c.location) <= set(c.countries)
            or _own_place(c.location, c.subject, event_own, lexicon, c.within)
        ):
            return False  # the floods' toll in the Henan their own words put them in is all of it
        own = bool(c.location_text and c.attribution and c.location_text in c.attribution)
        if own and (c.subject, c.measure) in national:
            return True
        provinces = set(c.location) & lexicon.provinces
        return bool(provinces) and any(m.id in provinces for m in lexicon.places.find(c.sentence))

    parts = [
        c.model_copy(
            update={"countries": _regions(c.location, c.within, lexicon) if c.subject_type == "named_event" else []}
        )
        if regional(c)
        else c
        for c in claims
    ]
    # a count read before the sentence that put its event in the same place is compared as that place's later count
    # is: "Floods kill 212 in Assam // Floods in the Indian state of Assam have killed 212 people"
    frames = {(c.subject, c.measure, tuple(c.location)): c.countries for c in parts if c.countries}
    return [
        c.model_copy(update={"countries": frames[key]})
        if not c.countries
        and (key := (c.subject, c.measure, tuple(c.location))) in frames
        and _own_place(c.location, c.subject, event_own, lexicon, c.within)
        else c
        for c in parts
    ]


def events_placed_later(claims: list[Claim], lexicon: Lexicon) -> list[Claim]:
    """An event's counts told before any sentence placed such a count of it are where the article's later counts of
    it are, when the article places all its counts in that one place: "the organisers said 1.03 million attended the
    march ... police put the crowd in Hong Kong at 240,000" (the sentences lend an event's place forward as they are
    read; this lends it back). Not counts each where they happened (arrivals, refugees: ``scattered``), nor a named
    event's, which are compared wherever they are ("the Camp Fire killed 85", not only in Paradise)."""
    if len({tuple(c.location) for c in claims if c.kind == "quantity" and c.location}) != 1:
        return claims  # "Liberia ... Sierra Leone ... Mali": which of them a count told before is in, no one says
    scattered = set().union(*lexicon.events.scattered.values())
    placed: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.kind == "quantity" and c.subject_type == "event" and c.location:
            placed.setdefault((c.subject, c.measure), []).append(c)
    out = []
    for c in claims:
        later = placed.get((c.subject, c.measure), []) if c.subject_type == "event" else []
        found = {(tuple(x.location), tuple(x.countries)) for x in later}
        if (
            c.kind == "quantity"
            and not c.location
            and not c.location_text
            and len(found) == 1
            and c.start < later[0].start
            and c.measure not in scattered
        ):
            location, countries = found.pop()
            c = c.model_copy(update={"location": list(location), "countries": list(countries)})
        out.append(c)
    return out


def respectively(owners: dict[int, tuple[list[str], str]], qs: list[Quantity]) -> dict[int, tuple[list[str], str]]:
    """ "12 and 30 people in Kharkiv and Odesa respectively": a group of as many places as numbers before it gives
    each number its own, in order."""
    owners = dict(owners)
    for q in qs:
        ids, words = owners.get(id(q), ([], ""))
        # the numbers up to this one that no place was given to, and this one
        numbers = [x for x in qs if x is q or (x.start < q.start and id(x) not in owners)][-len(ids) :]
        if len(ids) > 1 and len(numbers) == len(ids):
            for x, pid in zip(numbers, ids, strict=True):
                owners[id(x)] = ([pid], words)
    return owners


def named_countries(ctx: SentenceContext, lexicon: Lexicon, within: dict[str, str] | None = None) -> set[str]:
    """The countries a sentence names: by its places ("in Paris" is in France, "Haiti's government") and its
    countries' adjectives ("UK workers", "Nepalese police")."""
    places = [place for group in (*ctx.places, *ctx.subject_places) for place in group[2]] + ctx.mentioned
    found = {c for c in countries_of(places, lexicon, within) if c in lexicon.countries}
    return found | {e.id for e in ctx.entities if e.id in lexicon.countries}


def home_countries(contexts: list[SentenceContext], lexicon: Lexicon, stated: dict[str, str]) -> dict[str, str]:
    """The country each place whose name several countries have lies in, for an article that names one of them:
    "Concepción" in a story of Chile is Chile's, not Paraguay's."""
    places = {p for ctx in contexts for group in (*ctx.places, *ctx.subject_places) for p in group[2]}
    ambiguous = [p for p in places if p in lexicon.homonyms and p not in stated]
    if not ambiguous:
        return {}
    # the countries the article names as places, itself or by a place of theirs (not "the American singer")
    named = {c for c in countries_of(list(places - set(ambiguous)), lexicon, stated) if c in lexicon.countries}
    homes = {}
    for place in ambiguous:
        candidates = lexicon.homonyms[place] & named
        if len(candidates) == 1:
            homes[place] = next(iter(candidates))
    return homes


def countries_of(places: list[str], lexicon: Lexicon, within: dict[str, str] | None = None) -> list[str]:
    """The countries of ``places`` (a city or province by what the article says it lies ``within``, else by the
    gazetteer's parent; a place with none is kept)."""
    return list(dict.fromkeys((ancestors(place, lexicon.place_parents, within) or [place])[-1] for place in places))


def sentence_places(text: str, ctx: SentenceContext, lexicon: Lexicon) -> list[str]:
    """The places a sentence states, locative or as its subject, for the sentences after it, in the order it names
    them ("the two countries" after "The United States has troops in Iraq and Syria" are the last two); not a place
    only a part is in ("100 dead, with 55 in Lee County alone"), nor a country that only holds another place it
    names ("the toll in Derna, according to Libya's health minister": Derna, wherever the gazetteer puts it)."""
    groups = sorted(g for g in (*ctx.places, *ctx.subject_places) if not ALONE_AFTER.match(text, g[1]))
    inner = [pid for g in groups for pid in g[2] if pid not in lexicon.countries]
    wider = {up for pid in inner for up in ancestors(pid, lexicon.place_parents, ctx.within)}
    countries = [g for g in groups if set(g[2]) <= lexicon.countries]
    if len(countries) == 1 and inner and all(pid not in lexicon.place_parents for pid in inner):
        wider |= set(countries[0][2])  # a place no gazetteer knows lies in the one country the sentence names
    groups = [g for g in groups if not set(g[2]) <= wider]
    return list(
        dict.fromkeys(
            pid for group in groups for pid in group[2] if pid != THE_CAPITAL and not pid.startswith(THE_PLACES)
        )
    )


def _place_references(text: str, ctx: SentenceContext, named: list[str], lexicon: Lexicon) -> None:
    """Put the places a sentence's "the two countries" stands for: the last two countries the article has named, the
    sentence's own before it included ("Colombia's agency said 1.4 million live in the country"; of the places, for
    "both cities"), or drop the reference if it has named fewer."""
    groups = sorted((*ctx.places, *ctx.subject_places))

    def meant(pid: str, at: int) -> list[str]:
        if not pid.startswith(THE_PLACES):
            return [pid]
        _, kind, count = pid.split(":")
        before = [x for g in groups if g[1] <= at for x in g[2] if x != THE_CAPITAL and not x.startswith(THE_PLACES)]
        if kind == "region":  # "the region": the last region named ("the Sahel", "the Donetsk region"), no country
            fitting = [p for p in reversed([*named, *before]) if p in lexicon.regions]
        elif kind == "provinces" and count == "1":
            # "the state", "the province": the one the article is about, named most (first, of as many), not the
            # last ("to hit the state" of Odisha, after a line on West Bengal)
            said = [p for p in [*named, *before] if p in lexicon.provinces]
            fitting = sorted(dict.fromkeys(said), key=lambda p: -said.count(p))
        elif kind == "provinces":
            fitting = [p for p in reversed([*named, *before]) if p in lexicon.provinces]
        elif kind == "towns":
            wide = lexicon.countries | lexicon.provinces | lexicon.regions | lexicon.seas | lexicon.wide_places
            fitting = [p for p in reversed([*named, *before]) if p not in wide]
        else:
            fitting = [p for p in reversed([*named, *before]) if (p in lexicon.countries) == (kind == "countries")]
        if not fitting and kind == "countries":
            # the country the places named lie in ("in Tel Aviv ... Across the country"), else one the sentence names
            # as no place, when the article has named none: "Colombia's migration agency said 1.4 million
            # Venezuelans live in the country" (not "U.S. officials" after "in Syria")
            wider = [up for p in reversed([*named, *before]) for up in ancestors(p, lexicon.place_parents)]
            named_here = sorted([*lexicon.places.find(text, ctx.start, at), *ctx.entities], key=lambda m: -m.start)
            fitting = [p for p in wider if p in lexicon.countries] or [
                m.id
                for m in named_here
                if m.end <= at and m.id in lexicon.countries  # "Colombia's", "Iraqi"
            ]
        last = list(dict.fromkeys(fitting))[: int(count)]
        return sorted(last) if len(last) == int(count) else []

    def placed(found):
        ids = [[x for pid in g[2] for x in meant(pid, g[0])] for g in found]
        return [(g[0], g[1], i, g[3]) for g, i in zip(found, ids, strict=True) if i]

    ctx.places, ctx.subject_places = placed(ctx.places), placed(ctx.subject_places)


def _place_capital(ctx: SentenceContext, countries: list[str], lexicon: Lexicon) -> None:
    """Put the capital of the country in force (the first of ``countries`` the gazetteer knows a capital of) for a
    sentence's "the capital", or drop the reference if there is none."""
    capital = next((lexicon.capitals[c] for c in countries if c in lexicon.capitals), None)
    _replace_places(ctx, lambda pid: [pid] if pid != THE_CAPITAL else [capital] if capital else [])


def _replace_places(ctx: SentenceContext, meant: Callable[[str], list[str]]) -> None:
    """A sentence's place groups with each place id replaced by the ids it ``meant``; a group left with none goes."""

    def placed(groups):
        ids = [[x for pid in g[2] for x in meant(pid)] for g in groups]
        return [(g[0], g[1], i, g[3]) for g, i in zip(groups, ids, strict=True) if i]

    ctx.places, ctx.subject_places = placed(ctx.places), placed(ctx.subject_places)
