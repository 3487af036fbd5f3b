"""Alias files and gazetteer -> fast phrase look-ups.

The words the extractor knows (measures, units, entities, places) are data in
``rules/aliases/``; this module turns them into indexes.  Phrases are matched
token by token (longest first) through dicts rather than one giant regex
alternation: Python's ``re`` does not build a trie, so a 600-name alternation
costs a failed attempt per name at every position.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from rapidfuzz import fuzz, process

from ..config import VOCABULARIES, alias_files, default_rules_dir
from ..errors import ConsistencyError
from ..files import MAX_DATA_BYTES, read_text
from ..yamlload import read_yaml
from .numbers import UNITS

# A word: letters with inner apostrophes (straight or curly), periods and hyphens ("U.S.", "al-Anbar",
# "Kurdistan's", "Women’s").
TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f'\u2019.\-]{0,40}[A-Za-z0-9\u00c0-\u024f.])?")
# A possessive ending, straight or curly: "Trump's", "Women’s", "teachers'".
POSSESSIVE = re.compile(r"['\u2019]s?$")
MAX_PHRASE = 7  # words in the longest name looked up
MAX_ACRONYM = 6  # an all-capital name this short is matched case-sensitively: "IS" is not "is"


POSSESSIVE_ENDS = frozenset("s'\u2019")  # the last letters a possessive ending leaves on a word


def _key(word: str) -> str:
    """How a token is looked up: "U.S." stays, "Iraq's" -> "iraq", a sentence-final "Iraq." -> "iraq"."""
    if word.endswith(("'s", "'", "\u2019s", "\u2019")):
        word = word[: -2 if word.endswith(("'s", "\u2019s")) else -1]
    return word.replace("\u2019", "'")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    id: str
    text: str


Token = tuple[int, int, str, str]  # start, end, folded key ("iraq", "u.s."), capitals key without periods ("US")


class Tokens(list):
    """A sentence's tokens, with where each key stands: every phrase index of the sentence (entities, places, counted
    nouns, events) finds the words that may start one of its names by a set intersection, not a walk of every word.
    """

    __slots__ = ("by_folded", "by_capitals")

    def __init__(self, tokens: list[Token]) -> None:
        super().__init__(tokens)
        self.by_folded: dict[str, list[int]] = {}
        self.by_capitals: dict[str, list[int]] = {}
        for i, (_, _, folded, capitals) in enumerate(tokens):
            self.by_folded.setdefault(folded, []).append(i)
            if folded[-1] == ".":  # "Iraq." at a sentence end may start "Iraq"
                self.by_folded.setdefault(folded.rstrip("."), []).append(i)
            self.by_capitals.setdefault(capitals, []).append(i)

    def starts(self, folded: dict, exact: dict) -> list[int]:
        """Positions whose folded key starts a name of ``folded`` or whose capitals start one of ``exact``."""
        hits = [i for key in self.by_folded.keys() & folded.keys() for i in self.by_folded[key]]
        hits += [i for key in self.by_capitals.keys() & exact.keys() for i in self.by_capitals[key]]
        return sorted(set(hits))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of text[start:end] with the keys phrase indexes look them up by; a sentence's, shared by every index
    of it, are ``Tokens``."""
    out = []
    for m in TOKEN.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        key = _key(word) if word[-1] in POSSESSIVE_ENDS or "\u2019" in word else word  # most words: as they are
        out.append((m.start(), m.end(), key.lower(), key.replace(".", "") if "." in key else key))
    return out


# An acronym written with periods inside a longer name: "U.S." of "U.S. Central Command", "U.N." of "U.N. agencies".
DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")
_END = ""  # the trie key under which a phrase's id is stored (no token is empty)
# A place name no gazetteer knows, this long, within this ratio of a country's or a province's: a typo of it.
MIN_TYPO_PLACE = 6
TYPO_PLACE_SCORE = 90
TITLE_CASE_ACRONYM = 4  # letters from which an acronym may be written as a name: "Nato" (but "Who" is a pronoun)


@dataclass
class PhraseIndex:
    """Longest-match look-up of multi-word phrases in two token tries, one case-folded and one case-sensitive
    (all-capital short names: "IS" is not "is"; city names: "Mobile", not "mobile").

    A trie walk costs one dict step per word of the match, whatever the number of names (tens of thousands
    with the gazetteer), where trying every phrase length at every word would not.
    """

    folded: dict = field(default_factory=dict)
    exact: dict = field(default_factory=dict)

    def add(self, phrase: str, id_: str, case_sensitive: bool = False) -> None:
        words = [_key(m.group()) for m in TOKEN.finditer(phrase)]
        if not words:
            return
        if case_sensitive or (len(phrase) <= MAX_ACRONYM and phrase.replace(".", "").isupper()):
            # "U.S.", "U.S" and "US" are one name: capitals are compared without their periods.
            node = self.exact
            for word in words:
                node = node.setdefault(word.replace(".", ""), {})
            if len(words) == 1 and phrase.isalpha() and len(phrase) >= TITLE_CASE_ACRONYM:
                # house styles that write a long acronym as a word: "Isis", "Nato", "Centcom" (not "Who")
                self.exact.setdefault(phrase.capitalize(), {}).setdefault(_END, id_)
        else:
            node = self.folded
            for word in words:
                node = node.setdefault(word.lower(), {})
            if DOTTED_ACRONYM.search(phrase):  # "U.S. Agency for International Development" is "US Agency ..." too
                self.add(DOTTED_ACRONYM.sub(lambda m: m.group().replace(".", ""), phrase), id_)
        node.setdefault(_END, id_)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Non-overlapping longest mentions in text[start:end]."""
        return self.find_in(text, tokenize(text, start, end))

    def find_in(self, text: str, tokens: list[Token]) -> list[Mention]:
        """Non-overlapping longest mentions among already tokenized words."""
        found: list[Mention] = []
        folded, exact = self.folded, self.exact
        # most words start no name: a sentence's indexed words are intersected with the names' first words, a few
        # words looked up one by one
        starts = (
            tokens.starts(folded, exact)
            if isinstance(tokens, Tokens)
            else [
                i
                for i, t in enumerate(tokens)
                if t[2] in folded or t[3] in exact or (t[2][-1] == "." and t[2].rstrip(".") in folded)
            ]
        )
        after = 0  # the first word after the last name found
        for i in starts:
            if i < after:
                continue
            hit = self._longest(tokens, i)
            if hit is None:
                continue
            j, id_ = hit
            s, e = tokens[i][0], tokens[j][1]
            if e - s > 1 and text[e - 1] == "." and not _KEEPS_PERIOD.search(text, s, e):
                e -= 1  # "Iraq." at a sentence end; "U.S." keeps its period
            if text.endswith("'s", s, e):  # "Russia's": the name, not its possessive ending
                e -= 2
            found.append(Mention(s, e, id_, text[s:e]))
            after = j + 1
        return found

    def _longest(self, tokens: list[Token], i: int) -> tuple[int, str] | None:
        best: tuple[int, str] | None = None
        node = self.folded  # curated names first: at equal length they win over case-sensitive table rows
        for j in range(i, min(len(tokens), i + MAX_PHRASE)):
            key = tokens[j][2]
            bare = key.rstrip(".")
            if bare != key and _END in node.get(bare, {}):
                best = (j, node[bare][_END])  # a sentence-final period is not part of the name
            node = node.get(key)
            if node is None:
                break
            if _END in node:
                best = (j, node[_END])
        node = self.exact
        for j in range(i, min(len(tokens), i + MAX_PHRASE)):
            node = node.get(tokens[j][3])
            if node is None:
                break
            if _END in node and (best is None or j > best[0]):
                best = (j, node[_END])
        return best


# A name whose final period is its own: "U.S." (while "Iraq." at a sentence end is "Iraq").
_KEEPS_PERIOD = re.compile(r"\.[A-Za-z]\.$")


def plurals(word: str) -> list[str]:
    """The word and its regular English plural ("militia" -> "militias", "casualty" -> "casualties")."""
    last = word.split()[-1]
    head = word[: len(word) - len(last)]
    if last.endswith(
        ("s", "men", "people", "personnel", "police", "dead", "injured", "wounded", "killed", "displaced")
    ):
        return [word]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return [word, head + last[:-1] + "ies"]
    if last.endswith(("ch", "sh", "x", "z")):
        return [word, head + last + "es"]
    return [word, head + last + "s"]


@dataclass
class Measure:
    id: str
    subjects: list[str]
    unit: str | None
    # whether its words name what an earlier or later number counts ("the number of arrests ... at 418"); a place
    # word does not ("put the toll in the Kursk region at 1,347")
    carries: bool = True
    owned_throughout: bool = False  # the article's one named owner owns its unowned counts (troops, fighters)
    # for a measure whose words are kinds of a thing ("trucks", "helicopters" of vehicles), or that names groups of
    # what it counts ("children" of people): each plural or singular form -> its word, the kind a count narrows to
    kinds: dict[str, str] = field(default_factory=dict)
    # the word that names them all, no kind of its own: a measure of kinds' first word ("vehicle"); a measure's
    # `groups` ("children", "officers" of people) have none
    general: str | None = None
    # units an amount of it is told in with its noun elsewhere in the sentence: "winds reached 185mph"
    measured_in: frozenset[str] = frozenset()

    def kind_of(self, words: str | None) -> str | None:
        """The kind a count's noun narrows its measure to: "5 heavy trucks" -> "truck"; None for the general word."""
        kind = self.kinds.get(words.lower().split()[-1]) if words and words.split() else None
        return None if kind is None or kind == self.general else kind


# A bound before a number: "killed more than 26".
_QUALIFIER = (
    r"(?:(?:more|fewer) than\s+|at least\s+|an estimated\s+|some\s+|about\s+|nearly\s+|almost\s+|up to\s+"
    r"|as many as\s+)?"
)
# A count's number, in figures or words: "19", "two", "a dozen".
_COUNT = rf"(?:\d[\d,.]*|{'|'.join(UNITS)}|a dozen|dozens|hundreds|scores)"
# Auxiliaries between counted people and what happened to them: "45 soldiers were reportedly killed".
_AUX = (
    r"(?:were|was|are|is|have|has|had|been|being|reportedly|reported|later|all|also|now|feared|believed|thought|"
    r"known|said|presumed|estimated|to|be|since|"
    r"who|that|which|of them|of whom|counted as|listed as|as|confirmed|still|remain|remained|"
    r"on (?:a|the) list of(?: those| people)?|"  # "249 are on a list of those unaccounted for"
    r"could|would|may|might|will|found|already|so far|[a-z]+ly)"
)


@dataclass
class States:
    """What happened to counted people ("killed", "displaced"), which makes the count a measure of its own."""

    measures: dict[str, str]  # state phrase (lower case) -> measure id
    after: re.Pattern  # at the end of a counted noun phrase: "... were killed"
    before: re.Pattern  # just before the number: "killed 26 ..."
    phrase_starts: frozenset[str] = frozenset()  # first words of states of several words: "took" (part), "went"

    @classmethod
    def build(cls, measures: dict[str, str]) -> States:
        alt = "|".join(re.escape(s) for s in sorted(measures, key=len, reverse=True)) or "(?!)"
        return cls(
            measures,
            # "... people in West Africa could be infected": a place may stand between the people and their state
            re.compile(
                # "415,000 Rohingya Muslims have fled": a people's name no alias file knows may be the counted noun
                r"(?i)(?:\s+(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,2})?"
                # "730 children below the age of five were killed": the people's age limit stands between
                r"(?:\s+(?:under|below|over|above|aged)\s+(?:the\s+age\s+of\s+)?[\w-]+)?"
                # "migrants and refugees have already arrived", "civil servants, local-government and health workers
                # took action": more counted nouns may join the first
                # "61 civilians and six security officers had died": the people joined on share their state
                # (a comma before "and" only after a list's comma: "20 soldiers, and police arrested" is two clauses)
                rf"(?:(?:(?:,\s+(?!{_AUX}\b)[a-z-]+(?:\s+[a-z-]+)?){{1,3}},?)?\s+(?:and|or)\s+(?!{_AUX}\b)"
                rf"(?:\d[\d,]*\s+(?!{_AUX}\b))?(?:[a-z-]+\s+){{0,2}}[a-z-]+(?=\s))?"
                # "people in neighbouring India and China died": one place, or two, after a word that places them
                rf"(?:\s+(?:in|from|across|inside)\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?"
                rf"(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,3}}(?:,?\s+and\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,2}})?))?"
                # "the nearly 4,000 this year reported missing", "about 2,000 a day were crossing": a time between
                r"(?:\s+(?:(?:this|last)\s+(?:year|month|week)|so\s+far(?:\s+this\s+year)?|to\s+date"
                r"|(?:a|per|every|each)\s+(?:day|week|month)))?"
                # "Twenty-two people, including children, were killed": an aside on who they were
                # ", or some 85 percent of the population,", " - about 85% of the population -"
                r"(?:,\s+(?:including|among them|mostly|many of them|most of them|some of them|or)\s+[^,.;]{1,40},"
                r"|\s+[-\u2013\u2014]\s+[^-\u2013\u2014.;]{1,40}\s+[-\u2013\u2014])?"
                rf"\s+(?:{_AUX}\s+){{0,5}}({alt})\b"  # "are thought to have been killed"
            ),
            # "killed more than 26": the state, then a qualifier of the number that follows
            # "killed 19 students and 21 teachers": objects joined on share the state
            re.compile(
                rf"(?i)\b({alt})\s+(?:{_QUALIFIER}(?:{_COUNT}\s+[a-z-]+(?:\s+[a-z-]+){{0,2}}?(?:,\s*|,?\s+and\s+)"
                rf"{_QUALIFIER})?)?$"
            ),
            frozenset(s.split()[0].lower() for s in measures if " " in s),
        )


@dataclass
class EventVocabulary:
    """``aliases/events.yaml`` as look-up indexes (used by ``incidents.py``)."""

    heads: PhraseIndex = field(default_factory=PhraseIndex)  # head noun -> kind
    verbs: PhraseIndex = field(default_factory=PhraseIndex)  # "walked out" -> strike: an event under way, unnamed
    names: PhraseIndex = field(default_factory=PhraseIndex)  # "Ebola" -> "outbreak:ebola"
    # words that name such an event only after a place or a name: "the Mumbai attacks", "the Westgate attack" (where
    # "attacks" alone are what war reporting counts)
    named_heads: PhraseIndex = field(default_factory=PhraseIndex)
    measures: dict[str, frozenset[str]] = field(default_factory=dict)  # count -> kinds it can belong to (empty: any)
    implied: dict[str, str] = field(default_factory=dict)  # measure -> kind it implies ("arrivals" -> migration)
    people: dict[str, str] = field(default_factory=dict)  # kind -> what people counted at it are ("protest" -> crowd)
    # kinds whose counts are a country's: an earthquake's toll, a strike's turnout
    national: frozenset[str] = frozenset()
    # kind -> the measures whose counts are each where they happened (migration: arrivals, refugees)
    scattered: dict[str, frozenset[str]] = field(default_factory=dict)
    # kinds one name covers in many places (a march and its sister marches): compared place by place
    per_place: frozenset[str] = frozenset()
    # kinds that may last for years (an epidemic): their tolls are never settled
    goes_on: frozenset[str] = frozenset()
    # kinds a country's name or adjective before the word names the doer of, not the place: "a Russian airstrike"
    perpetrated: frozenset[str] = frozenset()
    # words of the kinds an event of is called by its name alone once named after the word ("Hurricane Harvey":
    # "Harvey") -> the kind
    by_name: dict[str, str] = field(default_factory=dict)
    # kinds named after where they struck: the "Lombok" of "the Lombok quake" is a place no gazetteer may know
    named_by_place: frozenset[str] = frozenset()
    # kinds that own only some counts: a festival its crowd, never the toll of a shooting at it
    only: dict[str, frozenset[str]] = field(default_factory=dict)
    # words that name an event of a kind only in an article with one of the kind's cue words: "the strike" is a
    # walkout where the article speaks of unions or pay, an attack in war reporting (lower case form -> cues)
    cued: dict[str, re.Pattern] = field(default_factory=dict)
    # kind -> the kinds whose unnamed mentions in a story of it are it: a bombing's "blasts" (attack absorbs disaster)
    absorbs: dict[str, frozenset[str]] = field(default_factory=dict)
    # kind -> the kind an event of it is a part of: "aftershocks from the earthquake" tell a story of the quake
    part_of: dict[str, str] = field(default_factory=dict)
    # occasions whose tolls are a disaster's the article tells of: the pilgrims a flood swept away
    yields_tolls: frozenset[str] = frozenset()

    def fits(self, measure: str | None, kind: str) -> bool:
        """Whether an event of ``kind`` can be what a count of ``measure`` is about."""
        kinds = self.measures.get(measure or "")
        if kind in self.only and measure not in self.only[kind]:
            return False
        return kinds is not None and (not kinds or kind in kinds)

    @classmethod
    def build(cls, spec: dict) -> EventVocabulary:
        measures = spec.get("measures") or {}
        vocabulary = cls(measures={str(m): frozenset(map(str, kinds or [])) for m, kinds in measures.items()})
        for kind, entry in (spec.get("kinds") or {}).items():
            for word in entry.get("words", []):
                for form in plurals(str(word)):
                    vocabulary.heads.add(form, kind)
            for word in entry.get("singular", []):  # no plural derived: "the attack", where "the attacks" are counted
                vocabulary.heads.add(str(word), kind)
            for verb in entry.get("verbs", []):
                vocabulary.verbs.add(str(verb), kind)
            for word in entry.get("after_a_name", []):
                for form in plurals(str(word)):
                    vocabulary.named_heads.add(form, kind)
            for name in entry.get("names", []):
                vocabulary.names.add(str(name), f"{kind}:{slug(str(name))}")
            for measure in entry.get("implied_by", []):
                vocabulary.implied[str(measure)] = kind
            if entry.get("people"):
                vocabulary.people[kind] = str(entry["people"])
            if entry.get("scope") == "country":
                vocabulary.national |= {kind}
            elif entry.get("scope") == "place":
                vocabulary.per_place |= {kind}
            if entry.get("goes_on"):
                vocabulary.goes_on |= {kind}
            if entry.get("yields_tolls"):
                vocabulary.yields_tolls |= {kind}
            if entry.get("perpetrated"):
                vocabulary.perpetrated |= {kind}
            if entry.get("by_name"):
                vocabulary.by_name.update({str(word).lower(): kind for word in entry.get("words", [])})
            if entry.get("named_by_place"):
                vocabulary.named_by_place |= {kind}
            if entry.get("scattered"):
                vocabulary.scattered[kind] = frozenset(map(str, entry["scattered"]))
            if entry.get("only"):
                vocabulary.only[kind] = frozenset(map(str, entry["only"]))
            if entry.get("absorbs"):
                vocabulary.absorbs[kind] = frozenset(map(str, entry["absorbs"]))
            if entry.get("part_of"):
                vocabulary.part_of[kind] = str(entry["part_of"])
            if entry.get("cued"):
                cues = re.compile(r"(?i)\b(?:" + "|".join(re.escape(str(c)) for c in entry.get("cues", [])) + r")\b")
                for word in entry["cued"]:
                    vocabulary.cued.update({form.lower(): cues for form in plurals(str(word))})
        return vocabulary


# Compared and hashed by identity, so what other modules derive from a lexicon is cached under the lexicon itself.
@dataclass(eq=False)
class Lexicon:
    """Everything the extractor looks up, loaded from one rules folder."""

    measures: dict[str, Measure]
    measure_words: PhraseIndex
    measure_nouns: PhraseIndex  # words before a bare number that name its measure: "the death toll rose to 89"
    states: States
    attack_verbs: dict[str, str]  # verb -> measure id, for "struck ... 60 times"
    units: dict[str, str]  # surface (lower-case) -> unit id
    unit_prefixes: dict[str, str]  # "$" -> usd
    currencies: frozenset[str]  # the unit ids that are money: usd, eur, ...
    entities: PhraseIndex
    entity_types: dict[str, str]
    places: PhraseIndex
    place_parents: dict[str, str]
    events: EventVocabulary = field(default_factory=EventVocabulary)
    rules_dir: Path | None = None  # where these files came from: reference tables are read beside them
    countries: frozenset[str] = frozenset()  # the ids of countries, among all places
    capitals: dict[str, str] = field(default_factory=dict)  # country id -> its capital's place id
    bodies: frozenset[str] = frozenset()  # folded names of institutions ("the Pentagon"): a country's, not a place
    # the ids of a country's parts that are no city too: "Sindh", "Hatay" (not "Beirut", a governorate and a city)
    provinces: frozenset[str] = frozenset()
    # places the places files call a region, that "the region" may stand for: "the Sahel", "the Middle East"
    regions: frozenset[str] = frozenset()
    # names the tables give places of in several countries -> those countries: "Charlotte" (the United States, Saint
    # Vincent), "Valencia" (Spain, Venezuela); in an article that names one of them, the place lies there
    # (``home_countries``)
    homonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    seas: frozenset[str] = frozenset()  # oceans and seas: "the Pacific coast" is land by one, not the ocean

    @functools.cached_property
    def wide_places(self) -> frozenset[str]:
        """Places wider than any country, that hold others: "Africa", "the Middle East"."""
        return frozenset(self.place_parents.values()) - self.countries

    @functools.cached_property
    def currency_after(self) -> re.Pattern[str]:
        """A currency's one-word name after a country's: "U.S. dollars", "Mexican pesos" (the money, no place)."""
        words = sorted(
            {w for w, unit in self.units.items() if unit in self.currencies and w.isalpha() and w.islower()},
            key=len,
            reverse=True,
        )
        return re.compile(rf"\s+(?:{'|'.join(map(re.escape, words)) or '(?!)'})\b", re.IGNORECASE)

    @functools.cached_property
    def _spelled(self) -> dict[str, str]:
        """The one-word names of countries and provinces, for names spelt with a letter wrong ("Louisian")."""
        wide = self.countries | self.provinces
        tries = (self.places.folded, self.places.exact)  # table names are matched case-sensitively ("Mobile")
        return {word.lower(): node[_END] for trie in tries for word, node in trie.items() if node.get(_END) in wide}

    def misspelt_place(self, name: str) -> str | None:
        """The country or province a one-word name no gazetteer knows is a typo of: "Louisian" is Louisiana, a letter
        short. Only a long name, its first letters right and its length off by a letter or two: a typo, not
        another name ("Niger" is no "Nigeria"), nor the name with an ending ("Austrian")."""
        word = name.lower()
        if len(word) < MIN_TYPO_PLACE or not word.isalpha():
            return None
        found = process.extractOne(word, self._spelled.keys(), scorer=fuzz.ratio, score_cutoff=TYPO_PLACE_SCORE)
        if found is None or found[0][:3] != word[:3] or abs(len(found[0]) - len(word)) > 2:
            return None
        if word.startswith(found[0]):
            return None  # "Austrian", "Texans": the name's adjective or people, not a typo
        return self._spelled[found[0]]

    def is_body(self, name: str) -> bool:
        """Whether ``name`` is an institution that acts for its country ("CENTCOM"), so locates nothing it says."""
        return _folded(name) in self.bodies

    def is_place(self, word: str) -> bool:
        """Whether the gazetteer knows ``word`` as a whole as a place ("UK", "Haiti"; not "NHS")."""
        found = self.places.find(word)
        return bool(found) and found[0].start == 0 and found[0].end == len(word)


def _read_yaml(path: Path) -> dict:
    if not path.exists():
        raise ConsistencyError(path, "alias file missing")
    _, data = read_yaml(path, "alias file")
    if not isinstance(data, dict):
        raise ConsistencyError(path, "expected a mapping at the top level", 1)
    return data


def _folded(name: str) -> str:
    """A name without its accents, in lower case: "Türkiye" -> "turkiye"."""
    return _plain(name).lower()


# The shortest name read without its accents: a short one may become a word or a surname ("Būsh", a town in Egypt).
PLAIN_NAME_LENGTH = 6


def _plain(name: str) -> str:
    """A name without its accents, its case kept: "Tamil Nādu" -> "Tamil Nadu"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


APOSTROPHES = re.compile(r"['\u2019\u02bc`]")


def slug(name: str) -> str:
    """An id from a name: \"Butte County\" -> butte_county, \"Valparaíso\" -> valparaiso, \"Hawke's Bay\" ->
    hawkes_bay (an apostrophe joins the word, as the name is spoken)."""
    return re.sub(r"[^a-z0-9]+", "_", APOSTROPHES.sub("", _folded(name))).strip("_")


def _entries(path: Path) -> list[tuple[str, dict]]:
    entries = list(_read_yaml(path).items())
    for id_, spec in entries:
        if not isinstance(spec, dict):
            raise ConsistencyError(path, f"{id_}: expected a mapping (words:, names:, ...), got {spec!r}")
    return entries


def _unit_entries(path: Path) -> tuple[dict[str, list], dict[str, dict]]:
    """A units file: unit id -> its words, and under ``currencies`` ISO code -> {words, signs}."""
    data = dict(_read_yaml(path))
    money = data.pop("currencies", None) or {}
    if not isinstance(money, dict):
        raise ConsistencyError(path, f"currencies: expected a mapping of codes, got {money!r}")
    for id_, forms in data.items():
        if not isinstance(forms, list):
            raise ConsistencyError(path, f"{id_}: expected a list of words, got {forms!r}")
    for code, spec in money.items():
        fields = spec if isinstance(spec, dict) else {"": None}
        if set(fields) - {"words", "signs"} or not all(isinstance(v, list) for v in fields.values()):
            raise ConsistencyError(path, f"currencies: {code}: expected {{words: [...], signs: [...]}}, got {spec!r}")
    return data, money


def check_alias_files(rules_dir: Path | None) -> None:
    """Read a project's alias files (the shipped ones are known good) without building the look-up indexes."""
    for kind, paths in alias_files(rules_dir).items():
        for path in paths:
            if kind in VOCABULARIES and rules_dir is not None and path.is_relative_to(rules_dir):
                {"units": _unit_entries, "events": _read_yaml}.get(kind, _entries)(path)


def load_lexicon(rules_dir: Path | None = None) -> Lexicon:
    """Read the shipped alias files, those of ``rules_dir/aliases/`` over them, and pycountry's country names."""
    files = alias_files(rules_dir)
    measures, measure_words, measure_nouns, attack_verbs, states = {}, PhraseIndex(), PhraseIndex(), {}, {}
    for id_, spec in (entry for path in files["measures"] for entry in _entries(path)):
        measures[id_] = Measure(
            id_,
            list(spec.get("subjects", [])),
            spec.get("unit"),
            bool(spec.get("carries", True)),
            bool(spec.get("owned_throughout", False)),
            {
                form: str(word)
                for word in spec.get("words" if spec.get("kinds") else "groups", [])
                for form in plurals(str(word))
            },
            str(spec["words"][0]) if spec.get("kinds") and spec.get("words") else None,
            frozenset(map(str, spec.get("measured_in", []))),
        )
        for word in spec.get("words", []):
            for form in plurals(str(word)):
                measure_words.add(form, id_)
        for noun in spec.get("nouns", []):
            measure_nouns.add(str(noun), id_)
        for state in spec.get("states", []):
            states[str(state).lower()] = id_
        for verb in spec.get("verbs", []):
            attack_verbs[str(verb).lower()] = id_

    units, prefixes, currencies = {}, {}, set()
    for path in files["units"]:
        plain, money = _unit_entries(path)
        for id_, forms in plain.items():
            units.update({str(form).lower(): id_ for form in forms})
        for code, spec in money.items():
            units.update({str(word).lower(): str(code) for word in spec.get("words", [])})
            prefixes.update({str(sign): str(code) for sign in spec.get("signs", [])})
            currencies.add(str(code))

    entities, entity_types, bodies = PhraseIndex(), {}, set()
    for id_, spec in (entry for path in files["entities"] for entry in _entries(path)):
        entity_types[id_] = spec.get("type", "other")
        for name in [*spec.get("names", []), *spec.get("adjectives", []), *spec.get("bodies", [])]:
            entities.add(str(name), id_)
        bodies.update(_folded(str(name)) for name in spec.get("bodies", []))

    places, parents, regions, named_provinces, seas = PhraseIndex(), {}, set(), set(), set()
    named: dict[str, str] = {}  # a name the places files give (folded) -> its id
    ids_by_code: dict[str, str] = {}  # ISO 3166 code -> the id of the country: "RU" -> russia
    for id_, spec in (entry for path in files["places"] for entry in _entries(path)):
        for name in spec.get("names", []):
            places.add(str(name), id_)
            named.setdefault(_folded(str(name)), id_)
        for name in spec.get("adjectives", []):  # "the Catalan government": Catalonia's, a capitalised word only
            places.add(str(name), id_, case_sensitive=True)
        if spec.get("parent"):
            parents[id_] = spec["parent"]
        if spec.get("kind") == "region":
            regions.add(id_)
        elif spec.get("kind") == "province":
            named_provinces.add(id_)
        elif spec.get("kind") == "sea":
            seas.add(id_)
        if spec.get("iso"):
            ids_by_code[str(spec["iso"])] = id_
    country_ids = {id_ for id_, t in entity_types.items() if t == "country"}
    pinned = set(ids_by_code.values())
    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or country.name
        names = [short, getattr(country, "official_name", country.name), country.name]
        id_ = ids_by_code.get(country.alpha_2)
        if id_ is None:
            # the id the places or entity files know the country by ("Russian Federation" -> russia), else its short
            # name's ("Viet Nam" -> vietnam, "Türkiye" -> turkiye); never one pinned to another code ("Congo" is
            # DR Congo's: the Republic of the Congo is republic_of_the_congo)
            slugs = [slug(name) for name in names]
            known = [named.get(_folded(name)) for name in names] + [s for s in slugs if s in country_ids] + slugs
            id_ = next(k for k in known if k is not None and k not in pinned)
            ids_by_code[country.alpha_2] = id_
        for name in names:
            if named.get(_folded(name), id_) == id_:  # "Congo" stays the name the places files give it
                places.add(name, id_)
    homes: dict[str, list[str]] = {}  # a name -> the country of each table row of it
    curated = set(parents)  # the places file's own parents are the ones meant
    for path in [*files["regions"], *files["cities"], *files["capitals"]]:
        _add_places_table(places, parents, path, ids_by_code, homes)
    cities = {slug(name) for path in [*files["cities"], *files["capitals"]] for name, _ in _table_rows(path)}
    provinces = {slug(name) for path in files["regions"] for name, _ in _table_rows(path)} - cities
    provinces |= named_provinces  # "Catalonia": the table's "Catalunya", by the name English news gives it
    capitals = {  # "in the capital": the country's capital city, "Haiti" -> port_au_prince
        ids_by_code[code]: slug(name)
        for path in files["capitals"]
        for name, code in _table_rows(path)
        if code in ids_by_code
    }
    for path in files["demonyms"]:  # "Haitian officials", "the Nepalese police": the country as an owner or a voice
        for name, code in _table_rows(path):
            if code in ids_by_code:
                entities.add(name, ids_by_code[code], case_sensitive=True)
                entity_types.setdefault(ids_by_code[code], "country")
    events: dict[str, dict] = {"measures": {}, "kinds": {}}
    for spec in map(_read_yaml, files["events"]):
        for part in events:
            events[part].update(spec.get(part) or {})
    events_vocabulary = EventVocabulary.build(events)
    # a name the tables give places of in several countries lies in the one with most of them ("Valencia": Spain's
    # city and province, Venezuela's city), else in none until an article names one ("Charlotte": an American city,
    # a parish of Saint Vincent)
    homonyms = {id_: frozenset(found) for id_, found in homes.items() if len(set(found)) > 1 and id_ not in curated}
    for id_ in homonyms:
        (first, most), *rest = Counter(homes[id_]).most_common()
        if rest and rest[0][1] == most:
            del parents[id_]
        else:
            parents[id_] = first
    return Lexicon(
        measures,
        measure_words,
        measure_nouns,
        States.build(states),
        attack_verbs,
        units,
        prefixes,
        frozenset(currencies),
        entities,
        entity_types,
        places,
        parents,
        events_vocabulary,
        rules_dir,
        frozenset(ids_by_code.values()) | country_ids,
        capitals,
        frozenset(bodies),
        frozenset(provinces - set(ids_by_code.values()) - country_ids),
        frozenset(regions),
        homonyms,
        frozenset(seas),
    )


def _add_places_table(
    places: PhraseIndex, parents: dict[str, str], path: Path, countries: dict[str, str], homes: dict[str, list[str]]
) -> None:
    """Places of a ``name<TAB>country`` table (``aliases/regions.tsv``, ``aliases/cities.tsv``, made by
    tools/make_gazetteer.py), matched case-sensitively: "Sindh", "Mobile" (not "mobile"); each lies in the
    country ``countries`` names by its ISO code (the ids places and entities use: "united_states", "united_kingdom")."""
    country_ids = set(countries.values())
    for name, code in _table_rows(path):
        if name in AMBIGUOUS_PLACE_NAMES:
            continue
        id_ = slug(name)
        places.add(name, id_, case_sensitive=True)
        plain = _plain(name)
        if plain != name and len(plain) >= PLAIN_NAME_LENGTH and plain not in AMBIGUOUS_PLACE_NAMES:
            # "Tamil Nādu", "Uttarākhand" in the tables; "Tamil Nadu", "Uttarakhand" in the news
            places.add(plain, id_, case_sensitive=True)
        country = countries.get(code)
        # "Niger", a state of Nigeria, is not what the country Niger lies in
        if country is not None and id_ not in country_ids:
            parents.setdefault(id_, country)
            homes.setdefault(id_, []).append(country)


def _table_rows(path: Path) -> list[tuple[str, str]]:
    """The (name, country code) rows of a ``name<TAB>country`` table."""
    text = read_text(path, MAX_DATA_BYTES, "name table")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [(row["name"], row["country"]) for row in csv.DictReader(lines, delimiter="\t")]


# Place names that news uses as common words far more often than for the place ("the Gulf" is rarely Papua New
# Guinea's Gulf province): left out of the gazetteer tables.
AMBIGUOUS_PLACE_NAMES = frozenset(
    "Gulf Central Northern Southern Eastern Western Capital Coast Coastal Islands North South East West Centre Center "
    "Lakes Mountains Highlands Lowlands Plains Delta Border Interior Upper Lower Middle Sea Ocean Metro "
    "Most Reading Independence Enterprise".split()  # "Most of the survivors ...", "Reading the report", "a vote
    # for Independence", a firm's "Enterprise": a sentence's first word or a word capitalised, not the town
)


@functools.lru_cache(maxsize=8)
def _cached(rules_dir: str) -> Lexicon:
    return load_lexicon(Path(rules_dir))


def default_lexicon(rules_dir: Path | None = None) -> Lexicon:
    """The lexicon of ``rules_dir`` (default: the shipped rules), loaded once per process."""
    return _cached(str((rules_dir or default_rules_dir()).resolve()))
