"""Events named across a corpus, for the articles that never name theirs.

An article that only ever says "the fire" or "the blaze" leaves its counts about a fire: they cannot meet
another outlet's counts of "the Camp Fire". Its headline often names the event all the same, in an address's
lower-case words ("/camp-fire-100-percent-containment-reached/"), which alone cannot tell a name ("Camp") from
an ordinary word. Another article of the corpus that names "the Camp Fire" in capitals settles it: the words
of a named event of that kind, found in the headline, name the article's event.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .extract.addresses import headline
from .models import Claim, Source

_WORDS = re.compile(r"[a-z0-9]+")


def name_story_events(claims: list[Claim], sources: dict[str, Source]) -> list[Claim]:
    """``claims`` with each article's unnamed event ("fire") named when its headline holds the words of exactly
    one event of that kind that other articles name ("camp_fire"); the other claims are returned as they are."""
    named_by_kind: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.subject_type == "named_event" and claim.subject:
            kind = _kind(claim.subject)
            if kind:
                named_by_kind[kind].add(claim.subject)
    if not named_by_kind:
        return claims
    renamed: dict[tuple[str, str], str | None] = {}  # (source, kind) -> the event its headline names

    def name_for(source_name: str, kind: str) -> str | None:
        if (source_name, kind) not in renamed:
            source = sources.get(source_name)
            words = f" {' '.join(_WORDS.findall(headline(source.title, source.url).lower()))} " if source else ""
            found = [e for e in named_by_kind[kind] if f" {e.replace('_', ' ')} " in words]
            renamed[(source_name, kind)] = found[0] if len(found) == 1 else None
        return renamed[(source_name, kind)]

    out = []
    for claim in claims:
        if claim.subject_type == "event" and claim.subject in named_by_kind:
            event = name_for(claim.source, claim.subject)
            if event is not None:
                claim = claim.model_copy(update={"subject": event, "subject_type": "named_event"})
        out.append(claim)
    return out


def _kind(event: str) -> str | None:
    """The kind a named event's id ends with: "camp_fire" -> "fire" (an id with a year, or a disease's, has none)."""
    _, sep, kind = event.rpartition("_")
    return kind if sep and kind.isalpha() else None
