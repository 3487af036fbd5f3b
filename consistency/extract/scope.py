"""Context of each claim from its sentence (and the ones before it): subject, place, time, source, modality.

Every decision here is a general mechanism over the alias files: nearest
mention of the right type, locative prepositions, reporting verbs, scope
phrases.  The tool is judged on articles nobody here has read.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from ..models import AsOf, Claim, Interval, Source
from .dates import MONTHS, WEEKDAYS, DateMention
from .events import describe_event
from .lexicon import Lexicon, Mention, tokenize
from .discourse import Discourse, dateline_places, headline
from .incidents import Incident, find_incidents
from .quantities import VOLUME_UNITS, Quantity

# "Iran-backed militias", "Russian-backed separatists": a proxy force named by its sponsor.
BACKED = re.compile(r"\b([A-Z][a-z]+)-(?:backed|linked|aligned|allied|sponsored|supported)\b")
# A place is where something is when a locative preposition leads to it: "in Iraq", "across northern Syria".
LOCATIVE_BEFORE = re.compile(
    r"(?i)\b(?:in|inside|across|within|throughout|through|near|around|into|at|of|over|to|on|from|"
    # places as objects of verbs of movement: "have fled Ukraine", "left Mali", "reached Greece"
    r"fled|flee|flees|fleeing|left|leaving|leave|reached|reaching|reach|entered|entering|enter)\s+(?:the\s+)?(?:[a-z][a-z-]*\s+){0,2}$"
)
# A capitalised name after a locative preposition is a place even when no gazetteer has it.
UNKNOWN_PLACE = re.compile(
    r"\b(?:in|near|across|inside|outside|around|through|at|on)\s+(?:the\s+(?:town|city|village|province|region|district|camp|state|county|island)\s+of\s+)?"
    r"(?:the\s+)?(?:(?:central|northern|southern|eastern|western|north|south|east|west)\s+)?"
    r"([A-Z][a-z'-]{2,20}(?:[ -](?:[A-Z][a-z'-]{1,20}|(?:al|el|de|du|la)\b)){0,3})"
)
_CALENDAR = [word.capitalize() for word in (*MONTHS, *WEEKDAYS)]  # "in January", "on Monday" are times
NOT_PLACES = frozenset(
    """Congress Parliament Senate House Court Council Cabinet Assembly
    Ministry Department Office Pentagon Kremlin White Times Post Journal News Facebook Twitter Instagram YouTube
    Telegram Reuters Associated Christmas Easter Ramadan Eid The This That These Those His Her Their Its Our
    Operation Project Program Programme Committee Commission Agency Institute University College School Center
    Centre Group Force Forces Army Navy Air Police Party Union League Coalition Alliance Organization Organisation
    Fund Bank Foundation Company Corporation Inc Ltd Mr Mrs Ms Dr Gen President Prime Minister Secretary Spring
    Summer Autumn Fall Winter Q1 Q2 Q3 Q4 English French Arabic Spanish German Russian Metro Subway Underground""".split()
) | set(_CALENDAR)
NAME_GOES_ON = re.compile(rf"\s+(?!(?:{'|'.join(_CALENDAR)}|On|In|At|The|But|And)\b)[A-Z][a-z]")
POSSESSIVE_GAP = re.compile(r"'s?\s+(?:[a-z]+\s+){0,2}")
SUBJECT_PLACE = re.compile(r"(?:'s)?\s+(?:alone\s+)?(?:has|have|had|hosts|hosted|houses|housed|received|receives|registered|recorded|reported|counts|counted|took|takes|took in|lost|holds|held|now|is|was)\b")
PLACE_AS_ADJECTIVE = re.compile(
    r"\s+(?:forces?|troops?|bases?|military|army|navy|officials?|government|embassy|policy|war|side|border|authorities|"
    r"soldiers|personnel|strikes?|citizens|nationals|diplomats?|envoy|ambassador|president|leaders?|intelligence)\b"
)
# "University in Indiana", "Institute of Oceanography in Kiel": an affiliation's place.
AFFILIATION_BEFORE = re.compile(r"\b(?:University|College|Institute|School|Hospital|Laboratory|Observatory)\s+(?:in|at)\s+(?:the\s+)?$")
# "Butte County", "Hatay Province": an administrative area by its kind word, in any gazetteer or none.
ADMIN_AREA = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)? (?:County|Parish|Province|District|Prefecture|Governorate|Oblast))\b")
# A place whose number follows: "Guinea's 2,187 deaths", "Sierra Leone with 1,281 fatalities", "Chicago: 250,000".
PLACE_OWNS_NUMBER = re.compile(r"(?:'s?\s+(?:[a-z]+\s+){0,2}|,?\s+with\s+(?:[a-z]+\s+){0,2}|:\s+|\s+\(|\s+(?=\d[\d,.]*\b))\d")
APPOSITION = re.compile(r"\s*,\s*")
PLACE_JOIN = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+(?:in\s+)?|\s+or\s+)$")
# An entity opposed, not owning: "the mission against the Islamic State".
OPPOSED_BEFORE = re.compile(r"(?i)\b(?:against|targeting|fighting|fight|defeat|defeating|counter|versus|vs\.|on|from|by)\s+(?:the\s+)?$")
# "at its peak", "at the height of its power": the number describes a past high point.
PEAK = re.compile(r"(?i)\b(?:at (?:its|their|the) (?:peak|height|zenith|apex|high point)|at the height of|in (?:its|their) heyday|at one point|at its strongest|at their strongest)\b")
PAST = re.compile(
    r"(?i)\b(?:once [a-z]+ed|once (?:had|held|boasted)|used to (?:have|hold|control)|formerly|at the time|"
    # a figure the text presents as superseded: "the earliest figure, 1,000", "initially estimated 150,000"
    r"initially|originally|at first|earliest|the first estimate|the initial|previous(?:ly)?|supplanted by|replaced by)\b"
    # "raised the toll to 230,000 from 212,000": the figure a revision started from
    r"|\bto\s+[^.;]{1,40}?\bfrom\s+(?:more than\s+|about\s+|nearly\s+|some\s+)?$"
)
PAST_AFTER = re.compile(r"(?i)(?:\s+[a-z]+){0,3}\s+(?:before|prior to) the (?:war|invasion|conflict|crisis|collapse|offensive|uprising|revolution|coup|pandemic)\b")
PAST_OPENING = re.compile(r"(?i)\s*(?:before|prior to) the [a-z]+(?: [a-z]+)?,")
ANAPHORA = re.compile(r"(?i)\b(?:the (?:group|terror group|militant group|jihadist group|extremist group|organization|organisation|militants|jihadists|insurgents|militia|alliance|coalition|country)|its|their|they)\b")
# Reporting verbs: "X said", "X estimated", "X put the number at".
# (Only forms that are rarely nouns: "states", "reports", "claims" are left out.)
REPORT = (
    r"said|says|told|tells|estimated|reported|put|puts|counted|tallied|recorded|tracked|documented|claimed|"
    r"announced|stated|confirmed|warned|noted|found|showed|believes|believed|assessed|calculated|cited|wrote|"
    r"added|acknowledged|insisted|according"
)
# Verbs that open a report after its source ("Officials expect", "Analysts estimate"); a determiner before one makes it a noun.
LEAD_VERB = re.compile(rf"\b(?:{REPORT}|expect|expects|estimate|estimates|believe|fear|fears|say|warn|warns|claims|claim|"
                       r"placed|pegged|raised|lowered|revised|upped)\b")
# Where a sentence turns to another speaker: "; though police estimated", ", while the ministry said",
# ", an estimate the Coast Guard later raised".
CLAUSE_SPLIT = re.compile(r";\s*|,\s+(?=(?:while|whereas|but|though|although)\b)|,\s+(?=(?:an?|the)\s+(?:estimate|figure|number|count|toll)\b)")
NUMBER_TOKEN = re.compile(r"\d[\d,.]*(?:st|nd|rd|th)?,?\s+")
# "an estimate the Coast Guard later raised to 5,000": who revised a figure.
REVISED_BY = re.compile(r"\b(?:estimate|figure|number|toll|count|tally)\s+(?:that\s+)?((?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})"
                        r"\s+(?:later\s+|then\s+|subsequently\s+|has\s+|had\s+)?(?:raised|lowered|revised|upped|put|pegged|placed|set)\b")
PASSIVE_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?$")
RELATIVE = re.compile(r"(?i)(?:which|who|that|whom|whose|where)\b")
NOUN_BEFORE = re.compile(r"(?i)\b(?:a|an|the|this|that|its|their|his|her|our|member)\s+$")
ACCORDING_TO = re.compile(r"(?i)\baccording to\s+([^\s,;:]+(?:\s+[^\s,;:]+){0,13})")
# "a report issued on Tuesday by the CDC", "the count kept by the WHO": the author, not the document.
DOCUMENT_BY = re.compile(
    r"(?i)^(?:[\w.'-]+\s+){0,3}?(?:report|study|survey|count|tally|estimate|projection|analysis|data|figures|model|"
    r"assessment|posting|statement|update)\b[^,;]{0,60}?\bby\s+(.+)$"
)
# "Data from ACLED show", "figures released by the ministry", "the toll cited by the opposition"
DATA_FROM = re.compile(r"(?i)\b(?:data|figures|statistics|numbers|estimates|records|tallies)\s+(?:from|by|compiled by|released by|published by|provided by)\s+([^\s,;:]+(?:\s+[^\s,;:]+){0,9}?)(?=\s+(?:show|shows|showed|suggest|suggests|indicate|indicates|put|puts)\b|[,;:]|$)")
CITED_BY = re.compile(r"(?i)\b(?:cited|given|provided|released|published|compiled|confirmed|reported|issued)\s+by\s+([^\s,;:]+(?:\s+[^\s,;:]+){0,7})")
# "UNHCR figures show", "ACLED data show"
NAMED_DATA = re.compile(r"\b((?:[A-Z][\w.&'-]*\s){1,5})(?:data|figures|statistics|estimates|records|numbers)\s+(?:show|shows|showed|suggest|suggests|indicate|indicates)\b")
BY_SOURCE = re.compile(r"(?i)\b((?:a|an|the)\s+(?:[\w.-]+\s+){0,2}(?:report|study|survey|count|tally|assessment|analysis|estimate|review|investigation|data|figures)\s+(?:by|from)\s+[^\s,.;:]+(?:\s+[^\s,.;:]+){0,7})")
# "..., officials said." / "..., said a senior official." at the end of a sentence.
SAID_AFTER = re.compile(rf"(?:,|\")\s*((?:[\w.'-]+\s){{1,8}}?)(?:{REPORT})\b[^,\"]{{0,60}}\.?\"?$")
# "..., Sabrina Singh, a Pentagon spokeswoman, said Thursday."
SAID_AFTER_APPOSITIVE = re.compile(rf"(?:,|\")\s*((?:[\w.'-]+\s){{1,5}}?)?([\w.'-]+,\s(?:[\w.'-]+\s){{1,6}}?)(?:{REPORT})\b[^,\"]{{0,60}}\.?\"?$")
SAID_INVERTED = re.compile(r"(?:,|\")\s*(?:said|says|added|wrote|noted|told reporters|explained)\s+([A-Za-z.'-]+(?:,?\s+[A-Za-z.'-]+){0,13})\.?\"?$")
# At a sentence's end a present-tense verb is plainly a verb: "..., the U.N. estimates."
SAID_AFTER_PRESENT = re.compile(r"(?:,|\")\s*((?:[\w.'-]+\s){1,8}?)(?:estimates|says|reports|warns|claims|states|counts|notes|finds|believes|thinks|argues|insists|adds|shows|show)\.?\"?$")
TIME_WORD = re.compile(r"(?i)\s*(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|last|this|earlier|in)\b")
LEADING = re.compile(r"(?i)^(?:(?:but|and|however|meanwhile|still|also|now|separately|in addition|moreover|yet|that)\b,?\s+)+")
AUX_TAIL = re.compile(r"(?i)\s+(?:so far|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|today|yesterday|have|has|had|also|previously|recently|now|already|separately|further|later|earlier|then|had\s+also|have\s+also|has\s+also)$")
DETERMINER = re.compile(r"(?i)^(?:a|an|the)\s+")
PRONOUNS = frozenset("he she they it we i you who that which this these those one".split())
# Words a speaker's noun phrase never ends or starts with: a clause's fragment caught by a pattern.
NOT_SPEAKER_ENDS = frozenset("to that which who the a an of and or by with for in on at as not than from more less".split())
NOT_SPEAKER_STARTS = frozenset(
    "while when where if as because since after before although though but and or so that which who whom "
    "to of in on at by for with from up more less than".split()
)
TRAILING_TIME = re.compile(r"\s+(?:from|in|on|of|since|for|as of)\s+[^\d]{0,20}\d.*$")
# A lower-case past participle or verb opening the phrase: "declined to comment", "refused".
FRAGMENT_START = re.compile(r"^(?!(?:armed|unnamed|elected|retired|leading|ruling|governing|striking|united|ranking)$)[a-z]+(?:ed|ing)$")
# Words after a bare number that do not start a counted noun: "the death toll stood at 85 with ...".
NOT_A_NOUN_AFTER = re.compile(
    r"(?i)\s?(?:in|at|on|for|to|from|by|during|since|this|last|and|or|as|than|when|while|after|before|with|including|"
    r"according|but|so|then|more|less|are|is|was|were|have|has|had|remain|remained|remains|out)\b"
)
# Words between a number and its noun that narrow the count to a part: "528 commercial buildings".
FACETS = frozenset("commercial residential other additional new more further remaining confirmed suspected probable daily".split())
# "another 15,000 structures", "a further 300": a count added to one already given.
ADDED_BEFORE = re.compile(r"(?i)\b(?:another|an additional|a further|additional|further)\s+(?:[a-z]+\s+){0,1}$")
# How people travelled narrows a count of arrivals: "878,495 who have arrived by sea", "34,215 ... across land borders".
MODE = re.compile(r"(?i)\b(?:by|across|over)\s+(sea|boat|boats|land|air|plane|rail|road|land borders?)\b")
MODES = {"sea": "by sea", "boat": "by sea", "boats": "by sea", "land": "by land", "land border": "by land",
         "land borders": "by land", "road": "by land", "rail": "by land", "air": "by air", "plane": "by air"}
# A part of a total just given: "844,176 of them landing in Greece", "including 34,215 who arrived by land".
PART_AFTER = re.compile(r"(?i)\s+(?:of them|of whom|of those|of these|among them)\b")
PART_BEFORE = re.compile(r"(?i)\b(?:including|includes|included|of those|of them|of whom|among them)\s+(?:some\s+|about\s+)?$")
# Bodies found, located, recovered: a count of discoveries, not the toll ("Three bodies were found outside homes").
FOUND_AFTER = re.compile(r"(?i)(?:\s+[a-z]+){0,3}?\s+(?:were|was|have been|had been)\s+(?:found|located|recovered|discovered|pulled)\b")
# "grew by 5,000 acres", "an increase of 300": a change, not a level.
CHANGE_BEFORE = re.compile(
    r"(?i)\b(?:(?:grew|grown|grows|rose|risen|rises|increased|increases|jumped|climbed|fell|fallen|dropped|declined|"
    r"decreased|shrank|up|down)\s+(?:by\s+)(?:just\s+|only\s+|nearly\s+|about\s+|some\s+|more than\s+|almost\s+)?"
    r"|\b(?:an?\s+)?(?:increase|rise|jump|drop|decline|fall)\s+of\s+(?:about\s+|some\s+|nearly\s+|more than\s+)?)$"
)
# Words that make a sentence about a flow: "the daily spillage", "the flow rate".
RATE_WORDS = re.compile(r"(?i)\b(?:daily|a day|per day|each day|flow|flowing|flow rate|rate)\b")
# Present-tense verbs: a sentence saying how things stand now is as of publication, whatever time the
# sentences before it set ("The coalition formed in 2014. About 2,500 troops remain in Iraq.").
PRESENT = re.compile(r"(?i)\b(?:is|are|has|have|remains?|stands?|now|currently|still|today|this week|says|say|estimates)\b")
# "will deploy 3,000", "plans to send up to 500": a modal governing the number within three words.
PLANNED = re.compile(
    r"(?i)\b(?:will|would|could|(?-i:may)|might|shall|plans? to|planned to|planning to|expects? to|expected to|set to|intends? to|"
    r"aims? to|going to|proposed to|proposes to|wants? to|hopes? to|seeks? to|seeking to|agreed to|agrees? to|preparing to|"
    r"prepares? to|(?:is|are|was|were) to|pledged? to|pledges to|promised? to|promises to|vowed? to|vows to|offered to|"
    r"ready to|due to|scheduled to)\s+(?:[a-z]+ly\s+)?(?:be\s+)?[a-z]+\s+"
    r"(?:(?:for|to|by|of|with|about|until|up)\s+)?(?:(?:an?\s+)?(?:additional|another|further|extra|new)\s+)?$"
)
# "up to 500,000 people could be forced from their homes": the modal right after the counted noun.
MODAL_AFTER = re.compile(
    r"(?i)(?:\s+(?:a|per|each)\s+(?:day|week|month|year))?(?:\s+(?:from|of|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?"
    r"\s+(?:(?:also|still|now|soon|then)\s+)?(?:will|would|could|(?-i:may)|might|shall|(?:is|are) (?:expected|set|likely) to)\b"
)
# "If the dam fails, ...": the condition clause, up to its comma.
CONDITION_FIRST = re.compile(r"(?i)\s*\"?(?:if|unless|should|were|in case|in the event that)\b[^,;]{0,200}(?:,|$)")
DATE_PLANNED = re.compile(r"(?i)\b(?:will|would|could|(?-i:may)|might|shall|plans? to|planned to|expected to|set to|intends? to|aims? to|going to|scheduled to|due to)\b")
NEGATED = re.compile(r"(?i)\b(?:not|never|n't)\b")
CONDITIONAL = re.compile(r"(?i)\b(?:if|unless|should)\b")
CLAUSE_START = re.compile(r"[;:]\s*|,\s+(?:but|while|whereas|and)\s+|\b(?:that|which|who)\s+")
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|whereas|which|who)\b|\s-\s")
WORD = re.compile(r"[A-Za-z]+")
# Between two numbers of one count: "900 troops in Syria and 2,500 in Iraq", "35 people, while 14 ...".
ELLIPSIS = re.compile(r"(?:\s+in\s+[A-Za-z][^,;.\d]{0,40}?)?\s*(?:,\s*)?(?:and|while|but|whereas|with|including|to|of whom|among them)?\s+(?:another\s+|a further\s+)?$")
SINCE_LIKE = re.compile(r"(?i)\b(?:after|ago|before|earlier|later)\s*$")


@dataclass(slots=True)
class SentenceContext:
    start: int
    end: int
    entities: list[Mention]
    places: list[tuple[int, int, list[str], str]]  # (start, end, ids, text) of each locative place group
    subject_places: list[tuple[int, int, list[str], str]]  # "Germany received ...": a country as the sentence's subject
    peak: re.Match | None  # "at its peak" anywhere in the sentence
    past_opening: re.Match | None  # "Before the war, ..."
    anaphor: re.Match | None  # "the group", "its": a subject named in an earlier sentence
    measures: list[Mention]
    incidents: list[Incident]
    within: dict[str, str]  # places the sentence puts inside others: "Paradise, Butte County"


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
            contexts[i] = _context(text, sentences[i], lexicon, spans)
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

    dateline = dateline_places(text, source.body_start, lambda name: _place_id(name, lexicon))
    discourse = Discourse(main_places=dateline, within=dict(zip(dateline, dateline[1:])))
    discourse.undated = source.published is None
    if not discourse.main_places:  # where the story is: the first place its first paragraph names
        for i, (s_start, _) in enumerate(sentences):
            if i and "\n\n" in text[sentences[i - 1][1] : s_start]:
                break
            discourse.main_places = _sentence_places(context(i))
            if discourse.main_places:
                break
    title = headline(source.title, source.url)
    for incident in find_incidents(title, tokenize(title), lexicon.events, [], []):
        if not source.title and incident.named and incident.id != incident.kind and incident.text.lower() != incident.id:
            # an address's words are cased at random ("GMA/oil-leak-..."): a disease's name counts, names before
            # a head noun do not
            incident = Incident(incident.start, incident.end, incident.kind, incident.kind, incident.kind, False)
        discourse.incidents.resolve(incident)  # "Camp Fire is 100% contained": the story's event
    previous_end = None
    # Every sentence, in order: one that holds no claim may still set the time, place, speaker or event of the
    # sentences after it.
    for i, (s_start, s_end) in enumerate(sentences):
        if previous_end is not None and "\n\n" in text[previous_end:s_start]:
            discourse.new_paragraph()
        previous_end = s_end
        qs = by_sentence.get(i, [])
        ds = date_by_sentence.get(i, [])
        ctx = context(i)
        incidents = [discourse.incidents.resolve(x) for x in ctx.incidents]
        discourse.within.update(ctx.within)
        attribution = _attribution(text, s_start, s_end, lexicon) if qs or ds or lexicon.events.measures else None
        if not qs and not ds:
            discourse.remember(_sentence_places(ctx), ds, attribution, incidents)
            continue
        sentence = source.text[s_start:s_end]
        stated_attribution = attribution
        attribution = attribution or discourse.speaker
        clauses = _clauses(text, s_start, s_end) if len(qs) > 1 else []
        owners = _assign_places(ctx.places, qs)
        resolved: dict[int, str | None] = {}  # measure of each quantity once its state is known, for ellipsis
        places_of: dict[int, list[str]] = {}
        taken = {x.head_start for x in qs if x.head_start is not None}  # counted nouns that belong to a number
        for k, q in enumerate(qs):
            previous = qs[k - 1] if k else None
            measure, measure_text, measure_mention = _measure(text, q, ctx, previous, taken, lexicon, resolved)
            measure = _state(text, q, ctx, measure, lexicon, measure_mention)
            measure = _at_event(measure, incidents, discourse, lexicon)
            if measure is None and measure_text is None and q.unit == discourse.unit and discourse.measure and _elided(text, q):
                # "Police counted 12,000 marchers. In Lyon they counted 4,000.": the counted noun carries
                measure, measure_text = discourse.measure, discourse.measure_text
            if measure == "volume" and discourse.measure == "flow_rate" and q.unit in VOLUME_UNITS:
                # "BP put the flow at 5,000 barrels a day. The earliest figure, 1,000 barrels, ...": still a flow
                measure, q.unit = "flow_rate", f"{q.unit}/d"
            if measure is None and q.unit in VOLUME_UNITS:
                # "the daily spillage could be ... 25,000 barrels": a volume in a sentence about a rate is a rate
                measure = "flow_rate" if RATE_WORDS.search(text, s_start, s_end) else "volume"
                if measure == "flow_rate":
                    q.unit = f"{q.unit}/d"
            resolved[id(q)] = measure
            subject, subject_text, incident = _subject_or_event(text, q, ctx, measure, measure_mention, incidents,
                                                                discourse, lexicon)
            if subject is None:
                subject, subject_text = _anaphora(text, ctx, measure, lexicon, context, i)
            if subject is None and incident is None:
                incident = _discourse_event(text, q, measure, discourse, lexicon)
                if incident is not None:
                    subject, subject_text = incident.id, incident.text
                else:  # no event anywhere: whose people they are, as for any count
                    subject, subject_text = _subject(text, q, ctx, measure, measure_mention, lexicon)
            if subject is None and measure is None and (incidents or discourse.recent):
                # "That means almost 97 percent arrived by sea": a share or a bare figure in a paragraph about an
                # event is about that event
                incident = (incidents or discourse.recent)[-1]
                subject, subject_text = incident.id, incident.text
            location, location_text = owners.get(id(q), ([], None))
            if not location and previous and (ELLIPSIS.match(text, previous.end, q.start) or resolved.get(id(previous)) == measure):
                # "1,410 people had been killed in Gaza and 6,268 wounded"; "1,000 barrels a day were leaking into
                # the Gulf, an estimate later raised to 5,000 barrels a day": the same count, the same place
                location = places_of.get(id(previous), [])
            if not location and ctx.subject_places:
                location, location_text = ctx.subject_places[0][2], ctx.subject_places[0][3]
            if not location:
                location = discourse.places
            if not location and attribution:
                # "according to the Butte County Sheriff's Office", "Nepal's home ministry said": the agency's place
                location = _speaker_places(attribution, lexicon)
            if not location and incident is not None:
                # an event happens somewhere: where its name says ("the Nepal quake"), else where the story is
                location = list(incident.places) or discourse.main_places
            location = discourse.with_containers(location)
            places_of[id(q)] = location
            if measure:
                discourse.measure, discourse.measure_text, discourse.unit = measure, measure_text, q.unit
            as_of = _as_of(text, q, ctx, ds, source.published)
            if incident is not None and incident.year and as_of.scope in ("current", "context", "unknown"):
                # "the 2010 earthquake killed ...": the year that names the event dates what it did
                if source.published is None or incident.year < source.published.year:
                    as_of = AsOf(start=date(incident.year, 1, 1), end=date(incident.year, 12, 31), scope="explicit",
                                 text=str(incident.year))
            if as_of.scope == "unknown" or (as_of.scope == "current" and not PRESENT.search(text, s_start, s_end)):
                as_of = discourse.as_of() or as_of
            claims.append(
                Claim(
                    id=Claim.make_id(source.name, q.start, q.end),
                    source=source.name,
                    start=q.start,
                    end=q.end,
                    text=source.text[q.start : q.end],
                    sentence=sentence,
                    kind="quantity",
                    subject=subject,
                    subject_text=subject_text,
                    measure=measure,
                    measure_text=measure_text,
                    facet=_facet(text, q),
                    subject_type=_subject_type(subject, incident),
                    location=location,
                    location_text=location_text,
                    value=Interval(low=_low(q), high=_high(q), qualifier=q.qualifier) if q.low is not None or q.high is not None else None,
                    unit=q.unit,
                    as_of=as_of,
                    attribution=_clause_attribution(text, clauses, q, lexicon) or attribution,
                    modality=_modality(text, ctx, q),
                    derivation=q.derivation,
                )
            )
        for d in ds:
            event, event_key = describe_event(text, (s_start, s_end), d)
            places = [p for p in ctx.places]
            location = sorted({i for p in places for i in p[2]})
            subject = _nearest_entity_before(text, ctx, d.start, None, lexicon)
            claims.append(
                Claim(
                    id=Claim.make_id(source.name, d.start, d.end),
                    source=source.name,
                    start=d.start,
                    end=d.end,
                    text=source.text[d.start : d.end],
                    sentence=sentence,
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
                    modality=_date_modality(text, s_start, d.start),
                )
            )
        discourse.remember(_sentence_places(ctx), ds, stated_attribution, incidents)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _subject_or_event(text: str, q: Quantity, ctx: SentenceContext, measure: str | None, measure_mention: Mention | None,
                      incidents: list[Incident], discourse: Discourse, lexicon: Lexicon):
    """(subject id, its words, the event if the subject is one). A toll, a crowd or a flow is about the event
    its sentence names, unless its own noun names whose it is ("35 U.S. soldiers", "Syria's 600,000")."""
    if q.subject_hint:
        return q.subject_hint, q.measure_text, None
    own = _own_entity(text, q, ctx)
    fitting = [x for x in incidents if lexicon.events.fits(measure, x.kind)]
    if measure in lexicon.events.measures and own is None:
        if fitting:
            incident = min(fitting, key=lambda x: max(x.start - q.end, q.start - x.end, 0))
            return incident.id, incident.text, incident
        if not (lexicon.measures[measure].subjects if measure in lexicon.measures else []):
            return None, None, None  # no entity owns a toll: the paragraph's event will
    if own is not None:
        return own.id, own.text, None
    subject, subject_text = _subject(text, q, ctx, measure, measure_mention, lexicon)
    return subject, subject_text, None


def _discourse_event(text: str, q: Quantity, measure: str | None, discourse: Discourse, lexicon: Lexicon) -> Incident | None:
    """A toll, a crowd or a flow whose sentence names no event: the paragraph's event, else the article's,
    else the one its count implies ("1 million migrants arrived": migration)."""
    events = lexicon.events
    if measure not in events.measures:
        return None
    found = discourse.event(lambda kind: events.fits(measure, kind))
    if found is not None:
        return found
    kind = events.implied.get(measure or "")
    if kind is None:
        return None
    implied = discourse.incidents.resolve(Incident(q.start, q.end, kind, kind, kind, False))
    discourse.recent.append(implied)  # "Another 3,735 people died": the same migration
    return implied


def _facet(text: str, q: Quantity) -> str | None:
    """What narrows a count to part of its measure: "528 commercial buildings", "another 15,000 structures",
    "grew by 5,000 acres" (a change, not a level)."""
    if CHANGE_BEFORE.search(text, max(0, q.start - 40), q.start):
        return "change"
    mode = MODE.search(text, q.end, min(len(text), q.end + 60))
    if mode and not re.search(r"[,;.]", text[q.end : mode.start()]):
        return MODES[mode.group(1).lower()]
    if PART_AFTER.match(text, q.end) or PART_BEFORE.search(text, max(0, q.start - 24), q.start):
        return "part"
    if FOUND_AFTER.match(text, q.end, q.end + 60):
        return "found"
    before = ADDED_BEFORE.search(text, max(0, q.start - 16), q.start)
    if before:
        return "additional"
    if q.head_start is not None:
        words = [w.lower() for w in WORD.findall(text[q.num_end : q.head_start])]
        narrowing = [w for w in words if w in FACETS]
        if narrowing:
            return " ".join(narrowing)
    return None


def _subject_type(subject: str | None, incident: Incident | None) -> str | None:
    if subject is None:
        return None
    if incident is None or incident.id != subject:
        return "entity"
    return "named_event" if incident.id != incident.kind else "event"  # "the Camp Fire", not "Inauguration Day"


def _at_event(measure: str | None, incidents: list[Incident], discourse: Discourse, lexicon: Lexicon) -> str | None:
    """People counted at an event are what the event makes them: a crowd at a march, strikers in a strike."""
    if measure not in (None, "people", "crowd", "strikers"):
        return measure
    people = lexicon.events.people
    for incident in (*reversed(incidents), *reversed(discourse.recent)):
        if incident.kind in people:
            return people[incident.kind] if measure is not None else None
    return measure


def _elided(text: str, q: Quantity) -> bool:
    """A bare number whose counted noun is left out: "and 4,000 in Lyon", "400,000 of them", "another 2,500"."""
    if re.search(r"(?i)\bby\s$", text[max(0, q.start - 3) : q.start]):
        return False  # "multiplies figures by 1.5", "rose by 300": a factor or a change, not the same count again
    after = text[q.end : q.end + 40]
    return not re.match(r"\s?[A-Za-z]", after) or bool(NOT_A_NOUN_AFTER.match(after)) or bool(PART_AFTER.match(after))


def _speaker_places(attribution: str, lexicon: Lexicon) -> list[str]:
    """Places an agency is named after: "Butte County Sheriff's Office", "Nepal's home ministry", "Haitian officials"."""
    found = [m.id for m in lexicon.places.find(attribution)]
    found += [e.id for e in lexicon.entities.find(attribution) if lexicon.entity_types.get(e.id) == "country"]
    found += [re.sub(r"[^a-z0-9]+", "_", m.group(1).lower()) for m in ADMIN_AREA.finditer(attribution)]
    return list(dict.fromkeys(found))


def _sentence_places(ctx: SentenceContext) -> list[str]:
    """The places a sentence states, locative or as its subject, for the sentences after it."""
    return sorted({pid for group in (*ctx.places, *ctx.subject_places) for pid in group[2]})


def _place_id(name: str, lexicon: Lexicon) -> str:
    """A place's id in the gazetteer, or its name as an id ("Butte County" -> butte_county)."""
    found = lexicon.places.find(name)
    if found and found[0].start == 0 and found[0].end >= len(name.rstrip(".")) - 1:
        return found[0].id
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _low(q: Quantity) -> float | None:
    return q.low if q.qualifier not in ("less_than", "at_most") else None


def _high(q: Quantity) -> float | None:
    return q.high if q.qualifier not in ("more_than", "at_least") else None


def _context(text: str, span: tuple[int, int], lexicon: Lexicon, date_spans: list[tuple[int, int]]) -> SentenceContext:
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
    known = lexicon.places.find_in(text, tokens)
    places, subject_places, within = _place_groups(text, _with_unknown_places(text, start, end, known, entities, lexicon))
    inside_entity = {i for e in entities for i in range(e.start, e.end)}
    measures = [m for m in lexicon.measure_words.find_in(text, tokens) if m.start not in inside_entity]
    peak = PEAK.search(text, start, end)
    past_opening = PAST_OPENING.match(text, start, end)
    anaphor = ANAPHORA.search(text, start, end)
    found_places = [Mention(g[0], g[1], g[2][0], g[3]) for g in (*places, *subject_places)]
    # names of agencies ("Cal Fire") and dates ("in March") are not events
    blocked = date_spans + [(e.start, e.end) for e in entities]
    countries = [e for e in entities if lexicon.entity_types.get(e.id) == "country"]
    incidents = find_incidents(text, tokens, lexicon.events, found_places, blocked, countries)
    return SentenceContext(start, end, entities, places, subject_places, peak, past_opening, anaphor, measures, incidents,
                           within)


def _with_unknown_places(text: str, start: int, end: int, known: list[Mention], entities: list[Mention],
                         lexicon: Lexicon) -> list[Mention]:
    """Add places no gazetteer knows where the grammar says "place": "in the town of Mai Kadra", "near Rolling Fork"."""
    taken = [(m.start, m.end) for m in (*known, *entities)]
    found = list(known)
    for m in UNKNOWN_PLACE.finditer(text, start, end):
        s, e = m.span(1)
        name = m.group(1)
        if name.split()[0] in NOT_PLACES or any(a < e and s < b for a, b in taken):
            continue
        if _names_event(name, lexicon) or text.startswith(("'s", "’s"), e):
            continue  # "in the Camp Fire": an event; "at Donald Trump's inauguration": an owner, not a place
        found.append(Mention(s, e, re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_"), name))
    return sorted(found, key=lambda m: m.start)


def _names_event(name: str, lexicon: Lexicon) -> bool:
    """Whether a capitalised name ends in an event's head noun: "Camp Fire", "Women's March"."""
    heads = lexicon.events.heads.find(name) + lexicon.events.names.find(name)
    return any(h.end >= len(name) for h in heads)


def _place_groups(text: str, mentions: list[Mention]):
    """Coordinated locative places as one group ("in Iraq and Syria" -> [iraq, syria]), and places that open a sentence."""
    groups: list[tuple[int, int, list[str], str]] = []
    subjects: list[tuple[int, int, list[str], str]] = []
    within: dict[str, str] = {}  # what the text says lies in what: "Paradise, Butte County"
    for m in mentions:
        if NAME_GOES_ON.match(text, m.end) or PLACE_AS_ADJECTIVE.match(text, m.end):
            continue  # "the U.S. Embassy", "on U.S. forces": part of a name or a modifier, not a place
        if groups and PLACE_JOIN.match(text[groups[-1][1] : m.start]):
            s, _, ids, _ = groups[-1]
            if APPOSITION.fullmatch(text, groups[-1][1], m.start):
                # "Del Rio, Texas", "Mai Kadra, Ethiopia's ...": the second place locates the first: the group is the
                # narrower, and the article learns that it lies in the wider (a claim there is in both)
                groups[-1] = (s, m.end, ids, text[s : m.end])
                within.update({pid: m.id for pid in ids if pid != m.id})
            else:
                groups[-1] = (s, m.end, sorted({*ids, m.id}), text[s : m.end])
            continue
        if groups and POSSESSIVE_GAP.fullmatch(text, groups[-1][1], m.start):
            groups[-1] = (m.start, m.end, [m.id], m.text)  # "in Russia's Kursk region": the narrower place
            continue
        if AFFILIATION_BEFORE.search(text, max(0, m.start - 30), m.start):
            continue  # "an engineer at Purdue University in Indiana": where the speaker works, not where the count is
        if LOCATIVE_BEFORE.search(text[max(0, m.start - 40) : m.start]) or PLACE_OWNS_NUMBER.match(text, m.end):
            groups.append((m.start, m.end, [m.id], m.text))
        elif SUBJECT_PLACE.match(text, m.end) and _starts_sentence(text, m.start):
            subjects.append((m.start, m.end, [m.id], m.text))
    return groups, subjects, within


def _starts_sentence(text: str, pos: int) -> bool:
    """"Germany received 329,000 asylum seekers": a country opening the sentence is where the count is."""
    before = text[max(0, pos - 3) : pos]
    if text[max(0, pos - 4) : pos] == "The ":
        pos -= 4  # "The Kurdistan Region hosts ..."
        before = text[max(0, pos - 3) : pos]
    return pos == 0 or before.strip() == "" or before.endswith((". ", '" ', "\n"))


def _assign_places(places, quantities: list[Quantity]) -> dict[int, tuple[list[str], str]]:
    """Each place group goes to the nearest quantity in its sentence; a quantity keeps the nearest of its groups."""
    owners: dict[int, tuple[int, tuple[list[str], str]]] = {}
    for p_start, p_end, ids, p_text in places:
        if not quantities:
            break
        best = min(quantities, key=lambda q: max(q.start - p_end, p_start - q.end, 0) + (0.5 if p_end <= q.start else 0))
        if best.start <= p_start < best.end and best.head_start is not None and p_start < best.head_start:
            continue  # "2,500 U.S. troops": an adjective of the noun, not a place
        distance = max(best.start - p_end, p_start - best.end, 0)
        if id(best) not in owners or distance < owners[id(best)][0]:
            owners[id(best)] = (distance, (ids, p_text))
    return {k: v for k, (_, v) in owners.items()}


def _measure(text: str, q: Quantity, ctx: SentenceContext, previous: Quantity | None, taken: set[int], lexicon: Lexicon,
             resolved: dict):
    """What is counted: the noun after the number, an attack verb for "N times", else an earlier noun ("the number of IS fighters ... at about 2,500")."""
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
    after = text[q.end : q.end + 3]
    if re.match(r"\s?[A-Za-z]", after) and not NOT_A_NOUN_AFTER.match(text, q.end, q.end + 16):
        return None, None, None  # a noun follows that no alias file names
    if previous and resolved.get(id(previous)) and ELLIPSIS.match(text, previous.end, q.start):
        # "900 troops in Syria and 2,500 in Iraq": the second number counts the same thing
        return resolved[id(previous)], previous.measure_text, None
    earlier = [m for m in ctx.measures if m.end <= q.start and m.start not in taken]
    if earlier:
        m = earlier[-1]
        return m.id, m.text, m
    nouns = lexicon.measure_nouns.find(text, ctx.start, q.start)
    if nouns:  # "the death toll rose to 89"
        return nouns[-1].id, nouns[-1].text, None
    return None, None, None


# Measures of people that what happened to them can turn into another: "45 soldiers were killed" counts deaths.
PERSON_MEASURES = frozenset({None, "people", "civilians", "troops", "fighters", "refugees", "countries", "crowd"})
# What people do as a crowd or a flow: soldiers who "crossed" are still troops, refugees who "arrived" arrivals.
DOINGS = {"arrivals": frozenset({None, "people", "refugees"}), "crowd": frozenset({None, "people", "civilians"}),
          "strikers": frozenset({None, "people"})}


def _state(text: str, q: Quantity, ctx: SentenceContext, measure: str | None, lexicon: Lexicon,
           mention: Mention | None = None) -> str | None:
    """The measure a state gives counted people: "12 people died", "killed 26 civilians", "14 were detained",
    "the number of people arriving ... had topped a million"."""
    if measure not in PERSON_MEASURES or q.unit is not None:
        return measure
    states = lexicon.states
    after = states.after.match(text, q.end, min(ctx.end, q.end + 60))
    if not after and mention is not None and mention.end <= q.start:
        after = states.after.match(text, mention.end, min(q.start, mention.end + 60))
    before = states.before.search(text, max(ctx.start, q.start - 40), q.start)
    found = after or before
    if not found:
        return measure
    state = states.measures[found.group(1).lower()]
    return state if measure in DOINGS.get(state, PERSON_MEASURES) else measure


def _own_entity(text: str, q: Quantity, ctx: SentenceContext) -> Mention | None:
    """An entity in the counted noun phrase ("2,500 U.S. troops") or owning it ("Syria's 600,000")."""
    head = q.head_start if q.head_start is not None else q.end
    inside = [e for e in ctx.entities if q.num_end <= e.start < head]
    if inside:
        return inside[-1]
    possessive = [e for e in ctx.entities if 0 <= q.start - e.end <= 3 and text[e.end : q.start].startswith("'")]
    return possessive[-1] if possessive else None


def _subject(text: str, q: Quantity, ctx: SentenceContext, measure: str | None, measure_mention: Mention | None, lexicon: Lexicon):
    """Whose count it is: a modifier of the counted noun, else the nearest fitting entity before it."""
    own = _own_entity(text, q, ctx)
    if own is not None:
        return own.id, own.text
    if measure_mention is not None:
        near = [e for e in ctx.entities if 0 <= measure_mention.start - e.end <= 20 and not re.search(r"[,;.]", text[e.end : measure_mention.start])]
        if near and q.unit != "times":
            return near[-1].id, near[-1].text
        anchor = measure_mention.start
    else:
        anchor = q.start
    types = lexicon.measures[measure].subjects if measure in lexicon.measures else []
    opening = _opening_entity(text, ctx, anchor, types, lexicon)
    found = opening or _nearest_entity_before(text, ctx, anchor, types, lexicon)
    return (found.id, found.text) if found else (None, None)


def _opening_entity(text: str, ctx: SentenceContext, pos: int, types: list[str], lexicon: Lexicon) -> Mention | None:
    """The entity the clause opens with is its grammatical subject: "Turkey has roughly 3,000 troops in Iraq"."""
    clause_start = max(ctx.start, *(m.end() for m in CLAUSE_START.finditer(text, ctx.start, pos)), 0)
    for e in ctx.entities:
        if clause_start <= e.start < pos and e.start - clause_start <= 30 and not text[clause_start : e.start].strip(" \"").endswith(("in", "of", "against")):
            if not types or lexicon.entity_types.get(e.id, "group" if e.id.endswith("_backed") else "other") in types:
                return e
            return None
    return None


def _nearest_entity_before(
    text: str, ctx: SentenceContext, pos: int, types: list[str] | None, lexicon: Lexicon, opposed: bool = False
) -> Mention | None:
    """The last entity before ``pos`` of one of ``types``; ``opposed`` admits ones after "against"."""
    place_spans = [(p[0], p[1]) for p in ctx.places]  # only locative places: "Turkey has ..." may own troops
    candidates = []
    for e in ctx.entities:
        if e.end > pos:
            break
        if any(s <= e.start < end for s, end in place_spans):
            continue  # "in Iraq" is where, not who
        if not opposed and OPPOSED_BEFORE.search(text[max(0, e.start - 20) : e.start]):
            continue
        if types and lexicon.entity_types.get(e.id, "group" if e.id.endswith("_backed") else "other") not in types:
            continue
        candidates.append(e)
    return candidates[-1] if candidates else None


# What an anaphor can stand for: "the group" is an armed group, "the country" a country.
ANAPHOR_TYPES = {"group": ["group", "militia"], "militants": ["group", "militia"], "jihadists": ["group"], "insurgents": ["group"],
                 "militia": ["militia", "group"], "organization": ["group", "org"], "organisation": ["group", "org"],
                 "alliance": ["alliance"], "coalition": ["alliance"], "country": ["country"]}


def _anaphora(text: str, ctx: SentenceContext, measure, lexicon: Lexicon, context, i: int):
    """"the group controlled ...": the last fitting entity of the three sentences before."""
    anaphor = ctx.anaphor
    if not anaphor:
        return None, None
    noun = anaphor.group().split()[-1].lower()
    types = ANAPHOR_TYPES.get(noun) or (lexicon.measures[measure].subjects if measure in lexicon.measures else [])
    for back in range(i - 1, max(-1, i - 4), -1):
        found = _nearest_entity_before(text, context(back), context(back).end, types, lexicon, opposed=True)
        if found:
            return found.id, None
    return None, None


def _as_of(text: str, q: Quantity, ctx: SentenceContext, dates: list[DateMention], published: date | None) -> AsOf:
    """As of when: a peak phrase, a date scoping the number, else the publication date."""
    if ctx.peak:
        return AsOf(start=None, end=published, scope="peak", text=ctx.peak.group())
    past = PAST.search(text, max(ctx.start, q.start - 50), q.start) or PAST_AFTER.match(text, q.end, min(ctx.end, q.end + 40)) or ctx.past_opening
    if past:
        return AsOf(start=None, end=published, scope="past", text=past.group())
    first_comma = text.find(",", ctx.start, ctx.end)
    for d in dates:
        if d.start_date is None or (SINCE_LIKE.search(d.text) and d.end <= q.start):
            continue  # "A decade after the government asked for help, ...": dates that event, not the count
        between = text[min(q.end, d.end) : max(q.start, d.start)]
        follows = d.start >= q.end and len(between) <= 40 and not CLAUSE_BREAK.search(between)
        # "In 2019, the group had 3,000", "During the 2006 war, Hezbollah fired ...", "in 2003 with about 130,000"
        fronted = d.end <= first_comma < q.start and d.start - ctx.start <= 40
        precedes = d.end <= q.start and len(between) <= 12 and not CLAUSE_BREAK.search(between)
        if d.role == "until" and (follows or precedes) and d.end_date and published and d.end_date < published:
            # "some 30,000 fighters before Oct. 7": a figure for the time up to a past date
            return AsOf(start=None, end=d.end_date, scope="past", text=d.text)
        if d.role == "since":
            # "since 2014 ... 60 times", "killed 200 fighters since October": a count accumulated since then
            if (d.end <= q.start or follows or d.start - q.end <= 80) and not CLAUSE_BREAK.search(between):
                return AsOf(start=d.start_date, end=published or d.end_date, scope="explicit", text=d.text,
                            since=d.start_date)
        elif (follows or fronted or precedes) and _so_far(d, published):
            # "this year", "so far this month": a running count from the period's start to the publication date
            return AsOf(start=d.start_date, end=published, scope="explicit", text=d.text, since=d.start_date)
        elif follows or fronted or precedes:
            return AsOf(start=d.start_date, end=d.end_date, scope="explicit", text=d.text)
    if published is None:
        return AsOf(start=None, end=None, scope="unknown")
    return AsOf(start=published, end=published, scope="current")


def _so_far(d: DateMention, published: date | None) -> bool:
    """A current period that is still running: "this year" in an article of that year."""
    return (d.relative and published is not None and d.start_date is not None and d.end_date is not None
            and d.start_date <= published < d.end_date and d.granularity in ("year", "month", "week", "quarter"))


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of a sentence that can each have a speaker of their own: "Organizers put it at 50,000;
    police estimated 12,000", "BP said 1,000 a day, an estimate the Coast Guard later raised to 5,000"."""
    cuts = [m.start() for m in CLAUSE_SPLIT.finditer(text, start, end)]
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a] if cuts else []


def _clause_attribution(text: str, clauses: list[tuple[int, int]], q: Quantity, lexicon: Lexicon) -> str | None:
    """The speaker of the clause a number stands in, if that clause names one."""
    for a, b in clauses:
        if a <= q.start < b:
            return _attribution(text, a, b, lexicon)
    return None


def _attribution(text: str, start: int, end: int, lexicon: Lexicon) -> str | None:
    """On whose word: "according to X", "X said/estimated/put the number at", "a report by X", "..., X said."."""
    sentence = text[start:end]
    # Each form in turn; a form whose words are no speaker ("262, and 3,515 reported") gives way to the next.
    for pattern in (ACCORDING_TO, BY_SOURCE, DATA_FROM, NAMED_DATA, CITED_BY, REVISED_BY):
        m = pattern.search(sentence)
        speaker = _clean_source(m.group(1)) if m else None
        if speaker:
            return speaker
    for pattern in (SAID_AFTER, SAID_AFTER_PRESENT, SAID_AFTER_APPOSITIVE, SAID_INVERTED):
        m = pattern.search(sentence)
        if m and not TIME_WORD.match(m.group(m.lastindex)):
            speaker = _clean_source("".join(g for g in m.groups() if g))
            if speaker:
                return speaker
    verb = next(
        (v for v in LEAD_VERB.finditer(sentence) if not NOUN_BEFORE.search(sentence, 0, v.start()) and not PASSIVE_BEFORE.search(sentence, 0, v.start())),
        None,
    )
    if verb:
        lead = sentence[: verb.start()].rstrip()
        lead = NUMBER_TOKEN.split(lead)[-1]  # "Following the explosion on April 20 BP said": the speaker follows the date
        lead = lead.split('"')[-1] if lead.count('"') % 2 == 0 and '"' in lead else lead
        lead = LEADING.sub("", lead)
        while AUX_TAIL.search(lead):
            lead = AUX_TAIL.sub("", lead).rstrip()
        if lead.endswith(","):  # "A UN report, based on ..., estimated": the head before the appositive
            lead = lead.split(",", 1)[0]
        else:  # "During an interview on July 23, CIA Director William Burns acknowledged"
            lead = lead.rsplit(",", 1)[-1]
        # A source is a name or a noun phrase, not the claim itself ("A few hundred fighters are believed ...").
        lead = lead.strip()
        if 0 < len(lead.split()) <= 10 and not re.search(r"\d", lead) and not RELATIVE.match(lead):
            return None if FRAGMENT_START.match(lead) else _clean_source(lead)  # "declined to comment"
    return None


def _clean_source(phrase: str) -> str | None:
    """A speaker is a noun phrase ("U.S. officials", "the IOM"), or nothing: never a fragment of the clause."""
    phrase = DETERMINER.sub("", phrase.strip(" ,.;:\"'"))
    phrase = re.sub(r"\s+", " ", phrase)
    if not phrase or (phrase.lower() in PRONOUNS and not phrase.isupper()):  # "who", not the WHO
        return None
    phrase = TRAILING_TIME.sub("", phrase)  # "Afghan government estimates from 2020"
    document = DOCUMENT_BY.match(phrase)
    if document:
        phrase = DETERMINER.sub("", document.group(1).strip(" ,.;:\"'"))
    words = phrase.split()
    # acronyms keep their case: "WHO" is the health agency, "who" a pronoun
    first, last = ((w if w.isupper() else w.lower()) for w in (words[0], words[-1])) if words else ("", "")
    if not words or re.search(r"\d", phrase) or last in NOT_SPEAKER_ENDS or first in NOT_SPEAKER_STARTS:
        return None  # "3,515 reported", "declined to", "up to 50 percent more than", "the"
    return phrase


def _date_modality(text: str, sentence_start: int, pos: int) -> str:
    """A dated event is planned or conditional when its clause has a modal or "if": "troops would leave ... in 2021"."""
    clause = text[sentence_start:pos]
    clause = clause[max(clause.rfind(","), clause.rfind(";"), clause.rfind(":")) + 1 :]
    if CONDITIONAL.search(clause):
        return "conditional"
    if DATE_PLANNED.search(clause):
        return "planned"
    if NEGATED.search(clause):
        return "negated"
    return "asserted"


def _modality(text: str, ctx: SentenceContext, q: Quantity) -> str:
    """Planned ("will deploy 3,000", "up to 500 could be"), conditional ("if ..."), else asserted."""
    modal = PLANNED.search(text, max(ctx.start, q.start - 80), q.start) or MODAL_AFTER.match(text, q.end, min(ctx.end, q.end + 40))
    condition = CONDITION_FIRST.match(text, ctx.start, ctx.end)
    if condition and (modal or q.start < condition.end()):
        return "conditional"
    return "planned" if modal else "asserted"
