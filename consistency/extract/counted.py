"""What a number counts: its counted noun, else the parallel clause's it elides or the measure its sentence
names before it ("the death toll rose to 89"), and what happened to counted people ("12 people died")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import SentenceContext
from .dates import MONTHS
from .discourse import Discourse
from .facets import (
    GENERIC_PEOPLE,
    PART_AFTER,
    PREDICATE_NOUN,
    WORD,
)
from .incidents import Incident
from .lexicon import Lexicon, Mention
from .quantities import ELLIPSIS, THINGS, Quantity, counts_things, head_noun, is_number
from .speakers import RIVAL_FIGURE

# Words after a bare number that do not start a counted noun: "the death toll stood at 85 with ...".
NOT_A_NOUN_AFTER = re.compile(
    r"(?i)\s?(?:in|at|on|for|to|from|by|during|since|this|last|and|or|as|than|when|while|after|before|with|including|"
    r"a|an|"  # "up from 260,000 a month earlier"
    r"even|though|although|because|whereas|until|unless|once|where|if|"  # "rose to 288 even as work began"
    r"according|but|so|then|more|less|are|is|was|were|have|has|had|remain|remained|remains|out|"
    r"may|might|will|would|could|should|can|must|that|who|which|"
    # "rose to 500 across three countries", "killed 40 nationwide"
    r"across|inside|outside|near|into|onto|over|under|through|throughout|around|against|toward|towards|via|between|"
    r"among|along|behind|beyond|upon|within|amid|amidst|despite|unlike|"
    r"nationwide|countrywide|worldwide|overall|altogether|combined|so far|"
    r"today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:first|initially|originally)(?=\s+[a-z]+ed\b)|"  # "not the 10 to 15 first reported"
    r"given|taken|seen|shown|known|reported|cited|released|published|quoted|"  # "the toll of 450 given by ..."
    r"mark|threshold|milestone|barrier|"  # "the toll passed the 1,000 mark"
    r"tally|figure|estimate)\b"  # "the 2,357 tally the government announced": the figure of what came before
)
# "has reached 11,300": a state word of arrivals ("reached Europe") that before a number tells only of a count grown.
REACHED = re.compile(r"(?i)\breached\b")
# A verb right after a bare number: "Of the attacks, 70 targeted Syria", "passed 10,000 resulting in" (no noun, so
# one is elided); a participle with its agent: "the 680,000 counted by the IOM".
VERB_AFTER = re.compile(r"\s?(?:[a-z]+ed\s+(?:[A-Z]|the\b|an?\b|its\b|their\b|by\b)|[a-z]+ing\b)")
# A bare number's own passive predicate: "2,503 are accounted for", "4,000 were counted in Lyon".
OWN_PREDICATE = re.compile(r"(?i)\s?(?:are|is|was|were|have been|has been|had been)\s+(?:now\s+|still\s+)?([a-z]+ed)\b")
# Participles that say how a count was made, not what happened to the people: the counted noun still carries.
NEUTRAL_PARTICIPLES = frozenset(
    "counted recorded reported registered estimated confirmed tallied believed thought expected listed "
    "deployed stationed based posted positioned".split()  # "some 900 are deployed in Syria": where, not what befell
)
# How far around a number, or its counted noun, each phrase is looked for, in characters: each reach holds the
# longest phrase its pattern is meant to find, and keeps every look-up short whatever follows in the article.
DRAWN_REACH = 24  # "was attended by ", "brought out " before a bare number
BY_REACH = 3  # "by " right before the number: "rose by 300", "multiplies figures by 1.5"
ELIDED_REACH = 40  # what follows a number with no noun: " in Lyon", " of them", " with"
# Words of length after a number: a length is never a count elided before them, whether the unit file reads the word
# as its unit (metres, feet, miles) or not (yards).
LENGTHS = frozenset(
    "metre metres meter meters m feet foot ft mile miles km kilometre kilometres kilometer kilometers yard yards "
    "inch inches cm centimetres centimeters".split()
)
NOUN_START_REACH = 3  # a letter right after the number, past one space: a noun follows
NOT_A_NOUN_REACH = 16  # a word after the number that starts no noun: " according", " including"
NUMBER_OF_REACH = 40  # "the total number of public sector " before a counted noun
# "the number of Venezuelans": a people named by its demonym, counted.
NUMBER_OF_PEOPLE = re.compile(r"\b(?:number|total|count|tally)\s+of\s+(?:the\s+)?([A-Z][a-z]+s)\b")
STATE_AFTER_REACH = 60  # what happened to counted people, after them: " in West Africa could be infected"
STATE_BEFORE_REACH = 40  # ... or before the number: "killed more than ", "displaced an estimated "


def at_event(
    text: str, q: Quantity, measure: str | None, incidents: list[Incident], discourse: Discourse, lexicon: Lexicon
) -> str | None:
    """People counted at an event are what the event makes them: a crowd at a march, strikers in a strike; so is
    a bare number an event drew ("the protest drew 1 million", "was attended by 1.8 million")."""
    if measure == "cases" and head_noun(q.measure_text) in PATIENTS:
        # "hospitals received 14 patients from the shooting": an outbreak's patients are its cases, an attack's or a
        # collapse's its injured
        event = next(_events_in_force(incidents, discourse), None)
        return "casualties" if event is not None and not lexicon.events.fits("cases", event.kind) else measure
    # the measure its noun gave, when that noun is any people's ("members"), not one a state gave ("detained")
    generic = measure == q.measure and head_noun(q.measure_text) in GENERIC_PEOPLE
    if measure not in (None, "people", "crowd", "strikers") and not generic:
        return measure  # but "400,000 of its members" at a strike are strikers, not an armed group's
    drawn = measure is None and DRAWN_BY.search(text, max(0, q.start - DRAWN_REACH), q.start)
    people = lexicon.events.people
    # "Workers went on strike on Wednesday. ¶ As many as 2 million took part"
    for incident in _events_in_force(incidents, discourse):
        if incident.kind in people:
            return people[incident.kind] if measure is not None or drawn else None
    if measure is not None and AT_THE_EVENT.match(text, q.end):
        # "there were at least 1.4 million people at the event", told of a stampede at a music festival: the one
        # kind of event the article names that gathers people
        kinds = {x.kind for x in discourse.incidents.mentioned if x.kind in people}
        if len(kinds) == 1:
            return people[kinds.pop()]
    return measure


PATIENTS = frozenset({"patient", "patients"})


def _events_in_force(incidents: list[Incident], discourse: Discourse) -> Iterator[Incident]:
    """The events a count may be of, nearest first: the sentence's, the paragraph's, else the article's."""
    article = (*reversed(discourse.incidents.named.values()), discourse.incidents.first)
    return (x for x in (*reversed(incidents), *reversed(discourse.recent), *article) if x is not None)


# People told to be at an event the words do not name: "1.4 million people at the event", "were at the venue".
AT_THE_EVENT = re.compile(
    r"(?i)\s+(?:were\s+|was\s+)?(?:at|attending|in attendance at)\s+the\s+(?:event|venue|gathering)\b"
)


# What an event does to the people it gathers: "drew 1 million", "was attended by 1.8 million".
DRAWN_BY = re.compile(
    r"(?i)\b(?:drew|draws|drawing|attracted|attracts|brought out|pulled in|attended by|joined by|swelled to)\s+$"
)


def elided(text: str, q: Quantity) -> bool:
    """A bare number whose counted noun is left out: "and 4,000 in Lyon", "400,000 of them", "another 2,500"."""
    if head_noun(q.measure_text) in LENGTHS:
        return False  # "plunging 45 metres (150 feet)": a length, never the count before it again
    if re.search(r"(?i)\bby\s$", text[max(0, q.start - BY_REACH) : q.start]):
        return False  # "multiplies figures by 1.5", "rose by 300": a factor or a change, not the same count again
    after = text[q.end : q.end + ELIDED_REACH]
    own = OWN_PREDICATE.match(after)
    if own and own.group(1).lower() not in NEUTRAL_PARTICIPLES:
        return False  # "2,503 are accounted for" after a count of the missing: a state of their own, not theirs
    return not re.match(r"\s?[A-Za-z]", after) or bool(NOT_A_NOUN_AFTER.match(after)) or bool(PART_AFTER.match(after))


# A figure set against the one before: "which compares to 317,000", "compared with 1,200".
# ... or the figure it changed from: "380,000 refugees, up from 260,000 a month earlier".
COMPARED_TO = re.compile(
    r"(?i)\b(?:compares?|compared|as against)\s+(?:to|with)?\s*$|\b(?:up|down|rising|falling|climbing)\s+from\s+$"
    # "was raised to 5,100 troops from 4,500": the figure a change started from
    r"|\bto\s+(?:about\s+|some\s+|nearly\s+|more than\s+)?\d[\d,.]*(?:\s+[a-z]+){0,2}\s+from\s+$"
    r"|\b(?:rather than|instead of|not)\s+(?:the\s+)?$"  # "375,000, rather than the 680,000", "four, not the 10"
    rf"|\b{RIVAL_FIGURE}\s+$"  # "far fewer than the 25,000 Prigozhin claimed", "far below the 750 estimated by the UN"
)
COMPARED_REACH = 40  # "which compares to ", "to 5,100 troops from " before the number
# A number right before a word: "10,000 captured" (the word is that number's).
NUMBER_END = re.compile(r"\d\s+$")
NUMBER_END_REACH = 3
# "in July 2021 killed", "on April 15 killed": a year or a day, no count
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
YEAR_END = re.compile(rf"(?i)\b(?:1[89]|20)\d\d\s+$|\b(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+$")
YEAR_END_REACH = 16  # "September 15th, " before the verb
# A number standing on its own, not in a hyphenated compound ("7.8-magnitude", "36,807-acre").
STANDALONE_NUMBER = re.compile(r"\d[\d.,]*(?![\d.,]*-)")
# Between a counted noun and its number: " of ", " of about " ("a crowd of 500,000", "fire personnel of 1,065").
NOUN_OF_NUMBER = re.compile(r"(?i)\s+of\s+(?:about\s+|some\s+|nearly\s+|almost\s+|more than\s+|at least\s+)?")
# A locative preposition before a noun: "in government-held areas", "across the affected regions".
IN_PLACE_BEFORE = re.compile(r"(?i)\b(?:in|across|inside|within|throughout)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
IN_PLACE_REACH = 40  # "in the rebel-held northern " before the noun
# Between a toll's noun and the event it is of: "the death toll from Saturday's", "the toll of the".
TOLL_OF = re.compile(r"(?i)\s+(?:from|of|in)\s+[^,;.\d]{0,40}$")
# A noun that is the subject of a reporting verb: the speaker ("the air force said"), not a counted thing.
SPEAKER_NOUN_AFTER = re.compile(r"(?i)\s+(?:has\s+|have\s+|had\s+)?(?:said|says|told|reported|announced|added)\b")
# A place of so many people: "the city of 7.3 million", "a nation of some 30 million" (its population).
PLACE_OF = re.compile(
    r"(?i)\b(?:city|country|nation|town|metropolis|island|territory|state|province|region|capital|village)\s+of\s+"
    r"(?:about\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+|around\s+|roughly\s+)?$"
)
PLACE_OF_REACH = 40  # "metropolis of more than " before the number
# "the number of", "the total of": the noun after it is what a later figure counts.
# Up to two words may describe the noun: "the total number of public sector workers", "the number of Syrian
# refugees" (the noun counted is then the first the files know after "of").
NUMBER_OF_BEFORE = re.compile(
    r"(?i)\b(?:number|total|count|tally)\s+of\s+(?:the\s+)?(?:(?!the\b|who\b|which\b|that\b)[a-z][\w-]*\s+){0,2}$"
)


def counted_measure(
    text: str,
    q: Quantity,
    ctx: SentenceContext,
    previous: Quantity | None,
    taken: set[int],
    lexicon: Lexicon,
    resolved: dict,
):
    """What is counted: the noun after the number, an attack verb for "N times", else an earlier noun ("the number
    of IS fighters ... at about 2,500")."""
    if q.measure == "people" and head_noun(q.measure_text) in ("people", "person", "individual", "individuals"):
        nouns = lexicon.measure_nouns.find(text, ctx.start, q.start)
        before = [m for m in ctx.measures if m.end <= q.start]
        named = [m for m in before if _named_by_number_of(text, m, before)]
        if named and named[-1].id != "people" and not STANDALONE_NUMBER.search(text, named[-1].end, q.num_start):
            # "the number of wounded increased to 50 people", "the number of people killed rose to 50 people": the
            # people are what the figure counts
            return named[-1].id, named[-1].text, None
        # no other number between ("the death toll for the 7.8-magnitude earthquake has exceeded 5,000 people": a
        # number in a compound is no count)
        if nouns and not STANDALONE_NUMBER.search(text, nouns[-1].end, q.num_start):
            # "the death toll from the quake has exceeded 5,000 people", "put the crowd at 500,000 people": the
            # noun the number is the value of says what the people are
            return nouns[-1].id, nouns[-1].text, None
    if (
        q.measure in (None, "people")
        and q.unit is None
        and PLACE_OF.search(text, max(0, q.start - PLACE_OF_REACH), q.start)
    ):
        return "population", q.measure_text, None  # "in the city of 7.3 million (people)": all who live there
    if q.measure:
        return q.measure, q.measure_text, None
    if counts_things(q):
        # "attacks on three churches and three hotels killed 253": things, whatever the sentence counts
        return None, q.measure_text, None
    if q.unit == "times":
        for verb in reversed(list(WORD.finditer(text, ctx.start, q.start))):
            measure = lexicon.attack_verbs.get(verb.group().lower())
            if measure:
                return measure, verb.group(), Mention(verb.start(), verb.end(), measure, verb.group())
        return None, None, None
    if q.unit is not None:
        return None, None, None
    predicate = PREDICATE_NOUN.match(text, q.end, ctx.end)
    if predicate:  # "of those, 6,453 are homes": what the number is, said after it
        nouns = lexicon.measure_words.find(text, predicate.start(1), predicate.end(1))
        if nouns and nouns[0].start == predicate.start(1):
            return nouns[0].id, nouns[0].text, nouns[0]
    after = text[q.end : min(ctx.end, q.end + NOUN_START_REACH)]  # not the next sentence's first word
    verb = q.measure_text is None and VERB_AFTER.match(text, q.end, ctx.end)
    compared = COMPARED_TO.search(text, max(ctx.start, q.start - COMPARED_REACH), q.start)
    # "far fewer than the 25,000 Prigozhin claimed": a name opens a relative clause, it is no counted noun
    named = compared and re.match(r"\s[A-Z][a-z]", after)
    if re.match(r"\s?[A-Za-z]", after) and not (
        NOT_A_NOUN_AFTER.match(text, q.end, q.end + NOT_A_NOUN_REACH) or verb or named
    ):
        return None, None, None  # a noun follows that no alias file names
    carried = resolved.get(id(previous)) if previous else None
    placed = PLACED_AFTER.match(text, q.end) is not None
    if carried in PLACE_COUNTS and placed:
        carried = None  # "in 10 other cities, including 35,000 in Busan": people in one of them, not cities
    if carried not in (None, "ratio", "duration") and (ELLIPSIS.match(text, previous.end, q.start) or compared):
        # "900 troops in Syria and 2,500 in Iraq": the second number counts the same thing (not "rise eightfold, to
        # as many as 20,000": a multiple counts nothing)
        return carried, previous.measure_text, None
    if q.measure_text is not None:
        # "1,200 engineers", "two dozen prisons", "500 fires": a noun of its own, if one no file names; a plural one
        # is kept, so no measure of the sentences before is carried to it ("153 more", "212 late" are no nouns)
        return None, (q.measure_text if q.measure_text.endswith("s") else None), None
    own_verb = lexicon.states.before.search(text, max(ctx.start, q.start - STATE_BEFORE_REACH), q.start)
    if own_verb and not REACHED.search(own_verb.group(1)):
        # "killed 1,310 people and infected some 200,000": its own verb says what it counts ("has reached 11,300"
        # says only that a count grew)
        return None, None, None
    earlier = [
        m
        for m in ctx.measures
        if m.end <= q.start
        and m.start not in taken
        # a word that names only its own number names it before "of": "Total fire personnel of 1,065"
        and (lexicon.measures[m.id].carries or NOUN_OF_NUMBER.fullmatch(text, m.end, q.num_start) is not None)
        # "put the toll in government-held areas at 1,347": a noun after "in" says where, not what is counted
        and not IN_PLACE_BEFORE.search(text, max(ctx.start, m.start - IN_PLACE_REACH), m.start)
        # "Ukraine's air force said, adding that 71 were shot down": the speaker's noun counts nothing
        and not SPEAKER_NOUN_AFTER.match(text, m.end)
    ]
    if placed:
        earlier = [m for m in earlier if m.id not in PLACE_COUNTS]  # nor the noun of a count of places before it
    counted = [m for m in earlier if _named_by_number_of(text, m, earlier)]
    if counted:
        # "put the number of workers who joined the strike at 1.5 million": what "the number of" names
        return counted[-1].id, counted[-1].text, counted[-1]
    people = NUMBER_OF_PEOPLE.search(text, ctx.start, q.start)
    named = lexicon.entities.find(people.group(1)[:-1]) if people else []
    if people and not earlier and named and lexicon.entity_types.get(named[0].id) == "country":
        # "The number of Venezuelans who have left their country has reached 4 million": a people, counted; what
        # happened to them (their state after the name) says more
        return "people", people.group(1), Mention(people.start(1), people.end(1), "people", people.group(1))
    nouns = lexicon.measure_nouns.find(text, ctx.start, q.start)
    if earlier:
        if nouns and (
            TOLL_OF.match(text, nouns[-1].end, earlier[-1].start)
            # "expanded its strike, bringing the total on strike to 25,000": the noun nearer the number says
            or nouns[-1].end > earlier[-1].start
        ):
            # "the death toll from Saturday's attack by Hamas had risen to 900": the toll's, not the attack's count
            return nouns[-1].id, nouns[-1].text, None
        m = earlier[-1]
        modifier = earlier[-2] if len(earlier) > 1 else None
        if m.id in PERSON_MEASURES and modifier and not text[modifier.end : m.start].strip():
            # "unaccounted for individuals", "displaced civilians": the word before the people says what they are
            return modifier.id, text[modifier.start : m.end], modifier
        return m.id, m.text, m
    if nouns:  # "the death toll rose to 89"
        return nouns[-1].id, nouns[-1].text, None
    return None, None, None


def _named_by_number_of(text: str, noun: Mention, nouns: list[Mention]) -> bool:
    """Whether "the number of" names this noun, the first after it: "the number of migrants fleeing strikes" counts
    migrants."""
    found = NUMBER_OF_BEFORE.search(text, max(0, noun.start - NUMBER_OF_REACH), noun.start)
    return found is not None and not any(found.start() < m.start < noun.start for m in nouns)


# Measures of people that what happened to them can turn into another: "45 soldiers were killed" counts deaths.
PERSON_MEASURES = frozenset(
    {
        None,
        "people",
        "civilians",
        "troops",
        "fighters",
        "refugees",
        "countries",
        "crowd",
        "detainees",
        "responders",
        "population",
    }
)  # "1,200 hostages have been freed", "14 detainees were killed": what happened to them is what is counted
# Counted people a death makes the dead: patients, the injured, the sick.
PATIENT_MEASURES = frozenset({"cases", "casualties"})
# The people an armed force counts: "1,500 men", "60,000 men under arms" (whatever owns them).
ARMED_MEN = frozenset({"men", "member", "members"})
MEMBERS = frozenset({"member", "members"})
# "the group has 5,000 to 7,000 members": an armed group no sentence has named yet
GROUP_BEFORE = re.compile(r"(?i)\bthe\s+(?:armed\s+|militant\s+|rebel\s+|jihadist\s+|extremist\s+)?group\b[^.;]{0,30}$")
GROUP_REACH = 60  # "the armed group has " and a little more before the number
UNDER_ARMS = re.compile(r"(?i)\s+under\s+arms\b")
# Bodies, not people: what happens to them ("30 unions protested", "12 hospitals closed") makes no count of people.
ORGANISATIONS = frozenset(
    "union company firm business organisation organization agency school hospital council charity party".split()
)
# People who used a transit system made trips: "420,000 people used the D.C. Metro", "rode the subway".
TRANSIT_USE = re.compile(
    r"(?i)\s+(?:have\s+|had\s+)?(?:used|rode|took|use|ride)\s+(?:the\s+|its\s+)?(?-i:[A-Z][\w.]*\s+){0,3}"
    r"(?:metro|subway|transit|tube|underground|trains?|buses|bus|light rail|rail system|public transport)\b"
)
# What people do as a crowd or a flow: soldiers who "crossed" are still troops, refugees who "arrived" arrivals.
DOINGS = {
    "arrivals": frozenset({None, "people", "refugees"}),
    "crowd": frozenset({None, "people", "civilians", "population"}),  # "two million of its 7 million people marched"
    "strikers": frozenset({None, "people", "population"}),
}


# Places of detention that hold the people counted after them: "prisons ..., which hold about 10,000 fighters", "the
# SDF's makeshift prisons hold some 10,000 men" (a camp's residents, or a stadium's crowd, are not held).
DETENTION_HOLD = re.compile(
    r"(?i)\b(?:prisons?|jails?|detention\s+(?:centres?|centers?|facilities|camps?)|cells)\b[^.;]{0,60}?"
    r"\b(?:hold|holds|held|holding|house|houses|housing|guard|guards|keep|keeps)\s+"
    r"(?:some\s+|about\s+|around\s+|roughly\s+|more than\s+|at least\s+|nearly\s+|an estimated\s+|up to\s+)?$"
)
# A place right after a number: "35,000 in Busan"; such a number counts no places.
PLACED_AFTER = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")
PLACE_COUNTS = frozenset({"places", "countries"})
# An aside set off by commas right after a count, before its verb: ", about a thousand of them minors,".
ASIDE_AFTER = re.compile(r",\s+[^,;.()]{1,60},")
# ... or a participle's phrase: "18 people travelling in four cars (died)", "five men riding in a truck (were hit)".
PARTICIPLE_PHRASE = re.compile(
    r"\s+[a-z]+ing(?:\s+[\w'-]+){0,6}?(?=\s+(?:were|was|have|had|are|is|died|perished|drowned|burned)\b)"
)
# ... or a place's phrase: "70 people in the capital had been hospitalized", "12 workers at the plant were hurt",
# "14 patients in the ICU of the hospital died".
PLACE_PHRASE = re.compile(
    r"\s+(?:in|at|inside|near|across)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?[\w'-]+"
    r"(?:\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?[\w'-]+)?"
    r"(?=\s+(?:were|was|have|had|are|is|remain|remained|died|perished|drowned)\b)"
)
# ... or a long one, names and asides in it, up to a death: "14 patients in the ICU unit of the Madras Institute of
# Orthopaedics and Traumatology (MIOT), Chennai, died" (no other clause in it: "in the ward where three died", "of
# measles recorded and four people have died").
LONG_PLACE_PHRASE = re.compile(
    r"\s+(?:in|at|of|inside)\s+"
    r"(?:(?!\b(?:where|who|whom|which|that|when|after|while|as|because|[a-z]+ed|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|dozens?|hundreds?|thousands?|several|many|some)\b)[^.;:\d]){1,110}?,?"
    r"(?=\s+(?:died|perished|drowned|were\s+killed|have\s+died|had\s+died)\b)"
)
LONG_PLACE_REACH = 130  # " in the ICU unit of the Madras Institute of Orthopaedics and Traumatology (MIOT), Chennai, "


def _death_ahead(text: str, end: int) -> bool:
    """Whether a death's verb follows within reach: most counts have none, and skip the long phrase's pattern."""
    window = text[end : end + LONG_PLACE_REACH]
    return "died" in window or "killed" in window or "perished" in window or "drowned" in window


DETENTION_REACH = 100  # "the network of makeshift prisons run by the Syrian Democratic Forces, which hold about "


# Before a whole a part is told against: "300 of the ", "nine of the capital's ".
WHOLE_OF_A_PART_BEFORE = re.compile(
    r"(?i)(\b\d[\d,]*|\b[a-z]+(?:-[a-z]+)?)\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|(?:the\s+)?[\w.-]+['\u2019]s\s+)"
    r"(?:[\w.-]+['\u2019]s\s+)?$"
)
WHOLE_OF_A_PART_REACH = 40


def state_of(
    text: str, q: Quantity, ctx: SentenceContext, measure: str | None, lexicon: Lexicon, mention: Mention | None = None
) -> tuple[str | None, str | None]:
    """The measure a state gives counted people, and the state's words when it gave one: "12 people died",
    "killed 26 civilians", "14 were detained", "the number of people arriving ... had topped a million"."""
    states = lexicon.states
    if q.measure is None and head_noun(q.measure_text) in ORGANISATIONS | THINGS:
        return measure, None  # "30 public-sector unions protested plans": bodies, not a crowd of people
    part = WHOLE_OF_A_PART_BEFORE.search(text, max(ctx.start, q.start - WHOLE_OF_A_PART_REACH), q.start)
    if part and part.group(1).lower() not in ("one", "1") and is_number(part.group(1)):
        return measure, None  # "300 of the 2,000 migrants were rescued": the 300 were, not the 2,000
    end = q.end
    if q.counted_by_whole and q.measure_text:
        end = q.head_start + len(q.measure_text)  # the part's state follows its whole's noun
    after = states.after.match(text, end, min(ctx.end, end + STATE_AFTER_REACH))
    aside = (
        None
        if after
        else ASIDE_AFTER.match(text, q.end, ctx.end)
        or PARTICIPLE_PHRASE.match(text, q.end, ctx.end)
        or PLACE_PHRASE.match(text, q.end, ctx.end)
        or (_death_ahead(text, q.end) and LONG_PLACE_PHRASE.match(text, q.end, ctx.end))
    )
    if aside:
        # "At least 5,000 migrants, about a thousand of them minors, reached Ceuta": the verb after the aside
        after = states.after.match(text, aside.end(), min(ctx.end, aside.end() + STATE_AFTER_REACH))
    if not after and q.measure is None and q.unit is None and q.end > q.num_end:
        # "88,000 flee" ending a headline: the verb was read as the number's noun
        after = states.after.fullmatch(text, q.num_end, q.end)
    if after and q.measure is None and q.unit is None:
        # a bare number's own verb beats the measure it borrowed: "1,000 health workers, of whom about 500 have died"
        return states.measures[after.group(1).lower()], after.group(1)
    if after and measure in PATIENT_MEASURES and q.unit is None and states.measures[after.group(1).lower()] == "deaths":
        return "deaths", after.group(1)  # "14 patients in the ICU died": the dead, whoever they were before
    if measure not in PERSON_MEASURES or q.unit not in (None, "percent"):
        return measure, None  # a share of people takes their state: "30 percent of teachers went on strike"
    if not after and mention is not None and mention.end <= q.start:
        after = states.after.match(text, mention.end, min(q.start, mention.end + STATE_AFTER_REACH))
        if after and REACHED.search(after.group(1)) and not text[after.end() : q.num_start].strip(" ,"):
            after = None  # "the number of refugees had reached 2 million": the count grew, no one arrived
    before = states.before.search(text, max(ctx.start, q.start - STATE_BEFORE_REACH), q.start)
    if (
        before
        and NUMBER_END.search(text, max(0, before.start(1) - NUMBER_END_REACH), before.start(1))
        and not YEAR_END.search(text, max(0, before.start(1) - YEAR_END_REACH), before.start(1))
    ):
        # "10,000 captured fighters in more than 24 prisons": the number before it is the captured (not "the floods
        # in July 2021 killed 180": a year)
        before = None
    if before and REACHED.search(before.group(1)):
        before = None  # "the number of refugees had reached 2 million": the count grew, no one arrived
    found = after or before
    if not found and DETENTION_HOLD.search(text, max(ctx.start, q.start - DETENTION_REACH), q.start):
        return "detainees", "held"  # "the prisons run by the SDF, which hold about 10,000 Islamic State fighters"
    if not found:
        ride = TRANSIT_USE.match(text, q.end, min(ctx.end, q.end + STATE_AFTER_REACH))
        return ("trips", ride.group().strip()) if ride and measure in (None, "people") else (measure, None)
    state = states.measures[found.group(1).lower()]
    return (state, found.group(1)) if measure in DOINGS.get(state, PERSON_MEASURES) else (measure, None)


def armed_men(
    text: str, q: Quantity, measure: str | None, measure_text: str | None, subject: str | None, lexicon: Lexicon
) -> str | None:
    """Men of an armed force are its fighters or troops: "the group had about 1,500 men", "60,000 men under arms"."""
    head = head_noun(measure_text)
    if measure != "people" or head not in ARMED_MEN:
        return measure
    kind = lexicon.entity_types.get(subject or "")
    if head in MEMBERS:  # "NATO's 32 members" are countries, "12,700 UAW members" workers
        return "fighters" if kind in ("group", "militia") else "troops" if kind == "military" else measure
    if kind in ("military", "country", "alliance"):
        return "troops"
    if kind in ("group", "militia") or UNDER_ARMS.match(text, q.end):
        return "fighters"
    return measure


def group_members(text: str, q: Quantity, measure: str | None, measure_text: str | None) -> str | None:
    """ "The armed group has 5,000 to 7,000 members": an armed group's members are its fighters, which says whose
    they are before the entities around are weighed."""
    if measure == "people" and head_noun(measure_text) in MEMBERS:
        if GROUP_BEFORE.search(text, max(0, q.start - GROUP_REACH), q.start):
            return "fighters"
    return measure


def with_state(measure_text: str | None, state: str | None) -> str | None:
    """What is counted, in the text's words: "people" who "were injured" are "people injured"."""
    if state is None:
        return measure_text
    return f"{measure_text} {state}" if measure_text else state
