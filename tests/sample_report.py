"""A small hand-made Report for the writer tests: two outlets, one conflict, one agreement, hostile text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from consistency.models import Agreement, AsOf, Claim, Conflict, Interval, Report, Source, Topic

HOSTILE = "<script>alert(1)</script>"

VOA_TEXT = (
    "A United Nations report estimated the group has between 1,500 and 3,000 fighters in Iraq and Syria.\n"
    "U.S. intelligence officials put the number at about 2,500.\n"
)
TIMES_TEXT = (
    f"The group has about 1,000 militants remaining in Syria and Iraq, {HOSTILE} officials said.\n"
    "At the height of its power it had 40,000 fighters.\n"
)


def _claim(source: Source, text: str, low: float, high: float, qualifier: str, as_of: date, **fields) -> Claim:
    start = source.text.index(text)
    sentence = next(line for line in source.text.splitlines() if text in line)
    return Claim(
        id=Claim.make_id(source.name, start, start + len(text)),
        source=source.name,
        start=start,
        end=start + len(text),
        text=text,
        sentence=sentence,
        kind="quantity",
        subject="islamic_state",
        measure="fighters",
        location=["Iraq", "Syria"],
        value=Interval(low=low, high=high, qualifier=qualifier),
        as_of=AsOf(start=as_of, end=as_of),
        **fields,
    )


def sample_report() -> Report:
    """Sources, claims, a topic, a conflict and an agreement, with a script tag in a title and a sentence."""
    voa = Source(
        name="002_voa.txt",
        path=Path("002_voa.txt"),
        text=VOA_TEXT,
        outlet="Voice of America",
        published=date(2024, 9, 27),
        url="https://www.voanews.com/a/example",
    )
    times = Source(
        name="004_times.txt",
        path=Path("004_times.txt"),
        text=TIMES_TEXT,
        outlet="Washington Times",
        title=f"ISIS {HOSTILE} resurgence",
        published=date(2024, 1, 25),
        url="javascript:alert(2)",
    )
    un = _claim(
        voa,
        "between 1,500 and 3,000 fighters",
        1500,
        3000,
        "range",
        date(2024, 9, 27),
        attribution="a United Nations report",
    )
    us = _claim(
        voa, "at about 2,500", 2500, 2500, "about", date(2024, 9, 27), attribution="U.S. intelligence officials"
    )
    times_claim = _claim(times, "about 1,000 militants", 1000, 1000, "about", date(2024, 1, 25))
    peak = _claim(times, "40,000 fighters", 40000, 40000, "exact", date(2014, 6, 1))
    topic = Topic(
        id="islamic_state-fighters-iraq-syria",
        label="Islamic State fighters in Iraq, Syria",
        kind="quantity",
        subject="islamic_state",
        measure="fighters",
        location=["Iraq", "Syria"],
        claims=[un.id, us.id, times_claim.id, peak.id],
    )
    conflict = Conflict(
        id=Conflict.make_id("CC101", [times_claim, un]),
        rule="CC101",
        topic=topic.id,
        severity="error",
        claims=[times_claim.id, un.id],
        distance=0.33,
        explanation="Washington Times, 2024-01-25: about 1,000 — United Nations report via Voice of America, "
        "2024-09-27: 1,500–3,000; 1,000 lies 33% below the range",
    )
    agreement = Agreement(
        rule="CC101",
        topic=topic.id,
        claims=[un.id, us.id],
        explanation="a United Nations report and U.S. intelligence officials agree: 2,500 lies within 1,500–3,000",
    )
    return Report(
        sources=[voa, times],
        claims=[un, us, times_claim, peak],
        topics=[topic],
        conflicts=[conflict],
        agreements=[agreement],
        generated_with={"consistency": "0.1.0"},
    )
