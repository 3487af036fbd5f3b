"""Source -> list of Claim: quantities (``quantities.py``) and dates of events (``dates.py``),
each with its context (``scope.py``)."""

from __future__ import annotations

import bisect
import math
import re
from typing import Protocol, TypeVar

from ..models import Claim, Source
from ..textnorm import claim_text
from .dates import find_dates, wire_day
from .lexicon import Lexicon, default_lexicon
from .quantities import Quantity, find_quantities
from .reference import resolve_references
from .scope import build_claims
from .sentences import sentence_spans

# No sentence of prose states more figures than this; one that does is a flattened table or junk, and
# giving each of its numbers the per-claim work (context, scope, attribution) would let one file take minutes.
MAX_MENTIONS_PER_SENTENCE = 24
# A "sentence" with more runs of digits than this ("1,2,3,4,...", a spreadsheet pasted as text) is not read at all:
# counting digit runs is cheap, while scanning them for dates and quantities costs a regex attempt each.
MAX_DIGIT_RUNS_PER_SENTENCE = 80
_DIGITS = re.compile(r"\d+")  # "2,500" is two runs


def extract_claims(source: Source, lexicon: Lexicon | None = None) -> list[Claim]:
    """Every checkable claim in ``source``, in text order."""
    lexicon = lexicon or default_lexicon()
    if (day := wire_day(source.text, source.body_start, source.published)) is not None:
        source = source.model_copy(update={"published": day})  # "Balasore, June 4": told as of the day filed
    text = claim_text(source.text, source.body_start, tuple(source.skip))
    sentences = sentence_spans(text)
    text = _blank_digit_tables(text, sentences)
    dates = _bounded(find_dates(text, source.published), sentences)
    quantities = resolve_references(text, sentences, find_quantities(text, dates, lexicon), lexicon)
    quantities = _bounded([q for q in quantities if _finite(q)], sentences)
    return build_claims(source, text, sentences, quantities, dates, lexicon)


def _blank_digit_tables(text: str, sentences: list[tuple[int, int]]) -> str:
    """``text`` with each sentence of more than MAX_DIGIT_RUNS_PER_SENTENCE digit runs blanked (same length)."""
    pieces, last = [], 0
    for start, end in sentences:
        long_enough = end - start > 2 * MAX_DIGIT_RUNS_PER_SENTENCE  # shorter cannot hold that many runs
        if long_enough and len(_DIGITS.findall(text, start, end)) > MAX_DIGIT_RUNS_PER_SENTENCE:
            pieces += [text[last:start], " " * (end - start)]
            last = end
    return "".join(pieces) + text[last:] if pieces else text


def _finite(quantity: Quantity) -> bool:
    # "1e400 km²" in a reference table, or arithmetic on it, is infinity: not a value anyone can check.
    return all(value is None or math.isfinite(value) for value in (quantity.low, quantity.high))


class _Mention(Protocol):
    start: int


M = TypeVar("M", bound=_Mention)


def _bounded(mentions: list[M], sentences: list[tuple[int, int]]) -> list[M]:
    """The mentions, at most MAX_MENTIONS_PER_SENTENCE of each sentence (the first ones)."""
    starts = [start for start, _ in sentences]
    seen: dict[int, int] = {}
    kept = []
    for mention in mentions:
        sentence = bisect.bisect_right(starts, mention.start)
        seen[sentence] = seen.get(sentence, 0) + 1
        if seen[sentence] <= MAX_MENTIONS_PER_SENTENCE:
            kept.append(mention)
    return kept
