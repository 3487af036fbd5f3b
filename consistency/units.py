"""Unit conversion for comparing claims: "42,000 square miles" against "110,000 square kilometers".

The unit ids are those of ``rules/aliases/units.yaml`` (km2, mi2, km, mi, m, ft, mm, cm, inch, mph, kmh).
Factors come from pint, the units library, rather than hand-typed constants;
it is imported on the first conversion only, so runs without a convertible
unit never pay its start-up.  Units pint does not handle here (percent, money,
people, durations) pass through unchanged.
"""

from __future__ import annotations

import functools

# Our unit id -> pint's spelling.
PINT_UNITS = {
    "km2": "kilometer ** 2",
    "mi2": "mile ** 2",
    "ha": "hectare",
    "acre": "acre",
    "km": "kilometer",
    "mi": "mile",
    "m": "meter",
    "ft": "foot",
    "mm": "millimeter",
    "cm": "centimeter",
    "inch": "inch",
    "mph": "mile / hour",
    "kmh": "kilometer / hour",
    "bbl": "oil_barrel",
    "gal": "gallon",
    "l": "liter",
    "bbl/d": "oil_barrel / day",
    "gal/d": "gallon / day",
    "l/d": "liter / day",
    "t": "metric_ton",
    "kg": "kilogram",
}
# The unit claims of one dimension are compared in: areas in km², lengths in km.
# Volumes and flows in US gallons (a barrel of oil is 42), the unit both are most often restated in.
CANONICAL = {
    "km2": "km2",
    "mi2": "km2",
    "ha": "km2",
    "acre": "km2",
    "km": "km",
    "mi": "km",
    "m": "km",
    "ft": "km",
    "mm": "km",
    "cm": "km",
    "inch": "km",
    # speeds (a storm's winds) in km/h
    "mph": "kmh",
    "kmh": "kmh",
    "bbl": "gal",
    "gal": "gal",
    "l": "gal",
    "bbl/d": "gal/d",
    "gal/d": "gal/d",
    "l/d": "gal/d",
    "t": "t",
    "kg": "t",
}
# How a unit is written after a number in reports.
SYMBOLS = {
    "km2": "km²",
    "mi2": "sq mi",
    "ha": "ha",
    "acre": "acres",
    "km": "km",
    "mi": "mi",
    "m": "m",
    "ft": "ft",
    "mm": "mm",
    "cm": "cm",
    "inch": "in",
    "mph": "mph",
    "kmh": "km/h",
    "bbl": "barrels",
    "gal": "gallons",
    "l": "litres",
    "bbl/d": "barrels a day",
    "gal/d": "gallons a day",
    "l/d": "litres a day",
    "t": "tonnes",
    "kg": "kg",
    "percent": "%",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "people": "people",
}


@functools.cache
def _registry():
    import pint

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=64)
def factor(from_unit: str, to_unit: str) -> float:
    """How many ``to_unit`` one ``from_unit`` is (mi2 -> km2: 2.589988...); raises ValueError across dimensions."""
    if from_unit == to_unit:
        return 1.0
    if from_unit not in PINT_UNITS or to_unit not in PINT_UNITS:
        raise ValueError(f"cannot convert {from_unit!r} to {to_unit!r}")
    import pint

    registry = _registry()
    try:
        return float(registry.Quantity(1.0, PINT_UNITS[from_unit]).to(PINT_UNITS[to_unit]).magnitude)
    except pint.DimensionalityError as err:
        raise ValueError(f"cannot convert {from_unit!r} to {to_unit!r}: {err}") from None


def convert(value: float | None, from_unit: str, to_unit: str) -> float | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``: convert(42000, "mi2", "km2") ≈ 108,779.5."""
    if value is None:
        return None
    return value * factor(from_unit, to_unit)


def canonical_unit(unit: str | None) -> str | None:
    """The unit claims of ``unit``'s dimension are compared in (mi2 -> km2); other units are their own."""
    return CANONICAL.get(unit or "", unit)


def canonical_factor(unit: str | None) -> float:
    """The factor that brings a value in ``unit`` to its canonical unit (1.0 when there is nothing to convert)."""
    if not unit or unit not in CANONICAL:
        return 1.0
    return factor(unit, CANONICAL[unit])


def symbol(unit: str | None) -> str:
    """How ``unit`` is written after a number: km2 -> "km²"."""
    return SYMBOLS.get(unit or "", unit or "")
