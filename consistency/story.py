"""What an article learns from the other articles of its story: the name of its event, the year of its dates,
when its event began.

An article that only ever says "the fire" or "the blaze" leaves its counts about a fire: they cannot meet
another outlet's counts of "the Camp Fire". Its headline often names the event all the same, in an address's
lower-case words ("/camp-fire-100-percent-containment-reached/"), which alone cannot tell a name ("Camp") from
an ordinary word. Another article of the corpus that names "the Camp Fire" in capitals settles it.

An undated article that says "since the April 20 explosion" cannot say which April 20; an article of the same
story (counts of the same measure and subject) that dates April 20 to 2010 can. The undated article's figures
are then known to the year, no closer: a running count stays too loosely dated to contradict anything.

An article that never places its event ("the spill", "oil spilt into the Gulf") learns where it is from the
articles of its story that do, when they all put it in one place: the same kind of event, counted by the same
measure, on a day both articles name ("since the April 20 explosion"), is one event.

An article that only ever says "the disaster" counts the event the other articles of its story name at the same
place ("the flood" in Derna), when they all name one.

A toll whose article never dates its event ("the earthquake", in Haiti) learns when the event began from the
articles that do ("the Jan. 12, 2010 earthquake"): a toll told half a year or more after its event is settled,
and settled tolls are compared whenever each was told (``compare.comparable_in_time``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import lru_cache
from itertools import pairwise

from .extract.addresses import headline
from .extract.dates import MONTHS, find_dates
from .extract.facets import TOLLS
from .extract.incidents import ANY_EVENT
from .models import AsOf, Claim, Source

_WORDS = re.compile(r"[a-z0-9]+")
# A leap year to read a month and day against: "Feb. 29" is a day in it.
_ANY_YEAR = date(2000, 12, 31)


def learn_from_story(claims: list[Claim], sources: dict[str, Source]) -> list[Claim]:
    """``claims`` with each article's unnamed event named, an undated article's year set and an event's start
    known where the other articles of its story say them; claims that learn nothing are returned as they are (the
    same objects)."""
    named = _name_generic(_name_events(_place_within(claims), sources))
    return _date_events(_place_named(_place_unplaced(_date_undated(named, sources))))


def _place_within(claims: list[Claim]) -> list[Claim]:
    """Where one article says a place lies ("Indonesia's Lombok"), the counts the other articles place there alone
    lie there too, and an event's count compared within a country is compared within that one: the articles of one
    story then meet at one place, whichever of them said where it is."""
    said: dict[str, set[tuple[tuple[str, ...], tuple[str, ...]]]] = defaultdict(set)  # place -> (wider, countries)
    for claim in claims:
        narrow = claim.narrowest
        if claim.kind == "quantity" and claim.within and len(narrow) == 1 and narrow != claim.countries:
            said[narrow[0]].add((tuple(claim.within), tuple(claim.countries)))
    out = []
    for claim in claims:
        known = said.get(claim.location[0]) if len(claim.location) == 1 and not claim.within else None
        agreed = _nested(known) if known else None
        if agreed:  # the articles agree where it lies ("Colombia"; "Putumayo, Colombia")
            (wider, countries), place = agreed, claim.location[0]
            update = {"location": [place, *wider], "within": list(wider)}
            if claim.countries == [place]:  # taken for a country of its own, for want of knowing its country
                update["countries"] = list(countries)
            claim = claim.model_copy(update=update)
        out.append(claim)
    return out


def _nested(known: set[tuple[tuple[str, ...], tuple[str, ...]]]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The widest account of where a place lies, when the articles' accounts hold one another and name one country
    ("Colombia" and "Putumayo, Colombia"); none when they disagree."""
    chains = sorted(known, key=lambda k: len(k[0]))
    if len({countries for _, countries in chains if countries}) > 1:
        return None
    if all(set(a[0]) <= set(b[0]) for a, b in pairwise(chains)):
        return chains[-1][0], next((countries for _, countries in reversed(chains) if countries), ())
    return None


def _name_generic(claims: list[Claim]) -> list[Claim]:
    """An article that only ever calls its event "the disaster", or gives a toll with no event at all ("The death
    toll there was revised to 315"), counts the event the other articles of its story count by the same measure at
    the same place, when they all name one ("the flood" in Derna)."""
    named: dict[tuple[str, str], set[tuple[str, tuple[str, ...]]]] = defaultdict(set)  # (place, measure) -> events
    for claim in claims:
        if claim.kind == "quantity" and claim.subject_type == "event" and not _generic(claim) and claim.measure:
            for place in claim.location:
                named[(place, claim.measure)].add((claim.subject or "", tuple(claim.countries)))
    out = []
    for claim in claims:
        eventless = claim.subject is None and claim.measure in TOLLS
        if claim.kind == "quantity" and (_generic(claim) or eventless):
            found = set().union(*(named.get((place, claim.measure or ""), set()) for place in claim.location))
            events = {subject for subject, _ in found}
            if len(found) == 1 or (eventless and len(events) == 1):
                # (a toll with no event takes the one event counted there, whether the counts there are of its
                # country or not: its places stay as its own words put them)
                update = {"subject": events.pop(), "subject_type": "event"}
                if len(found) == 1:
                    update["countries"] = list(next(iter(found))[1])
                claim = claim.model_copy(update=update)
        out.append(claim)
    return out


def _unplaced(claim: Claim) -> bool:
    """Whether a claim's words place it nowhere ("worldwide" places a count, and in no one place)."""
    return not claim.location and not claim.location_text


def _generic(claim: Claim) -> bool:
    """Whether a count's event is only "the disaster": the words for whatever event a story is about."""
    words = (claim.subject_text or "").lower().split()
    return claim.subject_type == "event" and bool(words) and words[-1] in ANY_EVENT


def _name_events(claims: list[Claim], sources: dict[str, Source]) -> list[Claim]:
    """Each article's unnamed event ("fire") named when it is placed where an event of that kind other articles
    name is named after ("the fire in Lahaina": "lahaina_fire"), else when its headline holds the words of exactly
    one such event ("camp_fire"), else when the other articles count exactly one such event where it is ("Puerto
    Rico's hurricane" is Hurricane Maria)."""
    named_by_kind: dict[str, set[str]] = defaultdict(set)
    named_at: dict[tuple[str, str], set[str]] = defaultdict(set)  # (kind, place) -> the named events counted there
    for claim in claims:
        if claim.subject_type == "named_event" and claim.subject:
            kind = _kind(claim.subject)
            if kind:
                named_by_kind[kind].add(claim.subject)
                for place in claim.location:
                    named_at[(kind, place)].add(claim.subject)
    if not named_by_kind:
        return claims
    renamed: dict[tuple[str, str], str | None] = {}  # (source, kind) -> the event its headline names

    def name_for(source_name: str, kind: str) -> str | None:
        if (source_name, kind) not in renamed:
            source = sources.get(source_name)
            words = f" {' '.join(_WORDS.findall(headline(source.title, source.url).lower()))} " if source else ""
            found = [e for e in named_by_kind[kind] if f" {e.replace('_', ' ')} " in words]
            renamed[(source_name, kind)] = found[0] if len(found) == 1 else None
        return renamed[(source_name, kind)]

    out = []
    for claim in claims:
        if claim.subject_type == "event" and claim.subject in named_by_kind:
            # "the fire in Lahaina" is "the Lahaina wildfire" another article names; else its headline's
            kind = claim.subject
            # where it is, not the wider places its article says that lies in ("Ceuta", not Spain too)
            places = claim.narrowest
            at = [f"{place}_{kind}" for place in places if f"{place}_{kind}" in named_by_kind[kind]]
            event = at[0] if len(at) == 1 else name_for(claim.source, kind)
            if event is None:
                # "Puerto Rico's hurricane" where the other articles count one named storm, Hurricane Maria
                there = set().union(*(named_at.get((kind, place), set()) for place in places))
                event = there.pop() if len(there) == 1 else None
            if event is not None:
                claim = claim.model_copy(update={"subject": event, "subject_type": "named_event"})
        out.append(claim)
    return out


def _kind(event: str) -> str | None:
    """The kind a named event's id ends with: "camp_fire" -> "fire" (an id with a year, or a disease's, has none)."""
    _, sep, kind = event.rpartition("_")
    return kind if sep and kind.isalpha() else None


def _date_undated(claims: list[Claim], sources: dict[str, Source]) -> list[Claim]:
    """An undated article's claims dated to the year that the dated articles of its story give the days it names
    without a year ("April 20" -> 2010), when they all give one year."""
    stories: dict[str, set[tuple]] = defaultdict(set)  # source -> (measure, subject) of its counts
    days: dict[str, list[tuple[tuple[int, int], date | None]]] = defaultdict(list)  # source -> (month, day), date
    for claim in claims:
        if claim.kind == "quantity" and claim.measure and claim.subject:
            stories[claim.source].add((claim.measure, claim.subject))
        elif claim.kind == "date" and (day := _month_day(claim.text)):
            days[claim.source].append((day, claim.as_of.start if claim.as_of.scope == "explicit" else None))
    # (month, day) -> story -> the years dated articles of that story give the day: looked up, never paired
    dated: dict[tuple[int, int], dict[tuple, set[int]]] = defaultdict(lambda: defaultdict(set))
    for name, mentions in days.items():
        if sources.get(name) and sources[name].published is not None:
            for day, when in mentions:
                for story in stories[name] if when is not None else ():
                    dated[day][story].add(when.year)
    years: dict[str, int] = {}
    for name, mentions in days.items():
        if name not in sources or sources[name].published is not None:
            continue
        found = {
            year
            for day, when in mentions
            if when is None and day in dated
            for story in stories[name]
            for year in dated[day].get(story, ())
        }
        if len(found) == 1:
            years[name] = found.pop()
    if not years:
        return claims
    # the yearless day a sentence names: "On 15 January, the Red Cross estimated 45,000-50,000 dead"
    sentence_days = {
        (c.source, c.sentence): day
        for c in claims
        if c.source in years
        and c.kind == "date"
        and c.as_of.scope == "unknown"
        and c.text.lower().startswith("on ")  # not "since the April 20 explosion": a start, or the event's day
        and (day := _month_day(c.text))
    }
    return [
        _in_year(claim, years[claim.source], sentence_days.get((claim.source, claim.sentence)))
        if claim.source in years
        else claim
        for claim in claims
    ]


@lru_cache(maxsize=4096)  # asked of each date claim when days are collected, and again when one is dated
def _month_day(text: str) -> tuple[int, int] | None:
    """The month and day a date's words name, without their year: "April 20", "on Jan. 12", "April 20, 2010" (not
    "Tuesday": a weekday is no day of the year)."""
    found = find_dates(text, _ANY_YEAR)
    if len(found) != 1 or found[0].granularity != "day" or found[0].start_date is None:
        return None
    if not any(word in MONTHS for word in _WORDS.findall(text.lower())):
        return None
    return found[0].start_date.month, found[0].start_date.day


def _in_year(claim: Claim, year: int, sentence_day: tuple[int, int] | None = None) -> Claim:
    """A claim of an undated article in its story's year: a date on its day, a count on the day its sentence names,
    else over the year."""
    if claim.as_of.scope != "unknown":
        return claim
    if claim.kind == "date" and (day := _month_day(claim.text)):
        when = date(year, *day)
        return claim.model_copy(update={"as_of": AsOf(start=when, end=when, scope="explicit", text=claim.text)})
    if claim.kind == "quantity" and sentence_day is not None:
        when = date(year, *sentence_day)
        return claim.model_copy(update={"as_of": AsOf(start=when, end=when, scope="explicit", text=str(year))})
    whole = AsOf(start=date(year, 1, 1), end=date(year, 12, 31), scope="context", text=str(year))
    return claim.model_copy(update={"as_of": whole})


def _place_unplaced(claims: list[Claim]) -> list[Claim]:
    """An article's unplaced counts of an unnamed event ("spill") placed where the other articles of its story put
    that event, when they all put it in one place. Articles of one story count the event by one measure and name one
    of its days; an article that places the event anywhere keeps its own places."""
    days: dict[str, set[tuple[int, int]]] = defaultdict(set)  # source -> the days it names, without their year
    counts: dict[tuple[str, str], list[Claim]] = defaultdict(list)  # (source, event) -> its counts of the event
    for claim in claims:
        if claim.kind == "date" and (day := _month_day(claim.text)):
            days[claim.source].add(day)
        elif claim.kind == "quantity" and claim.subject_type == "event" and claim.measure:
            counts[(claim.source, claim.subject)].append(claim)
    placed: dict[str, dict[str, set[tuple]]] = defaultdict(lambda: defaultdict(set))  # event -> source -> places
    unplaced: list[tuple[str, str]] = []
    for (name, event), found in counts.items():
        places = {(tuple(c.location), tuple(c.countries)) for c in found if c.location}
        if places:
            placed[event][name] = places
        elif days[name]:
            unplaced.append((name, event))
    where: dict[tuple[str, str], tuple] = {}
    for name, event in unplaced:
        measures = {c.measure for c in counts[(name, event)]}
        told = set().union(
            *(
                places
                for other, places in placed[event].items()
                if days[other] & days[name] and measures & {c.measure for c in counts[(other, event)]}
            )
        )
        if len(told) == 1:
            where[(name, event)] = told.pop()
    if not where:
        return claims
    out = []
    for claim in claims:
        if (found := where.get((claim.source, claim.subject))) and claim.kind == "quantity" and _unplaced(claim):
            claim = claim.model_copy(update={"location": list(found[0]), "countries": list(found[1])})
        out.append(claim)
    return out


def _place_named(claims: list[Claim]) -> list[Claim]:
    """An article's unplaced counts of a named event ("Two years after Hurricane Maria, the official toll of 2,975
    is still disputed") placed where every article that places that event puts it: its country, for an event whose
    counts are a country's, else its places."""
    where: dict[str, set[tuple[tuple[str, ...], tuple[str, ...]]]] = defaultdict(set)
    for claim in claims:
        if claim.kind == "quantity" and claim.subject_type == "named_event" and claim.location:
            place = tuple(claim.countries) or tuple(claim.location)
            where[claim.subject].add((place, tuple(claim.countries)))
    agreed = {event: next(iter(found)) for event, found in where.items() if len(found) == 1}
    out = []
    for claim in claims:
        found = agreed.get(claim.subject or "")
        if found and claim.kind == "quantity" and claim.subject_type == "named_event" and _unplaced(claim):
            claim = claim.model_copy(update={"location": list(found[0]), "countries": list(found[1])})
        out.append(claim)
    return out


def _date_events(claims: list[Claim]) -> list[Claim]:
    """A toll whose article never dates its event ("the earthquake" in Haiti) learns when the event began from the
    articles that do, when they all put it in one year ("the Jan. 12, 2010 earthquake") and count it where the toll
    is, or nowhere narrower than its country."""
    starts: dict[tuple, set[date]] = defaultdict(set)  # event, where -> the days articles say it began
    dating: dict[tuple, set[str]] = defaultdict(set)  # ... and the articles that say it
    for claim in claims:
        if claim.as_of.event is not None and claim.subject:
            starts[_event_of(claim)].add(claim.as_of.event)
            dating[_event_of(claim)].add(claim.source)
    known = {key: max(days) for key, days in starts.items() if len({day.year for day in days}) == 1}
    if not known:
        return claims
    # where within its country each event's dating articles count it: the Uttarakhand flood's, not Chennai's
    dated_at: dict[tuple, set[str]] = defaultdict(set)
    keys_of: dict[str, list[tuple]] = defaultdict(list)  # an unnamed event's kind -> its keys, one per country
    for key in known:
        if len(key) > 1:  # (a named event is one wherever it is counted)
            keys_of[key[0]].append(key)
    for claim in claims:
        if claim.kind == "quantity" and claim.subject in keys_of:
            for key in keys_of[claim.subject]:
                if claim.source in dating[key]:
                    dated_at[key].update(_within(claim, key[1]))
    out = []
    for claim in claims:
        if claim.kind == "quantity" and claim.as_of.event is None and claim.subject:
            key = _event_of(claim)
            day = known.get(key)
            here, there = (_within(claim, key[1]) if len(key) > 1 else set()), dated_at.get(key)
            if day is not None and (not here or not there or here & there):
                # the latest day said: a year alone ("the 2010 earthquake") is its first day (not to a flood in
                # Chennai, where the articles that dated a flood in the same country count it in Uttarakhand)
                claim = claim.model_copy(update={"as_of": claim.as_of.model_copy(update={"event": day})})
        out.append(claim)
    return out


def _within(claim: Claim, where: tuple[str, ...]) -> set[str]:
    """The places a claim is at within ``where`` (its event's country), with those they lie in: {Chennai, Tamil
    Nadu}."""
    return set(claim.location) - set(claim.countries) - set(where)


def _event_of(claim: Claim) -> tuple:
    """Which event a claim counts: a named one by its name, an unnamed one by its kind and its country."""
    if claim.subject_type == "named_event":
        return (claim.subject,)
    return (claim.subject, tuple(claim.countries or claim.location))
