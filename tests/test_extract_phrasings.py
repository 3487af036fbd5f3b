"""Quantity phrasings as data: every sentence in tests/data/extract/quantities/*.yaml against the extractor.

Each item is a sentence or a few paragraphs, its publication date (omitted for an
undated article) and every quantity claim a careful fact-checker finds in it (see
STYLE.md section 5). An expected claim is found by overlap with the first occurrence
of its ``quote``; only the fields an item annotates are checked (``span: exact``: the
claim's text is the quote, no more and no less). Extra quantity
claims fail the item unless it sets ``partial: true``; no quantity claim may start
inside a ``not_claims`` substring.

An item with ``front_matter`` is read from disk as an article with that front matter
(its address, or bad metadata): each field in ``warns`` must be warned about by name
(``warns: []``: no warning at all), and the claims are those of the article read as if
a bad field were absent.

An item the extractor gets wrong today carries ``known_gap: "<what goes wrong>"``
and runs as a strict xfail (tests/cases.py: the shape every extraction case file shares).
"""

from __future__ import annotations

import functools
import math
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from cases import case_param, case_problems, load_cases

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data" / "extract" / "quantities"
ALIASES_DIR = ROOT / "rules" / "aliases"

QUALIFIERS = {"exact", "about", "range", "more_than", "at_least", "less_than", "at_most", "nearly", "vague"}
SCOPES = {"current", "explicit", "context", "peak", "past", "unknown"}
MODALITIES = {"asserted", "planned", "conditional", "negated"}
# What a case here may expect, beside the keys every case has (text, published, note, known_gap).
EXPECTATION_KEYS = {"claims", "not_claims", "partial", "front_matter", "warns"}
CLAIM_KEYS = {
    "quote",
    "value",
    "qualifier",
    "measure",
    "measure_text",
    "unit",
    "location",
    "subject",
    "attribution",
    "attribution_exact",
    "as_of",
    "modality",
    "facet",
    "span",
}
AS_OF_KEYS = {"scope", "start", "end", "since"}
# Not in the alias files but part of the annotation vocabulary: bare durations
# ("three months of fighting") are measured as `duration`; shares written as
# fractions ("one-third of") carry the unit `fraction` (a 0-1 share). Oil measured
# in barrels or gallons is a `volume`, or a `flow_rate` when it is "a day" (those
# two are listed under `measures:` of events.yaml, not in measures.yaml).
EXTRA_MEASURES = {"duration"}
EXTRA_UNITS = {"fraction"}
RATE_UNIT = re.compile(
    r"per (?:\d{1,3}(?:,\d{3})*|day|week|month|year)"
)  # "12 deaths per 100,000 people", "2,000 a day"
# A unit "a day": "5,000 barrels a day" is bbl/d.
PER_DAY = "/d"
RATE_SUFFIX = re.compile(r" per (?:day|week|month|year)$")  # "t per year": a mass or a sum said per stretch of time
PLACE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
REL_TOL = 1e-6
MIN_ITEMS = 570
MIN_NOT_CLAIM_ITEMS = 54
# Each class of phrasing that needs more than the sentence (the paragraph's context, coordination and
# reference, ellipsis, long and introduced names, speakers, time without a publication date, numbers that
# are not counts, counts over a period, events as subjects, bad metadata) has a file of its own, with at
# least this many items.
CLASS_FILES = (
    "paragraph_context",
    "coordination_reference",
    "ellipsis",
    "introduced_names",
    "speakers",
    "undated_time",
    "years_not_counts",
    "periods",
    "event_subjects",
    "bad_metadata",
)
MIN_CLASS_ITEMS = 12
# A ratchet: known gaps may be fixed (and their key removed) but not added without raising this on purpose.
MAX_KNOWN_GAPS = 50


ITEMS = load_cases(DATA_DIR)


# --- the data itself ---------------------------------------------------------------------------------------------


def _alias_ids(name: str) -> set[str]:
    data = yaml.safe_load((ALIASES_DIR / name).read_text(encoding="utf-8")) or {}
    return {key for key in data if key != "currencies"} | set(data.get("currencies") or {})


def _vocabulary() -> tuple[set[str], set[str], set[str]]:
    """Measure, unit and entity ids an annotation may use: the alias files' and the event counts of events.yaml."""
    events = yaml.safe_load((ALIASES_DIR / "events.yaml").read_text(encoding="utf-8")) or {}
    measures = _alias_ids("measures.yaml") | set(events.get("measures") or {}) | EXTRA_MEASURES
    return measures, _alias_ids("units.yaml") | EXTRA_UNITS, _alias_ids("entities.yaml")


@functools.cache
def _event_ids() -> tuple[set[str], re.Pattern]:
    """Subjects that are events: a kind ("earthquake"), a proper name that is one ("ebola"), or a named
    event, its name words and its kind ("camp_fire", "trump_inauguration"), and the year of a recurring one
    ("obama_inauguration_2009") or of a past one of its kind ("earthquake_1985")."""
    data = yaml.safe_load((ALIASES_DIR / "events.yaml").read_text(encoding="utf-8")) or {}
    kinds = data.get("kinds") or {}
    names = {re.sub(r"[^a-z0-9]+", "_", str(n).lower()).strip("_") for k in kinds.values() for n in k.get("names", [])}
    kind = "|".join(map(re.escape, kinds))
    named = re.compile(rf"[a-z0-9]+(?:_[a-z0-9]+)*_(?:{kind})(?:_\d{{4}})?|(?:{kind})_\d{{4}}")
    return set(kinds) | names, named


def _is_subject(subject: str, entities: set[str], events: set[str], named_event: re.Pattern) -> bool:
    return (
        subject in entities
        or subject in events
        or bool(named_event.fullmatch(subject))
        or bool(re.fullmatch(r"[a-z_]+_(?:backed|rebuilding|force)", subject))
    )


def _yaml_problems(
    stem: str, index: int, item: Any, measures: set[str], units: set[str], entities: set[str]
) -> list[str]:
    where = f"{stem}.yaml item {index}"
    problems = case_problems(where, item, EXPECTATION_KEYS)
    text = item.get("text") if isinstance(item, dict) else None
    if not isinstance(text, str) or not text.strip():
        return problems
    where = f"{where} ({text[:40]!r})"
    if "front_matter" in item:
        if "published" in item:
            problems.append(f"{where}: an item with front_matter is dated by it; published must be omitted")
        warns = item.get("warns")
        if not isinstance(item["front_matter"], str) or not isinstance(warns, list):
            problems.append(f"{where}: front_matter must be text and warns a list of field names ([] for none)")
    elif "warns" in item:
        problems.append(f"{where}: warns needs front_matter")
    claims = item.get("claims")
    if not isinstance(claims, list):
        return problems + [f"{where}: claims must be a list (use [] for none)"]
    not_claims = item.get("not_claims", [])
    if not isinstance(not_claims, list) or not all(isinstance(s, str) and s for s in not_claims):
        problems.append(f"{where}: not_claims must be a list of non-empty strings")
        not_claims = []
    for phrase in not_claims:
        if phrase not in text:
            problems.append(f"{where}: not_claims {phrase!r} is not a substring of text")
    forbidden = [(text.find(p), text.find(p) + len(p)) for p in not_claims if p in text]
    spans: list[tuple[int, int, str]] = []
    for claim in claims:
        if not isinstance(claim, dict):
            problems.append(f"{where}: claim is not a mapping: {claim!r}")
            continue
        quote = claim.get("quote")
        label = f"{where} claim {quote!r}"
        problems += [f"{label}: unknown key {key!r}" for key in claim if key not in CLAIM_KEYS]
        if not isinstance(quote, str) or quote not in text:
            problems.append(f"{label}: quote is not a substring of text")
        else:
            start = text.find(quote)
            if any(lo <= start < hi for lo, hi in forbidden):
                problems.append(f"{label}: quote starts inside a not_claims substring")
            for other_start, other_end, other in spans:
                if start < other_end and other_start < start + len(quote):
                    problems.append(f"{label}: quote overlaps the quote {other!r}")
            spans.append((start, start + len(quote), quote))
        problems += _value_problems(label, claim)
        if "measure" in claim and claim["measure"] is not None and claim["measure"] not in measures:
            problems.append(f"{label}: measure {claim['measure']!r} is not in measures.yaml")
        unit = claim.get("unit")
        plain = RATE_SUFFIX.sub("", unit.removesuffix(PER_DAY)) if unit is not None else None
        if unit is not None and plain not in units and not RATE_UNIT.fullmatch(unit):
            problems.append(f"{label}: unit {unit!r} is not in units.yaml (nor <unit>{PER_DAY}, nor 'per <base>')")
        subject = claim.get("subject")
        if subject is not None and not _is_subject(str(subject), entities, *_event_ids()):
            problems.append(
                f"{label}: subject {subject!r} is not in entities.yaml, nor an event of events.yaml "
                "(a kind, a listed name, <name>_<kind>), nor a <name>_backed, <name>_rebuilding or <name>_force id"
            )
        if "location" in claim:
            location = claim["location"]
            if not isinstance(location, list) or not all(isinstance(p, str) and PLACE_ID.match(p) for p in location):
                problems.append(f"{label}: location must be a list of lower_case place ids")
            elif location != sorted(location):
                problems.append(f"{label}: location must be sorted")
        if "attribution" in claim and claim["attribution"] is not None and not isinstance(claim["attribution"], str):
            problems.append(f"{label}: attribution must be a string or null")
        if "modality" in claim and claim["modality"] not in MODALITIES:
            problems.append(f"{label}: modality {claim['modality']!r} not in {sorted(MODALITIES)}")
        if "as_of" in claim:
            as_of = claim["as_of"]
            if not isinstance(as_of, dict) or as_of.get("scope") not in SCOPES or set(as_of) - AS_OF_KEYS:
                problems.append(f"{label}: as_of must be {{scope: {'|'.join(sorted(SCOPES))}, start?, end?, since?}}")
            else:
                for key in ("start", "end", "since"):
                    if key in as_of and as_of[key] is not None and not isinstance(as_of[key], date):
                        problems.append(f"{label}: as_of.{key} must be a YAML date")
    if item.get("partial") not in (None, True, False):
        problems.append(f"{where}: partial must be true or false")
    return problems


def _value_problems(label: str, claim: dict[str, Any]) -> list[str]:
    value = claim.get("value")
    if not (isinstance(value, list) and len(value) == 2):
        return [f"{label}: value must be [low, high]"]
    low, high = value
    if any(v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))) for v in value):
        return [f"{label}: value bounds must be numbers or null"]
    if low is None and high is None:
        return [f"{label}: value must have at least one bound"]
    if low is not None and high is not None and low > high:
        return [f"{label}: value low > high"]
    qualifier = claim.get("qualifier")
    if qualifier is None:
        return []
    if qualifier not in QUALIFIERS:
        return [f"{label}: qualifier {qualifier!r} not in {sorted(QUALIFIERS)}"]
    shapes = {
        "exact": low is not None and low == high,
        "about": low is not None and low == high,
        "nearly": low is not None and low == high,
        "range": low is not None and high is not None and low < high,
        "vague": low is not None and high is not None and low < high,
        "more_than": low is not None and high is None,
        "at_least": low is not None and high is None,
        "less_than": low is None and high is not None,
        "at_most": low is None and high is not None,
    }
    return [] if shapes[qualifier] else [f"{label}: value {value} does not fit qualifier {qualifier}"]


def test_yaml_files_are_valid():
    """The corpus itself: quotes are substrings, ids exist in the alias files, values fit their qualifiers."""
    measures, units, entities = _vocabulary()
    problems = []
    for stem, index, item in ITEMS:
        problems += _yaml_problems(stem, index, item, measures, units, entities)
    assert not problems, "\n".join(problems)
    assert len(ITEMS) >= MIN_ITEMS, f"only {len(ITEMS)} annotated sentences"
    not_claim_items = [item for stem, _, item in ITEMS if stem == "not_claims"]
    assert len(not_claim_items) >= MIN_NOT_CLAIM_ITEMS, f"only {len(not_claim_items)} items in not_claims.yaml"
    per_file = {name: sum(stem == name for stem, _, _ in ITEMS) for name in CLASS_FILES}
    thin = {name: count for name, count in per_file.items() if count < MIN_CLASS_ITEMS}
    assert not thin, f"phrasing classes with fewer than {MIN_CLASS_ITEMS} items: {thin}"


def test_known_gaps_only_shrink():
    """Known gaps are data beside their text; their number may fall but not rise unnoticed."""
    gaps = [f"{stem}[{index}]" for stem, index, item in ITEMS if isinstance(item, dict) and item.get("known_gap")]
    assert len(gaps) <= MAX_KNOWN_GAPS, f"{len(gaps)} known gaps, more than the {MAX_KNOWN_GAPS} allowed: {gaps}"


def test_validation_rejects_what_the_conventions_do_not_name():
    """The checks above are only worth their passing if they fail on a wrong item: an unknown subject or unit,
    a malformed known gap, front matter without the fields it must warn about, a date that is not a date."""
    vocabulary = _vocabulary()
    for subject in (
        "camp_fire",
        "trump_inauguration",
        "ebola",
        "covid_19",
        "earthquake",
        "islamic_state",
        "iran_backed",
        "cathedral_rebuilding",
    ):
        assert _is_subject(subject, vocabulary[2], *_event_ids()), subject
    for subject in ("camp", "fire_camp", "ebola_virus", "Camp_Fire"):
        assert not _is_subject(subject, vocabulary[2], *_event_ids()), subject
    toll = {"quote": "85 people", "value": [85, 85], "measure": "deaths", "subject": "camp_fire"}
    flow = {
        "quote": "5,000 barrels a day",
        "value": [5000, 5000],
        "measure": "flow_rate",
        "unit": "bbl/d",
        "subject": "spill",
    }
    good = {
        "text": "The Camp Fire killed 85 people. The leak spewed 5,000 barrels a day.",
        "published": date(2019, 1, 10),
        "claims": [toll, flow],
    }
    assert _yaml_problems("t", 0, good, *vocabulary) == []
    assert _yaml_problems("t", 0, {**good, "known_gap": "the flow is missed"}, *vocabulary) == []
    bad = [
        {**good, "claims": [{**toll, "subject": "camp"}, flow]},
        {**good, "claims": [toll, {**flow, "unit": "bbl/h"}]},
        {**good, "known_gap": " "},
        {**good, "front_matter": "published: soon"},
        {**good, "front_matter": "published: soon", "warns": ["published"]},
        {**good, "warns": ["published"]},
        {**good, "published": "2019-01-10"},
    ]
    for item in bad:
        assert _yaml_problems("t", 0, item, *vocabulary), item


def test_yaml_ids_are_unique():
    """Every sentence appears once, so a failing id names one item."""
    seen: dict[str, str] = {}
    duplicates = []
    for stem, index, item in ITEMS:
        text = " ".join(str(item.get("text", "")).split())
        if text in seen:
            duplicates.append(f"{stem}[{index}] repeats {seen[text]}: {text[:60]!r}")
        seen[text] = f"{stem}[{index}]"
    assert not duplicates, "\n".join(duplicates)


# --- the extractor against the data ------------------------------------------------------------------------------


def _show(claim: Any) -> str:
    """One line per extracted claim: span, text, value, and the context fields."""
    value = claim.value
    shown = f"[{value.low}, {value.high}] {value.qualifier}" if value is not None else "None"
    as_of = claim.as_of
    parts = [
        f"{claim.start}-{claim.end} {claim.text!r}",
        f"value={shown}",
        f"measure={claim.measure}",
        f"unit={claim.unit}",
        f"subject={claim.subject}",
        f"location={claim.location}",
        f"attribution={claim.attribution!r}",
        f"as_of={as_of.scope}:{as_of.start}..{as_of.end}",
        f"modality={claim.modality}",
    ]
    return "  " + " ".join(parts)


def _close(expected: float | None, actual: float | None) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    return math.isclose(float(expected), float(actual), rel_tol=REL_TOL, abs_tol=1e-12)


def _field_errors(expected: dict[str, Any], claim: Any) -> list[str]:
    errors = []
    low, high = expected["value"]
    if claim.value is None:
        errors.append("value: none extracted")
    else:
        if not (_close(low, claim.value.low) and _close(high, claim.value.high)):
            errors.append(f"value: expected [{low}, {high}], got [{claim.value.low}, {claim.value.high}]")
        if "qualifier" in expected and claim.value.qualifier != expected["qualifier"]:
            errors.append(f"qualifier: expected {expected['qualifier']}, got {claim.value.qualifier}")
    for field in ("measure", "measure_text", "unit", "subject", "modality", "facet"):
        if field in expected and getattr(claim, field) != expected[field]:
            errors.append(f"{field}: expected {expected[field]}, got {getattr(claim, field)}")
    if expected.get("span") == "exact" and claim.text != expected["quote"]:
        errors.append(f"span: expected {expected['quote']!r}, got {claim.text!r}")
    if "location" in expected and sorted(expected["location"] or []) != sorted(claim.location):
        errors.append(f"location: expected {sorted(expected['location'] or [])}, got {sorted(claim.location)}")
    if "attribution" in expected:
        want, got = expected["attribution"], claim.attribution
        if want is None and got is not None:
            errors.append(f"attribution: expected none, got {got!r}")
        elif want is not None and (got is None or want.lower() not in got.lower()):
            errors.append(f"attribution: expected to contain {want!r}, got {got!r}")
    if "attribution_exact" in expected and (claim.attribution or "").lower() != expected["attribution_exact"].lower():
        # a speaker is a name or nothing: "police", never the words around it ("new mounting toll given by police")
        errors.append(f"attribution: expected exactly {expected['attribution_exact']!r}, got {claim.attribution!r}")
    if "as_of" in expected:
        as_of = expected["as_of"]
        if claim.as_of.scope != as_of["scope"]:
            errors.append(f"as_of.scope: expected {as_of['scope']}, got {claim.as_of.scope}")
        for key in ("start", "end", "since"):
            if key in as_of and getattr(claim.as_of, key) != as_of[key]:
                errors.append(f"as_of.{key}: expected {as_of[key]}, got {getattr(claim.as_of, key)}")
    return errors


def _match(
    expected_claims: list[dict[str, Any]], text: str, found: list[Any], body: int = 0
) -> tuple[list[str], set[int]]:
    """Pair each expected claim with the unused extracted claim overlapping its quote most (the quote's first
    occurrence from ``body``, where the article's text begins); return errors and used."""
    errors, used = [], set()
    for expected in expected_claims:
        start = text.find(expected["quote"], body)
        end = start + len(expected["quote"])
        candidates = [
            (min(end, c.end) - max(start, c.start), -i, i)
            for i, c in enumerate(found)
            if i not in used and c.start < end and start < c.end
        ]
        if not candidates:
            errors.append(f"missing: {expected['quote']!r} (chars {start}-{end}) value {expected['value']}")
            continue
        *_, best = max(candidates)
        used.add(best)
        for error in _field_errors(expected, found[best]):
            errors.append(f"{expected['quote']!r}: {error}")
    return errors, used


def _source(item: dict[str, Any], folder: Path):
    """The item as the extractor sees it: its text and date, or an article file read with its front matter."""
    from consistency.load import load_source
    from consistency.models import Source

    if "front_matter" not in item:
        return Source(name="t.txt", path=Path("t.txt"), text=item["text"], published=item.get("published"))
    path = folder / "t.md"
    path.write_text(f"---\n{item['front_matter'].strip()}\n---\n{item['text']}", encoding="utf-8")
    return load_source(folder, path, {})


@pytest.mark.parametrize("stem,index,item", [case_param(*entry) for entry in ITEMS])
def test_quantity_phrasing(stem: str, index: int, item: dict[str, Any], tmp_path: Path):
    from consistency.extract import extract_claims  # lazy: the extractor is being written alongside this corpus

    source = _source(item, tmp_path)
    text = source.text
    found = sorted((c for c in extract_claims(source) if c.kind == "quantity"), key=lambda c: (c.start, c.end))
    errors, used = _match(item.get("claims") or [], text, found, source.body_start)
    for field in item.get("warns") or []:
        if not any("t.md" in w and f"{field}:" in w for w in source.warnings):
            errors.append(f"no warning names the file and the field {field!r}: {source.warnings}")
    if item.get("warns") == [] and source.warnings:
        errors.append(f"unexpected warnings: {source.warnings}")
    if not item.get("partial"):
        errors += [f"unexpected claim {c.text!r} at {c.start}-{c.end}" for i, c in enumerate(found) if i not in used]
    for phrase in item.get("not_claims") or []:
        lo = text.find(phrase, source.body_start)
        while lo != -1:
            hi = lo + len(phrase)
            errors += [f"claim {c.text!r} starts inside not-claim {phrase!r}" for c in found if lo <= c.start < hi]
            lo = text.find(phrase, lo + 1)
    shown = "\n".join(_show(c) for c in found) or "  (no quantity claims)"
    if errors:
        pytest.fail(f"{text}\n" + "\n".join(errors) + f"\nextracted:\n{shown}", pytrace=False)
