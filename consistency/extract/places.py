"""Where a claim is: locative places, places that own a number, places no gazetteer knows, and what lies in what.

"in Iraq and Syria" is one group of two places; "Del Rio, Texas" is Del Rio, which the article now knows lies in
Texas; "Guinea's 2,187 deaths" and "Malta 105" place their numbers; "Purdue University in Indiana" is where a
speaker works, not where a count is.
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

from .dates import MONTHS, WEEKDAYS
from .lexicon import POSSESSIVE, Lexicon, Mention, slug
from .quantities import Quantity, converts, counts_things

# A dateline opening an article's body or a sentence: "KATHMANDU - ", "LONDON (Reuters) — ", "PARADISE, Butte County
# — ", "BAGHDAD, March 8 (Reuters) - ", "GENEVA, Switzerland, Dec. 22 (UPI) -- ". Its place and region are groups 1
# and 2; a dash counts only with a space after it (not the hyphen inside "CJTF-OIR said").
DATELINE = re.compile(
    r"\s*([A-Z][A-Z.'-]{1,30}(?: [A-Z][A-Z.'-]{1,30}){0,2})"  # PARADISE, PORT-AU-PRINCE
    r"(?:,?\s*([A-Z][A-Za-z.'-]{1,30}(?: [A-Z][A-Za-z.'-]{1,30}){0,2}))?"  # , Butte County / , Calif.
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"  # , March 8 / , Dec. 22, 2015
    r"\s*(?:\([A-Za-z .]{2,30}\)\s*)?(?:[—–]+|-{1,2})\s+"  # (Reuters) —
)


def past_dateline(words: str) -> str:
    """``words`` without the dateline that opens them: "BAGHDAD, March 8 (Reuters) - Officials said" -> "Officials
    said"."""
    dateline = DATELINE.match(words)
    return words[dateline.end() :] if dateline else words


# A place is where something is when a locative preposition leads to it: "in Iraq", "across northern Syria".
LOCATIVE_BEFORE = re.compile(
    r"(?i)\b(?:in|inside|across|within|throughout|through|near|around|into|at|of|over|to|on|from|off|"
    # a figure's place: "the toll for Pakistan", "the toll to 37 958 for Pakistan's North West Frontier province" (not
    # "fought for the US")
    r"(?:toll|tally|count|total|figures?|estimates?)\s+for|\d[\d,.]*\s+for|"
    # places as objects of verbs of movement: "have fled Ukraine", "left Mali", "reached Greece"
    r"fled|flee|flees|fleeing|left|leaving|leave|reached|reaching|reach|entered|entering|enter|"
    # and of what a disaster does: "the quake that struck Peru", "floods battered Kerala"
    r"struck|strikes|hit|hits|rocked|rocks|shook|battered|batters|devastated|ravaged|swept|engulfed|"
    # and of an attack: "70 targeted Syria", "missiles pounded Kharkiv"
    r"targeted|targeting|attacked|attacking|bombed|bombing|shelled|shelling|pounded|pounding|raided|invaded)"
    # words that describe the place, never a determiner after one: "to drag the U.S." is a verb and its object
    r"\s+(?:the\s+|an?\s+)?(?:(?!(?:the|an?)\s)[a-z][a-z-]*\s+){0,2}$"
)
# How far before a name its locative preposition is looked for, in characters: "in", "across northern",
# "throughout the war-torn eastern".
LOCATIVE_REACH = 40

# "from" a place after a journey's words, in one clause: the place people left ("came from Syria", "crossed into
# Chad from Sudan", "21 percent from Afghanistan").
ORIGIN_BEFORE = re.compile(
    r"(?i)\b(?:came|come|comes|coming|arriv\w*|cross\w*|fled|flee\w*|escap\w*|travell?\w*|migrat\w*|return\w*|"
    r"deport\w*|originat\w*|hail\w*|into|percent|per cent|"
    r"independence|secession|secede\w*|break\s+away|broke\s+away)\b"  # "independence from Madrid": not there either
    r"[^,;.:]{0,40}?\bfrom\s+(?:the\s+)?$|%\s+from\s+$"
    # people named by where they come from: "women and children from Darfur", "refugees from Syria"
    r"|\b(?:refugees|migrants|asylum[- ]seekers|children|women|men|families|people|civilians|evacuees|nationals|"
    # one person: "an Australian man from New South Wales has been charged"
    r"man|woman|boy|girl|child|gunman|suspect|attacker)"
    r"\s+from\s+(?:the\s+)?$"
    # where most of them came from, set off by a comma: "arrived in the city, mainly from Morocco"
    r"|,\s+(?:mainly|mostly|largely|chiefly|primarily|many|most)\s+from\s+(?:the\s+)?$"
    # where someone lives: "He'd driven 80 miles from his home in Mesquite" (not where the shooting was)
    r"|\b(?:his|her|their)\s+(?:home|house|residence|hometown)\s+(?:in|at)\s+(?:the\s+)?$"
)
ORIGIN_REACH = 70  # "crossed the border into eastern Chad from " before the place


def came_from(text: str, pos: int) -> bool:
    """Whether the words before ``pos`` say it is where people came from (ORIGIN_BEFORE)."""
    start = max(0, pos - ORIGIN_REACH)
    # every such phrase ends in "from": most places, which follow none, are passed over without the search
    return "from" in text[start:pos].lower() and ORIGIN_BEFORE.search(text, start, pos) is not None


# A distance's bearing from a place: "180 miles northeast of ", "40 km south of ".
BEARING_BEFORE = re.compile(
    # (a conversion may follow the unit: "50 km (30 miles) south-east of Coimbra")
    r"(?i)\b(?:(?:miles?|mi|kilomet(?:er|re)s?|km)\s+(?:\([^()]{1,20}\)\s+)?(?:(?:to\s+the\s+)?(?:north|south|east|west|north-?east|"
    r"north-?west|south-?east|south-?west)(?:ern)?\s+of|(?:away\s+)?from|outside(?:\s+of)?)"  # "70 miles from Beijing"
    r"|(?:just|directly|immediately|due)\s+(?:north|south|east|west)\s+of"  # "just south of Mexico City"
    r"|\b(?:border|frontier)\s+with)"  # "a town on the border with South Africa": its neighbour, not where it is
    r"\s+(?:the\s+)?$"
)
BEARING_REACH = 60
# An aside on the place before, up to another place it ranks it in: ", the worst-hit country in ".
DESCRIBED_GAP = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}(?:country|nation|city|state|province|region|town|capital|island)\s+"
    r"(?:in|of)\s+(?:the\s+)?"
)
# A place that only describes another, in an aside: "In Moldova, one of Europe's poorest countries, ...".
DESCRIBING_BEFORE = re.compile(r"(?i),\s+(?:one|some|many|most|among)\s+(?:of\s+)?(?:the\s+)?$")
DESCRIBING_REACH = 20  # ", one of the " before the place
POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\s")

# A capitalised name after a locative preposition is a place even when no gazetteer has it: "in the town of Mai
# Kadra", "near Rolling Fork".
# Letters of Latin names, accented ones too ("Pedrógão Grande", "Valparaíso", "Ávila"): upper and lower case.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
UNKNOWN_PLACE = re.compile(
    r"\b(?:(?i:in|near|across|inside|outside|around|through|at|on|above|below)\s+"
    # "in the Canadian oil sands city of Fort McMurray": words that say what the place is, before its kind
    r"(?:the\s+(?:[A-Za-z-]+\s+){0,3}?(?:town|city|village|province|region|district|camp|state|county|island|"
    r"municipality|commune|community|hamlet|settlement|"
    r"prefecture|department|township|borough|parish|suburb|neighbou?rhood)\s+of\s+)?"
    # an island is one after any word: "rocked the Indonesian island of Lombok", "evacuated from the island of Gili
    # Trawangan" (where "no danger to the city of Oroville" places nothing there), and so is a city an event struck
    # ("hit the Pacific resort city of Acapulco")
    r"|\b(?i:the)\s+(?:[A-Z]?[a-z]+\s+)?island\s+of\s+"
    # and a province by its kind, wherever it stands: "The nearby province of Ayutthaya ... has the highest toll"
    r"|\b(?i:the)\s+(?:[a-z-]+\s+){0,2}?(?:province|prefecture|district|region|county|municipality)\s+of\s+"
    r"|\b(?:hit|struck|battered|lashed|pounded|devastated|ravaged|slammed)\s+the\s+(?:[A-Z]?[a-z]+\s+){0,2}"
    r"(?:city|town|village|port)\s+of\s+)"
    r"(?:the\s+)?(?:(?:central|northern|southern|eastern|western|north|south|east|west|nearby|neighbou?ring)\s+)?"
    # "in tornado-ravaged Joplin", "in quake-hit Amatrice": what befell the place, before its name
    r"(?:[a-z]+-(?:ravaged|hit|stricken|torn|battered|devastated|affected|struck|damaged|wrecked)\s+)?"
    # whole words, a Scottish or Irish prefix's capital inside one: "Fort McMurray", "MacKenzie"
    rf"((?:Mc|Mac)?[{_UPPER}][{_LOWER}'-]{{1,19}}[{_LOWER}'](?:[ -](?:(?:Mc|Mac)?[{_UPPER}][{_LOWER}'-]{{1,20}}"
    rf"|(?:al|el|de|du|la|do|da|dos|das|del|di)\b)){{0,3}})(?![A-Za-z{_UPPER}{_LOWER}])"
)

# The kinds of place an appositive names with a count: "Joplin, a city of around 50,000 people".
_APPOSED_KIND = r"(?:city|town|village|port|community|municipality|island|country|nation|state|province|county)"
# A name no gazetteer knows, before an appositive that says it is a place of so many: "Joplin, a city of around
# 50,000 people".
APPOSED_PLACE = re.compile(
    rf"(?<![\w'])((?:Mc|Mac)?[{_UPPER}][{_LOWER}'-]{{1,19}}[{_LOWER}](?:\s[{_UPPER}][{_LOWER}'-]{{1,20}}){{0,2}}),\s+"
    rf"an?\s+(?:[a-z-]+\s+){{0,3}}{_APPOSED_KIND}\s+of\s+(?:[a-z]+\s+){{0,2}}\d"
)

# One island's kind word after its name ("Islands" are a name: Cayman Islands), not after a word that is no name
# alone: "North Island", "Long Island".
ISLAND_WORD = re.compile(
    r"(?<!\bNorth)(?<!\bSouth)(?<!\bEast)(?<!\bWest)(?<!\bLong)(?<!\bBig)(?<!\bGreat)(?<!\bLittle)\s+Island$"
)
# An island by its name, wherever it stands: "Indonesia's Lombok island", "the Abaco Islands", "Grand Bahama island".
ISLAND_NAME = re.compile(r"(?<![\w'\u2019-])([A-Z][a-z-]{1,20}(?:\s[A-Z][a-z-]{1,20}){0,2})\s+[Ii]slands?\b")

# A kind of place's word alone names none: the "State" of "the State of Mexico".
KIND_ALONE = frozenset("state city province county region district capital country town village island".split())
# A kind of place after its name: "Leyte Province", "Los Angeles County".
PLACE_KIND_WORDS = re.compile(r"(?i)\s+(?:province|county|state|region|district|city|prefecture|governorate)")
COUNTY_AFTER = re.compile(r"\s+(?:County|Parish)")
# Where in a place, before its name: "Northern Syria", "West Mosul".
DIRECTION_WORDS = re.compile(
    r"(?i)(?:(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater)[\s-]+)+"
)
POSSESSIVE_INSIDE = re.compile(r"['\u2019]s\b")
# A camp by its name: "the al-Hol camp", "Kutupalong refugee camp", "Al-Hol, a camp still home to".
CAMP_NAME = re.compile(
    r"\b((?:[Aa]l-|[Ee]l-)?[A-Z][\w'-]{1,20}(?:[ -][A-Z][\w'-]{1,20}){0,2})"
    r"(?=\s+(?:refugee\s+|displacement\s+|detention\s+|displaced\s+persons\s+)?camp\b|,\s+(?:a|the)\s+(?:[a-z]+\s+){0,2}camp\b)"
)

# An adjective's place kind and its name after it: "the South Asian (nation of Nepal)", "the Caribbean (island of".
KIND_OF_PLACE_AFTER = re.compile(r"\s+(?:nation|country|state|kingdom|republic|island|region|city|town)\s+of\b")

# The second of two places that share a plural kind: "Sonoma" of "in Napa and Sonoma counties".
PLURAL_KIND_PLACE = re.compile(
    r"\band\s+([A-Z][a-z'-]{2,20})\s+(?:counties|provinces|states|districts|regions|departments|prefectures)\b"
)

_CALENDAR = [word.capitalize() for word in (*MONTHS, *WEEKDAYS)]  # "in January", "on Monday" are times

NOT_PLACES = frozenset(
    """Congress Parliament Senate House Court Council Cabinet Assembly Richter
    Ministry Department Office Pentagon Kremlin White Times Post Journal News Facebook Twitter Instagram YouTube
    Telegram Reuters Associated Christmas Easter Ramadan Eid The This That These Those His Her Their Its Our
    Operation Project Program Programme Committee Commission Agency Institute University College School Center
    Centre Group Force Forces Army Navy Air Police Party Union League Coalition Alliance Organization Organisation
    Fund Bank Foundation Company Corporation Inc Ltd Mr Mrs Ms Dr Gen President Prime Minister Secretary Spring
    Summer Autumn Fall Winter Q1 Q2 Q3 Q4 English French Arabic Spanish German Russian
    Metro Subway Underground Day Week Eve Summit Conference Games Cup Olympics""".split()  # "On World Refugee Day"
) | set(_CALENDAR)

# A capitalised word right after a place continues a name: "the U.S. Embassy", "the Washington Post" (a month,
# a weekday, "On", "The" do not), never across a blank line: "Floods kill 212 in Assam" ends a headline, whatever
# the next paragraph opens with.
NAME_GOES_ON = re.compile(
    rf"(?=\s)[^\S\n]*(?:\n[^\S\n]*)?(?!(?:{'|'.join(_CALENDAR)}|On|In|At|The|But|And)\b)"
    # (a kind's word after a known place is that place: "in Henan Province", "in Borno State"; not the name of a body
    # it begins: "Florida State University")
    r"(?!(?:Province|County|State|Region|District|Prefecture|Governorate)\b(?![^\S\n]+[A-Z]))[A-Z][a-z]"
)

# Between an owning place and a place in it: "in Russia's Kursk region".
LIST_GOES_ON = re.compile(r"(?:,\s*|\s+)(?:and|or)\s+[A-Z]|,\s*[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s*(?:,|\s+and\b)")
NEIGHBOURING = re.compile(r"(?i)\b(?:neighbou?ring|neighbou?r|adjacent|nearby|sister|twin|rival)\b")
POSSESSIVE_GAP = re.compile(
    r"['\u2019]s?\s+(?:(?:[a-z]+\s+){0,2}"
    # "Spain's North African enclave of Ceuta", "Ukraine's southern port city of Odesa"
    r"|(?:[\w-]+\s+){0,3}(?:enclave|exclave|region|province|state|city|town|territory|island|district|county|port)"
    r"\s+of\s+)"
    # "in the Alberta city of Fort McMurray", "the Sichuan town of Beichuan" (not "in Syria and the city of Aleppo")
    r"|\s+(?:(?!and\b|or\b)[a-z-]+\s+){0,2}(?:city|town|village|port|county|district)\s+of\s+"
)

# A place that is the subject of its clause: "Greece has received", "Liberia remains the worst affected",
# "Washington, D.C., reportedly had".
SUBJECT_PLACE = re.compile(
    r"(?:'s)?"
    r"(?:\s+(?:refugee\s+|detention\s+)?camp)?"  # "The al-Hol camp now houses"
    r"(?:,\s+(?:the|a|an|one\s+of)\s[^,;]{1,60},"  # "Italy, the worst-hit country in Europe, has reported"
    r"|,\s+which\s[^;]{1,80}?,)?"  # "Al-Hol, which peaked at about 73,000 residents in 2019, still holds"
    r",?\s+(?:alone\s+|still\s+|[a-z]+ly\s+)?(?:has|have|had|hosts|hosted|houses|housed|received|receives|registered|"
    r"recorded|reported|counts|counted|took|takes|took in|lost|holds|held|now|is|was|remains|remained)\b"
)

# A place that modifies a noun: "U.S. forces", "the Iraq war", "the Syria border".
PLACE_AS_ADJECTIVE = re.compile(
    # (coordinated with another country's adjective: "U.S. and British warships")
    r"(?:\s+and\s+[A-Z][\w.-]*)?"
    r"\s+(?:forces?|troops?|bases?|military|army|navy|officials?|government|embassy|policy|war|side|border|authorities|"
    r"warships?|ships?|aircraft|jets?|planes?|helicopters?|drones?|"
    r"soldiers|personnel|strikes?|citizens|nationals|diplomats?|envoy|ambassador|president|leaders?|intelligence|"
    r"estimates?|assessments?|figures|tally|count|"  # "an earlier U.S. estimate": whose figure, not where
    # "the Pacific resort city of Acapulco": what the place named next lies by
    r"(?:resort|port|coastal)\s+(?:city|town)\s+of)\b"
)

# "University in Indiana", "Institute of Oceanography in Kiel", "the Cabinet Office in London": an affiliation's
# place; "Speaking in Miami": a speaker's.
AFFILIATION_BEFORE = re.compile(
    r"\b(?:University|College|Institute|Laboratory|Observatory)\s+(?:in|at)\s+(?:the\s+)?$"
    # "the Cabinet Office in London said": where an institution sits
    r"|\b(?:Office|Ministry|Department|Agency|Commission|Bureau|Secretariat)\s+in\s+$"
    # "Speaking in Miami, Bellerive estimated ...": where a speaker spoke
    r"|\b(?:[Ss]peaking|[Tt]alking|[Ww]riting)\s+(?:in|at|from)\s+(?:the\s+)?$"
    # "said in a telephone interview from Harare", "told AFP by phone from Goma": where the voice was reached
    r"|\b(?:interview|(?:tele)?phone|call|statement|said|told\s+\w+)\s+from\s+(?:the\s+)?$"
    # "researchers at Penn State", "a professor at Georgetown": where a speaker works
    r"|\b(?:researchers?|scientists?|professors?|experts?|economists?|epidemiologists?|academics?|analysts?)"
    r"\s+(?:at|from)\s+(?:the\s+)?$"
    # "the UN spokeswoman in Geneva", "our correspondent in Nairobi": where the voice sits, not where the count is
    r"|\b(?:spokes(?:man|woman|person|people)|correspondents?|reporters?|headquarters)\s+(?:in|at)\s+(?:the\s+)?$"
    # "the U.S. ambassador to Iraq", "the UN envoy for Syria": where a diplomat is sent
    r"|\b(?:[Aa]mbassadors?|[Ee]nvoys?|[Cc]onsuls?|[Cc]hargé d'affaires)\s+(?:to|for|in)\s+(?:the\s+)?$"
)

# "Butte County", "Hatay Province": an administrative area by its kind word, in any gazetteer or none.
ADMIN_AREA = re.compile(
    r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)? (?:County|Parish|Province|District|Prefecture|Governorate|Oblast))\b"
)

# A place whose number follows: "Guinea's 2,187 deaths", "Sierra Leone with 1,281 fatalities", "Chicago: 250,000",
# "Belgium's death toll stood at 31".
PLACE_OWNS_NUMBER = re.compile(
    r"(?:'s?\s+(?:[a-z]+\s+){0,2}|,?\s+with\s+(?:[a-z]+\s+){0,2}|:\s+|\s+\(|\s+(?=\d[\d,.]*\b)"
    r"|\s+[–—-]\s+(?=\d)"  # a list's "Lee – 49"
    # "Belgium's death toll stood at 31"
    r"|'s?\s+(?:[a-z]+\s+)?(?:toll|count|tally|total|figure)\s+(?:[a-z]+\s+){1,6}"
    # "Turkey was home to more than 3.6 million", "Lebanon, which hosts some 1.5 million"
    r"|,?\s+(?:which\s+|that\s+)?(?:is|was|remains|has\s+been)\s+(?:now\s+|still\s+)?home\s+to\s+(?:[a-z]+\s+){0,3}"
    r"|,\s+which\s+(?:hosts|hosted|houses|shelters)\s+(?:[a-z]+\s+){0,3})\d"
)
# "Tianjin, a major commercial port of about 7 million people": the place its appositive counts, which stays the
# place of a count before it too ("300 homes were destroyed in Paradise, a town of 27,000").
PLACE_APPOSITIVE_NUMBER = re.compile(
    rf",\s+(?:an?|the)\s+(?:[a-z-]+\s+){{0,3}}{_APPOSED_KIND}\s+of\s+(?:(?:about|around|some|nearly|almost|roughly|"
    r"more\s+than|over|under)\s+)?\d"
)


def _owned_number(text: str, place_end: int) -> re.Match | None:
    """The words from a place to a number they make its own: "Greece (821,008)", "Tianjin, a port of 7 million"."""
    return PLACE_OWNS_NUMBER.match(text, place_end) or PLACE_APPOSITIVE_NUMBER.match(text, place_end)


# How far before a place the words of an affiliation are looked for: "Observatory at the ".
AFFILIATION_REACH = 30
# A post held at a body, before it: "head of wildland fire information systems at Natural Resources Canada" (looked
# for only where "at" or "with" stands right before the name).
POST_AT = re.compile(
    r"\b(?:head|chief|director|manager|spokes(?:man|woman|person)|official|officer)\s+(?:of\s+(?:[\w-]+\s+){1,5})?"
    r"(?:at|with)\s+(?:the\s+)?$"
)
POST_AT_REACH = 70
AT_BEFORE = re.compile(r"\b(?:at|with)\s+(?:the\s+)?$")
AT_REACH = 9  # " with the " before the name
# A place opens its sentence when this much before it is a sentence's end: ". ", '" ', a line break.
SENTENCE_BREAK_REACH = 3
# What may stand before a place that opens its sentence: a connective, "The", a word describing the place.
PLACE_OPENER = re.compile(
    r"(?:(?:But|And|Meanwhile|Elsewhere|However|Separately|Similarly|Nearby)\b,?\s+)?"
    r"(?:(?:[Tt]he\s+)?(?:capital|city|town|port|province|state|region|island|village)\s+"  # "The capital Harare is"
    r"|(?:[Tt]he|[A-Z]?[a-z]+-[a-z]+|[A-Z][a-z]+ing|[Nn]earby|[Tt]iny|[Ll]andlocked)\s+)?$"
)
PLACE_OPENER_REACH = 40  # "Meanwhile, neighbouring " before the place

# A comma between two places, the second locating the first: "Del Rio, Texas".
APPOSITION = re.compile(r"\s*,\s*")

# Kinds of place a name is given with: "the al-Hol camp", "the town of Bakhmut".
_PLACE_KIND = (
    r"(?:camp|city|town|village|district|province|region|county|valley|island|port|canton|municipality|commune|"
    r"prefecture|governorate|department)"
)
# Between such a place and the wider place it lies in: " camp in northeastern " (after "the al-Hol"), " in eastern "
# (after "the town of Bakhmut").
# Buildings a name is given with: "Notre-Dame cathedral in Paris", "Grenfell Tower in west London".
_BUILDING_KIND = (
    r"(?:cathedral|mosque|church|temple|synagogue|stadium|arena|mall|hospital|airport|tower|school|market|"
    r"hotel|nightclub|club|theat(?:er|re)|hall|factory|plant|mine|station|prison|base|bridge|viaduct|dam|tunnel)"
)
VENUE_AFTER = re.compile(
    r"[^\S\n]+(?:Arena|Stadium|Airport|Station|Square|Mall|Bridge|Tower|Cathedral|Mosque|Church|Temple|Market|Hotel|"
    r"Hospital|Dam|Harbou?r)\b"
)
KIND_IN = re.compile(rf"\s+(?:{_PLACE_KIND}|{_BUILDING_KIND})\s+in\s+(?:the\s+)?(?:[a-z-]+\s+)?")
# ... and public spaces, which lie in a city as buildings do but name no event held in them ("the march in Hong Kong's
# Victoria Park" is no "Victoria Park march"): "Gwanghwamun Square in central Seoul".
NAMED_BUILDING = re.compile(rf"(?i)\b(?:{_BUILDING_KIND}|square|plaza|park|palace)$")
# An event at a named building is named by it: "the fire at Grenfell Tower" is the Grenfell Tower fire, "the shooting
# at Pulse nightclub" the Pulse nightclub shooting.
# ... and so is one that befell it: "the collapse of the Morandi bridge" is the Morandi bridge collapse.
AT_NAMED_BUILDING = re.compile(rf"\s+(?:at|in|on|of)\s+(?:the\s+)?((?:[A-Z][\w'-]*\s+){{1,4}}(?i:{_BUILDING_KIND}))\b")
IN_WIDER = re.compile(r"\s+in\s+(?:the\s+)?(?:[a-z-]+\s+)?")
KIND_OF_BEFORE = re.compile(rf"(?i)\b{_PLACE_KIND}\s+of\s+$")
KIND_OF_REACH = 20  # "the refugee camp of " before the name

# Between coordinated places: "Iraq and Syria", "Iraq, Syria or Libya", "Iraq and in Syria".
PLACE_JOIN = re.compile(
    r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+(?:in\s+)?|\s+or\s+)"
    # "southern Turkey and northern Syria": the part of the second place does not break the group
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|(?:north|south)-?(?:east|west)(?:ern)?)\s+)?$"
)


def ancestors(place: str, parents: dict[str, str], stated: dict[str, str] | None = None) -> list[str]:
    """The places ``place`` lies in by ``parents``, nearest first: Paradise -> Butte County -> California; where
    the article ``stated`` what a place lies in, that wins ("SAN JUAN, Puerto Rico": not Argentina's San Juan)."""
    stated = stated or {}
    found: list[str] = []
    while (place in stated or place in parents) and len(found) < 8:  # a cycle must not loop for ever
        place = stated.get(place) or parents[place]
        found.append(place)
    return found


# A newspaper named after its city: "the New York Times", "the Washington Post", "Los Angeles Times" report from
# there, they do not place what they report.
NEWSPAPER_AFTER = re.compile(
    r"\s+(?:Times|Post|Tribune|Herald|Journal|Gazette|Chronicle|Globe|Daily|Examiner|Inquirer|Star|Sun|Courier)\b"
)


# A place in a university's or an institute's name says where it is, not where what it counts is: "researchers at the
# University of Michigan", "Florida State University".
INSTITUTION_BEFORE = re.compile(r"\b(?:University|College|Institute|School|Academy)\s+of\s+(?:the\s+)?$")
INSTITUTION_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'.-]*\s+){0,3}(?:University|College|Institute|Polytechnic)\b"  # "George Washington University"
)


# A capitalised word right before a gazetteer name makes it part of a person's name: "Kamal Singh Bam" is no
# town called Bam.
NAME_BEFORE_PLACE = re.compile(r"\b(?!The\b)[A-Z][a-z]+\s$")
# ... and a gazetteer name between a post and a surname that closes the speaker's words is a first name: "Alberta
# senior wildlife manager Chad Morrison" speaks for no Chad (not "the Nevada Sheriff", "officials in Jordan").
POST_BEFORE_NAME = re.compile(r"\b(?!(?:the|a|an|of|in|for|from|at|and|by)\b)[a-z]+\s$")
SURNAME_AFTER = re.compile(r"\s[A-Z][a-z]+(?:\s*$|,)")


def speaker_places(attribution: str, lexicon: Lexicon) -> list[str]:
    """Places an agency is named after: "Butte County Sheriff's Office", "Nepal's home ministry", "Haitian
    officials" (not a newspaper's city: "scientists contacted by the New York Times")."""

    def own(m: Mention) -> bool:
        return not (
            NEWSPAPER_AFTER.match(attribution, m.end)
            or INSTITUTION_BEFORE.search(attribution, 0, m.start)
            or INSTITUTION_AFTER.match(attribution, m.end)  # "researchers at George Washington University"
            or NAME_BEFORE_PLACE.search(attribution, 0, m.start)
            or (POST_BEFORE_NAME.search(attribution, 0, m.start) and SURNAME_AFTER.match(attribution, m.end))
            or AFFILIATION_BEFORE.search(attribution, 0, m.start)  # "the Cabinet Office in London"
        )

    if place_id(attribution, lexicon) in lexicon.capitals.values():
        return []  # "Paris promised reinforcements", "Moscow said": a government by its capital, speaking of anywhere
    entities = lexicon.entities.find(attribution)
    # "CENTCOM said", "U.S. Central Command said": a body acting for its country abroad as at home, so no place of
    # what it says; nor an agency named after its country ("the US Agency for International Development")
    bodies = [e for e in entities if lexicon.is_body(e.text) or lexicon.entity_types.get(e.id) == "org"]
    found = [m.id for m in lexicon.places.find(attribution) if own(m) and not any(_within(m, b) for b in bodies)]
    found += [e.id for e in entities if lexicon.entity_types.get(e.id) == "country" and own(e) and e not in bodies]
    found += [slug(m.group(1)) for m in ADMIN_AREA.finditer(attribution)]
    return list(dict.fromkeys(found))


def _within(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def place_id(name: str, lexicon: Lexicon) -> str:
    """A place's id in the gazetteer, or its name as an id ("Butte County" -> butte_county)."""
    found = lexicon.places.find(name)
    if found and found[0].start == 0 and found[0].end >= len(name.rstrip(".")) - 1:
        return found[0].id
    return slug(name)


# An item of a list of counts by place: "include: Charlotte – 2; Collier – 5; Lee – 49", "Ohio: 12; Texas: 9".
LIST_ITEM = re.compile(
    rf"(?:^|(?<=[;:\n]))\s*((?:[{_UPPER}][{_LOWER}.'-]+)(?: [{_UPPER}][{_LOWER}.'-]+){{0,2}})\s*(?:[–—-]|:)\s*\d"
)
MIN_LIST_ITEMS = 2


def listed_places(text: str, start: int, end: int, known: list[Mention]) -> list[Mention]:
    """The labels of a list of counts by place, one of which the gazetteer knows, as places: in "Charlotte – 2;
    Collier – 5; Hardee – 1" Collier and Hardee are places as Charlotte is."""
    if text.find(";", start, end) < 0:  # most sentences: no list
        return []
    items = [m for m in LIST_ITEM.finditer(text, start, end) if m.start(1) >= start]
    if len(items) < MIN_LIST_ITEMS or not any(k.start == m.start(1) for m in items for k in known):
        return []
    return [Mention(m.start(1), m.end(1), slug(m.group(1)), m.group(1)) for m in items]


# A name coordinated after a place a locative opens: "in Puri, Bhubaneswar and Jajpur", "in Keonjhar, Nayagarh and
# Kendrapara" (the gazetteer knowing only the first); a list only with its "and" or "or" ("in Paris, Macron said" is
# none).
COORDINATED_NAME = re.compile(
    r"(?:\s*,\s*(?P<last>(?:and|or)\s+)?|\s+(?P<joined>and|or)\s+)"
    rf"((?:Mc|Mac)?[{_UPPER}][{_LOWER}'-]+(?:[ -](?:Mc|Mac)?[{_UPPER}][{_LOWER}'-]+)?)(?![\w{_UPPER}{_LOWER}])"
    # (a name its verb follows is a speaker's or a doer's: "in Paris and Le Monde said")
    r"(?!\s+(?:said|says|reported|reports|told|has|have|had|is|was|were|will|would|added|announced|estimated)\b)"
)


def coordinated_places(text: str, start: int, end: int, known: list[Mention]) -> list[Mention]:
    """The names a locative list of places coordinates with a place already found (``known``), as places."""
    found: list[Mention] = []
    for k in known:
        after = text[k.end : k.end + 5]
        if not after.startswith((",", " and ", " or ")):
            continue  # most places: no list goes on after them (looked at before any pattern)
        if not LOCATIVE_BEFORE.search(text, max(start, k.start - LOCATIVE_REACH), k.start):
            continue
        chain, pos, joined = [], k.end, False
        while (m := COORDINATED_NAME.match(text, pos, end)) and not joined:
            chain.append(Mention(m.start(3), m.end(3), slug(m.group(3)), m.group(3)))
            joined, pos = bool(m.group("last") or m.group("joined")), m.end()
        if joined:
            found += chain
    return found


def with_unknown_places(
    text: str, start: int, end: int, known: list[Mention], entities: list[Mention], lexicon: Lexicon
) -> list[Mention]:
    """Add places no gazetteer knows where the grammar says "place": "in the town of Mai Kadra", "near Rolling Fork"."""
    found = list(known)
    taken = {(k.start, k.end) for k in known}
    found += [m for m in listed_places(text, start, end, known) if not any(a < m.end and m.start < b for a, b in taken)]
    # (the words each pattern needs are looked for first: few sentences name a camp or two places of one kind)
    for m in (
        *UNKNOWN_PLACE.finditer(text, start, end),
        *(PLURAL_KIND_PLACE.finditer(text, start, end) if text.find("and", start, end) >= 0 else ()),
        *(CAMP_NAME.finditer(text, start, end) if text.find("camp", start, end) >= 0 else ()),
        *(ISLAND_NAME.finditer(text, start, end) if text.find("sland", start, end) >= 0 else ()),
        *(APPOSED_PLACE.finditer(text, start, end) if text.find(", a", start, end) >= 0 else ()),
    ):
        s, e = m.span(1)
        name = m.group(1)
        tail = lexicon.places.find(text, s, e) if " " in name else []  # a name of one word holds no country after it
        country = next((k for k in tail if k.end == e and k.id in lexicon.countries), None)
        own = text[s : country.start].strip() if country is not None else ""
        if own and " " not in own:
            # "the resort city of Acapulco Mexico": a place and its country, the comma between left out
            e, name = s + len(own), own
        # (not "Leyte Province": a known place and its kind's word are that place; nor "Northern Syria", "Kenya's
        # Garissa": a part of the place, a place's own; nor a name that ends on the known one)
        inside = [
            k
            for k in found
            if s <= k.start
            and k.end <= e
            and (k.start, k.end) != (s, e)
            and not (PLACE_KIND_WORDS.fullmatch(text, k.end, e) and not _county_of_a_city(text, k, e, lexicon))
            and k.end < e  # "Natural Resources Canada", "Statistics Canada": a body named after its country
            and not (DIRECTION_WORDS.fullmatch(text, s, k.start) and k.end == e)
            and not POSSESSIVE_INSIDE.search(name)
        ]
        # a longer name holds a shorter one: "North West Frontier province" (not the "North West" of a gazetteer),
        # "Pakistani Kashmir" (a country's adjective, then a name)
        owned = [x for x in entities if x.start == s and x.end < e and lexicon.entity_types.get(x.id) == "country"]
        taken = [(x.start, x.end) for x in (*found, *entities) if x not in inside and x not in owned]
        if any(word in NOT_PLACES for word in name.split()) or any(a < e and s < b for a, b in taken):
            continue  # "at Purdue University": an institution, not a place
        if name.lower() in KIND_ALONE:
            continue  # "in the State of Mexico": a kind's word, the place's name after it
        if names_event(name, lexicon) or name.endswith(("'s", "’s")) or text.startswith(("'s", "’s"), e):
            continue  # "in the Camp Fire": an event; "at Donald Trump's inauguration": an owner, not a place
        if frames_a_record(text, e) or KIND_OF_PLACE_AFTER.match(text, e):
            continue  # "in California history": a record's frame; "in the South Asian nation of Nepal": Nepal is
        found = [k for k in found if k not in inside]
        # "in Louisian": Louisiana; "Utoya Island" is Utoya, as "Utoya island" is
        found.append(Mention(s, e, lexicon.misspelt_place(name) or slug(ISLAND_WORD.sub("", name)), name))
    if text.find(",", start, end) >= 0 or text.find(" and ", start, end) >= 0:
        blocked = [(x.start, x.end) for x in (*found, *entities)]
        found += [
            m
            for m in coordinated_places(text, start, end, sorted(found, key=lambda m: m.start))
            if not any(a < m.end and m.start < b for a, b in blocked) and m.text not in NOT_PLACES
        ]
    return sorted(found, key=lambda m: m.start)


def _county_of_a_city(text: str, place: Mention, end: int, lexicon: Lexicon) -> bool:
    """ "Charlotte County", "Los Angeles County": a county named after a city is a place of its own, where "Leyte
    Province" or "Kiambu County" is the province the gazetteer knows."""
    return bool(COUNTY_AFTER.fullmatch(text, place.end, end)) and place.id not in lexicon.provinces | lexicon.countries


# "in the capital", "the country's capital", "the Haitian capital": the capital of a country; not "the capital of
# Haiti", whose place is named
CAPITAL_REFERENCE = re.compile(
    r"\b[Tt]he\s+(?:(?:country|nation)['’]s\s+|(?P<adjective>[A-Z][a-z]+)\s+)?capital(?:\s+city)?\b"
    r"(?!\s+(?:of|city|region|district|area|letters?|punishment|gains?|expenditure|spending|markets?)\b)"
)
THE_CAPITAL = "the_capital"  # a capital the sentence does not say the country of: the one in force (claim_place.py)


def capital_mentions(text: str, start: int, end: int, entities: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """References to a country's capital, as places: "the Haitian capital" is Port-au-Prince; "the capital" is
    THE_CAPITAL until the country in force is known."""
    found: list[Mention] = []
    if text.find("capital", start, end) < 0:  # most sentences: no regex scan
        return found
    for m in CAPITAL_REFERENCE.finditer(text, start, end):
        capital = THE_CAPITAL
        if m.group("adjective"):
            owner = [e.id for e in entities if e.start == m.start("adjective") and e.id in lexicon.capitals]
            if not owner:
                continue  # "the Ottoman capital", "the Venture capital": no country the gazetteer knows
            capital = lexicon.capitals[owner[0]]
        found.append(Mention(m.start(), m.end(), capital, m.group()))
    return found


# "across the two countries", "in both cities": places the article has named, as many as it says; "in the country",
# "the city", "the region": the last one (not "the country music festival", "the city council": a noun's modifier)
PLACES_REFERENCE = re.compile(
    r"(?i)\b(?:(?:the\s+(?P<count>two|three|four|five)|both(?:\s+(?:of\s+)?the)?)\s+"
    r"(?P<kind>countries|nations|cities|towns|states|provinces|regions)\b"
    r"|the\s+(?P<one>country|nation|city|town|region|state|province)\b(?![-\w]|\s+(?:music|club|council|hall|"
    r"cent(?:re|er)|limits|government|police|manager|mayor|officials?|authorities|department|side|house|road|star|"
    r"singer|folk|life|people|dwellers?|state|planners?|park|streets?|"
    # "the state media", "the state of emergency", "the State Department": the state as a body, or no place
    r"of|media|news|agency|television|tv|broadcaster|run|owned|company|firm|budget|capital|legislature|assembly|"
    r"secretary|minister|ministry|governor|prosecutors?|attorney|election|funeral|visit|dinner|banquet|apparatus|"
    # "the state electricity company", "the state disaster agency": a body the state owns
    r"electricity|power|oil|gas|energy|utility|utilities|water|bank|railways?|airline|enterprises?|sector|workers|"
    r"employees|pension|health|education|security|forces|army|troops|weather|meteorological|disaster|emergency|"
    r"relief|council|commission|board|authority|capacity|level|line)\b))"
)
PLACE_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
# What such a reference stands for: countries, a region (the places files' `kind: region`), a country's parts, towns
# (no country, part or region: "Floodwater swept through Zhengzhou. Officials in Henan province said 65 people drowned
# in the city" is Zhengzhou, not Henan), else any places.
REFERENCE_KINDS = {
    "countries": "countries",
    "nations": "countries",
    "country": "countries",
    "nation": "countries",
    "region": "region",
    "provinces": "provinces",
    "state": "provinces",
    "province": "provinces",
    "cities": "towns",
    "towns": "towns",
    "city": "towns",
    "town": "towns",
}
# A relative clause set off by commas: ", which is fighting to topple the government in Mogadishu,".
RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\s[^,;]{1,120},")
SAYING = re.compile(r"\s*(?:said|says|told|tells|added|warned|noted)\b")
# A count over many places, told right after it: "above 500 across three southern African countries", "40 in
# neighbouring countries", "1,000 across the region"; a country's provinces ("884,000 people in five provinces") keep
# the count in its country; "the two countries" names places told before (PLACES_REFERENCE).
SPREAD_AFTER = re.compile(
    r"(?i)\s*(?:[a-z]+\s+){0,5}?(?:(?:across|throughout|around)\s+the\s+(?P<wide>region|continent|world|globe)\b|"
    r"(?P<world>worldwide|globally)\b|"
    r"(?<=\d)(?P<overall>\s+overall)\b(?=\s*[,;.]|$)|"  # "88 in U.S., 157 overall": the whole, over every place
    r"(?:across|throughout|in)\s+(?!(?:the|both|these|those)\s)(?:[\w-]+\s+){1,3}?"
    r"(?:(?P<countries>countries|nations)|states|provinces|regions)\b)"
)
# ... or before it: "taking the toll across the region to more than 700".
SPREAD_BEFORE = re.compile(
    r"(?i)\b(?:across|throughout)\s+the\s+(?:region|continent|world)\s+(?:to|at|of)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:global|worldwide)\s+(?:[a-z-]+\s+){0,4}$"  # "global cases had passed 1 million"
    # "brought the storm's overall death toll to 157" (after "88 U.S. deaths"): the whole, over every place
    r"|\boverall\s+(?:death\s+)?(?:toll|total|tally|count|number)\s+(?:[a-z]+\s+){0,2}$"
)
SPREAD_REACH = 60  # "across the region to more than " before the number, "across three southern African countries"
# ... or set apart from the place in force, anywhere before it in its sentence: "In other affected states (MS, FL) the
# number of deaths is 256", "in the other provinces".
OTHER_PLACES = re.compile(
    r"(?i)\b(?:in|across|for|throughout)\s+(?:the\s+|all\s+|\d[\d,]*\s+|[a-z]+\s+)?other\s+(?:[a-z-]+\s+)?"
    r"(?:states|countries|nations|provinces|regions|cities|towns|districts|counties)\b"
)
# ... or after it: "60,000 people also gathered in 10 other cities around the country".
OTHER_PLACES_AFTER = re.compile(r"(?i)\s*(?:[a-z]+\s+){0,4}?" + OTHER_PLACES.pattern.removeprefix("(?i)"))
# ... or all places but one: "350,000 more rallied outside the capital", "60,000 rallied outside of Seoul" (not
# "outside Kabul", near it).
_OUTSIDE = r"outside\s+(?:of\s+(?:the\s+)?(?:capital|city|(?-i:[A-Z])[\w-]+)|the\s+(?:capital|city)\b)"
OUTSIDE_BEFORE = re.compile(r"(?i)\boutside\s+(?:of\s+(?:the\s+)?|the\s+)$")
OUTSIDE_REACH = 16  # "outside of the " before the place
OUTSIDE_AFTER = re.compile(rf"(?i)\s+(?:[a-z]+\s+){{0,3}}?{_OUTSIDE}")
OUTSIDE_OPENING = re.compile(rf"(?i){_OUTSIDE}\s*,")
# ... or over the whole country in force: "950,000 people took to the streets nationwide", "some 950,000 people lit
# candles throughout the country", "Across the country, 1,200 schools closed" (not "in 10 other cities around the
# country": all but one, OTHER_PLACES_AFTER).
_NATIONWIDE = (
    r"(?:nationwide|countrywide|(?:across|throughout|around|all\s+over)\s+the\s+(?:whole\s+|entire\s+)?"
    r"(?:country|nation)\b(?!'))"
)
NATIONWIDE_AFTER = re.compile(rf"(?i)\s*(?:[a-z]+\s+){{0,5}}?{_NATIONWIDE}")
NATIONWIDE_OPENING = re.compile(rf"(?i){_NATIONWIDE}\s*,")
# ... or in the words of the figure it is the value of: "The nationwide death toll rose to 139", "the country's toll".
NATIONWIDE_FIGURE = re.compile(
    r"(?i)\b(?:nationwide|countrywide|national|(?:the\s+)?(?:country|nation)['\u2019]s)\s+(?:[a-z]+\s+)?"
    r"(?:toll|tally|count|total|figure)\b[^.;\d]{0,60}$"
)
NATIONWIDE_FIGURE_REACH = 100  # "The nationwide death toll from Tuesday's earthquake rose to " before the number
PLACES_KIND = re.compile(r"countries|nations|cities|towns|state|province|region|country|nation|city|town")
THE_PLACES = "the_places"  # such a reference until the places it stands for are known (claim_place.py)


def spread_over_places(
    text: str, start: int, end: int, sentence_start: int, sentence_end: int
) -> tuple[str, str] | None:
    """How the count from ``start`` to ``end`` is told over many places at once, none named with it, and the words
    that say so: "countries" ("across three countries", "across the region", "worldwide": none the article has
    named), "parts" (of one country: "in five provinces"), "others" (all but the place in force: "in other
    states"), "country" (the whole country in force: "nationwide"), or None."""
    after = SPREAD_AFTER.match(text, end, min(sentence_end, end + SPREAD_REACH))
    if after:
        wide = after.group("wide") or after.group("world") or after.group("countries") or after.group("overall")
        return ("countries" if wide else "parts"), after.group().strip()
    before = SPREAD_BEFORE.search(text, max(0, start - SPREAD_REACH), start)
    if before:
        return "countries", before.group().strip()
    others = (
        OTHER_PLACES.search(text, sentence_start, start)
        or OTHER_PLACES_AFTER.match(text, end, min(sentence_end, end + SPREAD_REACH))
        or OUTSIDE_AFTER.match(text, end, min(sentence_end, end + SPREAD_REACH))
    )
    if others is None:
        opening = OUTSIDE_OPENING.search(text, sentence_start, start)  # "Outside the capital, 350,000 rallied"
        others = opening if opening and opening.start() == sentence_start else None
    if others:
        return "others", others.group().strip()
    whole = NATIONWIDE_AFTER.match(text, end, min(sentence_end, end + SPREAD_REACH))
    if whole is None:
        whole = NATIONWIDE_OPENING.match(text, sentence_start, start)  # "Nationwide, 950,000 rallied"
    if whole is None:
        whole = NATIONWIDE_FIGURE.search(text, max(sentence_start, start - NATIONWIDE_FIGURE_REACH), start)
    return ("country", whole.group().strip()) if whole else None


def outside_asides(text: str, start: int, end: int, groups: list, quantities: list) -> list:
    """The place groups of a sentence but those in a relative aside no number of it is in: "Al-Shabab, which is
    fighting the government in Mogadishu, commands about 15,000 fighters" places the group's words, not its count."""
    if "," not in text[start:end]:
        return groups
    # not before a saying: "Hasina, who visited the camps in Cox's Bazar, said the district held a million" tells
    # where the district is
    asides = [
        (m.start(), m.end()) for m in RELATIVE_ASIDE.finditer(text, start, end) if not SAYING.match(text, m.end())
    ]
    return [
        g
        for g in groups
        if not any(a <= g[0] and g[1] <= b and not any(a <= q.start < b for q in quantities) for a, b in asides)
    ]


def places_references(text: str, start: int, end: int) -> list[Mention]:
    """References to places named before, as places: "the two countries" is THE_PLACES:countries:2."""
    found: list[Mention] = []
    if not PLACES_KIND.search(text, start, end):  # most sentences: no case-blind scan
        return found
    for m in PLACES_REFERENCE.finditer(text, start, end):
        count = 1 if m.group("one") else PLACE_COUNTS.get((m.group("count") or "two").lower(), 2)
        kind = REFERENCE_KINDS.get((m.group("kind") or m.group("one")).lower(), "places")
        found.append(Mention(m.start(), m.end(), f"{THE_PLACES}:{kind}:{count}", m.group()))
    return found


def names_event(name: str, lexicon: Lexicon) -> bool:
    """Whether a capitalised name ends in an event's head noun: "Camp Fire", "Women's March"."""
    heads = lexicon.events.heads.find(name) + lexicon.events.names.find(name)
    return any(h.end >= len(name) for h in heads)


def place_groups(text: str, mentions: list[Mention], countries: frozenset[str] = frozenset()):
    """Coordinated locative places as one group ("in Iraq and Syria" -> [iraq, syria]), and places that open a
    sentence; ``countries`` are the ids of countries, which no comma puts inside another ("India, Bangladesh")."""
    groups: list[tuple[int, int, list[str], str]] = []
    subjects: list[tuple[int, int, list[str], str]] = []
    within: dict[str, str] = {}  # what the text says lies in what: "Paradise, Butte County"
    for previous, m in zip([None, *mentions], mentions, strict=False):
        if previous is not None and _named_place_in(text, previous, m):
            # "The al-Hol camp in northeastern Syria houses": the camp, which the text says lies in Syria
            if groups and groups[-1][0] == previous.start:
                groups.pop()
            groups.append((previous.start, m.end, [previous.id], text[previous.start : m.end]))
            if not m.id.startswith(THE_PLACES):
                within[previous.id] = m.id
            continue
        country = _country_after(text, m.end, countries)
        if country:
            within.setdefault(m.id, country)  # "Acapulco Mexico": the article says where the place lies
        # "Manchester Arena was bombed", "at Kabul Airport": a venue named after its city is in it
        venue = VENUE_AFTER.match(text, m.end) if m.id not in countries else None
        end = venue.end() if venue else m.end
        if (NAME_GOES_ON.match(text, m.end) and not country and not venue) or PLACE_AS_ADJECTIVE.match(text, m.end):
            continue  # "the U.S. Embassy", "on U.S. forces": part of a name or a modifier, not a place
        if groups and PLACE_JOIN.match(text[groups[-1][1] : m.start]):
            s, _, ids, _ = groups[-1]
            if (
                APPOSITION.fullmatch(text, groups[-1][1], m.start)
                and not (m.id in countries and set(ids) <= countries)
                and not LIST_GOES_ON.match(text, m.end)  # "in Paris, Lyon and Rennes": a list, no place in another
            ):
                # "Del Rio, Texas", "Mai Kadra, Ethiopia's ...": the second place locates the first: the group is the
                # narrower, and the article learns that it lies in the wider (a claim there is in both)
                groups[-1] = (s, m.end, ids, text[s : m.end])
                within.update({pid: m.id for pid in ids if pid != m.id})
            else:
                groups[-1] = (s, m.end, sorted({*ids, m.id}), text[s : m.end])
            continue
        if previous is not None and DESCRIBED_GAP.fullmatch(text, previous.end, m.start):
            continue  # "Italy, the worst-hit country in Europe, has reported": what Italy is, not where
        if BEARING_BEFORE.search(text, max(0, m.start - BEARING_REACH), m.start):
            continue  # "about 180 miles northeast of San Francisco", "the state's border with Arkansas": not there
        if groups and POSSESSIVE_GAP.fullmatch(text, groups[-1][1], m.start):
            # "in Russia's Kursk region": the narrower place, which the article learns lies in the wider (not
            # "Alberta's neighbouring province of Saskatchewan")
            owner = groups[-1][2]
            if (
                len(owner) == 1
                and owner[0] != m.id
                and not owner[0].startswith(THE_PLACES)  # "the state's border with Arkansas": which state, unknown yet
                and not NEIGHBOURING.search(text, groups[-1][1], m.start)
            ):
                within[m.id] = owner[0]
            groups[-1] = (m.start, m.end, [m.id], m.text)
            continue
        locative = LOCATIVE_BEFORE.search(text[max(0, m.start - LOCATIVE_REACH) : m.start])
        owns = locative or _owned_number(text, end)
        # (a line's label places its counts as a sentence's subject does: where no place of their own does)
        subject = not owns and (
            (SUBJECT_PLACE.match(text, end) and starts_sentence(text, m.start)) or _labels_line(text, m.start, end)
        )
        if not (owns or subject):
            continue  # most mentions: no place of a count, whatever the words around them (the checks below only drop)
        if (
            AFFILIATION_BEFORE.search(text, max(0, m.start - AFFILIATION_REACH), m.start)
            or INSTITUTION_BEFORE.search(text, max(0, m.start - AFFILIATION_REACH), m.start)
            or (
                AT_BEFORE.search(text, max(0, m.start - AT_REACH), m.start)
                and POST_AT.search(text, max(0, m.start - POST_AT_REACH), m.start)
            )
        ):
            continue  # "an engineer at Purdue University in Indiana": where the speaker works, not where the count is
        if locative and came_from(text, m.start):
            continue  # "came from Syria", "crossed into Chad from Sudan": where people left, not where they are
        if text.find("outside", max(0, m.start - OUTSIDE_REACH), m.start) >= 0 and OUTSIDE_BEFORE.search(
            text, max(0, m.start - OUTSIDE_REACH), m.start
        ):
            continue  # "350,000 more rallied outside the capital": everywhere but there (spread_over_places)
        if POSSESSIVE_AFTER.match(text, m.end) and DESCRIBING_BEFORE.search(
            text, max(0, m.start - DESCRIBING_REACH), m.start
        ):
            continue  # "Moldova, one of Europe's poorest countries": what the place before is, not where
        if owns:
            groups.append((m.start, m.end, [m.id], m.text))
        else:
            subjects.append((m.start, m.end, [m.id], m.text))
    return groups, subjects, within


LABEL_AFTER = re.compile(r":\s")
LABELLED_LINE = 120  # the longest line a label opens: a headline's (a paragraph's is a dateline, of the article)


def _labels_line(text: str, start: int, end: int) -> bool:
    """Whether a place opens a headline as its label: "Tamil Nadu: Met department predicts more rain, death toll
    215" (not "Thiruvananthapuram: The World Bank team have assessed that the damages from the deluge in Kerala ...":
    a dateline with a colon)."""
    if LABEL_AFTER.match(text, end) is None:
        return False
    line_start = text.rfind("\n", max(0, start - LABELLED_LINE), start) + 1  # (bounded: no scan of a long line)
    if line_start == 0 and start > LABELLED_LINE:
        return False
    short = text.find("\n", end, line_start + LABELLED_LINE + 1) >= 0 or len(text) - line_start <= LABELLED_LINE
    return short and not text[line_start:start].strip()


# The capitalised words right after a place: "Acapulco Mexico" (its country, the comma left out).
NEXT_NAME = re.compile(r" ((?:[A-Z][a-z]+)(?: [A-Z][a-z]+){0,2})\b")


def _country_after(text: str, end: int, countries: frozenset[str]) -> str | None:
    """The country whose name follows a place with no comma between: "the resort city of Acapulco Mexico"."""
    after = NEXT_NAME.match(text, end)
    country = slug(after.group(1)) if after else None
    return country if country in countries else None


def _named_place_in(text: str, place: Mention, wider: Mention) -> bool:
    """Whether a text puts a place it names as a kind of place in a wider one: "the al-Hol camp in northeastern
    Syria", "the town of Bakhmut in eastern Ukraine", "Notre-Dame cathedral in Paris"."""
    if KIND_IN.fullmatch(text, place.end, wider.start):
        return True
    if NAMED_BUILDING.search(place.text) and IN_WIDER.fullmatch(text, place.end, wider.start):
        return True  # "Grenfell Tower in west London"
    kind_before = KIND_OF_BEFORE.search(text, max(0, place.start - KIND_OF_REACH), place.start)
    return bool(kind_before) and IN_WIDER.fullmatch(text, place.end, wider.start) is not None


def starts_sentence(text: str, pos: int) -> bool:
    """ "Germany received 329,000 asylum seekers": a country opening the sentence is where the count is, after an
    opener or a word describing it too: "The Kurdistan Region hosts", "Neighbouring Tonga has reported", "Meanwhile,
    war-torn Yemen has recorded"."""
    opener = PLACE_OPENER.search(text, max(0, pos - PLACE_OPENER_REACH), pos)
    if opener:
        pos = opener.start()
    before = text[max(0, pos - SENTENCE_BREAK_REACH) : pos]
    dateline = DATELINE.match(text, text.rfind("\n", 0, pos) + 1, pos)  # "BEIRUT (Reuters) - Lebanon hosts"
    return (
        pos == 0 or before.strip() == "" or before.endswith((". ", '" ', "\n")) or (dateline and dateline.end() == pos)
    )


# Where one clause ends and another with its own number begins: "; ", ", and ", ", while ".
CLAUSE_BETWEEN = re.compile(r";|,\s+(?:and|but|while|whereas)\b")
# A participle's clause after a number: its places are its own ("spread across 240 square miles, destroying most of
# Paradise"), never the number's before it. An aside that a comma closes is no clause of its own: "8,000 migrants,
# including minors, reached Ceuta".
PARTICIPLE_CLAUSE = re.compile(r",\s+(?!according\b)(?!(?:including|excluding)\b[^,;.]{0,40},)[a-z]+ing\b")
AND = re.compile(r"\band\b")
OTHER_CLAUSE = 1000  # characters a clause break counts as: a place of one's own clause always comes first
COMMA_BEFORE = 20  # ... and a comma between a place and the number after it: a phrase of its own, as a rule


# Between a number's noun and a number that modifies it: " from " (80 countries), " of " (the 2,000).
MODIFIER_GAP = re.compile(r"\s+(?:from|across|representing|of)\s+(?:the\s+)?")
# ... or a part of it in an aside: "At least 5,000 migrants, about a thousand of them minors, reached Ceuta".
PART_ASIDE = re.compile(r"\s+of\s+(?:them|whom|those)\b[^,;.]{0,30},")


# A place tied to the counted people by a verb of where they are: "5,200 U.S. troops stationed in Iraq", "900
# remain in Syria": theirs, however near a place before the number stands ("questions on Capitol Hill about the").
STATIONED_IN = re.compile(
    r"\s+(?:(?:are|were|is|was|still|now)\s+)?(?:stationed|deployed|based|posted|garrisoned|remaining|remain|remains|"
    r"serving|serve|operating|operate)\s+(?:in|inside|across|throughout|to|at)\s+(?:the\s+)?(?:[a-z-]+\s+)?"
)

WHERE_AFTER = re.compile(r",?\s+where\b")

# A locative phrase that opens its sentence: "Across Canada, ", "In Germany, ".
OPENING_PLACE = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|Across|Throughout|Inside|Within|All over)\s+(?:the\s+)?$")
OPENING_PLACE_REACH = 20


def assign_places(text: str, places, quantities: list[Quantity]) -> dict[int, tuple[list[str], str]]:
    """Place groups and quantities paired nearest first, each at most once: "2,500 troops remain in Iraq and 900 in
    Syria" gives Iraq to the 2,500 once Syria has gone to the 900 beside it."""
    # "15,000 foreign fighters from 80 countries have travelled to Syria": a number that modifies the one before it
    # neither stands between that one and its place nor takes the place
    modifiers = {
        id(b)
        for a, b in pairwise(quantities)
        if MODIFIER_GAP.fullmatch(text, a.end, b.start)
        or (text[a.end : b.start].strip() == "," and PART_ASIDE.match(text, b.end))
    }
    # "88,000 square kilometres (34,000 square miles) of Iraq and Syria": a figure restated in another unit is where
    # the figure is, and stands between it and no place
    restated = {id(b): id(a) for a, b in pairwise(quantities) if converts(text, a, b)}
    modifiers |= set(restated)
    # nor does a span of time stand between: "Four months of war in Sudan have displaced more than 4 million people"
    durations = {id(q) for q in quantities if q.measure == "duration"}
    things = {id(q) for q in quantities if counts_things(q)}
    starts = sorted(q.start for q in quantities if id(q) not in modifiers | durations)
    # "Across Canada, more than 1,000 fires are burning, and some 13.7 million hectares have burned": a place that
    # opens the sentence frames all of it
    framing = {
        p_start
        for p_start, p_end, _, _ in places
        if OPENING_PLACE.search(text, max(0, p_start - OPENING_PLACE_REACH), p_start) and text.startswith(",", p_end)
    }
    # "a deployment to Syria, where they will join the 900 American troops": the place of a "where" clause is shared
    shared = {
        p_start
        for p_start, p_end, _, _ in places
        if WHERE_AFTER.match(text, p_end) or PLACE_APPOSITIVE_NUMBER.match(text, p_end)
    }
    pairs = []
    for p_start, p_end, ids, p_text in places:
        for q in quantities:
            if id(q) in modifiers:
                continue
            if q.start <= p_start < q.end and q.head_start is not None and p_start < q.head_start:
                continue  # "2,500 U.S. troops": an adjective of the noun, not a place
            low, high = (p_end, q.start) if p_end <= q.start else (q.end, p_start)
            if q.end <= p_start and PARTICIPLE_CLAUSE.search(text, q.end, p_start):
                continue
            if p_start not in framing and bisect.bisect_left(starts, high) > bisect.bisect_left(starts, low):
                continue  # another number stands between them: "... close to half of those came from Syria"
            distance = max(q.start - p_end, p_start - q.end, 0)
            owns = p_end <= q.start and (m := _owned_number(text, p_end)) and m.end() > q.start
            if owns:
                distance = -1  # "followed by Liberia with 9,343", "Greece (821,008)": the place's own number
            elif q.end <= p_start and STATIONED_IN.fullmatch(text, q.end, p_start):
                distance = 0
            elif CLAUSE_BETWEEN.search(text, low, high):
                distance += OTHER_CLAUSE  # "... in Wales, and 300 midwives ...": Wales is the first clause's
            elif p_end <= q.start and ("," in text[low:high] or AND.search(text, low, high)):
                # "2,000 troops in Syria, more than double the 900": Syria is the 2,000's; "in the path of the storm in
                # Mozambique and another 920,000 had been affected in Malawi": Mozambique is the first clause's
                distance += COMMA_BEFORE
            pairs.append((distance + (0.5 if p_end <= q.start else 0), p_start, id(q), (ids, p_text)))
    owners: dict[int, tuple[list[str], str]] = {}
    placed: set[int] = set()
    for _, p_start, q, group in sorted(pairs, key=lambda pair: pair[:3]):
        if q not in owners and p_start not in placed:
            owners[q] = group
            # a span of time shares its place ("three months of fighting in Gaza"), and so does a count of the things
            # an event struck ("his attack on two mosques in Christchurch killed 49 people")
            if q not in durations and q not in things and p_start not in framing | shared:
                placed.add(p_start)
    for converted, stated in restated.items():
        if stated in owners:
            owners[converted] = owners[stated]
    return owners


# Capitalised words before a place that still leave it that place: "Northern California", "West Mosul".
PLACE_QUALIFIERS = frozenset(
    "north northern south southern east eastern west western central upper lower greater inner outer coastal rural "
    "downtown mid the in of and".split()
)
# A capitalised word right before a place: "Sierra Nevada", "Gulf of Mexico" (the "of" between is allowed).
WORD_BEFORE = re.compile(r"([A-Z][\w'.-]*)(?:\s+of)?\s+$")
WORD_BEFORE_REACH = 30


def inside_longer_name(text: str, sentence_start: int, place: Mention) -> bool:
    """Whether a known place is a word of a name the gazetteer does not know: "Nevada" of "the Sierra Nevada
    foothills", "Mexico" of "the Gulf of Mexico" (not "Northern California", nor a sentence's first word)."""
    before = WORD_BEFORE.search(text, max(sentence_start, place.start - WORD_BEFORE_REACH), place.start)
    if not before or before.start(1) == sentence_start or text[before.start(1) - 2 : before.start(1)] == ". ":
        return False
    word = before.group(1)
    return word.lower() not in PLACE_QUALIFIERS and not POSSESSIVE.search(word)  # not "Russia's Kursk"


# A place that frames a record, not where a count is: "the most destructive wildfire in California history".
RECORD_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:history|records?|annals)\b")


def frames_a_record(text: str, place_end: int) -> bool:
    """Whether a place ending at ``place_end`` only frames a record ("in California history", "in U.S. history"):
    not where the count is."""
    return bool(RECORD_AFTER.match(text, place_end))


NEAR_PLACE_REACH = 60  # characters between a count and the words that place it: "people are still in camps in "


def containers(location: list[str], lexicon: Lexicon, stated: dict[str, str]) -> list[str]:
    """The places of ``location`` that hold another of them: ["beirut", "lebanon"] -> ["lebanon"]."""
    wider = {up for place in location for up in ancestors(place, lexicon.place_parents, stated)}
    return [place for place in location if place in wider]


# A place that opens its sentence as the frame of all it says: "In Zhengzhou, ...".
FRAME_OPENING = re.compile(r"(?i)(?:(?:but|and|meanwhile)\s+)?(?:in|across|throughout)\s+(?:the\s+)?")


def placed_near(text: str, q: Quantity, words: str | None, start: int, end: int) -> bool:
    """Whether the words that place a count stand near it in its sentence ("137 died in Mexico City")."""
    at = text.find(words, start, end) if words else -1
    if at < 0:
        return True
    if at < q.start and FRAME_OPENING.fullmatch(text, start, at) and text.startswith(",", at + len(words)):
        return True  # "In Zhengzhou, a city of 12 million, the death toll was 292": the place frames its sentence
    return max(at - q.end, q.start - (at + len(words)), 0) <= NEAR_PLACE_REACH


def within_a_country(location: list[str], lexicon: Lexicon, stated: dict[str, str]) -> bool:
    """Whether a place of ``location`` lies inside a country: a city, a province, a district, a town no gazetteer
    knows ("the town of Amatrice"); not a region of several countries (West Africa, whose parent is Africa)."""
    for place in location:
        if place in lexicon.countries or place in lexicon.wide_places:
            continue
        wider = ancestors(place, lexicon.place_parents, stated)
        if not wider or any(up in lexicon.countries for up in wider):
            return True
    return False
