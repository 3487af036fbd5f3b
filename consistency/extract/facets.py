"""What narrows a count to a part of its measure: "528 commercial buildings", "another 15,000 structures",
"878,495 who arrived by sea", "grew by 5,000 acres" (a change, not a level), "400,000 NHS staff" of all strikers.

A facet keeps two counts of one measure apart when they count different parts of it, so a part and its whole are
never set against each other as rival figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..models import Claim
from .lexicon import Lexicon
from .quantities import Quantity, head_noun

CASE_STATUS = frozenset({"confirmed", "suspected", "probable"})  # how sure an outbreak's count of cases is
# Words between a number and its noun that narrow the count to a part: "528 commercial buildings".
FACETS = CASE_STATUS | frozenset(
    "commercial residential other additional new more further remaining daily "
    "registered "  # "929,624 registered Syrians": those on an agency's books, a part of all who are there
    "direct indirect related".split()  # "68 direct deaths", "3,700 disaster-related deaths": kinds of a toll
    + "identified unidentified unclaimed".split()  # "59 unidentified bodies": some of the dead, by what is known
)
# A kind of a toll told after its noun: "3,775 deaths related to the disasters" (not "attributed to": any toll's).
RELATED_AFTER = re.compile(r"(?i)\s+(?:related|linked)\s+to\b")
# The registered, told around the number: "660,000 Syrians are registered with UNHCR", "UNHCR has registered about
# 660,000", "the number of registered refugees at just under 1 million".
REGISTERED_AFTER = re.compile(r"(?i)(?:\s+[A-Za-z]+){0,2}?\s+(?:are|were|is|was|have been|had been)\s+registered\b")
REGISTERED_BEFORE = re.compile(
    r"(?i)\bregistered\s+(?:[a-z]+\s+){0,5}?(?:(?:about|some|nearly|almost|more than|over|just under|at)\s+)*$"
)
REGISTERED_REACH = 60
# A word this long with a letter or two wrong still names its facet: ratio at or above TYPO_SCORE.
MIN_TYPO_WORD = 7
TYPO_SCORE = 90
# How the injured counted are now, told right after the count: "three in a critical condition", "20 were said to be
# critically hurt", "48 of whom were still in hospital" (not "176 survivors are being treated": all the injured).
CONDITION_AFTER = re.compile(
    r"(?i)[^,;.]{0,30}?\b(?:in\s+(?:a\s+)?(?:critical|serious|grave)\s+condition|in\s+[\"\u201c]?(?:intensive|critical)\s+care"
    r"|critically\s+(?:hurt|injured|wounded|ill)|(?P<hospital>(?:still|remain(?:ed|ing|s)?)\s+(?:in\s+(?:the\s+)?hospitals?|hospitali[sz]ed)))\b"
)
CONDITION_REACH = 60
# Those still treated, against those sent home: "793 were discharged while 382 are undergoing treatment" (alone,
# "176 survivors are being treated" may be all the injured; beside a count discharged, they are the rest).
TREATED_AFTER = re.compile(
    r"(?i)\s+(?:[a-z]+\s+){0,2}?(?:are|is|were|was|remain)\s+(?:still\s+)?"
    r"(?:(?:undergoing|receiving|under)\s+treatment|being\s+treated)\b"
)
DISCHARGED_AFTER = re.compile(
    r"(?i)\s+(?:[a-z]+\s+){0,2}?(?:are|were|was|have\s+been|had\s+been|has\s+been)\s+"
    r"(?:[a-z]+ly\s+)?(?:discharged|released|sent\s+home)\b"
)
DISCHARGED = re.compile(r"(?i)\b(?:discharged|released\s+from\s+hospitals?|sent\s+home)\b")
TREATED_REACH = 40  # " more are still being treated" after the number
# Whether the dead are known by name: "177 have been identified", "101 more are yet to be identified".
IDENTIFIED_AFTER = re.compile(
    r"(?i)(?:\s+[a-z]+){0,2}?\s+(?:(?P<known>(?:have|has|had)\s+(?:now\s+)?been\s+identified|were\s+identified)"
    r"|(?:(?:are|is|were|was|remain(?:s|ed)?)\s+)?(?:yet|still)\s+to\s+be\s+identified"
    r"|(?:(?:are|is|were|was|remain(?:s|ed)?)\s+)?(?:still\s+)?(?:unidentified|unclaimed))\b(?!\s+as\b)"
)  # not "have been identified as Eva Mireles and Irma Garcia": who they were
# The whole a partitive's part is of: "16 of the 19 people killed had been identified" (the 16 were, not the 19).
PARTITIVE_WHOLE_BEFORE = re.compile(r"(?i)\bof\s+(?:the|these|those)\s+$")
BODIES = frozenset({"body", "corpse"})  # singular heads
IDENTIFIED_REACH = 50
# Bodies told by where they lie: "110 bodies were kept at AIIMS" (a part of the toll, held in one place).
KEPT_AFTER = re.compile(
    r"(?i)\s+(?:were|are|have\s+been|had\s+been)\s+(?:kept|held|lying|stored|preserved|placed|taken|sent|shifted)"
    r"\s+(?:at|in|to)\b"
)
# The new ones among a count, named before a breakdown of them: "the newly reported deaths included one in Graves
# County, four in Hopkins County" (increments, not each county's toll).
NEW_WHOLE_BEFORE = re.compile(
    r"(?i)\b(?:newly\s+(?:reported|confirmed|recorded)|new|additional|latest)\s+(?:[a-z]+\s+)?"
    r"(?:deaths|fatalities|cases|victims|infections|casualties)\s+(?:included|include|includes|including)\b[^.;]{0,100}$"
)
NEW_WHOLE_REACH = 160
# "another 15,000 structures", "a further 300": a count added to one already given.
ADDED_BEFORE = re.compile(r"(?i)\b(?:another|an additional|a further|additional|further)\s+(?:[a-z]+\s+){0,1}$")
# How people travelled narrows a count of arrivals: "878,495 who have arrived by sea", "34,215 ... across land borders".
MODE = re.compile(
    r"(?i)\b(?:(?:by|across|over)\s+(?P<way>sea|boat|boats|land|air|plane|rail|road|land borders?)"
    # "made the sea journey", "the number of sea arrivals"
    r"|(?P<journey>sea|land|air|boat)\s+(?:journey|crossing|route|passage|voyage|trip|arrival|landing)s?)\b"
)
MODES = {
    "sea": "by sea",
    "boat": "by sea",
    "boats": "by sea",
    "land": "by land",
    "land border": "by land",
    "land borders": "by land",
    "road": "by land",
    "rail": "by land",
    "air": "by air",
    "plane": "by air",
}
# Where the people counted were, against the place in force: "480 out of state deaths", "in-state victims"; told in
# the count's noun or in the figure's noun before it ("The out-of-state number has been reduced to 346").
_SCOPE = r"out[- ]of[- ](?:state|town|country|county|province)|in[- ]state"
SCOPE_WORDS = re.compile(rf"(?i)\b(?P<scope>{_SCOPE})\b")
SCOPE_AFTER = re.compile(rf"(?i)\s+(?P<scope>{_SCOPE})\s+")  # right after the number: "480 out of state deaths"
FIGURE_NOUN_BEFORE = re.compile(
    r"(?i)\bthe\s+(?P<words>(?:[\w-]+\s+){1,4}?)(?:number|total|toll|count|figure|tally)\b[^.;\d]{0,60}$"
)
FIGURE_NOUN_REACH = 120  # "The out of state number has now been reduced to " before the number
# A part of a total just given: "844,176 of them landing in Greece", "including 34,215 who arrived by land".
PART_AFTER = re.compile(r"(?i)\s+(?:of them|of whom|of those|of these|among them)\b")
# A partitive the count's words run through: "658 of the deaths", "66 of the attacks" (some of those told of).
PARTITIVE = re.compile(r"(?i)\s+of\s+(?:the|these|those)\s+")
# "including 34,215", "of whom some 400": the part named before its number.
PART_BEFORE = re.compile(
    r"(?i)\b(?:including|includes|included|of those|of them|of whom|among them)\s+(?:some\s+|about\s+)?$"
)
# A sentence or a clause of saying that opens on a part of the count before: "Of those, it said, fewer than 2,000
# ...", "Of the 268, 144", "Roy said of the 1,100 injured, less than 200", "Of the total number of people missing,
# 924", "Of the dead, 40".
PART_OPENING = re.compile(
    r"(?:(?:^|[.!?]\s+|\n)O|\b(?:that|said|says)\s+o)f (?:those|these|them|the\s+\d[\d,.]*(?:\s+[a-z]+)?"
    r"|the\s+(?:total\s+)?(?:number|toll|count|tally|total)\s+of\s+(?:[a-z]+\s+){0,3}[a-z]+"
    r"|the\s+(?:dead|missing|injured|wounded|victims|displaced|evacuees|survivors)),"
    r"[^\d.;]{0,40}$"
)
PART_OPENING_REACH = 60  # "Of those, the U.N. monitoring team said, fewer than " before the number
# How some of the dead died, told after the count: "three people died from smoke inhalation" (not "died of their
# injuries" nor "died from the blast": every death of the toll; an event's word is checked apart).
CAUSE_AFTER = re.compile(
    r"(?i)(?:\s+[a-z]+){0,2}?\s+(?:have\s+|had\s+)?(?:died|were\s+killed)\s+(?:from|of|due\s+to|because\s+of)\s+"
    r"(?!(?:the|a|an|their|his|her|its|this|that|these|those|injuries|wounds|natural|other|various)\b)"
    r"(?P<cause>[a-z]+(?:\s+(?!and\b|in\b|on\b|at\b|after\b|while\b)[a-z]+)?)"
)
CAUSE_REACH = 80
# What some of the people counted were doing, in a participle that narrows them: "18 people travelling in four cars
# died", "12 workers sheltering inside the warehouse".
DOING_AFTER = re.compile(
    r"(?i)\s+(?:who\s+were\s+)?(?:travell?ing|riding|driving|fleeing|sheltering|sleeping|working|staying|waiting|"
    r"swimming|hiking|camping)\s+(?:in|on|at|inside|aboard|along|near)\b"
)
# A region of the place in force the words name by its bearing only, then the count there: "The hardest hit region of
# Lombok has been in the north, where 374 people died" (a part of the island's toll).
BEARING_REGION_BEFORE = re.compile(
    r"(?i)\bin\s+the\s+(?:far\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|centre|center)"
    r"(?:ern\s+[a-z]+)?\s*,\s+where\s+(?:[a-z]+\s+){0,3}$"
)
BEARING_REGION_REACH = 60
# Bodies found, located, recovered: a count of discoveries, not the toll ("Three bodies were found outside homes").
FOUND_AFTER = re.compile(
    # not across a clause's opener: "stood at 79,000 today after more bodies were discovered" is the toll
    r"(?i)(?:\s+(?!after\b|as\b|when\b|since\b|because\b|while\b|before\b|once\b)[a-z]+){0,3}?\s+"
    r"(?:(?:were|was|have been|had been)\s+(?:[a-z]+ly\s+)?(?:found|located|recovered|discovered|pulled)"
    r"|(?:had\s+|have\s+)?washed\s+(?:up|ashore))\b"  # "dozens of bodies from Zimbabwe had washed up in Mozambique"
)
# The divisions a place has, told as its own or as all of them: "Thailand's 77 provinces", "all 50 states", "25 of
# the country's 76 provinces" (how many it has, not how many an event reached).
DIVISIONS = frozenset(
    "province state district county region municipality prefecture department ward borough governorate".split()
)
ALL_OF_A_PLACE_BEFORE = re.compile(
    r"(?:\b(?i:the)\s+(?i:country|nation|state|city|capital|province|region|island)['\u2019]s"
    r"|\b[A-Z][\w.-]*['\u2019]s|\b(?i:all|all\s+of\s+the|all\s+the))\s+$"
)
ALL_OF_A_PLACE_REACH = 30
# Bodies seen where they lie, not yet brought out: "eight bodies located but not recovered", "six more bodies that
# have yet to be recovered", "bodies spotted but not yet retrieved".
UNRECOVERED_AFTER = re.compile(
    r"(?i)(?:\s+(?:that|which|who)\s+(?:have|has|had)|(?:\s+(?:were|have\s+been|had\s+been))?\s+(?:found|located|"
    r"spotted|seen|identified|detected)\s+but)\s+(?:not\s+(?:yet\s+)?|yet\s+to\s+be\s+|still\s+not\s+)"
    r"(?:been\s+)?(?:recovered|retrieved|removed|brought\s+out|pulled\s+out)\b"
)
UNRECOVERED_REACH = 60
# ... or in a participle right after the bodies: "790 bodies recovered from the wreckage".
FOUND_PARTICIPLE = re.compile(r"(?i)\s+(?:recovered|found|retrieved|pulled|located|discovered)\b")
# A verb's object number, its qualifier between: "collected more than ", "treated some ".
_OBJECT_NUMBER = r"\s+(?:(?:about|some|nearly|almost|more than|over|at least|roughly|an estimated)\s+)?$"
# What was recovered, not what was lost: "crews had recovered 3,150 gallons", "have so far collected 5,544".
RECOVERED_BEFORE = re.compile(
    rf"(?i)\b(?:recovered|collected|skimmed|removed|cleaned up|vacuumed|siphoned|retrieved){_OBJECT_NUMBER}"
)
RECOVERED_REACH = 40  # "have so far collected more than " before the number
# The patients one body treated, tested or vaccinated: its own work, not the outbreak's count ("MSF said its teams
# had treated more than 100,000 patients").
TREATED_BEFORE = re.compile(
    rf"(?i)\b(?:treated|treating|treats|admitted|vaccinated|inoculated|tested|screened|cared for|caring for|saw)"
    rf"{_OBJECT_NUMBER}"
)
# What a share is not, in a relative clause after it: "the 20 percent that has not been lost".
NOT_AFTER = re.compile(
    r"\s+(?:that|which|who)\s+(?:(?:has|have|had|was|were|is|are|did|does|do|could|would)\s+(?:not|never)"
    r"|(?:hasn|haven|hadn|wasn|weren|isn|aren|didn|doesn|don|couldn|wouldn)['\u2019]t)\b"
)
# "grew by 5,000 acres", "an increase of 300": a change, not a level.
CHANGE_BEFORE = re.compile(
    r"(?i)\b(?:(?:grew|grown|grows|rose|risen|rises|increased|increases|jumped|climbed|fell|fallen|dropped|declined|"
    r"decreased|shrank|up|down)\s+(?:by\s+)(?:just\s+|only\s+|nearly\s+|about\s+|some\s+|more than\s+|almost\s+)?"
    r"|\b(?:an?\s+)?(?:increase|rise|jump|drop|decline|fall)\s+of\s+(?:about\s+|some\s+|nearly\s+|more than\s+)?"
    # a verb that changes its object: "lowered its count of the dead by more than ", "raised the toll by "
    r"|\b(?:raised|lowered|revised|cut|reduced|increased|boosted|trimmed|upped)\s+(?:its|the|their|his|her)\s+"
    r"(?:[\w'\u2019-]+\s+){0,9}?by\s+"
    r"(?:just\s+|only\s+|nearly\s+|about\s+|some\s+|more than\s+|almost\s+)?)$"
)
# A number's predicate noun: "6,453 are homes", "12 were children".
PREDICATE_NOUN = re.compile(r"\s+(?:are|were)\s+(?:all\s+)?([a-z]+(?:\s+[a-z]+)?)\b(?=\s*[,.;:]|\s+(?:and|in|of)\b|$)")
# A gift right before its amount: "pledged €100m", "promised to give $50 million".
PLEDGED_BEFORE = re.compile(r"(?i)\b(?:pledged|promised|donated|gave|offered)\s+(?:to\s+give\s+)?(?:[a-z]+\s+){0,2}$")
PLEDGED_REACH = 40  # "promised to give another " before the amount
# Money paid out so far, not what an event cost or will: "Insurance payouts ... now exceed $1 billion", "The payments
# made on insurance claims so far totals $1,054,093,597", "$300 million has been paid out".
PAID_BEFORE = re.compile(r"(?i)\b(?:payouts?|payments?|paid\s+out|claims\s+paid|reimbursements?)\b[^.;\d$]{0,60}$")
PAID_AFTER = re.compile(r"(?i)\s+(?:has|have|had)\s+(?:already\s+|so\s+far\s+)?been\s+paid\b")
PAID_REACH = 80  # "The payments made on insurance claims so far totals " before the amount
# Damaged, not destroyed: "damaged some 300 homes" before the number, "were damaged" after it.
DAMAGED_BEFORE = re.compile(
    r"(?i)(?P<either>\bdestroy(?:ed|s|ing)\s+or\s+)?\bdamag(?:ed|es|ing)\s+"
    r"(?:some\s+|about\s+|more than\s+|at least\s+|nearly\s+|an estimated\s+|another\s+)?$"
)
DAMAGED_AFTER = re.compile(
    r"(?i)\s+(?:were|was|have been|had been|are|is)\s+(?:[a-z]+ly\s+)?"
    r"(?:damaged(?P<either>\s+or\s+destroyed)?|partly|partially)\b"
)
# Left, not destroyed: "176 villages had been completely abandoned", "12 towns were evacuated" (people evacuated
# are a count of their own measure).
LEFT_BEHIND = frozenset({"places", "structures", "homes"})
ABANDONED_AFTER = re.compile(
    r"(?i)\s+(?:[A-Z][\w-]*\s+)?(?:[a-z]+\s+)?(?:were|was|have been|had been|are|is)\s+(?:[a-z]+ly\s+)?"
    r"(?:abandoned|deserted|emptied|evacuated)\b"
)
# Displacement inside a country, before the number ("Inside Ukraine, an estimated 1.85 million") or after it ("1.85
# million internally displaced people", "people displaced within Syria", "IDPs").
INTERNAL_BEFORE = re.compile(r"(?i)\b(?:inside|within)\s+(?:the\s+country|(?-i:[A-Z])[\w'-]+)\b[^.;]{0,60}$")
INTERNAL_AFTER = re.compile(
    r"(?i)[^.;]{0,60}?(?:\binternally\s+displaced|\bdisplaced\s+(?:inside|within)\s+(?:the\s+(?:country|enclave|territory|strip)|(?-i:[A-Z]))"
    r"|\bIDPs?\b)"
)
INTERNAL_REACH = 80  # "Inside Ukraine, an estimated " before the number, " people were displaced within Syria" after
# Turnouts whose counted noun names a part of the people: teachers, nurses, civil servants.
BY_POPULATION = frozenset({"strikers"})
GENERIC_PEOPLE = frozenset("worker people person employee member striker staff union unionist turnout".split())
GENERIC_ANIMALS = frozenset("animal wildlife creature".split())
# Tolls of a group of the people an event struck: "5,335 schoolchildren died", "the number of dead and missing
# students", "12 foreign tourists were killed" count a part of its whole toll, and compare only with counts of the
# same group. Each head noun (singular) -> the group it names.
GROUP_TOLLS = frozenset({"deaths", "missing", "casualties", "survivors"})
# The tolls of the people an event struck: its dead, missing and injured.
TOLLS = frozenset({"deaths", "casualties", "missing"})
PEOPLE_GROUPS = {
    **dict.fromkeys(
        "child children kid minor schoolchild schoolchildren student pupil schoolgirl schoolboy".split(), "children"
    ),
    **dict.fromkeys("woman women girl".split(), "women"),
    **dict.fromkeys("foreigner tourist".split(), "foreigners"),
    **dict.fromkeys("teacher".split(), "teachers"),
    **dict.fromkeys("firefighter rescuer".split(), "rescuers"),
    **dict.fromkeys("policeman policemen".split(), "police"),
    **dict.fromkeys("patient".split(), "patients"),  # "18 patients died at the hospital": of its patients, not all
}
# The group named with the figure's noun before the number: "the number of dead and missing schoolchildren from
# last year's earthquake at 5,335", "the numbers of students dead or missing: 5,335".
GROUP_FIGURE_BEFORE = re.compile(r"(?i)\b(?:number|numbers|toll|tally|count|total)\s+of\s+(?P<words>[^\d.;:]{0,80})")
GROUP_FIGURE_REACH = 160
# People an organisation has, and the organisations that count their own.
OWN_PEOPLE = frozenset({"employee", "staff", "member"})
EMPLOYER = re.compile(
    r"(?i)\b(?:department|ministry|office|agency|service|company|firm|council|authority|board|trust|union|"
    r"federation|association|employer)s?\b"
)
# An organisation's initials: "NHS", "GMB", "TfL" (a place's, "UK", are looked up and left out).
INITIALS = re.compile(r"\b[A-Z][A-Za-z]?[A-Z]+\b")
# A word: "commercial" in "528 commercial buildings".
WORD = re.compile(r"[A-Za-z]+")

# A sentence that opens on a list of sectors, in lower case: "In health, civil service and local government".
FRONTED_SECTORS = re.compile(
    r"(?:In|Across|Among|Within)\s+(?!(?:total|all|addition|fact|particular|short|general|response)\b)"
    r"(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*(?:,\s+(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)*\s+and\s+"
    r"(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*\b"
)
# Between a multiple and the figure it comes to: " as many cases, or ", " more, or about ".
MULTIPLE_RESTATED = re.compile(r"(?i)\s+(?:as\s+(?:many|much)\s+|more\s+)?(?:[a-z]+\s+){0,2}?(?:[a-z]+)?,?\s*or\s+")
# How far around a number each phrase is looked for, in characters: the longest phrase its pattern is meant to find.
CHANGE_REACH = 90  # "grew by more than ", "lowered its count of the dead from the attacks by more than " before it
MODE_REACH = 60  # how people travelled, after the number or before it: "who have arrived by sea"
PART_REACH = 24  # "including some ", "of whom about " before the number
# "including 13 firefighters and 121 civilians", "including 54 children, 82 women ..., as well as 16 bodies"
PART_AFTER_PART = re.compile(r",?\s+(?:and|as\s+well\s+as|plus)\s+|,\s+")
FOUND_REACH = 60  # " bodies were found", " had been pulled" after the number
ADDED_REACH = 16  # "an additional ", "a further new " before the number
DAMAGED_REACH = 60  # "destroyed or damaged an estimated " before it, " have been partially damaged or destroyed" after


# The dead and the missing counted together: "120 dead or missing", "were killed or missing", "the number of dead and
# missing rose to 380" (no rival of the dead alone).
_DEAD = r"(?:dead|killed|died|drowned|deaths)"
_MISSING = r"(?:(?:still|gone|went|are|were|remain|remained|remains|reported)\s+)?missing"
_EITHER = r"(?:\s+(?:or|and)\s+|\s*[,/]\s*)"  # "dead or missing", "dead, missing", "dead/missing"
_DEAD_OR_MISSING = rf"(?:{_DEAD}{_EITHER}{_MISSING}|{_MISSING}{_EITHER}(?:presumed\s+)?{_DEAD})\b"
DEAD_OR_MISSING_AFTER = re.compile(
    rf"(?i)(?:\s+[a-z]+){{0,2}}?\s+(?:(?:are|were|is|was|have|had|have\s+been|had\s+been|remain|now)\s+)?"
    rf"{_DEAD_OR_MISSING}"
)
# ... before the number, in the figure's noun: "put the number of dead and missing schoolchildren from last year's
# earthquake at 5,335", "students dead or missing: 5,335"
DEAD_OR_MISSING_BEFORE = re.compile(
    rf"(?i)\b(?:(?:number|toll|tally|count|total|list)s?\s+of\s+(?:the\s+)?{_DEAD_OR_MISSING}[^.;,\d]{{0,80}}"
    rf"|{_DEAD_OR_MISSING}:\s*)$"
)
DEAD_OR_MISSING_REACH = 100


# A sentence that says its figures are many voices' own, none named: "Estimates vary widely ... some as high as 3,000
# and others as low as 300", "Unofficial estimates range from 400 to 900".
UNNAMED_ESTIMATES = re.compile(
    r"(?i)\b(?:estimates|figures|counts|tallies|tolls)\s+(?:\w+\s+){0,8}?(?:vary|varied|differ|differed|range|ranged)\b"
    r"|\b(?:some|other|unofficial|independent|various)\s+estimates\b"
)
# A bound of such a spread, before its number: "as high as 3,000", "as low as 300".
SPREAD_BOUND = re.compile(r"(?i)as\s+(?:low|high|few|many|little|much)\s+as\s+")


def spread_bound(text: str, q: Quantity, sentence: tuple[int, int]) -> str | None:
    """ "bound of estimates" for the top or the bottom of a spread of unnamed estimates ("Estimates vary widely,
    with some as high as 3,000 and others as low as 300"): no figure of its own to set against another."""
    if SPREAD_BOUND.fullmatch(text, q.start, q.num_start) and UNNAMED_ESTIMATES.search(text, *sentence):
        return "bound of estimates"
    return None


def with_missing(text: str, q: Quantity, measure: str | None) -> str | None:
    """ "dead or missing" for a toll that counts the missing with the dead: a figure of its own."""
    if measure == "deaths" and (
        # after the number, or after its noun: "5,335 schoolchildren and students had died or remained missing"
        any(DEAD_OR_MISSING_AFTER.match(text, at, q.end + DEAD_OR_MISSING_REACH) for at in (q.num_end, q.end))
        or DEAD_OR_MISSING_BEFORE.search(text, max(0, q.start - DEAD_OR_MISSING_REACH), q.start)
    ):
        return "dead or missing"
    return None


def _part_of(text: str, q: Quantity, lexicon: Lexicon) -> str:
    """A partitive's part, by whose it is when its clause opens on a name: "Egypt accounted for 658 of the deaths"
    is Egypt's part, never a rival of Indonesia's 199."""
    opened = max(text.rfind(mark, 0, q.start) for mark in (".", ";", "\n")) + 1
    names = lexicon.places.find(text, opened, q.start) + lexicon.entities.find(text, opened, q.start)
    first = min(names, key=lambda m: m.start, default=None)
    return f"part of {first.id}" if first else "part"


EVENT_NOUN_REACH = 30  # " crash", " pile-up in fog" after a count joined to its noun


def _event_after(text: str, end: int, lexicon: Lexicon) -> bool:
    """Whether an event's word follows ``end`` within a word or two: "-train crash", "-vehicle pile-up"."""
    heads = lexicon.events.heads.find(text, end, min(len(text), end + EVENT_NOUN_REACH))
    return bool(heads) and len(text[end : heads[0].start].split()) <= 1


def facet(text: str, q: Quantity, lexicon: Lexicon, sentence: tuple[int, int]) -> str | None:
    """What narrows a count to part of its measure: "528 commercial buildings", "another 15,000 structures",
    "grew by 5,000 acres" (a change, not a level); ``sentence`` is the span of the count's sentence."""
    if CHANGE_BEFORE.search(text, max(0, q.start - CHANGE_REACH), q.start):
        return "change"
    if q.unit in ("percent", "fraction") and NOT_AFTER.match(text, q.end):
        return "not"  # "the 20 percent that has not been lost": the rest of a whole, not the share that was
    if q.head_start == q.num_end + 1 and text[q.num_end] == "-" and _event_after(text, q.end, lexicon):
        # "the three-train crash", "a 40-vehicle pile-up": what the event involved, not every one of them counted
        # alike ("the two express trains" of the three)
        return "involved"
    mode = MODE.search(text, q.end, min(len(text), q.end + MODE_REACH))
    if mode and not re.search(r"[,;.]", text[q.end : mode.start()]):
        return MODES[(mode.group("way") or mode.group("journey")).lower()]
    # "put the number of arrivals by sea at 886,262": the mode named with the counted noun before the number
    modes = list(MODE.finditer(text, max(0, q.start - MODE_REACH), q.start))
    if modes and not re.search(r"[,;.]|\d", text[modes[-1].end() : q.start]):
        return MODES[(modes[-1].group("way") or modes[-1].group("journey")).lower()]
    scoped = _scope(text, q)
    if scoped:
        return scoped
    if head_noun(q.measure_text) in DIVISIONS and ALL_OF_A_PLACE_BEFORE.search(
        text, max(0, q.start - ALL_OF_A_PLACE_REACH), q.start
    ):
        return "all"  # "25 of the country's 76 provinces": all a place has, never a rival of those flooded
    if NEW_WHOLE_BEFORE.search(text, max(0, q.start - NEW_WHOLE_REACH), q.start):
        return "additional"  # the new ones a breakdown lists, each a part of no county's own toll
    part_before = PART_BEFORE.search(text, max(0, q.start - PART_REACH), q.start) or PART_OPENING.search(
        text, max(0, q.start - PART_OPENING_REACH), q.start
    )
    predicate = PREDICATE_NOUN.match(text, q.end)
    # not "of those, 6,453 are homes": a count of homes, whole; but "fewer than 2,000 are active fighters" and "about
    # 2,000 are foreigners" narrow them
    narrows = not predicate or " " in predicate.group(1) or not lexicon.measure_words.find(predicate.group(1))
    partitive = PARTITIVE.match(text, q.num_end)
    if (partitive and partitive.end() <= q.end) or q.counted_by_whole:
        return _part_of(text, q, lexicon)  # "66 of the attacks"; "nine of the capital's 50 districts"
    if PART_AFTER.match(text, q.end) or (part_before and narrows):
        return "part"
    bodies = head_noun(q.measure_text) in BODIES
    if UNRECOVERED_AFTER.match(text, q.end, q.end + UNRECOVERED_REACH):
        return "unrecovered"  # "eight bodies located but not recovered": seen, not yet in the toll
    if (
        FOUND_AFTER.match(text, q.end, q.end + FOUND_REACH)
        or RECOVERED_BEFORE.search(text, max(0, q.start - RECOVERED_REACH), q.start)
        or (bodies and FOUND_PARTICIPLE.match(text, q.end))
    ):
        return "found"
    if TREATED_BEFORE.search(text, max(0, q.start - RECOVERED_REACH), q.start):
        return "treated"
    if q.unit in lexicon.currencies and (
        PAID_BEFORE.search(text, max(0, q.start - PAID_REACH), q.start) or PAID_AFTER.match(text, q.end)
    ):
        return "paid"
    identified = IDENTIFIED_AFTER.match(text, q.end, q.end + IDENTIFIED_REACH)
    if identified and not PARTITIVE_WHOLE_BEFORE.search(text, max(0, q.start - PART_REACH), q.start):
        return "identified" if identified.group("known") else "unidentified"
    if bodies and KEPT_AFTER.match(text, q.end):
        return "held"  # some of the dead, by where they lie (a place named there is the morgue's, not the toll's)
    if DISCHARGED_AFTER.match(text, q.end, q.end + TREATED_REACH):
        return "discharged"
    if TREATED_AFTER.match(text, q.end, q.end + TREATED_REACH) and DISCHARGED.search(text, *sentence):
        return "in hospital"
    damaged = DAMAGED_BEFORE.search(text, max(0, q.start - DAMAGED_REACH), q.start) or DAMAGED_AFTER.match(
        text, q.end, q.end + DAMAGED_REACH
    )
    if damaged or "damaged" in text[q.num_end : q.head_start or q.num_end].lower():
        # "damaged 300 homes", "300 damaged homes": not the 6,400 destroyed; "destroyed or damaged": both
        return "damaged or destroyed" if damaged and damaged.group("either") else "damaged"
    if q.measure in LEFT_BEHIND and ABANDONED_AFTER.match(text, q.end, q.end + DAMAGED_REACH):
        return "abandoned"  # not the villages burned: another count of the same places
    if REGISTERED_AFTER.match(text, q.end, q.end + REGISTERED_REACH) or REGISTERED_BEFORE.search(
        text, max(0, q.start - REGISTERED_REACH), q.start
    ):
        return "registered"
    condition = CONDITION_AFTER.match(text, q.end, min(len(text), q.end + CONDITION_REACH))
    if condition:
        # "three in a critical condition", "48 of whom were still in hospital": some of the injured, not all of them
        return "in hospital" if condition.group("hospital") else "critical"
    before = ADDED_BEFORE.search(text, max(0, q.start - ADDED_REACH), q.start)
    if before:
        return "additional"
    if RELATED_AFTER.match(text, q.end):
        return "related"
    if DOING_AFTER.match(text, q.end) or BEARING_REGION_BEFORE.search(
        text, max(0, q.start - BEARING_REGION_REACH), q.start
    ):
        return "part"
    cause = CAUSE_AFTER.match(text, q.end, min(len(text), q.end + CAUSE_REACH))
    if cause and not (
        lexicon.events.heads.find(cause.group("cause")) or lexicon.events.names.find(cause.group("cause"))
    ):
        return cause.group("cause").lower()  # "smoke inhalation": those deaths, not all of them
    if q.head_start is not None or q.end > q.num_end:  # "929,624 registered Syrians": a noun no file names
        words = [w.lower() for w in WORD.findall(text[q.num_end : q.head_start or q.end])]
        # "2,400 homes and other buildings": all the buildings, the homes among them (not "528 other buildings")
        narrowing = [
            facet
            for i, w in enumerate(words)
            if (facet := _facet_word(w)) and not (w == "other" and i and words[i - 1] in ("and", "or"))
        ]
        if q.measure in GROUP_TOLLS:
            # "302 confirmed deaths" is the toll ("confirmed" sets cases apart from suspected ones, not the dead)
            narrowing = [facet for facet in narrowing if facet not in CASE_STATUS]
        if {"direct", "indirect"} <= set(narrowing):  # "1,800 direct and indirect deaths": all of them
            narrowing = [facet for facet in narrowing if facet not in ("direct", "indirect")]
        if narrowing:
            return " ".join(narrowing)
    return None


def _scope(text: str, q: Quantity) -> str | None:
    """ "out of state", "in-state": where the people a count counts were, in its noun ("480 out of state deaths") or
    in the noun of the figure it is the value of ("The out of state number has been reduced to 346")."""
    own = SCOPE_WORDS.search(text, q.num_end, q.head_start if q.head_start is not None else q.end) or SCOPE_AFTER.match(
        text, q.end
    )
    figure = FIGURE_NOUN_BEFORE.search(text, max(0, q.start - FIGURE_NOUN_REACH), q.start)
    if own is None and figure is not None:
        own = SCOPE_WORDS.search(figure.group("words"))
    return " ".join(own.group("scope").lower().replace("-", " ").split()) if own else None


@lru_cache(maxsize=4096)
def _facet_word(word: str) -> str | None:
    """The facet a word names, spelt right or with a typo of real copy ("528 commecial buildings")."""
    if word in FACETS:
        return word
    if len(word) < MIN_TYPO_WORD:
        return None
    found = process.extractOne(word, FACETS, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
    return found[0] if found else None


def population(
    text: str, q: Quantity, measure: str | None, words: str | None, lexicon: Lexicon, speaker: str | None = None
) -> str | None:
    """Which people a turnout counts, when the noun narrows it: "200,000 civil servants" are not "two million
    public sector workers", of whom they are a part; nor are "400,000 NHS staff" (an employer's initials before a
    generic noun), nor the employees or members an organisation counts of its own ("only 79,000 employees stayed
    away, the Department of Health said"), though "2 million UK workers" are all of them; people displaced inside
    their country ("internal"); a giver's own gift ("given by ..."), no rival of another giver's."""
    if measure == "refugees" and _internal(text, q):
        return "internal"
    if speaker and PLEDGED_BEFORE.search(text, max(0, q.start - PLEDGED_REACH), q.start):
        # "Pinault pledged €100m, and the Arnault family promised €200m": each giver's gift, no rival of another's
        return f"given by {speaker.lower()}"
    if measure in GROUP_TOLLS:
        return people_group(text, q)
    if measure == "animals" and words:
        # "2.46 billion reptiles" are a part of "3 billion animals": each kind is counted apart from the whole
        head = head_noun(words)
        return None if head in GENERIC_ANIMALS else head
    if measure not in BY_POPULATION or not words:
        return None
    head = head_noun(words)
    if head not in GENERIC_PEOPLE:
        return head
    between = text[q.num_end : q.head_start] if q.head_start is not None else ""
    employers = [w for w in INITIALS.findall(between) if not lexicon.is_place(w)]
    if employers:
        return f"{' '.join(employers).lower()} {head}"
    if head in OWN_PEOPLE and speaker and EMPLOYER.search(speaker):
        return f"{speaker.lower()} {head}"
    return None


def people_group(text: str, q: Quantity) -> str | None:
    """The group of people a toll counts when its words name one: "5,335 children dead", "the number of dead and
    missing schoolchildren ... at 5,335" (not "80,000 people", nor "the death toll of the quake at 8,000")."""
    words = WORD.findall(text[q.num_end : q.end])
    figures = list(GROUP_FIGURE_BEFORE.finditer(text, max(0, q.start - GROUP_FIGURE_REACH), q.start))
    figure = figures[-1] if figures else None  # the nearest figure noun before the number
    if figure is not None and not re.search(r"[\d.;]", text[figure.end() : q.start]):
        words += WORD.findall(figure.group("words"))
    for word in words:
        group = PEOPLE_GROUPS.get(word.lower()) or PEOPLE_GROUPS.get(head_noun(word) or "")
        if group:
            return group
    return None


# The words that narrow the group a share is of, after the number: "34.66% for secondary school", "65% of teachers in
# the secondary school", "42.35% of teachers signed up for primary school" (lower case: "in Paris" is a place).
SHARE_GROUP_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+){0,3}?(?:for|in)\s+(?:the\s+|a\s+)?(?P<word>[a-z][a-z-]+)\b(?!\s+(?:of|to)\b)"
)
SHARE_GROUP_REACH = 60
# ... or before its noun: "of middle- and high-school teachers" (a word, then more words before the noun).
SHARE_OF_DESCRIBED = re.compile(r"\s+of\s+(?:the\s+)?(?P<word>[a-z]+)(?:-|\s+(?=[a-z-]+\s+[a-z]))")
SHARE_NOT_GROUP = frozenset("the a an of school schools sector total all percent per cent".split())


def share_of(text: str, q: Quantity, sentence_end: int) -> str | None:
    """The word that narrows the group a percentage is of, which another share compares only with a share of the
    same group: "70 percent of primary school teachers" and "34.66% for secondary school" are shares of two groups
    of teachers (the first describing word: "primary", "secondary")."""
    if q.unit != "percent":
        return None
    if q.head_start is not None:
        between = [w.lower() for w in WORD.findall(text[q.num_end : q.head_start])]
        describing = [w for w in between if w not in SHARE_NOT_GROUP]
        if describing:
            return describing[0]
    else:
        # a noun the counted-noun reading passed over: "65 percent of middle- and high-school teachers"
        of = SHARE_OF_DESCRIBED.match(text, q.end)
        if of and of.group("word") not in SHARE_NOT_GROUP:
            return of.group("word")
    after = SHARE_GROUP_AFTER.match(text, q.end, min(sentence_end, q.end + SHARE_GROUP_REACH))
    if after and not re.search(r"[,;]", after.group()) and after.group("word") not in SHARE_NOT_GROUP:
        return after.group("word")
    return None


def _internal(text: str, q: Quantity) -> bool:
    """Whether displaced people are displaced inside their country ("Inside Ukraine, 1.85 million people have been
    displaced", "1.85 million internally displaced"): a count of their own, never set against refugees who fled it."""
    return bool(
        INTERNAL_BEFORE.search(text, max(0, q.start - INTERNAL_REACH), q.start)
        or INTERNAL_AFTER.match(text, q.num_end, min(len(text), q.end + INTERNAL_REACH))
    )


def in_sectors(text: str, sentence_start: int, q: Quantity) -> bool:
    """Whether a sentence opens by narrowing its counts to a list of sectors: "In health, civil service and local
    government there were approximately 900,000 people on strike" counts a part of all strikers."""
    m = FRONTED_SECTORS.match(text, sentence_start)
    return m is not None and m.end() <= q.start


def multiple_of(text: str, q: Quantity, previous: Quantity | None, previous_measure: str | None) -> bool:
    """Whether a number restates the multiple just given (``previous``, measured ``previous_measure``): "2.5 times as
    many cases, or nearly 20,000" is a figure worked out from another, not a count of its own to set against it."""
    return (
        previous is not None
        and previous_measure == "ratio"
        and MULTIPLE_RESTATED.fullmatch(text, previous.end, q.start) is not None
    )


def included(text: str, q: Quantity, whole: Quantity, sentence_start: int, whole_is_part: bool = False) -> bool:
    """Whether a number is a part of the one before it: "11 people, including 4 children", "among them 12"; or, when
    that one is a part (``whole_is_part``), the next part after it: "135 injured, including 13 firefighters and 121
    civilians"."""
    cue = PART_BEFORE.search(text, max(sentence_start, q.start - PART_REACH), q.start)
    if cue is not None and not re.search(r"[.;]", text[whole.end : cue.start()]):
        return True
    return whole_is_part and PART_AFTER_PART.fullmatch(text, whole.end, q.start) is not None


# Between a total and the first of the parts it breaks down into, and between those parts: "48 people had died, 43
# in Acapulco and five in nearby Coyuca de Benitez".
BREAKDOWN_OPENING = re.compile(r"(?:\s+[a-z]+){0,3}(?:,\s+|:\s+|\s+\(|\s+[–—-]\s+)")  # "had died, "
BREAKDOWN_GAP = re.compile(r"(?:\s+(?:in|at|from|on)\s+[^,;.\d]{1,40}?)?(?:,\s+(?:and\s+)?|\s+and\s+|;\s+)")
MIN_BREAKDOWN_PARTS = 2
# a breakdown lists a few places; a run of numbers past this is no breakdown (and the search stays linear)
MAX_BREAKDOWN_PARTS = 20


def breakdown_parts(text: str, quantities: list[Quantity]) -> set[int]:
    """The counts (by ``id``) that break down the count right before them into parts that add up to it: "48 people
    had died, 43 in Acapulco and five in nearby Coyuca de Benitez" (43 + 5 = 48)."""
    found: set[int] = set()
    for i, whole in enumerate(quantities[:-1]):
        if not _exact(whole) or not BREAKDOWN_OPENING.fullmatch(text, whole.end, quantities[i + 1].start):
            continue
        total, run = 0.0, []
        for j in range(i + 1, min(len(quantities), i + 1 + MAX_BREAKDOWN_PARTS)):
            part = quantities[j]
            if j > i + 1 and not BREAKDOWN_GAP.fullmatch(text, quantities[j - 1].end, part.start):
                break
            if not _exact(part) or part.unit != whole.unit:
                break
            total += part.low
            run.append(part)
            if total >= whole.low:
                break
        if len(run) >= MIN_BREAKDOWN_PARTS and total == whole.low:
            found |= {id(part) for part in run}
    return found


def _exact(q: Quantity) -> bool:
    return q.qualifier == "exact" and q.low is not None and q.low == q.high


# The facet words of a count added to an earlier one of its measure: "another 600 missing".
ADDED = frozenset({"additional", "more", "further"})
NOT_COUNTS = frozenset({"duration", "ratio"})  # "aged under 12 months", "ten-fold": no count another adds to


def added_to_other_counts(claims: list[Claim]) -> list[Claim]:
    """A count "added" after a count of another measure only, adds to the story's other counts, and is the whole
    of its own: "19 people were killed ... Another 340 people were injured" (all the injured), where "another 600
    missing" after "1,300 missing" is an increment. ``claims`` are in text order."""
    seen: set[str] = set()
    last: str | None = None
    out = []
    for claim in claims:
        if claim.kind != "quantity":
            out.append(claim)
            continue
        words = (claim.facet or "").split()
        if claim.measure and last not in (None, claim.measure) and claim.measure not in seen and ADDED & set(words):
            claim = claim.model_copy(update={"facet": " ".join(w for w in words if w not in ADDED) or None})
        if claim.measure and claim.measure not in NOT_COUNTS:
            seen.add(claim.measure)
            last = claim.measure
        out.append(claim)
    return out


# A count named again by a demonstrative: "another eight bodies located but not recovered. Those eight bodies were
# brought out later": the same count, with what narrowed it.
DEMONSTRATIVE_BEFORE = re.compile(r"(?i)\b(?:those|these|the\s+same)\s+$")
DEMONSTRATIVE_REACH = 12
REPEAT_REACH = 600  # characters back to the count it names again: a sentence or two


def repeated_counts(text: str, claims: list[Claim]) -> list[Claim]:
    """Each count a demonstrative names again ("those eight bodies") with the facet of the count it repeats, the
    nearest one before it of the same value and measure. ``claims`` are in text order."""
    out: list[Claim] = []
    for claim in claims:
        if (
            claim.kind == "quantity"
            and claim.facet is None
            and claim.value is not None
            and DEMONSTRATIVE_BEFORE.search(text, max(0, claim.start - DEMONSTRATIVE_REACH), claim.start)
        ):
            earlier = next(
                (
                    c
                    for c in reversed(out)
                    if c.kind == "quantity"
                    and c.start >= claim.start - REPEAT_REACH
                    and c.value == claim.value
                    and c.measure == claim.measure
                ),
                None,
            )
            if earlier is not None and earlier.facet:
                claim = claim.model_copy(update={"facet": earlier.facet})
        out.append(claim)
    return out
