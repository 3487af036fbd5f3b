"""Claims -> topics: claims about the same thing.

Blocking first (canonical measure, subject and place from the alias files; the
event key for dates), so the work stays near-linear in the number of claims;
then rapidfuzz merges blocks whose surface words no alias file unifies
("jihadist fighters" / "jihadists", "ended its combat mission" / "end combat
mission"), comparing only blocks that share everything else.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable

from rapidfuzz import fuzz

from .models import Claim, Topic
from .occasions import dated_by_occasion
from .unionfind import DisjointSets
from .units import canonical_unit

# Claims no rule compares: durations are spans of time, multipliers relate two counts; neither is a count. (An
# earthquake's magnitude is compared for corroboration only: rules/CC109-magnitudes.yaml.)
UNCOMPARED_MEASURES = frozenset({"duration", "ratio"})  # "three times as many" is a ratio, not a count
# Dates of saying things ("said Thursday") are not events a fact-checker compares.
REPORTING_VERBS = frozenset(
    "say tell announce confirm report add brief state note write warn acknowledge insist declare claim estimate".split()
)
NO_PLACE = "no place"
NO_DATE = "no date: the article is undated and states no time"
PART_UNNAMED_MEASURES = frozenset({"places"})  # counts of places whose part names no whole of its own
EVENT_TYPES = frozenset({"event", "named_event", "named_series"})  # subject types that are events, not owners
FUZZY_THRESHOLD = 88  # token_set_ratio at which two surface forms name the same thing


# What is compared: statements of fact, and projections with projections ("could infect 1.4 million by January"
# against another outlet's projection, never against a count); not conditions nor denials.
COMPARED_MODALITIES = frozenset({"asserted", "planned"})


def _compared(claim: Claim) -> bool:
    """Whether a quantity is of a kind the rules compare: a stated count, asserted or projected."""
    return (
        claim.value is not None and claim.measure not in UNCOMPARED_MEASURES and claim.modality in COMPARED_MODALITIES
    )


def _quantity_key(claim: Claim) -> tuple | None:
    """The topic a quantity belongs to; ``None`` when it is not a comparable count or its context is too thin
    (``unchecked_reason`` says which)."""
    if not _compared(claim):
        return None
    measure = claim.measure or (f"~{claim.measure_text.lower()}" if claim.measure_text else None)
    if measure is None or claim.subject is None:
        return None
    # A named event pins its place ("the Camp Fire"), but one that crosses borders is still compared country by
    # country (Cyclone Idai's toll in Mozambique is not Zimbabwe's). Any other subject is compared place by place,
    # where "Beirut" and "Beirut, Lebanon" are one place: the places that hold another tell no two counts apart.
    named = claim.subject_type == "named_event"
    where = tuple(claim.countries) if named else tuple(claim.countries or claim.narrowest)
    # Units in one dimension share a topic ("42,000 square miles" with "110,000 square kilometers"); compare converts.
    key = ("quantity", measure, claim.facet or "", claim.subject, where, canonical_unit(claim.unit) or "")
    return key if claim.modality == "asserted" else (*key, claim.modality)  # projections have topics of their own


def unchecked_reason(claim: Claim) -> str | None:
    """Why a count cannot be put in front of an editor as a conflict: what the text leaves unknown."""
    if claim.kind == "date":
        # "increase", "rise": a verb alone does not say which event is dated
        verb_only = _date_key(claim) is not None and len(claim.event_key.split()) < 2
        return "no event: what is dated is not stated" if verb_only else None
    if not _compared(claim):
        return None
    if not (claim.measure or claim.measure_text):
        return "no measure: what is counted is not stated"
    if claim.subject is None:
        return "no subject: whose count, or which event's, is not stated"
    if claim.facet == "part" and claim.measure in PART_UNNAMED_MEASURES:
        # "nine of the capital's 50 districts", "28 of Thailand's 77 provinces": some of them, which ones unsaid
        return "no part: which of the places are counted is not stated"
    if claim.measure == "money" and claim.subject_type in EVENT_TYPES and claim.facet is None:
        # "a help of Rs 500 crore", "Rs 2,000 crore from the prime minister": an event's money, for what unknown
        return "no purpose: what the event's money is (a cost, a gift, a loss) is not stated"
    if not claim.location and claim.subject_type != "named_event":
        return NO_PLACE
    if claim.as_of.scope == "unknown" and not dated_by_occasion(claim):
        return NO_DATE
    return None


def _date_key(claim: Claim) -> tuple | None:
    if not claim.event_key or claim.as_of.start is None or claim.modality != "asserted":
        return None
    if claim.event_key.split()[0] in REPORTING_VERBS:
        return None
    return ("date", claim.event_key)


def related_to(claims: list[Claim]) -> Callable[[str, str | None, str | None], bool]:
    """A test on a claim's kind, measure and event key: could such a claim share a topic with any of ``claims``? A
    superset of what grouping would join (same measure, or both measured by words no alias names; same event verb)."""
    measures = {c.measure for c in claims if c.kind == "quantity"}
    verbs = {c.event_key.split()[0] for c in claims if c.kind == "date" and c.event_key}

    def keep(kind: str, measure: str | None, event_key: str | None) -> bool:
        if kind == "quantity":
            return measure in measures
        return bool(event_key) and event_key.split()[0] in verbs

    return keep


def partition_key(claim: Claim) -> str:
    """A key that claims which can end in one topic always share (``""``: in none), so grouping can run apart on
    each key's claims: it leaves out the place (a placeless count is a guest of every place) and a measure no alias
    names (fuzzy matching may merge it with another), the event wording but for its verb (likewise)."""
    key = _quantity_key(claim) if claim.kind == "quantity" else _date_key(claim)
    if key is None:
        return ""
    if key[0] == "date":
        return repr(("date", key[1].split()[0]))
    measure = "~" if key[1].startswith("~") else key[1]
    return repr(("quantity", measure, key[2], key[3], key[5]))


def group_claims(claims: list[Claim]) -> list[Topic]:
    """Topics of claims about the same measure of the same subject in the same place, or the same event.

    A count whose place is not stated has a topic of its own, and is a guest of every topic of its measure and
    subject that has a place: it can corroborate their claims, never contradict them.
    """
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = _quantity_key(claim) if claim.kind == "quantity" else _date_key(claim)
        if key is not None:
            blocks[key].append(claim)
    # Keys without the place (key[4]); a named event's keys never have one, so they host no guests.
    located: dict[tuple, list[tuple]] = defaultdict(list)
    for key in blocks:
        if key[0] == "quantity" and key[4]:
            located[key[:4] + key[5:]].append(key)
    guests: dict[tuple, list[str]] = defaultdict(list)
    for key, members in blocks.items():
        if key[0] == "quantity" and not key[4]:
            for home in located.get(key[:4] + key[5:], []):
                guests[home] += [claim.id for claim in members]
    for homes in located.values():
        for home, visitor in _wider_guests(homes, blocks):
            guests[home] += [claim.id for claim in blocks[visitor]]
    merged = _merge_fuzzy(blocks)
    topics = [_topic(key, members, guests.get(key, [])) for key, members in merged.items()]
    return sorted(topics, key=lambda t: t.id)


def _wider_guests(keys: list[tuple], blocks: dict[tuple, list[Claim]]) -> list[tuple[tuple, tuple]]:
    """(home, visitor) pairs of one measure and subject's placed topics where every count of the home lies in the
    visitor's place too: "288 dead in India" may corroborate the toll "rose to 288" in Balasore, Odisha, India,
    never contradict it (a country's count may hold more than the district's)."""
    if len(keys) < 2:
        return []
    held = {key: set.intersection(*(set(claim.location) for claim in blocks[key])) for key in keys}
    return [
        (home, visitor)
        for home in keys
        for visitor in keys
        if visitor != home and set(visitor[4]) <= held[home] and not set(home[4]) <= set(visitor[4])
    ]


def _merge_fuzzy(blocks: dict[tuple, list[Claim]]) -> dict[tuple, list[Claim]]:
    """Merge blocks whose only difference is a surface form (measure words no alias file knows, event wording)."""
    # Only blocks that agree on everything but the fuzzy field are compared: near-linear, not all pairs.
    buckets: dict[tuple, list[tuple]] = defaultdict(list)
    for key in blocks:
        if key[0] == "quantity" and key[1].startswith("~"):
            buckets[("quantity", *key[2:])].append(key)
        elif key[0] == "date" and " " in key[1]:
            # same verb lemma; a verb alone ("kill") would join every event of that verb, as a subset of each
            buckets[("date", key[1].split()[0])].append(key)
    sets = DisjointSets(blocks)
    for keys in buckets.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if fuzz.token_set_ratio(_fuzzy_text(a), _fuzzy_text(b)) >= FUZZY_THRESHOLD:
                    sets.union(a, b)
    merged: dict[tuple, list[Claim]] = defaultdict(list)
    for key, members in blocks.items():
        merged[sets.find(key)].extend(members)
    return merged


def _fuzzy_text(key: tuple) -> str:
    return key[1].lstrip("~")


def _topic(key: tuple, claims: list[Claim], guests: list[str]) -> Topic:
    claims = sorted(claims, key=lambda c: (c.source, c.start))
    first = claims[0]
    topic_id = "t-" + hashlib.sha1(repr(key).encode()).hexdigest()[:10]
    if key[0] == "date":
        return Topic(
            id=topic_id,
            label=f"date of: {first.event}",
            kind="date",
            subject=first.subject,
            location=sorted({loc for c in claims for loc in c.location}),
            event_key=key[1],
            claims=[c.id for c in claims],
        )
    measure = first.measure or (first.measure_text or "").lower()
    if first.facet:
        measure = f"{first.facet} {measure}"
    if (first.unit or "").startswith("per "):
        measure = f"{measure} {first.unit}"  # "deaths per 100,000": a rate's topic is no count's
    who = (first.subject or "").replace("_", " ")
    where = ", ".join(key[4] or first.location).replace("_", " ")
    label = " ".join(part for part in (who, measure, f"in {where}" if where else "") if part)
    return Topic(
        id=topic_id,
        label=label,
        kind="quantity",
        subject=first.subject,
        measure=first.measure or first.measure_text,
        location=list(key[4] or first.location),
        claims=[c.id for c in claims],
        guests=guests,
    )
