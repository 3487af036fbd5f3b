"""Claims from quantities and dates, each with its context: what is counted, whose, where, when, on whose word.

This module reads an article sentence by sentence and assembles each claim; the decisions are made by the
modules named for them: ``counted.py`` (what a number counts), ``subjects.py`` (whose count it is, or the event it
is about), ``places.py`` (where), ``times.py`` and ``eventdates.py`` (as of when; which dates are events'),
``speakers.py`` (on whose word) and ``modality.py`` (asserted, planned, ...); ``discourse.py`` carries context from
sentence to sentence and ``incidents.py`` finds the events tolls, crowds and flows are about. Every decision is a
general mechanism over the alias files: nearest mention of the right type, locative prepositions, reporting verbs,
scope phrases. The tool is judged on articles nobody here has read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from datetime import date
from functools import partial
from itertools import pairwise

from ..models import AsOf, Claim, Interval, Source
from ..occasions import DATED_BY_EVENT
from .addresses import cased_as_headline, headline, url_month
from .citations import CITATION_LINE, citation_at, citations
from .context import SentenceContext
from .counted import (
    ELLIPSIS,
    PERSON_MEASURES,
    armed_men,
    at_event,
    counted_measure,
    elided,
    group_members,
    state_of,
    with_state,
)
from .dates import DateMention, shifted
from .discourse import Discourse, carried, context_time, dateline_places
from .eventdates import anniversary, dates_event, latest_year_told, of_event, told_before, year_span
from .events import describe_event
from .facets import (
    facet,
    in_sectors,
    included,
    multiple_of,
    population,
)
from .forces import Forces, named_forces
from .incidents import Incident, find_incidents
from .lexicon import Lexicon, Mention, tokenize
from .modality import date_modality, modality
from .places import (
    DATELINE,
    LOCATIVE_BEFORE,
    LOCATIVE_REACH,
    THE_CAPITAL,
    THE_PLACES,
    ancestors,
    assign_places,
    capital_mentions,
    containers,
    frames_a_record,
    inside_longer_name,
    outside_asides,
    place_groups,
    place_id,
    placed_near,
    places_references,
    speaker_places,
    spread_over_places,
    with_unknown_places,
    within_a_country,
)
from .quantities import VOLUME_UNITS, Quantity, changed_from
from .reference import is_yardstick
from .speakers import (
    PRONOUN_SOURCE,
    attached_speaker,
    clause_speaker,
    elsewhere_in_sentence,
    figure_owner,
    speaker,
    speaker_clauses,
)
from .subjects import (
    anaphora,
    discourse_event,
    made_again,
    nearest_entity_before,
    own_entity,
    subject_of,
    subject_or_event,
    subject_type,
    subject_types,
)
from .times import (
    CLAUSE_BREAK,
    COMPARISON,
    DIGIT,
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

# A figure of another time set against the count before it: "surpassing the previous record of 7.6 million".
PREVIOUS_FIGURE = re.compile(
    r"(?i)\b(?:previous|prior|former|earlier|old)\s+(?:record|high|peak|figure|estimate|total)\b"
    r"|\b(?:down|up)\s+from\b|\bfrom\s+(?:a|its|their)\s+(?:peak|high|low)\b"  # "down from a peak of 5,100 in 2020"
)
# The words that make a figure the one a change started from: "rose from ", "to 230,000 from about ".
STARTED_FROM = re.compile(r"\bfrom\s+(?:[a-z]+\s+)?$")
# Two numbers of one noun: "12 and 30 people", "12 or 13 soldiers".
PAIRED = re.compile(r"\s+(?:and|or)\s+")
TO = re.compile(r"\s+to\s+")  # ... and the two of a change: "rose from 1,836 to 1,900 deaths"
# "in Kharkiv and Odesa respectively": each number its own place, in order.
RESPECTIVELY = re.compile(r"(?i)\brespectively\b")
# "Iran-backed militias", "Russian-backed separatists": a proxy force named by its sponsor.
BACKED = re.compile(r"\b([A-Z][a-z]+)-(?:backed|linked|aligned|allied|sponsored|supported)\b")
# A time told from the one before it: "the following week".
FOLLOWING = re.compile(r"(?i)(?:the\s+)?following\b")
# A speaker's first word, which may name its country: "Iraqi officials", "the Syrian army", "Syria's ministry".
NATIONAL_VOICE = re.compile(r"(?:the\s+)?([A-Z][\w.-]*)(?:['\u2019]s)?\b")
# A figure's noun, or a pronoun standing for one, before a bare number: "The official count stood at", "It rose to".
FIGURE_BEFORE = re.compile(r"(?i)\b(?:count|tally|figure|toll|number|total|estimate)\b|^\s*(?:It|That)\s+[a-z]+\s")
# "the group", "its", "they", "of those": a subject named in an earlier sentence.
ANAPHORA = re.compile(
    r"(?i)\b(?:the (?:(?:armed|rebel|insurgent|terrorist|terror|militant|jihadist|extremist) )?group|"
    r"the (?:organization|organisation|militants|jihadists|insurgents|extremists|rebels|militia|alliance|coalition|"
    r"force|mercenaries|mercenary group|fighters|"
    # "Of those, fewer than 2,000 are fighters" (opening the sentence: not "most of them women")
    r"country)|its|their|they|(?-i:Of) (?:those|these|them))\b"
)
# A paragraph that opens by pointing back at the one before goes on with its context: "That compares with a CIA
# estimate in 2014 of between 20,000 and 31,500".
GOES_ON = re.compile(
    r"(?:That|This|Those|These)\s+(?:compares|is|was|are|were|figure|number|estimate|count|toll|total|means|would|"
    r"brings|puts|represents)\b"
)
# Between two counts of one event: "12 people were killed and 40 (injured)", "killed 12 and injured 40".
JOINED_COUNTS = re.compile(r"\s+(?:(?:were|was|have been|had been)\s+)?(?:[a-z]+\s+)?and\s+(?:[a-z]+\s+)?")
# After a place, a word that makes it a part's: "with 55 deaths in Lee County alone".
ALONE_AFTER = re.compile(r"\s+alone\b")
# Words that make a sentence about a flow: "the daily spillage", "the flow rate".
RATE_WORDS = re.compile(r"(?i)\b(?:daily|a day|per day|each day|flow|flowing|flow rate|rate)\b")
# Words of a volume accumulated, not a rate: "4.9 million barrels in total", "has leaked 126 million gallons so far".
TOTAL_WORDS = re.compile(
    r"(?i)\b(?:total|in all|altogether|so far|to date|in the end|overall|cumulative|leaked|spilled|spilt|released|"
    r"amount|capacity|holds?|stored|reserves?)\b"
)

UNSTATED = ("current", "unknown", "context")  # times a sentence does not state


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
    forces = named_forces(text, lexicon)

    def context(i: int) -> SentenceContext:
        if i not in contexts:
            spans = [(d.start, d.end) for d in date_by_sentence.get(i, [])]
            # a sentence's counted nouns matter to its numbers, and to the bare numbers of the sentence after it
            bare_next = any(q.measure is None and q.unit is None for q in by_sentence.get(i + 1, ()))
            contexts[i] = _context(text, sentences[i], lexicon, spans, forces, counts=i in by_sentence or bare_next)
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
        scattered=lexicon.events.scattered,
        address_month=url_month(source.url) if source.published is None else None,
    )
    if not discourse.main_places:  # where the story is: the first place its first paragraph names
        for i, (s_start, _) in enumerate(sentences):
            if i and "\n\n" in text[sentences[i - 1][1] : s_start]:
                break
            discourse.main_places = _sentence_places(text, context(i), lexicon)
            if discourse.main_places:
                break
    discourse.incidents.expect([x for i in range(len(sentences)) for x in context(i).incidents])
    if source.published is None:
        discourse.written_year = latest_year_told(text, sentences, date_by_sentence, context)
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
            discourse.event_days.setdefault(headline_event.id, year_span(incident.year))
    said = partial(said_on, text)  # a date of a statement: "the ministry said on Tuesday"
    countries_of = partial(_countries, lexicon=lexicon, within=discourse.within)  # as the article places them
    previous_end = None
    paragraph_start = sentences[0][0] if sentences else 0
    # Every sentence, in order: one that holds no claim may still set the time, place, speaker or event of the
    # sentences after it.
    for i, (s_start, s_end) in enumerate(sentences):
        if previous_end is not None and "\n\n" in text[previous_end:s_start] and not GOES_ON.match(text, s_start):
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
            _place_references(text, ctx, discourse.named_places, lexicon)  # "across the two countries"
        if any(THE_CAPITAL in g[2] for g in (*ctx.places, *ctx.subject_places)):
            # "camps in the capital": the capital of the country the sentence names, else the paragraph's, else
            # the story's
            in_force = [*sorted(_named_countries(ctx, lexicon)), *countries_of(discourse.places)]
            in_force += [*countries_of(discourse.main_places), article_country or ""]
            _place_capital(ctx, in_force, lexicon)
        event_date = partial(of_event, text, incidents=ctx.incidents)  # a date of one of the sentence's events
        incidents = [discourse.incidents.resolve(x) for x in ctx.incidents]
        # "the Jan. 12, 2010 earthquake", "the quake that struck Nepal on April 25": when each began; an occasion
        # that people attend is dated by a date after its words too ("expected to strike on Wednesday"), where a
        # disaster's may be a memorial's ("prayers for the quake on Wednesday")
        for d in ds:
            for mention, incident in zip(ctx.incidents, incidents, strict=True):
                occasion = incident.kind in lexicon.events.people
                if d.start_date and (of_event if occasion else dates_event)(text, d, [mention]):
                    discourse.event_days.setdefault(incident.id, (d.start_date, d.end_date or d.start_date))
        for incident in incidents:
            if incident.year:
                discourse.event_days.setdefault(incident.id, year_span(incident.year))  # "the 2010 earthquake"
        # "On the first anniversary of the quake": a year after the day it began
        ds = [anniversary(d, ctx.incidents, incidents, discourse) for d in ds]
        # "A week earlier, organisers said ...": told from the sentence's own date before it, else the article's last;
        # in a sentence about now, from now ("380,000 refugees have reached Chad, up from 260,000 a month earlier")
        shiftable = any(d.start_date is None for d in ds)  # only a duration with no date of its own is shifted
        # the sentence's tense, read once for the durations it places and the counts it gives
        present = bool((qs or shiftable) and PRESENT.search(text, s_start, s_end))
        if shiftable:
            now = source.published if present else None
            told_now = DateMention(s_start, s_start, "", now, now, "day", True, "point") if now else None
            ds = [
                # "the following week" is never told from now, whatever the sentence's tense
                shifted(
                    d, told_before(d, ds) or (None if FOLLOWING.match(d.text) else told_now) or discourse.last_told or d
                )
                for d in ds
            ]
        ds = [since_event(text, d, s_start) for d in ds]  # "since protests began in January"
        discourse.within.update(ctx.within)
        attribution = speaker(text, s_start, s_end, lexicon)  # even with no claim: the paragraph's speaker
        if not qs:
            discourse.counted_noun([m for m in ctx.measures if lexicon.measures[m.id].carries])
        if cited is None and CITATION_LINE.fullmatch(text, s_start, s_end):
            ds = []  # "Daily Express, 6 April 2016": the quoted claim's day, no time for what follows
        if not qs and not ds:
            discourse.remember(
                _sentence_places(text, ctx, lexicon),
                ds,
                attribution,
                incidents,
                dates_story=i == 0 or bool(incidents),
                said=said,
                of_event=event_date,
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
        owners = assign_places(text, outside_asides(text, s_start, s_end, ctx.places, qs), qs)
        if RESPECTIVELY.search(text, s_start, s_end):
            owners = _respectively(owners, qs)
        part_places: set[str] = set()  # places only a part's: "1.28 million nationwide, including 81,000 in Paris"
        resolved: dict[int, str | None] = {}  # measure of each quantity once its state is known, for ellipsis
        places_of: dict[int, list[str]] = {}
        subjects_of: dict[int, tuple[str | None, str | None]] = {}  # each count's subject, for the one it elides
        place_words: dict[int, str | None] = {}  # the words that placed each count, when its sentence named them
        placed_by_words: dict[int, bool] = {}  # whether each count's own words placed it
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
        # "killed 12 and 30 people": the first number counts what the second's noun names, and the second's people
        # went through what the first's verb says
        paired = {
            id(a): b
            for a, b in pairwise(qs)
            if a.measure is None
            and a.unit is None
            and (
                PAIRED.fullmatch(text, a.end, b.start) or (TO.fullmatch(text, a.end, b.start) and changed_from(text, a))
            )
        }
        for a in qs:
            if (b := paired.get(id(a))) is not None and b.measure is not None:
                a.measure, a.measure_text = b.measure, b.measure_text
                if changed_from(text, a):
                    a.unit = b.unit  # "went from 1,000 to 5,000 barrels a day": the figure it left is in barrels too
        first_claim = len(claims)
        for k, q in enumerate(qs):
            previous = qs[k - 1] if k else None
            whole = parts.get(id(q))
            part = False
            if whole is not None:
                measure, measure_mention = whole.measure, None
                measure, state = state_of(text, whole, ctx, measure, lexicon)
                measure_text = whole.measure_text
                measure = at_event(text, q, measure, incidents, discourse, lexicon)
                part = measure == whole.measure  # "300 of the 2,000 migrants": some of them, unless a state says what
            elif id(q) in wholes:
                measure, measure_text, measure_mention, state = q.measure, q.measure_text, None, None
            else:
                measure, measure_text, measure_mention = counted_measure(
                    text, q, ctx, previous, taken, lexicon, resolved
                )
                part_of_previous = previous is not None and included(text, q, previous, s_start)
                whole_measure = resolved.get(id(previous))
                if (
                    (part_of_previous or paired.get(id(previous)) is q)
                    and measure in PERSON_MEASURES
                    and whole_measure in lexicon.states.measures.values()
                ):
                    # "killed 11 people, including 4 children": the part is of the whole's count, dead as they are;
                    # so are the 30 of "killed 12 and 30 people"
                    measure, state = whole_measure, None
                else:
                    measure, state = state_of(text, q, ctx, measure, lexicon, measure_mention)
                    measure = at_event(text, q, measure, incidents, discourse, lexicon)
            elided_count = False
            if (
                measure is None
                and measure_text is None
                and q.unit == discourse.unit
                and (discourse.measure or discourse.measure_text)
                and elided(text, q)
            ):
                # "Police counted 12,000 marchers. In Lyon they counted 4,000.": the counted noun carries
                measure, measure_text = discourse.measure, discourse.measure_text
                elided_count = True
            elif (
                measure is None
                and measure_text is None
                and q.unit is None
                and not (discourse.measure or discourse.measure_text)
                and any(discourse.article_measure)
                and elided(text, q)
                and FIGURE_BEFORE.search(text, s_start, q.start)
            ):
                # "... 6 to 18 deaths. // The official count stood at 16 on Oct. 3": a figure's noun with no measure
                # of its paragraph speaks of the article's last count, unless it names its own ("the death toll")
                named = lexicon.measure_nouns.find(text, s_start, q.start)
                measure, measure_text = (named[-1].id, named[-1].text) if named else discourse.article_measure
                elided_count = True
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
            measure = group_members(text, q, measure, measure_text)
            resolved[id(q)] = measure
            subject, subject_text, incident = subject_or_event(
                text, q, ctx, measure, measure_mention, incidents, discourse, lexicon
            )
            owned = bool(subject_types(measure, lexicon))
            if not owned and _the_voice(subject, subject_text, attribution, text[s_start:s_end], lexicon):
                subject, subject_text = None, None  # "Surveys by MSF ... concluded that 6,700 were killed": the voice
            if subject is None and (owned or measure not in lexicon.events.measures):
                # "the group", "they": an entity of the sentences before; a toll or a crowd is an event's (below),
                # unless entities own such counts too ("the group held 110,000 square kilometers")
                subject, subject_text = anaphora(text, ctx, measure, lexicon, context, i)
            if subject is None and incident is None:
                # "420,000 used the Metro yesterday, which compares to 317,000 for Obama's inaugural": not the
                # event the number is compared with
                compared = {
                    x.id for x in incidents if COMPARISON.search(text, min(x.end, q.end), max(x.start, q.start))
                }
                incident = discourse_event(text, q, measure, discourse, lexicon, compared)
                if incident is not None:
                    subject, subject_text = incident.id, incident.text
                else:  # no event anywhere: whose people they are, as for any count
                    subject, subject_text = subject_of(text, q, ctx, measure, measure_mention, lexicon)
                    if not owned and _the_voice(subject, subject_text, attribution, text[s_start:s_end], lexicon):
                        subject, subject_text = None, None
            throughout = measure in lexicon.measures and lexicon.measures[measure].owned_throughout
            if throughout and subject is None and incident is None:
                # "That force stood at about 5,200": people no one in the sentence owns are those of the one owner
                # the article has named for such counts ("the roughly 2,500 American troops in the country")
                subject, subject_text = discourse.sole_owner(measure)
            elif (
                throughout
                and subject in lexicon.entity_types
                and lexicon.entity_types[subject] in subject_types(measure, lexicon)
            ):
                discourse.own(measure, subject, subject_text)
            if (
                previous is not None
                and id(previous) in subjects_of
                and resolved.get(id(previous)) == measure
                and ELLIPSIS.match(text, previous.end, q.start)
                and not _owner_between(ctx, previous.end, q.start)
            ):
                # "attacked more than 160 times, 66 times in Iraq, 97 in Syria": an elided count is the same count's
                subject, subject_text = subjects_of[id(previous)]
            subjects_of[id(q)] = (subject, subject_text)
            measure = armed_men(text, q, measure, measure_text, subject, lexicon)
            story = incidents or discourse.recent or [x for x in [discourse.incidents.first] if x]
            if measure == "ratio" and incident is None:
                # "three times as many people as Trump's inauguration", "11 times the total leaked from the Exxon
                # Valdez disaster": a multiple is of the story's event, not of what it is set against after it
                before = [x for x in incidents if x.end <= q.start]
                story = before or discourse.recent or [x for x in [discourse.incidents.first] if x]
                subject = None if story else subject
            if subject is None and measure in (None, "ratio", "people") and story:
                # "That means almost 97 percent arrived by sea", "five times as big", "More than 40 people have been
                # quarantined": a share, a ratio, a bare figure or people no one owns, in a paragraph about an
                # event, are about that event, else about the story's event
                incident = story[-1]
                subject, subject_text = incident.id, incident.text
            location, location_text = owners.get(id(q), ([], None))
            # the count's own words put it there, right beside it: "Of those, 137 died in Mexico City" (not "150,000
            # dead, apparently from bodies recovered in the rubble of buildings in Port-au-Prince")
            placed_here = bool(location) and placed_near(text, q, location_text, s_start, s_end)
            if (
                not location
                and previous
                and (ELLIPSIS.match(text, previous.end, q.start) or resolved.get(id(previous)) == measure)
            ):
                # "1,410 people had been killed in Gaza and 6,268 wounded"; "1,000 barrels a day were leaking into
                # the Gulf, an estimate later raised to 5,000 barrels a day": the same count, the same place
                location, location_text = places_of.get(id(previous), []), place_words.get(id(previous))
                placed_here = placed_by_words.get(id(previous), False)
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
                location = list(incident.places)  # "the 2010 Haiti earthquake": where its words put it
            if not location:
                location = discourse.places
            # an earthquake's toll or a strike's turnout is the country's: "in Les Cayes" is in Haiti
            national = incident is not None and incident.kind in lexicon.events.national
            if not location and attribution:
                # "according to the Butte County Sheriff's Office", "Nepal's home ministry said": the agency's place
                location = speaker_places(attribution, lexicon)
                # where the story is: its dateline, else the first place its first paragraph names
                story = [c for c in countries_of(dateline or discourse.main_places) if c in lexicon.countries]
                own_word = lexicon.is_place(attribution)  # "Liberia has recorded 4,162": a country's own count
                if story and not own_word and not set(countries_of(location)) & set(story):
                    # "PORT-AU-PRINCE, Haiti (AP) - a report commissioned by the U.S. government ...", "fighters
                    # across Iraq and Syria ... 15,000 foreign fighters, according to U.S. intelligence": a foreign
                    # voice says nothing of where the story's counts are
                    location = []
                if subject in lexicon.countries and subject not in countries_of(location):
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
            first = NATIONAL_VOICE.match(attribution or "")
            voice = [p for p in speaker_places(first.group(1), lexicon) if p in location] if first else []
            countries_lent = len(location) > 1 and all(p in lexicon.countries for p in location)
            if countries_lent and len(voice) == 1 and not (owners.get(id(q)) or ctx.subject_places or ctx.peak):
                # "across Iraq and Syria ... Iraqi officials say only 400-500 remain on their side of the border":
                # a national voice that places its count nowhere speaks of its own country among those lent to it
                # (of now: "at the height of their power" the group's land lay across both)
                location = voice
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
            spread = None if owners.get(id(q)) else spread_over_places(text, q.start, q.end, ctx.start, ctx.end)
            if spread is None and not owners.get(id(q)) and not (ctx.places or ctx.subject_places) and discourse.spread:
                # "More than 1 million people around the world have been infected. At least 51,485 have died."
                spread = ("countries", discourse.spread)
            if spread and spread[0] == "countries":
                discourse.spread = spread[1]
                # "the toll rose above 500 across three countries": many places, none of them alone (the words say
                # where, so no other article's place is lent to it)
                location, countries, location_text = [], [], spread[1]
            elif spread:  # "884,000 people in five provinces": in the country, in none of its parts alone
                location = [place for place in location if place in lexicon.countries]
            if placed_here and countries and within_a_country(location, lexicon, discourse.within):
                # a national event's count its own words put in a city or a province is that place's, compared place
                # by place, never with the country's total ("LES CAYES, Haiti - the toll rose to 1,941" is Haiti's)
                countries = []
            places_of[id(q)], place_words[id(q)], placed_by_words[id(q)] = location, location_text, placed_here
            if location:
                discourse.last_place = (location, location_text, placed_here)
            if measure and measure not in ("duration", "ratio"):  # "in less than four weeks" counts no one
                discourse.measure, discourse.measure_text, discourse.unit = measure, measure_text, q.unit
                if q.unit is None:
                    discourse.article_measure = (measure, measure_text)
            elif measure is None and q.unit is None and measure_text and measure_text.endswith("s"):
                # "about 700,000 customers were still without electricity ... put the number at about 540,000": a
                # plural noun no alias file names still says what the paragraph counts
                discourse.measure, discourse.measure_text, discourse.unit = None, measure_text, None
            # "killed in the January 2011 earthquake": a date that names the event is not the time of its toll
            # ("During the 2006 war, Hezbollah fired 4,000 rockets": a count no event owns is of the event's year)
            event_count = measure in lexicon.events.measures and measure not in DATED_BY_EVENT
            # nor of a count told in the present ("1,300 families remain in temporary housing after the 2013 typhoon");
            # the clause's tense is read only where an event's date could date the count
            event_dates = [d for d in ds if dates_event(text, d, ctx.incidents)] if ctx.incidents else []
            dated_event = bool(event_dates) or (incident is not None and bool(incident.year))
            now_told = dated_event and _present_clause(text, q, s_start, s_end)
            own_dates = [d for d in ds if d not in event_dates] if event_count or now_told else ds
            as_of = as_of_claim(text, q, ctx, own_dates, cited.day if cited else source.published)
            named_here = incident in incidents  # "Unlike the 2004 tsunami, which killed ..., Friday's waves"
            if (
                incident is not None
                and incident.year
                and as_of.scope not in ("peak", "past")
                and (named_here or as_of.scope != "explicit")  # "In January 2011, the 316,000 number was ..."
            ):
                # "the 1989 spill dumped ...": a settled figure of an event years past holds for its year; a recent
                # event's toll holds as of the report ("the 2010 quake killed 316,000", reported in 2011), and so
                # does an undated article's present ("the official toll of the 2010 quake is 316,000"), and any
                # article's ("32,000 people still live in camps after the 2010 earthquake", told in 2020)
                historic = not now_told and (
                    source.published is None or incident.year < source.published.year - HISTORY_YEARS
                )
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
            long_ago = bool(later) and (as_of.start - later[0].end_date).days > LONG_AGO_DAYS
            if (
                later
                and DIGIT.search(text, q.end, later[0].start)
                and (not long_ago or PREVIOUS_FIGURE.search(text, q.end, later[0].start))
            ):
                # a day after another number is that number's: "rose to 45, up from 30 on Monday", "8.1 million
                # hectares, surpassing the previous record of 7.6 million set in 1989"
                later = []
            mood = modality(text, ctx, q)
            if (
                later
                and later[0].end_date < as_of.start
                and (past_tense or long_ago)
                and not discourse.as_of()
                and mood != "planned"  # "450 troops would be sent, reversing a withdrawal of 700 in 2020"
            ):
                # "The unions claim two million workers went on strike but the Government argues only a quarter
                # stayed away on 30th November 2011": a count told with no date of its own, in a sentence about a
                # day gone by, is of that day
                as_of = context_time(later[0])
            if as_of.scope in ("current", "unknown", "context") and (that := THAT_PERIOD.search(text, s_start, s_end)):
                # "By the end of 2023, the camp housed 280,000 ... Some 60,000 had arrived that year"
                as_of = discourse.that_period(that.group(1).lower(), that.group()) or as_of
            if as_of.scope == "past" and not STARTED_FROM.search(as_of.text or ""):
                # "A team then pegged the flow at ...": the retelling goes on in the past (not after the figure a
                # change started from: "rose from 1,836 to 1,900" reached 1,900 now)
                discourse.past = as_of
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
            owner = figure_owner(text, s_start, q.start, lexicon)  # "the Haitian government's official toll of 316,000"
            if owner is None and stated_attribution and location_text and lexicon.is_place(stated_attribution):
                # "Spain reported 3,592 arrivals and Malta 105": the second place reported the second number
                before = text[max(0, q.start - len(location_text) - PLACE_LABEL_GAP) : q.start]
                if location_text != stated_attribution and before.rstrip(" :").endswith(location_text):
                    owner = location_text
            voice = attribution
            if stated_attribution and elsewhere_in_sentence(text, clauses, q, stated_attribution):
                # "That is less than the 144,000 gallons first feared, but the leak killed 100 birds, according to
                # the network": the network speaks for its own clause only
                voice = (cited.who if cited else None) or discourse.speaker
            said_by = owner or attached.get(id(q)) or clause_speaker(text, clauses, q, lexicon) or voice
            if measure == "money" and incident is None and (made := made_again(text, s_start, s_end)):
                subject, subject_text = made  # "€100m towards rebuilding the cathedral"
            narrowed = (
                "part"
                if part or in_sectors(text, s_start, q)
                else "multiple"
                if multiple_of(text, q, previous, resolved.get(id(previous)) if previous else None)
                else facet(text, q, lexicon)
            )
            # a part placed on its own is that place's count: "More than 1.2 million of them have crossed into Poland"
            own_place = id(q) in owners and (previous is None or set(location) != set(places_of.get(id(previous), [])))
            whole_part = narrowed == "part"  # its places are a part's, for the sentences after it
            if whole_part and own_place:
                narrowed = None  # "3,400 in the region, a figure that includes 2,500 in Iraq": all of Iraq's
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
                    measure_text=with_state(measure_text, state),
                    facet=narrowed or population(text, q, measure, measure_text or q.measure_text, lexicon, said_by),
                    subject_type=subject_type(subject, incident, lexicon),
                    location=location,
                    location_text=location_text,
                    countries=countries,
                    within=containers(location, lexicon, discourse.within),
                    value=Interval(low=_low(q), high=_high(q), qualifier=q.qualifier)
                    if q.low is not None or q.high is not None
                    else None,
                    unit=q.unit or (f"per {q.per}" if q.per else None),
                    as_of=as_of,
                    attribution=said_by,
                    modality=mood,
                    derivation=q.derivation,
                )
            )
            if whole_part and id(q) in owners:
                part_places.update(owners[id(q)][0])
        claims[first_claim:] = _share_backwards(text, claims[first_claim:])
        report_line = DATELINE.match(text, s_start, s_end)
        for d in ds:
            if report_line and d.end <= report_line.end():
                continue  # "BAGHDAD, March 8 (Reuters) -": the day of the report, no event's date
            event, event_key = describe_event(text, (s_start, s_end), d)
            places = [p for p in ctx.places]
            location = sorted({i for p in places for i in p[2]})
            subject = nearest_entity_before(text, ctx, d.start, None, lexicon)
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
        whole_places = [p for p in _sentence_places(text, ctx, lexicon) if p not in part_places]
        discourse.remember(
            whole_places,  # the next sentence's are the whole's
            ds,
            stated_attribution,
            incidents,
            dates_story=i == 0 or bool(qs or incidents),
            said=said,
            of_event=event_date,
        )
    claims.sort(key=lambda c: (c.start, c.end))
    return _regional_parts(claims, lexicon)


def _regional_parts(claims: list[Claim], lexicon: Lexicon) -> list[Claim]:
    """A national event's count a region's own authorities give, beside the article's count for the whole country,
    is the region's ("The death toll climbed to 143 ... Authorities in North Rhine-Westphalia reported 45 deaths"),
    and so is one its sentence puts in a province ("In Sindh province alone, 621 people have died"): compared
    region by region, never with the country's total."""
    national = {(c.subject, c.measure) for c in claims if c.countries and set(c.location) <= set(c.countries)}

    def regional(c: Claim) -> bool:
        if not c.countries or set(c.location) <= set(c.countries):
            return False
        own = bool(c.location_text and c.attribution and c.location_text in c.attribution)
        if own and (c.subject, c.measure) in national:
            return True
        provinces = set(c.location) & lexicon.provinces
        return bool(provinces) and any(m.id in provinces for m in lexicon.places.find(c.sentence))

    return [c.model_copy(update={"countries": []}) if regional(c) else c for c in claims]


def _respectively(owners: dict[int, tuple[list[str], str]], qs: list[Quantity]) -> dict[int, tuple[list[str], str]]:
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


def _share_backwards(text: str, claims: list[Claim]) -> list[Claim]:
    """Two counts of one event joined by "and" share the place and the day told after the second: "At least 12 people
    were killed and 40 injured when a bus plunged into a ravine in northern Peru on Sunday"."""
    for k in range(len(claims) - 2, -1, -1):
        a, b = claims[k], claims[k + 1]
        if a.kind != "quantity" or b.kind != "quantity" or not JOINED_COUNTS.fullmatch(text, a.end, b.start):
            continue
        update: dict = {}
        if not a.location and b.location:
            update.update(location=b.location, location_text=b.location_text, countries=b.countries)
        if a.as_of.scope in UNSTATED and b.as_of.scope == "explicit":
            update["as_of"] = b.as_of
        if update:
            claims[k] = a.model_copy(update=update)
    return claims


def _present_clause(text: str, q: Quantity, start: int, end: int) -> bool:
    """Whether the clause a number stands in is in the present: "32,000 people still live in camps" (not "Residents
    still recall the 2011 tsunami, which destroyed some 120,000 buildings")."""
    opened = max(text.rfind(",", start, q.start), text.rfind(";", start, q.start), start - 1) + 1
    closed = min((i for i in (text.find(",", q.end, end), text.find(";", q.end, end)) if i >= 0), default=end)
    return PRESENT.search(text, opened, closed) is not None


def _sentence_places(text: str, ctx: SentenceContext, lexicon: Lexicon) -> list[str]:
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


def _overlaps(m: Mention, others: list[Mention]) -> bool:
    return any(o.start < m.end and m.start < o.end for o in others)


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


def _low(q: Quantity) -> float | None:
    return q.low if q.qualifier not in ("less_than", "at_most") else None


def _high(q: Quantity) -> float | None:
    return q.high if q.qualifier not in ("more_than", "at_least") else None


def _context(
    text: str,
    span: tuple[int, int],
    lexicon: Lexicon,
    date_spans: list[tuple[int, int]],
    forces: Forces,
    counts: bool = True,
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
    # A "-backed" group wins over the sponsor's own name inside it ("Iran" in "Iran-backed"), a force the article
    # names over a name inside its own ("European" in "the European Takuba task force").
    named = [m for m in forces.mentions(text, start, end) if not _overlaps(m, entities)]
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


# Between a part and its whole: "146,000 of 492,000 civil servants", "14 of the 800 Jobcentres".
PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?")

# Characters between a place and the number it owns: "Malta 105", "Chicago: 250,000".
PLACE_LABEL_GAP = 3
# A day this long before the report is gone by: a sentence about it does not speak of the present.
LONG_AGO_DAYS = 365
# An event this many years before the report is history: its figures hold for its year, not as of the report.
HISTORY_YEARS = 1


def _owner_between(ctx: SentenceContext, start: int, end: int) -> bool:
    """Whether an entity that is no place stands between two counts: "Germany has 1,000 troops in Lithuania and
    Britain 900" gives the second count an owner of its own ("in Iraq" would not)."""
    return any(start <= e.start < end and not any(p[0] <= e.start < p[1] for p in ctx.places) for e in ctx.entities)


def _the_voice(
    subject: str | None, words: str | None, attribution: str | None, sentence: str, lexicon: Lexicon
) -> bool:
    """Whether an entity found as a count's subject is named in the sentence only inside its speaker's words: the
    voice, not whose count it is."""
    if lexicon.entity_types.get(subject or "") in (None, "country") or not words or words not in (attribution or ""):
        return False  # a country is where the voice is, too: "Beirut Governor Marwan Abboud put the damage at"
    pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
    inside = len(pattern.findall(attribution))
    return inside > 0 and len(pattern.findall(sentence)) <= inside
