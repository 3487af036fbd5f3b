"""What one sentence holds, found once and shared by every claim in it: entities, places, events, scope words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .incidents import Incident
from .lexicon import Mention


@dataclass(slots=True)
class SentenceContext:
    start: int
    end: int
    entities: list[Mention]
    places: list[tuple[int, int, list[str], str]]  # (start, end, ids, text) of each locative place group
    subject_places: list[tuple[int, int, list[str], str]]  # "Germany received ...": a country as the sentence's subject
    peak: re.Match | None  # "at its peak" anywhere in the sentence
    past_opening: re.Match | None  # "Before the war, ..."
    anaphor: re.Match | None  # "the group", "its": a subject named in an earlier sentence
    measures: list[Mention]
    incidents: list[Incident]
    within: dict[str, str]  # places the sentence puts inside others: "Paradise, Butte County"
    mentioned: list[str]  # every place the gazetteer finds in it, locative or not: "Haiti's government"
