"""What a toll, a crowd or a flow is about: the event named in the text.

"The death toll from the Jan. 12 earthquake", "the Camp Fire", "Ebola", "Trump's inauguration": an event is a
head noun from ``aliases/events.yaml`` with the names before it.  A named event ("Camp Fire", "Tubbs Fire")
gets an id of its own, so two fires never share a topic; a generic one ("the blaze", "that fire") stands
for the last named event of its kind in the article (``Incidents.resolve``), as a reader takes it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from .dates import MONTHS, WEEKDAYS
from .lexicon import POSSESSIVE, EventVocabulary, Mention, Token, slug
from .numbers import TENS, UNITS
from .places import AT_NAMED_BUILDING, NAMED_BUILDING

# Titles before a name are not part of the event's name: "President Obama's inauguration" is Obama's.
TITLES = frozenset(
    "president prime minister mr mrs ms dr gen general sen senator rep governor gov king queen pope former late "
    "then-president vice the a an another this that its their his her "
    # a number or a quantifier opening a sentence: "One gunman walked into a mosque", "Two bombs", "Several blasts"
    "one two three four five six seven eight nine ten several many some both each every "
    # a link's words before its topic: "(More Haiti earthquake dead stories)"
    "more most related latest top breaking read total "
    # a clause's opening word: "As powerful aftershocks rocked the coast", "While floods receded"
    "as while when whenever after before since though although because once until unless if where amid".split()
)
# Months and days before a head date the event, they do not name it: "the April earthquake".
CALENDAR = frozenset({*MONTHS, *WEEKDAYS})
# Words a headline or a sentence's start capitalises that describe an event, never name it: "Central Italy quake",
# "Second explosion", "Deadly Floods".
DESCRIBING = frozenset(
    "first second third fourth fifth last latest new recent central northern southern eastern western north south "
    "east west northeast northwest southeast southwest upper lower greater deadly deadliest massive huge major big "
    "powerful devastating strong strongest worst twin double".split()
)
# People whose event it is name it even in lower case: "the women's march" is the Women's March, "the teachers'
# strike" one strike among others.
PEOPLE_OWNERS = frozenset(
    "women men children students teachers nurses doctors workers farmers miners veterans mothers youth".split()
)
# An event's word that names an institution: "the disaster agency", "the fire department", "the Earthquake
# Commission", "the Iranian Hajj and Pilgrimage Organization" speak of no event.
INSTITUTION_AFTER = re.compile(
    r"(?i)(?:\s+(?:and|of|for|&|(?-i:[A-Z])[\w-]*(?!['\u2019])))"  # "... and Pilgrimage": more of the name,
    r"{0,3}?"  # never an owner's ("Hurricane Maria's official toll")
    r"\s+(?:agency|agencies|authority|authorities|ministry|office|service|services|department|dept|committee|"
    r"commission|centre|center|management|relief|response|preparedness|insurance|fund|brigade|marshal|"
    r"organi[sz]ation|institute|foundation|association|society|bureau|council|administration|network|"
    r"crews?|teams?|workers?|"  # "Rescue crews searched", "rescue teams": who responds, no event
    r"officials?|chiefs?|commissioners?|spokes(?:man|woman|person))\b"  # "Fire officials at the scene put the toll"
)
# A word that makes an event's head a figure of speech: "the country's economic collapse", "a political earthquake",
# "a flood of complaints" is no disaster (on the head's line: "Virus numbers by state" of a page's menu, then the
# headline "Wildfire guts ...", is none).
FIGURATIVE_BEFORE = re.compile(
    r"(?i)\b(?:economic|financial|fiscal|political|constitutional|diplomatic|moral|social|institutional|market|"
    r"currency|banking|debt|stock|electoral|regime|state)[^\S\n]+$"
    r"|\bstate\s+of\s+(?:national\s+)?$"  # "declared a state of disaster in Mexico City": a legal status, no event
)
FIGURATIVE_REACH = 16  # "constitutional " before the head
# An event's word in a compound that says what it did to a place: "quake-hit areas", "flood-ravaged villages".
HIT_BY = re.compile(r"\b([A-Za-z]+)-(?:hit|stricken|ravaged|affected|devastated|battered|damaged|struck|wracked)\b")
# An event a record is measured from: "its worst crisis since the 1975-1990 civil war" names a yardstick, not the
# event the sentence's counts are about.
RECORD_SINCE_BEFORE = re.compile(
    r"(?i)\b(?:worst|deadliest|largest|biggest|highest|lowest|costliest|strongest|heaviest|most|first)\b"
    r"[^.;!?]{0,40}?\bsince\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$"
)
RECORD_SINCE_REACH = 80
# A number before an event's words in the plural counts such events, it names none: "more than 150 attacks on US
# forces", "three separate bombings" (not "a magnitude 7.8 earthquake", "the 2010 quake").
COUNTED_BEFORE = re.compile(
    # a count, not a year ("the 2023 floods") nor a decimal's end ("7.8")
    r"(?i)(?:(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?<!(?:1[89]|20)\d\d)"
    rf"|\b(?:{'|'.join(UNITS)}|{'|'.join(TENS)}|hundred|thousand|dozens|hundreds|thousands|several|multiple|numerous))"
    r"(?:\s+of)?\s+(?:[a-z-]+\s+)?$"
)
COUNTED_REACH = 40  # "more than 1,000 separate " before the head
PLURAL = re.compile(r"[a-z]s\b")
# A participle that describes the noun after it: "collapsed buildings", "capsized boats".
PARTICIPLE_BEFORE_NOUN = re.compile(
    r"\s+(?!(?:as|on|in|at|after|before|when|while|during|under|into|onto|and|or|but|"
    r"with|without|to|from|near|off|killing|trapping|burying|leaving)\b)[a-z]+s\b"
)
# Words for whatever event the story is about, once it has named one: "the disaster", "the natural disaster", "the
# June 2 accident".
ANY_EVENT = frozenset({"disaster", "disasters", "collapse", "collapsed", "accident", "accidents"})
GENERIC_KIND = "disaster"  # the kind events.yaml gives those words alone
# A title-cased headline's function words, which no name after an event's word runs into: "Cyclone Fani At Least".
NAME_ENDS = frozenset(
    "at in on of to for from with by as and or but the a an is are was were has have had kills killed hits "
    "slams leaves left death toll dead".split()
)
# Words that make a generic event the story's own: "the recent inauguration", "this year's march".
RECENT = re.compile(r"(?i)\b(?:recent|latest|current|this year's|today's|yesterday's|this week's)\b")
# "the 2010 earthquake", "the 1989 spill": a year right before the event's words.
EVENT_YEAR = re.compile(r"\b((?:1[89]|20)\d\d)\s+$")
YEAR_AFTER_VERB = re.compile(r"\s+in\s+((?:1[89]|20)\d\d)\b")  # "collapsed in 1995"
# "Obama's 2009 inauguration": a year between the owner and the event.
YEAR_GAP = re.compile(r"\s+(?:1[89]|20)\d\d\s+")
# An indefinite article right before an event's words: "a protest", "an earlier quake", "another fire".
INDEFINITE = re.compile(r"(?i)\b(?:an?|another)\s+(?:[a-z-]+\s+)?$")
INDEFINITE_REACH = 30
ANOTHER_BEFORE = re.compile(r"(?i)\banother\s+(?:[a-z-]+\s+)?$")
# How far before an event's words its year is looked for, in characters: "2010 " and a little spacing.
EVENT_YEAR_REACH = 8
# A head word opens its sentence when this much before it is a sentence's end: ". ", '" ', a line break.
SENTENCE_BREAK_REACH = 3
# "the dockworkers' strike", "Wednesday's strike": a strike someone holds is a walkout ("Israel's strikes on Gaza",
# plural and aimed at a place, are attacks).
OWNED_STRIKE = re.compile(r"\b\w+(?:'s|s')\s+(strike)\b(?!\s+(?:on|against|in)\b)")
# A storm's rating before its word names none: "an EF5 tornado", "a Category 4 hurricane" ("Category" a title).
RATING = re.compile(r"E?F[0-5]|Category|Cat")
# Words between an event's name and its head that keep them one phrase: "Deepwater Horizon oil spill".
CONNECTORS = frozenset(
    {
        "oil",
        "magnitude",
        "deadly",
        "devastating",
        "massive",
        "huge",
        "catastrophic",
        "powerful",
        "first",
        "second",
        "third",
        "last",
        "latest",
        "annual",
        "recent",
    }
)  # "Obama's first inauguration"


@dataclass(frozen=True, slots=True)
class Incident:
    """An event as named in one place of the text."""

    start: int
    end: int
    id: str  # "camp_fire", "trump_inauguration", "ebola"; the kind alone for a generic mention: "earthquake"
    kind: str  # "fire"
    text: str  # "the Camp Fire"
    named: bool
    places: tuple[str, ...] = ()  # places among its words: "Haiti's earthquake", "the Nepal quake"
    year: int | None = None  # the year that modifies it: "the 2010 earthquake", "the 1989 spill"
    indefinite: bool = False  # "a protest against nuclear weapons": another event, not the one told of before
    another: bool = False  # "another powerful quake": not the one told of before, even when none is named


def find_incidents(
    text: str,
    tokens: list[Token],
    vocabulary: EventVocabulary,
    places: list[Mention],
    blocked: list[tuple[int, int]],
    owners: list[Mention] = (),
    armed: list[Mention] = (),
) -> list[Incident]:
    """Events named among a sentence's ``tokens``; ``blocked`` spans (dates: "in March", agencies) hold none;
    ``owners`` are countries' names and adjectives ("Turkish") that say where an event is, never what it is called;
    ``armed`` are armed groups' and forces' names, which before an attack's word say who did it ("the Boko Haram
    attack on Baga" is an attack on Baga, no event named "Boko Haram attack")."""
    # every word of a place is the place: "Mexico" in "the Gulf of Mexico leaks" says where, it names nothing
    place_at = {t[0]: p for p in places for t in tokens if p.start <= t[0] < p.end}
    owner_at = {o.start: o for o in owners}
    # "an alleged Russian attack on a theater", "Israel's strikes", "a Hamas attack": who struck, not where
    doers = {*owner_at, *(t[0] for g in armed for t in tokens if g.start <= t[0] < g.end)}
    names = []
    for name in vocabulary.names.find_in(text, tokens):
        kind, _, name_id = name.id.partition(":")
        names.append(Incident(name.start, name.end, name_id, kind, name.text, True))
    found: list[Incident] = []
    for head in vocabulary.heads.find_in(text, tokens):
        if (
            _blocked(head.start, blocked)
            or INSTITUTION_AFTER.match(text, head.end)
            or FIGURATIVE_BEFORE.search(text, max(0, head.start - FIGURATIVE_REACH), head.start)
            or RECORD_SINCE_BEFORE.search(text, max(0, head.start - RECORD_SINCE_REACH), head.start)
            or (
                PLURAL.search(head.text) and COUNTED_BEFORE.search(text, max(0, head.start - COUNTED_REACH), head.start)
            )
            or _uncued(text, head.text, vocabulary)
            or _listed_name(text, head, tokens)
        ):
            continue
        doer_at = doers if head.id in vocabulary.perpetrated else set()
        incident = _with_modifiers(text, tokens, head, place_at, owner_at, {n.start for n in names}, doer_at)
        # "the Ebola outbreak", "the cholera epidemic": the disease names the outbreak
        inside = [n for n in names if incident.start <= n.start and n.end <= incident.end]
        if inside:
            incident = Incident(
                incident.start,
                incident.end,
                inside[0].id,
                incident.kind,
                incident.text,
                True,
                incident.places,
                incident.year,
            )
            names = [n for n in names if n not in inside]
        found.append(incident)
    for head in vocabulary.named_heads.find_in(text, tokens):
        if any(x.start < head.end and head.start < x.end for x in found) or _blocked(head.start, blocked):
            continue
        doer_at = doers if head.id in vocabulary.perpetrated else set()  # "the Hamas attack": by Hamas, no name
        incident = _with_modifiers(text, tokens, head, place_at, owner_at, {n.start for n in names}, doer_at)
        if incident.start < head.start and (incident.named or incident.places):
            found.append(incident)  # "last week's Mumbai attacks": a place or a name makes the word an event's
    start, end = (tokens[0][0], tokens[-1][1]) if tokens else (0, 0)
    # (the words each pattern needs are looked for first: most sentences have no "-hit" word, no one's "strike")
    for m in HIT_BY.finditer(text, start, end) if text.find("-", start, end) >= 0 else ():
        kind = vocabulary.heads.find(m.group(1))
        if kind and not any(x.start <= m.start() < x.end for x in found):  # "quake-hit areas": the quake's
            found.append(Incident(m.start(1), m.end(1), kind[0].id, kind[0].id, m.group(1), False))
    for verb in vocabulary.verbs.find_in(text, tokens):
        if verb.text.endswith("ed") and PARTICIPLE_BEFORE_NOUN.match(text, verb.end):
            continue  # "10 collapsed buildings": what the buildings are, no event under way
        if not any(x.start < verb.end and verb.start < x.end for x in found) and not _blocked(verb.start, blocked):
            # "A Seoul department store collapsed in 1995": an event of that year, not the story's
            year = YEAR_AFTER_VERB.match(text, verb.end)
            found.append(
                Incident(verb.start, verb.end, verb.id, verb.id, verb.text, False, year=int(year[1]) if year else None)
            )
    for m in OWNED_STRIKE.finditer(text, start, end) if text.find("strike", start, end) >= 0 else ():
        if not any(x.start <= m.start(1) < x.end for x in found) and "strike" in vocabulary.people:
            found.append(Incident(m.start(1), m.end(1), "strike", "strike", m.group(), False))
    # "Typhoon Haiyan's rampage", "Hurricane Maria's floods": what a named event did is that event
    found = [x for x in found if not any(_owned_by(x, y) for y in found)]
    return sorted(found + names, key=lambda i: i.start)


def _owned_by(incident: Incident, owner: Incident) -> bool:
    """Whether ``incident``'s words open with a named event's, as its owner: "Typhoon Haiyan's rampage"."""
    return (
        owner is not incident
        and owner.named
        and owner.start == incident.start
        and owner.end < incident.end
        and POSSESSIVE.search(owner.text) is not None
    )


# Words that make an event the one a toll is of: "killed in the suspected chemical attack", "the toll from the quake".
TOLL_OF_BEFORE = re.compile(
    r"(?i)\b(?:killed|died|dead|deaths|toll|casualties|injured|wounded|victims)\s+(?:in|from|of|during|by)\s+"
    r"(?:the\s+|a\s+|an\s+|this\s+|that\s+)?(?:[\w'\u2019-]+\s+){0,4}$"
)
TOLL_OF_REACH = 80  # "killed in the suspected chemical weapons " before the event's word


def tolls_last(text: str, incidents: list[Incident]) -> list[Incident]:
    """A sentence's events with those of the kind its toll is of last, as the paragraph's events in force for the
    counts after it: "how many were killed in the attack near Damascus that may drag the U.S. into Syria's civil war"
    speaks of the attack, not of the war."""
    tolls = {x.kind for x in incidents if TOLL_OF_BEFORE.search(text, max(0, x.start - TOLL_OF_REACH), x.start)}
    return sorted(incidents, key=lambda x: x.kind in tolls) if tolls else incidents


def called_by_name(text: str, vocabulary: EventVocabulary) -> dict[str, tuple[str, str]]:
    """The names an article calls its events by alone, having named them after their kind's word or said what they
    are: "Hurricane Harvey ... Harvey killed 68 people", "Harvey was a Category 4 hurricane" ({"Harvey":
    ("harvey_storm", "storm")}, the id "Hurricane Harvey" has)."""
    words = tuple(sorted(vocabulary.by_name, key=len, reverse=True))
    lowered = text.lower()
    if not any(word in lowered for word in words):  # most articles: no scan of the text
        return {}
    names = {}
    for m in (*_named_after_word(words).finditer(text), *_named_as(words).finditer(text)):
        name = m.group("name")
        if name.lower() not in CALENDAR and not INSTITUTION_AFTER.match(text, m.start("name") - 1):
            kind = vocabulary.by_name[" ".join(m.group("word").lower().split())]
            names.setdefault(name, (slug(f"{name.lower()}_{kind}"), kind))
    return names


@functools.lru_cache(maxsize=4)
def _named_after_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """ "Hurricane Harvey", "Typhoon Haiyan": a kind's word, capitalised as a title is or not ("hurricane Dorian", as
    some house styles write it), then a name."""
    forms = sorted({f for w in words for f in (w.title(), w.lower())}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
    # on one line, and no function word of a title-cased headline ("... After Tornado\n\nThe city says")
    return re.compile(
        rf"\b(?P<word>{alternatives})[ \t]+(?P<name>(?!(?:The|This|That|These|Those|Its|Their|And|But|In|On|At|As|"
        rf"After|Before|For|From|With|To|Of|Is|Was|Hits|Kills|Slams)\b)[A-Z][a-z]{{2,}})\b(?!['\u2019]s\s+[A-Z])"
    )


@functools.lru_cache(maxsize=4)
def _named_as(words: tuple[str, ...]) -> re.Pattern[str]:
    """ "Harvey was a Category 4 hurricane": a name the sentence says is such an event."""
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(
        # not a question's or a pronoun's capital: "Where was the tornado?", "This was the worst storm"
        r"(?<![\w.] )\b(?!(?:Where|What|When|Which|Who|Whose|How|Why|This|That|There|Here|It|She|He|They)\b)"
        rf"(?P<name>[A-Z][a-z]{{2,}})\s+(?:was|is|became|had\s+become)\s+(?:a|an|the)\s+"
        rf"(?:[\w-]+\s+){{0,3}}?(?P<word>{alternatives})\b"
    )


def by_name(text: str, start: int, end: int, names: dict[str, tuple[str, str]]) -> list[Incident]:
    """A sentence's mentions of events by their name ("Harvey", alone or in "Hurricane Harvey"); not a person's
    name ("Harvey Weinstein")."""
    if not names:
        return []
    found = _names_alone(tuple(sorted(names, key=len, reverse=True))).finditer(text, start, end)
    return [
        Incident(m.start(), m.end(), *names[m.group()], m.group(), True)
        for m in found
        # "the most fatalities since Hurricane Agnes struck in 1972": a record's yardstick, not the story's storm
        if not RECORD_SINCE_BEFORE.search(text, max(0, m.start() - RECORD_SINCE_REACH), m.start())
    ]


@functools.lru_cache(maxsize=64)
def _names_alone(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b(?!\s+[A-Z])")


# Other names after a capitalised word, in a list: "festivals including Hurricane, Southside, and Highfield".
NAMES_LISTED_AFTER = re.compile(r",\s+(?:and\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?(?:,|\s+and\b)")


def _listed_name(text: str, head: Mention, tokens: list[Token]) -> bool:
    """Whether an event's word, capitalised inside a sentence with no name after it, is one of a list of names:
    "festivals including Hurricane, Southside, and Highfield" names a festival, no storm."""
    return (
        head.text[:1].isupper()
        and bool(tokens)
        and head.start > tokens[0][0]
        and NAMES_LISTED_AFTER.match(text, head.end) is not None
    )


def _uncued(text: str, words: str, vocabulary: EventVocabulary) -> bool:
    """Whether the words name their kind of event only with a cue the article lacks ("the strike" with no union)."""
    cues = vocabulary.cued.get(words.lower())
    return cues is not None and not _cued(cues, text)


@functools.lru_cache(maxsize=8)
def _cued(cues: re.Pattern, text: str) -> bool:
    """Whether the article holds one of the cues: asked once per article, whatever the sentence."""
    return cues.search(text) is not None


def _blocked(position: int, blocked: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in blocked)


def _with_modifiers(
    text: str,
    tokens: list[Token],
    head: Mention,
    place_at: dict[int, Mention],
    owners: dict[int, Mention],
    name_starts: set[int],
    doers: set[int] = frozenset(),
) -> Incident:
    """The head with the names around it: "last year's Tubbs Fire" -> Tubbs Fire, "Hurricane Helene" -> Helene
    (named); "the Turkish earthquake", "the April earthquake" stay unnamed (a place, a month); a lower-case name of
    the event ("Yemen's cholera outbreak") is passed over to the place before it (``name_starts``). The words at
    ``doers`` (a country, an armed group) before the word name who did it, neither where nor which: "the Russian
    airstrike"."""
    index = next(i for i, t in enumerate(tokens) if t[0] == head.start)
    start, end = head.start, head.end
    names: list[str] = []
    places: list[str] = []
    j = index - 1
    while j >= 0 and (
        text[tokens[j][1] : start].strip() in ("", "'", "\u2019") or YEAR_GAP.fullmatch(text, tokens[j][1], start)
    ):
        word = text[tokens[j][0] : tokens[j][1]]
        bare = POSSESSIVE.sub("", word)
        if tokens[j][0] in doers:
            pass
        elif tokens[j][0] in place_at:
            places.append(place_at[tokens[j][0]].id)
        elif tokens[j][0] in owners:  # "the Turkish earthquake": a country's adjective says where, not which
            places.append(owners[tokens[j][0]].id)
        elif tokens[j][0] in name_starts and not bare[:1].isupper():
            pass  # "Yemen's cholera outbreak": the disease is named apart (find_incidents), the place may come before
        elif not names and not places and word.islower() and NAMED_BUILDING.fullmatch(word):
            # "the bridge collapse", "the mosque shootings": what befell, in the event's words; no name or place
            # before it is read as the event's ("NZ mosque shootings")
            start = tokens[j][0]
            break
        elif (bare != word or text[tokens[j][1] : start].strip()) and not names and bare.lower() in PEOPLE_OWNERS:
            names.append(bare.lower())  # "the women's march", "nurses' strike"
            start = tokens[j][0]
            break
        elif (
            bare.lower() in TITLES
            or bare.lower() in CALENDAR
            or (bare[:1].isupper() and bare.lower() in DESCRIBING and bare.lower() not in CONNECTORS)
            or RATING.fullmatch(bare)
            or not (bare[:1].isupper() or bare.lower() in CONNECTORS)
        ):
            break
        elif bare[:1].isupper() and bare.lower() not in CONNECTORS:  # "Second explosion" names no blast
            if _sentence_initial(text, tokens[j][0]) and text.count(bare) < 2 and text[head.start].islower():
                # "Forest fires raged", "Killer fire": a sentence's first capital, no other sentence writes, before
                # a word in lower case (not "Camp Fire", a name in title case)
                break
            if bare != word and names:
                break  # "Trump's" owns the event; an earlier name belongs to the owner, not to the event
            names.append(bare.lower())
            if bare != word:
                start = tokens[j][0]
                j -= 1
                while (
                    j >= 0
                    and not text[tokens[j][1] : start].strip()
                    and text[tokens[j][0] : tokens[j][1]][:1].isupper()
                    and text[tokens[j][0] : tokens[j][1]].lower() not in TITLES
                ):
                    start = tokens[j][0]  # "Donald Trump's inauguration" is Trump's: the first name joins the words
                    j -= 1
                break
        start = tokens[j][0]
        j -= 1
    joined = j >= 1 and names and text[tokens[j][0] : tokens[j][1]] == "and" and tokens[j - 1][0] in place_at
    if joined:  # "the Lahaina and Kula wildfires": a name coordinated with a place is a place no gazetteer knows
        places = [*places, *(slug(name) for name in names), place_at[tokens[j - 1][0]].id]
        names, start = [], tokens[j - 1][0]
    head_word = text[head.start : head.end]
    after: list[str] = []
    if head_word[:1].isupper():  # "Hurricane Helene", "Typhoon Haiyan", "Storm Boris": the name follows the kind
        k = index + 1
        while k < len(tokens) and not text[end : tokens[k][0]].strip() and len(after) < 2:
            word = text[tokens[k][0] : tokens[k][1]]
            if (
                not word[:1].isupper()
                or word.lower() in CALENDAR
                or word.lower() in NAME_ENDS
                or tokens[k][0] in place_at
            ):
                break  # "Cyclone Fani At Least Eight Dead", a headline in title case: the name ends at "At"
            after.append(POSSESSIVE.sub("", word).lower())
            end = tokens[k][1]
            k += 1
    building = None if names or after else AT_NAMED_BUILDING.match(text, head.end)
    if building:  # "the fire at Grenfell Tower": named as "the Grenfell Tower fire" is
        names = [POSSESSIVE.sub("", w).lower() for w in reversed(building.group(1).split())]
        end = building.end()
    named = bool(names or after) or (head_word[:1].isupper() and index > 0 and not _sentence_initial(text, head.start))
    year = EVENT_YEAR.search(text, max(0, start - EVENT_YEAR_REACH), start) or YEAR_GAP.search(text, start, head.start)
    # "Obama's 2009 inauguration" and "Obama's 2013 inaugural" are two events: a year tells a recurring one apart
    # "the Grenfell Tower fire", "the fire at Grenfell Tower" and "the Grenfell fire" are one fire: a building's kind
    # after its name does not name the event
    words = list(reversed(names))
    if len(words) > 1 and NAMED_BUILDING.fullmatch(words[-1]):
        words = words[:-1]
    ident = "_".join([*words, *after, head.id, *([year.group().strip()] if year else [])]) if named else head.id
    return Incident(
        start,
        end,
        slug(ident),
        head.id,
        text[start:end],
        named,
        tuple(reversed(places)),
        int(year.group().strip()) if year else None,
        indefinite=bool(INDEFINITE.search(text, max(0, start - INDEFINITE_REACH), start)),
        another=bool(ANOTHER_BEFORE.search(text, max(0, start - INDEFINITE_REACH), start)),
    )


def placed_by_name(text: str, incidents: list[Incident], vocabulary: EventVocabulary) -> list[Incident]:
    """Events named after where they struck, as unnamed events there: "the Lombok quake", "the Gorkha earthquake"
    (not "Hurricane Harvey": a name after the word is the storm's own; nor "Monsoon floods" opening a sentence, a
    capital no other sentence writes)."""
    placed = []
    for incident in incidents:
        name = _name_before_head(incident, vocabulary) if incident.kind in vocabulary.named_by_place else ""
        if name and not (_sentence_initial(text, incident.start) and text.count(name) < 2):
            incident = replace(incident, id=incident.kind, named=False, places=(*incident.places, slug(name)))
        placed.append(incident)
    return placed


def _name_before_head(incident: Incident, vocabulary: EventVocabulary) -> str:
    """The name before a named event's closing word: "Lombok" of "the Lombok quake" ("" for none)."""
    heads = vocabulary.heads.find(incident.text) if incident.named else []
    if not heads or heads[-1].end != len(incident.text):
        return ""
    return POSSESSIVE.sub("", incident.text[: heads[-1].start]).strip()


def placed_by_article_names(
    incidents: list[Incident], places: dict[str, str], vocabulary: EventVocabulary
) -> list[Incident]:
    """Events named after a place no gazetteer knows but the article places by its grammar elsewhere, as unnamed
    events there: "the Fort McMurray wildfire" where the article says "wildfires in Fort McMurray, Alta." is the
    wildfire in Fort McMurray, as an article that never names it so calls it. ``places`` maps such names to ids."""
    placed = []
    for incident in incidents:
        name = _name_before_head(incident, vocabulary) if not incident.places else ""
        if name in places:
            incident = replace(incident, id=incident.kind, named=False, places=(places[name],))
        placed.append(incident)
    return placed


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - SENTENCE_BREAK_REACH) : pos]
    return pos == 0 or before.endswith(("\n", ". ", '" '))


def _kindless(incident: Incident) -> bool:
    """Whether a mention names no kind of event of its own: "the disaster" (not "the dam collapse", a flood)."""
    return incident.text.lower().split()[-1] in ANY_EVENT and incident.kind == incident.id == GENERIC_KIND


# An event this many years or more before the article's day, its year told, after the story's own event: "on the
# anniversary of a devastating 1985 quake" in a 2017 story of a quake is not that quake, nor does it date it (where
# "the 2010 earthquake", the story's first, is the story's); "Prior to Otis, the strongest was Hurricane Patricia in
# 2015" tells of Patricia for contrast, and the counts after it are still Otis's.
PAST_EVENT_YEARS = 2


@dataclass
class Incidents:
    """The events an article has named so far, for generic mentions to stand for the last named one."""

    named: dict[str, Incident] = field(default_factory=dict)  # kind -> last named incident
    first: Incident | None = None  # the article's main event: its first named one, else its first
    only: dict[str, Incident] = field(default_factory=dict)  # kind -> the one event of it the article names
    first_named: dict[str, Incident] = field(default_factory=dict)  # kind -> the first named: the story's own
    ahead: Incident | None = None  # the one kind of event the whole article names, before any sentence names it
    absorbs: dict[str, frozenset[str]] = field(default_factory=dict)  # story's kind -> kinds its mentions stand for
    part_of: dict[str, str] = field(default_factory=dict)  # kind -> the kind its events belong to (aftershock: quake)
    partial: frozenset[str] = frozenset()  # kinds that own only some counts (a rescue its rescuers): no story's own
    told_year: int | None = None  # the year the article is told in
    mentioned: list[Incident] = field(default_factory=list)  # every event the article names, anywhere

    def expect(self, incidents: list[Incident]) -> None:
        """Learn the events the whole article names: "The march drew 500,000 ... organizers of the Women's March
        said" speaks of one march, named after its first count."""
        self.mentioned = incidents
        by_kind: dict[str, dict[str, Incident]] = {}
        for incident in incidents:
            # "That March": capitalised, yet no name; "since the 1934 Nepal-Bihar earthquake": a past one, for contrast
            if incident.named and incident.id != incident.kind and incident.year is None:
                by_kind.setdefault(incident.kind, {}).setdefault(incident.id, incident)
        self.only = {kind: next(iter(ids.values())) for kind, ids in by_kind.items() if len(ids) == 1}
        # "the death toll topped 1,217 ... buildings damaged in quake-hit areas": the article's one kind of event
        kinds = {incident.kind for incident in incidents}
        self.ahead = incidents[0] if len(kinds) == 1 else None

    def resolve(self, incident: Incident) -> Incident:
        """A generic mention ("the blaze") is the last named event of its kind, else the only one the article names
        (further on); a named one is remembered ("That March", capitalised with no name, is generic)."""
        if incident.named and incident.id != incident.kind:
            if self.set_against(incident):
                return incident  # the story's event is still the one its later words stand for
            self.named[incident.kind] = incident
            self.first_named.setdefault(incident.kind, incident)
            if self.first is None or not self.first.named:
                self.first = incident
            return incident
        if self.first is None or (
            not self.first.named
            and (
                self.part_of.get(self.first.kind) == incident.kind
                # (not "Leading the rescue operation is ..." after "Rana Plaza, which collapsed": still the collapse's)
                or (_kindless(self.first) and not _kindless(incident) and incident.kind not in self.partial)
            )
        ):
            # "Aftershocks from the earthquake rocked the coast", "aid pours into the disaster area ... the 7.8
            # earthquake": the story is the quake's
            self.first = incident
        if incident.indefinite:
            # "another powerful quake left 90 dead" after the story's quake: another one, its toll its own ("A
            # powerful earthquake jolted central Mexico", the first of its kind, is the story's)
            if incident.another and incident.kind not in self.first_named:  # a named one keeps its own id apart
                return replace(incident, id=f"another_{incident.kind}")
            only = self.only.get(incident.kind)
            if only is None or incident.another or incident.year not in (None, only.year):
                return incident  # "In 1982, a protest against nuclear weapons drew ...": a protest of its own
            # "the death toll has risen to 36 after a powerful typhoon" under "Typhoon Hagibis death toll rises":
            # the one typhoon the article names
            return _standing_for(incident, only)
        story = self.first
        generic = incident.text.lower().split()[-1] in ANY_EVENT
        if (
            story is not None
            and story.kind != incident.kind
            and (generic or incident.kind in self.absorbs.get(story.kind, ()))
            and incident.year in (None, story.year or self.told_year)  # "collapsed in 1995": an event of its own
        ):
            # "Nearly 11,000 people have been wounded in the natural disaster": the story's quake; "the blasts" of
            # the story's bombing; a word for any event ("the accident") says no more than the story's own words
            standing = _standing_for(incident, story)
            return replace(standing, text=story.text) if generic else standing
        last = self.named.get(incident.kind) or self.only.get(incident.kind)
        if RECENT.search(incident.text) and incident.kind in self.first_named:
            # "The recent inauguration gets only 250,000 people but Barack Obama's inauguration ...": the story's own
            # event, named first, not the one it is compared with
            last = self.first_named[incident.kind]
        if last is None:
            return incident
        return _standing_for(incident, last)

    def set_against(self, incident: Incident) -> bool:
        """Whether a named event is a past one the story is set against: years before the article's, after the
        story's own named event."""
        first, told = self.first, self.told_year
        if first is None or not first.named or first.id == incident.id or not incident.named:
            return False
        return incident.year is not None and told is not None and told - incident.year >= PAST_EVENT_YEARS


def _standing_for(mention: Incident, event: Incident) -> Incident:
    """A generic mention ("the blaze") read as the event it stands for."""
    return Incident(mention.start, mention.end, event.id, event.kind, mention.text, False, event.places, event.year)
