"""Whose count it is: an entity that owns it ("2,500 U.S. troops", "Syria's 600,000"), the event a toll, a
crowd or a flow is about ("the death toll from the earthquake"), or one an earlier sentence named ("the group")."""

from __future__ import annotations

import re
from collections.abc import Collection

from .context import SentenceContext
from .discourse import Discourse
from .facets import TOLLS
from .forces import FORCE
from .incidents import GENERIC_KIND, Incident
from .lexicon import EventVocabulary, Lexicon, Mention, slug
from .places import DATELINE, came_from
from .quantities import Quantity
from .speakers import (
    REPORT,
)
from .times import COMPARISON

# An entity opposed, not owning: "the mission against the Islamic State".
OPPOSED_BEFORE = re.compile(
    r"(?i)\b(?:against|targeting|fighting|fight|defeat|defeating|counter|versus|vs\.|on|from|by)\s+(?:the\s+)?$"
)
# A relative clause right after a count, opening on its subject: "the some 120 attacks that " (Iran-backed militias
# have launched), "the 2,000 troops which " (Turkey keeps in Iraq).
RELATIVE_DOER = re.compile(r"\s+(?:that|which)\s+(?:the\s+)?")
# A passive's auxiliary before the verb that counts: "have been attacked", "were struck".
PASSIVE_BEFORE = re.compile(r"\b(?:been|were|was|are|is|being)\s+$")  # lower case: not "IS fighters"
PASSIVE_REACH = 12  # "have been " before the verb
# Where a sentence turns to another clause with its own subject: "; ", " but ", ", while ".
CLAUSE_TURN = re.compile(r"[;:]|\s(?:but|while|whereas|whilst)\s")
# Where a clause opens inside a sentence: "; ", ", while ", "that ", "which ".
CLAUSE_START = re.compile(r"[;:]\s*|,\s+(?:but|while|whereas|and)\s+|\b(?:that|which|who)\s+")
POSSESSIVE_REACH = 3  # "'s " between an owner and its number: "Syria's 600,000"
NOUN_OWNER_REACH = 20  # an entity just before the counted noun owns it: "the number of IS fighters"
OPENING_REACH = 30  # words before the entity that opens a clause: "Meanwhile, the ", "On Tuesday, "
OPPOSED_REACH = 20  # "fighting against the ", "defeating the " before an entity
# "the group", "they": how many sentences back the entity they stand for is looked for.
ANAPHORA_SENTENCES = 3


def subject_or_event(
    text: str,
    q: Quantity,
    ctx: SentenceContext,
    measure: str | None,
    measure_mention: Mention | None,
    incidents: list[Incident],
    discourse: Discourse,
    lexicon: Lexicon,
):
    """(subject id, its words, the event if the subject is one). A toll, a crowd or a flow is about the event
    its sentence names, unless its own noun names whose it is ("35 U.S. soldiers", "Syria's 600,000")."""
    if q.subject_hint:
        return q.subject_hint, q.measure_text, None
    own = own_entity(text, q, ctx)
    fitting = [x for x in incidents if lexicon.events.fits(measure, x.kind)]
    if own is not None and fitting and own.id in lexicon.countries and measure in lexicon.events.people.values():
        # "2 million UK workers joined the strike": the country says where, the turnout is the strike's ("35 U.S.
        # soldiers" killed in an attack stay the U.S.'s: a part of its toll)
        own = None
    if measure in lexicon.events.measures and own is None:
        if fitting:
            # the event of the number's own clause: "The recent inauguration drew 250,000 but Obama's drew 1.8
            # million" (the nearer words may be the next clause's)
            def across(x: Incident, words: re.Pattern) -> bool:
                return words.search(text, min(x.end, q.end), max(x.start, q.start)) is not None

            # "420,000 used the Metro yesterday, which compares to 317,000 for Obama's inaugural": the other side
            # of a comparison is not this number's event
            near = [x for x in fitting if not across(x, COMPARISON)]
            own_clause = [x for x in near if not across(x, CLAUSE_TURN)]
            if near:
                incident = min(own_clause or near, key=lambda x: max(x.start - q.end, q.start - x.end, 0))
                incident = toll_taker(incident, measure, discourse, lexicon.events)
                return incident.id, incident.text, incident
        if not subject_types(measure, lexicon):
            return None, None, None  # no entity owns a toll: the paragraph's event will
    if own is not None:
        return own.id, own.text, None
    subject, subject_text = subject_of(text, q, ctx, measure, measure_mention, lexicon)
    return subject, subject_text, None


def toll_taker(
    incident: Incident, measure: str | None, discourse: Discourse, events: EventVocabulary, avoid: Collection[str] = ()
) -> Incident:
    """The event a count of ``measure`` found for it is about: a toll of an occasion (``yields_tolls``) is the
    disaster's the article tells of, if it tells of one ("many of them were in the state to visit the pilgrimage
    centres ... 924 are missing": the flood's); not a war's or an epidemic's that goes on around it ("The war rages
    on. At a rally, 30 protesters were killed": the rally's)."""
    if incident.kind not in events.yields_tolls or measure not in TOLLS:
        return incident

    def disaster(kind: str) -> bool:
        sudden = kind not in events.goes_on and kind != GENERIC_KIND
        return sudden and kind not in events.yields_tolls and events.fits(measure, kind)

    return discourse.event(disaster, avoid) or incident


def discourse_event(
    text: str, q: Quantity, measure: str | None, discourse: Discourse, lexicon: Lexicon, avoid: set[str]
) -> Incident | None:
    """A toll, a crowd or a flow whose sentence names no event (or only events in ``avoid``): the paragraph's event,
    else the article's, else the one its count implies ("1 million migrants arrived": migration)."""
    events = lexicon.events
    if measure not in events.measures:
        return None
    told = discourse.told.get((measure, q.low, q.high))
    if told is not None and told.id not in avoid:
        # "the anti-inauguration protest reached 500,000 ... The estimated crowd of 500,000 may rise": a figure
        # told again is of the event it was told of
        return told
    found = discourse.event(lambda kind: events.fits(measure, kind), avoid)
    if found is not None:
        return toll_taker(found, measure, discourse, events, avoid)
    # "1.4 million people at the event" of an article telling of a stampede at a music festival: the one event that
    # gathers such people the article names, before the kind the count implies (a march's crowd)
    gathered = [x for x in discourse.incidents.mentioned if events.people.get(x.kind) == measure]
    told = {x.kind: x for x in gathered if x.id not in avoid}
    kind = next(iter(told)) if len(told) == 1 else events.implied.get(measure or "")
    if kind is None:
        return None
    words = told[kind].text if kind in told else kind
    implied = discourse.incidents.resolve(Incident(q.start, q.end, kind, kind, words, False))
    discourse.recent.append(implied)  # "Another 3,735 people died": the same migration
    return implied


def subject_type(subject: str | None, incident: Incident | None, lexicon: Lexicon) -> str | None:
    if subject is None:
        return None
    if incident is None or incident.id != subject:
        return "entity"
    if incident.id == incident.kind or incident.another:
        return "event"  # "Inauguration Day" names no one event, nor "another quake"
    if incident.kind in lexicon.events.per_place:
        return "named_series"  # "the Women's March" marched in 650 cities, one march in each
    return "named_event"  # "the Camp Fire" pins its place


def own_entity(text: str, q: Quantity, ctx: SentenceContext) -> Mention | None:
    """An entity in the counted noun phrase ("2,500 U.S. troops") or owning it ("Syria's 600,000")."""
    head = q.head_start if q.head_start is not None else q.end
    inside = [e for e in ctx.entities if q.num_end <= e.start < head]
    if inside:
        return inside[-1]
    possessive = [
        e for e in ctx.entities if 0 <= q.start - e.end <= POSSESSIVE_REACH and text[e.end : q.start].startswith("'")
    ]
    return possessive[-1] if possessive else None


def subject_types(measure: str | None, lexicon: Lexicon) -> list[str]:
    """The entity types ``measures.yaml`` lets own a count of ``measure`` ("troops": a country, an alliance)."""
    return lexicon.measures[measure].subjects if measure in lexicon.measures else []


def entity_type(e: Mention, lexicon: Lexicon) -> str:
    """An entity's type by the alias files; a "-backed" force ("Iran-backed militias") is an armed group."""
    if e.id.endswith(FORCE):
        return "military"  # "Task Force Takuba", "MINUSMA": a force the article names (forces.py)
    return lexicon.entity_types.get(e.id, "group" if e.id.endswith("_backed") else "other")


def subject_of(
    text: str, q: Quantity, ctx: SentenceContext, measure: str | None, measure_mention: Mention | None, lexicon: Lexicon
):
    """Whose count it is: a modifier of the counted noun, else the subject of a relative clause after it, else the
    nearest fitting entity before it (none when that entity suffered what is counted)."""
    own = own_entity(text, q, ctx)
    if own is not None:
        return own.id, own.text
    types = subject_types(measure, lexicon)
    doer = next((e for e in ctx.entities if e.start >= q.end and RELATIVE_DOER.fullmatch(text, q.end, e.start)), None)
    if doer is not None and (not types or entity_type(doer, lexicon) in types):
        return doer.id, doer.text  # "the some 120 attacks that Iran-backed militias have launched"
    if measure_mention is not None and PASSIVE_BEFORE.search(
        text, max(0, measure_mention.start - PASSIVE_REACH), measure_mention.start
    ):
        return None, None  # "U.S. and coalition troops have been attacked 160 times": the troops are the target
    if measure_mention is not None:
        near = [
            e
            for e in ctx.entities
            if 0 <= measure_mention.start - e.end <= NOUN_OWNER_REACH
            and not re.search(r"[,;.]", text[e.end : measure_mention.start])
        ]
        if near and q.unit != "times":
            return near[-1].id, near[-1].text
        anchor = measure_mention.start
    else:
        anchor = q.start
    opening = opening_entity(text, ctx, anchor, types, lexicon)
    found = opening or nearest_entity_before(text, ctx, anchor, types, lexicon)
    unowned = not types and not subject_types(q.measure, lexicon)  # "civilians" killed; not "service members" hurt
    if found and (measure in (None, "people") or unowned) and SPEAKS_AFTER.match(text, found.end):
        # "the United Nations said 8 million people were affected", "the UN has verified the deaths of 10,000": the
        # voice, not the owner (but "the Pentagon said 34 service members were hurt" are its own)
        return None, None
    return (found.id, found.text) if found else (None, None)


# An entity followed by its reporting verb is the speaker of what follows: "the United Nations said", "UNHCR has
# estimated", "the Armed Conflict Location & Event Data Project (Acled) has recorded", "Israeli officials said".
SPEAKS_AFTER = re.compile(
    r"\)?(?:\s*\([^()]{1,15}\))?(?:'s(?:\s+[A-Z][\w&-]*){0,5})?"  # "the UN's World Food Programme said"
    r"(?:\s+(?:[a-z]+\s+)?(?:officials?|authorities|ministry|government|military|army|police|spokes(?:man|woman|person)))?"
    rf"\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:{REPORT}|say|estimate|believe|report)\b"  # "Greek authorities say"
)


def opening_entity(text: str, ctx: SentenceContext, pos: int, types: list[str], lexicon: Lexicon) -> Mention | None:
    """The entity the clause opens with is its grammatical subject: "Turkey has roughly 3,000 troops in Iraq"."""
    clause_start = max([after_dateline(text, ctx), *(m.end() for m in CLAUSE_START.finditer(text, ctx.start, pos))])
    for e in ctx.entities:
        if (
            clause_start <= e.start < pos
            and e.start - clause_start <= OPENING_REACH
            and not text[clause_start : e.start].strip(' "').endswith(("in", "of", "against"))
            and not came_from(text, e.start)  # "came from Syria"
        ):
            if not types or entity_type(e, lexicon) in types:
                return e
            return None
    return None


def after_dateline(text: str, ctx: SentenceContext) -> int:
    """Where a sentence's own words begin, past a dateline ("KYIV, Ukraine (AP) — ")."""
    dateline = DATELINE.match(text, ctx.start, ctx.end)
    return dateline.end() if dateline else ctx.start


def nearest_entity_before(
    text: str, ctx: SentenceContext, pos: int, types: list[str] | None, lexicon: Lexicon, opposed: bool = False
) -> Mention | None:
    """The last entity before ``pos`` of one of ``types``; ``opposed`` admits ones after "against"."""
    place_spans = [(p[0], p[1]) for p in ctx.places]  # only locative places: "Turkey has ..." may own troops
    opening = after_dateline(text, ctx)
    candidates = []
    for e in ctx.entities:
        if e.end > pos:
            break
        if e.start < opening:
            continue  # "KYIV, Ukraine (AP) —": where the story was filed
        if any(s <= e.start < end for s, end in place_spans):
            continue  # "in Iraq" is where, not who
        if not opposed and OPPOSED_BEFORE.search(text[max(0, e.start - OPPOSED_REACH) : e.start]):
            continue
        if came_from(text, e.start):
            continue  # "49 percent came from Syria and 21 percent from Afghanistan": where they left, not whose
        if types and entity_type(e, lexicon) not in types:
            continue
        candidates.append(e)
    return candidates[-1] if candidates else None


# What an anaphor can stand for: "the group" is an armed group, "the country" a country.
ANAPHOR_TYPES = {
    "group": ["group", "militia"],
    "militants": ["group", "militia"],
    "jihadists": ["group"],
    "insurgents": ["group"],
    "militia": ["militia", "group"],
    "organization": ["group", "org"],
    "organisation": ["group", "org"],
    "alliance": ["alliance"],
    "coalition": ["alliance"],
    "country": ["country"],
}


def anaphora(text: str, ctx: SentenceContext, measure, lexicon: Lexicon, context, i: int):
    """ "the group controlled ...": the last fitting entity of the three sentences before."""
    anaphor = ctx.anaphor
    if not anaphor:
        return None, None
    noun = anaphor.group().split()[-1].lower()
    types = ANAPHOR_TYPES.get(noun) or subject_types(measure, lexicon)
    for back in range(i - 1, max(-1, i - 1 - ANAPHORA_SENTENCES), -1):
        found = nearest_entity_before(text, context(back), context(back).end, types, lexicon, opposed=True)
        if found:
            return found.id, None
    return None, None


# What money is for, when it makes a thing again: "towards rebuilding the 850-year-old cathedral", "for the
# reconstruction of Notre-Dame", "to repair the bridge".
MADE_AGAIN = re.compile(
    r"(?i)\b(?:for|towards?|to)\s+(?:the\s+)?(?:rebuild(?:ing)?|reconstruct(?:ion|ing)?|repair(?:ing|s)?|"
    r"restor(?:ation|ing|e))\s+(?:of\s+)?(?:the\s+|its\s+)?(?:[\w'-]+-old\s+)?"
    r"(?P<what>[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,3})"
)


def made_again(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The subject of money a sentence spends on making a thing again, and its words: "€100m towards rebuilding the
    cathedral" is about cathedral_rebuilding."""
    made = MADE_AGAIN.search(text, start, end)
    return (f"{slug(made.group('what'))}_rebuilding", made.group("what")) if made else None
