"""The grammar of quantities: qualifier + number(s) + unit + what is counted.

One scan of the text for numbers (``numbers.numbers_in``), then, around each,
bounded look-ups: the qualifier in the few words before it, a second number
that makes it a range, a unit and the counted noun phrase after it.  Context
that needs the sentence (subject, place, time, source) is added in ``scope.py``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from itertools import pairwise

from .. import units as units_module
from .dates import MONTHS, WEEKDAYS, DateMention
from .lexicon import TOKEN, Lexicon, Mention
from .numbers import FRACTIONS, TENS, UNITS, numbers_in, parse_number

# Words before a number that bound it, longest first. "some 2,500" -> about.
QUALIFIERS = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    # "an estimated 5,000", "the estimated 5,000": approximate; "officials estimated 5,000" is their figure, as said
    "an estimated": "about",
    "the estimated": "about",
    "an approximate": "about",
    "in the region of": "about",
    "on the order of": "about",
    "or so": "about",
    "give or take": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "closer to": "about",  # "the real number was closer to 1.2 million": an estimate near it, either side
    "just under": "nearly",
    "just shy of": "nearly",
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "exceeding": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "not less than": "at_least",
    "not fewer than": "at_least",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "up to": "at_most",
    "as many as": "at_most",
    "as much as": "at_most",
    "no more than": "at_most",
    "a maximum of": "at_most",
    "at most": "at_most",
    "not more than": "at_most",
    "as high as": "at_most",
    # a ceiling a projection gives: "the toll could reach 10,000"
    "could reach": "at_most",
    "may reach": "at_most",
    "might reach": "at_most",
    "could rise to": "at_most",
    "could climb to": "at_most",
    "could hit": "at_most",
    # "as low as 20,000" gives the bottom of an estimate: the value is at least that
    "as low as": "at_least",
    "as few as": "at_least",
    # A running count that crosses a mark: "the toll has passed 10,000", "arrivals topped a million".
    "passed": "more_than",
    "passes": "more_than",
    "crosses": "more_than",
    "topped": "more_than",
    "tops": "more_than",
    "surpassed": "more_than",
    "surpasses": "more_than",
    "exceeded": "more_than",
    "exceeds": "more_than",
    "crossed": "more_than",
    "rose past": "more_than",
    "risen past": "more_than",
    "climbed past": "more_than",
    "went past": "more_than",
    "pushed past": "more_than",
    "between": "range",
    "from": "range",
    "near": "nearly",  # "a near five-fold increase"
    # a running count that approaches a mark: "Death Toll Nears 200", "the toll neared 2,000"
    "nears": "nearly",
    "neared": "nearly",
    "nearing": "nearly",
    "approaches": "nearly",
    "approached": "nearly",
    "approaching": "nearly",
}
_QUAL_ALT = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
# Words after a number that bound it: "200,000 at least", "500 or more people", "a dozen or so".
QUALIFIERS_AFTER = {
    "at least": "at_least",
    "or more": "at_least",
    "and counting": "at_least",
    "or so": "about",
    "at most": "at_most",
    "or fewer": "at_most",
    "or less": "at_most",
}
QUALIFIER_AFTER = re.compile(rf"(?i)\s+({'|'.join(QUALIFIERS_AFTER)})\b")
# A figure its teller calls a floor: "said 1,000 is “a conservative estimate”", "a conservative estimate of 1,000",
# "conservatively put at 1,000".
CONSERVATIVE_AFTER = re.compile(r"(?i)(?:\s+(?:is|was|as)|,)\s+[\"“]?(?:an?\s+|the\s+)?(?:very\s+)?conservative\b")
CONSERVATIVE_BEFORE = re.compile(
    r"(?i)\bconservative(?:ly)?\s+(?:estimates?|figures?|counts?|tall(?:y|ies))?\s*(?:\w+\s+){0,5}?(?:of|at|is|was)\s+$"
    r"|\bconservatively\s+(?:estimated|put|placed|counted)\s+at\s+$"
)
CONSERVATIVE_REACH = 60
# A verb whose object "about" opens: "talking about 200,000" (a topic, not an estimate; not "asked about 30
# patients", which is an estimate of how many were asked).
ABOUT_AS_PREPOSITION = re.compile(
    r"(?i)\b(?:talk|talks|talking|talked|speak|speaks|speaking|spoke|think|thinks|thinking|thought|care|cares|"
    r"worry|worries|worried)\s+$"
)
# The qualifier right before a number (or its currency's sign, units.yaml): "more than 60", "some $2.5".
# A headline's plural verb crossing a mark: "Cholera cases pass 3,000", "Deaths exceed 500"; not a projection's
# infinitive ("expects the toll to surpass 500") nor "the top 10".
MARK_VERBS = dict.fromkeys(("pass", "surpass", "exceed", "cross"), "more_than")
_NOT_PROJECTED = r"(?<!\bto )(?<!\bwill )(?<!\bcould )(?<!\bmay )(?<!\bmight )(?<!\bwould )"
QUALIFIER_BEFORE = re.compile(rf"(?i)\b({_QUAL_ALT}|{_NOT_PROJECTED}(?:{'|'.join(MARK_VERBS)}))\s+$")
_QUALIFIER_OF = {**QUALIFIERS, **MARK_VERBS}  # what a word QUALIFIER_BEFORE finds makes of the number
# A threshold a count went past: "passed the 1,000 mark", "topped the 10,000 threshold".
MARK_AFTER = re.compile(r"(?i)\s+(?:mark|threshold|milestone|barrier)\b")
PASSED_BEFORE = re.compile(
    r"(?i)\b(?:passed|passing|topped|topping|crossed|crossing|exceeded|surpassed|broke|broken|"
    r"(?:gone|went|going|moved)\s+(?:well\s+)?(?:past|beyond|over))\s+the\s+$"
)
PASSED_REACH = 30  # "has gone well past the " before the number
# An estimate's noun between "estimated" and its number: "the estimated crowd of ", "an estimated death toll of ".
ESTIMATED_OF = re.compile(
    r"(?i)\b(?:an|the)\s+estimated\s+(?:[a-z-]+\s+){1,2}(?:of|at)\s+$"
    r"|\b(?:is|are|was|were)\s+estimated\s+to\s+(?:have|be|number|total)\s+$"  # "Baga was estimated to have 620"
)
ESTIMATED_REACH = 40
# Quotation marks around a quoted figure: "“More than two million” people".
OPENING_QUOTES = ("\u201c", '"')
CLOSING_QUOTES = ("\u201d", '"')
# A second number that closes a range: "1,500-3,000", "1,500 to 3,000", "between 1,500 and 3,000", "two or three"
# (and "from $80 billion to more than $100 billion": the second's sign is cut off first).
RANGE_GAP = re.compile(
    r"(?i)^\s*(?:(-)|(to)|(and)|(or))(?:\s+(?:more\s+than|over|almost|nearly|about|around|roughly))?\s*$"
)
# Not counts: ages, compound adjectives ("two-year", "10-point"), clock times, multipliers.
AFTER_NOT_COUNT = re.compile(
    r"(?i)^(?:-?\s?(?:year|month|week|day)s?[- ]old\b"
    r"|-(?!strong\b|acres?\b|hectares?\b|square\b|miles?\b|km\b|magnitude\b|tons?\b|tonnes?\b"
    r"|met(?:re|er)s?\b|kilomet(?:re|er)s?\b|foot\b|feet\b|ft\b|inch\b|yards?\b"  # "a 200-metre section"
    r"|(?:day|week|month|year|hour|minute)\b)[a-z]"
    r"|:\d|/\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|bst\b|[ecmp][sd]t\b))"
)
PLUS_AFTER = re.compile(r"-plus\b")
COMPOUND_NOUN = re.compile(r"-([a-z]+)\b(?!-old)")  # "-vehicle", "-storey" (not "-year-old")
# A word with its own periods: "U.S.", "D.C.", "a.m." (a full stop after it may not end the sentence).
ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+")
# An earthquake's magnitude around its number: "7.8-magnitude", "7.8 on the Richter scale", "magnitude 7.8".
MAGNITUDE_AFTER = re.compile(r"(?i)-?\s?magnitude\b|\s?on the richter scale\b")
MAGNITUDE_BEFORE = re.compile(r"(?i)\bmagnitude[- ]?$")
# Numbers that are names or ages: "No. 10", "Resolution 2254", "aged 34", "F-35", "#5", "3/4".
BEFORE_NOT_COUNT = re.compile(
    r"(?i)(?:\b(?:aged?|ages|no\.|nos\.|resolution|article|section|chapter|flight|route|highway|room|page|"
    r"vol\.|version|level|phase|category|grade|class|squad|battalion|brigade|division|regiment|apartment|"
    r"suite|box|code|channel|season|episode|round|stage)\s?#?|[A-Za-z](?<!magnitude)-|[#:/\d]|[A-Za-z]"
    r"|\baged?\s+\d{1,3}\s*(?:to|-|\u2013|and)\s*)\Z"  # \Z: not before a "\n"; "aged 11 to 16": both ages
)
# Ages told as a range, whose opener reads as a qualifier: "aged between 20 and 40", "ranged in age from 5 to 86".
AGES_BEFORE = re.compile(r"(?i)\b(?:aged?|ages|in\s+age)\s+(?:between|from)\s+(?:\d{1,3}\s*(?:to|and|-|\u2013)\s*)?\Z")
# An age limit of the people counted: "730 children under five", "those below the age of 18", "over 65s".
AGE_LIMIT_BEFORE = re.compile(
    r"(?i)(?:\b(?:children|kids|babies|infants|boys|girls|people|those|adults|anyone|persons|patients|victims|men|"
    r"women)\s+(?:under|below|over|above|younger than|older than)\s+(?:the\s+age\s+of\s+)?"
    r"|\b(?:under|below|over|above)\s+the\s+age\s+of\s+|\bage\s+of\s+)\Z"
)
# A person's age after the name: "the bomber, Salman Abedi, 22, ...", "named as Jane Doe, 34." (not "in Odesa, 18":
# a place's count).
AGE_NAME_BEFORE = re.compile(r"\b([A-Z][a-z'-]+\s+[A-Z][a-z'-]+),\s$")
AGE_AFTER = re.compile(r"(?:,|;|\)|\.(?:\s|$))")
AGE_NAME_REACH = 60  # a first and last name and the comma before the age
MAX_AGE = 120
# Spans where digits are not quantities: phone numbers, street addresses, clock times, codes.
JUNK = re.compile(
    r"(?=[\d(+])"  # every form starts with one of these: a one-character test rejects most positions fast
    r"(?:\(?\b\d{3}\)?[-. ]\d{3}[-.]\d{4}\b"  # (202) 555-0143
    r"|\b\d{1,5} (?:[A-Z][a-z]+ ){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Square|Place)\b"
    r"|\b\d{1,2}:\d{2}\b"  # 10:30
    r"|\b\d{1,2}\.\d{2}\s?[ap]\.?m\b\.?"  # 8.30am, 10.15 p.m.
    r"|\b\d{1,3}(?:\.\d{1,3}){3}\b"  # 192.168.0.1
    r"|\+\d{1,3}(?:[ -]?\(?\d{1,5}\)?){2,5}"  # +44 20 7946 0958
    r"|(?<=, )\d{1,3}(?=, )"  # "Pope Francis, 86, was ...": an age in apposition
    r'|(?<=width=")\d+|(?<=height=")\d+)'  # a page's markup: '[caption align="alignnone" width="976"]'
)
COUNTED_AFTER_REACH = 30  # " people" after "Sigi 65"
# A figure's noun and its verb right before a word number, which is its value: "The official death toll rose to four".
FIGURE_VALUE_BEFORE = re.compile(
    r"(?i)\b(?:toll|tally|count|total|number|figure)\s+(?:\w+\s+){0,9}?(?:rose|risen|climbed|jumped|increased|stood|"
    r"stands|reached|hit|was|is|fell|fallen|dropped|rises|climbs|grew|grown|mounted|went\s+up|went\s+down)\s+"
    r"(?:by\s+\w+\s+)?(?:to\s+|at\s+)?$"
    # a figure brought to a value: "taking the death toll to nine", "bringing the total to four"
    r"|\b(?:taking|bringing|pushing|raising|lifting|took|brought|pushed|raised)\s+(?:the|its|their)\s+(?:\w+\s+){0,2}?"
    r"(?:toll|tally|count|total|number|figure)\s+to\s+$"
    # a figure put at a value: "put the death toll at seven", "placed the number at four"
    r"|\b(?:put|puts|putting|placed|places|pegged|set|sets)\s+(?:the|its|their)\s+(?:\w+\s+){0,2}?"
    r"(?:toll|tally|count|total|number|figure)\s+at\s+$"
)
FIGURE_VALUE_REACH = 80  # "number of people killed in the bombing went up by one to " before the number
# Some of the people the count before counted: "Four attackers were killed, three of whom were wearing belts".
PART_OF_WHOM = re.compile(r"(?i)\s+of\s+(?:whom|them|those|these)\b")
# A capitalised word right before a number names it: "Interstate 95", "Boeing 737", "Line 4" (but "The 900 troops").
NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z]+) \Z")  # a space, not a line break: "Boeing 737"
SCALED = re.compile(r"(?i)\d\s?(?:million|billion|thousand|bn|mn)\b")  # "1.5 million"
NOT_NAMES = frozenset(
    "The A An Its Their His Her Our These Those All Only Just Another Some About Around Nearly Almost Over Under "
    "Roughly Approximately Between From Up To Of At In On By With For And Or But Than Least Most Total Exactly "
    "Fewer More Less Almost Perhaps Maybe Estimated Still Yet Fully Some No Every Each Only As Well Also Then So "
    "Another "
    # a title-cased headline's verbs of a figure: "Death Toll Nears 200", "Toll Rises To 131", "Quake Kills 22"
    "Nears Near Rises Rise Rose Tops Top Hits Hit Reaches Reach Exceeds Passes Climbs Jumps Soars Surpasses Kills Kill "
    "Killed Leaves Left Injures Injured Displaces Reported Reports Says Say Counts Now Is Are Was Were".split()
)
# "60 Minutes", "737 MAX": a number followed by a capitalised word, with no counted noun, is a name.
NAME_AFTER = re.compile(r"[ \t\u00a0][A-Z]")  # on the same line: "... death toll 215\nJayalalithaa announced"
WORD_AFTER = re.compile(r"\s([A-Za-z]*)")  # the word after a number: "Friday" of "rose to 267 Friday" is no name
# Between two numbers of one count: "900 troops in Syria and 2,500 in Iraq", "35 people, while 14 ...".
_PARALLEL = r"(?:and|while|but|whereas|with|including|to|of whom|among them)"
# a comma or a conjunction between them: not "10,000 fighters in more than 24 prisons"
_CLAUSE_JOIN = rf"(?:,\s*(?:{_PARALLEL}\s+)?|\s{_PARALLEL}\s+)"
ELLIPSIS = re.compile(
    rf"(?:\s+in\s+[A-Za-z][^,;.\d]{{0,40}}?)?\s*{_CLAUSE_JOIN}(?:another\s+|a further\s+)?$"
    # "with about 167,000 deaths, followed by Sri Lanka with 35,322 and India with 12,405"
    r"|^,?\s+(?:followed\s+by|then|and|ahead\s+of)\s+(?:the\s+)?[A-Z][^,;.\d]{0,40}?\s+with\s+$"
)
# A word number with no noun that a parallel clause gives one: "41 died at the Al Noor mosque and seven at the
# Linwood mosque", "killed 12 in Kabul, and three in Herat"; its counted noun is the earlier number's (counted.py).
ELIDED_CLAUSE_BEFORE = re.compile(rf"(?:{_CLAUSE_JOIN}|;\s*)(?:another\s+|a further\s+)?$")
ELIDED_PLACE_AFTER = re.compile(
    r"\s+(?:(?:were|was|are|is)\s+(?:[a-z]+\s+)?)?(?:in|at|on|from)\s+(?:the\s+)?(?:nearby\s+|neighbou?ring\s+)?[A-Z]"
)
PARALLEL_REACH = 80  # from the earlier number to this one: one clause and its place
# The first of a breakdown by place, after the word that opens it: "the deaths included one in Graves County, four in
# Hopkins County".
INCLUDED_BEFORE = re.compile(r"(?i)\b(?:including|included|includes|include|among\s+them)\s+$")
INCLUDED_REACH = 12
SENTENCE_BREAK = re.compile(r"[.!?]\s")
# A share without "of": "cut by a third", "a two-thirds majority".
FRACTION_CONTEXT = re.compile(r"(?i)\bby\s+\S+\s*$|^\S+(?:\s\S+)?\s+majority\b")
# "of" between a vague amount or unit and the counted noun: "dozens of rocket attacks", "110,000 km2 of territory".
OF = re.compile(r"^\s+of\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?")
# "of its", "of their": a partitive whose noun is what the number counts.
POSSESSIVE_OF = re.compile(r"^\s+of\s+(?:their|its|our)\s+$")
# Words that count a noun of their own after a number's: "35 cars and several trucks".
QUANTIFIERS = frozenset("several many some few numerous multiple dozens hundreds thousands scores".split())
# Tokens that end the counted noun phrase after a number.
STOP = frozenset(
    """in at on for to from with by during since who which that were was are is be been being have has had
    will would could can may might should remain remaining remained still now as than after before when while
    this these those last next each per a an the there here across inside outside near into onto over under
    according said say says told reported including while whose where if or but nor so yet
    most many all both either no any every such of out
    it its they them their he him his she her we us our you i given taken seen shown known
    mark threshold milestone barrier home""".split()  # "bring all 2,000 home": an adverb, not a count of homes
    # more prepositions, and verbs in the past with no "-ed" to tell them: "burst two dams and tore through the city"
    + """through throughout around against toward towards via between among along behind beyond upon within
    amid amidst despite unlike
    tore swept struck hit left took made gave sent came went broke fell rose drove ran began brought caught fought
    held kept led met paid put saw stood threw won wrote burst spread sank fled""".split()
    # adverbs of extent: "killed 1,200 nationwide", "500 overall"; "rose to 288 even as work began": a clause's
    + "nationwide countrywide worldwide overall altogether combined even".split()
    + "although though because whereas unless until".split()  # "rose to 61 although the search had ended"
    # times: "stood at more than 79,000 today", "12 yesterday"
    + "today yesterday tonight tomorrow monday tuesday wednesday thursday friday saturday sunday".split()
)
# A conjunction the counted noun's words end on: "and" of "212,000 and says".
TRAILING_CONJUNCTION = re.compile(r"(?:^|\s+)(?:and|or|&)$", re.IGNORECASE)
AGENT_AFTER = re.compile(r"\s+by\b")  # a participle with its agent is a verb: "the 750 estimated by the UN"
# Participles that describe a counted noun rather than act: "61 confirmed deaths", "1.1 million suspected cases".
NOUN_ADJECTIVES = frozenset(
    "confirmed suspected reported recorded registered documented presumed estimated "
    "coordinated attempted foiled thwarted "  # "three coordinated attacks", "12 foiled plots"
    "such other more additional further separate".split()  # "198 such operations", "40 more fighters"
)
# Participles that are adjectives right after a number: "at least 10 collapsed buildings", "300 damaged homes" (not
# "90,000 acres and destroyed more buildings": a verb after "and").
STATE_ADJECTIVES = frozenset(
    "collapsed damaged destroyed flooded burned burnt abandoned armed unarmed wounded injured detained deceased "
    "displaced stranded trapped".split()  # "1,464 deceased victims", "300 stranded migrants"
)
# Adjectives that end like adverbs: "1,200 elderly residents".
LY_ADJECTIVES = frozenset({"elderly"})
PEOPLE = "people"  # the measure of people counted as such (measures.yaml)
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade"})
AREA_UNITS = frozenset({"km2", "mi2", "acre", "ha"})
MASS_UNITS = frozenset({"t", "kg"})
# A determiner before a word number: "the two countries", "both cities".
THE_BEFORE = re.compile(r"(?i)\b(?:the|both|all|these|those)\s$")
# What such a number refers back to: "(two) countries", "(both) warring parties", "(the three) men".
REFERRED_NOUN = re.compile(
    r"(?i)\s+(?:\w+\s+)?(?:countries|cities|states|nations|regions|provinces|towns|villages|sides|parties|governments|"
    r"leaders|companies|teams|groups|events|inaugurations|marches|agencies|organi[sz]ations|men|women)\b"
)
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS)
# A past participle next: "reported" of "the 10 to 15 first reported".
PARTICIPLE_NEXT = re.compile(r"\s+[a-z]+ed\b")
# Things, neither people nor what a sentence's other numbers count: "attacks on three churches and three hotels
# killed 253", "three hotels were destroyed".
THINGS = frozenset(
    "church mosque temple synagogue hotel restaurant shop store market embassy station vehicle car truck bus boat "
    "ship plane aircraft helicopter bridge".split()
)
# Between the two numbers of a share: "one in seven", "3 out of 10", "one in every five".
ONE_IN_GAP = re.compile(r"(?i)\s+(?:in|out\s+of)\s+(?:every\s+)?")
TIME_SPAN_AFTER = re.compile(r"(?i)[\s-]+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b")
# "raised its rate by 0.5% to 4.75%": a change, then the level it led to, not a range.
BY_BEFORE = re.compile(r"(?i)\bby\s$")
# A verb of change before "from": "the toll has dropped from 1,836 to 1,723", "raised its estimate of the death toll
# from 1,000 to 5,000": the figure it left and the one it reached, two counts (not "ranged from 10 to 20", "from 12 to
# 15 people").
CHANGE_VERB = (
    r"(?:rose|risen|rises?|climbed|climbs?|increased|increases?|jumped|jumps?|grew|grown|grows?|soared|surged|"
    r"swelled|swollen|doubled|tripled|fell|fallen|falls?|dropped|drops?|decreased|decreases?|declined|declines?|"
    r"plunged|plummeted|shrank|shrunk|dipped|revised|raised|lowered|cut|reduced|upgraded|downgraded|updated|"
    r"corrected|changed|went|gone|moved)"
)
# (no number between them but the level reached: "lowered to 249 from", not "rose to 5,000 as people fled from 12")
CHANGED_FROM = re.compile(
    rf"(?i)\b{CHANGE_VERB}\b(?:\s+to\s+\d[\d,.]*)?(?:\s+(?!\d)[\w'-]+){{0,20}}?\s+from\s+"
    r"(?:(?:about|around|some|roughly|nearly|almost|more than|over|at least|an estimated|an?)\s+)?$"
)
# "lowered the combined death toll from the bombing in downtown Oslo and shooting attack on nearby Utoya island from "
# before the number
CHANGED_FROM_REACH = 130
# "members of the armed forces", "members of its police": the body the members belong to.
MEMBERS_OF = re.compile(r"(?i)\s+of\s+(?:the\s+|its\s+|their\s+)?")
# "three times as many", "six times more": a multiplier.
RATIO_AFTER = re.compile(r"(?i)\s+(?:as|more|less|larger|bigger|higher|greater|smaller|the|that|over)\b")
# Multipliers written as words: "twice as many", "more than double what Spicer reported", "a near five-fold increase"
# ("double" and "triple" only before what they multiply: not "a double murder").
MULTIPLIER_RE = re.compile(
    r"(?i)\b(?:twice(?=\s+(?:as|the|that|what|its|their|his|her|more|over)\b)"
    r"|(?:double|triple|treble|quadruple)(?=\s+(?:the|that|what|its|their|his|her|our)\b)"
    r"|(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)[- ]?fold\b)"
)
# Words that make a multiplier a verb: "to double", "could more than triple".
VERB_BEFORE = re.compile(
    r"(?i)\b(?:to|will|would|could|may|might|can|should|must|did|does)\s+(?:more than\s+|nearly\s+|almost\s+)?$"
)
MULTIPLIER_HINTS = ("twice", "double", "triple", "treble", "quadruple", "fold")
MULTIPLIERS = {"twice": 2, "double": 2, "triple": 3, "treble": 3, "quadruple": 4, "hundred": 100}
# A number right after a word: "(injured) 21,952", "(wounded) more than 300".
NUMBER_NEXT = re.compile(r"\s+(?:\d|(?:more than|at least|about|nearly|some|over)\s+\d)")
# Volumes that a "per day" makes a flow: "5,000 barrels a day", "3.9 million gallons of oil per day".
VOLUME_UNITS = frozenset({"bbl", "gal", "l"})
# " a day", " of crude oil per day", " daily"
PER_DAY = re.compile(r"(?i)(?:\s+of\s+(?:crude\s+)?oil)?(?:\s+(?:a|per|each|every)\s+day|\s+daily)\b")
# A multiplier's word: "three times", "60 times" (a count of attacks, or a ratio).
TIMES_AFTER = re.compile(r"\s+times\b")
# After a duration, words that make it a time, not a count: "Five years on", "two years later".
DURATION_AS_TIME = re.compile(r"\s+(?:on|in|into|later|earlier|since)\b")
# The scale word that ends a range's second number: "2 million" in "1.5 to 2 million", "$3-4bn".
SCALE_END = re.compile(r"(?i)(thousand|million|billion|bln|bn|mn|lakhs?|crores?|cr|[kmb])$")

# How far around a number its neighbours are looked for, in characters: each reach holds the longest phrase
# its pattern is meant to find, and keeps every look-up short whatever follows in the article.
QUALIFIER_REACH = 30  # "in the region of", "not fewer than" and a currency sign before the number
NAME_REACH = 24  # a word that makes it a name or a label: "Resolution 2254", "battalion 3", "Interstate 95"
SIGN_REACH = 6  # a currency sign right before it: "US$ 5", "€5"
BY_REACH = 4  # "by " before it: "cut by a third", "rose by 0.5% to 4.75%"
LEVEL_OVER_CHANGE = 3  # "by 40 to 310": a level at least this many times the change it follows
AFTER_REACH = 40  # what makes it not a count after it: "-year-old", " on the Richter scale"
FRACTION_OF_REACH = 12  # a share's "of" after it: "a third of the"
RANGE_GAP_REACH = 20  # between a range's two numbers: " to ", " and US$ ", " to more than $"
REPEATED_UNIT_REACH = 30  # a unit said twice in a range: "1.5 million gallons to 2.5 million gallons"
UNIT_REACH = 40  # the unit after it: " square kilometers", "-acre"
PER_DAY_REACH = 30  # what makes a volume a flow: " of crude oil per day"
TIMES_REACH = 8  # " times" after it
NOUN_AFTER_REACH = 40  # a counted noun right after an adjective: " deaths", " workers"
OF_REACH = 16  # " of their " between a vague amount or a unit and the counted noun
NOUN_PHRASE_REACH = 80  # the counted noun phrase after it: "rocket and drone attacks on U.S. bases"
MAX_NOUN_WORDS = 6  # ... of at most this many words
BODY_REACH = 40  # what members belong to: "of the armed forces"
DETERMINER_REACH = 5  # "these " before a word number
STATE_BEFORE_REACH = 30  # "killed more than " before a word number
DURATION_IDIOM_REACH = 10  # " later", " earlier" after a duration


@dataclass(slots=True)
class Quantity:
    """A number as found, before the sentence gives it context."""

    start: int  # the claim span: qualifier .. counted noun
    end: int
    num_start: int  # the number(s) alone
    num_end: int
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None = None
    measure: str | None = None
    measure_text: str | None = None
    head_start: int | None = None  # where the counted noun begins (modifiers lie between num_end and here)
    vague: bool = False
    derivation: str | None = None  # set by reference resolution: the arithmetic behind the value
    per: str | None = None  # a count's stretch of time: "2,000 a day" is per day (its unit once it is a claim)
    subject_hint: str | None = None  # "35,000 Palestinians": the demonym names whose count it is
    range_opener: int | None = None  # where "between"/"from" starts, when one comes before the number

    @property
    def counted_by_whole(self) -> bool:
        """Whether its noun is its whole's, after its span: "nine of the capital's 50 districts" counts districts."""
        return self.head_start is not None and self.head_start > self.end


# A label's colon right before its value: "arrests in Denver: 0".
LABEL_END = re.compile(r":\s*$")
LABEL_END_REACH = 4
# A list's next label, up to its colon and value: "Estimated protesters in Boston: 175,000".
NEXT_LABEL = re.compile(r"[A-Z][^\d:\n.;]{0,80}:\s*\d")


def _phrasal_verb(text: str, pos: int, lexicon: Lexicon) -> bool:
    """Whether a state of several words starts right after ``pos``: " took part", " went on strike"."""
    state = lexicon.states.after.match(text, pos)
    return bool(state) and " " in state.group(1) and not text[pos : state.start(1)].strip()


def _counted_after(
    text: str, end: int, lexicon: Lexicon, reach: int = COUNTED_AFTER_REACH, unit: str | None = None
) -> bool:
    """Whether a counted noun follows right away: "Sigi 65 people" counts people, whatever names it; "reported
    deaths", "striking workers" (a word's, within ``reach``); with a ``unit``, a noun measured in it ("185 mph
    sustained winds", not "10 feet razed homes")."""
    found = lexicon.measure_words.find(text, end, min(len(text), end + reach))
    return (
        bool(found)
        and not text[end : found[0].start].strip()
        and (unit is None or unit in lexicon.measures[found[0].id].measured_in)
    )


def _month_or_day(word: str) -> bool:
    """ "May 2,000 ...", "Monday 300 ...": a month or weekday before a number is prose, not a product name."""
    return word.lower() in MONTHS or word.lower() in WEEKDAYS


def _junk_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in JUNK.finditer(text)]


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


class _Units:
    """Unit words after a number ("square kilometers", "%"), longest first, compiled once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        forms = sorted(lexicon.units, key=len, reverse=True)
        alt = "|".join(re.escape(f) for f in forms)
        self.after = re.compile(rf"(?i)(?:\s|-)?({alt})(?![A-Za-z])")  # "36,807-acre": a unit in a compound too
        self.lookup = lexicon.units
        signs = sorted(lexicon.unit_prefixes, key=len, reverse=True)
        # a sign of letters is a word of its own: "Rs 500", not the "rs" of "Mrs"
        self.before = re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(s) for s in signs) + r")\s?$")
        self.prefixes = lexicon.unit_prefixes

    def unsigned(self, words: str) -> str:
        """``words`` before a number without the currency sign they end in: "more than US$" -> "more than "."""
        sign = self.before.search(words)
        return words[: sign.start(1)] if sign else words


@functools.lru_cache(maxsize=8)
def _units_of(lexicon: Lexicon) -> _Units:
    return _Units(lexicon)


def find_quantities(text: str, dates: list[DateMention], lexicon: Lexicon) -> list[Quantity]:
    """Every counted quantity in ``text`` (folded, furniture blanked), in order."""
    units = _units_of(lexicon)
    blocked = sorted([(d.start, d.end) for d in dates] + _junk_spans(text))
    blocked_starts = [s for s, _ in blocked]
    numbers = [m for m in numbers_in(text).finditer(text) if not _inside(blocked, blocked_starts, m.start())]
    found: list[Quantity] = []
    i = 0
    while i < len(numbers):
        first = numbers[i]
        last = first
        quantity = _quantity(text, first, units, lexicon)
        share = _one_in(text, quantity, numbers[i + 1]) if quantity and i + 1 < len(numbers) else None
        if share:  # "one in seven Pakistanis": a share of them, not seven people
            found.append(share)
            i += 2
            continue
        # A range: "1,500-3,000", "1,500 to 3,000", "between 1,500 and 3,000"
        if quantity and i + 1 < len(numbers):
            nxt = numbers[i + 1]
            between = text[first.end() : nxt.start()]
            gap = RANGE_GAP.match(units.unsigned(between)) if len(between) <= RANGE_GAP_REACH else None
            if (
                gap is None
                and quantity.unit
                and len(between) <= REPEATED_UNIT_REACH
                and not BY_BEFORE.search(text, max(0, first.start() - BY_REACH), first.start())
            ):
                # "1.5 million gallons to 2.5 million gallons per day": the unit said twice
                unit_gap = units.after.match(between)
                gap = RANGE_GAP.match(units.unsigned(between[unit_gap.end() :])) if unit_gap else None
            if (
                gap
                and _is_range(text, first, nxt, gap, quantity.range_opener is not None)
                and not _change_then_level(text, first, nxt, gap, quantity)
                and not changed_from(text, quantity)
            ):
                last = nxt
                i += 1
        i += 1
        if quantity is None:
            continue
        if last is not first:
            quantity = _range(text, quantity, first, last, units, lexicon)
            if quantity is None:
                continue
        if _keep(text, quantity, first, found[-1] if found else None, lexicon):
            found.append(quantity)
    lowered = text.lower()  # most articles hold no multiplier word: a substring test spares the regex scan
    scan = any(word in lowered for word in MULTIPLIER_HINTS)
    multipliers = [_multiplier(text, m) for m in MULTIPLIER_RE.finditer(text)] if scan else []
    found += [q for q in multipliers if q and not _inside(blocked, blocked_starts, q.num_start)]
    found.sort(key=lambda q: q.start)
    for stated, converted in pairwise(found):
        if converts(text, stated, converted) and converted.qualifier == "exact":
            converted.qualifier = stated.qualifier  # "at least 126,000 gallons (477,000 litres)": at least, too
    _per_time(text, found, lexicon.currencies)
    return _rates(text, found)


def _rates(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "12 deaths per 100,000 people": a rate, counted per its base, which is no count of its own."""
    bases: set[int] = set()
    for rate, base in pairwise(found):
        if id(rate) not in bases and PER_BASE.fullmatch(text, rate.end, base.num_start) and base.low:
            rate.unit, rate.end = f"per {base.low:,.0f}", base.end
            bases.add(id(base))
    return [q for q in found if id(q) not in bases]


# Between a rate and its base: " per ", " for every ".
PER_BASE = re.compile(r"(?i)\s+(?:per|for every|in every)\s+")
# A count per stretch of time, after it in its clause: "about 2,000 a day", "15,000 people were still arriving every
# day", "3,000 migrants arrive daily"; not "up from 17 a day earlier" nor "in a day of protests".
PER_TIME = re.compile(
    r"(?i)(?<!\bin )(?<!\bfor )(?<!\bwithin )\b(?:(?:a|per|every|each)\s+(day|week|month|year)|"
    r"(daily|weekly|monthly|annually|yearly))\b"
    r"(?!\s+(?:earlier|later|before|after|ago|of|or|and)\b|-)"
)
MASS_UNITS = frozenset({"t", "kg"})  # units with no rate in their own words, as a currency's
PER_TIME_REACH = 60  # "people were still crossing the border every day": the verb phrase after the count
CLAUSE_END = re.compile(r"[,;.!?()\n]|\s[-\u2013\u2014]\s")
PER_TIME_UNIT = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}


def _per_time(text: str, found: list[Quantity], currencies: frozenset[str]) -> None:
    """Mark a count said per day, week, month or year: a rate is no total (compared only with rates)."""
    for i, q in enumerate(found):
        # (a flow's rate is its unit's: "5,000 barrels a day"; a mass or a sum may be a year's: "1 million tons of
        # cargo a year", "$3 billion a year")
        if (q.unit is not None and q.unit not in MASS_UNITS | currencies) or q.measure == "duration":
            continue
        end = min(len(text), q.end + PER_TIME_REACH, found[i + 1].start if i + 1 < len(found) else len(text))
        stop = CLAUSE_END.search(text, q.end, end)
        rate = PER_TIME.search(text, q.end, stop.start() if stop else end)
        if rate:
            q.per = (rate.group(1) or PER_TIME_UNIT[rate.group(2).lower()]).lower()


def converts(text: str, stated: Quantity, converted: Quantity) -> bool:
    """Whether a figure restates the one before it in another unit of its kind, in brackets or after ", or":
    "42,000 square miles (110,000 square kilometers)", "over 31 square miles, or 20,000 acres"."""
    canonical = units_module.CANONICAL
    return (
        stated.unit in canonical
        and converted.unit in canonical
        and canonical[stated.unit] == canonical[converted.unit]
        and CONVERSION_GAP.fullmatch(text, stated.end, converted.start) is not None
    )


def _multiplier(text: str, match: re.Match) -> Quantity | None:
    """A multiplier word as a ratio: "twice" -> 2, "five-fold" -> 5, with its qualifier ("more than double"); not
    a verb ("on pace to more than double the attacks")."""
    if VERB_BEFORE.search(text, max(0, match.start() - QUALIFIER_REACH), match.start()):
        return None
    word = re.sub(r"[- ]?fold$", "", match.group().lower())
    value = float(MULTIPLIERS.get(word) or (word if word.isdigit() else parse_number(word)[0]))
    start = match.start()
    qual = QUALIFIER_BEFORE.search(text, max(0, start - QUALIFIER_REACH), start)
    qualifier = _QUALIFIER_OF[qual.group(1).lower()] if qual else "exact"
    return Quantity(
        qual.start(1) if qual else start,
        match.end(),
        start,
        match.end(),
        value,
        value,
        "exact" if qualifier == "range" else qualifier,
        unit="times",
        measure="ratio",
        measure_text="ratio",
    )


def _is_range(text: str, first: re.Match, nxt: re.Match, gap: re.Match, opened: bool) -> bool:
    dash, to, and_, or_ = gap.groups()
    if dash:  # "1,500-3,000" but not "F-35" nor a phone number: both sides numerals
        return first.group()[0].isdigit() and nxt.group()[0].isdigit() and not text.startswith("-", nxt.end())
    if and_:
        return opened
    return bool(to or or_)


def _age(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the number from ``start`` to ``end`` is a person's age after their name: "Salman Abedi, 22,"."""
    raw = text[start:end]
    if not raw.isdigit() or int(raw) >= MAX_AGE or not AGE_AFTER.match(text, end):
        return False
    name = AGE_NAME_BEFORE.search(text, max(0, start - AGE_NAME_REACH), start)
    return name is not None and not lexicon.places.find(name.group(1))  # "Kharkiv Oblast, 12": a place's


def head_noun(words: str | None) -> str | None:
    """The last word of a noun phrase, lower-cased and singular: "public sector workers" -> "worker"."""
    if not words:
        return None
    head = words.split()[-1].lower()
    if head.endswith(("ches", "shes", "sses", "xes")):
        return head[:-2]  # "churches", "buses" are not "churche", "buse"
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"  # "facilities"
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def counts_things(q: Quantity) -> bool:
    """Whether a number counts things no alias file names: "two mosques", "three luxury hotels"."""
    return q.measure is None and head_noun(q.measure_text) in THINGS


def _one_in(text: str, q: Quantity, nxt: re.Match) -> Quantity | None:
    """ "one in seven", "nearly one in three", "3 out of 10": a share (1/7), as a fraction is, never a count."""
    if not ONE_IN_GAP.fullmatch(text, q.num_end, nxt.start()) or q.unit or q.vague:
        return None
    if TIME_SPAN_AFTER.match(text, nxt.end()):
        return None  # "two in 10 days": a count in a span of time
    whole = parse_number(nxt.group())[0]
    if q.low is None or not whole or q.low >= whole:
        return None
    share = q.low / whole
    return Quantity(q.start, nxt.end(), q.num_start, nxt.end(), share, share, q.qualifier, unit="fraction")


def _change_then_level(text: str, first: re.Match, nxt: re.Match, gap: re.Match, q: Quantity) -> bool:
    """ "raised the toll by 40 to 310": a change, then the count it led to (a level far above the change), not a
    range; "cut by 200 to 300 jobs", "by 5 to 10 percent" stay ranges."""
    if not gap.group(2) or q.unit or not BY_BEFORE.search(text, max(0, first.start() - BY_REACH), first.start()):
        return False
    level = parse_number(nxt.group())[0]
    return q.low is not None and level is not None and level >= LEVEL_OVER_CHANGE * q.low


def changed_from(text: str, q: Quantity) -> re.Match | None:
    """The words that make ``q`` the figure a change started from ("has dropped from 1,836 to 1,723"), if any."""
    return CHANGED_FROM.search(text, max(0, q.num_start - CHANGED_FROM_REACH), q.num_start)


def _quantity(text: str, match: re.Match, units: _Units, lexicon: Lexicon) -> Quantity | None:
    start, end = match.span()
    raw = match.group()
    if raw.lower() in FRACTIONS and not (
        OF.match(text[end : end + FRACTION_OF_REACH])
        or FRACTION_CONTEXT.search(text, max(0, start - BY_REACH), min(len(text), end + FRACTION_OF_REACH))
    ):
        return None  # "a third year", "half the time" without "of" is not a share
    after = text[end : end + AFTER_REACH]
    plus = PLUS_AFTER.match(after)  # "the 200-plus responders": more than 200
    joined = None
    if AFTER_NOT_COUNT.match(after) and not plus:
        # "a 40-vehicle pile-up", "a 16-storey building": a counted noun joined to its number (not "9-year-old")
        compound = COMPOUND_NOUN.match(after)
        nouns = lexicon.measure_words.find(after, 1, compound.end(1)) if compound else []
        if not (nouns and nouns[0].start == 1 and nouns[0].end == compound.end(1)):
            return None
        joined = nouns[0]
    sign_before = text[max(0, start - SIGN_REACH) : start]
    sign = units.before.search(sign_before)  # a currency's sign right before it: "US$ 5", "Rs 19,512 crore"
    sign_start = start - (len(sign_before) - sign.start(1)) if sign else start
    before_start = max(0, start - QUALIFIER_REACH)
    before = text[before_start:sign_start]  # the qualifier stands before the sign: "some $2.5"
    qual = QUALIFIER_BEFORE.search(before)
    if qual and qual.group(1).lower() == "about" and ABOUT_AS_PREPOSITION.search(before, 0, qual.start(1)):
        qual = None  # "I am talking about 200,000": what is spoken of, not an estimate near it
    if not qual and BEFORE_NOT_COUNT.search(text[max(0, start - NAME_REACH) : start]):
        return None
    if AGES_BEFORE.search(text[max(0, start - NAME_REACH) : start]):
        return None
    if AGE_LIMIT_BEFORE.search(text[max(0, start - NAME_REACH) : start]):
        return None  # "children under five", "below the age of 18": an age limit, not a count
    if not qual and _age(text, start, end, lexicon):
        return None
    name = NAME_BEFORE.search(text, max(0, start - NAME_REACH), start)
    if (
        not qual
        and name
        and name.group(1) not in NOT_NAMES
        and not _month_or_day(name.group(1))
        and not lexicon.is_place(name.group(1))
        and not _counted_after(text, end, lexicon)
        and not sign  # "Rs 19,512 crore": a currency's sign
        and not SCALED.search(raw)  # "the police counted 806,000, the CGT 1.5 million": no model is numbered so
    ):
        return None  # "Interstate 95", "Boeing 737"; not "Malta 105" in a list of countries, nor "Sigi 65 people"
    low, high, vague = parse_number(raw)
    qualifier = "vague" if vague else "exact"
    span_start = start
    if qual:
        qualifier = _QUALIFIER_OF[qual.group(1).lower()]
        span_start = before_start + qual.start(1)
    elif qualifier == "exact" and ESTIMATED_OF.search(text, max(0, start - ESTIMATED_REACH), start):
        qualifier = "about"  # "the estimated crowd of 500,000", "an estimated death toll of 300"
    elif (
        qualifier == "exact"
        and MARK_AFTER.match(text, end)
        and PASSED_BEFORE.search(text, max(0, start - PASSED_REACH), start)
    ):
        qualifier = "more_than"  # "the toll passed the 1,000 mark", "has gone well past the 10,000 mark"
    unit = None
    if sign:
        unit = units.prefixes[sign.group(1)]
        if not qual:
            span_start = sign_start
    if raw.lower() in FRACTIONS:
        unit = "fraction"
    opener = None
    if qualifier == "range":  # "from 12 countries", "up from 3.5 percent": a range only once its second number comes
        qualifier, opener, span_start = "exact", span_start, start
    q = Quantity(span_start, end, start, end, low, high, qualifier, unit=unit, vague=vague, range_opener=opener)
    if joined is not None:
        q.measure, q.measure_text, q.head_start, q.end = joined.id, joined.text, end + 1, end + joined.end
        return q
    if plus:
        q.qualifier, q.end = "more_than", end + plus.end()
    _qualify_after(text, q)  # "500 or more people"
    magnitude = MAGNITUDE_AFTER.match(after)
    named_before = None if qual else MAGNITUDE_BEFORE.search(before)
    if magnitude or named_before:
        # "the 7.8-magnitude earthquake", "a magnitude 7.8 quake": a measure of the quake, not a count
        q.measure = q.measure_text = "magnitude"
        q.end = end + magnitude.end() if magnitude else end
        if named_before:
            q.start = before_start + named_before.start()
        return q
    _attach_unit_and_noun(text, q, units, lexicon)
    _qualify_after(text, q)  # "300 bodies at least"
    return q


def _qualify_after(text: str, q: Quantity) -> None:
    """A bound said after the number or its noun: "200,000 at least", "500 or more people", "300 bodies at least"."""
    post = QUALIFIER_AFTER.match(text, q.end)
    if post and q.qualifier == "exact":
        q.qualifier, q.end = QUALIFIERS_AFTER[post.group(1).lower()], post.end()
    elif q.qualifier == "exact" and (
        CONSERVATIVE_AFTER.match(text, q.end)
        or CONSERVATIVE_BEFORE.search(text, max(0, q.start - CONSERVATIVE_REACH), q.start)
    ):
        q.qualifier = "at_least"


def _range(text: str, q: Quantity, first: re.Match, last: re.Match, units: _Units, lexicon: Lexicon) -> Quantity | None:
    low2, high2, _ = parse_number(last.group())
    # "1.5 to 2 million", "$3-4 billion": the scale word of the second number applies to the first
    scale = SCALE_END.search(last.group())
    mantissa = parse_number(last.group()[: scale.start()].strip())[0] if scale else None
    # "1.5 to 2 million", "three and four billion" share the scale; "550,000 and 1.4 million" does not (550,000 is
    # more than 1.4), nor "five thousand to 2 million" (a scale of its own)
    own_scale = SCALE_END.search(first.group()) or re.search(r"(?i)hundred|dozen", first.group())
    if scale and not own_scale and q.low is not None and mantissa and q.low <= mantissa:
        q.low = (
            parse_number(
                first.group() + " " + scale.group(1).lower().replace("bn", "billion").replace("mn", "million")
            )[0]
            if len(scale.group(1)) > 1
            else parse_number(first.group() + scale.group(1))[0]
        )
    q.high = high2
    q.qualifier = "range"
    if q.range_opener is not None:
        q.start = q.range_opener
    q.num_end = last.end()
    q.end = last.end()
    q.unit = q.unit if q.unit != "fraction" else None
    q.measure = q.measure_text = q.head_start = None
    _attach_unit_and_noun(text, q, units, lexicon)
    if q.low is not None and q.high is not None and q.low > q.high:
        return None  # "10-4", a score or a code, not a range
    return q


def _attach_unit_and_noun(text: str, q: Quantity, units: _Units, lexicon: Lexicon) -> None:
    """Extend the span over a unit ("square kilometers", "%") and the counted noun phrase."""
    pos = q.end  # past a bound said after the number: "500 or more people"
    unit = units.after.match(text, pos, pos + UNIT_REACH)
    if unit and units.lookup[unit.group(1).lower()] in TIME_UNITS and unit.group(1)[0].isupper():
        unit = None  # "CBS's 60 Minutes", "Seven Days in May": a title, no span of time
    if unit and (q.unit is None or q.unit in lexicon.currencies):
        unit_id = units.lookup[unit.group(1).lower()]
        if not (unit_id in lexicon.currencies and q.unit):
            q.unit = unit_id
        pos = unit.end()
        q.end = pos
        if unit_id in TIME_UNITS:
            q.measure, q.measure_text = "duration", unit.group(1)
            return
        if unit_id in VOLUME_UNITS:
            rate = PER_DAY.match(text, pos, pos + PER_DAY_REACH)
            if rate:
                q.unit, q.measure, q.measure_text = f"{unit_id}/d", "flow_rate", text[unit.start(1) : rate.end()]
                q.end = rate.end()
                return
    elif times := TIMES_AFTER.match(text[pos : pos + TIMES_REACH]):
        q.unit = "times"
        q.end = pos + times.end()
        if RATIO_AFTER.match(text, q.end):
            q.measure = q.measure_text = "ratio"  # "three times as many people": a ratio, not a count of times
        return
    if text.startswith("-strong", pos):  # "a 2,000-strong battalion" counts the battalion's members
        pos += len("-strong")
    if text.startswith(CLOSING_QUOTES, pos) and text.endswith(OPENING_QUOTES, 0, q.start):
        pos += 1  # "“More than two million” people demonstrated": a figure quoted, then what it counts
    counted = _counted_by_its_whole(text, q, lexicon)
    if counted is not None:
        # "nine of the capital's 50 districts", "20 of the country's 22 governorates": a part of the whole after it,
        # counted as the whole is (its span stays the number's: the whole is a count of its own)
        q.measure, q.measure_text, q.head_start = counted.id, counted.text, counted.start
        return
    of = OF.match(text[pos : pos + OF_REACH])
    if of and (q.vague or q.unit or q.unit == "fraction"):
        pos += of.end()
    elif of and text[q.num_start : q.num_end].lower() in ("a dozen", "dozen", "one dozen"):
        pos += of.end()
    elif of and POSSESSIVE_OF.match(of.group()):
        pos += of.end()  # "400,000 of its members walked out": a part of the owner's people, counted as they are
    elif of and q.low != 1 and _partitive(text, pos + of.end(), lexicon):
        pos += of.end()  # "66 of the attacks were in Syria": some of the attacks, counted as attacks
    # The counted noun: a few words, no punctuation between them, not past a stop word.
    limit = pos
    words = 0
    # Past a measuring unit with no "of", the noun is one compound ("a 12ft storm surge"): a participle describes only
    # a noun measured in the unit ("surges of 10 feet razed homes"), a conjunction leads to another noun's
    # ("winds of 185mph and surge heights").
    measuring = q.unit if q.unit and q.unit not in lexicon.currencies and not of else None
    opening = True  # no word but adverbs yet: a participle here may describe the noun ("newly mobilised troops")
    for token in TOKEN.finditer(text, pos, min(len(text), pos + NOUN_PHRASE_REACH)):
        gap = text[limit : token.start()]
        if gap.strip(" ") or words >= MAX_NOUN_WORDS:
            break
        if token.group().lower() in lexicon.states.phrase_starts and _phrasal_verb(text, limit, lexicon):
            break  # "4,000 took part", "30 unions took part": a phrasal verb follows, not a noun ("part")
        if token.start() == pos and token.group()[:1].isupper() and pos > 0 and text[pos - 1].isalnum():
            break  # "680,000Number of arrests", "65.8 millionEstimated": a flattened list's next line, glued on
        if (
            not words
            and LABEL_END.search(text, max(0, q.start - LABEL_END_REACH), q.start)
            and NEXT_LABEL.match(text, token.start())
        ):
            break  # "arrests in Denver: 0 Estimated protesters in Boston: 175,000": a label's value, the next label
        word = token.group().rstrip(".")
        if measuring and word in ("and", "or"):
            break
        stop = word.lower() in STOP and not word.isupper() and not _adjective_of_noun(text, token, lexicon)
        if stop or word[0].isdigit() or word.lower().split("-")[0] in NUMBER_WORDS or word.lower() in QUANTIFIERS:
            # "2,000 reported the ministry" ends the phrase; "2,705 reported deaths" goes on to its noun; "three
            # churches and three hotels", "35 cars and several trucks": the next number counts a noun of its own
            break
        if (
            word.endswith("ed")
            and word.islower()
            and not lexicon.measure_words.find(word)
            and (word not in NOUN_ADJECTIVES or AGENT_AFTER.match(text, token.end()))
            and not (word in STATE_ADJECTIVES and not words)
            # right after the number, a participle before a counted noun describes it: "80,000 mobilised reservists"
            # (not "other countries joined forces", nor what befell them: "10,000 captured fighters" are detainees)
            and not (
                opening
                and _counted_after(text, token.end(), lexicon, NOUN_AFTER_REACH, measuring)
                and not lexicon.states.after.match(text, token.start() - 1)
            )
        ):
            break  # a verb: "countries joined forces", "the 750 estimated by the UN"; not "61 confirmed deaths"
        if word.endswith("ed") and word.islower() and NUMBER_NEXT.match(text, token.end()):
            break  # a verb with its own count: "killed 8,964 people and injured 21,952"
        if (
            word.endswith("ly")
            and word.islower()
            and word not in LY_ADJECTIVES
            and not lexicon.measure_words.find(word)
            and not (opening and _participle_then_noun(text, token.end(), lexicon))  # "1,000 newly arrived migrants"
        ):
            break  # an adverb: "the 900 repeatedly cited" (not "12 families")
        if word in ("first", "last") and PARTICIPLE_NEXT.match(text, token.end()):
            break  # "the 10 to 15 first reported": when they were told, not who (not "100 first responders")
        if word.endswith("ing") and word.islower() and not _names_noun(text, token, lexicon):
            break  # a participle: "passed 10,000 resulting in"; not "40 striking workers", "300 missing"
        limit = token.end()
        words += 1
        opening = opening and word.endswith("ly")
        if token.group().endswith(".") and not ABBREVIATION.fullmatch(token.group()):
            break  # "7,000 people." ends its sentence: "A magnitude 6.7 aftershock" is the next one's
    # "212,000 and says ...": a conjunction that leads to no noun ends the phrase before it
    limit = pos + len(TRAILING_CONJUNCTION.sub("", text[pos:limit]))
    if limit == pos:
        return
    mentions = lexicon.measure_words.find(text, pos, limit)
    if mentions and mentions[-1].text.lower() in ("member", "members"):
        # "3,000 members of the armed forces": the members of what they belong to
        belongs = MEMBERS_OF.match(text, mentions[-1].end)
        owner = lexicon.measure_words.find(text, belongs.end(), belongs.end() + BODY_REACH) if belongs else []
        if owner and owner[0].start == belongs.end():
            mentions = [Mention(mentions[-1].start, owner[0].end, owner[0].id, text[mentions[-1].start : owner[0].end])]
    if mentions:
        head = last = mentions[-1]  # the head of an English noun phrase is its last noun: "rocket and drone attacks"
        if head.id == PEOPLE and len(mentions) > 1 and mentions[-2].id != PEOPLE:
            head = mentions[-2]  # "2,183 dead persons", "40 injured people": what befell them is what is counted
        if q.unit == "fraction":
            return  # "a third of the territory": the share is of a whole, handled by scope
        # "$110 million drone base": money, spent on what the noun names
        q.measure = "money" if q.unit in lexicon.currencies and lexicon.measures[head.id].unit != q.unit else head.id
        q.measure_text = head.text
        q.head_start = head.start
        q.end = last.end
        if q.unit is None and lexicon.measures[head.id].unit and head.id != "area":
            q.unit = lexicon.measures[head.id].unit
    elif q.unit in AREA_UNITS:
        q.measure = "area"
    elif q.unit is None:
        _demonym(text, q, pos, limit, lexicon)
        if q.measure is None:  # a noun no alias file names: keep its words, so topics can still be matched fuzzily
            head = list(TOKEN.finditer(text, pos, limit))[-1]
            word = head.group() if ABBREVIATION.fullmatch(head.group()) else head.group().rstrip(".")
            if word[0].islower() or word.isupper():  # "2,000 foreigners." ends the sentence, its stop not its noun's
                q.measure_text, q.head_start, q.end = word, head.start(), head.start() + len(word)


def _demonym(text: str, q: Quantity, pos: int, limit: int, lexicon: Lexicon) -> None:
    """ "35,000 Palestinians", "3.7 million Syrians live ...": a people named by its adjective counts people."""
    for token in TOKEN.finditer(text, pos, limit):
        word = token.group()
        if not (word.endswith("s") and word[0].isupper()):
            continue
        found = lexicon.entities.find(word[:-1]) or lexicon.entities.find(word)
        if found and found[0].end >= len(word) - 1:
            q.measure, q.measure_text, q.head_start, q.end = "people", word, token.start(), token.end()
            q.subject_hint = found[0].id
            return


# A part told against its whole's own number: " of the capital's 50 ", " of the 12 ", " of Thailand's 77 ".
PART_OF_NUMBER = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|(?:the\s+)?[\w.-]+['\u2019]s\s+)(?:[\w.-]+['\u2019]s\s+)?(?=\d|[a-z]+\s)"
)
NUMBER_THEN_NOUN = re.compile(r"(\d[\d,.]*|[a-z]+(?:-[a-z]+)?)\s+")


def is_number(word: str) -> bool:
    """Whether a word is a number, in digits or in words: "300", "nine", "Twenty-eight"."""
    return word[:1].isdigit() or (bool(word) and set(word.lower().split("-")) <= NUMBER_WORDS)


def _counted_by_its_whole(text: str, q: Quantity, lexicon: Lexicon) -> Mention | None:
    """The noun of the whole a bare number is a part of: "nine of the capital's 50 districts" counts districts."""
    if q.unit or q.vague or q.low in (None, 1) or q.end != q.num_end:
        return None
    of = PART_OF_NUMBER.match(text, q.num_end)
    whole = NUMBER_THEN_NOUN.match(text, of.end()) if of else None
    if whole is None or not is_number(whole.group(1)):
        return None
    nouns = lexicon.measure_words.find(text, whole.end(), whole.end() + PARTITIVE_NOUN_REACH)
    return nouns[0] if nouns and nouns[0].start == whole.end() else None


# After "of": the article of a partitive whose noun a number counts ("66 of the attacks", "12 of those killed").
PARTITIVE_OF = re.compile(r"(?i)\s+of\s+(?:the|these|those)\s+$")
PARTITIVE_NOUN_REACH = 30  # "rocket and drone attacks": one adjective or two before the noun


SUPERLATIVE_OR_NUMBER = re.compile(r"[\d,;.]|\b(?!(?:latest|earliest|newest)\b)\w+(?:est|most)\b")


def _partitive(text: str, pos: int, lexicon: Lexicon) -> bool:
    """Whether "of the" before ``pos`` opens a partitive the number is a part of: a counted noun follows within a
    word or two ("66 of the rocket attacks"), and no number of its own ("300 of the 2,000 migrants" is a whole)."""
    if not PARTITIVE_OF.search(text, max(0, pos - OF_REACH), pos):
        return False
    nouns = lexicon.measure_words.find(text, pos, min(len(text), pos + PARTITIVE_NOUN_REACH))
    if nouns and text.startswith(("'s", "\u2019s"), nouns[0].end):
        return False  # "20 of the country's 22 governorates": the noun owns the whole, it is not what is counted
    between = text[pos : nouns[0].start] if nouns else ""
    # not "one of the smallest turnouts": a superlative picks one out, it counts nothing ("two of the latest deaths"
    # are counted: "latest" says when, not which)
    return bool(nouns) and len(between.split()) <= 2 and not SUPERLATIVE_OR_NUMBER.search(between)


# Before a number, what makes a four-digit one a year: "the 2010 earthquake", "Haiti's 2010 earthquake".
YEAR_OWNER_BEFORE = re.compile(r"(?i)(?:\bthe|\bits|\btheir|'s|’s)\s+$")


def _adjective_of_noun(text: str, token: re.Match, lexicon: Lexicon) -> bool:
    """Whether a word like "reported" is an adjective of a counted noun right after it: "2,705 reported deaths"."""
    if token.group().lower() not in NOUN_ADJECTIVES or lexicon.states.after.match(text, token.start() - 1):
        return False  # "3,515 reported missing or dead" is a state of the people counted, not "reported deaths"
    return _counted_after(text, token.end(), lexicon, NOUN_AFTER_REACH)


# A participle after an adverb: " arrived" of "newly arrived migrants".
PARTICIPLE_AFTER = re.compile(r" [a-z]+ed\b")


def _participle_then_noun(text: str, pos: int, lexicon: Lexicon) -> bool:
    """Whether a participle describing a counted noun follows ``pos``: "(newly) mobilised troops"."""
    participle = PARTICIPLE_AFTER.match(text, pos)
    return bool(participle) and _counted_after(text, participle.end(), lexicon, NOUN_AFTER_REACH)


def _names_noun(text: str, token: re.Match, lexicon: Lexicon) -> bool:
    """Whether a word is a counted noun, or starts one, or is an adjective right before one: "missing", "housing
    units", "striking workers" (one look-up: a noun that does not start at the word is the first after it)."""
    nouns = lexicon.measure_words.find(text, token.start(), min(len(text), token.end() + NOUN_AFTER_REACH))
    return bool(nouns) and (nouns[0].start == token.start() or not text[token.end() : nouns[0].start].strip())


# Between a figure and its conversion: " (", " (or ", ", or " ("over 31 square miles, or 20,000 acres").
CONVERSION_GAP = re.compile(r"\s*\(\s*(?:or\s+)?|,\s+or\s+")

# A unit's definition, not a count: "(Each barrel contains about 42 gallons", "one acre equals 0.4 hectares".
UNIT_DEFINITION_BEFORE = re.compile(
    r"(?i)\b(?:each|every|one|a|an)\s+[a-z]+\s+(?:contains|holds|equals|is equal to|is equivalent to|is)\s+"
    r"(?:about\s+|roughly\s+|around\s+|approximately\s+|some\s+)?$"
)
UNIT_DEFINITION_REACH = 48  # "each barrel contains about " and the like
# ... or after it: "There are 42 gallons in a barrel", "640 acres in a square mile".
UNIT_DEFINITION_AFTER = re.compile(r"(?i)\s+(?:of [a-z]+\s+)?in\s+(?:a|an|one|each|every)\s+[a-z]+\b")


def _included_by_place(text: str, q: Quantity) -> bool:
    """Whether a word number opens a breakdown by place: "the deaths included one in Graves County"."""
    return bool(
        INCLUDED_BEFORE.search(text, max(0, q.start - INCLUDED_REACH), q.start)
        and ELIDED_PLACE_AFTER.match(text, q.end)
    )


def _elided(text: str, q: Quantity, previous: Quantity | None) -> bool:
    """Whether a number with no noun of its own stands in a clause parallel to a counted one's, before a place."""
    return (
        previous is not None
        # "36 people died in Mexico City, 29 in Puebla state, nine in the State of Mexico": a list of such clauses
        and (
            previous.measure is not None
            or previous.measure_text is not None
            or ELIDED_PLACE_AFTER.match(text, previous.end) is not None
        )
        and 0 < q.start - previous.end <= PARALLEL_REACH
        and not SENTENCE_BREAK.search(text, previous.end, q.start)
        and ELIDED_CLAUSE_BEFORE.search(text, previous.end, q.start) is not None
        and ELIDED_PLACE_AFTER.match(text, q.end) is not None
    )


SHORT_YEAR_MARKS = frozenset("'\u2018\u2019")  # the apostrophe of a year written short: "'08", "’90s"


def _state_before(text: str, q: Quantity, lexicon: Lexicon) -> bool:
    """Whether what befell the counted comes right before the number: "killed three" (not "reached zero": a count
    that got there)."""
    state = lexicon.states.before.search(text, max(0, q.start - STATE_BEFORE_REACH), q.start)
    return state is not None and state.group(1).lower() != "reached"


CHANGED_FROM_BEFORE = re.compile(r"(?i)\b(?:up|down)\s+from\s+$")


# Words a title-cased line leaves in lower case: a number word capitalised after one may be a headline's.
TITLE_SMALL_WORDS = frozenset("a an the and or nor but of in on at to by for from with as vs via".split())
WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+\Z")  # on the same line
POSSESSIVE = re.compile(r"['\u2019]s\b")
CASE_REACH = 30


def _named_by_case(text: str, start: int, end: int) -> bool:
    """Whether a capitalised number word is a name: after a lower-case word of its sentence ("the pop band
    Seventeen", "three Seventeen members"), which a title-cased headline would have capitalised, or owning
    something ("Seventeen's bassist")."""
    if POSSESSIVE.match(text, end):
        return True
    before = WORD_BEFORE.search(text, max(0, start - CASE_REACH), start)
    return before is not None and before.group(1)[0].islower() and before.group(1) not in TITLE_SMALL_WORDS


def _keep(text: str, q: Quantity, match: re.Match, previous: Quantity | None, lexicon: Lexicon) -> bool:
    """Drop what is not a count: bare years, lone word numbers, numbers that are names, units' definitions."""
    raw = match.group()
    if (
        q.unit is not None
        and q.unit not in lexicon.currencies | {"percent", "fraction", "times"}
        and (
            UNIT_DEFINITION_BEFORE.search(text, max(0, q.start - UNIT_DEFINITION_REACH), q.start)
            or UNIT_DEFINITION_AFTER.match(text, q.end)
        )
    ):
        return False
    if q.unit in AREA_UNITS:
        q.measure = q.measure or "area"
    if q.unit in MASS_UNITS:
        q.measure = q.measure or "mass"  # "2,750 tonnes of ammonium nitrate", "20 kg of cocaine"
    if q.unit in lexicon.currencies:
        q.measure = q.measure or "money"
    if raw.isdigit() and len(raw) == 2 and text[q.num_start - 1 : q.num_start] in SHORT_YEAR_MARKS:
        return False  # "from '08 quake", "the ’90s": a year written short
    year_like = raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100 and q.unit is None
    if year_like and (q.measure is None or YEAR_OWNER_BEFORE.search(text, max(0, q.start - 8), q.start)):
        return False  # a year: "in 2014", "Haiti's 2010 earthquake killed"; not "1800 provisional ballots"
    if (
        not raw[0].isdigit()
        and q.qualifier == "exact"
        and THE_BEFORE.search(text, max(0, q.start - DETERMINER_REACH), q.start)
        and q.low
        and q.low < 13
        and REFERRED_NOUN.match(text, q.num_end)
    ):
        return False  # "the two countries", "both cities": a reference to places or parties already named
    if (
        not raw[0].isdigit()
        and q.measure is None
        and q.unit is None
        and q.qualifier in ("exact",)
        and raw.lower() in ("one", "a", "an")
        and not _elided(text, q, previous)  # "... nine in the State of Mexico and one in Guerrero"
        and not _included_by_place(text, q)
    ):
        return False  # "at one point", "one way or another": "one" before a noun no alias names is an idiom
    if (
        not raw[0].isdigit()
        and q.measure is None
        and q.unit is None
        and q.qualifier in ("exact",)
        and q.measure_text is None
        and (q.low or 0) < 1000
        and not _elided(text, q, previous)
        and not _included_by_place(text, q)
        and not FIGURE_VALUE_BEFORE.search(text, max(0, q.start - FIGURE_VALUE_REACH), q.start)
        and not (previous is not None and PART_OF_WHOM.match(text, q.num_end))
        # "ordered in nine districts, up from eight a day earlier": the figure the count before changed from
        and not (previous is not None and CHANGED_FROM_BEFORE.search(text, max(0, q.start - 12), q.start))
        and not lexicon.states.after.match(text, q.end)  # "nine perished", "three were injured"
        and not _state_before(text, q, lexicon)
    ):
        # "one of the", "at one point", "two of them"; not "half a million had turned out", "the death toll rose
        # to four", "Four attackers were killed, three of whom were wearing explosive belts"
        return False
    if raw[0].isupper() and not raw[0].isdigit() and _named_by_case(text, q.num_start, q.num_end):
        return False  # "the pop band Seventeen", "three Seventeen members", "Seventeen's bassist": a name
    if raw.lower() in ("one", "a", "an") and q.measure == "duration" and q.qualifier == "exact":
        return False  # "one day, ...": an idiom, not a duration
    if q.measure == "duration" and DURATION_AS_TIME.match(text[q.end : q.end + DURATION_IDIOM_REACH]):
        return False  # "Five years on, ...": a time, not a count
    small = raw.isdigit() and len(raw) <= 4 and q.qualifier == "exact"
    listed = text[max(0, q.start - 2) : q.start].strip() == ":"  # "Idaho: 30 Population of ...": a list's value
    named_after = NAME_AFTER.match(text, q.end) and not _month_or_day(WORD_AFTER.match(text, q.end).group(1))
    if q.measure is None and q.unit is None and small and not listed and named_after:
        return False  # "60 Minutes", "737 MAX"; not "80,000 Syrians" nor "between 5,000 and 6,000 Europeans"
    if (
        q.measure is None
        and q.unit is None
        and text[q.start - 1 : q.start] == "("
        and text[q.end : q.end + 1] == ")"
        and (q.low or 0) < 100
    ):
        return False  # "(1)": a list marker or a footnote; not "Greece (821,008)"
    return True
