"""Reference quantities: "the size of Kentucky", "nearly one-third of Iraq and Syria", unit conversion.

Phrasings are data (tests/data/extract/reference.yaml, cases of the shape tests/cases.py describes, and
tests/data/unit_conversion_pairs.yaml); the tables under rules/reference/ are
checked for shape and sources; units are converted with pint; and the seeds, end to end through
the CLI, show the territory conflict and agreement with the arithmetic in report.json and report.html.
"""

from __future__ import annotations

import json
import math
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from cases import case_param, expectation_problems, load_cases
from click.testing import CliRunner
from seedmatch import SEEDS, matching_claims

from consistency import units
from consistency.cli import cli
from consistency.compare import compare_pair
from consistency.config import default_rules_dir
from consistency.errors import ConsistencyError
from consistency.extract import extract_claims
from consistency.extract.lexicon import default_lexicon
from consistency.extract.quantities import find_quantities
from consistency.extract.reference import default_references, load_references, resolve_references
from consistency.models import AsOf, Claim, Interval, Source
from consistency.rules import load_rules
from consistency.values import value_text

DATA = Path(__file__).parent / "data"
PHRASINGS = load_cases(DATA / "extract" / "reference.yaml")
EXPECTED = [claim for _, _, case in PHRASINGS for claim in case.get("claims") or []]
# What an expected claim may say of the claim at its quote.
CLAIM_KEYS = {
    "quote",
    "value",
    "qualifier",
    "unit",
    "measure",
    "subject",
    "location",
    "derivation",
    "unresolved",
    "no_reference",
}
PAIRS = yaml.safe_load((DATA / "unit_conversion_pairs.yaml").read_text(encoding="utf-8"))
PUBLISHED = date(2024, 1, 1)  # the pairs' publication date
REL_TOL = 1e-3
TERRITORY = next(rule for rule in load_rules(default_rules_dir()) if rule.code == "CC105")


def _claims(text: str, published: date | None = PUBLISHED) -> list[Claim]:
    source = Source(name="article.txt", path=Path("article.txt"), text=text, published=published)
    return [claim for claim in extract_claims(source) if claim.kind == "quantity"]


def _overlapping(claims: list[Claim], text: str, quote: str) -> list[Claim]:
    start = text.index(quote)
    end = start + len(quote)
    return [c for c in claims if c.start < end and start < c.end]


def _close(got: float | None, want: float | None) -> bool:
    if want is None or got is None:
        return got is want
    return math.isclose(got, want, rel_tol=REL_TOL)


def test_enough_phrasings():
    assert len(EXPECTED) + len(PAIRS) >= 60
    assert sum("unresolved" in claim for claim in EXPECTED) >= 8
    assert sum(bool(claim.get("no_reference")) for claim in EXPECTED) >= 8


def test_case_file_is_valid():
    """The cases themselves: the shape every extraction case has, and quotes that are in their text."""
    problems = expectation_problems(PHRASINGS, "claims", "quote", set(), CLAIM_KEYS)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("stem,index,case", [case_param(*entry) for entry in PHRASINGS])
def test_phrasing(stem, index, case):
    for item in case["claims"]:
        _check_claim(case["text"], case.get("published"), item)


def _check_claim(text: str, published: date | None, item: dict) -> None:
    """The claim overlapping ``item``'s quote has what ``item`` expects of it."""
    quote = item["quote"]
    claims = _overlapping(_claims(text, published), text, quote)
    if item.get("no_reference"):
        assert not [c for c in claims if c.derivation], claims
        return
    assert claims, f"no claim at {quote!r} in {_claims(text, published)}"
    claim = next((c for c in claims if c.derivation), claims[0])
    report = claim.model_dump(exclude={"sentence"})
    if "unresolved" in item:
        assert claim.derivation and claim.derivation.startswith("unresolved: "), report
        assert item["unresolved"] in claim.derivation, report
        if "value" not in item:
            assert claim.value is None, report
    if "value" in item:
        low, high = item["value"]
        assert claim.value is not None, report
        assert _close(claim.value.low, low) and _close(claim.value.high, high), report
    if "qualifier" in item:
        assert claim.value.qualifier == item["qualifier"], report
    for field in ("unit", "measure", "subject"):
        if field in item:
            assert getattr(claim, field) == item[field], report
    if "location" in item:
        assert sorted(claim.location) == sorted(item["location"]), report
    if "derivation" in item:
        assert claim.derivation and item["derivation"] in claim.derivation, report
    if "unresolved" not in item and "derivation" in item:
        assert claim.text.strip().endswith(quote.split()[-1].rstrip(".")), report


def _area_claim(text: str) -> Claim:
    found = [c for c in _claims(text) if c.value is not None and (c.derivation or c.unit in units.CANONICAL)]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("item", PAIRS, ids=[" | ".join(item["pair"]) for item in PAIRS])
def test_pair_after_unit_conversion(item):
    a, b = (_area_claim(text) for text in item["pair"])
    compatible, _ = compare_pair(a, b, TERRITORY)
    assert compatible == (item["expect"] == "agree"), (value_text(a), a.derivation, value_text(b), b.derivation)


# --- units ------------------------------------------------------------------------------------------------------------


def test_square_miles_to_square_kilometers():
    assert units.convert(42_000, "mi2", "km2") == pytest.approx(108_779.5, rel=1e-6)
    assert units.convert(1, "mi2", "km2") == pytest.approx(2.589988110336, rel=1e-12)
    assert units.convert(110_000, "km2", "mi2") == pytest.approx(42_471.3, rel=1e-5)


def test_miles_to_kilometers_and_meters():
    assert units.convert(1, "mi", "km") == pytest.approx(1.609344, rel=1e-12)
    assert units.convert(5_000, "m", "km") == pytest.approx(5.0)
    assert units.convert(None, "mi", "km") is None


def test_canonical_units():
    assert units.canonical_unit("mi2") == "km2"
    assert units.canonical_unit("km2") == "km2"
    assert units.canonical_unit("mi") == "km"
    assert units.canonical_unit("percent") == "percent"
    assert units.canonical_unit(None) is None
    assert units.canonical_factor("usd") == 1.0
    assert units.canonical_factor("km2") == 1.0


def test_no_conversion_across_dimensions():
    with pytest.raises(ValueError):
        units.factor("mi", "km2")
    with pytest.raises(ValueError):
        units.factor("percent", "km2")


def _claim(
    low: float | None, high: float | None, unit: str, qualifier: str = "exact", derivation: str | None = None
) -> Claim:
    return Claim(
        id=f"c{low}{unit}",
        source="a.txt",
        start=0,
        end=1,
        text="x",
        sentence="x",
        kind="quantity",
        measure="area",
        value=Interval(low=low, high=high, qualifier=qualifier),
        unit=unit,
        as_of=AsOf(start=PUBLISHED, end=PUBLISHED),
        derivation=derivation,
    )


def test_value_text_shows_the_compared_unit():
    assert value_text(_claim(42_000, 42_000, "mi2")) == "42,000 sq mi (≈ 108,780 km²)"
    assert value_text(_claim(110_000, 110_000, "km2")) == "110,000 km²"


def test_compare_pair_converts_units():
    ok, _ = compare_pair(_claim(42_000, 42_000, "mi2"), _claim(110_000, 110_000, "km2"), TERRITORY)
    assert ok
    ok, distance = compare_pair(_claim(20_000, 20_000, "mi2"), _claim(110_000, 110_000, "km2"), TERRITORY)
    assert not ok and distance == pytest.approx(1 - 51_799.76 / 110_000, rel=1e-3)


# --- the tables -------------------------------------------------------------------------------------------------------


def test_tables_name_their_sources_and_known_values():
    refs = default_references()
    assert {"areas-countries.yaml", "areas-us-states.yaml", "areas-regions.yaml", "population-countries.csv"} <= set(
        refs.tables
    )
    area, people = refs.by_id["area"], refs.by_id["people"]
    assert area["iraq"][0].value == 438_317 and area["syria"][0].value == 185_180
    assert area["kentucky"][0].value == 104_656
    assert area["belgium"][0].value == 30_528 and area["united_kingdom"][0].value == 243_610
    assert len([e for e in area.values() if e[0].table == "areas-us-states.yaml"]) == 51
    assert len([e for e in area.values() if e[0].table == "areas-countries.yaml"]) >= 150
    assert people["iraq"][0].value > 40e6
    for entries in [*area.values(), *people.values()]:
        for entry in entries:
            assert entry.source.strip(), entry


# Rows whose display name the gazetteer files under another id, and why the table keeps its own.
GAZETTEER_EXCEPTIONS = {
    "georgia_us": "georgia is the country",
    "washington": "the gazetteer reads a bare Washington as the capital",
    "washington_dc": "the gazetteer's id for the name District of Columbia is district_of_columbia",
    "new_york_city": "the gazetteer does not tell the city from the state",
}


def test_table_ids_are_the_gazetteers():
    places = default_lexicon().places
    for entries in default_references().by_id["area"].values():
        for entry in entries:
            found = places.find(entry.name)
            if found and found[0].text == entry.name and entry.id not in GAZETTEER_EXCEPTIONS:
                assert found[0].id == entry.id, entry


def test_a_user_table_in_yaml_and_csv(tmp_path):
    folder = tmp_path / "reference"
    folder.mkdir()
    (folder / "mine.yaml").write_text(
        "measure: area\nunit: mi2\nsource: My atlas, 2020\nvalues:\n  ruritania: {value: 1000}\n", encoding="utf-8"
    )
    (folder / "people.csv").write_text(
        "# measure: people\n# source: My census\nid,name,value\nruritania,Ruritania,2000000\n", encoding="utf-8"
    )
    refs = load_references(tmp_path)
    assert refs.by_id["area"]["ruritania"][0].value == pytest.approx(2_589.99, rel=1e-5)  # converted to km² by pint
    assert refs.by_id["people"]["ruritania"][0].source == "My census"
    assert refs.by_name["ruritania"]


@pytest.mark.parametrize(
    "body, message",
    [
        ("measure: area\nunit: km2\nvalues:\n  x: 1\n", "source"),
        ("measure: weight\nunit: kg\nsource: s\nvalues:\n  x: 1\n", "measure"),
        ("measure: area\nunit: km2\nsource: s\nvalues:\n  x: lots\n", "number"),
        ("measure: area\nunit: km2\nsource: s\nvalues: [\n", "invalid YAML"),
    ],
)
def test_a_bad_table_is_one_clear_error(tmp_path, body, message):
    folder = tmp_path / "reference"
    folder.mkdir()
    (folder / "bad.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(ConsistencyError) as err:
        load_references(tmp_path)
    assert "bad.yaml" in str(err.value.path) and message in str(err.value)


@pytest.mark.parametrize(
    "unit",
    [
        "the size of ",
        "one-third of Iraq and ",
        "larger than Belgium, ",
        "twice the size of Iraq, Syria, Lebanon, ",
        "an area the size of a b c ",
        "40% of Iraq's territory ",
    ],
)
def test_resolving_stays_linear_on_adversarial_text(unit):
    lexicon = default_lexicon()
    timings = []
    for repeat in (1_000, 4_000):
        text = unit * repeat
        found = find_quantities(text, [], lexicon)
        started = time.process_time()  # this process's CPU time: other jobs on the machine do not count
        resolve_references(text, [(0, len(text))], found, lexicon)
        timings.append(time.process_time() - started)
    # Four times the text may take about four times the work, never the sixteen of a quadratic scan.
    assert timings[1] < 10 * timings[0] + 0.05, timings


# --- the seeds, end to end ---

TEXTS = {p.name: p.read_text(encoding="utf-8-sig") for p in SEEDS.glob("*.txt")}
THIRD = {"source": "002_673533e19380046e.txt", "quote": "nearly one-third of Iraq and Syria"}
KM2 = {"source": "001_8f32e4b1079b2bee.txt", "quote": "110,000 square kilometers"}
KENTUCKY = {"source": "004_8d4cf7d2278d132a.txt", "quote": "the size of Kentucky"}


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> tuple[dict, str]:
    out = tmp_path_factory.mktemp("reports")
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "--format", "json,html", "--output", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8")), (out / "report.html").read_text(
        encoding="utf-8"
    )


def _ids(report: dict, side: dict) -> set[str]:
    return {c["id"] for c in matching_claims(report["claims"], TEXTS, side["source"], side["quote"], "quantity")}


def _findings_between(report: dict, kind: str, a: dict, b: dict) -> list[dict]:
    """The report's ``kind`` (conflicts, agreements) holding a claim at each of two quotes of the seeds."""
    first, second = _ids(report, a), _ids(report, b)
    assert first and second
    found = [f for f in report[kind] if set(f["claims"]) & first and set(f["claims"]) & second]
    assert found, [f["explanation"] for f in report[kind]]
    return found


def test_seeds_territory_conflict(seeds_report):
    conflict = _findings_between(seeds_report[0], "conflicts", THIRD, KM2)[0]
    assert conflict["rule"] == "CC105"
    assert "⅓ × (438,317 + 185,180) km² ≈ 207,832 km²" in conflict["explanation"]
    assert "CIA World Factbook" in conflict["explanation"]


def test_seeds_territory_agreement(seeds_report):
    agreement = _findings_between(seeds_report[0], "agreements", KM2, KENTUCKY)[0]
    assert "the size of Kentucky → 104,656 km²" in agreement["explanation"]


def test_seeds_territory_claims_carry_their_derivation(seeds_report):
    report, _ = seeds_report
    by_id = {c["id"]: c for c in report["claims"]}
    third = by_id[next(iter(_ids(report, THIRD)))]
    assert third["value"] == {"low": 207832.0, "high": 207832.0, "qualifier": "nearly"}
    assert third["unit"] == "km2" and third["measure"] == "area"
    assert third["derivation"].startswith("nearly one-third of Iraq and Syria → ⅓ × (438,317 + 185,180) km²")
    kentucky = by_id[next(iter(_ids(report, KENTUCKY)))]
    assert kentucky["value"]["low"] == 104656 and "U.S. Census Bureau" in kentucky["derivation"]
    # the three territory claims are one topic: same measure, subject, place and unit
    topics = {t["id"] for t in report["topics"] if {third["id"], kentucky["id"]} <= set(t["claims"])}
    assert topics and any(set(_ids(report, KM2)) <= set(t["claims"]) for t in report["topics"] if t["id"] in topics)


def test_seeds_report_html_shows_the_computation(seeds_report):
    _, html = seeds_report
    assert "⅓ × (438,317 + 185,180) km² ≈ 207,832 km²" in html
    assert "the size of Kentucky → 104,656 km²" in html
