"""How numbers and a claim's value read in explanations and reports: "about 1,000", "1,500–3,000 km²"."""

from __future__ import annotations

from . import units
from .models import Claim

# The words a qualifier puts before a number; exact, range and vague values need none.
QUALIFIER_WORDS = {
    "about": "about ",
    "nearly": "nearly ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "fewer than ",
    "at_most": "up to ",
}


def format_number(x: float | None) -> str:
    """ "438,317", "59.1", "207,832": a large value's decimals are noise next to its source's precision."""
    if x is None:
        return "?"
    if abs(x) >= 1000 or float(x).is_integer():
        return f"{x:,.0f}"
    return f"{x:.4g}"


def unit_suffix(unit: str | None) -> str:
    """What follows a value in an explanation: "40%", "110,000 km²", "2,750 tonnes"; nothing for a count of people or
    a span of time."""
    if unit == "percent":
        return "%"
    return f" {units.symbol(unit)}" if unit in units.SYMBOLS and unit != "people" else ""


def value_text(claim: Claim) -> str:
    """A claim's value as a person writes it: "about 1,000", "1,500–3,000", "more than 60", "December 2021"."""
    if claim.kind == "date":
        return claim.text.strip()
    v = claim.value
    if v is None:
        return "unresolved"
    rate = (claim.unit or "").startswith("per ")  # "12 per 100,000": a rate says its base
    unit = f" {claim.unit}" if rate else unit_suffix(claim.unit)
    # "42,000 sq mi (≈ 108,780 km²)": a value in another unit is also shown in the one it was compared in
    target = units.canonical_unit(claim.unit)
    scale = units.canonical_factor(claim.unit)
    if v.qualifier in ("range", "vague") and v.low is not None and v.high is not None and v.low != v.high:
        text = f"{format_number(v.low)}–{format_number(v.high)}{unit}"
        converted = f"{format_number(round(v.low * scale))}–{format_number(round(v.high * scale))}"
    else:
        number = v.low if v.low is not None else v.high
        text = f"{QUALIFIER_WORDS.get(v.qualifier, '')}{format_number(number)}{unit}"
        converted = format_number(round(number * scale))
    if target != claim.unit:
        text += f" (≈ {converted} {units.symbol(target)})"
    return text


def format_as_of(claim: Claim) -> str:
    """When a claim holds: one date, a range, or an open end."""
    start, end = claim.as_of.start, claim.as_of.end
    if start == end:
        text = start.isoformat() if start else "unknown"
    else:
        text = f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"
    return f"{text} ({claim.as_of.scope})" if claim.as_of.scope not in ("current", "explicit") else text
