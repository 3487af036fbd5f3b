"""Inline SVG chart of a topic's values over time: ranges as bars, single values as points."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 12, 28  # room for the axis labels
CONFLICT_COLOUR, PLAIN_COLOUR, AXIS_COLOUR = "#c62828", "#1565c0", "#888"


@dataclass(frozen=True)
class Mark:
    """One claim on the chart: when it holds, its bounds (None = open) and a tooltip."""

    when: date
    low: float | None
    high: float | None
    label: str
    conflicting: bool = False


def render_chart(marks: list[Mark], title: str) -> Markup:
    """An SVG with a value axis from zero, a time axis, and one bar or point per mark; empty if nothing to draw."""
    marks = [m for m in marks if m.low is not None or m.high is not None]
    if not marks:
        return Markup("")
    values = [v for m in marks for v in (m.low, m.high) if v is not None]
    # From zero so the lengths of bars compare honestly; open ends run to the frame.
    bottom, top = min(0.0, min(values)), max(values) * 1.1 or 1.0
    first, last = min(m.when for m in marks), max(m.when for m in marks)
    if first == last:
        first, last = first - timedelta(days=15), last + timedelta(days=15)
    span = (last - first).days
    first, last = first - timedelta(days=span * 0.05), last + timedelta(days=span * 0.05)

    def x(day: date) -> float:
        return LEFT + (day - first).days / (last - first).days * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return HEIGHT - BOTTOM - (value - bottom) / (top - bottom) * (HEIGHT - TOP - BOTTOM)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
        f' aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<line x1="{LEFT}" y1="{y(bottom):.1f}" x2="{WIDTH - RIGHT}" y2="{y(bottom):.1f}" stroke="{AXIS_COLOUR}"/>',
    ]
    for tick in _value_ticks(bottom, top):
        parts.append(
            f'<line x1="{LEFT - 4}" y1="{y(tick):.1f}" x2="{WIDTH - RIGHT}" y2="{y(tick):.1f}" stroke="#eee"/>'
            f'<text x="{LEFT - 8}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="11">{_number(tick)}</text>'
        )
    for tick in _time_ticks(first, last):
        parts.append(
            f'<text x="{x(tick):.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11">'
            f"{tick.isoformat()[: 7 if span > 90 else 10]}</text>"
        )
    for mark in sorted(marks, key=lambda m: (m.when, m.label)):
        parts.append(_mark(mark, x(mark.when), y, bottom, top))
    parts.append("</svg>")
    return Markup("".join(parts))


def _mark(mark: Mark, cx: float, y, bottom: float, top: float) -> str:
    colour = CONFLICT_COLOUR if mark.conflicting else PLAIN_COLOUR
    tooltip = f"<title>{escape(mark.label)}</title>"
    if mark.low is not None and mark.low == mark.high:
        return f'<circle cx="{cx:.1f}" cy="{y(mark.low):.1f}" r="5" fill="{colour}">{tooltip}</circle>'
    low, high = (bottom if mark.low is None else mark.low), (top if mark.high is None else mark.high)
    # A dashed outline says "open-ended" ("more than 60" has no top).
    dash = ' stroke-dasharray="4 3"' if mark.low is None or mark.high is None else ""
    return (
        f'<rect x="{cx - 5:.1f}" y="{y(high):.1f}" width="10" height="{max(y(low) - y(high), 1):.1f}"'
        f' fill="{colour}" fill-opacity="0.35" stroke="{colour}"{dash}>{tooltip}</rect>'
    )


def _value_ticks(bottom: float, top: float) -> list[float]:
    # 1, 2 or 5 times a power of ten, giving four to ten gridlines.
    raw = (top - bottom) / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in (1, 2, 5, 10) if s * power >= raw)
    return [i * step for i in range(math.ceil(bottom / step), math.floor(top / step) + 1)]


def _time_ticks(first: date, last: date, count: int = 5) -> list[date]:
    days = (last - first).days
    return [first + timedelta(days=round(days * (i + 0.5) / count)) for i in range(count)]


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 or value == int(value) else f"{value:,.2g}"
