"""What a count counts, read in its sentence and paragraph: its own noun, a whole's or a paired number's, the noun
the paragraph carries, and whether a volume is a flow. ``counted.py`` reads the noun and its state; this module
decides which of those readings a count takes."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from .counted import (
    PERSON_MEASURES,
    PLACE_COUNTS,
    at_event,
    counted_measure,
    elided,
    group_members,
    state_of,
)
from .facets import SCOPE_AFTER, TOLLS, included
from .lexicon import Lexicon, Mention
from .quantities import VOLUME_UNITS, Quantity, changed_from, head_noun
from .reading import Article, Reading

# Between a part and its whole: "146,000 of 492,000 civil servants", "14 of the 800 Jobcentres", "two million of
# Hong Kong's seven million people", "19,000 of the city's 20,000 residents".
PART_OF = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:(?:[A-Z][\w.-]*\s+){0,3}[A-Za-z][\w.-]*['\u2019]s\s+)?"
)
# Two numbers of one noun: "12 and 30 people", "12 or 13 soldiers".
PAIRED = re.compile(r"\s+(?:and|or)\s+")
TO = re.compile(r"\s+to\s+")  # ... and the two of a change: "rose from 1,836 to 1,900 deaths"
# A figure's noun, or a pronoun standing for one, before a bare number: "The official count stood at", "It rose to".
FIGURE_BEFORE = re.compile(r"(?i)\b(?:count|tally|figure|toll|number|total|estimate)\b|^\s*(?:It|That)\s+[a-z]+\s")
# Rain told by its depth or volume right after the number: "47 inches of rain", "a trillion gallons of water falling".
RAIN_AFTER = re.compile(
    r"(?i)\s+of\s+(?:rain|rainfall|rainwater|snow|precipitation)\b"
    r"|\s+of\s+water\s+(?:fall|fell|falling|falls)\b"  # not "the dams held 22.5 million cubic metres of water"
)
# Armed people, whose toll is told apart from the victims' ("Eleven gunmen killed are not counted in these totals",
# "troops killed 12 militants"), whose toll is one of ``TOLLS``.
ARMED_PEOPLE = frozenset({"fighters", "troops"})
MAX_RATING = 10  # a magnitude is under ten
RATING_REACH = 20  # " earthquake" after "7.8"
# A toll's people and the part of them a number counts: "the dead include 26 foreign nationals", "among the injured
# were 12 children".
THE_DEAD_INCLUDE = re.compile(
    r"(?i)\b(?:(?:the|those)\s+(dead|victims|killed|injured|wounded|missing)\s+(?:include[sd]?|included|were|are)"
    r"|among\s+the\s+(dead|victims|killed|injured|wounded|missing)\s+(?:were|are|was|is))\s+"
    r"(?:some\s+|about\s+|around\s+|at\s+least\s+)?$"
)
AMONG_REACH = 40  # "the injured include at least " before the number
NOUN_AFTER_SCOPE_REACH = 30  # "deaths" after "480 out of state "
OWN_STATE_REACH = 30  # " remain missing" after "2,525 people"
# Between two numbers of one list, each after its place: ", in Donggala ", ", Sigi ", ", and Parigi Moutong ".
LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?(?:in\s+)?(?:[A-Z][\w-]*\s+){1,3}")
# Money an event cost, in the words right after the amount ("$4 billion in economic losses", "$125 billion in
# damages") or in the clause before it ("the damage could reach $15 billion", "losses estimated between $10 and").
LOSS_AFTER = re.compile(
    # "$4 billion in economic losses"; "$7bn Dorian loss", "a $3bn storm damage bill" (a name or a word between)
    r"(?i)\s+(?:(?:[a-z]+\s+)?(?:in|of)\s+(?:[a-z]+\s+){0,2}?|(?:[a-z-]+\s+)?)(?P<noun>damages?|losses|loss)\b"
    # "At $175 billion, Katrina remains the costliest disaster", "At $3.58 billion, the wildfire is the most expensive"
    r"|,\s+[^.;]{0,50}?\b(?P<costliest>costliest|most\s+expensive)\b"
)
LOSS_BEFORE = re.compile(
    # not "will cost"; "the economic toll of the quake" (not a death toll)
    r"(?i)\b(?P<noun>damages?|losses|loss|destruction|(?:the|total|estimated)\s+costs?|(?:economic|financial)\s+toll)\b"
    r"(?:[^.;\d$\u20ac\u00a3]{0,60}"
    # ... further off, with the verb that gives the amount: "Total economic losses in the Bahamas from hurricane
    # Dorian, which has devastated large parts of the Islands, will hit $7bn"
    # (or "The economic toll of the quake - including its impact to buildings - has ballooned to five trillion")
    r"|[^.;\d$\u20ac\u00a3]{61,140}\b(?:hit|reach|top|exceed|total|totall?ed|totals|amounted\s+to|came\s+to|"
    r"(?:risen|rose|grown|grew|[a-z]+ed)\s+to)\s+"
    r"(?:about\s+|around\s+|nearly\s+|over\s+)?)$"
)
# ... what insurers will pay of it: "insured losses", "insured property value in the range of".
INSURED_BEFORE = re.compile(r"(?i)\b(?P<noun>insured|insurance)\b[^.;\d$\u20ac\u00a3]{0,60}$")
LOSS_REACH = 160  # "losses in the Bahamas from hurricane Dorian, which has devastated ... will hit " before it
# Words that make a sentence about a flow: "the daily spillage", "the flow rate".
RATE_WORDS = re.compile(r"(?i)\b(?:daily|a day|per day|each day|flow|flowing|flow rate|rate)\b")
# Words of a volume accumulated, not a rate: "4.9 million barrels in total", "has leaked 126 million gallons so far".
TOTAL_WORDS = re.compile(
    r"(?i)\b(?:total|in all|altogether|so far|to date|in the end|overall|cumulative|leaked|spilled|spilt|released|"
    r"amount|capacity|holds?|stored|reserves?)\b"
)


class Measured(NamedTuple):
    measure: str | None  # the measure id, or None when nothing says what is counted
    text: str | None  # the words that say it
    mention: Mention | None  # the counted noun found for the count itself
    state: str | None  # "dead", "missing": what the people counted went through
    part: bool  # some of a whole the sentence counts: "300 of the 2,000 migrants"
    elided: bool  # the noun carried from an earlier sentence: "In Lyon they counted 4,000."
    # whose toll it is, when a group of all it could count: "Eleven gunmen killed" are fighters, never the victims'
    # toll; "12 officers injured" are some of the injured
    whose: str | None


def relate_counts(text: str, r: Reading) -> None:
    """Find the sentence's counts that lend each other their noun: a part and its whole, two numbers of one noun."""
    qs = r.quantities
    r.taken = {x.head_start for x in qs if x.head_start is not None}  # counted nouns that belong to a number
    # "146,000 of 492,000 civil servants took part": the first counts the noun and takes its state; the second is
    # the whole they are part of, which did nothing
    r.wholes = {
        id(whole): q
        for q, whole in pairwise(qs)
        if q.measure is None and q.unit == whole.unit and whole.measure and PART_OF.fullmatch(text, q.end, whole.start)
    }
    r.parts = {id(part): whole for whole in qs if (part := r.wholes.get(id(whole)))}
    # "killed 12 and 30 people": the first number counts what the second's noun names, and the second's people went
    # through what the first's verb says
    r.paired = {
        id(a): b
        for a, b in pairwise(qs)
        if a.measure is None
        and a.unit is None
        and a.measure_text is None  # not "30 cars and 5 heavy trucks": each its own noun, known or not
        and (PAIRED.fullmatch(text, a.end, b.start) or (TO.fullmatch(text, a.end, b.start) and changed_from(text, a)))
    }
    for a in qs:
        if (b := r.paired.get(id(a))) is not None and b.measure is not None:
            a.measure, a.measure_text = b.measure, b.measure_text
            if changed_from(text, a):
                a.unit = b.unit  # "went from 1,000 to 5,000 barrels a day": the figure it left is in barrels too


def read_measure(article: Article, r: Reading, q: Quantity, previous: Quantity | None) -> Measured:
    """What ``q`` counts; ``previous`` is the count before it in the sentence."""
    text, lexicon, discourse, ctx = article.text, article.lexicon, article.discourse, r.ctx
    whole = r.parts.get(id(q))
    part = False
    whose = None
    if whole is not None:
        measure, measure_mention = whole.measure, None
        measure, state = state_of(text, whole, ctx, measure, lexicon)
        measure_text = whole.measure_text
        measure = at_event(text, q, measure, r.incidents, discourse, lexicon)
        part = measure == whole.measure  # "300 of the 2,000 migrants": some of them, unless a state says what
    elif id(q) in r.wholes:
        measure, measure_text, measure_mention, state = q.measure, q.measure_text, None, None
    else:
        measure, measure_text, measure_mention = counted_measure(text, q, ctx, previous, r.taken, lexicon, r.measures)
        if (
            previous is not None
            and measure == "people"
            and head_noun(q.measure_text) == head_noun(previous.measure_text)
            and r.measures.get(id(previous)) not in (None, "people")
            and LIST_GAP.fullmatch(text, previous.end, q.start)
        ):
            # "the toll reached 1,177 people, in Donggala 153 people, Sigi 65 people": a list of one count
            measure = r.measures[id(previous)]
        part_of_previous = previous is not None and (
            included(text, q, previous, r.start, id(previous) in r.included) or id(q) in r.breakdown
        )
        if part_of_previous:
            r.included.add(id(q))
            if measure is None and measure_text is None and (whole := _whole_of(r, q, previous)) is not None:
                # "“More than two million” people demonstrated in more than 200 processions, including around
                # 400,000 in Paris": a part is of the count it fits in, not of a smaller one between them
                measure, measure_text = r.measures.get(id(whole)), whole.measure_text
        whole_measure = r.measures.get(id(previous))
        paired = r.paired.get(id(previous)) is q
        if (
            (part_of_previous or paired)
            and measure in PERSON_MEASURES
            and whole_measure in lexicon.states.measures.values()
            # "the toll totaled 15,900 and 2,525 people remain missing": a paired count's own state (not a part's:
            # "forced to flee, of whom about 1 million crossed" are of the fled)
            and not (paired and lexicon.states.after.match(text, q.end, min(r.end, q.end + OWN_STATE_REACH)))
        ):
            # "killed 11 people, including 4 children": the part is of the whole's count, dead as they are; so are
            # the 30 of "killed 12 and 30 people"
            measure, state = whole_measure, None
        else:
            noun = measure
            measure, state = state_of(text, q, ctx, measure, lexicon, measure_mention)
            measure = at_event(text, q, measure, r.incidents, discourse, lexicon)
            whose = noun if noun in ARMED_PEOPLE and measure in TOLLS else None
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
        and FIGURE_BEFORE.search(text, r.start, q.start)
    ):
        # "... 6 to 18 deaths. // The official count stood at 16 on Oct. 3": a figure's noun with no measure of its
        # paragraph speaks of the article's last count, unless it names its own ("the death toll")
        named = lexicon.measure_nouns.find(text, r.start, q.start)
        measure, measure_text = (named[-1].id, named[-1].text) if named else discourse.article_measure
        elided_count = True
    if measure is None and measure_text is None and (scope := SCOPE_AFTER.match(text, q.end)):
        # "480 out of state deaths": the noun after where they were
        nouns = lexicon.measure_words.find(text, scope.end(), min(r.end, scope.end() + NOUN_AFTER_SCOPE_REACH))
        if nouns and nouns[0].start == scope.end():
            measure, measure_text, measure_mention = nouns[0].id, nouns[0].text, nouns[0]
    if measure == "money":
        measure, measure_text = _cost(text, r, q) or (measure, measure_text)
    if measure in (None, "volume") and (rain := RAIN_AFTER.match(text, q.end)):
        measure, measure_text = "rainfall", rain.group().strip()  # no spill's: water that fell
    if measure == "volume" and discourse.measure == "flow_rate" and q.unit in VOLUME_UNITS:
        # "BP put the flow at 5,000 barrels a day. The earliest figure, 1,000 barrels, ...": still a flow
        measure, q.unit = "flow_rate", f"{q.unit}/d"
    if measure in (None, "volume") and q.unit in VOLUME_UNITS:
        # "the daily spillage could be ... 25,000 barrels", "pegged the flow at 12,000 barrels": a volume in a
        # sentence about a rate is a rate; so is one in a paragraph about rates ("The new flow numbers ... The
        # earliest figure, 1,000 barrels"), unless its sentence speaks of a total
        rate = RATE_WORDS.search(text, r.start, r.end) or RATE_WORDS.search(text, r.paragraph_start, r.start)
        measure = "flow_rate" if rate and not TOTAL_WORDS.search(text, r.start, r.end) else "volume"
        if measure == "flow_rate":
            q.unit = f"{q.unit}/d"
    among = (
        THE_DEAD_INCLUDE.search(text, max(r.start, q.start - AMONG_REACH), q.start)
        if measure in (None, "people")
        else None
    )
    if among and (named := lexicon.measure_words.find(among.group(1) or among.group(2))) and q.unit is None:
        # "the dead include 26 foreign nationals", "among the injured were 12 children": some of the toll
        measure, part = named[0].id, True
    if measure is None and q.unit is None and _rating_of_event(text, q, lexicon):
        measure, measure_text = "magnitude", None  # "Saturday's deadly 7.8 earthquake": the quake's magnitude
    if measure is None and q.unit is not None:
        # "winds of 185mph", "gusts reached 300 km/h, or 185 miles per hour", "surges as high as 10 feet": an amount in
        # a unit of a measure the sentence names, the nearest such
        named = [
            m for m in lexicon.measure_words.find(text, r.start, r.end) if q.unit in lexicon.measures[m.id].measured_in
        ]
        if named:
            nearest = min(named, key=lambda m: abs(m.start - q.start))
            measure, measure_text = nearest.id, nearest.text
    measure = group_members(text, q, measure, measure_text)
    if whose is None and measure in TOLLS and q.head_start is not None:
        # "Eleven gunmen killed": the armed people between the number and the toll's word
        armed = [m.id for m in lexicon.measure_words.find(text, q.num_end, q.head_start) if m.id in ARMED_PEOPLE]
        whose = armed[0] if armed else None
    if whose is None and measure in TOLLS and "people" in lexicon.measures:
        # "left 12 officers injured", "54 children": a group of the people a toll counts, a part of it
        noun = text[q.num_end : q.head_start if q.head_start is not None else q.end]
        whose = lexicon.measures["people"].kind_of(noun.split()[-1] if noun.split() else None)
    r.measures[id(q)] = measure
    return Measured(measure, measure_text, measure_mention, state, part, elided_count, whose)


def _rating_of_event(text: str, q: Quantity, lexicon: Lexicon) -> bool:
    """Whether a number with a decimal right before an event's word rates it: "a 7.8 earthquake", "the 6.1 quake"
    (a magnitude, where the events file says the kind has one)."""
    if q.low is None or q.low != q.high or q.low == int(q.low) or not 0 < q.low < MAX_RATING:
        return False
    heads = lexicon.events.heads.find(text, q.num_end, min(len(text), q.num_end + RATING_REACH))
    return (
        bool(heads) and not text[q.num_end : heads[0].start].strip() and lexicon.events.fits("magnitude", heads[0].id)
    )


def kind_of_count(lexicon: Lexicon, measure: str | None, measured: Measured) -> str | None:
    """The kind a count's noun narrows its measure to, for a measure of kinds: "5 heavy trucks" of vehicles."""
    info = lexicon.measures.get(measure or "")
    words = measured.mention.text if measured.mention is not None else measured.text
    return info.kind_of(words) if info is not None and info.kinds else None


def _whole_of(r: Reading, q: Quantity, previous: Quantity) -> Quantity | None:
    """The count before ``previous`` that ``q`` is a part of, when ``previous`` is too small to hold it."""
    if q.low is None or previous.high is None or q.low <= previous.high or previous.unit != q.unit:
        return None
    before = r.quantities[: next(i for i, x in enumerate(r.quantities) if x is previous)]
    return next((x for x in reversed(before) if x.unit == q.unit and (x.high is None or x.high >= q.low)), None)


def carry_measure(article: Article, q: Quantity, measure: str | None, measure_text: str | None) -> None:
    """Let the paragraph's later bare numbers count what ``q`` counts."""
    discourse = article.discourse
    if measure in PLACE_COUNTS:
        # "60,000 people gathered in 10 other cities, including 35,000 in Busan": the people are still counted (a count
        # of places, which carries to no number, is never the paragraph's counted noun)
        return
    if measure and measure not in ("duration", "ratio"):  # "in less than four weeks" counts no one
        discourse.measure, discourse.measure_text, discourse.unit = measure, measure_text, q.unit
        if q.unit is None:
            discourse.article_measure = (measure, measure_text)
    elif measure is None and q.unit is None and measure_text and measure_text.endswith("s"):
        # "about 700,000 customers were still without electricity ... put the number at about 540,000": a plural
        # noun no alias file names still says what the paragraph counts
        discourse.measure, discourse.measure_text, discourse.unit = None, measure_text, None


def _cost(text: str, r: Reading, q: Quantity) -> tuple[str, str] | None:
    """What an amount of money an event cost is: its damage ("$4 billion in economic losses", "the damage could
    reach $15 billion") or what insurers pay of it ("insured losses of around $3.2 billion"), with the words saying so;
    None for any other money (aid, a pledge, a price)."""
    before = max(r.start, q.start - LOSS_REACH)
    after = LOSS_AFTER.match(text, q.end)
    insured = INSURED_BEFORE.search(text, before, q.start)
    if insured or (after and "insured" in after.group().lower()):
        return "insured_losses", (insured or after).group().strip()
    loss = after or LOSS_BEFORE.search(text, before, q.start)
    return ("damage", loss.group("noun") or loss.group("costliest")) if loss else None
