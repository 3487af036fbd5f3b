"""Claims from quantities and dates, each with its context: what is counted, whose, where, when, on whose word.

This module reads an article sentence by sentence and assembles each claim. ``sentence_context.py`` finds what a
sentence holds; each side of a count is read by a module of its own, in order: ``claim_measure.py`` (what it
counts), ``claim_subject.py`` (whose count it is, or the event it is about), ``claim_place.py`` (where),
``claim_time.py`` (as of when) and ``claim_speaker.py`` (on whose word). They lean on the finders named for the same
jobs (``counted.py``, ``subjects.py``, ``places.py``, ``times.py``, ``speakers.py``, ``modality.py``);
``discourse.py`` carries context from sentence to sentence and ``incidents.py`` finds the events tolls, crowds and
flows are about. Every decision is a general mechanism over the alias files: nearest mention of the right type,
locative prepositions, reporting verbs, scope phrases. The tool is judged on articles nobody here has read.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import replace
from functools import partial
from itertools import pairwise

from ..models import AsOf, Claim, Interval, Source
from .addresses import cased_as_headline, headline, url_month
from .citations import CITATION_LINE, citation_at, citations
from .claim_measure import carry_measure, kind_of_count, read_measure, relate_counts
from .claim_place import (
    RESPECTIVELY,
    countries_of,
    events_placed_later,
    home_countries,
    named_countries,
    place_events,
    read_place,
    regional_parts,
    resolve_references,
    respectively,
    sentence_places,
)
from .claim_speaker import read_speaker, sentence_voices
from .claim_subject import read_subject
from .claim_time import UNSTATED, captioned, read_time, sentence_dates
from .context import SentenceContext
from .counted import with_state
from .dates import DateMention
from .discourse import Discourse, dateline_places
from .eventdates import EVENT_DATE_AFTER, earlier_event, latest_year_told, of_event, year_span
from .events import describe_event
from .facets import (
    added_to_other_counts,
    breakdown_parts,
    facet,
    in_sectors,
    multiple_of,
    population,
    repeated_counts,
    share_of,
    spread_bound,
    with_missing,
)
from .forces import named_forces
from .incidents import (
    PAST_EVENT_YEARS,
    Incident,
    Incidents,
    called_by_name,
    find_incidents,
    placed_by_article_names,
    tolls_last,
)
from .lexicon import Lexicon, tokenize
from .modality import date_modality
from .places import DATELINE, assign_places, containers, outside_asides, place_id
from .quantities import Quantity
from .reading import Article, Reading
from .sentence_context import sentence_context
from .speakers import CONTRAST_OPENING, speaker, speaker_clauses
from .subjects import made_again, nearest_entity_before, subject_type
from .times import quoted_relative_to_saying, read_from, said_on

# A paragraph that opens by pointing back at the one before goes on with its context: "That compares with a CIA
# estimate in 2014 of between 20,000 and 31,500".
GOES_ON = re.compile(
    r"(?:That|This|Those|These)\s+(?:compares|is|was|are|were|figure|number|estimate|count|toll|total|means|would|"
    r"brings|puts|represents)\b"
)
# Between two counts of one event: "12 people were killed and 40 (injured)", "killed 12 and injured 40".
JOINED_COUNTS = re.compile(r"\s+(?:(?:were|was|have been|had been)\s+)?(?:[a-z]+\s+)?and\s+(?:[a-z]+\s+)?")


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
    event_names = called_by_name(text, lexicon.events)

    def context(i: int) -> SentenceContext:
        if i not in contexts:
            spans = [(d.start, d.end) for d in date_by_sentence.get(i, [])]
            # a sentence's counted nouns matter to its numbers, and to the bare numbers of the sentence after it
            bare_next = any(q.measure is None and q.unit is None for q in by_sentence.get(i + 1, ()))
            counts = i in by_sentence or bare_next
            contexts[i] = sentence_context(text, sentences[i], lexicon, spans, forces, event_names, counts=counts)
        return contexts[i]

    def sentence_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        by_sentence.setdefault(sentence_of(q.num_start), []).append(q)
    date_by_sentence: dict[int, list[DateMention]] = {}
    for d in dates:
        date_by_sentence.setdefault(sentence_of(d.start), []).append(d)
    article = _article(source, text, sentences, context, date_by_sentence, lexicon)
    discourse = article.discourse
    cites = citations(text)
    said = partial(said_on, text)  # a date of a statement: "the ministry said on Tuesday"
    # the year the article is told in: its day's, else its address's month's, else the latest it states
    month = discourse.address_month
    told_year = source.published.year if source.published else month[0].year if month else discourse.written_year
    story = discourse.incidents
    story.told_year = told_year
    claims: list[Claim] = []
    previous_end = None
    last_told: list[Incident] = []  # the events the sentence before told of
    paragraph_start = sentences[0][0] if sentences else 0
    # Every sentence, in order: one that holds no claim may still set the time, place, speaker or event of the
    # sentences after it.
    for i, (s_start, s_end) in enumerate(sentences):
        if previous_end is not None and "\n\n" in text[previous_end:s_start] and not GOES_ON.match(text, s_start):
            # "..., the NDMA said today. // Altogether 87 people were injured": a paragraph that closes on who said
            # it lends them to the next (not "China put the number at 5,335 ... // The quake killed 80,000": the
            # reporter's own words after a statement that opens on its speaker)
            tail = max(paragraph_start, previous_end - CLOSING_SAID_REACH)
            discourse.new_paragraph(closed_on_speaker=bool(CLOSING_SAID.search(text, tail, previous_end)))
            paragraph_start = s_start
            last_told = []
        previous_end = s_end
        qs = by_sentence.get(i, [])
        ds = quoted_relative_to_saying(text, date_by_sentence.get(i, []), s_start)
        cited = citation_at(cites, s_start)  # a fact-check's quoted claim: its source's words, on its day
        if cited is not None:
            ds = [read_from(d, cited.day) for d in ds]
        ctx = context(i)
        resolve_references(article, ctx)
        event_date = partial(of_event, text, incidents=ctx.incidents)  # a date of one of the sentence's events
        earlier = partial(earlier_event, text, (s_start, s_end), incidents=ctx.incidents)
        opening = _opening_year(ds, s_start)
        incidents = [_told_of(story, _dated_after(x, ds, told_year), told_year, opening) for x in ctx.incidents]
        told_before, last_told = last_told, incidents
        place_events(text, ctx, incidents, discourse, lexicon)
        ds, present = sentence_dates(article, ctx, incidents, ds, bool(qs), s_start, s_end)
        discourse.within.update(ctx.within)
        if not qs:
            discourse.counted_noun([m for m in ctx.measures if lexicon.measures[m.id].carries])
        if cited is None and CITATION_LINE.fullmatch(text, s_start, s_end):
            ds = []  # "Daily Express, 6 April 2016": the quoted claim's day, no time for what follows
        if not qs and not ds:
            discourse.remember(
                sentence_places(text, ctx, lexicon),
                ds,
                partial(speaker, text, s_start, s_end, lexicon),  # the paragraph's speaker, found if asked for
                tolls_last(text, incidents),
                dates_story=i == 0 or bool(incidents),
                said=said,
                of_event=event_date,
                earlier=earlier,
            )
            continue
        sentence = source.text[s_start:s_end]
        attribution = speaker(text, s_start, s_end, lexicon)
        attribution, stated, attached, clauses = sentence_voices(article, qs, s_start, s_end, attribution, cited)
        owners = assign_places(text, outside_asides(text, s_start, s_end, ctx.places, qs), qs)
        if RESPECTIVELY.search(text, s_start, s_end):
            owners = respectively(owners, qs)
        r = Reading(
            index=i,
            start=s_start,
            end=s_end,
            paragraph_start=paragraph_start,
            ctx=ctx,
            quantities=qs,
            dates=ds,
            incidents=incidents or _unnamed_past_event(story, s_start, opening, told_year, told_before),
            present=present,
            attribution=attribution,
            stated_attribution=stated,
            cited=cited,
            owners=owners,
            attached=attached,
            clauses=clauses,
        )
        relate_counts(text, r)
        r.breakdown = breakdown_parts(text, qs)
        r.shares = _shares(text, r, discourse.shares)
        if r.shares:
            discourse.shares = [r.shares[id(q)] for q in qs if id(q) in r.shares]
        counted = [_count_claim(article, r, k, q, sentence) for k, q in enumerate(qs)]
        claims += _share_backwards(text, _placed_parts(r, _wholes_beyond_parts(article, r, counted)))
        claims += _date_claims(article, r, sentence)
        whole_places = [p for p in sentence_places(text, ctx, lexicon) if p not in r.part_places]
        discourse.last_voice = _last_voice(
            text, r.clauses if len(qs) > 1 else speaker_clauses(text, s_start, s_end), lexicon
        )
        discourse.remember(
            whole_places,  # the next sentence's are the whole's
            ds,
            stated,
            tolls_last(text, incidents),
            dates_story=i == 0 or bool(qs or incidents),
            said=said,
            of_event=event_date,
            earlier=earlier,
        )
    claims.sort(key=lambda c: (c.start, c.end))
    placed = regional_parts(events_placed_later(claims, lexicon), lexicon, discourse.event_own)
    return repeated_counts(text, added_to_other_counts(placed))


OPENING_DATE_REACH = 3  # a year that opens its sentence, give or take a quote: "In 1993, ..."


def _opening_year(dates: list[DateMention], sentence_start: int) -> int | None:
    """The year a sentence opens with: "In 1993, ..."."""
    return next(
        (
            d.end_date.year
            for d in dates
            if d.start - sentence_start <= OPENING_DATE_REACH and d.granularity == "year" and d.end_date
        ),
        None,
    )


def _told_of(story: Incidents, incident: Incident, told_year: int | None, opening_year: int | None) -> Incident:
    """The event a sentence's mention stands for: the story's, or a past one of its own ("In 1993, between 800,000
    and 1 million people marched on Washington" tells of another march than the story's)."""
    if incident.id == incident.kind and incident.year is None and opening_year is not None:
        past = _past_event(story, replace(incident, year=opening_year), told_year)
        if past.another:
            return past
    if incident.indefinite and incident.year is None and opening_year is not None:
        incident = replace(incident, year=opening_year)  # "In 1982, a protest ...": one of that year
    return _past_event(story, story.resolve(incident), told_year)


def _dated_after(incident: Incident, dates: list[DateMention], told_year: int | None) -> Incident:
    """A named event with the year a date right after its words gives it, when that year lies years before the
    article's: "Prior to Otis, the strongest was Hurricane Patricia in 2015", a past event (a date of the story's
    own event stays the time of its counts)."""
    if incident.year is not None or incident.id == incident.kind or told_year is None:
        return incident
    after = (
        d.end_date.year
        for d in dates
        if 0 <= d.start - incident.end <= 1 and d.end_date is not None and EVENT_DATE_AFTER.match(d.text)
    )
    year = next(after, None)
    return replace(incident, year=year) if year is not None and told_year - year >= PAST_EVENT_YEARS else incident


def _last_voice(text: str, clauses: list[tuple[int, int]], lexicon: Lexicon) -> str | None:
    """The speaker of a sentence's last clause (``clauses``: speaker_clauses'), which names one of its own: "The
    government had announced that 368 were rescued, but officials later acknowledged an error" (the "they" of the
    next sentence are the officials)."""
    if not clauses or not CONTRAST_OPENING.match(text, clauses[-1][0]):
        return None  # only a clause that turns against the one before speaks last: "..., but officials ..."
    return speaker(text, *clauses[-1], lexicon)


def _unnamed_past_event(
    story: Incidents, sentence_start: int, opening_year: int | None, told_year: int | None, before: list[Incident]
) -> list[Incident]:
    """The past event of the story's kind a sentence that names no event tells of by opening on its year: "In 1993,
    between 800,000 and 1 million people marched on Washington" in a story of a 2017 march, or right after the
    sentence of another past one ("In 1982, a protest ... drew 1 million"), however late the article is told."""
    first = story.first
    if opening_year is None or first is None:
        return []
    unnamed = replace(first, start=sentence_start, end=sentence_start, id=first.kind, named=False, year=opening_year)
    past = _past_event(story, unnamed, told_year)
    if not past.another and any(x.another and x.year not in (None, opening_year) for x in before):
        past = replace(unnamed, id=f"{first.kind}_{opening_year}", another=True)
    return [past] if past.another else []


def _past_event(story: Incidents, incident: Incident, told_year: int | None) -> Incident:
    """``incident`` as a past event of its own ("earthquake_1985") when its year lies well before the article's and
    the story told of another event of its kind first."""
    if incident.id != incident.kind or not incident.year or told_year is None:
        return incident
    first = story.first
    if told_year - incident.year < PAST_EVENT_YEARS or first is None or first.kind != incident.kind:
        return incident
    if first.start == incident.start or first.year == incident.year:
        return incident
    return replace(incident, id=f"{incident.kind}_{incident.year}", another=True)


# The end of a paragraph that closes on its speaker: ", the ministry said today.", ", he told reporters on Monday."
CLOSING_SAID = re.compile(
    r",\s+(?:[\w.'\u2019()-]+\s+){1,8}?(?:said|says|told\s+[\w\s]{1,30}?|added|reported|announced)"
    r"(?:\s+(?:on\s+)?[\w]+){0,2}\s*[.\"\u201d]*\s*$"
)
CLOSING_SAID_REACH = 160  # a paragraph's last characters that hold ", the ministry said today."
LEAD_REACH = 600  # characters of a page's top that hold its lead
HEADLINE_LENGTH = 120  # the longest line that ends on no full stop and is a headline, a byline or a bullet
FULL_STOPS = '.!?"\u201d'  # the end of a paragraph of sentences


def _headline_like(text: str, end: int, body_start: int) -> bool:
    """Whether the paragraph of the page's top ending at ``end`` is a headline, a byline or a bullet (a short line
    with no full stop), which the lead comes after, not the lead itself."""
    start = max(text.rfind("\n", body_start, end) + 1, body_start)
    return end - body_start <= LEAD_REACH and end - start <= HEADLINE_LENGTH and text[end - 1] not in FULL_STOPS


def _article(source, text, sentences, context, date_by_sentence, lexicon: Lexicon) -> Article:
    """What holds for the whole article: where and when its story is, its one country, its headline's event."""
    dateline = dateline_places(text, source.body_start, lambda name: place_id(name, lexicon))
    discourse = Discourse(
        main_places=dateline,
        within=dict(pairwise(dateline)),
        undated=source.published is None,
        scattered=lexicon.events.scattered,
        incidents=Incidents(
            absorbs=lexicon.events.absorbs,
            part_of=lexicon.events.part_of,
            # (a festival, which gathers a crowd, can be the story still: "the disaster" at the Love Parade)
            partial=frozenset(lexicon.events.only) - set(lexicon.events.people),
        ),
        address_month=url_month(source.url) if source.published is None else None,
    )
    if not discourse.main_places:
        # where the story is: the first place its first paragraph names, past a headline and a byline that name
        # none ("Joplin missing list reaches zero; death toll at 134 // By ... // (CNN) -- ... in Joplin, Missouri")
        for i, (s_start, _) in enumerate(sentences):
            end = sentences[i - 1][1] if i else 0
            if "\n\n" in text[end:s_start] and not _headline_like(text, end, source.body_start):
                break
            if captioned(text, sentences[i][1]):
                continue  # a photo's caption says where the photo was taken, not where the story is
            discourse.main_places = sentence_places(text, context(i), lexicon)
            if discourse.main_places:
                break
    # "the Fort McMurray wildfire": an event named after a place the gazetteer lacks, which the article places
    unknown = {
        g[3]: g[2][0]
        for i in range(len(sentences))
        for g in (*context(i).places, *context(i).subject_places)
        if len(g[2]) == 1 and g[2][0] not in lexicon.place_parents and g[2][0] not in lexicon.countries
    }
    if unknown:
        for i in range(len(sentences)):
            context(i).incidents = placed_by_article_names(context(i).incidents, unknown, lexicon.events)
    discourse.incidents.expect([x for i in range(len(sentences)) for x in context(i).incidents])
    if source.published is None:
        discourse.written_year = latest_year_told(text, sentences, date_by_sentence, context)
    for i in range(len(sentences)):
        # "Lombok quake toll rises to 131" in a headline before "Indonesia's Lombok": where the article says a place
        # lies holds for all of it, the lines before too
        for place, wider in context(i).within.items():
            discourse.within.setdefault(place, wider)
    discourse.within.update(home_countries([context(i) for i in range(len(sentences))], lexicon, discourse.within))
    # the one country the article speaks of, if one: where a strike or a quake it never places happens
    named = {c for i in range(len(sentences)) for c in named_countries(context(i), lexicon, discourse.within)}
    title = headline(source.title, source.url)
    cased = bool(source.title) or cased_as_headline(title)
    title_tokens = tokenize(title)
    # "the 2010 Haiti earthquake": a place in the headline says where the event is, it is not its name
    title_places = lexicon.places.find_in(title, title_tokens)
    # "motorway-bridge-collapses-in-genoa-italy": where the headline puts the story, for an event no sentence places
    # (an address's words in lower case are looked up as names: the gazetteer's cities are case-sensitive)
    named_title = title if cased else string.capwords(title)
    located = lexicon.places.find(named_title)
    located = [m for m in located if TITLE_IN_BEFORE.search(named_title, max(0, m.start - TITLE_IN_REACH), m.start)]
    if located:
        discourse.headline_places = [located[0].id]
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
    return Article(
        source,
        text,
        lexicon,
        discourse,
        dateline,
        next(iter(named)) if len(named) == 1 else None,
        partial(countries_of, lexicon=lexicon, within=discourse.within),  # as the article places them
        context,
    )


# A place the headline puts the story in: "... collapses in Genoa".
TITLE_IN_BEFORE = re.compile(r"(?i)\bin\s+$")
TITLE_IN_REACH = 4


def _placed_parts(r: Reading, claims: list[Claim]) -> list[Claim]:
    """A part of a breakdown told with its own place is that place's part of the total, never a rival of the total:
    "48 people had died, 43 in Acapulco and five in nearby Coyuca de Benitez" (43 is Acapulco's, not a rival of
    Mexico's 45)."""
    return [
        c.model_copy(update={"facet": f"part of {c.location[0]}"})
        if id(q) in r.breakdown and c.location_text and c.location and not c.facet
        else c
        for q, c in zip(r.quantities, claims, strict=True)
    ]


def _wholes_beyond_parts(article: Article, r: Reading, claims: list[Claim]) -> list[Claim]:
    """A whole no words place is not where its part is: "mobilized 1.12 million people, including 80,000 in Paris"
    counts France, where the story's place (Paris, named first) would put it; the part is then Paris's own count."""
    out = list(claims)
    for k, q in enumerate(r.quantities):
        if id(q) not in r.included:
            continue
        j = k - 1
        while j >= 0 and id(r.quantities[j]) in r.included:
            j -= 1  # "including 13 firefighters and 121 civilians": the whole before the parts
        if j < 0:
            continue
        whole, part = out[j], out[k]
        if whole.location and whole.location == part.location and not whole.location_text and part.location_text:
            # the country the part's place lies in, not that place itself (Paris: France; Acapulco, Mexico: Mexico)
            wider = [c for c in article.countries_of(part.location) if c not in part.location[:1]]
            out[j] = whole.model_copy(update={"location": wider})
            if part.facet == "part":  # then placed on its own: the place's count, as "including 81,000 in Paris"
                out[k] = part.model_copy(update={"facet": None})
    return out


def _shares(text: str, r: Reading, before: list[str | None]) -> dict[int, str | None]:
    """The group each percentage of a sentence is a share of; "The government puts the numbers at 42 percent and 65
    percent, respectively" takes them in order from the sentence before ("70 percent of primary school teachers ...
    and 65 percent of middle- and high-school teachers")."""
    percents = [q for q in r.quantities if q.unit == "percent"]
    shares = {id(q): share_of(text, q, r.end) for q in percents}
    if len(before) == len(percents) > 1 and RESPECTIVELY.search(text, r.start, r.end):
        shares = {id(q): shares[id(q)] or group for q, group in zip(percents, before, strict=True)}
    return shares


# Between a part and a count joined to it in its clause: " died and ", " were killed, and ".
JOINED_TO_PART = re.compile(r"\s+(?:[a-z]+\s+){0,3}?[a-z]+,?\s+and\s+")


def _count_claim(article: Article, r: Reading, k: int, q: Quantity, sentence: str) -> Claim:
    """The claim of the ``k``-th count of the sentence ``r`` reads: what it counts, whose, where, when, on whose
    word, in that order, each side read with the ones before it."""
    text, lexicon, discourse = article.text, article.lexicon, article.discourse
    previous = r.quantities[k - 1] if k else None
    measured = read_measure(article, r, q, previous)
    owner = read_subject(article, r, q, previous, measured)
    if owner.incident is not None and q.low is not None:
        discourse.told.setdefault((owner.measure, q.low, q.high), owner.incident)
    measure = owner.measure
    placed_before = discourse.measure_places.get(measure or "", [])  # where its whole would be: read_place moves on
    placed = read_place(article, r, q, previous, measure, owner, measured.elided)
    carry_measure(article, q, measure, measured.text)
    as_of, mood = read_time(article, r, q, measure, owner.incident, placed.location)
    said_by = read_speaker(article, r, q, placed.text)
    subject, subject_text = owner.subject, owner.text
    if measure == "money" and owner.incident is None and (made := made_again(text, r.start, r.end)):
        subject, subject_text = made  # "€100m towards rebuilding the cathedral"
    narrowed = (
        f"outside {' '.join(placed.outside)}"  # "outside seoul": told apart from the place's own count
        if placed.outside
        else "elsewhere"
        if placed.elsewhere
        else "part"
        if measured.part or in_sectors(text, r.start, q)
        else "multiple"
        if multiple_of(text, q, previous, r.measures.get(id(previous)) if previous else None)
        else _joined(
            facet(text, q, lexicon, (r.start, r.end)), measured.whose, kind_of_count(lexicon, measure, measured)
        )
    )
    # a part placed on its own is that place's count: "More than 1.2 million of them have crossed into Poland" (not
    # where its whole was: "The 5,748 missing ... in Uttarakhand ... Of those missing, 924 are from Uttarakhand")
    whole_places = r.places.get(id(previous), []) if previous else placed_before
    own_place = id(q) in r.owners and set(placed.location) != set(whole_places)
    if narrowed is None and previous is not None and id(previous) in r.told_parts:
        # "in the north, where 374 people died and more than 137,000 have been forced from their homes": a count
        # joined to a part in its clause is a part of the same place
        narrowed = "part" if JOINED_TO_PART.fullmatch(text, previous.end, q.start) else None
    whole_part = narrowed == "part"  # its places are a part's, for the sentences after it
    if whole_part:
        r.told_parts.add(id(q))
    if whole_part and own_place:
        narrowed = None  # "3,400 in the region, a figure that includes 2,500 in Iraq": all of Iraq's
    if whole_part and id(q) in r.owners:
        r.part_places.update(r.owners[id(q)][0])
    return _claim(
        article.source,
        q.start,
        q.end,
        sentence,
        kind="quantity",
        subject=subject,
        subject_text=subject_text,
        measure=measure,
        measure_text=with_state(measured.text, measured.state),
        facet=_joined(
            narrowed
            or population(text, q, measure, measured.text or q.measure_text, lexicon, said_by)
            # a part a cue names that nothing else narrows: "..., as well as 16 unidentified bodies"
            or ("part" if id(q) in r.included and not own_place else None),
            with_missing(text, q, measure),  # "5,335 schoolchildren died or went missing"
            spread_bound(text, q, (r.start, r.end)),  # "some as high as 3,000 and others as low as 300"
            r.shares.get(id(q)),
        ),
        subject_type=subject_type(subject, owner.incident, lexicon),
        location=placed.location,
        location_text=placed.text,
        countries=placed.countries,
        within=containers(placed.location, lexicon, discourse.within),
        value=Interval(low=_low(q), high=_high(q), qualifier=q.qualifier)
        if q.low is not None or q.high is not None
        else None,
        unit=" ".join(part for part in (q.unit, f"per {q.per}" if q.per else None) if part) or None,
        as_of=as_of,
        attribution=said_by,
        modality=mood,
        derivation=q.derivation,
    )


def _date_claims(article: Article, r: Reading, sentence: str) -> list[Claim]:
    """The claims of the dates of the sentence ``r`` reads: the day an event happened, on whose word."""
    text, source, ctx = article.text, article.source, r.ctx
    report_line = DATELINE.match(text, r.start, r.end)
    found = []
    for d in r.dates:
        if report_line and d.end <= report_line.end():
            continue  # "BAGHDAD, March 8 (Reuters) -": the day of the report, no event's date
        event, event_key = describe_event(text, (r.start, r.end), d)
        subject = nearest_entity_before(text, ctx, d.start, None, article.lexicon)
        found.append(
            _claim(
                source,
                d.start,
                d.end,
                sentence,
                kind="date",
                subject=subject.id if subject else None,
                subject_text=subject.text if subject else None,
                location=sorted({pid for p in ctx.places for pid in p[2]}),
                as_of=AsOf(
                    start=d.start_date,
                    end=d.end_date,
                    scope="explicit" if d.start_date else "unknown",
                    text=source.text[d.start : d.end],
                ),
                granularity=d.granularity,
                event=event,
                event_key=event_key,
                attribution=r.attribution,
                modality=date_modality(text, r.start, d.start),
            )
        )
    return found


def _joined(*facets: str | None) -> str | None:
    """The facets that narrow a count, in one: "children dead or missing", "teacher primary"."""
    return " ".join(f for f in facets if f) or None


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


def _low(q: Quantity) -> float | None:
    return q.low if q.qualifier not in ("less_than", "at_most") else None


def _high(q: Quantity) -> float | None:
    return q.high if q.qualifier not in ("more_than", "at_least") else None
