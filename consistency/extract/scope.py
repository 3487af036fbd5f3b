"""Claims from quantities and dates, each with its context: what is counted, whose, where, when, on whose word.

This module assembles a claim and decides its measure and subject; ``places.py``, ``times.py``, ``speakers.py``
and ``modality.py`` decide the rest, ``discourse.py`` carries context from sentence to sentence and
``incidents.py`` finds the events tolls, crowds and flows are about. Every decision is a general mechanism over
the alias files: nearest mention of the right type, locative prepositions, reporting verbs, scope phrases.
The tool is judged on articles nobody here has read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from itertools import pairwise

from dateutil.relativedelta import relativedelta

from ..models import AsOf, Claim, Interval, Source
from ..occasions import DATED_BY_EVENT
from .addresses import cased_as_headline, headline, url_month
from .citations import CITATION_LINE, citation_at, citations
from .context import SentenceContext
from .dates import DateMention, anniversary_years, shifted
from .discourse import Discourse, carried, context_time, dateline_places
from .events import describe_event
from .facets import (
    GENERIC_PEOPLE,
    PART_AFTER,
    PREDICATE_NOUN,
    WORD,
    facet,
    head_noun,
    in_sectors,
    included,
    multiple_of,
    population,
)
from .incidents import Incident, find_incidents
from .lexicon import Lexicon, Mention, tokenize
from .modality import DATE_PLANNED, date_modality, modality
from .places import (
    LOCATIVE_BEFORE,
    LOCATIVE_REACH,
    THE_CAPITAL,
    THE_PLACES,
    ancestors,
    assign_places,
    capital_mentions,
    frames_a_record,
    inside_longer_name,
    place_groups,
    place_id,
    places_references,
    speaker_places,
    with_unknown_places,
)
from .quantities import VOLUME_UNITS, Quantity
from .speakers import (
    DATELINE_LEAD,
    PRONOUN_SOURCE,
    REPORT,
    attached_speaker,
    clause_speaker,
    figure_owner,
    speaker,
    speaker_clauses,
)
from .times import (
    CLAUSE_BREAK,
    PAST_OPENING,
    PEAK,
    PRESENT,
    TIME_MOVES_ON,
    as_of_claim,
    quoted_relative_to_saying,
    read_from,
    said_on,
    since_event,
    so_far,
    target_date,
)

# "Iran-backed militias", "Russian-backed separatists": a proxy force named by its sponsor.
BACKED = re.compile(r"\b([A-Z][a-z]+)-(?:backed|linked|aligned|allied|sponsored|supported)\b")
# An entity opposed, not owning: "the mission against the Islamic State".
OPPOSED_BEFORE = re.compile(
    r"(?i)\b(?:against|targeting|fighting|fight|defeat|defeating|counter|versus|vs\.|on|from|by)\s+(?:the\s+)?$"
)
# "the group", "its", "they": a subject named in an earlier sentence.
ANAPHORA = re.compile(
    r"(?i)\b(?:the (?:group|terror group|militant group|jihadist group|extremist group|organization|organisation|"
    r"militants|jihadists|insurgents|militia|alliance|coalition|country)|its|their|they)\b"
)
# Words after a bare number that do not start a counted noun: "the death toll stood at 85 with ...".
NOT_A_NOUN_AFTER = re.compile(
    r"(?i)\s?(?:in|at|on|for|to|from|by|during|since|this|last|and|or|as|than|when|while|after|before|with|including|"
    r"according|but|so|then|more|less|are|is|was|were|have|has|had|remain|remained|remains|out|"
    r"may|might|will|would|could|should|can|must|that|who|which|"
    r"given|taken|seen|shown|known|reported|cited|released|published|quoted)\b"  # "the toll of 450 given by ..."
)
# A bare number's own passive predicate: "2,503 are accounted for", "4,000 were counted in Lyon".
OWN_PREDICATE = re.compile(r"(?i)\s?(?:are|is|was|were|have been|has been|had been)\s+(?:now\s+|still\s+)?([a-z]+ed)\b")
# Participles that say how a count was made, not what happened to the people: the counted noun still carries.
NEUTRAL_PARTICIPLES = frozenset(
    "counted recorded reported registered estimated confirmed tallied believed thought expected listed".split()
)
# Words that make a sentence about a flow: "the daily spillage", "the flow rate".
RATE_WORDS = re.compile(r"(?i)\b(?:daily|a day|per day|each day|flow|flowing|flow rate|rate)\b")
# Words of a volume accumulated, not a rate: "4.9 million barrels in total", "has leaked 126 million gallons so far".
TOTAL_WORDS = re.compile(
    r"(?i)\b(?:total|in all|altogether|so far|to date|in the end|overall|cumulative|leaked|spilled|spilt|released|"
    r"amount|capacity|holds?|stored|reserves?)\b"
)
# Where a sentence turns to another clause with its own subject: "; ", " but ", ", while ".
CLAUSE_TURN = re.compile(r"[;:]|\s(?:but|while|whereas|whilst)\s")
# Words that set one side of a comparison against the other: "compares to", "versus" (not "more than", a bound).
COMPARISON = re.compile(r"(?i)\b(?:compar\w*|versus|vs\.?)(?!\w)")
# Where a clause opens inside a sentence: "; ", ", while ", "that ", "which ".
CLAUSE_START = re.compile(r"[;:]\s*|,\s+(?:but|while|whereas|and)\s+|\b(?:that|which|who)\s+")
# Between two numbers of one count: "900 troops in Syria and 2,500 in Iraq", "35 people, while 14 ...".
ELLIPSIS = re.compile(
    r"(?:\s+in\s+[A-Za-z][^,;.\d]{0,40}?)?\s*(?:,\s*)?"
    r"(?:and|while|but|whereas|with|including|to|of whom|among them)?\s+(?:another\s+|a further\s+)?$"
    # "with about 167,000 deaths, followed by Sri Lanka with 35,322 and India with 12,405"
    r"|^,?\s+(?:followed\s+by|then|and|ahead\s+of)\s+(?:the\s+)?[A-Z][^,;.\d]{0,40}?\s+with\s+$"
)

# How far around a number, or its counted noun, each phrase is looked for, in characters: each reach holds the
# longest phrase its pattern is meant to find, and keeps every look-up short whatever follows in the article.
DRAWN_REACH = 24  # "was attended by ", "brought out " before a bare number
BY_REACH = 3  # "by " right before the number: "rose by 300", "multiplies figures by 1.5"
ELIDED_REACH = 40  # what follows a number with no noun: " in Lyon", " of them", " with"
NOUN_START_REACH = 3  # a letter right after the number, past one space: a noun follows
NOT_A_NOUN_REACH = 16  # a word after the number that starts no noun: " according", " including"
NUMBER_OF_REACH = 20  # "the number of the ", "total of " before a counted noun
STATE_AFTER_REACH = 60  # what happened to counted people, after them: " in West Africa could be infected"
STATE_BEFORE_REACH = 40  # ... or before the number: "killed more than ", "displaced an estimated "
POSSESSIVE_REACH = 3  # "'s " between an owner and its number: "Syria's 600,000"
NOUN_OWNER_REACH = 20  # an entity just before the counted noun owns it: "the number of IS fighters"
OPENING_REACH = 30  # words before the entity that opens a clause: "Meanwhile, the ", "On Tuesday, "
OPPOSED_REACH = 20  # "fighting against the ", "defeating the " before an entity
DATE_OF_EVENT_REACH = 3  # a date right before an event's words names it: "the January 2011 earthquake"
UNSTATED = ("current", "unknown", "context")  # times a sentence does not state
ANNIVERSARY_OF_REACH = 5  # "the first anniversary of the quake"
# Dates an article tells of as past or present: not "by 2030", "before the war", nor "after the quake".
TOLD_ROLES = frozenset({"point", "span", "since"})
# "the group", "they": how many sentences back the entity they stand for is looked for.
ANAPHORA_SENTENCES = 3


def build_claims(
    source: Source,
    text: str,
    sentences: list[tuple[int, int]],
    quantities: list[Quantity],
    dates: list[DateMention],
    lexicon: Lexicon,
) -> list[Claim]:
    """Turn quantities and date mentions into Claims with their context."""
    starts = [s for s, _ in sentences]
    contexts: dict[int, SentenceContext] = {}

    def context(i: int) -> SentenceContext:
        if i not in contexts:
            spans = [(d.start, d.end) for d in date_by_sentence.get(i, [])]
            # a sentence's counted nouns matter to its numbers, and to the bare numbers of the sentence after it
            bare_next = any(q.measure is None and q.unit is None for q in by_sentence.get(i + 1, ()))
            contexts[i] = _context(text, sentences[i], lexicon, spans, counts=i in by_sentence or bare_next)
        return contexts[i]

    def sentence_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    claims: list[Claim] = []
    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        by_sentence.setdefault(sentence_of(q.num_start), []).append(q)
    date_by_sentence: dict[int, list[DateMention]] = {}
    for d in dates:
        date_by_sentence.setdefault(sentence_of(d.start), []).append(d)

    cites = citations(text)
    dateline = dateline_places(text, source.body_start, lambda name: place_id(name, lexicon))
    discourse = Discourse(
        main_places=dateline,
        within=dict(pairwise(dateline)),
        undated=source.published is None,
        address_month=url_month(source.url) if source.published is None else None,
    )
    if not discourse.main_places:  # where the story is: the first place its first paragraph names
        for i, (s_start, _) in enumerate(sentences):
            if i and "\n\n" in text[sentences[i - 1][1] : s_start]:
                break
            discourse.main_places = _sentence_places(context(i))
            if discourse.main_places:
                break
    discourse.incidents.expect([x for i in range(len(sentences)) for x in context(i).incidents])
    if source.published is None:
        discourse.written_year = _latest_year_told(text, sentences, date_by_sentence, context)
    # the one country the article speaks of, if one: where a strike or a quake it never places happens
    named = {c for i in range(len(sentences)) for c in _named_countries(context(i), lexicon)}
    article_country = next(iter(named)) if len(named) == 1 else None
    title = headline(source.title, source.url)
    cased = bool(source.title) or cased_as_headline(title)
    title_tokens = tokenize(title)
    # "the 2010 Haiti earthquake": a place in the headline says where the event is, it is not its name
    title_places = lexicon.places.find_in(title, title_tokens)
    for incident in find_incidents(title, title_tokens, lexicon.events, title_places, []):
        if not cased and incident.named and incident.id != incident.kind and incident.text.lower() != incident.id:
            # most addresses are cased at random ("GMA/oil-leak-..."): there a disease's name counts, names before
            # a head noun do not; an address cased as a headline ("Camp-Fire-is-100-contained") keeps its names
            incident = Incident(
                incident.start, incident.end, incident.kind, incident.kind, incident.kind, False, (), incident.year
            )
        headline_event = discourse.incidents.resolve(incident)  # "Camp Fire is 100% contained": the story's event
        if incident.year:  # "Casualties of the 2010 Haiti earthquake"
            discourse.event_days.setdefault(headline_event.id, _year_span(incident.year))
    said = partial(said_on, text)  # a date of a statement: "the ministry said on Tuesday"
    countries_of = partial(_countries, lexicon=lexicon, within=discourse.within)  # as the article places them
    previous_end = None
    paragraph_start = sentences[0][0] if sentences else 0
    # Every sentence, in order: one that holds no claim may still set the time, place, speaker or event of the
    # sentences after it.
    for i, (s_start, s_end) in enumerate(sentences):
        if previous_end is not None and "\n\n" in text[previous_end:s_start]:
            discourse.new_paragraph()
            paragraph_start = s_start
        previous_end = s_end
        qs = by_sentence.get(i, [])
        ds = quoted_relative_to_saying(text, date_by_sentence.get(i, []), s_start)
        cited = citation_at(cites, s_start)  # a fact-check's quoted claim: its source's words, on its day
        if cited is not None:
            ds = [read_from(d, cited.day) for d in ds]
        ctx = context(i)
        if any(pid.startswith(THE_PLACES) for g in (*ctx.places, *ctx.subject_places) for pid in g[2]):
            _place_references(ctx, discourse.named_places, lexicon)  # "across the two countries"
        if any(THE_CAPITAL in g[2] for g in (*ctx.places, *ctx.subject_places)):
            # "camps in the capital": the capital of the country the sentence names, else the paragraph's, else
            # the story's
            in_force = [*sorted(_named_countries(ctx, lexicon)), *countries_of(discourse.places)]
            in_force += [*countries_of(discourse.main_places), article_country or ""]
            _place_capital(ctx, in_force, lexicon)
        of_event = partial(_of_event, text, incidents=ctx.incidents)  # a date of one of the sentence's events
        incidents = [discourse.incidents.resolve(x) for x in ctx.incidents]
        # "the Jan. 12, 2010 earthquake", "the quake that struck Nepal on April 25": when each began; an occasion
        # that people attend is dated by a date after its words too ("expected to strike on Wednesday"), where a
        # disaster's may be a memorial's ("prayers for the quake on Wednesday")
        for d in ds:
            for mention, incident in zip(ctx.incidents, incidents, strict=True):
                occasion = incident.kind in lexicon.events.people
                if d.start_date and (_of_event if occasion else _dates_event)(text, d, [mention]):
                    discourse.event_days.setdefault(incident.id, (d.start_date, d.end_date or d.start_date))
        for incident in incidents:
            if incident.year:
                discourse.event_days.setdefault(incident.id, _year_span(incident.year))  # "the 2010 earthquake"
        # "On the first anniversary of the quake": a year after the day it began
        ds = [_anniversary(d, ctx.incidents, incidents, discourse) for d in ds]
        # "A week earlier, organisers said ...": told from the sentence's own date before it, else the article's last
        ds = [shifted(d, _told_before(d, ds) or discourse.last_told or d) for d in ds]
        ds = [since_event(text, d, s_start) for d in ds]  # "since protests began in January"
        discourse.within.update(ctx.within)
        attribution = speaker(text, s_start, s_end, lexicon)  # even with no claim: the paragraph's speaker
        if not qs:
            discourse.counted_noun([m for m in ctx.measures if lexicon.measures[m.id].carries])
        if cited is None and CITATION_LINE.fullmatch(text, s_start, s_end):
            ds = []  # "Daily Express, 6 April 2016": the quoted claim's day, no time for what follows
        if not qs and not ds:
            discourse.remember(
                _sentence_places(ctx),
                ds,
                attribution,
                incidents,
                dates_story=i == 0 or bool(incidents),
                said=said,
                of_event=of_event,
            )
            continue
        sentence = source.text[s_start:s_end]
        attached = {id(x): found for x in qs if (found := attached_speaker(text, x, s_end))}
        if attribution in attached.values() and len(attached) < len(qs):
            attribution = None  # "5,864 according to the count kept by the WHO": one number's source, not all's
        stated_attribution = attribution
        # a quoted claim's source speaks for it alone, not for the fact-check's sentences after it
        attribution = attribution or (cited.who if cited else None) or discourse.speaker
        if attribution is None and PRONOUN_SOURCE.search(text, s_start, s_end):
            attribution = discourse.last_speaker  # "His estimate of the amount leaked ... is 126 million gallons"
        clauses = speaker_clauses(text, s_start, s_end) if len(qs) > 1 else []
        owners = assign_places(text, ctx.places, qs)
        part_places: set[str] = set()  # places only a part's: "1.28 million nationwide, including 81,000 in Paris"
        resolved: dict[int, str | None] = {}  # measure of each quantity once its state is known, for ellipsis
        places_of: dict[int, list[str]] = {}
        taken = {x.head_start for x in qs if x.head_start is not None}  # counted nouns that belong to a number
        # "146,000 of 492,000 civil servants took part": the first counts the noun and takes its state; the second
        # is the whole they are part of, which did nothing
        wholes = {
            id(whole): q
            for q, whole in pairwise(qs)
            if q.measure is None
            and q.unit == whole.unit
            and whole.measure
            and PART_OF.fullmatch(text, q.end, whole.start)
        }
        parts = {id(part): whole for whole in qs if (part := wholes.get(id(whole)))}
        for k, q in enumerate(qs):
            previous = qs[k - 1] if k else None
            whole = parts.get(id(q))
            part = False
            if whole is not None:
                measure, measure_mention = whole.measure, None
                measure, state = _state(text, whole, ctx, measure, lexicon)
                measure_text = whole.measure_text
                measure = _at_event(text, q, measure, incidents, discourse, lexicon)
                part = measure == whole.measure  # "300 of the 2,000 migrants": some of them, unless a state says what
            elif id(q) in wholes:
                measure, measure_text, measure_mention, state = q.measure, q.measure_text, None, None
            else:
                measure, measure_text, measure_mention = _measure(text, q, ctx, previous, taken, lexicon, resolved)
                part_of_previous = previous is not None and included(text, q, previous, s_start)
                whole_measure = resolved.get(id(previous))
                if (
                    part_of_previous
                    and measure in PERSON_MEASURES
                    and whole_measure in lexicon.states.measures.values()
                ):
                    # "killed 11 people, including 4 children": the part is of the whole's count, dead as they are
                    measure, state = whole_measure, None
                else:
                    measure, state = _state(text, q, ctx, measure, lexicon, measure_mention)
                    measure = _at_event(text, q, measure, incidents, discourse, lexicon)
            if (
                measure is None
                and measure_text is None
                and q.unit == discourse.unit
                and discourse.measure
                and _elided(text, q)
            ):
                # "Police counted 12,000 marchers. In Lyon they counted 4,000.": the counted noun carries
                measure, measure_text = discourse.measure, discourse.measure_text
            if measure == "volume" and discourse.measure == "flow_rate" and q.unit in VOLUME_UNITS:
                # "BP put the flow at 5,000 barrels a day. The earliest figure, 1,000 barrels, ...": still a flow
                measure, q.unit = "flow_rate", f"{q.unit}/d"
            if measure in (None, "volume") and q.unit in VOLUME_UNITS:
                # "the daily spillage could be ... 25,000 barrels", "pegged the flow at 12,000 barrels": a volume in
                # a sentence about a rate is a rate; so is one in a paragraph about rates ("The new flow numbers ...
                # The earliest figure, 1,000 barrels"), unless its sentence speaks of a total
                rate = RATE_WORDS.search(text, s_start, s_end) or RATE_WORDS.search(text, paragraph_start, s_start)
                measure = "flow_rate" if rate and not TOTAL_WORDS.search(text, s_start, s_end) else "volume"
                if measure == "flow_rate":
                    q.unit = f"{q.unit}/d"
            resolved[id(q)] = measure
            subject, subject_text, incident = _subject_or_event(
                text, q, ctx, measure, measure_mention, incidents, discourse, lexicon
            )
            owned = bool(_subject_types(measure, lexicon))
            if subject is None and (owned or measure not in lexicon.events.measures):
                # "the group", "they": an entity of the sentences before; a toll or a crowd is an event's (below),
                # unless entities own such counts too ("the group held 110,000 square kilometers")
                subject, subject_text = _anaphora(text, ctx, measure, lexicon, context, i)
            if subject is None and incident is None:
                # "420,000 used the Metro yesterday, which compares to 317,000 for Obama's inaugural": not the
                # event the number is compared with
                compared = {
                    x.id for x in incidents if COMPARISON.search(text, min(x.end, q.end), max(x.start, q.start))
                }
                incident = _discourse_event(text, q, measure, discourse, lexicon, compared)
                if incident is not None:
                    subject, subject_text = incident.id, incident.text
                else:  # no event anywhere: whose people they are, as for any count
                    subject, subject_text = _subject(text, q, ctx, measure, measure_mention, lexicon)
            measure = _armed_men(text, q, measure, measure_text, subject, lexicon)
            story = incidents or discourse.recent or [x for x in [discourse.incidents.first] if x]
            if measure == "ratio" and incident is None:
                # "three times as many people as Trump's inauguration", "11 times the total leaked from the Exxon
                # Valdez disaster": a multiple is of the story's event, not of what it is set against after it
                before = [x for x in incidents if x.end <= q.start]
                story = before or discourse.recent or [x for x in [discourse.incidents.first] if x]
                subject = None if story else subject
            if subject is None and measure in (None, "ratio") and story:
                # "That means almost 97 percent arrived by sea", "five times as big": a share, a ratio or a bare
                # figure in a paragraph about an event is about that event, else about the story's event
                incident = story[-1]
                subject, subject_text = incident.id, incident.text
            location, location_text = owners.get(id(q), ([], None))
            if (
                not location
                and previous
                and (ELLIPSIS.match(text, previous.end, q.start) or resolved.get(id(previous)) == measure)
            ):
                # "1,410 people had been killed in Gaza and 6,268 wounded"; "1,000 barrels a day were leaking into
                # the Gulf, an estimate later raised to 5,000 barrels a day": the same count, the same place
                location = places_of.get(id(previous), [])
            if not location and ctx.subject_places:
                location, location_text = ctx.subject_places[0][2], ctx.subject_places[0][3]
            if not location and measure in lexicon.events.people.values():
                # "2 million UK workers joined the strike": a turnout is where its people are (refugees are not:
                # "Syrian refugees" in Lebanon)
                own = _own_entity(text, q, ctx)
                if own is not None and own.id in lexicon.countries:
                    location, location_text = [own.id], own.text
            if not location and incident is not None and incident.places:
                location = list(incident.places)  # "the 2010 Haiti earthquake": where its words put it
            if not location:
                location = discourse.places
            # an earthquake's toll or a strike's turnout is the country's: "in Les Cayes" is in Haiti
            national = incident is not None and incident.kind in lexicon.events.national
            if not location and attribution:
                # "according to the Butte County Sheriff's Office", "Nepal's home ministry said": the agency's place
                location = speaker_places(attribution, lexicon)
                abroad = not set(countries_of(location)) & set(countries_of(dateline))
                if national and dateline and abroad:
                    location = []  # "PORT-AU-PRINCE, Haiti (AP) - a report commissioned by the U.S. government ..."
                if subject in lexicon.countries and subject not in countries_of(location):
                    location = []  # "300,000 Russian troops, according to U.S. officials": another country's count
            if not location and incident is not None:
                location = discourse.event_location(incident)  # an event happens somewhere
            elif location and incident is not None:
                discourse.event_places.setdefault(incident.id, location)
            location = discourse.with_containers(location)
            countries = countries_of(location) if national else []
            # "the South Asian nation of Nepal": a name no gazetteer knows is no country beside one it knows
            countries = [c for c in countries if c in lexicon.countries] or countries
            if national and not set(countries) & lexicon.countries:
                # "in the coastal province of Manabi": a place no gazetteer knows lies in the story's country; a
                # turnout no sentence places is in the one country the article names ("UK workers ... 2 million")
                story = discourse.event_location(incident)
                countries = [c for c in countries_of(story) if c in lexicon.countries] or countries
                countries = countries or ([article_country] if article_country else [])
            location = list(dict.fromkeys([*location, *countries]))
            places_of[id(q)] = location
            if measure and measure not in ("duration", "ratio"):  # "in less than four weeks" counts no one
                discourse.measure, discourse.measure_text, discourse.unit = measure, measure_text, q.unit
            # "killed in the January 2011 earthquake": a date that names the event is not the time of its toll
            own_dates = ds if measure in DATED_BY_EVENT else [d for d in ds if not _dates_event(text, d, ctx.incidents)]
            as_of = as_of_claim(text, q, ctx, own_dates, cited.day if cited else source.published)
            present = bool(PRESENT.search(text, s_start, s_end))
            named_here = incident in incidents  # "Unlike the 2004 tsunami, which killed ..., Friday's waves"
            if (
                incident is not None
                and incident.year
                and as_of.scope not in ("peak", "past")
                and (named_here or as_of.scope != "explicit")  # "In January 2011, the 316,000 number was ..."
            ):
                # "the 1989 spill dumped ...": a settled figure of an event years past holds for its year; a recent
                # event's toll holds as of the report ("the 2010 quake killed 316,000", reported in 2011), and so
                # does an undated article's present ("the official toll of the 2010 quake is 316,000")
                if source.published is None:
                    historic = not present
                else:
                    historic = incident.year < source.published.year - HISTORY_YEARS
                if historic:
                    as_of = AsOf(
                        start=date(incident.year, 1, 1),
                        end=date(incident.year, 12, 31),
                        scope="explicit",
                        text=str(incident.year),
                    )
            past_tense = as_of.scope == "current" and not present
            # "regional officials said on Tuesday. A further 19 remain missing": now is the day of the statement
            # (a sentence with a speaker of its own is another statement, made now)
            said_then = (
                as_of.scope == "current"
                and stated_attribution is None
                and (
                    discourse.time_said
                    # "burned 31,000 hectares this week ... Some 1,600 homes have been destroyed": within the week still
                    or (discourse.time is not None and so_far(discourse.time, source.published))
                )
            )
            if as_of.scope == "unknown" or past_tense or said_then:
                # "police counted 81,000 on Tuesday, while the CGT said 700,000 had marched": an earlier clause's
                # date (in a dated article's past-tense sentence), else the paragraph's time
                earlier = carried(
                    [
                        d
                        for d in own_dates
                        if d.end <= q.start
                        and CLAUSE_BREAK.search(text, d.end, q.start)  # another clause's: not "the quake that hit on X"
                        and not TIME_MOVES_ON.search(text, d.end, q.start)
                    ]
                )
                as_of = context_time(earlier[-1]) if earlier and past_tense else discourse.as_of(present) or as_of
            later = (
                [d for d in carried(own_dates) if d.start >= q.end and d.end_date] if as_of.scope == "current" else []
            )
            if (
                later
                and later[0].end_date < as_of.start
                and (past_tense or (as_of.start - later[0].end_date).days > LONG_AGO_DAYS)
                and not discourse.as_of()
            ):
                # "The unions claim two million workers went on strike but the Government argues only a quarter
                # stayed away on 30th November 2011": a count told with no date of its own, in a sentence about a
                # day gone by, is of that day
                as_of = context_time(later[0])
            if as_of.scope in ("current", "unknown", "context") and (that := THAT_PERIOD.search(text, s_start, s_end)):
                # "By the end of 2023, the camp housed 280,000 ... Some 60,000 had arrived that year"
                as_of = discourse.that_period(that.group(1).lower(), that.group()) or as_of
            if as_of.scope == "past":
                discourse.past = as_of  # "A team then pegged the flow at ...": the retelling goes on in the past
            mood = modality(text, ctx, q)
            restated = discourse.projection is not None and RESTATED_PROJECTION.search(
                text, max(s_start, q.start - RESTATED_REACH), q.start
            )
            if restated:
                # "1.4 million people could be infected by January 20 ... The top range of the estimate, 1.4 million,
                # assumes ...": the projection told again, for the time it was made for
                mood, as_of = "planned", discourse.projection
            elif mood == "planned":
                as_of = target_date(q, own_dates, source.published) or as_of
                discourse.projection = as_of
            else:
                as_of = discourse.running(measure, location, as_of)
            began = discourse.event_days.get(incident.id) if incident is not None else None
            if measure in DATED_BY_EVENT and began and began[0] == began[1] and as_of.scope in UNSTATED:
                # "Workers were expected to strike on Wednesday. As many as 2 million took part": a turnout is
                # of its occasion's day
                as_of = AsOf(start=began[0], end=began[1], scope="context")
            if (
                incident is not None
                and incident.id in discourse.event_days
                and incident.kind not in lexicon.events.goes_on
            ):
                as_of = as_of.model_copy(update={"event": discourse.event_days[incident.id][0]})
            owner = figure_owner(text, s_start, q.start)  # "the Haitian government's official toll of 316,000"
            if owner is None and stated_attribution and location_text and lexicon.is_place(stated_attribution):
                # "Spain reported 3,592 arrivals and Malta 105": the second place reported the second number
                before = text[max(0, q.start - len(location_text) - PLACE_LABEL_GAP) : q.start]
                if location_text != stated_attribution and before.rstrip(" :").endswith(location_text):
                    owner = location_text
            said_by = owner or attached.get(id(q)) or clause_speaker(text, clauses, q, lexicon) or attribution
            claims.append(
                _claim(
                    source,
                    q.start,
                    q.end,
                    sentence,
                    kind="quantity",
                    subject=subject,
                    subject_text=subject_text,
                    measure=measure,
                    measure_text=_with_state(measure_text, state),
                    facet=(
                        "part"
                        if part or in_sectors(text, s_start, q)
                        else "multiple"
                        if multiple_of(text, q, previous, resolved.get(id(previous)) if previous else None)
                        else facet(text, q)
                    )
                    or population(text, q, measure, measure_text or q.measure_text, lexicon, said_by),
                    subject_type=_subject_type(subject, incident, lexicon),
                    location=location,
                    location_text=location_text,
                    countries=countries,
                    value=Interval(low=_low(q), high=_high(q), qualifier=q.qualifier)
                    if q.low is not None or q.high is not None
                    else None,
                    unit=q.unit,
                    as_of=as_of,
                    attribution=said_by,
                    modality=mood,
                    derivation=q.derivation,
                )
            )
            if claims[-1].facet == "part" and id(q) in owners:
                part_places.update(owners[id(q)][0])
        for d in ds:
            event, event_key = describe_event(text, (s_start, s_end), d)
            places = [p for p in ctx.places]
            location = sorted({i for p in places for i in p[2]})
            subject = _nearest_entity_before(text, ctx, d.start, None, lexicon)
            claims.append(
                _claim(
                    source,
                    d.start,
                    d.end,
                    sentence,
                    kind="date",
                    subject=subject.id if subject else None,
                    subject_text=subject.text if subject else None,
                    location=location,
                    as_of=AsOf(
                        start=d.start_date,
                        end=d.end_date,
                        scope="explicit" if d.start_date else "unknown",
                        text=source.text[d.start : d.end],
                    ),
                    granularity=d.granularity,
                    event=event,
                    event_key=event_key,
                    attribution=attribution,
                    modality=date_modality(text, s_start, d.start),
                )
            )
        discourse.remember(
            [p for p in _sentence_places(ctx) if p not in part_places],  # the next sentence's are the whole's
            ds,
            stated_attribution,
            incidents,
            dates_story=i == 0 or bool(qs or incidents),
            said=said,
            of_event=of_event,
        )
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _claim(source: Source, start: int, end: int, sentence: str, **fields) -> Claim:
    """A claim on the words of ``source`` from ``start`` to ``end``, with what its context says of them."""
    return Claim(
        id=Claim.make_id(source.name, start, end),
        source=source.name,
        start=start,
        end=end,
        text=source.text[start:end],
        sentence=sentence,
        **fields,
    )


def _subject_or_event(
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
    own = _own_entity(text, q, ctx)
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
                return incident.id, incident.text, incident
        if not _subject_types(measure, lexicon):
            return None, None, None  # no entity owns a toll: the paragraph's event will
    if own is not None:
        return own.id, own.text, None
    subject, subject_text = _subject(text, q, ctx, measure, measure_mention, lexicon)
    return subject, subject_text, None


# A date right after an event's words that dates it: "inauguration in 2009", "the Camp Fire of November 2018".
EVENT_DATE_AFTER = re.compile(r"(?i)(?:in|of|on)\s")
# A relative clause after an event's words, up to a date, no number in it: "the earthquake that struck Nepal (on April
# 25)", "the earthquake that struck southern Turkey and northern Syria (on Monday)".
EVENT_CLAUSE = re.compile(
    r"\s+(?:(?:that|which)\s+(?:[A-Za-z'-]+\s+){1,8}|(?:struck|hit|erupted|broke\s+out)\s+(?:[A-Za-z'-]+\s+){0,4})"
)


def _dates_event(text: str, d: DateMention, incidents: list[Incident]) -> bool:
    """Whether a date dates an event, not a count: "the January 2011 earthquake", "the earthquake that struck Nepal
    on April 25 (killed 7,500)"."""
    before_event = (0 <= x.start - d.end <= DATE_OF_EVENT_REACH for x in incidents)
    in_its_clause = (x.end <= d.start and EVENT_CLAUSE.fullmatch(text, x.end, d.start) for x in incidents)
    return any(before_event) or any(in_its_clause)


def _of_event(text: str, d: DateMention, incidents: list[Incident]) -> bool:
    """Whether a date is an event's, to be no time for the sentences after it: as ``_dates_event``, or right after
    the event's words ("Barack Obama's inauguration in 2009"; in its own clause, "a second quake on May 12 killed
    153" may still date the count)."""
    after_event = (0 <= d.start - x.end <= 1 and EVENT_DATE_AFTER.match(d.text) for x in incidents)
    return _dates_event(text, d, incidents) or any(after_event)


def _discourse_event(
    text: str, q: Quantity, measure: str | None, discourse: Discourse, lexicon: Lexicon, avoid: set[str]
) -> Incident | None:
    """A toll, a crowd or a flow whose sentence names no event (or only events in ``avoid``): the paragraph's event,
    else the article's, else the one its count implies ("1 million migrants arrived": migration)."""
    events = lexicon.events
    if measure not in events.measures:
        return None
    found = discourse.event(lambda kind: events.fits(measure, kind), avoid)
    if found is not None:
        return found
    kind = events.implied.get(measure or "")
    if kind is None:
        return None
    implied = discourse.incidents.resolve(Incident(q.start, q.end, kind, kind, kind, False))
    discourse.recent.append(implied)  # "Another 3,735 people died": the same migration
    return implied


def _subject_type(subject: str | None, incident: Incident | None, lexicon: Lexicon) -> str | None:
    if subject is None:
        return None
    if incident is None or incident.id != subject:
        return "entity"
    if incident.id == incident.kind:
        return "event"  # "Inauguration Day" names no one event
    if incident.kind in lexicon.events.per_place:
        return "named_series"  # "the Women's March" marched in 650 cities, one march in each
    return "named_event"  # "the Camp Fire" pins its place


def _at_event(
    text: str, q: Quantity, measure: str | None, incidents: list[Incident], discourse: Discourse, lexicon: Lexicon
) -> str | None:
    """People counted at an event are what the event makes them: a crowd at a march, strikers in a strike; so is
    a bare number an event drew ("the protest drew 1 million", "was attended by 1.8 million")."""
    # the measure its noun gave, when that noun is any people's ("members"), not one a state gave ("detained")
    generic = measure == q.measure and head_noun(q.measure_text) in GENERIC_PEOPLE
    if measure not in (None, "people", "crowd", "strikers") and not generic:
        return measure  # but "400,000 of its members" at a strike are strikers, not an armed group's
    drawn = measure is None and DRAWN_BY.search(text, max(0, q.start - DRAWN_REACH), q.start)
    people = lexicon.events.people
    # the sentence's event, the paragraph's, else the article's ("Workers went on strike on Wednesday. ¶ As many as
    # 2 million took part")
    article = (*reversed(discourse.incidents.named.values()), discourse.incidents.first)
    for incident in (*reversed(incidents), *reversed(discourse.recent), *article):
        if incident is not None and incident.kind in people:
            return people[incident.kind] if measure is not None or drawn else None
    return measure


# What an event does to the people it gathers: "drew 1 million", "was attended by 1.8 million".
DRAWN_BY = re.compile(
    r"(?i)\b(?:drew|draws|drawing|attracted|attracts|brought out|pulled in|attended by|joined by|swelled to)\s+$"
)


def _elided(text: str, q: Quantity) -> bool:
    """A bare number whose counted noun is left out: "and 4,000 in Lyon", "400,000 of them", "another 2,500"."""
    if re.search(r"(?i)\bby\s$", text[max(0, q.start - BY_REACH) : q.start]):
        return False  # "multiplies figures by 1.5", "rose by 300": a factor or a change, not the same count again
    after = text[q.end : q.end + ELIDED_REACH]
    own = OWN_PREDICATE.match(after)
    if own and own.group(1).lower() not in NEUTRAL_PARTICIPLES:
        return False  # "2,503 are accounted for" after a count of the missing: a state of their own, not theirs
    return not re.match(r"\s?[A-Za-z]", after) or bool(NOT_A_NOUN_AFTER.match(after)) or bool(PART_AFTER.match(after))


def _named_countries(ctx: SentenceContext, lexicon: Lexicon) -> set[str]:
    """The countries a sentence names: by its places ("in Paris" is in France, "Haiti's government") and its
    countries' adjectives ("UK workers", "Nepalese police")."""
    places = [place for group in (*ctx.places, *ctx.subject_places) for place in group[2]] + ctx.mentioned
    found = {c for c in _countries(places, lexicon) if c in lexicon.countries}
    return found | {e.id for e in ctx.entities if e.id in lexicon.countries}


def _countries(places: list[str], lexicon: Lexicon, within: dict[str, str] | None = None) -> list[str]:
    """The countries of ``places`` (a city or province by what the article says it lies ``within``, else by the
    gazetteer's parent; a place with none is kept)."""
    return list(dict.fromkeys((ancestors(place, lexicon.place_parents, within) or [place])[-1] for place in places))


def _sentence_places(ctx: SentenceContext) -> list[str]:
    """The places a sentence states, locative or as its subject, for the sentences after it."""
    return sorted(
        {
            pid
            for group in (*ctx.places, *ctx.subject_places)
            for pid in group[2]
            if pid != THE_CAPITAL and not pid.startswith(THE_PLACES)
        }
    )


def _place_references(ctx: SentenceContext, named: list[str], lexicon: Lexicon) -> None:
    """Put the places a sentence's "the two countries" stands for: the last two countries the article has named (of
    the places, for "both cities"), or drop the reference if it has named fewer."""

    def meant(pid: str) -> list[str]:
        if not pid.startswith(THE_PLACES):
            return [pid]
        _, kind, count = pid.split(":")
        fitting = [p for p in reversed(named) if (p in lexicon.countries) == (kind == "countries")]
        last = list(dict.fromkeys(fitting))[: int(count)]
        return sorted(last) if len(last) == int(count) else []

    def placed(groups):
        ids = [[x for pid in g[2] for x in meant(pid)] for g in groups]
        return [(g[0], g[1], i, g[3]) for g, i in zip(groups, ids, strict=True) if i]

    ctx.places, ctx.subject_places = placed(ctx.places), placed(ctx.subject_places)


def _overlaps(m: Mention, others: list[Mention]) -> bool:
    return any(o.start < m.end and m.start < o.end for o in others)


def _place_capital(ctx: SentenceContext, countries: list[str], lexicon: Lexicon) -> None:
    """Put the capital of the country in force (the first of ``countries`` the gazetteer knows a capital of) for a
    sentence's "the capital", or drop the reference if there is none."""
    capital = next((lexicon.capitals[c] for c in countries if c in lexicon.capitals), None)

    def placed(groups):
        ids = [
            [capital if pid == THE_CAPITAL else pid for pid in g[2] if capital or pid != THE_CAPITAL] for g in groups
        ]
        return [(g[0], g[1], i, g[3]) for g, i in zip(groups, ids, strict=True) if i]

    ctx.places, ctx.subject_places = placed(ctx.places), placed(ctx.subject_places)


def _low(q: Quantity) -> float | None:
    return q.low if q.qualifier not in ("less_than", "at_most") else None


def _high(q: Quantity) -> float | None:
    return q.high if q.qualifier not in ("more_than", "at_least") else None


def _told_before(d: DateMention, dates: list[DateMention]) -> DateMention | None:
    """The last point or span a sentence states before ``d``."""
    return next((o for o in reversed(carried(dates)) if o.end <= d.start), None)


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _anniversary(
    d: DateMention, mentions: list[Incident], incidents: list[Incident], discourse: Discourse
) -> DateMention:
    """An anniversary placed as many years after the day its event began ("the first anniversary of the quake", or
    of the event in force), if the article tells when that was; any other date as it is."""
    years = anniversary_years(d.text) if d.start_date is None else None
    if years is None:
        return d
    named = [x for m, x in zip(mentions, incidents, strict=True) if 0 <= m.start - d.end <= ANNIVERSARY_OF_REACH]
    event = named[0] if named else discourse.event(lambda kind: True)
    began = discourse.event_days.get(event.id) if event is not None else None
    if began is None:
        return d
    first, last = (day + relativedelta(years=years) for day in began)
    return replace(d, start_date=first, end_date=last, granularity="day" if first == last else "year")


def _latest_year_told(
    text: str,
    sentences: list[tuple[int, int]],
    date_by_sentence: dict[int, list[DateMention]],
    context: Callable[[int], SentenceContext],
) -> int | None:
    """The latest year an article tells of as past or present: an undated article was written no earlier. Not a
    year it plans for ("will end by 2030"), nor an event's ("the Exxon Valdez disaster in 1989"), which may lie
    long before the story."""
    years = [
        d.end_date.year
        for i, ds in date_by_sentence.items()
        if not DATE_PLANNED.search(text, *sentences[i])
        for d in ds
        if d.end_date is not None and d.role in TOLD_ROLES and not _of_event(text, d, context(i).incidents)
    ]
    return max(years, default=None)


def _context(
    text: str, span: tuple[int, int], lexicon: Lexicon, date_spans: list[tuple[int, int]], counts: bool = True
) -> SentenceContext:
    """What a sentence holds; without ``counts`` (a sentence with no number, before one with none) its counted nouns
    are not looked up, since only its places, speaker, time and events carry to later sentences."""
    start, end = span
    tokens = tokenize(text, start, end)
    entities = lexicon.entities.find_in(text, tokens)
    for m in BACKED.finditer(text, start, end):
        sponsor = lexicon.entities.find(m.group(1))
        sponsor_id = sponsor[0].id if sponsor else m.group(1).lower()
        entities.append(Mention(m.start(), m.end(), f"{sponsor_id}_backed", m.group()))
    # A "-backed" group wins over the sponsor's own name inside it ("Iran" in "Iran-backed").
    backed = [e for e in entities if e.id.endswith("_backed")]
    entities = [e for e in entities if e.id.endswith("_backed") or not any(b.start <= e.start < b.end for b in backed)]
    entities.sort(key=lambda e: e.start)
    known = [
        m
        for m in lexicon.places.find_in(text, tokens)
        if not inside_longer_name(text, start, m) and not frames_a_record(text, m.end)
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
    capitals = [m for m in capital_mentions(text, start, end, entities, lexicon) if not _overlaps(m, known)]
    capitals += [m for m in places_references(text, start, end) if not _overlaps(m, known)]
    if capitals:  # "the Haitian capital": a place, not Haiti as an owner
        entities = [e for e in entities if not _overlaps(e, capitals)]
        known = sorted([*known, *capitals], key=lambda m: m.start)
    places, subject_places, within = place_groups(text, with_unknown_places(text, start, end, known, entities, lexicon))
    inside_entity = {i for e in entities for i in range(e.start, e.end)}
    measures = (
        [m for m in lexicon.measure_words.find_in(text, tokens) if m.start not in inside_entity] if counts else []
    )
    peak = PEAK.search(text, start, end)
    past_opening = PAST_OPENING.match(text, start, end)
    anaphor = ANAPHORA.search(text, start, end)
    found_places = [Mention(g[0], g[1], g[2][0], g[3]) for g in (*places, *subject_places)]
    # "the 2010 Haiti earthquake": a place in an event's words says where it is, locative or not
    found_places += [m for m in known if not any(f.start <= m.start < f.end for f in found_places)]
    # names of agencies ("Cal Fire") and dates ("in March") are not events
    blocked = date_spans + [(e.start, e.end) for e in entities]
    countries = [e for e in entities if lexicon.entity_types.get(e.id) == "country"]
    incidents = find_incidents(text, tokens, lexicon.events, found_places, blocked, countries)
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


# A projection named again before its figure: "The top range of the estimate, 1.4 million", "the forecast's 9,000".
RESTATED_PROJECTION = re.compile(
    r"(?i)\b(?:(?:top|upper|lower|bottom|high|low)\s+(?:end|range|bound)\s+of\s+)?(?:the|this|that|its)\s+"
    r"(?:estimate|projection|forecast|prediction|model)(?:'s)?,?\s+(?:of\s+)?$"
)
RESTATED_REACH = 60  # "The top range of the estimate, " before the figure
# A period named by the time before: "that year", "the same month".
THAT_PERIOD = re.compile(r"(?i)\b(?:that|the same)\s+(year|month|day)\b")
# A figure set against the one before: "which compares to 317,000", "compared with 1,200".
COMPARED_TO = re.compile(r"(?i)\b(?:compares?|compared|as against)\s+(?:to|with)?\s*$")
COMPARED_REACH = 20  # "which compares to " before the number
# A number standing on its own, not in a hyphenated compound ("7.8-magnitude", "36,807-acre").
STANDALONE_NUMBER = re.compile(r"\d[\d.,]*(?![\d.,]*-)")
# Between a counted noun and its number: " of ", " of about " ("a crowd of 500,000", "fire personnel of 1,065").
NOUN_OF_NUMBER = re.compile(r"(?i)\s+of\s+(?:about\s+|some\s+|nearly\s+|almost\s+|more than\s+|at least\s+)?")
# A locative preposition before a noun: "in government-held areas", "across the affected regions".
IN_PLACE_BEFORE = re.compile(r"(?i)\b(?:in|across|inside|within|throughout)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
IN_PLACE_REACH = 40  # "in the rebel-held northern " before the noun
# Between a toll's noun and the event it is of: "the death toll from Saturday's", "the toll of the".
TOLL_OF = re.compile(r"(?i)\s+(?:from|of|in)\s+[^,;.\d]{0,40}$")
# "the number of", "the total of": the noun after it is what a later figure counts.
NUMBER_OF_BEFORE = re.compile(r"(?i)\b(?:number|total|count|tally)\s+of\s+(?:the\s+)?$")


def _measure(
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
    if q.measure == "people" and head_noun(q.measure_text) in ("people", "person"):
        nouns = lexicon.measure_nouns.find(text, ctx.start, q.start)
        # no other number between ("the death toll for the 7.8-magnitude earthquake has exceeded 5,000 people": a
        # number in a compound is no count)
        if nouns and not STANDALONE_NUMBER.search(text, nouns[-1].end, q.num_start):
            # "the death toll from the quake has exceeded 5,000 people", "put the crowd at 500,000 people": the
            # noun the number is the value of says what the people are
            return nouns[-1].id, nouns[-1].text, None
    if q.measure:
        return q.measure, q.measure_text, None
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
    if re.match(r"\s?[A-Za-z]", after) and not NOT_A_NOUN_AFTER.match(text, q.end, q.end + NOT_A_NOUN_REACH):
        return None, None, None  # a noun follows that no alias file names
    compared = COMPARED_TO.search(text, max(ctx.start, q.start - COMPARED_REACH), q.start)
    if previous and resolved.get(id(previous)) and (ELLIPSIS.match(text, previous.end, q.start) or compared):
        # "900 troops in Syria and 2,500 in Iraq": the second number counts the same thing
        return resolved[id(previous)], previous.measure_text, None
    earlier = [
        m
        for m in ctx.measures
        if m.end <= q.start
        and m.start not in taken
        # a word that names only its own number names it before "of": "Total fire personnel of 1,065"
        and (lexicon.measures[m.id].carries or NOUN_OF_NUMBER.fullmatch(text, m.end, q.num_start) is not None)
        # "put the toll in government-held areas at 1,347": a noun after "in" says where, not what is counted
        and not IN_PLACE_BEFORE.search(text, max(ctx.start, m.start - IN_PLACE_REACH), m.start)
    ]
    counted = [m for m in earlier if NUMBER_OF_BEFORE.search(text, max(0, m.start - NUMBER_OF_REACH), m.start)]
    if counted:
        # "put the number of workers who joined the strike at 1.5 million": what "the number of" names
        return counted[-1].id, counted[-1].text, counted[-1]
    nouns = lexicon.measure_nouns.find(text, ctx.start, q.start)
    if earlier:
        if nouns and TOLL_OF.match(text, nouns[-1].end, earlier[-1].start):
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


# Between a part and its whole: "146,000 of 492,000 civil servants", "14 of the 800 Jobcentres".
PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?")

# Characters between a place and the number it owns: "Malta 105", "Chicago: 250,000".
PLACE_LABEL_GAP = 3
# A day this long before the report is gone by: a sentence about it does not speak of the present.
LONG_AGO_DAYS = 365
# An event this many years before the report is history: its figures hold for its year, not as of the report.
HISTORY_YEARS = 1
# Measures of people that what happened to them can turn into another: "45 soldiers were killed" counts deaths.
PERSON_MEASURES = frozenset({None, "people", "civilians", "troops", "fighters", "refugees", "countries", "crowd"})
# The people an armed force counts: "1,500 men", "60,000 men under arms" (whatever owns them).
ARMED_MEN = frozenset({"men"})
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
    "crowd": frozenset({None, "people", "civilians"}),
    "strikers": frozenset({None, "people"}),
}


def _state(
    text: str, q: Quantity, ctx: SentenceContext, measure: str | None, lexicon: Lexicon, mention: Mention | None = None
) -> tuple[str | None, str | None]:
    """The measure a state gives counted people, and the state's words when it gave one: "12 people died",
    "killed 26 civilians", "14 were detained", "the number of people arriving ... had topped a million"."""
    states = lexicon.states
    if q.measure is None and head_noun(q.measure_text) in ORGANISATIONS:
        return measure, None  # "30 public-sector unions protested plans": bodies, not a crowd of people
    after = states.after.match(text, q.end, min(ctx.end, q.end + STATE_AFTER_REACH))
    if after and q.measure is None and q.unit is None:
        # a bare number's own verb beats the measure it borrowed: "1,000 health workers, of whom about 500 have died"
        return states.measures[after.group(1).lower()], after.group(1)
    if measure not in PERSON_MEASURES or q.unit not in (None, "percent"):
        return measure, None  # a share of people takes their state: "30 percent of teachers went on strike"
    if not after and mention is not None and mention.end <= q.start:
        after = states.after.match(text, mention.end, min(q.start, mention.end + STATE_AFTER_REACH))
    before = states.before.search(text, max(ctx.start, q.start - STATE_BEFORE_REACH), q.start)
    found = after or before
    if not found:
        ride = TRANSIT_USE.match(text, q.end, min(ctx.end, q.end + STATE_AFTER_REACH))
        return ("trips", ride.group().strip()) if ride and measure in (None, "people") else (measure, None)
    state = states.measures[found.group(1).lower()]
    return (state, found.group(1)) if measure in DOINGS.get(state, PERSON_MEASURES) else (measure, None)


def _armed_men(
    text: str, q: Quantity, measure: str | None, measure_text: str | None, subject: str | None, lexicon: Lexicon
) -> str | None:
    """Men of an armed force are its fighters or troops: "the group had about 1,500 men", "60,000 men under arms"."""
    if measure != "people" or head_noun(measure_text) not in ARMED_MEN:
        return measure
    kind = lexicon.entity_types.get(subject or "")
    if kind in ("military", "country", "alliance"):
        return "troops"
    if kind in ("group", "militia") or UNDER_ARMS.match(text, q.end):
        return "fighters"
    return measure


def _with_state(measure_text: str | None, state: str | None) -> str | None:
    """What is counted, in the text's words: "people" who "were injured" are "people injured"."""
    if state is None:
        return measure_text
    return f"{measure_text} {state}" if measure_text else state


def _own_entity(text: str, q: Quantity, ctx: SentenceContext) -> Mention | None:
    """An entity in the counted noun phrase ("2,500 U.S. troops") or owning it ("Syria's 600,000")."""
    head = q.head_start if q.head_start is not None else q.end
    inside = [e for e in ctx.entities if q.num_end <= e.start < head]
    if inside:
        return inside[-1]
    possessive = [
        e for e in ctx.entities if 0 <= q.start - e.end <= POSSESSIVE_REACH and text[e.end : q.start].startswith("'")
    ]
    return possessive[-1] if possessive else None


def _subject_types(measure: str | None, lexicon: Lexicon) -> list[str]:
    """The entity types ``measures.yaml`` lets own a count of ``measure`` ("troops": a country, an alliance)."""
    return lexicon.measures[measure].subjects if measure in lexicon.measures else []


def _entity_type(e: Mention, lexicon: Lexicon) -> str:
    """An entity's type by the alias files; a "-backed" force ("Iran-backed militias") is an armed group."""
    return lexicon.entity_types.get(e.id, "group" if e.id.endswith("_backed") else "other")


def _subject(
    text: str, q: Quantity, ctx: SentenceContext, measure: str | None, measure_mention: Mention | None, lexicon: Lexicon
):
    """Whose count it is: a modifier of the counted noun, else the nearest fitting entity before it."""
    own = _own_entity(text, q, ctx)
    if own is not None:
        return own.id, own.text
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
    types = _subject_types(measure, lexicon)
    opening = _opening_entity(text, ctx, anchor, types, lexicon)
    found = opening or _nearest_entity_before(text, ctx, anchor, types, lexicon)
    unowned = not types and not _subject_types(q.measure, lexicon)  # "civilians" killed; not "service members" hurt
    if found and (measure in (None, "people") or unowned) and SPEAKS_AFTER.match(text, found.end):
        # "the United Nations said 8 million people were affected", "the UN has verified the deaths of 10,000": the
        # voice, not the owner (but "the Pentagon said 34 service members were hurt" are its own)
        return None, None
    return (found.id, found.text) if found else (None, None)


# An entity followed by its reporting verb is the speaker of what follows: "the United Nations said", "UNHCR has
# estimated".
SPEAKS_AFTER = re.compile(rf"\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:{REPORT})\b")


def _opening_entity(text: str, ctx: SentenceContext, pos: int, types: list[str], lexicon: Lexicon) -> Mention | None:
    """The entity the clause opens with is its grammatical subject: "Turkey has roughly 3,000 troops in Iraq"."""
    clause_start = max([_after_dateline(text, ctx), *(m.end() for m in CLAUSE_START.finditer(text, ctx.start, pos))])
    for e in ctx.entities:
        if (
            clause_start <= e.start < pos
            and e.start - clause_start <= OPENING_REACH
            and not text[clause_start : e.start].strip(' "').endswith(("in", "of", "against"))
        ):
            if not types or _entity_type(e, lexicon) in types:
                return e
            return None
    return None


def _after_dateline(text: str, ctx: SentenceContext) -> int:
    """Where a sentence's own words begin, past a dateline ("KYIV, Ukraine (AP) — ")."""
    dateline = DATELINE_LEAD.match(text[ctx.start : ctx.end])
    return ctx.start + (dateline.end() if dateline else 0)


def _nearest_entity_before(
    text: str, ctx: SentenceContext, pos: int, types: list[str] | None, lexicon: Lexicon, opposed: bool = False
) -> Mention | None:
    """The last entity before ``pos`` of one of ``types``; ``opposed`` admits ones after "against"."""
    place_spans = [(p[0], p[1]) for p in ctx.places]  # only locative places: "Turkey has ..." may own troops
    opening = _after_dateline(text, ctx)
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
        if types and _entity_type(e, lexicon) not in types:
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


def _anaphora(text: str, ctx: SentenceContext, measure, lexicon: Lexicon, context, i: int):
    """ "the group controlled ...": the last fitting entity of the three sentences before."""
    anaphor = ctx.anaphor
    if not anaphor:
        return None, None
    noun = anaphor.group().split()[-1].lower()
    types = ANAPHOR_TYPES.get(noun) or _subject_types(measure, lexicon)
    for back in range(i - 1, max(-1, i - 1 - ANAPHORA_SENTENCES), -1):
        found = _nearest_entity_before(text, context(back), context(back).end, types, lexicon, opposed=True)
        if found:
            return found.id, None
    return None, None
