"""What the reader holds while it reads an article: the article's own facts, and one sentence's as its counts are read.

``scope.py`` fills these in sentence by sentence; the ``claim_*`` modules each read one side of a count (what it
counts, whose, where, when, on whose word) from them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..models import Source
from .citations import Citation
from .context import SentenceContext
from .dates import DateMention
from .discourse import Discourse
from .incidents import Incident
from .lexicon import Lexicon
from .quantities import Quantity


@dataclass(slots=True)
class Article:
    """What holds for the whole article."""

    source: Source
    text: str
    lexicon: Lexicon
    discourse: Discourse
    dateline: list[str]  # the places of its dateline: "LES CAYES, Haiti"
    country: str | None  # the one country it speaks of, if one
    countries_of: Callable[[list[str]], list[str]]  # the countries of places, as the article places them
    context: Callable[[int], SentenceContext]  # what sentence i holds


@dataclass(slots=True)
class Reading:
    """One sentence being read: its context, and what each of its counts read so far settled, keyed by ``id``."""

    index: int
    start: int
    end: int
    paragraph_start: int
    ctx: SentenceContext
    quantities: list[Quantity]
    dates: list[DateMention]
    incidents: list[Incident]  # the sentence's events, as the article knows them
    present: bool  # told in the present tense
    attribution: str | None  # the speaker of the sentence, or carried from the paragraph
    stated_attribution: str | None  # the speaker the sentence itself names
    cited: Citation | None  # the fact-check's quoted claim this sentence is, if any
    owners: dict[int, tuple[list[str], str]]  # each count's own places and their words
    attached: dict[int, str]  # each count's own source, named right after it
    clauses: list[tuple[int, int]]  # the clauses that may each have a speaker
    wholes: dict[int, Quantity] = field(default_factory=dict)  # a whole's part: "146,000 of 492,000 civil servants"
    parts: dict[int, Quantity] = field(default_factory=dict)  # a part's whole
    paired: dict[int, Quantity] = field(default_factory=dict)  # "12 and 30 people": the number that lends its noun
    taken: set[int] = field(default_factory=set)  # the starts of counted nouns that belong to a number
    measures: dict[int, str | None] = field(default_factory=dict)  # each count's measure once its state is known
    places: dict[int, list[str]] = field(default_factory=dict)
    place_words: dict[int, str | None] = field(default_factory=dict)  # the words that placed each count
    placed_by_words: dict[int, bool] = field(default_factory=dict)  # whether each count's own words placed it
    subjects: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    part_places: set[str] = field(default_factory=set)  # a part's places only: "including 81,000 in Paris"
    shares: dict[int, str | None] = field(default_factory=dict)  # each percentage's group: "primary" (share_of)
    included: set[int] = field(default_factory=set)  # the parts a cue names: "including 13 firefighters and 121 ..."
    # the parts that add up to the count before them: "48 people had died, 43 in Acapulco and five in Coyuca"
    breakdown: set[int] = field(default_factory=set)
    told_parts: set[int] = field(default_factory=set)  # the counts read as parts, for a count joined to one after it
