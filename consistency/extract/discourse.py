"""What earlier sentences set, for later ones to inherit: the paragraph's and the article's context.

"The ministry said on Friday that strikes on its depots had risen. In Kharkiv there were 41; in Odesa, 18."
Both counts are the ministry's, as of Friday: a time, place, speaker or event set by one sentence holds for
the next ones of its paragraph until another replaces it.  Beyond the paragraph only the article's main
event and main place carry (the dateline's "PARADISE, Butte County —", the event the story is about), and,
for an article with no publication date, the latest year it has stated so far (context flows forward: a
closing "unlike the Exxon Valdez spill in 1989" does not date the figures above it).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..models import AsOf
from .dates import DateMention
from .incidents import Incident, Incidents
from .places import DATELINE, ancestors
from .times import SINCE_LIKE

# Dates whose time is the count's: not "since X" (a start) nor "before X" (a bound) nor "X ago" (``SINCE_LIKE``).
CARRIED_ROLES = frozenset({"point", "span"})


@dataclass
class Discourse:
    """The context in force at a point of the article."""

    incidents: Incidents = field(default_factory=Incidents)
    main_places: list[str] = field(default_factory=list)
    # where the headline puts the story ("... collapses in Genoa"), for an event no sentence has placed yet
    headline_places: list[str] = field(default_factory=list)
    within: dict[str, str] = field(default_factory=dict)  # place -> the place the article says it lies in
    event_places: dict[str, list[str]] = field(default_factory=dict)  # event id -> where its first count was
    # event id -> where its own words put it: "last month's floods in Henan Province"
    event_own: dict[str, list[str]] = field(default_factory=dict)
    # event id -> the places its words named last, narrower maybe: "The Joplin tornado" after "Missouri tornado"
    event_own_last: dict[str, list[str]] = field(default_factory=dict)
    # event kind -> the measures whose counts are each where they happened: arrivals where people came, refugees
    # where they fled from
    scattered: dict[str, frozenset[str]] = field(default_factory=dict)
    spread: str | None = None  # the paragraph's counts are over many places: "around the world", "across the region"
    last_place: tuple[list[str], str | None] | None = None  # where the paragraph's last placed count is, in words
    measure_places: dict[str, list[str]] = field(default_factory=dict)  # measure -> where its last count was placed
    shares: list[str | None] = field(default_factory=list)  # the groups of the last sentence's percentages, in order
    # event id -> when it began, as the date that dates it tells: "Jan. 12, 2010", or only "2010"
    event_days: dict[str, tuple[date, date]] = field(default_factory=dict)
    # (measure, low, high) of a count told of an event -> that event, for the same figure told again
    told: dict[tuple, Incident] = field(default_factory=dict)
    undated: bool = False
    address_month: tuple[date, date] | None = None  # an undated article's month, from its address
    stated_year: int | None = None  # an undated article's latest year stated so far
    written_year: int | None = None  # an undated article's latest year told anywhere: it was written no earlier
    _last_speaker: str | None = None  # the article's latest named speaker, for "his estimate" paragraphs later
    # the speaker of the contrasting last clause of the latest sentence with counts ("..., but officials later
    # acknowledged"): who "they said" of the next sentence are
    last_voice: str | None = None
    # Speakers of sentences with no claim, found only when a claim asks (most are never asked): each a finder and
    # whether it is still the paragraph's.
    _unread: list[tuple[Callable[[], str | None], bool]] = field(default_factory=list)
    named_places: list[str] = field(default_factory=list)  # every place stated so far, in order: "the two countries"
    last_told: DateMention | None = None  # the article's latest point or span: "A week earlier" is told from it
    # measure -> when the article's running count of it began, and where it was counted
    since: dict[str, tuple[date, list[str]]] = field(default_factory=dict)
    projection: AsOf | None = None  # the time the article's last projection is for, should "the estimate" recur
    # measure -> the entities the article has named as owning such counts, with their words: "2,500 American troops"
    owners: dict[str, dict[str, str | None]] = field(default_factory=dict)
    # the paragraph's
    places: list[str] = field(default_factory=list)
    time: DateMention | None = None
    last_date: DateMention | None = None  # the paragraph's last stated date of any kind ("By the end of 2023")
    time_said: bool = False  # the paragraph's time is the day of a statement ("the ministry said on Tuesday")
    past: AsOf | None = None  # a past figure's time: "The earliest figure, 1,000 barrels, ... A team then pegged"
    _speaker: str | None = None
    # the paragraph before's speaker, where it closed on them: "..., the NDMA said today. // Altogether 87 people
    # were injured" is still the NDMA's, where the paragraph names none of its own
    paragraph_before_speaker: str | None = None
    recent: list[Incident] = field(default_factory=list)  # the paragraph's events, in order
    # the article's last counted measure and its words, for "the official count stood at 16" in a later paragraph
    article_measure: tuple[str | None, str | None] = (None, None)
    measure: str | None = None  # the paragraph's last counted measure, its words and unit
    measure_text: str | None = None
    unit: str | None = None

    @property
    def speaker(self) -> str | None:
        """The paragraph's speaker: "the ministry said on Friday ... In Odesa, 18" is the ministry's."""
        self._read_speakers()
        return self._speaker

    @property
    def last_speaker(self) -> str | None:
        self._read_speakers()
        return self._last_speaker

    def _read_speakers(self) -> None:
        """Find the unread speakers, latest first: the latest one found is the last speaker (and the paragraph's, if
        it spoke in this paragraph), whoever spoke before it."""
        for find, paragraphs in reversed(self._unread):
            found = find()
            if found:
                self._last_speaker = found
                if paragraphs:
                    self._speaker = found
                break
        self._unread.clear()

    def with_containers(self, places: list[str]) -> list[str]:
        """The places and those the article has said they lie in: Paradise -> Paradise, Butte County."""
        wider = [up for place in places for up in ancestors(place, self.within)]
        return list(dict.fromkeys([*places, *wider]))

    def event_location(self, incident: Incident, measure: str | None = None) -> list[str]:
        """Where an event happens: where its name says ("the Nepal quake"), where an earlier count of it was placed
        ("85 dead, the Butte County sheriff said ... The fire has scorched 153,335 acres"), else where the story is.
        A count of a measure told where it happened (migration's arrivals and refugees) is where an earlier count of
        the same measure was: 1.2 million arrivals in Poland say nothing of where 2 million refugees fled from."""
        if measure not in self.scattered.get(incident.kind, ()):
            return (
                list(incident.places)
                or self.event_own.get(incident.id)
                or self.event_places.get(incident.id)
                or self.main_places
                or self.headline_places
            )
        return list(incident.places) or self.event_places.get(f"{incident.id}/{measure}") or []

    def own(self, measure: str, subject: str, subject_text: str | None) -> None:
        """Remember that the article named ``subject`` as owning a count of ``measure``."""
        self.owners.setdefault(measure, {}).setdefault(subject, subject_text)

    def sole_owner(self, measure: str | None) -> tuple[str | None, str | None]:
        """The one entity the article has named as owning counts of ``measure`` so far; none when it named two."""
        named = self.owners.get(measure or "", {})
        return next(iter(named.items())) if len(named) == 1 else (None, None)

    def place_event(self, incident: Incident, measure: str | None, location: list[str]) -> None:
        """Remember where a count of an event was placed, for its unplaced counts after it."""
        self.event_places.setdefault(incident.id, location)
        if measure in self.scattered.get(incident.kind, ()):
            self.event_places.setdefault(f"{incident.id}/{measure}", location)

    def new_paragraph(self, closed_on_speaker: bool = False) -> None:
        self.paragraph_before_speaker = self.speaker if closed_on_speaker else None
        self.places, self.time, self.past, self._speaker, self.recent = [], None, None, None, []
        self.last_voice = None
        self._unread = [(find, False) for find, _ in self._unread]  # a last speaker still, no longer the paragraph's
        self.spread = self.last_place = None
        self.time_said, self.last_date = False, None
        self.measure = self.measure_text = self.unit = None

    def remember(
        self,
        places: list[str],
        dates: list[DateMention],
        speaker: str | None | Callable[[], str | None],
        incidents: list[Incident],
        dates_story: bool = True,
        said: Callable[[DateMention], bool] = lambda d: False,
        of_event: Callable[[DateMention], bool] = lambda d: False,
        earlier: Callable[[DateMention], bool] = lambda d: False,
    ) -> None:
        """What a sentence stated, for the sentences after it. Only a sentence that ``dates_story`` (the first, one
        with a count or one naming an event) sets an undated article's year: "Congress barred the agency from
        releasing them in 1996" is an aside, not the story's year. ``said`` tells the day of a statement ("said on
        Tuesday") from other dates; ``of_event`` tells the dates of events ("Obama's inauguration in 2009"), which
        are no time for the sentences after them; ``earlier`` the days of earlier events the story is set against
        ("the previous deadliest incident happened in 1990"), which are not its year. ``speaker`` may be a finder of
        it, called only if a later claim asks who is speaking."""
        if places:
            self.places, self.spread = places, None
            self.named_places += places
            if not self.main_places:
                self.main_places = places
        years = [d.end_date.year for d in dates if d.end_date is not None and not earlier(d)]  # not history's
        if self.undated and years and dates_story:
            # an undated article reports as of the latest year it has stated so far
            self.stated_year = max(years + [self.stated_year or 0])
        self.last_date = next((d for d in reversed(dates) if d.end_date is not None), self.last_date)
        told = [d for d in carried(dates) if not earlier(d)]
        self.last_told = told[-1] if told else self.last_told
        dated = [d for d in told if not of_event(d)]
        if dated:
            self.time, self.past = dated[-1], None
            self.time_said = said(dated[-1])
        if told:
            # "The Exxon Valdez ran aground on March 24, 1989. The spill ...": once the story is dated, an event not
            # yet named may be another than the one named further on
            self.incidents.only.clear()
        if callable(speaker):
            self._unread.append((speaker, True))
        elif speaker:
            self._speaker = self._last_speaker = speaker
            self._unread.clear()  # a speaker named now is the paragraph's and the last, whoever spoke before
        # not another event told for contrast ("on the anniversary of a devastating 1985 quake"): the counts after
        # it are the story's, unless their own words name that one again
        self.recent += [x for x in incidents if not x.another and not self.incidents.set_against(x)]
        for incident in incidents:
            if incident.places:  # "Christchurch shooting: 49 dead from terror attack": the attack is in Christchurch
                self.event_places.setdefault(incident.id, list(incident.places))

    def running(self, measure: str | None, location: list[str], as_of: AsOf) -> AsOf:
        """A count's time as part of the article's running count of its measure. "Since January 2015, 878,495 have
        arrived by sea, the IOM said ... The UNHCR put the number of arrivals by sea at 886,262": a period is
        stated once, and a later count of the measure in the same place that states no time of its own counts over
        it too. An undated article's running count holds as of the month of its address."""
        if measure is None:
            return as_of
        if as_of.since is not None:
            self.since.setdefault(measure, (as_of.since, location))
            if as_of.end is None and self.address_month is not None:
                return as_of.model_copy(update={"end": self.address_month[1]})
            return as_of
        since, where = self.since.get(measure, (None, []))
        if since is None or as_of.scope not in ("context", "current") or as_of.end is None or as_of.end < since:
            return as_of
        if as_of.scope == "context" and as_of.start is not None and as_of.start < since:
            return as_of  # "There were 198 such operations" after "313 operations in 2023": the period carried

        if where and location and not set(where) & set(location):
            return as_of  # "In neighbouring Argentina, officials reported 4,000 hectares burned": another count
        return as_of.model_copy(update={"start": since, "since": since})

    def counted_noun(self, measures: list) -> None:
        """A sentence with no number that speaks of one counted thing sets it for the bare numbers after it: "arrests
        at the border had climbed sharply. In Tijuana there were 418"."""
        if len({m.id for m in measures}) == 1:
            self.measure, self.measure_text, self.unit = measures[-1].id, measures[-1].text, None

    def that_period(self, unit: str, words: str) -> AsOf | None:
        """The year, month or day of the paragraph's last stated date ("that year" after "By the end of 2023"), or None
        when it has none that precise."""
        when = self.last_date.end_date if self.last_date is not None else None
        if when is None or (unit == "day" and self.last_date.granularity != "day"):
            return None
        if unit == "year":
            start, end = date(when.year, 1, 1), date(when.year, 12, 31)
        elif unit == "month":
            start = date(when.year, when.month, 1)
            end = (
                date(when.year, 12, 31) if when.month == 12 else date(when.year, when.month + 1, 1) - timedelta(days=1)
            )
        else:
            start = end = when
        return AsOf(start=start, end=end, scope="context", text=words)

    def as_of(self, present: bool = False) -> AsOf | None:
        """The time in force for a sentence that states none: its paragraph's (a date, or the past of a retold
        series of figures), else an undated article's month (from its address) or year: the latest it has stated
        so far, or, for a sentence in the present tense, the latest it tells of anywhere ("The official toll is
        316,000 ... On the first anniversary in January 2011 ...": the article was written in 2011 or later)."""
        if self.past is not None and not present:  # "has now been reduced to 346": the retelling is over
            return self.past
        if self.time is not None:
            return context_time(self.time)
        if self.address_month is not None:
            return AsOf(start=self.address_month[0], end=self.address_month[1], scope="context")
        year = self.written_year if present and self.written_year else self.stated_year
        if year is not None:
            return AsOf(start=date(year, 1, 1), end=date(year, 12, 31), scope="context", text=str(year))
        return None

    def event(self, fits: Callable[[str], bool], avoid: Collection[str] = ()) -> Incident | None:
        """The event in force that ``fits`` a count: the paragraph's last, else the last named of a fitting
        kind, else the story's first named one of that kind, else the article's main one, else the one kind of event
        the article names further on (none whose id is in ``avoid``)."""
        named, first = self.incidents.named.values(), self.incidents.first_named.values()
        main = self.incidents.first or self.incidents.ahead
        for candidate in (*reversed(self.recent), *reversed(named), *first, main):
            if candidate is not None and fits(candidate.kind):
                found = self.incidents.resolve(candidate) if not candidate.named else candidate
                if found.id not in avoid:
                    return found
        return None


def carried(dates: list[DateMention]) -> list[DateMention]:
    """The dates whose time later counts inherit: a point or a span, not "since X", "before X" nor "X later"."""
    return [d for d in dates if d.start_date is not None and d.role in CARRIED_ROLES and not SINCE_LIKE.search(d.text)]


def context_time(d: DateMention) -> AsOf:
    """The time a date sets for the counts after it that state none."""
    return AsOf(start=d.start_date, end=d.end_date, scope="context", text=d.text)


# A dateline opens one of the body's first lines: a byline or an "Updated ..." line may come before it.
DATELINE_LINES = 16  # lines of a page's top looked at for a dateline: headline, byline, furniture
PROSE_WORDS = 12  # a sentence this long ending a line is the story's prose: no dateline comes after it


def dateline_places(text: str, body_start: int, lookup) -> list[str]:
    """Places of a dateline opening the body ("PARADISE, Butte County —"), or one of its first lines after a byline;
    ``lookup`` names a place's id."""
    start = body_start
    for _ in range(DATELINE_LINES):
        match = DATELINE.match(text, start)
        if match:
            return [lookup(name) for name in match.groups() if name]
        end = text.find("\n", start)
        if end < 0:
            break
        line = text[start:end].rstrip()
        if len(line.split()) >= PROSE_WORDS and line.endswith((".", "!", "?", '"')):
            break  # the story has begun, with no dateline (a page's furniture of short lines may come before it)
        start = end + 1
    return []
