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
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from ..errors import ConsistencyError
from ..files import MAX_DATA_BYTES, read_text
from ..yamlload import read_yaml

ALIASES = "aliases"
# A word: letters with inner apostrophes, periods and hyphens ("U.S.", "al-Anbar", "Kurdistan's").
TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f'.\-]{0,40}[A-Za-z0-9\u00c0-\u024f.])?")
MAX_PHRASE = 7


def default_rules_dir() -> Path:
    """``$CONSISTENCY_RULES`` or the ``rules/`` folder of this checkout."""
    env = os.environ.get("CONSISTENCY_RULES")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "rules"


def _key(word: str) -> str:
    """How a token is looked up: "U.S." stays, "Iraq's" -> "iraq", a sentence-final "Iraq." -> "iraq"."""
    if word.endswith(("'s", "'")):
        word = word[: -2 if word.endswith("'s") else -1]
    return word


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    id: str
    text: str


Token = tuple[int, int, str, str]  # start, end, folded key ("iraq", "u.s."), capitals key without periods ("US")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of text[start:end] with the keys phrase indexes look them up by; shared by every index of a sentence."""
    out = []
    for m in TOKEN.finditer(text, start, len(text) if end is None else end):
        key = _key(m.group())
        out.append((m.start(), m.end(), key.lower(), key.replace(".", "")))
    return out


_END = ""  # the trie key under which a phrase's id is stored (no token is empty)


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
        if case_sensitive or (len(phrase) <= 6 and phrase.replace(".", "").isupper()):
            # "U.S.", "U.S" and "US" are one name: capitals are compared without their periods.
            node = self.exact
            for word in words:
                node = node.setdefault(word.replace(".", ""), {})
        else:
            node = self.folded
            for word in words:
                node = node.setdefault(word.lower(), {})
        node.setdefault(_END, id_)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Non-overlapping longest mentions in text[start:end]."""
        return self.find_in(text, tokenize(text, start, end))

    def find_in(self, text: str, tokens: list[Token]) -> list[Mention]:
        """Non-overlapping longest mentions among already tokenized words."""
        found: list[Mention] = []
        i = 0
        folded, exact = self.folded, self.exact
        while i < len(tokens):
            token = tokens[i]
            # Most words start no name: one dict test each before walking the tries.
            if token[2] not in folded and token[3] not in exact and token[2].rstrip(".") not in folded:
                i += 1
                continue
            hit = self._longest(tokens, i)
            if hit is None:
                i += 1
                continue
            j, id_ = hit
            s, e = tokens[i][0], tokens[j][1]
            if e - s > 1 and text[e - 1] == "." and not _KEEPS_PERIOD.search(text, s, e):
                e -= 1  # "Iraq." at a sentence end; "U.S." keeps its period
            if text.endswith("'s", s, e):  # "Russia's": the name, not its possessive ending
                e -= 2
            found.append(Mention(s, e, id_, text[s:e]))
            i = j + 1
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


_KEEPS_PERIOD = re.compile(r"\.[A-Za-z]\.$")


def plurals(word: str) -> list[str]:
    """The word and its regular English plural ("militia" -> "militias", "casualty" -> "casualties")."""
    last = word.split()[-1]
    head = word[: len(word) - len(last)]
    if last.endswith(("s", "men", "people", "personnel", "police", "dead", "injured", "wounded", "killed", "displaced")):
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


# Auxiliaries between counted people and what happened to them: "45 soldiers were reportedly killed".
_AUX = r"(?:were|was|are|is|have|has|had|been|being|reportedly|reported|later|all|also|now|feared|believed|to|be|since|" \
       r"could|would|may|might|will|found|[a-z]+ly)"


@dataclass
class States:
    """What happened to counted people ("killed", "displaced"), which makes the count a measure of its own."""

    measures: dict[str, str]  # state phrase (lower case) -> measure id
    after: re.Pattern  # at the end of a counted noun phrase: "... were killed"
    before: re.Pattern  # just before the number: "killed 26 ..."

    @classmethod
    def build(cls, measures: dict[str, str]) -> "States":
        alt = "|".join(re.escape(s) for s in sorted(measures, key=len, reverse=True)) or "(?!)"
        return cls(
            measures,
            re.compile(rf"(?i)\s+(?:{_AUX}\s+){{0,3}}({alt})\b"),
            re.compile(rf"(?i)\b({alt})\s+(?:(?:more|fewer) than\s+|at least\s+|an estimated\s+|some\s+|about\s+|nearly\s+|almost\s+|up to\s+|as many as\s+)?$"),
        )


@dataclass
class Lexicon:
    """Everything the extractor looks up, loaded from one rules folder."""

    measures: dict[str, Measure]
    measure_words: PhraseIndex
    measure_nouns: PhraseIndex  # words before a bare number that name its measure: "the death toll rose to 89"
    states: States
    attack_verbs: dict[str, str]  # verb -> measure id, for "struck ... 60 times"
    units: dict[str, str]  # surface (lower-case) -> unit id
    unit_prefixes: dict[str, str]  # "$" -> usd
    entities: PhraseIndex
    entity_types: dict[str, str]
    places: PhraseIndex
    place_parents: dict[str, str]
    rules_dir: Path | None = None  # where these files came from: reference tables are read beside them


def _read_yaml(path: Path) -> dict:
    if not path.exists():
        raise ConsistencyError(path, "alias file missing")
    _, data = read_yaml(path, "alias file")
    if not isinstance(data, dict):
        raise ConsistencyError(path, "expected a mapping at the top level", 1)
    return data


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def load_lexicon(rules_dir: Path) -> Lexicon:
    """Read ``rules_dir/aliases/*.yaml`` (and pycountry's country names) into look-up indexes."""
    folder = rules_dir / ALIASES
    measures, measure_words, measure_nouns, attack_verbs, states = {}, PhraseIndex(), PhraseIndex(), {}, {}
    for id_, spec in _read_yaml(folder / "measures.yaml").items():
        measures[id_] = Measure(id_, list(spec.get("subjects", [])), spec.get("unit"))
        for word in spec.get("words", []):
            for form in plurals(str(word)):
                measure_words.add(form, id_)
        for noun in spec.get("nouns", []):
            measure_nouns.add(str(noun), id_)
        for state in spec.get("states", []):
            states[str(state).lower()] = id_
        for verb in spec.get("verbs", []):
            attack_verbs[str(verb).lower()] = id_

    units, prefixes = {}, {}
    for id_, forms in _read_yaml(folder / "units.yaml").items():
        if id_ == "prefix":
            prefixes.update({str(sign): unit for unit, signs in forms.items() for sign in signs})
        else:
            units.update({str(form).lower(): id_ for form in forms})

    entities, entity_types = PhraseIndex(), {}
    for id_, spec in _read_yaml(folder / "entities.yaml").items():
        entity_types[id_] = spec.get("type", "other")
        for name in [*spec.get("names", []), *spec.get("adjectives", [])]:
            entities.add(str(name), id_)

    places, parents = PhraseIndex(), {}
    extra = _read_yaml(folder / "places.yaml")
    for id_, spec in extra.items():
        for name in spec.get("names", []):
            places.add(str(name), id_)
        if spec.get("parent"):
            parents[id_] = spec["parent"]
    country_ids = {id_ for id_, t in entity_types.items() if t == "country"}
    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or country.name
        id_ = _slug(short)
        id_ = {"united_states": "us"}.get(id_, id_)
        if id_ not in country_ids and _slug(country.name) in country_ids:
            id_ = _slug(country.name)
        for name in {country.name, short, getattr(country, "official_name", country.name)}:
            places.add(name, id_)
    _add_places_table(places, parents, folder / "regions.tsv")
    _add_places_table(places, parents, folder / "cities.tsv")
    return Lexicon(
        measures, measure_words, measure_nouns, States.build(states), attack_verbs, units, prefixes,
        entities, entity_types, places, parents, rules_dir,
    )


def _add_places_table(places: PhraseIndex, parents: dict[str, str], path: Path) -> None:
    """Places of a ``name<TAB>country`` table (``aliases/regions.tsv``, ``aliases/cities.tsv``, made by
    tools/make_gazetteer.py), matched case-sensitively: "Sindh", "Mobile" (not "mobile")."""
    codes = {c.alpha_2: c for c in pycountry.countries}
    if not path.exists():
        return  # a user's rules folder may do without cities
    text = read_text(path, MAX_DATA_BYTES, "place table")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        id_ = _slug(row["name"])
        places.add(row["name"], id_, case_sensitive=True)
        country = codes.get(row["country"])
        if country is not None and id_ not in parents:
            parents[id_] = _slug(getattr(country, "common_name", None) or country.name)


@functools.lru_cache(maxsize=8)
def _cached(rules_dir: str) -> Lexicon:
    return load_lexicon(Path(rules_dir))


def default_lexicon(rules_dir: Path | None = None) -> Lexicon:
    """The lexicon of ``rules_dir`` (default: the shipped rules), loaded once per process."""
    return _cached(str((rules_dir or default_rules_dir()).resolve()))
