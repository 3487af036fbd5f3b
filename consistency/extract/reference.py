"""Quantities that need reference knowledge: "the size of Kentucky", "nearly one-third of Iraq and Syria".

Some numbers in news are given through a yardstick: an area "the size
of Belgium", a share "one-third of Iraq and Syria", "half of Haiti's
population".  Such an expression is resolved through the reference tables in
``rules/reference/`` (YAML or CSV, each naming its source) into an ordinary
quantity, and the arithmetic is kept as ``Quantity.derivation``:

    nearly one-third of Iraq and Syria → ⅓ × (438,317 + 185,180) km² ≈ 207,832 km² (areas: CIA ...)

The grammar (one scan for the yardstick words, then bounded look-ups around each):

- ``[qualifier] [multiplier] the size of PLACES``: "roughly the size of Wales",
  "twice the size of Belgium", "half the size of Texas", "more than three times the
  size of Lebanon"; also "the area of", "the combined size of"; area, about.
- ``[multiplier] larger|bigger|greater|smaller than PLACES``, ``[multiplier] as
  large|big as PLACES``: "an area larger than Belgium" (more_than), "smaller than
  Rhode Island" (less_than), "three times larger than Lebanon" (about); only in a
  sentence about area or population, since "bigger than Belgium" alone says neither.
- ``[multiplier] the population of PLACES``: "twice the population of Lebanon".
- A share found by ``quantities.py`` followed by ``of PLACES``: "nearly one-third of
  Iraq and Syria", "40% of Ukraine", "half of Haiti's population", "a quarter of the
  territory of Syria", "30-40 percent of Iraq".  Area or population is read from
  the words (population/people/residents, territory/land/area/covered/held, the
  nearest in the sentence wins); when the sentence says neither, the share stays a
  share, marked unresolved, rather than a guess.

PLACES is one or more place names joined by commas, "and" or "&": the tables'
own names (so U.S. states need no gazetteer entry) and the gazetteer's place ids
(so "Britain" and "the U.K." find ``united_kingdom``).  A name no table knows, or
one two tables give different values for ("Georgia": the country or the state),
leaves the claim unresolved (``low = high = None``, derivation "unresolved: ..."),
never guessed; a share keeps its share value then.
"""

from __future__ import annotations

import bisect
import csv
import functools
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import units
from ..config import default_rules_dir, reference_files
from ..errors import ConsistencyError
from ..files import MAX_DATA_BYTES, read_text
from ..values import format_number
from ..yamlload import load_yaml
from .lexicon import Lexicon, PhraseIndex
from .numbers import FRACTIONS, UNITS
from .quantities import QUALIFIERS, Quantity

# The unit a measure's claims carry once resolved: areas in km² (as "110,000 square
# kilometers"), populations as bare counts (as "22 million people").
CLAIM_UNIT = {"area": "km2", "people": None}
MEASURE_WORDS = {"area": "areas", "people": "population"}

# Multipliers before a yardstick: "twice", "half", "three times", "1.5 times".
_SMALL = {
    **{word: value for word, value in UNITS.items() if 2 <= value <= 10},
    "twenty": 20,
    "a hundred": 100,
    "one hundred": 100,
}
MULTIPLIERS = {
    "twice": 2.0,
    "double": 2.0,
    "triple": 3.0,
    "thrice": 3.0,
    "quadruple": 4.0,
    **{f: v for f, v in FRACTIONS.items()},
}
_MULT_ALT = "|".join(re.escape(m) for m in sorted(MULTIPLIERS, key=len, reverse=True))
_SMALL_ALT = "|".join(re.escape(m) for m in sorted(_SMALL, key=len, reverse=True))
_QUAL_ALT = "|".join(re.escape(q) for q in sorted(set(QUALIFIERS) - {"between", "from", "some"}, key=len, reverse=True))
# What stands before a yardstick, read backwards from it: "more than | twice", "roughly", "three times".
BEFORE_YARDSTICK = re.compile(
    rf"(?i)(?:\b(?P<qual>{_QUAL_ALT}|slightly more than|slightly less than|well under|a little (?:more|less) than)\s+)?"
    rf"(?:(?:\b(?P<mult>{_MULT_ALT})|\b(?P<times>\d+(?:\.\d+)?|{_SMALL_ALT})\s+times)\s+)?$"
)
# The yardstick words, one scan per article: "the size of", "larger than", "as big as", "the population of".
YARDSTICK = re.compile(
    r"(?i)\b(?:the\s+(?:combined\s+|total\s+|entire\s+)?(?P<what>size|area|land\s+area|population)\s+of"
    r"|(?P<cmp>larger|bigger|greater|smaller)\s+(?:in\s+(?:size|area)\s+)?than"
    r"|as\s+(?P<as>large|big)\s+as)\s+"
)
# The same words right before a name: the place is a yardstick, not where a claim is ("roughly the size of the
# United Kingdom", "larger than Belgium").
YARDSTICK_BEFORE = re.compile(YARDSTICK.pattern + r"(?:the\s+)?(?:state\s+of\s+)?$")
YARDSTICK_REACH = 60  # "the combined land area of the state of " before the name


def is_yardstick(text: str, place_start: int) -> bool:
    """Whether the place named at ``place_start`` is what a size is set against: "the size of the United Kingdom"."""
    return YARDSTICK_BEFORE.search(text, max(0, place_start - YARDSTICK_REACH), place_start) is not None


# "The size of Russia makes it hard to defend": the size as a topic, not a value.
NOT_A_VALUE_BEFORE = re.compile(
    r"(?i)(?:^|\n\s*|[.;:!?(\"]\s*|\b(?:given|despite|because\s+of|due\s+to|considering|of|about\s+how)\s+)$"
)
# A share's "of" and what it is a share of: "of", "of the territory of", "of all of", "of the entire".
SHARE_OF = re.compile(
    r"(?i)\s+of\s+(?:(?:all|the\s+whole|the\s+entirety)\s+of\s+)?"
    r"(?:the\s+(?:(?:combined|total|entire|whole)\s+)?(?P<noun>territory|territories|land|land\s+area|area|surface|"
    r"population|people|inhabitants|residents)\s+of\s+)?"
)
# A percentage's sign after its number: "40%", "40 percent", "40 per cent".
PERCENT_SIGN = re.compile(r"(?i)\s?(?:%|percent\b|per\s+cent\b)")
# Between two places of one list: "Iraq and Syria", "Iraq, Syria and Lebanon", "Iraq & Syria".
PLACE_JOIN = re.compile(r"(?i)\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
# Before a name: "the", and a kind that narrows it: "the state of Georgia", "the U.S. state of Georgia".
NAME_PREFIX = re.compile(
    r"(?i)(?:the\s+)?(?:(?P<kind>(?:U\.S\.\s+|US\s+|American\s+)?"
    r"state|country|nation|kingdom|island|city|region|province)\s+of\s+(?:the\s+)?)?"
)
# A name no table knows: capitalised words ("Wakanda", "Port-au-Prince", "Upper Nile").
UNKNOWN_NAME = re.compile(r"[A-Z][\w'.-]{0,40}(?:\s+[A-Z][\w'.-]{0,40}){0,3}")
# A lower-case yardstick in an area sentence: "the size of a football field", "the size of a small country".
COMMON_NOUN_PHRASE = re.compile(
    r"(?:an?|the)\s+[a-z-]{1,30}(?:\s+[a-z-]{1,30}){0,2}?"
    r"(?=\s*(?:[,.;:!?)]|$|\s+(?:in|at|on|by|and|or|but|that|which|when|before|after|during|to)\b))"
)
# "U.S." keeps its final period; "Wakanda." at a sentence end does not.
ABBREVIATION_END = re.compile(r"\.[A-Za-z]\.$")
# After a possessive place: "Syria's (pre-war) population", "Iraq's territory".
POSSESSED = re.compile(
    r"(?i)\s+(?:(?:combined|total|entire|whole|pre-war|prewar|current|land)\s+){0,2}"
    r"(?P<noun>population|people|inhabitants|residents|citizens|"
    r"territory|territories|land|land\s+area|area|landmass|surface)\b"
)
# After a share's places, what says the places are the whole and not an adjective: "of Iraq." / "of Iraq and
# Syria at its peak" but not "of U.S. troops" or "of Iraq's oil".
WHOLE_ENDS = re.compile(
    r"(?i)(?:\s*(?:[,.;:!?)\"']|-\s|$)|\s+(?:combined|together|alone|itself|"
    r"at|in|on|by|for|from|to|and|or|but|as|when|while|"
    r"that|which|where|before|after|during|until|since|is|was|were|are|has|had|have|been|will|would|could|may|might|"
    r"lives?|faces?|remains?|says?|said|comes?|stands?|needs?|depends?|"
    r"under|over|within|between|\w+ed|\w+ing|\w+ly)\b)"
)
CUE_REACH = 160  # characters either side of an expression searched for a cue word
# Without sentence bounds (a position outside every sentence), this many characters either side stand for one.
FALLBACK_SENTENCE_REACH = 300
NAME_REACH = 80  # a place name (up to the gazetteer's seven words) ends within this many characters of its start
MAX_PLACES = 6  # "Iraq, Syria and Lebanon": a list longer than this is a list of something else
# How far before a yardstick its qualifier and multiplier may start: "slightly more than three times".
YARDSTICK_LEAD_REACH = 60
NOT_A_VALUE_REACH = 20  # "because of the size of": the words that make a yardstick a topic lie this close
# Characters after a percent sign read to tell "40 percentage points" (a change) from a share.
PERCENTAGE_REACH = 7
LEXICONS_REMEMBERED = 16  # lexicons whose tables are remembered: a process that makes many does not grow
POPULATION_NOUNS = frozenset("population people inhabitants residents citizens".split())
# Words that say a share or comparison is of land or of people; the nearest to the expression decides.
AREA_CUE = re.compile(
    r"(?i)\b(?:territor(?:y|ies|ial)|area|areas|land|lands|landmass|swaths?|square|acres|hectares|"
    r"cover(?:s|ed|ing)?|control(?:s|led|ling)?|h[eo]ld(?:s|ing)?|seiz(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|"
    r"occup(?:y|ies|ied|ying)|rul(?:e|es|ed|ing)|span(?:s|ned|ning)?|stretch(?:es|ed|ing)?|overr?an|"
    r"conquer(?:s|ed|ing)?|"
    r"took\s+over|burn(?:s|ed|t|ing)?|scorch(?:es|ed|ing)?|flood(?:s|ed|ing)?|caliphate)\b"
)
# Their counterpart for people: "population", "residents", "home to", "displaced".
POPULATION_CUE = re.compile(
    r"(?i)\b(?:population|populations|people|residents|inhabitants|citizens|populace|nationals|"
    r"li(?:ve|ves|ved|ving)|home\s+to|voters?|households?|displaced|fled|uprooted)\b"
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of a reference table: a place's value for one measure."""

    id: str
    name: str
    value: float  # in the table's canonical unit (km² for areas)
    source: str
    table: str  # file name, to say which table an ambiguity comes from
    measure: str  # area, people


@dataclass
class References:
    """Every reference table of one rules folder, indexed for look-up by place id and by name."""

    by_id: dict[str, dict[str, list[Entry]]] = field(default_factory=dict)  # measure -> id -> entries
    names: PhraseIndex = field(default_factory=PhraseIndex)  # name -> folded name key
    by_name: dict[str, list[Entry]] = field(default_factory=dict)  # folded name key -> entries (any measure)
    kinds: dict[tuple[str, str], str] = field(default_factory=dict)  # (table, id) -> kind (country, state, region)
    tables: list[str] = field(default_factory=list)

    def add(self, entry: Entry, kind: str, names: list[str]) -> None:
        self.by_id.setdefault(entry.measure, {}).setdefault(entry.id, []).append(entry)
        self.kinds[(entry.table, entry.id)] = kind
        for name in names:
            key = " ".join(name.lower().split())
            self.names.add(name, key)
            entries = self.by_name.setdefault(key, [])
            if entry not in entries:
                entries.append(entry)


# --- loading the tables ---------------------------------------------------------------------------------------------

TABLE_KEYS = {"kind", "measure", "unit", "source", "values"}
ENTRY_KEYS = {"name", "names", "value", "source"}


def _name_of(id_: str) -> str:
    """ "new_jersey" -> "New Jersey": the name a row has when it lists none."""
    return " ".join(w.capitalize() for w in id_.split("_"))


def _number(value: object, path: Path, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ConsistencyError(path, f"{where}: value must be a number, not {value!r}")
    try:
        number = float(str(value).replace(",", "").replace("_", ""))
    except ValueError:
        raise ConsistencyError(path, f"{where}: value must be a number, not {value!r}") from None
    if not math.isfinite(number) or number < 0:
        raise ConsistencyError(path, f"{where}: value must be a finite number >= 0, not {value!r}")
    return number


def _table_fields(meta: dict, path: Path) -> tuple[str, str, str | None, str]:
    unknown = set(meta) - TABLE_KEYS
    if unknown:
        raise ConsistencyError(path, f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    measure = str(meta.get("measure") or "")
    if measure not in CLAIM_UNIT:
        raise ConsistencyError(path, f"measure: must be one of {', '.join(CLAIM_UNIT)}, not {measure!r}")
    unit = meta.get("unit")
    unit = None if unit in (None, "", "people") else str(unit)
    if measure == "area" and unit not in units.PINT_UNITS:
        raise ConsistencyError(path, f"unit: an area table needs a unit of area (km2, mi2, ha, acre), not {unit!r}")
    source = str(meta.get("source") or "").strip()
    if not source:
        raise ConsistencyError(path, "source: every reference table names where its figures come from")
    return str(meta.get("kind") or "region"), measure, unit, source


def _rows_yaml(path: Path, text: str) -> tuple[dict, list[tuple[str, dict]]]:
    data = load_yaml(path, text)
    if not isinstance(data, dict) or not isinstance(data.get("values"), dict):
        raise ConsistencyError(path, "expected a mapping with `values:` (place id -> value)", 1)
    rows = []
    for id_, spec in data["values"].items():
        rows.append((str(id_), spec if isinstance(spec, dict) else {"value": spec}))
    return data, rows


def _rows_csv(path: Path, text: str) -> tuple[dict, list[tuple[str, dict]]]:
    meta: dict = {}
    lines = text.splitlines()
    # The table's own fields are "# key: value" comment lines above the CSV header.
    body_at = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    for line in lines[:body_at]:
        key, sep, value = line[1:].partition(":")
        if sep and key.strip() in TABLE_KEYS:
            meta[key.strip()] = value.strip()
    reader = csv.DictReader(io.StringIO("\n".join(lines[body_at:])))
    if not reader.fieldnames or "id" not in reader.fieldnames or "value" not in reader.fieldnames:
        raise ConsistencyError(path, "expected a CSV header with at least `id` and `value`", body_at + 1)
    rows = []
    for row in reader:
        entry = {k: v for k, v in row.items() if k in ENTRY_KEYS and v not in (None, "")}
        if "names" in entry:
            entry["names"] = [n.strip() for n in entry["names"].split(";") if n.strip()]
        rows.append((str(row["id"]).strip(), entry))
    meta["values"] = True
    return meta, rows


def load_references(rules_dir: Path | None = None) -> References:
    """Read every reference table, the shipped ones and a project's; a bad table is a one-line ConsistencyError."""
    refs = References()
    for path in reference_files(rules_dir):
        text = read_text(path, MAX_DATA_BYTES, "reference table")
        meta, rows = (_rows_csv if path.suffix.lower() == ".csv" else _rows_yaml)(path, text)
        kind, measure, unit, source = _table_fields({k: v for k, v in meta.items() if k != "values"}, path)
        to_canonical = units.canonical_factor(unit) if unit else 1.0
        refs.tables.append(path.name)
        for id_, spec in rows:
            if not isinstance(spec, dict) or set(spec) - ENTRY_KEYS:
                raise ConsistencyError(path, f"{id_}: expected {{name, names, value, source}}, got {spec!r}")
            value = _number(spec.get("value"), path, id_) * to_canonical
            name = str(spec.get("name") or _name_of(id_))
            names = [str(n) for n in spec.get("names") or []] or [name]
            if name not in names:
                names.append(name)
            entry = Entry(id_, name, value, str(spec.get("source") or source), path.name, measure)
            refs.add(entry, kind, names)
    return refs


@functools.lru_cache(maxsize=8)
def _cached(rules_dir: str) -> References:
    return load_references(Path(rules_dir))


def default_references(rules_dir: Path | None = None) -> References:
    """The reference tables of ``rules_dir`` (default: the shipped rules), loaded once per process."""
    return _cached(str((rules_dir or default_rules_dir()).resolve()))


@functools.lru_cache(maxsize=LEXICONS_REMEMBERED)
def references_for(lexicon: Lexicon) -> References:
    """The tables beside ``lexicon``'s alias files: its ``rules_dir`` when it records one, else the default rules."""
    return default_references(lexicon.rules_dir)


# --- resolving expressions ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Place:
    start: int
    end: int  # after the name, possessive "'s" excluded
    name: str
    entries: list[Entry]  # every table row the name may mean, any measure
    kind: str | None  # "state" in "the state of Georgia"
    possessive: bool
    known: bool = True  # a table or the gazetteer knows the name (else: capitalised words no list has)


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    measure: str | None  # area, people, or None when the words do not say
    measure_text: str | None
    places: list[_Place]
    end_possessed: int | None = None  # end of "'s population" after the last place


def _sentence_bounds(text: str, sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(sentences, (pos, math.inf)) - 1
    return (
        sentences[i]
        if i >= 0 and sentences[i][0] <= pos < sentences[i][1]
        else (max(0, pos - FALLBACK_SENTENCE_REACH), min(len(text), pos + FALLBACK_SENTENCE_REACH))
    )


def _place_at(text: str, pos: int, lexicon: Lexicon, refs: References, allow_unknown: bool) -> _Place | None:
    """The place named at ``pos`` ("the state of Georgia", "Iraq's", "Wakanda"), or None."""
    prefix = NAME_PREFIX.match(text, pos)
    kind_word = prefix.group("kind").lower().split()[-1] if prefix.group("kind") else None
    at = prefix.end()
    window = min(len(text), at + NAME_REACH)
    known: tuple[int, list[Entry]] | None = None
    own = refs.names.find(text, at, window)
    if own and own[0].start == at:
        known = (own[0].end, list(refs.by_name.get(own[0].id, [])))
    gaz = lexicon.places.find(text, at, window)
    if gaz and gaz[0].start == at:
        entries = [e for by_id in refs.by_id.values() for e in by_id.get(gaz[0].id, [])]
        if known is None or gaz[0].end > known[0]:
            known = (gaz[0].end, entries)  # the tables' own names win a tie: "New York City" is not the state
    if known is not None:
        end, entries = known
    else:
        unknown = UNKNOWN_NAME.match(text, at) if allow_unknown else None
        if not unknown or lexicon.entities.find(text, at, unknown.end()):
            return None  # lower case, or an organisation or people ("NATO", "Americans"), not a place
        end, entries = unknown.end(), []
        while end > at and text[end - 1] in ".'" and not ABBREVIATION_END.search(text, at, end):
            end -= 1  # "Wakanda." at a sentence end
    if text[end - 2 : end] == "'s":
        end -= 2
    elif text[end - 1 : end] == "'":
        end -= 1
    possessive = text[end : end + 2] == "'s" or text[end : end + 2] == "' "
    if kind_word and entries:
        wanted = {"state": "state", "country": "country", "nation": "country", "kingdom": "country"}.get(
            kind_word, "region"
        )
        entries = [e for e in entries if refs.kinds.get((e.table, e.id)) == wanted] or entries
    return _Place(pos, end, text[at:end], entries, kind_word, possessive, known=known is not None)


def _places_at(text: str, pos: int, lexicon: Lexicon, refs: References, allow_unknown: bool) -> list[_Place]:
    """A list of places joined by commas / "and" / "&", at most ``MAX_PLACES``."""
    places: list[_Place] = []
    first = _place_at(text, pos, lexicon, refs, allow_unknown)
    if first is None:
        return places
    places.append(first)
    while len(places) < MAX_PLACES and not places[-1].possessive:
        join = PLACE_JOIN.match(text, places[-1].end)
        if not join:
            break
        nxt = _place_at(text, join.end(), lexicon, refs, allow_unknown)
        if nxt is None:
            break
        places.append(nxt)
    return places


def _nearest_cue(
    text: str, bounds: tuple[int, int], start: int, end: int, skip: tuple[int, int] = (0, 0)
) -> tuple[str | None, str | None]:
    """Area or people: whichever cue word lies nearest the expression in its sentence ("covered", "population")."""
    s, e = max(bounds[0], start - CUE_REACH), min(bounds[1], end + CUE_REACH)  # bounded: a huge "sentence" stays linear
    best: tuple[int, str, str] | None = None
    for measure, cue in (("area", AREA_CUE), ("people", POPULATION_CUE)):
        for m in cue.finditer(text, s, e):
            if skip[0] <= m.start() < skip[1]:
                continue  # the yardstick's own "size"
            if start <= m.start() < end:
                distance = 0
            else:
                distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, measure, m.group())
    return (best[1], best[2]) if best else (None, None)


def _possessed(text: str, found: _Found) -> bool:
    """After "Syria's": the noun decides the measure ("population" -> people); any other noun ("oil") is not a whole."""
    last = found.places[-1]
    if not last.possessive:
        return True
    after = last.end + (2 if text[last.end : last.end + 2] == "'s" else 1)  # "Syria's" / "Idlis'"
    noun = POSSESSED.match(text, after)
    if not noun:
        return False
    word = noun.group("noun").lower()
    found.measure = "people" if word in POPULATION_NOUNS else "area"
    found.measure_text = noun.group("noun")
    found.end = noun.end()
    return True


def _share_whole(text: str, q: Quantity, sentences, lexicon: Lexicon, refs: References) -> _Found | None:
    """ "one-third" + " of Iraq and Syria": the places a share is of, and what of them (area, people)."""
    after = q.num_end
    if q.unit == "percent":
        sign = PERCENT_SIGN.match(text, after)
        if not sign or text[sign.start() : sign.end() + PERCENTAGE_REACH].lower().strip().startswith("percentage"):
            return None
        after = sign.end()
    of = SHARE_OF.match(text, after)
    if not of:
        return None
    places = _places_at(text, of.end(), lexicon, refs, allow_unknown=True)
    if not places:
        return None
    found = _Found(q.start, places[-1].end, None, None, places)
    noun = of.group("noun")
    if noun:
        found.measure = "people" if noun.lower() in POPULATION_NOUNS else "area"
        found.measure_text = noun
    if not _possessed(text, found):
        return None
    if not places[-1].possessive and not noun and not WHOLE_ENDS.match(text, found.end):
        return None  # "40% of U.S. troops": the place is an adjective
    if found.measure is None:
        found.measure, found.measure_text = _nearest_cue(
            text, _sentence_bounds(text, sentences, q.start), q.start, found.end
        )
        if found.measure is None and not all(p.known for p in places):
            return None  # "half of Europeans": capitalised words are a place only when the words say land or people
    return found


FRACTION_SIGNS = {
    1 / 2: "½",
    1 / 3: "⅓",
    2 / 3: "⅔",
    1 / 4: "¼",
    3 / 4: "¾",
    1 / 5: "⅕",
    2 / 5: "⅖",
    1 / 10: "⅒",
}


def _factor_text(factors: tuple[float, float], percent: tuple[float, float] | None) -> str:
    """ "⅓", "2", "40%", "30–40%"."""
    if percent is not None:
        low, high = percent
        return f"{format_number(low)}%" if low == high else f"{format_number(low)}–{format_number(high)}%"
    texts = []
    for factor in dict.fromkeys(factors):
        sign = next((s for v, s in FRACTION_SIGNS.items() if abs(factor - v) < 1e-9), None)
        texts.append(sign or format_number(factor))
    return "–".join(texts)


def _entries_for(places: list[_Place], measure: str, refs: References) -> tuple[list[Entry], str | None]:
    """One table row per place for ``measure``, or why not ("no reference value for 'Narnia'")."""
    chosen = []
    for place in places:
        rows = [e for e in place.entries if e.measure == measure]
        values = {round(e.value, 6) for e in rows}
        if not rows:
            what = "" if measure == "area" else "the population of "
            return [], f"unresolved: no reference value for {what}'{place.name}'"
        if len(values) > 1:
            meanings = ", ".join(f"{e.id} in {e.table}" for e in rows)
            return [], f"unresolved: '{place.name}' is ambiguous ({meanings})"
        chosen.append(rows[0])
    return chosen, None


def _derive(
    expression: str,
    factors: tuple[float, float],
    entries: list[Entry],
    measure: str,
    percent: tuple[float, float] | None = None,
) -> tuple[float, float, str]:
    """The value(s) and the arithmetic: "⅓ × (438,317 + 185,180) km² ≈ 207,832 km² (areas: ...)"."""
    total = sum(e.value for e in entries)
    low, high = factors[0] * total, factors[1] * total
    unit = " km²" if measure == "area" else " people"
    terms = " + ".join(format_number(e.value) for e in entries)
    whole = f"({terms}){unit}" if len(entries) > 1 else f"{terms}{unit}"
    if factors == (1.0, 1.0) and percent is None:
        arithmetic = whole if len(entries) == 1 else f"{whole} = {format_number(total)}{unit}"
    else:
        exact = all(abs(v - round(v, 0 if v >= 100 else 4)) < 1e-9 for v in (low, high))
        result = format_number(low) if low == high else f"{format_number(low)}–{format_number(high)}"
        arithmetic = f"{_factor_text(factors, percent)} × {whole} {'=' if exact else '≈'} {result}{unit}"
    sources = "; ".join(dict.fromkeys(e.source for e in entries))
    word = MEASURE_WORDS[measure] if len(entries) > 1 else ("area" if measure == "area" else "population")
    return low, high, f"{' '.join(expression.split())} → {arithmetic} ({word}: {sources})"


def _round(value: float) -> float:
    """Whole km² or people for large values; a small yardstick keeps its decimals ("the size of Paris": 105.4)."""
    if not math.isfinite(value):  # a table's huge figure times a multiplier: left for extract_claims to drop
        return value
    return float(round(value)) if value >= 1000 else round(value, 2)


def _apply(
    q: Quantity,
    found: _Found,
    factors: tuple[float, float],
    measure: str | None,
    text: str,
    refs: References,
    percent: tuple[float, float] | None = None,
    keep_share: bool = False,
) -> None:
    """Give ``q`` the resolved value (or mark it unresolved) and the span of the whole expression."""
    expression = text[q.start : found.end]
    q.end = found.end
    q.num_end = found.end  # no entity inside the yardstick is the claim's subject ("the size of Israel")
    q.head_start = None  # the places of a share are where the claim is ("one-third of Iraq and Syria")
    q.derivation = None
    if measure is None:
        names = " and ".join(p.name for p in found.places)
        q.derivation = f"unresolved: area or population of '{names}'? the sentence does not say"
        return
    entries, why = _entries_for(found.places, measure, refs)
    if why:
        q.derivation = why
        if keep_share:
            return  # a share of an unknown whole is still a share: "80 percent of Port-au-Prince"
        q.low = q.high = None
    else:
        low, high, q.derivation = _derive(expression, factors, entries, measure, percent)
        q.low, q.high = _round(low), _round(high)
        if q.qualifier == "exact":
            q.qualifier = "about"  # a share of a country or "the size of Belgium" is a rounded figure
    q.measure = measure
    q.measure_text = found.measure_text
    q.unit = CLAIM_UNIT[measure]
    q.vague = False


def _yardstick(text: str, m: re.Match, sentences, lexicon: Lexicon, refs: References) -> Quantity | None:
    """A quantity from "[qualifier] [multiplier] the size of PLACES" and the comparatives."""
    before = BEFORE_YARDSTICK.search(text, max(0, m.start() - YARDSTICK_LEAD_REACH), m.start())
    qual, mult, times = (
        (before.group("qual"), before.group("mult"), before.group("times")) if before else (None, None, None)
    )
    what = (m.group("what") or "").lower()
    if not (qual or mult or times):
        if what in ("population", "area", "land area"):
            return None  # "the population of Syria fell": names a measure, states no value
        if NOT_A_VALUE_BEFORE.search(text, max(0, m.start() - NOT_A_VALUE_REACH), m.start()):
            return None
    factor = 1.0
    if mult:
        factor = MULTIPLIERS[mult.lower()]
    elif times:
        factor = float(times) if times[0].isdigit() else float(_SMALL[times.lower()])
    start = before.start() if before and before.group() else m.start()
    bounds = _sentence_bounds(text, sentences, m.start())
    cmp_word = (m.group("cmp") or "").lower()
    cue, cue_text = _nearest_cue(text, bounds, start, m.end(), skip=m.span())
    if what:
        measure = "people" if what == "population" else "area"
        measure_text = m.group("what")
    else:
        measure, measure_text = cue, cue_text  # "an area larger than Belgium"; "bigger than Belgium" alone says nothing
        if measure is None:
            return None
    places = _places_at(text, m.end(), lexicon, refs, allow_unknown=True)
    if places and places[-1].possessive:
        return None  # "the size of Britain's army": not the size of a place
    if not places:
        common = COMMON_NOUN_PHRASE.match(text, m.end())
        if not (common and what in ("size", "area") and cue == "area"):
            return None  # "the size of the army": a yardstick only when the sentence is about land
        places = [_Place(m.end(), common.end(), common.group(), [], None, False, known=False)]
    elif not all(p.known for p in places) and not (what in ("size", "area") or cue):
        return None  # an unknown name compared with nothing about land or people: "bigger than Apple"
    if cmp_word and not (mult or times):
        qualifier = "less_than" if cmp_word == "smaller" else "more_than"
    elif qual:
        qualifier = QUALIFIERS.get(qual.lower(), "more_than" if "more" in qual.lower() else "less_than")
    else:
        qualifier = "about"  # sizes in comparisons are approximate
    q = Quantity(start, places[-1].end, start, places[-1].end, None, None, qualifier)
    found = _Found(start, places[-1].end, measure, measure_text, places)
    _apply(q, found, (factor, factor), measure, text, refs)
    if q.low is None and not any(p.entries for p in places):
        q.measure_text = measure_text
    q.head_start = q.end  # places inside the yardstick are not where the claim is ("the size of Belgium")
    return q


def resolve_references(
    text: str,
    sentences: list[tuple[int, int]],
    quantities: list[Quantity],
    lexicon: Lexicon,
    references: References | None = None,
) -> list[Quantity]:
    """Quantities with reference expressions resolved (shares of places, "the size of X"), new ones added, in order."""
    refs = references if references is not None else references_for(lexicon)
    shares: list[tuple[int, int]] = []  # spans of resolved shares, in text order
    for q in quantities:
        if q.unit not in ("fraction", "percent") or q.low is None:
            continue
        found = _share_whole(text, q, sentences, lexicon, refs)
        if found is None:
            continue
        share = (q.low, q.high if q.high is not None else q.low)
        percent = None
        if q.unit == "percent":
            percent = share
            share = (share[0] / 100, share[1] / 100)
        _apply(q, found, share, found.measure, text, refs, percent, keep_share=True)
        shares.append((q.start, q.end))
    shares.sort()
    added: list[Quantity] = []
    for m in YARDSTICK.finditer(text):
        if (added and m.start() < added[-1].end) or _within(shares, m.start()):
            continue  # "a third of the population of Jordan" was read as a share
        q = _yardstick(text, m, sentences, lexicon, refs)
        if q is not None:
            added.append(q)
    if not added:
        return quantities
    spans = [(a.start, a.end) for a in added]
    kept = [q for q in quantities if not _within(spans, q.num_start)]
    return sorted(kept + added, key=lambda q: (q.start, q.end))


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
