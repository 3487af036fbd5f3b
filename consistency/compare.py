"""Topic x Rule -> findings: conflicts between claims, and agreements among independent ones."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from types import SimpleNamespace

from rapidfuzz import fuzz

from . import units
from .group import NO_DATE, NO_PLACE, unchecked_reason
from .models import Agreement, Claim, Conflict, Rule, Source, Topic
from .occasions import DATED_BY_EVENT, dated_by_occasion
from .rules import rule_for
from .severity import severity_rank
from .unionfind import DisjointSets
from .values import value_text

# Words that do not tell one originator from another: "a recent UN report" is "UN report".
_VOICE_NOISE = re.compile(r"(?i)\b(?:a|an|the|recent|new|latest|senior|top|some|other|several|two|three|anonymous)\b")
SAME_VOICE = 90  # token_set_ratio at which two attributions name the same originator
# People speaking by their role: "officials", "a defense official", "sources", "analysts".
UNNAMED_ROLE = re.compile(
    r"(?i)\b(?:officials?|sources?|analysts?|experts?|diplomats?|observers?|spokes(?:man|woman|person)|commanders?|"
    r"officers?|aides?|lawmakers?|residents?|witnesses|authorities|people familiar)\b"
)
# Two capitalised words in a row, the second not an institution's: a person's name ("Pat Ryder", "Lloyd Austin").
PERSONAL_NAME = re.compile(
    r"\b[A-Z][a-z]+\s+(?!(?:Department|Ministry|Office|Command|House|Nations|Guard|Forces|Army|Police|Council|Agency|"
    r"Service|Organization|Organisation|Committee|Team|Group)\b)[A-Z][a-z]+\b"
)
MIN_STEM = 4  # a word this long may stand for its longer forms: "iraq" for "iraqi", "haiti" for "haitian"
_POSSESSIVE = re.compile(r"'s\b")


@dataclass
class Findings:
    conflicts: list[Conflict]
    agreements: list[Agreement]
    unlisted: dict[str, int] = field(default_factory=dict)  # topic id -> conflicting pairs beyond the listing cap

    def counted(self, topics: list[Topic]) -> list[Topic]:
        """``topics`` with their unlisted conflicts counted, as new objects: grouping's topics stay as it made them."""
        return [
            t.model_copy(update={"unlisted_conflicts": self.unlisted[t.id]}) if t.id in self.unlisted else t
            for t in topics
        ]


def bounds(claim: Claim, rule: Rule) -> tuple[float, float]:
    """The interval a stated value allows under a rule's tolerances ("about 1,000" with about: 0.1 -> 900-1,100)."""
    value = claim.value
    tol = rule.tolerance.get(value.qualifier, 0.0)
    if value.qualifier == "exact" and value.low is not None and not claim.derivation:
        tol = min(tol, _rounding(value.low))  # "878,495" is a count to the unit: its word is taken
    scale = units.canonical_factor(claim.unit)  # "42,000 square miles" is compared in km²
    low = value.low * scale if value.low is not None else -math.inf
    high = value.high * scale if value.high is not None else math.inf
    q = value.qualifier
    if q in ("about", "exact", "range", "vague"):
        return low * (1 - tol) if low > -math.inf else low, high * (1 + tol) if high < math.inf else high
    if q == "nearly":  # "nearly 1,000": a little under
        return high * (1 - tol), high
    if q in ("more_than", "at_least"):
        return low, low * (1 + tol) if tol else math.inf
    if q in ("less_than", "at_most"):
        return (high * (1 - tol) if tol else 0.0), high
    return low, high


def _rounding(x: float) -> float:
    """How far a figure stated exactly may be from the true one, relative to it: half a unit of its last significant
    digit ("5,000" may be 4,500 to 5,500: 0.1; "878,495": under a millionth)."""
    if x <= 0 or not math.isfinite(x):
        return math.inf
    if x == int(x):
        n, place = int(x), 1
        while n % 10 == 0:
            n, place = n // 10, place * 10
    else:
        place = 10.0 ** -len(f"{x:.6f}".rstrip("0").split(".")[1])
    return place / 2 / x


def _as_of_days(claim: Claim) -> tuple[date, date] | None:
    a = claim.as_of
    if a.start is None and a.end is None:
        return None
    if a.since is not None:
        # a running count holds as of its last day; "since January" in an undated article: as of when, unknown
        return (a.end, a.end) if a.end is not None else None
    return a.start or a.end, a.end or a.start


def comparable_in_time(a: Claim, b: Claim, rule: Rule) -> bool | None:
    """Same time frame (True), different ones (False), or not known well enough to say (None: such a pair may
    corroborate, never conflict). A peak or past figure is not compared with a current one; as-of dates must be
    within the rule's window, and, for a running count, each known to within it."""
    if (a.as_of.scope in ("peak", "past")) != (b.as_of.scope in ("peak", "past")):
        return _past_at(a, b) if a.as_of.scope == "past" else _past_at(b, a)
    if a.as_of.scope == b.as_of.scope == "past" and None in (a.as_of.start, b.as_of.start):
        return None  # two figures told as past ("initially 1,000", "in the early days 62,000"): when, unknown
    if a.kind == "date" or rule.window_days is None:
        return True
    ta, tb = _as_of_days(a), _as_of_days(b)
    if rule.running and rule.settles and _settled(a) and _settled(b) and a.as_of.event.year == b.as_of.event.year:
        return True  # a toll told long after its event is no longer running: two such tolls are rivals
    if ta is None and tb is None and a.source == b.source:
        return True  # one undated article: its figures speak of one time unless it says otherwise
    if ta is None or tb is None:
        # "the crowd at Trump's inauguration": a count taken at one named occasion is dated by it
        return True if _same_occasion(a, b) else None
    if _another_day(a, ta, b, tb):
        return False  # "more than 1 million marched" a week before the march of "almost two million": two crowds
    gap = max((tb[0] - ta[1]).days, (ta[0] - tb[1]).days, 0)
    if gap > rule.window_days or (gap and a.source == b.source):
        return False  # one article giving figures for two dates tells how a number changed, not a contradiction
    if rule.change_days is not None and gap > rule.change_days:
        return None  # "about 2,000 troops" in December, "roughly 1,000" in October: a withdrawal, or a rival figure
    sa, sb = a.as_of.since, b.as_of.since
    if sa and sb and abs((sa - sb).days) > rule.window_days:
        return False  # totals since different starts ("this year" against "since June") count different things
    if (sa is None) != (sb is None) and (_increment(a) or _increment(b)):
        return False  # "since yesterday, four people have died": a day's new deaths, not the toll of 53
    if rule.running and (sa is None) != (sb is None) and not (_event_toll(a) and _event_toll(b)):
        return None  # "arrivals since June" against arrivals told with no start: maybe another stretch of time
    if rule.running and max((ta[1] - ta[0]).days, (tb[1] - tb[0]).days) > rule.window_days:
        if a.source == b.source and a.as_of == b.as_of and a.as_of.scope == "context":
            return True  # one article's figures as of its month ("IOM said ... The UNHCR put ..."): one time
        return None  # "in 2010" against "on Feb. 9, 2010": a running count's date is too loose to set them apart
    return True


# An event's toll counts from its start, said or not: "killed 373 people since May 30" (the monsoon's start) and
# "more than 410 people have died" on the same day are rival tolls.
EVENT_TOLLS = frozenset({"deaths", "missing", "casualties"})


# A count since a start this close to when it holds is what was added lately ("since yesterday", "since Saturday"),
# never the whole count of an event that began long before.
INCREMENT_DAYS = 7


def _increment(claim: Claim) -> bool:
    since, end = claim.as_of.since, claim.as_of.end
    return since is not None and end is not None and (end - since).days <= INCREMENT_DAYS


def _event_toll(claim: Claim) -> bool:
    return claim.measure in EVENT_TOLLS and claim.subject_type in ("event", "named_event")


# How long after its event a toll is settled: told this many days or more after the event began.
SETTLED_DAYS = 180


# Speakers who count a toll after the fact: "a University of Michigan study estimated about 160,000 deaths".
RETROSPECTIVE = re.compile(r"(?i)\b(?:study|studies|survey|researchers?|epidemiologists?|demographers?)\b")


def _settled(claim: Claim) -> bool:
    """Whether a claim is the settled toll of an event: "the Jan. 12, 2010 earthquake killed 316,000", told in 2011,
    or a study's estimate of it."""
    # told no earlier than the start of its as-of span: a toll known only to the event's year may be an early one
    event, told = claim.as_of.event, claim.as_of.start
    if event is None or told is None:
        return False
    return (told - event).days >= SETTLED_DAYS or bool(RETROSPECTIVE.search(claim.attribution or ""))


def _past_at(past: Claim, dated: Claim) -> bool | None:
    """A figure told as past ("BP initially said 1,000 barrels a day") may be the one another article dated when it
    was current ("On April 20 BP said 1,000", or a report of June 11 giving it as now): not known to be the same
    time (None: may corroborate, never conflict) when the other's date lies before the time the past is told from;
    else a different time."""
    if past.as_of.scope != "past" or dated.as_of.scope not in ("explicit", "current") or dated.as_of.start is None:
        return False
    told = past.as_of.end
    return None if told is None or dated.as_of.start < told else False


CURRENT_SLACK_DAYS = 3  # how many days before its report a gathering told of as now may have been


def _another_day(a: Claim, ta: tuple[date, date], b: Claim, tb: tuple[date, date]) -> bool:
    """Whether two counts of people gathered (a crowd, a turnout, a day's riders) are told of two different days:
    two occasions, unless one named occasion told of on two days."""
    if a.measure not in DATED_BY_EVENT or b.measure not in DATED_BY_EVENT or _same_occasion(a, b):
        return False
    if ta[0] != ta[1] or tb[0] != tb[1] or ta == tb:
        return False
    scopes = {a.as_of.scope, b.as_of.scope}
    # a count told as now, on no day of its own, is of a gathering in the days before the report: "organisers said
    # 1.03 million marched" on 10 June and "nearly two million" on 16 June are two marches
    return scopes <= {"explicit", "context"} or (
        scopes <= {"explicit", "context", "current"} and abs((ta[0] - tb[0]).days) > CURRENT_SLACK_DAYS
    )


def _same_occasion(a: Claim, b: Claim) -> bool:
    return dated_by_occasion(a) and dated_by_occasion(b) and (a.measure, a.subject) == (b.measure, b.subject)


def voice(claim: Claim) -> str:
    """Who is speaking: the attributed originator if any, else the article's own sentence."""
    return _voice(claim.attribution, claim.source, claim.sentence)


@lru_cache(maxsize=65536)  # asked twice for every pair compared, of a few thousand distinct claims
def _voice(attribution: str | None, source: str, sentence: str) -> str:
    return _originator(attribution) if attribution else f"{source}#{sentence}"


@lru_cache(maxsize=4096)  # a few distinct attributions, asked about for every pair of two outlets
def _unnamed(attribution: str) -> bool:
    """Whether a speaker is people by their role alone ("U.S. officials", "a senior defence official"), no one named
    ("Pentagon press secretary Pat Ryder")."""
    return bool(UNNAMED_ROLE.search(attribution)) and not PERSONAL_NAME.search(attribution)


@lru_cache(maxsize=65536)  # asked twice for every pair compared, of a few distinct attributions
def _originator(attribution: str) -> str:
    return " ".join(_VOICE_NOISE.sub(" ", _POSSESSIVE.sub("", attribution)).lower().split())


def independent(a: Claim, b: Claim) -> bool:
    """Two claims are two voices unless they share an originator (two outlets quoting one UN report are one).
    Within one article only two named speakers are two voices: an author's own figures are a total and its
    parts, or a series, far more often than a contradiction."""
    if a.source == b.source and not (a.attribution and b.attribution):
        return False
    two_outlets = a.attribution and b.attribution and a.source != b.source
    if two_outlets and (_unnamed(a.attribution) or _unnamed(b.attribution)):
        return True  # "officials" quoted by two outlets are two voices: nothing says they are the same people
    va, vb = voice(a), voice(b)
    if a.attribution and b.attribution:
        return not _same_originator(va, vb)
    return va != vb


@lru_cache(maxsize=65536)  # a few thousand distinct pairs of originators, asked about over a million times
def _same_originator(a: str, b: str) -> bool:
    if a.startswith("another ") != b.startswith("another "):
        return False  # "one ministry's tally ... and another's": two ministries
    return fuzz.token_set_ratio(*_stems_aligned(a, b)) >= SAME_VOICE


def _stems_aligned(a: str, b: str) -> tuple[str, str]:
    """The two names with a word written as a longer form of a word of the other made that word: "haitian
    government" and "haiti government" (a country and its adjective); "un" is too short to stand for "unhcr"."""
    words_a, words_b = a.split(), b.split()

    def stem(word: str, others: list[str]) -> str:
        return next((o for o in others if len(o) >= MIN_STEM and o != word and word.startswith(o)), word)

    return " ".join(stem(w, words_b) for w in words_a), " ".join(stem(w, words_a) for w in words_b)


def compare_pair(
    a: Claim, b: Claim, rule: Rule, spans: dict[str, tuple[float, float]] | None = None
) -> tuple[bool, float | None]:
    """(compatible, distance): relative gap for quantities, days apart for dates; ``spans`` holds the claims'
    ``bounds`` when a caller comparing many pairs has worked them out once."""
    if rule.compare == "date_match":
        # Dates agree at the coarser granularity of the two: their spans overlap.
        gap = max((b.as_of.start - a.as_of.end).days, (a.as_of.start - b.as_of.end).days)
        return gap <= 0, float(max(gap, 0))
    la, ha = spans[a.id] if spans else bounds(a, rule)
    lb, hb = spans[b.id] if spans else bounds(b, rule)
    if la <= hb and lb <= ha:
        return True, 0.0
    # The distance is between the stated values, without tolerance, relative to the nearer
    # edge of the higher claim: "1,000 lies 33% below 1,500-3,000".
    la, ha = _stated(a)
    lb, hb = _stated(b)
    if ha < lb:
        return False, (lb - ha) / lb if lb else math.inf
    return False, max(0.0, (la - hb) / la) if la else math.inf


# Bounds that leave one side open: they corroborate only a figure near their own value.
ONE_SIDED = frozenset({"more_than", "at_least", "less_than", "at_most"})
# How far apart, relative to the larger, a bound and another figure may be and still be one figure reported twice
# ("had topped a million" and "roughly 1,005,504"; not "up to 2 million" and "fewer than 1 million").
BOUND_SPREAD = 0.25


def _alike(a: Claim, b: Claim) -> bool:
    """Whether two compatible claims report one figure: always, unless one is an open bound far from the other."""
    if a.kind == "date" or (a.value.qualifier not in ONE_SIDED and b.value.qualifier not in ONE_SIDED):
        return True
    return _stated_within(a, b, BOUND_SPREAD)


def _stated_within(a: Claim, b: Claim, spread: float) -> bool:
    """Whether the stated values lie within ``spread`` of each other, relative to the larger (0 when they overlap)."""
    (la, ha), (lb, hb) = _stated(a), _stated(b)
    return max(lb - ha, la - hb, 0.0) <= spread * max(ha, hb, 1e-9)


def _figure(claim: Claim) -> tuple:
    """What a claim states, as written: its date span, or its value and unit."""
    if claim.kind == "date":
        return (claim.as_of.start, claim.as_of.end)
    return (claim.value.low, claim.value.high, claim.unit)


# How far apart one source's figure may be in two reports and still be that figure ("5,864" and "at least 5,843").
ECHO_SPREAD = 0.02


def _same_figure(a: Claim, b: Claim) -> bool:
    """Whether two reports give one figure: the same words, or stated values within ``ECHO_SPREAD``."""
    if _figure(a) == _figure(b):
        return True
    return a.kind != "date" and _stated_within(a, b, ECHO_SPREAD)


def _stated(claim: Claim) -> tuple[float, float]:
    v = claim.value
    scale = units.canonical_factor(claim.unit)
    low = v.low if v.low is not None else v.high
    high = v.high if v.high is not None else v.low
    return low * scale, high * scale


# A claim that contradicts many others is listed against a few (see _listed); the rest are counted on the topic
# (Topic.unlisted_conflicts), so a corpus retelling one story 2,000 times stays readable. Ten: a study's toll
# at odds with the official one is listed against each outlet that reports it, and each unit it is given in;
# five in a topic of more than CROWDED_TOPIC claims, where ten would only repeat the same disagreement.
MAX_CONFLICTS_PER_CLAIM = 10
CROWDED_TOPIC = 200
CROWDED_CAP = 5
# Each claim is compared with the next claims in as-of order, up to this many: the nearest in time are the
# comparisons that matter, and the work stays linear in the size of a topic (bench/bench_report.py shows it)
# even when a corpus retells one story thousands of times. Agreements still chain across the whole topic.
MAX_NEIGHBOURS = 64


def compare_topics(
    topics: list[Topic],
    claims: dict[str, Claim],
    rules: list[Rule],
    sources: dict[str, Source],
    focus: set[str] | None = None,
) -> Findings:
    """Every conflict and agreement the rules find in the topics (only pairs touching ``focus`` sources, if given)."""
    conflicts: dict[str, Conflict] = {}
    agreements: list[Agreement] = []
    unlisted_by_topic: dict[str, int] = {}
    for topic in topics:
        rule = rule_for(topic, rules)
        if rule is None:
            continue
        members = [claims[c] for c in (*topic.claims, *topic.guests)]
        if focus is not None and not any(c.source in focus for c in members):
            continue
        links, found, unlisted = _compare_members(topic, members, rule, sources, focus)
        for conflict in found:
            kept = conflicts.setdefault(conflict.id, conflict)
            more = [claim for claim in conflict.claims if claim not in kept.claims]
            if more:  # the same words in one article twice are one finding, which holds both
                conflicts[conflict.id] = kept.model_copy(update={"claims": [*kept.claims, *more]})
        unlisted_by_topic[topic.id] = unlisted
        conflicting = {frozenset(conflict.claims[:2]) for conflict in found}  # the rivals, not their repeats
        agreements += _agreements(rule, topic, links, conflicting, claims, sources)
    ordered = sorted(conflicts.values(), key=lambda c: (-severity_rank(c.severity), -(c.distance or 0), c.id))
    agreements.sort(key=lambda a: (a.topic, a.claims))
    return Findings(ordered, agreements, unlisted_by_topic)


def _compare_members(
    topic: Topic, members: list[Claim], rule: Rule, sources: dict[str, Source], focus: set[str] | None
):
    """Pairs within the rule's time window only: claims sorted by as-of date, each compared until the window closes."""
    # a figure with no start ("initially 1,000", "before the war") may hold at any time before its end: it goes first
    members = sorted(members, key=lambda c: (c.as_of.start or date.min, c.id))
    links: list[tuple[str, str]] = []
    rivals: list[tuple[Claim, Claim, float | None]] = []
    # what the text leaves unknown: never a conflict
    incomplete = {c.id: reason for c in members if (reason := unchecked_reason(c))}
    guests = set(topic.guests)  # counts with no place of their own: they may corroborate, never contradict
    spans = {c.id: bounds(c, rule) for c in members} if rule.compare != "date_match" else None
    echoes: dict[tuple, str] = {}  # (originator, figure) -> the first claim of it: one link each repeat, not each pair
    echoed: set[str] = set()
    for i, a in enumerate(members):
        for b in members[i + 1 : i + 1 + MAX_NEIGHBOURS]:
            if _beyond_window(a, b, rule):
                break
            if focus is not None and a.source not in focus and b.source not in focus:
                continue
            if a.id in guests and b.id in guests:
                continue  # two guests meet in the topic of their own, not in every one they visit
            timing = comparable_in_time(a, b, rule)
            if timing is False:
                continue
            if not independent(a, b):
                # two outlets repeating one source's figure, or one article repeating its own (a headline and its
                # body), report it alike (one source's figure told two ways is not two sources disagreeing)
                if b.id not in echoed and _same_figure(a, b):
                    links.append((echoes.setdefault((voice(a), _figure(a)), a.id), b.id))
                    echoed.add(b.id)
                continue
            ok, distance = compare_pair(a, b, rule, spans)
            if ok and _alike(a, b):
                links.append((a.id, b.id))
            elif (
                ok
                or rule.corroborate_only
                or a.id in guests
                or b.id in guests
                or _vague(a)
                or _vague(b)
                or _existential(a)
                or _existential(b)
            ):
                # compatible, yet not one figure ("up to 2 million", "fewer than 1 million"), or never flagged: a
                # vague amount ("thousands of victims stranded") may corroborate, it is no figure to set against one
                continue
            elif not timing or (a.id in incomplete or b.id in incomplete) and not _one_unplaced_story(a, b, incomplete):
                continue  # what is counted, whose, where or when is unknown: no conflict to put before an editor
            elif rule.compare == "date_match" and not _same_scene(a, b):
                continue  # "raised the toll" on two days: of one event only where a place or a subject says so
            else:
                rivals.append((a, b, distance))
    if rule.compare != "date_match" and rule.window_days is not None:
        links += _unchanged_later(members, rule, focus)
    told: dict[str, list[Claim]] = {}  # each article's claims of the topic: where one figure is stated again
    for claim in members:
        told.setdefault(claim.source, []).append(claim)
    links += _repeats(told, focus)
    found, unlisted = _listed(rivals, MAX_CONFLICTS_PER_CLAIM if len(members) <= CROWDED_TOPIC else CROWDED_CAP)
    return links, [_conflict(rule, topic, a, b, distance, sources, told) for a, b, distance in found], unlisted


REPEAT_DAYS = 1  # a headline's "today" and its body's "on Sunday": one statement of one figure


def _told_alike(a: Claim, b: Claim) -> bool:
    """Whether one article's two statements of a figure hold at one time, give or take its day of telling."""
    sa, sb = a.as_of, b.as_of
    if None in (sa.start, sa.end, sb.start, sb.end):
        return (sa.start, sa.end) == (sb.start, sb.end)
    return max((sb.start - sa.end).days, (sa.start - sb.end).days) <= REPEAT_DAYS


def _repeats(told: dict[str, list[Claim]], focus: set[str] | None) -> list[tuple[str, str]]:
    """One article's statements of one figure a day apart, with no other voice: a headline's "toll hits 87" of its
    day and its body's "rose to 87 on Sunday" report it alike (the window of a running count would part them)."""
    return [
        (a.id, b.id)
        for source, claims in told.items()
        if focus is None or source in focus
        for i, a in enumerate(claims)
        for b in claims[i + 1 : i + 1 + MAX_NEIGHBOURS]
        if a.kind == "quantity" and _repeated(a, b)
    ]


def _repeated(a: Claim, b: Claim) -> bool:
    """Whether one article states one figure twice, at one time and in one voice."""
    return _told_alike(a, b) and _same_figure(a, b) and not independent(a, b)


# How many days apart two outlets may give one unchanged figure of a count and still corroborate each other.
UNCHANGED_DAYS = 7


def _unchanged_later(members: list[Claim], rule: Rule, focus: set[str] | None) -> list[tuple[str, str]]:
    """Independent reports of the very same figure a few days apart, past the rule's window ("the toll has risen to
    48" on Monday, "raised the toll to 48 dead" on Thursday): the count stood still, and they corroborate it. Each is
    linked to the next report of its figure only (members are sorted by date)."""
    last: dict[tuple, Claim] = {}
    links = []
    for claim in members:
        if claim.as_of.start is None or claim.as_of.scope in ("past", "peak") or _vague(claim):
            continue
        key = (_figure(claim), claim.value.qualifier)
        before = last.get(key)
        last[key] = claim
        if before is None or (focus is not None and before.source not in focus and claim.source not in focus):
            continue
        gap = (claim.as_of.start - (before.as_of.end or before.as_of.start)).days
        if rule.window_days < gap <= UNCHANGED_DAYS and independent(before, claim):
            links.append((before.id, claim.id))
    return links


def _vague(claim: Claim) -> bool:
    return claim.value is not None and claim.value.qualifier == "vague"


def _existential(claim: Claim) -> bool:
    """Whether a claim says only that there is some: "at least one automatic weapon" is no rival of "23 rifles"."""
    v = claim.value
    return v is not None and v.qualifier in ("at_least", "more_than") and v.low is not None and v.low <= 1


def _listed(
    rivals: list[tuple[Claim, Claim, float | None]], cap: int
) -> tuple[list[tuple[Claim, Claim, float | None]], int]:
    """The conflicting pairs listed, at most ``cap`` per claim, and how many are not. A claim at odds
    with few others is listed first: "60,000" against four reports of "316,000" fills its own list, and the one
    article that sets 316,000 against 46,000-85,000 is still listed."""
    degree: dict[str, int] = {}
    for a, b, _ in rivals:
        degree[a.id] = degree.get(a.id, 0) + 1
        degree[b.id] = degree.get(b.id, 0) + 1
    listed: dict[str, int] = {}
    found = []
    for a, b, distance in sorted(rivals, key=lambda r: max(degree[r[0].id], degree[r[1].id])):  # stable
        if listed.get(a.id, 0) < cap and listed.get(b.id, 0) < cap:
            listed[a.id] = listed.get(a.id, 0) + 1
            listed[b.id] = listed.get(b.id, 0) + 1
            found.append((a, b, distance))
    return found, len(rivals) - len(found)


def _one_unplaced_story(a: Claim, b: Claim, incomplete: dict[str, str]) -> bool:
    """Two rival figures of one article for one event it never places ("BP put the flow at 5,000 barrels a day ...
    a Purdue engineer says 3.9 million gallons a day"): the place they lack is the same, so it is no reason to
    abstain; anything else missing still is. So is the time an undated article lacks, for two figures each on a
    named voice's word ("The government put the toll at 150 ... Amnesty reported around 2,000"): its totals and
    their parts by place, by cause ("Eighty of the deaths") are the author's, two figures, not two voices' rivals."""
    reasons = {incomplete.get(a.id), incomplete.get(b.id)} - {None}
    voiced = bool(a.attribution and b.attribution)
    return (
        a.source == b.source and a.location == b.location and reasons <= ({NO_PLACE, NO_DATE} if voiced else {NO_PLACE})
    )


def _same_scene(a: Claim, b: Claim) -> bool:
    """Whether two dated events are known to be one: a place they share, or one subject ("59 soldiers killed since
    2013" in the Sahel is no crush in Seoul that "killed 158 people on 29 October")."""
    places_a = {*a.location, *a.countries, *a.within}
    places_b = {*b.location, *b.countries, *b.within}
    return bool(places_a & places_b) or (a.subject is not None and a.subject == b.subject)


def _beyond_window(a: Claim, b: Claim, rule: Rule) -> bool:
    """Whether ``b`` (later in the sorted order) and every claim after it start past ``a``'s window."""
    if rule.window_days is None or a.kind == "date" or a.as_of.start is None or b.as_of.start is None:
        return False
    if rule.settles and _settled(a):
        return False  # a settled toll meets later settled ones whenever they were told (up to MAX_NEIGHBOURS)
    end = a.as_of.end or a.as_of.start
    return (b.as_of.start - end).days > rule.window_days


def _conflict(
    rule: Rule,
    topic: Topic,
    a: Claim,
    b: Claim,
    distance: float | None,
    sources: dict[str, Source],
    told: dict[str, list[Claim]],
) -> Conflict:
    """The finding of two rival claims, holding each place their articles state either figure (``told``: the
    topic's claims by article): a headline's "toll rises to 36" as well as the body's "Kyodo counted 36 deaths"."""
    a, b = sorted((a, b), key=lambda c: (_low(c), c.source, c.start))
    repeats = [
        c.id for side in (a, b) for c in told.get(side.source, ()) if c.id not in (a.id, b.id) and _repeated(c, side)
    ]
    explanation = rule.render_message(
        a=_view(a, sources),
        b=_view(b, sources),
        topic=topic,
        distance=distance,
        relation=_relation(a, b, rule, distance),
    )
    return Conflict(
        id=Conflict.make_id(rule.code, [a, b]),
        rule=rule.code,
        topic=topic.id,
        severity=rule.severity_for(distance),
        claims=list(dict.fromkeys([a.id, b.id, *repeats])),
        explanation=explanation,
        distance=round(distance, 4) if distance is not None and math.isfinite(distance) else None,
    )


def _low(claim: Claim) -> float:
    if claim.kind == "date":
        return claim.as_of.start.toordinal() if claim.as_of.start else 0
    v = claim.value
    return (v.low if v.low is not None else (v.high or 0)) * units.canonical_factor(claim.unit)


def _agreements(
    rule: Rule, topic: Topic, links, conflicting: set[frozenset[str]], claims: dict[str, Claim], sources
) -> list[Agreement]:
    """Compatible independent claims, joined into groups over the agreeing pairs; two groups with a conflict
    between them stay apart ("up to 2 million" agrees with both 1.5 million and "fewer than 1 million", which
    do not agree with each other)."""
    sets: DisjointSets[str] = DisjointSets()
    partners: dict[str, list[str]] = {}
    for pair in conflicting:
        x, y = pair
        partners.setdefault(x, []).append(y)
        partners.setdefault(y, []).append(x)

    def apart(a: list[str], b: list[str]) -> bool:
        # the smaller group's conflicts, looked up in the other: joining small into large keeps this near-linear
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        other = sets.find(large[0])
        return any(sets.find(p) == other for x in small for p in partners.get(x, ()))

    for x, y in links:
        sets.union(x, y, unless=apart if conflicting else None)
    found = []
    for ids in (group for group in sets.groups() if len(group) > 1):
        members = sorted((claims[i] for i in ids), key=lambda c: (c.source, c.start))
        explanation = "; ".join(describe(c, sources) for c in members)
        # outlets repeating one source's figure report it alike; they do not corroborate it
        one_voice = all(not independent(members[0], c) for c in members[1:])
        found.append(
            Agreement(
                rule=rule.code,
                topic=topic.id,
                claims=[c.id for c in members],
                explanation=f"{'reported alike, on one source' if one_voice else 'corroborated'}: {explanation}",
            )
        )
    return found


def _view(claim: Claim, sources: dict[str, Source]) -> SimpleNamespace:
    """The names a rule's message template may use for a claim (rules.CLAIM_FIELDS), as display text."""
    source = sources.get(claim.source)
    outlet = source.outlet if source and source.outlet else claim.source
    published = source.published.isoformat() if source and source.published else "undated"
    who = f"{claim.attribution} via {outlet}" if claim.attribution else outlet
    value = value_text(claim)
    if claim.derivation:  # a value computed from reference tables shows its arithmetic
        value = f"{value} [{claim.derivation}]"
    return SimpleNamespace(
        source=who,
        outlet=outlet,
        published=published,
        text=claim.text,
        sentence=claim.sentence,
        value=value,
        unit=claim.unit or "",
        as_of=claim.as_of.start or "",
        attribution=claim.attribution or "",
        measure=claim.measure or "",
        subject=claim.subject or "",
    )


def describe(claim: Claim, sources: dict[str, Source]) -> str:
    """ "United Nations report via Voice of America, 2024-09-27: 1,500–3,000"."""
    view = _view(claim, sources)
    return f"{view.source}, {view.published}: {view.value}"


def _relation(a: Claim, b: Claim, rule: Rule, distance: float | None) -> str:
    if a.kind == "date":
        return f"{int(distance or 0)} days apart"
    pct = f"{distance:.0%}" if distance is not None and math.isfinite(distance) else "far"
    vb = b.value
    shape = "the range" if vb.low is not None and vb.high is not None and vb.low != vb.high else value_text(b)
    return f"{value_text(a)} lies {pct} below {shape}"
