"""On whose word a claim is: "according to X", "X said", "X put the number at", "a report by X", "..., X said."

A speaker is a noun phrase (a person, an organisation, "U.S. officials") or nothing, never a fragment of the
clause; each clause of a sentence may have its own ("Organizers put it at 50,000; police estimated 12,000").
"""

from __future__ import annotations

import re
from itertools import pairwise

from .dates import MONTHS, PART_OF_DAY, WEEKDAYS
from .incidents import INSTITUTION_AFTER
from .lexicon import Lexicon
from .numbers import TENS, UNITS
from .places import past_dateline
from .quantities import Quantity

# Reporting verbs: "X said", "X estimated", "X put the number at".
# (Only forms that are rarely nouns: "states", "reports", "claims" are left out.)
REPORT = (
    r"said|says|told|tells|estimated|reported|put|puts|counted|tallied|recorded|tracked|documented|"
    r"claimed(?![^.;]{0,30}\blives\b)|"  # not "has claimed the lives of nine", "claimed 300 lives"
    r"announced|stated|confirmed|warned|noted|found|showed|believes|believed|assessed|calculated|cited|wrote|"
    r"added|acknowledged|insisted|determined|verified|according|clarified|explained|"
    r"accused|alleged|"  # "The opposition accused the army of killing 1,193 people"
    r"revealed|disclosed|"  # "A source at the Refugees Commission has revealed that it expects 200,000"
    # "the China Earthquake Administration registered the blast at a magnitude of 2.3"
    r"(?:registered|measured|rated)(?=\s+(?:the|a|an|it)\s+(?:[a-z]+\s+){0,2}at\b)|"
    r"identified|interviewed|"  # "Researchers identified 12 of the dead", "The team interviewed 52 survivors"
    # "The Observatory gave a count of 322 dead" (not "gave their lives"); "the police place the figure at 260,000"
    r"(?:gave|gives|place|places|placed)"
    r"(?=\s+(?:a|an|the|its|their|his|her)\s+(?:[a-z]+\s+)?(?:count|toll|figure|estimate|tally|number|crowd|turnout)s?\b)|"
    r"pledged|promised|"  # "Pinault pledged €100m": a pledge is on the word of who makes it
    # "authorities declared the official death toll from the landslide to be 28" (not "declared an emergency")
    r"declared(?=\s+(?:the|its|their|a|an)\s+(?:[\w-]+\s+){0,2}(?:toll|count|figure|number|total|tally)\b)|"
    # "The report also lists two people in Charlotte County" (not "casualty lists show")
    r"(?:lists|listed)(?=\s+(?:only\s+|just\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|more|fewer|"
    r"about|around|some|nearly|almost|at\s+least)\b))|"
    # "The agency reports more than $439 million": a verb where a figure follows (not "news reports said")
    r"reports(?=\s+(?:that\s+)?(?:more|fewer|less|about|around|some|nearly|almost|at|over|up|\$|\d))"
)

# A reporting verb and a few words after it, no comma or quote: "said", "said on Thursday".
REPORTED = rf"(?:{REPORT})\b[^,\"]{{0,60}}"

# Words for data and the verbs they speak by: "UNHCR figures show", "Data from ACLED suggest".
DATA_NOUN = r"data|figures|statistics|estimates|records|numbers"
DATA_VERB = r"show|shows|showed|suggest|suggests|indicate|indicates"

# Documents whose author is the source: "a report by Human Rights Watch", "the count kept by the WHO".
DOCUMENT = r"report|study|survey|count|tally|estimate|analysis|assessment|data|figures"

WEEKDAY = "|".join(WEEKDAYS)  # "monday|tuesday|...": a time, where a speaker was looked for
MONTH = "|".join(MONTHS)  # "january|...|jan|feb": a time too


def _name_after(most: int) -> str:
    """A source named after its cue ("according to the Butte County Sheriff's Office"): a word, then up to ``most``
    more, none holding a comma, semicolon, colon or bracket (they end the name)."""
    return rf"[^\s,;:()]+(?:\s+[^\s,;:()]+){{0,{most}}}"


def _words_before(most: int) -> str:
    """A speaker before its verb: one to ``most`` words, each with its space, as few as can be."""
    return rf"(?:[\w.'-]+\s){{1,{most}}}?"


def _sentence_end(words: str) -> re.Pattern[str]:
    """``words`` after a comma, a colon or a quote, ending the sentence (a full stop and a closing quote may follow
    them): the speaker that comes after what was said ("..., as the Civil Defense Authority announced on Sunday")."""
    return re.compile(rf"(?:,|:|\")\s*(?:as\s+)?{words}\.?\"?$")


# Verbs that open a report after its source ("Officials expect", "Analysts estimate"); a determiner before one
# makes it a noun.
LEAD_VERB = re.compile(
    rf"\b(?:{REPORT}|expect|expects|estimate|estimates|believe|fear|fears|feared|worried|say|warn|warns|claims|claim|"
    r"determine|"
    # "Duisburg city officials held a press conference July 25 to announce that the 21 people killed ..."
    r"(?:held|gave|called)\s+an?\s+(?:news|press)\s+(?:conference|briefing)|"
    r"(?:is|are|was|were)\s+reporting|"  # "CNN is reporting over 160 dead" (not "reports": "Media reports said")
    r"dispute|disputes|disputed|"  # "but ministers dispute this, putting the number closer to 1.2 million"
    r"argue|argues|argued|contend|contends|contended|maintain|maintains|maintained|"
    r"placed|pegged|raised|lowered|revised|upped|came up with|come up with|comes up with|"
    r"suggested|suggests|concluded|concludes|projected|projects|predicted|predicts|predict|forecast|forecasts|"
    # "Government scientists Tuesday increased the estimate ... to": a revision of a figure, not a count that grew
    r"(?:increased|decreased|cut|doubled|halved)(?=\s+(?:the|its|their|an?)\s+(?:[\w-]+\s+)?"
    r"(?:estimate|figure|forecast|projection|count|tally|toll)\b))\b"
)

# "the count grew after the IOM said", "while organizers put it at": the speaker follows the clause's opener.
SUBORDINATOR = re.compile(r"(?i)^.*\b(?:while|whereas|though|although|when|after|before|because|since|as|if)\s+")

# "said that", "estimated that": a verb that opens a reported clause.
THAT_AFTER = re.compile(r"\s+that\b")

# A rival figure set against the one before, in a clause of its own: "far fewer than the", "below the".
RIVAL_FIGURE = (
    r"(?:(?:far|much|well|many)\s+)?(?:(?:fewer|more|less|higher|lower|greater|smaller|larger)\s+than|below|above)"
    r"\s+the"
)

# A relative clause whose own subject revises the figure before: "(288,) which the state government revised to 275".
REVISING_RELATIVE = (
    r"(?:which|that)\s+(?:[\w.'-]+\s+){1,5}(?:later\s+|then\s+)?"
    r"(?:revised|raised|lowered|upped|put|pegged|placed|cut|increased|reduced)\b"
)
REVISED_AFTER_CLAUSE = re.compile(rf",\s+{REVISING_RELATIVE}")

# Where a sentence turns to another speaker: "; though police estimated", ", while the ministry said",
# ", an estimate the Coast Guard later raised".
CLAUSE_SPLIT = re.compile(
    r";\s*|,\s+(?=(?:while|whereas|but|though|although|however)\b)"
    # a rival's clause with no comma before it: "... between three and four billion dollars while Pakistan estimates"
    r"|\s+(?=(?:while|whereas)\s+(?:the\s+)?[A-Z])"
    r"|,\s+(?=(?:an?|the)\s+(?:estimate|figure|number|count|toll)\b)"
    # ", which the state government revised to 275": a relative clause whose own subject gives another figure
    rf"|,\s+(?={REVISING_RELATIVE})"
    # ", rather than the 680,000 counted by the IOM", ", far fewer than the 25,000 Prigozhin claimed": a rival figure
    # with its own source
    r"|,\s+(?=(?:rather than|instead of)\s+(?:the|a|an)\b)"
    rf"|,\s+(?={RIVAL_FIGURE}\b)"
    # ", and the ministry put the figure at": a second speaker of its own
    rf"|,\s+(?=and\s+(?:the|a|an)\s+(?:[\w.'-]+\s+){{0,4}}(?:{REPORT})\b)"
    # ", and Puente put Puebla's death toll at 43": a named one
    rf"|,\s+(?=and\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}\s+(?:{REPORT})\b)"
    # "(the police place the figure at 260,000)": a rival's in brackets
    rf"|\s*\((?=(?:(?:the|a|an)\s+)?(?:[\w.'-]+\s+){{1,4}}(?:{REPORT})\b)"
)

# A sentence opened by a contrast's clause, the main clause after its comma: "While the ministry put it at 231, ...".
CONTRAST_SENTENCE = re.compile(r"[\s\"“]*(?:While|Whereas|Although|Though)\b")
# A clause that turns against the one before: ", but", ", while", "; though".
CONTRAST_OPENING = re.compile(
    r"(?i)(?:,|;)\s*(?:but|while|whereas|though|although|however|rather than|instead of"
    # a rival figure's clause: "..., far more than the CIA's estimate of up to 31,500"
    rf"|{RIVAL_FIGURE})\b"
)

SPEAKER_OPENING = 8  # "; the " before a speaker that opens the clause after a semicolon

# A relative clause set off by commas: ", which has lost about 11,000 fighters in the war,".
RELATIVE_TO_VERB = re.compile(r",\s*(?:which|who)\b[^;]*,\s*$")
RELATIVE_ASIDE = re.compile(r",\s*(?:which|who)\b(?:[^,;]|(?<=\d),(?=\d))*,")  # "11,000" holds no clause's comma
# A relative clause closing a speaker's noun phrase: " that capsized off Libya", " who fled the city".
TRAILING_RELATIVE = re.compile(r"\s+(?:that|which|who)\s+\S.*$")
# A relative clause whose own subject says the figure: "losses that the World Bank put at", "a toll which officials
# put at", "288, which the state government revised to", "Tacloban, where officials had feared" (the speaker is the
# words after the pronoun).
RELATIVE_SUBJECT = re.compile(
    r"(?:^|\s)(?:that|which|where)\s+(?=\w)(?![a-z]+ed\b|(?:is|was|are|were|has|had|have|will|would|could|can)\b)"
)  # not "the boat that capsized off Libya has told": the pronoun is the clause's subject there

# A number and the space after it: "20 ", "1,000 ", "3rd, "; a speaker follows the last ("on April 20 BP said").
NUMBER_TOKEN = re.compile(r"\d[\d,.]*(?:st|nd|rd|th)?,?\s+")
# A count (not a year, a day or an ordinal) and a lower-case noun after it: "546 injuries", "5,300 deaths".
COUNT_NOUN_AFTER = re.compile(r"(?!(?:1[89]|20)\d\d\b)\d(?:[\d,.]*\d)?\s+[a-z]")
CLAUSE_MARK = re.compile(r"[,;:\"\u201d]")  # ... unless a new clause or a quotation's end comes between

# "an estimate the Coast Guard later raised to 5,000": who revised a figure.
REVISED_BY = re.compile(
    r"\b(?:estimate|figure|number|toll|count|tally)\s+(?:that\s+)?((?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})"
    r"\s+(?:later\s+|then\s+|subsequently\s+|has\s+|had\s+)?(?:raised|lowered|revised|upped|put|pegged|placed|set)\b"
)

# Verbs that are never a noun nor an adjective, so no determiner before them makes them one: "the official said".
SPEECH_ONLY = re.compile(r"(?i)said|says|told|tells|wrote|added|warned|noted|insisted|acknowledged")

# A passive's auxiliary before a verb: "are believed", "was widely reported": no speaker leads it.
PASSIVE_BEFORE = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|being)\s+(?:(?:[a-z]+ly|earlier|later|first|then|also|once)\s+)?$"
)  # "The toll was earlier put at 288": a figure, no one who gave it

# Words before a verb that open with a relative pronoun are a clause, not a name: "which estimated", "who said".
RELATIVE = re.compile(r"(?i)(?:which|who|that|whom|whose|where)\b")

# A determiner before a reporting verb makes it a noun: "the estimate", "their revised estimate", "its claim".
_DETERMINERS = r"a|an|the|this|that|its|their|his|her"
NOUN_BEFORE = re.compile(
    rf"(?i)(?:\b(?:{_DETERMINERS}|our|member)|['\u2019]s)\s+"  # "the government's previous"
    r"(?:(?:previous|latest|new|initial|official|first|last|earlier|revised|best|current|final|own)\s+)?$"
)

# Words that make the words before a verb a clause, not a name: "53,000 barrels were flowing—on the high end of".
CLAUSE_INSIDE = re.compile(r"(?i)\b(?:is|are|was|were|been|being|will|would|could|should|does|did)\b|[—–]")

# A document no one is named as the author of: "the latest update on Monday", "official figures", "the data".
_DOCUMENT_NOUN = rf"(?:update|{DOCUMENT}|numbers|statistics|toll)"  # what is published: "update", "toll"
UNSIGNED_DOCUMENT = re.compile(
    rf"(?i)(?:the\s+|an?\s+)?(?:(?:latest|last|new|newest|recent|official|daily|updated|final|preliminary|initial)\s+)*"
    rf"{_DOCUMENT_NOUN}(?:\s+(?:on|from|of)\s+\w+)?"
)
# A document and who gave it: "a new mounting toll given by police", "the latest figures released by the ministry".
GIVEN_BY = re.compile(
    r"(?i)(.+?)\s+(?:given|issued|released|published|compiled|provided|announced|put out)\s+by\s+(.+)$"
)
GIVEN_DOCUMENT = re.compile(rf"(?i)(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,3}}{_DOCUMENT_NOUN}")
# "according to the Butte County Sheriff's Office": the words after it name the speaker.
ACCORDING_TO = re.compile(rf"(?i)\baccording to\s+({_name_after(13)})")

# "a report issued on Tuesday by the CDC", "the count kept by the WHO", "a posting on the Sheriff's Office Facebook
# page": the author, not the document.
DOCUMENT_BY = re.compile(
    rf"(?i)^(?:[\w.'-]+\s+){{0,3}}?(?:{DOCUMENT}|projection|model|posting|statement|update)\b"
    # "issued on Tuesday by the CDC": "on" a day dates the document, "by" names its author
    r"[^,;]{0,60}?\b(?:by|from|on(?!\s+(?:\w+day|\d|" + "|".join(MONTHS) + r")\b))\s+(.+)$"
)

# A speaker pointing back to one named before ("That same group has now concluded that ..., McNutt said"): the
# name at the sentence's end says more, else the one named before does.
POINTING_BACK = re.compile(r"(?i)\s*(?:that|this|these|those|the same|such)\b")

# Verbs that name who made a document: "a survey conducted by", "the report, commissioned by USAID".
AUTHORED = r"(?:conducted|carried out|commissioned|prepared|published|written|compiled|funded|produced|led)"
# A document with its author in apposition before the verb: "Another survey, by a U.S. aid agency, suggested".
DOCUMENT_APPOSITIVE = re.compile(
    rf"(?i)^(?:[\w.'-]+\s+){{0,3}}?(?:{DOCUMENT}|projection|model)\s*,\s*(?:by|from|{AUTHORED}\s+by)\s+"
    r"([^,]{1,80}?)(?:\s+to\s+[^,]{1,80})?,$"  # "The report, commissioned by USAID to help it ..., estimates"
)

# "Data from ACLED show", "figures released by the ministry".
DATA_FROM = re.compile(
    rf"(?i)\b(?:{DATA_NOUN}|tallies)\s+(?:from|by|compiled by|released by|published by|provided by)\s+"
    rf"({_name_after(9)}?)(?=\s+(?:{DATA_VERB}|put|puts)\b|[,;:]|$)"  # the name as short as the verb allows
)

# "the toll cited by the opposition", "a count confirmed by the WHO", "crossings were detected by member states",
# "the deaths reported earlier by the government".
CITED_BY = re.compile(
    r"(?i)\b(?:cited|given|provided|released|published|compiled|confirmed|reported|issued|counted|detected|"
    r"recorded|registered|tallied|documented|logged|verified|predicted|forecast|projected|estimated|announced|claimed|"
    r"made official|made public|disclosed)(?:\s+(?:without|with)\s+[a-z]+)?"
    r"(?:\s+(?:earlier|later|previously|initially|first|originally|separately|officially|publicly))?"
    rf"(?:\s+(?:on|last|this)\s+(?:{WEEKDAY}))?\s+by\s+"  # "announced on Wednesday by regional officials"
    # a time ("by then"), not a title ("by then-prime minister Bellerive")
    rf"(?!(?:midnight|noon|dawn|dusk|then|now|mid|early|late|the end|the time|{WEEKDAY}|{MONTH})\b(?!-))"
    # bodies "claimed by the victims' kin": taken home, no figure given
    r"(?!(?:the\s+|their\s+)?(?:victims['\u2019]?\s+)?(?:kin|relatives|families|family|next of kin|loved ones)\b)"
    # the name as short as the sentence allows: "by the Home Office in the first half of the year"
    # or a verb: "the 900 cases confirmed by the health ministry were only a fraction"
    rf"({_name_after(7)}?)(?=\s+(?:in|on|at|during|last|this|since|after|before|over|for|as|and|"
    # "the deaths confirmed by the MEC include: ...": the figure's verb
    r"is|are|was|were|has|have|had|include|includes|included|stood|stands|rose|remain|remains|remained)\b|[,.;:]|$)"
)

# A figure the press carried: "the 2,000 deaths reported across several media", "reported in local media".
REPORTED_IN_MEDIA = re.compile(
    r"(?i)\b(?:reported|cited|published|carried|circulating)\s+(?:in|across|by|on)\s+"
    r"((?:[\w-]+\s+){0,3}?(?:media|press|newspapers|news\s+outlets|outlets|social\s+media))\b"
)

# Another figure than the sentence's own, before who gave it: "discrepancies in a higher toll (given by)".
OTHER_FIGURE = re.compile(
    r"(?i)\b(?:higher|lower|larger|smaller|bigger|different|rival|separate|conflicting)\s+(?:death\s+)?"
    r"(?:toll|figure|count|estimate|number|tally|total)s?\s+$"
)
OTHER_FIGURE_REACH = 40

# Who passed a statement on, set off by commas: ", as reported by Time in January 2010, ".
CONDUIT = re.compile(r"(?i),\s+as\s+(?:reported|quoted|cited|told)\s+(?:by|to|in)\s+[^,;]{1,60},\s*")
# A report told in a participle after its clause: ", saying that", ", estimating that".
PARTICIPLES = (
    "saying estimating adding noting warning claiming reporting arguing insisting putting calculating stating "
    "announcing confirming"
)
PARTICIPLE_REPORT = re.compile(rf",\s+(?:{'|'.join(PARTICIPLES.split())})\b")
PARENTHETICAL = re.compile(r"\s*\([^()]{0,80}\)")  # "(who knew this was a thing!)"
# Words that end a clause's subject: a verb in the past ("marked", "interviewed") or a common finite verb.
FINITE_VERBS = frozenset(
    "has have had is are was were gave gives give made makes put puts took takes said says held holds found finds "
    "shows showed reached reaches sent sends told tells set sets led leads saw sees".split()
)
MAX_SUBJECT_WORDS = 6  # "Officials in the eastern Kharkiv region": longer, it is a clause
# Verbs that give or change a figure: their subject is its source ("Maui officials lowered the toll to 97").
FIGURE_VERB = re.compile(
    r"(?i)put|puts|placed|pegged|raised|lowered|revised|upped|increased|decreased|cut|doubled|halved|estimated"
)
# A quotation's end: its last punctuation, then the quote mark (English copy puts the comma inside).
CLOSING_QUOTE = re.compile(r"[,.!?][\"\u201d]")
# A reporting verb coordinated with an earlier one: "analyzed photographs ... and estimated that" (not "A team then
# pegged": an adverb); none inside a relative clause ("..., which he calls ... and says").
COORDINATED_TAIL = re.compile(r"(?:\sand|,\s*then|\sand\s+then)$")
RELATIVE_CLAUSE = re.compile(r"(?i),\s*(?:which|who|whom|whose|that)\b")
# Such a verb in the past, as coordinated reports are ("estimated", "said"; not the noun "estimates").
PAST_VERB = re.compile(r"(?i)[a-z]+ed|said|told|put|wrote|found|gave")
# Verbs that make the words before a coordinated report a clause of their own: "The count is based on ... and".
AUXILIARIES = frozenset("is are was were has have had".split())

# Words that describe how a figure was made: "based on police data", "compiled from".
METHOD_BEFORE = re.compile(r"(?i)\b(?:based on|drawn from|stemming from|compiled from|derived from)\b")

# "a U.N. tally of Ebola deaths", "the AP count of", "a CIA estimate in 2014 of": a named body's figure of something.
NAMED_TALLY = re.compile(
    r"\b((?:(?!(?:The|Their|Its|His|Her|Our|This|That|These|Those|A|An)\s)[A-Z][\w.&'-]*\s){1,4}"
    r"(?:tally|count|estimate|assessment))(?:\s+(?:in|from)\s+\d{4})?\s+of\b"
)

# "UNHCR figures show", "ACLED data show".
NAMED_DATA = re.compile(rf"\b((?:[A-Z][\w.&'-]*\s){{1,5}})(?:{DATA_NOUN})\s+(?:{DATA_VERB})\b")

# "(per tally by Jeremy Pressman, Erica Chenoweth)", ", per the health ministry": on whose word, in a word.
PER_SOURCE = re.compile(
    r"(?i)(?:\(|,\s)per\s+(?:(?:a|an|the)\s+)?"
    r"(?:(?:tally|count|estimate|estimates|report|data|figures)\s+(?:by|from)\s+)?"
    r"([^\s,;:()]+(?:,?\s+[^\s,;:()]+){0,7})"
)

# Initials a text gives a name it has just written: " (CDC)", " (IOM)".
INTRODUCED_INITIALS = re.compile(r"\s*\(([A-Z][A-Za-z.&-]{1,11})\)")

# A source's cue right after a number: "5,864 according to", "3,000 (per".
ATTACHED_SOURCE = re.compile(r"(?i)\s+\(?(?:according\s+to|per)\s+")
# Where the words naming an attached source end, the sentence going on: the next comma, semicolon or bracket.
CLAUSE_END = re.compile(r"[,;)]")

# A headline that ends with its source: "Ebola death toll passes 10,000: WHO".
HEADLINE_SOURCE = re.compile(
    # "...: World Bank-ADB report": the source and what it spoke in
    r":\s+((?:[A-Z][\w.&'-]*\s?){1,4}?(?:\s*(?:report|study|survey|data|figures|estimate|says))?)\s?$"
)

# A headline that opens with its source: "Study: Hurricane Maria killed 4,645", "Police: 12 dead in shooting".
HEADLINE_LEAD_SOURCE = re.compile(
    r"^((?:[A-Z][\w.'-]*\s)?(?:Study|Report|Survey|Poll|Census|Police|Officials|Researchers|Scientists|Experts|"
    r"UN|U\.N\.|WHO|Pentagon|Army|Military|Ministry)"
    # an agency's initials: "FEMA: 8 dead" (not a page's label: "UPDATE: 5 dead", "WATCH:")
    r"|(?!(?:UPDATE|UPDATED|UPDATES|BREAKING|WATCH|VIDEO|LIVE|PHOTOS?|LISTEN|READ|OPINION|ANALYSIS|EXCLUSIVE|NEW|"
    r"FACT|CHECK|MORE|ALSO|EDITORIAL|CORRECTION|UK|US|USA)\b)[A-Z]{2,6}):\s"
)
# A document whose participle reports what follows: "a new United Nations monitoring-team report estimating that",
# "a survey finding that".
DOCUMENT_SAYING = re.compile(
    rf"(?i)\b((?:a|an|the)\s+(?:[\w.'-]+\s+){{0,5}}?(?:{DOCUMENT}|review|census))\s+"
    r"(?:estimating|finding|showing|saying|suggesting|concluding|reporting)\b"
)

# "claims by Somalia's president that 200 soldiers died": a claim and who made it.
CLAIM_BY = re.compile(
    r"(?i)\b(?:claims?|assertions?|allegations?|statements?)\s+(?:made\s+)?by\s+"
    r"([^\s,.;:]+(?:\s+[^\s,.;:]+){0,6}?)\s+that\b"
)

# The word between a document and its author: "by", "from".
SOURCE_AFTER_DOCUMENT = re.compile(r"(?i)\s(?:by|from)\s")
EVENT_WORDS_BEFORE = 2  # "the mass " before an event's word: the words are the event's, no author's
# "a report by Human Rights Watch", "the latest count from UNHCR": a document and its author.
BY_SOURCE = re.compile(
    rf"(?i)\b((?:a|an|the)\s+(?:[\w.-]+\s+){{0,2}}(?:{DOCUMENT}|review|investigation|update|bulletin|statement)\s+"
    r"(?:by|from)\s+[^\s,.;:]+(?:\s+[^\s,.;:]+){0,7})"
)

# A figure its owner gives: "the Haitian government's official toll of more than 316,000", "UNHCR's count of 1,000",
# "the ministry's toll now stands at 3,283", "Central Command's figure for the same period was far lower: roughly".
_FIGURE_NOUN = r"(?:toll|count|estimate|figure|tally|total)"  # the nouns of a figure someone gives
OWNED_FIGURE = re.compile(
    r"((?:[A-Z][\w.&-]*\s+){0,3}(?:[A-Z][\w.&-]*|(?:(?:state|federal|central|provincial|regional|local)\s+)?"
    r"(?:government|ministry|police|army|agency|military)))['\u2019]s\s+"
    rf"(?:[a-z]+\s+){{0,2}}{_FIGURE_NOUN}(?:\s+for\s+[^,;:.]{{1,30}}?)?\s+"
    # "the state government's revised toll remains unchanged at", "On the state government's toll remaining at"
    r"(?:of|at|(?:was|is)(?:\s+at)?|(?:now\s+)?(?:stood|stands|remains|remained|remaining)(?:\s+unchanged)?\s+at)"
    r"(?:\s+(?:far\s+|much\s+|slightly\s+|even\s+)?(?:lower|higher|smaller|larger|bigger|greater))?:?\s+$"
)
OWNED_FIGURE_REACH = 120  # "the Haitian government's official death toll of ", "... for that period was far lower: "
# ... and one owned by the other of two: "one ministry's tally of 38,195 dead and another's of 30,957".
OTHER_OWNER = re.compile(rf"\b(?:[Aa]nother|[Tt]he\s+other)['\u2019]s\s+(?:{_FIGURE_NOUN}\s+)?(?:of|at|was|is)\s+$")
OTHER_OWNER_REACH = 40
# ... or its owner's name before the figure's noun, a body's: "The U.N. death toll of 4,460" (not "the Haiti
# death toll", a place's, nor "the Camp Fire death toll", an event's).
ATTRIBUTIVE_FIGURE = re.compile(
    r"\b[Tt]he\s+((?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*)\s+(?:[a-z]+\s+){0,2}"
    rf"{_FIGURE_NOUN}\s+(?:of|at|(?:was|is|(?:now\s+)?(?:stood|stands))\s+at)\s+$"
)
# A figure and who gave it, after the number: "the 2,357 tally the Philippine government announced".
SOURCE_AFTER_FIGURE = re.compile(
    r"\s+(?:tally|toll|count|figure|estimate)\s+(?:that\s+)?"
    r"((?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,4}(?:[A-Z][\w.'-]*|government|ministry|agency|police|army|officials|"
    r"authorities))\s+(?:had\s+|has\s+)?(?:earlier\s+|later\s+|first\s+)?"
    r"(?:announced|gave|reported|released|issued|published|cited|confirmed)\b"
)
SOURCE_AFTER_REACH = 90
OWNER_HEAD = re.compile(rf"([A-Za-z]+)['\u2019]s\s+(?:[a-z]+\s+){{0,2}}{_FIGURE_NOUN}\b")

# A determiner before a reporting verb's word makes it a noun: "Another estimate", "A second estimate", "its count".
NOUN_DETERMINER = re.compile(rf"(?i)\b(?:{_DETERMINERS}|another|one|second|third|new|latest|separate)\s+$")
# A figure a pronoun gives a source: "His estimate ... is", "their count": the article's last named speaker's.
PRONOUN_SOURCE = re.compile(
    r"(?i)\b(?:his|her|their)\s+(?:\w+\s+)?(?:estimate|estimates|count|figure|figures|tally|calculation|analysis|"
    r"projection|numbers)\b"
    # "..., it said": the speaker named last, a paragraph or more before
    r"|\b(?:it|he|she)\s+(?:said|says|added|adds|stated|reported|told)\b"
)

# "..., officials said." / "..., said a senior official." at the end of a sentence.
SAID_AFTER = _sentence_end(rf"({_words_before(8)}){REPORTED}")

# "..., Sabrina Singh, a Pentagon spokeswoman, said Thursday."
SAID_AFTER_APPOSITIVE = _sentence_end(rf"({_words_before(5)})?([\w.'-]+,\s{_words_before(6)}){REPORTED}")

# A speaker set off by commas in the middle of a sentence: "..., a senior Iraqi security official told Reuters, far
# more than Western estimates."
SAID_MIDDLE = re.compile(
    r",\s+((?:(?:a|an|the)\s+)?[^,;\"“”]{1,60}?)\s+(?:said|says|say|told\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|added)\s*,\s+"
    # the sentence goes on in lower case (not "..., officials said, Many more ..."), or names who reported the saying:
    # "... has risen to 259, officials say, BBC reported."
    r"(?=[a-z]|(?:[A-Z][\w.]*\s+){1,4}(?:reported|reports|said|says)\b)"
)

# The verb before its speaker at a sentence's end: "..., said Sabrina Singh, a Pentagon spokeswoman."
SAID_INVERTED = _sentence_end(
    # "..., said spokesman for the National Agency for Disaster Management (BNPB) Sutopo Nugroho."
    r"(?:said|says|added|wrote|noted|told reporters|explained)\s+"
    r"([A-Za-z.'-]+(?:,?\s+(?:[A-Za-z.'-]+|\([A-Z]{2,}\))){0,13})"
)

# ... a name, then an appositive of any length: ", said Lieutenant Mir Rabbi, an official in the army control room
# set up to coordinate disaster relief efforts."
SAID_INVERTED_NAMED = _sentence_end(
    r"(?:said|says|added|told reporters)\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}),\s+"
    r"(?:an?|the)\s+[^;\"\u201d]{1,240}"
)

# A quote closed, then who said it, the sentence going on: '"... without homes," said Marwan Aboud, adding that'.
QUOTE_SAID = re.compile(
    r"[,.!?][\"\u201d]\s+(?:said|says|added|wrote|explained)\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)"
)

# At a sentence's end a present-tense verb is plainly a verb: "..., the U.N. estimates."
SAID_AFTER_PRESENT = _sentence_end(
    rf"({_words_before(8)})"
    r"(?:estimates|says|reports|warns|claims|states|counts|notes|finds|believes|thinks|argues|insists|adds|shows|show|"
    r"confirms|announces|acknowledges|explains)"
)

# The forms that name a source, in the order they are tried, each with words one of which it cannot match without.
SOURCE_FORMS = (
    (ACCORDING_TO, ("according",)),
    (PER_SOURCE, ("per",)),
    (CLAIM_BY, ("by",)),
    (BY_SOURCE, ("by", "from")),
    (DATA_FROM, ("by", "from")),
    (NAMED_DATA, ("show", "suggest", "indicate")),
    (NAMED_TALLY, ("tally", "count", "estimate", "assessment")),
    (CITED_BY, ("by",)),
    (REPORTED_IN_MEDIA, ("media", "press", "newspapers", "outlets")),
    (REVISED_BY, ("raised", "lowered", "revised", "upped", "put", "pegged", "placed", "set")),
    (HEADLINE_SOURCE, (":",)),
    (HEADLINE_LEAD_SOURCE, (":",)),
    (DOCUMENT_SAYING, ("estimating", "finding", "showing", "saying", "suggesting", "concluding", "reporting")),
)
# How far past a form's match a known name it cuts short may end: "... Organization| for Migration".
NAME_GROWTH_REACH = 60
# How far from a sentence's end its closing speaker may start: ", said Sabrina Singh, a Pentagon spokeswoman."
SAID_TAIL_REACH = 600

# A time where a speaker was looked for: "on Tuesday", "yesterday", "this year", "in 2020".
TIME_WORD = re.compile(rf"(?i)\s*(?:on\s+)?(?:{WEEKDAY}|today|yesterday|last|this|earlier|in)\b")

# Words that open a sentence before its speaker: "But ", "Meanwhile, ", "In addition, ".
LEADING = re.compile(
    r"(?i)^(?:(?:but|and|however|meanwhile|still|also|now|separately|in addition|moreover|yet|that)\b,?\s+)+"
)
# A time opening a sentence before its speaker: "On Sunday, ", "Last week, ", "In March 2019, ", "On Sept. 12, ".
OPENING_TIME = re.compile(
    rf"(?i)^(?:on\s+)?(?:{WEEKDAY}|today|yesterday|(?:last|this|earlier|later)\s+[a-z]+|"
    rf"(?:in\s+|on\s+)?(?:{MONTH})\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|in\s+\d{{4}})\s*,\s*"
)
# A place opening a sentence, without its comma, before its speaker: "In Lee County the sheriff said".
LEAD_PLACE = re.compile(r"^(?:In|At|Across)\s+(?:[A-Z][\w'.-]*\s+){1,4}(?=(?:the|a|an)\s)")
# What is left of a dateline whose date a number ended: "(UPI) -- " of "GENEVA, Switzerland, Dec. 22 (UPI) --".
AGENCY_LEAD = re.compile(r"^\([^)]{1,30}\)\s*[-—–]+\s*")

# Words between a speaker and its verb: "Officials on Monday said", "the ministry has also said".
AUX_TAIL = re.compile(
    rf"(?i)\s+(?:so far|(?:on\s+)?(?:{WEEKDAY})|today|yesterday|"
    rf"(?:earlier\s+)?(?:last|this)\s+(?:year|month|week|spring|summer|autumn|fall|winter|{PART_OF_DAY})|"
    # "The CIA last year put", "The chief minister had last evening estimated"
    r"have|has|had|also|previously|recently|now|already|separately|further|later|earlier|then|initially|"
    r"originally|first|once|reportedly|instead|again|in\s+turn|"
    r"had\s+also|have\s+also|has\s+also|(?:was|were|is|are|has been|have been)\s+able\s+to)$"
)

# An article opening a phrase: "the IOM", "a UN report".
DETERMINER = re.compile(r"(?i)^(?:a|an|the)\s+")

PRONOUNS = frozenset("he she they it we i you who that which this these those one his her their its our my".split())

# A reporting verb or a clause's opener inside a phrase: two clauses caught by one pattern.
# ("went on Tuesday as authorities (declared)": a clause, then the subordinate one that holds the speaker).
TWO_CLAUSES = re.compile(
    r"(?i)\b(?:said|says|told|added)\b|,\s+(?:while|whereas|but|though|although)\b|(?-i:\s(?:as|while|when)\s)"
)

# Words a speaker's noun phrase never ends or starts with: a clause's fragment caught by a pattern.
NOT_SPEAKER_ENDS = frozenset(
    "to that which who the a an of and or but by with for in on at as not than from more less "
    # an auxiliary ends a clause, never a name: "bodies had been (counted)"
    "been being had have has was were is are".split()
)

NOT_SPEAKER_STARTS = frozenset(
    "while when where if as because since after before although though but and or so that which who whom "
    "to of in on at by for with from up more less than far much well even "
    "what how why whether".split()  # "far more than Western"; "What do you even say about 19 children": a question
)

# A finite verb and what follows it, after a speaker's name: "aid groups is higher".
TRAILING_PREDICATE = re.compile(r"\s+(?:is|are|was|were)\b.*$")
# A time after a speaker's name: "Afghan government estimates from 2020", "the ministry on March 3".
TRAILING_TIME = re.compile(
    r"\s+(?:from|in|on|of|since|for|as of)\s+(?:[A-Za-z]+\.?\s+){0,2}\d.*$"
    # "Sheriff Carmine Marceno on Monday afternoon", "the ministry late on Tuesday"
    rf"|(?i:\s+(?:(?:late|early)\s+)?(?:on|last|this)\s+(?:{WEEKDAY})(?:\s+(?:{PART_OF_DAY}))?)$"
)

# How a document came out, after its name: "study published Tuesday in ...", "report released earlier this year".
TRAILING_PARTICIPLE = re.compile(
    r"(?<=\w)\s+(?:published|released|issued|posted|updated|made public|signed|adopted)\b.*$"
)

# A manner adverb after a speaker's noun: "Authorities temporarily" (not "the family", "an ally").
TRAILING_ADVERB = re.compile(
    r"(?<=\w)\s+(?!(?:family|ally|rally|supply|assembly|anomaly|monopoly|bully|daily|weekly|monthly)$)[a-z]{3,}ly$"
)

# A verb of the claim after the speaker's noun: "the teams (ranged between three and four billion)".
TRAILING_VERB = re.compile(
    r"(?<=\w)\s+[a-z]+ed\s+(?:between|from|at|around|about|near|over|under)\s+"
    r"(?:[$\u20ac\u00a3\d]|(?:one|two|three|four|five|six|seven|eight|nine|ten|some|more|less)\b).*$"
)

# A number in a phrase makes it a clause's fragment ("3,515 reported"), unless it is part of a name: "Channel 12
# news", "France 24", "the G7" (not "January 12").
NAME_NUMBER = re.compile(rf"\b(?!(?i:{MONTH})\b)[A-Z][A-Za-z]*\s\d{{1,3}}\b(?![,.]\d)|\b[A-Z]+\d+\b")
# A figure and a relative clause on it, caught as a speaker: "(a) figure many researchers (dispute)".
FIGURE_CLAUSE = re.compile(r"(?i)^(?:figure|number|toll|total|estimate|tally|count)s?\s+(?!by\b|from\b|of\b)")

# A lower-case past participle or verb opening the phrase: "declined to comment", "refused".
FRAGMENT_START = re.compile(
    r"^(?!(?:armed|unnamed|elected|retired|leading|ruling|governing|striking|united|ranking|unidentified|concerned|"
    r"informed|affected|displaced|injured|wounded|detained|stranded|trapped|evacuated|registered|licensed|"
    r"qualified|trained|experienced)$)[a-z]+(?:ed|ing)$"
)

# A word in -ing: "taking" (of "taking the numbers"), a verb unless a determiner leads it.
GERUND = re.compile(r"^[a-z]+ing$")
# One lower-case word that names no one: "best" (of "the best estimate"), "most", "latest".
NOT_A_SPEAKER_WORD = re.compile(
    r"(?i)^(?:[a-z]+(?:est|ly)|more|most|less|least|many|much|few|other|same|new|current|later|earlier|then|now|"
    r"initial|early|previous|official|first|final|revised|updated|original|preliminary|provisional|old|"
    # an estimate's adjective ("Unofficial estimates put ..."), where "Some claimed ..." is some people's word
    r"unofficial|independent|conservative|higher|lower|separate|differing|rival|"
    r"toll|tally|total|number|count|"  # a figure gives no figure of its own: "The toll was earlier put at 288"
    # a change is no one: "The change lowered confirmed deaths from 170,000 to 96,000"
    r"change|move|decision|revision|increase|rise|drop|decline|shift|adjustment|update|correction|reduction)$"
)


# "The International Organization for Migration and the United Nations High Commissioner for Refugees confirmed":
# longer than this, the words before a verb are a clause, not a name.
MAX_LEAD_WORDS = 14


def speaker_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of a sentence that can each have a speaker of their own: "Organizers put it at 50,000;
    police estimated 12,000", "BP said 1,000 a day, an estimate the Coast Guard later raised to 5,000", "While the
    ministry put it at 231, another register reached 2,000"."""
    cuts = [m.start() for m in CLAUSE_SPLIT.finditer(text, start, end)]
    if CONTRAST_SENTENCE.match(text, start) and (comma := text.find(", ", start, end)) > 0:
        cuts = sorted({comma, *cuts})
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in pairwise(bounds) if b > a] if cuts else []


def clause_speaker(text: str, clauses: list[tuple[int, int]], q: Quantity, lexicon: Lexicon) -> str | None:
    """The speaker of the clause a number stands in, if that clause names one."""
    for a, b in clauses:
        if a <= q.start < b:
            return speaker(text, a, b, lexicon)
    return None


def elsewhere_in_sentence(text: str, clauses: list[tuple[int, int]], q: Quantity, said_by: str) -> bool:
    """Whether a sentence's speaker is named only in another clause than the number's, after a contrast ("..., but
    the leak killed 100 birds, according to the network"); not when a quotation holds both clauses ("“... is
    between 25,000 to 30,000 barrels per day, but could be as low as 20,000 ...,” McNutt said")."""
    quoted = any(mark in text[q.end : clauses[-1][1]] for mark in '"\u201d') if clauses else False
    for a, b in clauses:
        if a <= q.start < b:
            # "...; U.S. officials estimate only a few hundred remain": a clause that opens on its own speaker
            opens_on_speaker = text.startswith(";", b) and said_by in text[b : b + len(said_by) + SPEAKER_OPENING]
            # "While the defense ministry put the number at 231, another register reached 2,000"
            main_clause = a > clauses[0][0] and CONTRAST_SENTENCE.match(text, clauses[0][0]) is not None
            revised = REVISED_AFTER_CLAUSE.match(text, b) is not None  # the reviser's figure is after
            turns = CONTRAST_OPENING.match(text, b) is not None or opens_on_speaker or main_clause or revised
            return said_by not in text[a:b] and turns and not quoted
    return False


def speaker(text: str, start: int, end: int, lexicon: Lexicon) -> str | None:
    """On whose word: "according to X", "X said/estimated/put the number at", "a report by X", "..., X said.";
    with the initials the sentence introduces for it: "Centers for Disease Control and Prevention (CDC)"."""
    found = _speaker(text, start, end, lexicon)
    if found is None:
        return None
    named = text.find(found, start, end)
    if named >= 0 and text.endswith(", ", 0, named):
        # "the Bureau of Alcohol, Tobacco, Firearms and Explosives said": a known name a form cut at a comma
        window = text[max(start, named - NAME_GROWTH_REACH) : named + len(found)]
        offset = max(start, named - NAME_GROWTH_REACH)
        for e in lexicon.entities.find(window):
            grown = DETERMINER.sub("", e.text)  # "the Pentagon" is the Pentagon already found
            if offset + e.start < named and offset + e.end == named + len(found) and grown != found:
                found, named = grown, offset + e.end - len(grown)
                break
    initials = INTRODUCED_INITIALS.match(text, named + len(found), end) if named >= 0 else None
    return f"{found} ({initials.group(1)})" if initials else found


def _speaker(text: str, start: int, end: int, lexicon: Lexicon) -> str | None:
    # "The Haitian government, as reported by Time in January 2010, says ...": who passed it on is no speaker
    sentence = CONDUIT.sub(" ", text[start:end])
    verb, lead = _lead_speaker(sentence)
    pointing_back = bool(lead and POINTING_BACK.match(sentence, 0, verb.start()))
    if (
        lead
        and THAT_AFTER.match(sentence, verb.end())
        and not pointing_back
        and ACCORDING_TO.search(sentence, verb.end())
    ):
        # "The researchers estimate that 46,000 were killed, according to a copy of the report obtained by AP": who
        # said it first, not who passed it on
        return lead
    # Each form in turn; a form whose words are no speaker ("262, and 3,515 reported") gives way to the next.
    lowered = sentence.lower()
    for pattern, cues in SOURCE_FORMS:
        if not any(cue in lowered for cue in cues):
            continue  # most sentences hold no cue of most forms: a substring test spares the regex scan
        m = pattern.search(sentence)
        if m and pattern is DATA_FROM and METHOD_BEFORE.search(sentence, 0, m.start()):
            continue  # "The count is based on ... data and estimates from government": how it was made, not by whom
        if m and pattern is BY_SOURCE and _of_event(m.group(1), lexicon):
            continue  # "the count from the mass shooting fell from 86 to 68": what it counts, not who counted
        if (
            m
            and pattern is CITED_BY
            and OTHER_FIGURE.search(sentence, max(0, m.start() - OTHER_FIGURE_REACH), m.start())
        ):
            continue  # "confirmed about 48,000 died and said a higher toll given by provincial authorities": theirs
        if m and lead and m.start(1) < verb.start() and verb.end() < m.end(1):
            continue  # "The agency also cited police figures showing": a form's words across the speaker's verb
        speaker = clean_speaker(_whole_name(sentence, m, lexicon)) if m else None
        if speaker and pattern is ACCORDING_TO and UNSIGNED_DOCUMENT.fullmatch(speaker):
            # "According to the latest update on Monday, ..., the Samoan ministry of health said": who said it
            return _said_by(sentence) or speaker
        author = GIVEN_BY.match(speaker) if speaker and pattern is ACCORDING_TO else None
        if author and GIVEN_DOCUMENT.fullmatch(author.group(1)):
            return clean_speaker(author.group(2)) or speaker  # "according to a new toll given by police": police
        if speaker:
            return speaker
    if lead and (THAT_AFTER.match(sentence, verb.end()) or FIGURE_VERB.fullmatch(verb.group())) and not pointing_back:
        # "The organizers said that ..., The Washington Post reports", "Maui officials lowered the toll to 97, ...
        # after DNA testing showed that ...": who gave the figure first
        return lead
    said = _said_by(sentence, lead, verb)
    if said:
        return said
    if pointing_back:
        return None  # "that same group": the speaker named before, or at the end
    return lead or _participle_speaker(sentence)


def _said_by(sentence: str, lead: str | None = None, verb: re.Match | None = None) -> str | None:
    """The speaker a saying form names: "“...,” X said", "X said ...", "..., said X", "..., X said."; ``lead`` is the
    speaker before the sentence's first verb ``verb``, if any."""
    for pattern in (
        QUOTE_SAID,
        SAID_MIDDLE,
        SAID_AFTER,
        SAID_AFTER_PRESENT,
        SAID_AFTER_APPOSITIVE,
        SAID_INVERTED,
        SAID_INVERTED_NAMED,
    ):
        # the forms that end a sentence are looked for in its tail, which holds the longest of them
        tail = 0 if pattern in (SAID_MIDDLE, QUOTE_SAID) else max(0, len(sentence) - SAID_TAIL_REACH)
        m = pattern.search(sentence, tail)
        if m and pattern is SAID_INVERTED and lead and m.start() <= verb.start() < m.start(1):
            return lead  # "Guterres, who visited last week, said the floods had ...": said what, not by whom
        if m and not TIME_WORD.match(m.group(m.lastindex)):
            speaker = clean_speaker("".join(g for g in m.groups() if g))
            if speaker:
                return speaker
    return None


def _of_event(document: str, lexicon: Lexicon) -> bool:
    """Whether the words after a document's "from" or "by" name an event, not an author: "the count from the mass
    shooting"."""
    author = SOURCE_AFTER_DOCUMENT.split(document, maxsplit=1)[-1]
    heads = lexicon.events.heads.find(author)
    if not heads or INSTITUTION_AFTER.match(author, heads[0].end):
        return False  # "the count from the Fire and Disaster Management Agency": an institution's name
    return len(author[: heads[0].start].split()) <= EVENT_WORDS_BEFORE


def _whole_name(sentence: str, m: re.Match, lexicon: Lexicon) -> str:
    """The name a form matched, grown to the whole of a known name it cuts short: a form ends a name before "for"
    or "in" ("counted by the International Organization for Migration"), where the alias table knows it goes on."""
    start, end = m.span(1)
    for mention in lexicon.entities.find(sentence, start, min(len(sentence), end + NAME_GROWTH_REACH)):
        if start <= mention.start < end < mention.end:
            return sentence[start : mention.end]
    return m.group(1)


def _participle_speaker(sentence: str) -> str | None:
    """The subject of a clause whose report follows in a participle: "The World Health Organization marked a grim
    milestone Thursday, estimating that ...", "crowd scientists interviewed by The New York Times gave their own
    estimates, saying that ..." (the words before the clause's first verb, a few at most)."""
    cue = PARTICIPLE_REPORT.search(sentence)
    found = _words_to_verb(sentence[: cue.start()]) if cue else None
    if found is None:
        return None
    # "Mamata Banerjee, also a former railway minister, questioned the figures, stating that": the head before its
    # appositive, which a comma closes before the verb
    subject = " ".join(found[0])
    head = subject.split(",")[0] if subject.endswith(",") and subject.count(",") == 2 else subject
    if len(head.split()) > MAX_SUBJECT_WORDS or "," in head:
        return None
    return clean_speaker(head)


def _first_subject(clause: str) -> str | None:
    """The subject of a clause's first verb, without its appositive: "Marcel Altenburg and Keith Still, crowd
    scientists at Manchester Metropolitan University, analyzed photographs ... and" -> "Marcel Altenburg and Keith
    Still" (the speaker of the verb coordinated after it)."""
    found = _words_to_verb(clause)
    if found is None or found[1] in AUXILIARIES:
        return None  # "The count is based on police data and estimates ...": no verb of the subject's
    subject = " ".join(found[0]).split(",")[0]
    return clean_speaker(subject) if len(subject.split()) <= MAX_SUBJECT_WORDS else None


def _words_to_verb(clause: str) -> tuple[list[str], str] | None:
    """The words of a clause before its first verb (a common finite one, or one in "-ed": not "government-appointed"),
    and that verb, lower-cased; None when no verb follows a first word."""
    words: list[str] = []
    for word in LEADING.sub("", PARENTHETICAL.sub("", past_dateline(clause)).lstrip(" \"“'")).split():
        bare = word.lower().strip(",")
        if words and (bare in FINITE_VERBS or (bare.endswith("ed") and "-" not in bare)):
            return words, bare
        words.append(word)
    return None


# People and bodies that speak, after a noun that says which: "Housing officials", "Shipping firms".
SPEAKING_BODY = re.compile(
    r"officials?|authorities|ministers?|experts?|analysts?|agenc(?:y|ies)|groups?|firms?|companies|workers|sources"
)


INITIALS_END = re.compile(r"(?<![\w.])(?:[A-Z]\.)+[A-Z]$")  # "U.N", "U.S": initials stripped of their last stop


def clean_speaker(phrase: str) -> str | None:
    """A speaker is a noun phrase ("U.S. officials", "the IOM"), or nothing: never a fragment of the clause."""
    phrase = phrase.strip(" ,.;:\"'\u201c\u201d\u2018\u2019*\u2022(")  # quotes alike, a list's bullet, a bracket
    if INITIALS_END.search(phrase):
        phrase += "."  # "the U.N.", "according to the U.S.": initials keep their last full stop
    phrase = phrase.rpartition(": ")[2]  # "Grenfell Tower: police expect": a headline's topic, then its speaker
    determined = bool(DETERMINER.match(phrase))  # "the posting", "a ruling": a noun, not a gerund
    phrase = DETERMINER.sub("", phrase)
    phrase = re.sub(r"\s+", " ", phrase)
    if not phrase or (phrase.lower() in PRONOUNS and (not phrase.isupper() or phrase == "I")):  # "who", not the WHO
        return None
    phrase = TRAILING_TIME.sub("", phrase)  # "Afghan government estimates from 2020"
    phrase = TRAILING_PREDICATE.sub("", phrase)  # "given by aid groups is higher": the groups, not their verb
    phrase = TRAILING_RELATIVE.sub("", phrase)  # "A survivor of the boat that capsized off Libya": the survivor
    document = DOCUMENT_BY.match(phrase)
    if document:
        author = document.group(1).strip(" ,.;:\"'")
        determined = bool(DETERMINER.match(author))  # "by the ruling", not "by taking the numbers"
        phrase = DETERMINER.sub("", author)
    elif FIGURE_CLAUSE.match(phrase):
        return None  # "316,000 dead, a figure many researchers dispute": a figure and who doubts it, not who gave it
    else:
        phrase = TRAILING_PARTICIPLE.sub("", phrase)  # "Harvard study published Tuesday in the ... Journal"
        phrase = TRAILING_VERB.sub("", phrase)
    phrase = TRAILING_ADVERB.sub("", phrase)  # "Authorities temporarily (halted ... and placed)"
    words = phrase.split()
    # acronyms keep their case: "WHO" is the health agency, "who" a pronoun
    first, last = ((w if w.isupper() else w.lower()) for w in (words[0], words[-1])) if words else ("", "")
    if TWO_CLAUSES.search(phrase):
        return None  # "the interior ministry said, while the CGT union": two clauses, not one speaker
    # a number, in figures or in words ("Two confirmed dead in Canada"), is a count, not who gave it
    numbered = re.search(r"\d", NAME_NUMBER.sub("", phrase)) or phrase.lower() in UNITS or phrase.lower() in TENS
    if not words or numbered or last in NOT_SPEAKER_ENDS or first in NOT_SPEAKER_STARTS:
        return None  # "3,515 reported", "declined to", "up to 50 percent more than", "the"
    # "Official figures show": no one; "the official said": a person
    lone_word = len(words) == 1 and NOT_A_SPEAKER_WORD.match(phrase) and not (determined and words[0] == "official")
    named = len(words) > 1 and words[0][0].isupper() and words[1][0].isupper()  # "Downing Street", not "Taking the"
    # "Housing officials", "Mining companies": a noun before the people who speak, not a gerund's clause
    body = len(words) == 2 and SPEAKING_BODY.fullmatch(words[1].lower()) is not None
    # "influenced some to give higher": a clause opening on its verb
    verb_first = FRAGMENT_START.match(words[0]) and not determined and len(words) > 1
    if (
        (GERUND.match(words[0].lower()) and not (determined or named or body))
        or TIME_WORD.match(phrase)
        or lone_word
        or verb_first
    ):
        return None  # "taking the numbers ...", "Revising upwards previous death toll", "this year", "best"
    return phrase


# Where a quotation of several sentences closes on its speaker: "...are also missing,” Chief Minister Vijay Bahuguna
# told reporters", "...,” said the ministry's spokesman".
_TITLE = r"(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Lt|Capt|Sgt|Gov|Sen|Rep|St)\."  # "Dr. Mohandoss": a title's full stop
QUOTE_CLOSER = re.compile(
    rf"[\"\u201d]\s*,?\s*(?:(?P<before>(?:[^.!?;\"\u201c\u201d\n]{{0,40}}?{_TITLE}\s+)?[A-Z][^.!?;\"\u201c\u201d\n]{{0,80}}?)"
    r"\s+(?:said|says|told|tells|added|explained|noted|stated|wrote|insisted)\b"
    rf"|(?:said|says|added|told)\s+(?P<after>(?:{_TITLE}\s+)?[^.!?;,\"\u201c\u201d\n]{{1,80}}))"
)


QUOTATION_REACH = 2_000  # the longest quotation of several sentences looked through, either side
OPENING_QUOTE = re.compile(r'["\u201c ]*')


def quotation_speaker(text: str, start: int) -> str | None:
    """The speaker a quotation names where it closes, for a sentence inside it that names none: "“A total of 5,748
    people are missing ... Several others are also missing,” Chief Minister Vijay Bahuguna told reporters." (one
    line holds the quotation: a paragraph's quotes are counted from its start)."""
    # (bounded looks: a page of one long line is read in linear time)
    reach = max(0, start - QUOTATION_REACH)
    line_start = text.rfind("\n", reach, start) + 1 or reach
    line_end = text.find("\n", start, start + QUOTATION_REACH)
    line_end = min(len(text), start + QUOTATION_REACH) if line_end < 0 else line_end
    start = OPENING_QUOTE.match(text, start, line_end).end()  # past the quotation mark the sentence opens on, if any
    before = text[line_start:start]
    if before.count("\u201c") > before.count("\u201d"):
        close = text.find("\u201d", start, line_end)
    elif before.count('"') % 2:
        close = text.find('"', start, line_end)
    else:
        return None  # no quotation open here
    closer = QUOTE_CLOSER.match(text, close, line_end) if close >= 0 else None
    if closer is None:
        return None
    return clean_speaker(closer.group("before") or closer.group("after"))


def attached_speaker(text: str, q: Quantity, sentence_end: int) -> str | None:
    """The source a number's own words name right after it, in the middle of its sentence: "the number of cases, 5,864
    according to the count kept by the World Health Organization, is underreported" (that number's source, not its
    sentence's; "..., according to the WHO." at a sentence's end is the sentence's)."""
    cue = ATTACHED_SOURCE.match(text, q.end, sentence_end)
    end = CLAUSE_END.search(text, cue.end(), sentence_end) if cue else None
    return clean_speaker(text[cue.end() : end.start()]) if end else None


def figure_owner(text: str, start: int, end: int, lexicon: Lexicon) -> str | None:
    """The source a possessive names for the figure at ``end`` (its sentence starting at ``start``): "the Haitian
    government's official toll of 316,000", "another's of 30,957" after "one ministry's tally of 38,195" (another
    ministry); not an event's ("Hurricane Maria's official death toll stands at 64")."""
    owned = OWNED_FIGURE.search(text, max(start, end - OWNED_FIGURE_REACH), end)
    if not owned:
        named = ATTRIBUTIVE_FIGURE.search(text, max(start, end - OWNED_FIGURE_REACH), end)
        body = lexicon.entities.find(named.group(1)) if named else []
        if body and body[0].text == named.group(1) and lexicon.entity_types.get(body[0].id) == "org":
            return clean_speaker(named.group(1))
        other = OTHER_OWNER.search(text, max(start, end - OTHER_OWNER_REACH), end)
        first = OWNER_HEAD.search(text, start, other.start()) if other else None
        return f"another {first.group(1).lower()}" if first else None  # "another's": another ministry
    if lexicon.events.heads.find(owned.group(1)) or lexicon.events.names.find(owned.group(1)):
        return None
    place = lexicon.places.find(owned.group(1))
    if place and place[0].text == owned.group(1).strip() and place[0].id not in lexicon.countries:
        return None  # "Puebla's death toll at 43": a province's toll, no speaker (a country's government may be one)
    return clean_speaker(owned.group(1))


def source_after_figure(text: str, q_end: int, sentence_end: int) -> str | None:
    """Who gave a figure, named after its number: "the 2,357 tally the Philippine government announced"."""
    m = SOURCE_AFTER_FIGURE.match(text, q_end, min(sentence_end, q_end + SOURCE_AFTER_REACH))
    return clean_speaker(m.group(1)) if m else None


def _lead_speaker(sentence: str) -> tuple[re.Match | None, str | None]:
    """The first reporting verb with a speaker before it, and that speaker: "Officials estimated", "the team has
    come up with"; "Revising upwards previous death toll estimates, the prime minister said": not the words before
    "estimates", a clause, but those before "said" (the first verb, and None, when no verb has a speaker)."""
    verbs = [
        v
        for v in LEAD_VERB.finditer(sentence)
        if v.group().lower() != "according"  # "160,000 protesters gathered ..., according to": the claim, no speaker
        and (SPEECH_ONLY.fullmatch(v.group()) or not NOUN_BEFORE.search(sentence, 0, v.start()))
        and not PASSIVE_BEFORE.search(sentence, 0, v.start())
        and not NOUN_DETERMINER.search(sentence, 0, v.start())  # "Another estimate from AccuWeather": a noun
    ]
    for previous, verb in zip([None, *verbs], verbs, strict=False):
        if previous is not None and "," not in sentence[previous.end() : verb.start()]:
            break  # "Later estimates put the toll at": one clause, whose words before the verb named no one
        lead = _words_before_verb(sentence, verb)
        if lead:
            return verb, lead
    return (verbs[0] if verbs else None), None


def _words_before_verb(sentence: str, verb: re.Match) -> str | None:
    """The noun phrase before a reporting verb, or None when those words are a clause or a fragment."""
    lead = sentence[: verb.start()].rstrip()
    if lead.endswith(":"):
        return None  # "More than 2 million marched: said the union's leader": the speaker follows its verb
    if COORDINATED_TAIL.search(lead) and PAST_VERB.fullmatch(verb.group()) and not RELATIVE_CLAUSE.search(lead):
        return _first_subject(lead)  # not "..., which he calls ... and says", nor "police data and estimates"
    # "The SDF, which has lost about 11,000 fighters in the war, says": the head, past its relative clause
    # (one that runs up to the verb may hold a list's commas: "The promoter, who runs festivals such as Tornado,
    # Lowlands and Pinkpop, said")
    lead = RELATIVE_TO_VERB.sub("", lead) if RELATIVE_TO_VERB.search(lead) else RELATIVE_ASIDE.sub("", lead)
    # "Following the explosion on April 20 BP said": the speaker follows the date; "the 546 injuries first
    # reported": a count's own noun follows it, no speaker
    numbers = list(NUMBER_TOKEN.finditer(lead))
    if (
        numbers
        and COUNT_NOUN_AFTER.match(lead, numbers[-1].start())
        and not CLAUSE_MARK.search(lead, numbers[-1].end())
    ):
        return None
    lead = lead[numbers[-1].end() :] if numbers else lead
    claim_first = bool(numbers)  # the words before the verb open on the claim's count
    if ";" in lead:  # "... 6,000 fighters in the city; U.S. officials estimate": the clause's own subject
        lead, claim_first = lead.rsplit(";", 1)[-1], False
    if ": " in lead:  # "... unable to agree on the number who had died: The city says": after the colon
        lead, claim_first = lead.rsplit(": ", 1)[-1], False
    relative = list(RELATIVE_SUBJECT.finditer(lead))
    if relative:
        lead, claim_first = lead[relative[-1].end() :], False
    closing = [m.end() for m in CLOSING_QUOTE.finditer(lead)]
    if closing:  # "... 2,500 troops remain," Sabrina Singh, a Pentagon spokeswoman, said": past the quote
        lead, claim_first = lead[closing[-1] :], False
    elif lead.count('"') % 2 == 0 and '"' in lead:
        lead, claim_first = lead.split('"')[-1], False
    lead = OPENING_TIME.sub("", LEADING.sub("", AGENCY_LEAD.sub("", past_dateline(lead.lstrip()))))
    lead = LEAD_PLACE.sub("", lead)
    while AUX_TAIL.search(lead):
        lead = AUX_TAIL.sub("", lead).rstrip()
    author = DOCUMENT_APPOSITIVE.match(lead)
    if author:  # "Another survey, by a U.S. aid agency, suggested": the author, not the document
        lead = author.group(1)
    elif lead.endswith(",") and claim_first and lead.count(",") == 1:
        return None  # "The toll has reached 1,407 people, said spokesman ...": the count's noun, then "said X"
    elif lead.endswith(",") and claim_first and lead.count(",") > 1:
        # "killed more than 6,000 fighters in Iraq, the U.S. ambassador, Stuart Jones, told": the claim, then its
        # speaker with an appositive
        lead = lead.split(",", 1)[-1].strip().rstrip(",")
    elif lead.endswith(","):  # "A UN report, based on ..., estimated": the head before the appositive
        lead = lead.split(",", 1)[0]
    else:  # "During an interview on July 23, CIA Director William Burns acknowledged"; ", but a study put"
        lead = LEADING.sub("", lead.rsplit(",", 1)[-1].lstrip())
    # A source is a name or a noun phrase, not the claim itself ("A few hundred fighters are believed ...").
    opener = SUBORDINATOR.match(lead)
    if opener and not re.search(r"\d", sentence[: verb.start()]):  # not "2 million fled, while aid agencies warn"
        lead = lead[opener.end() :]
    lead = TRAILING_TIME.sub("", lead.strip())  # "A University of Michigan study in 2010 estimated"
    clause = CLAUSE_INSIDE.search(lead) or re.search(r"\d", lead) or RELATIVE.match(lead)
    if 0 < len(lead.split()) <= MAX_LEAD_WORDS and not clause and not FRAGMENT_START.match(lead):
        return clean_speaker(lead)  # not "declined to comment"
    return None
