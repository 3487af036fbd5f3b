"""Source -> list of Claim: quantities (``quantities.py``) and dates of events (``dates.py``),
each with its context (``scope.py``)."""

from __future__ import annotations

from ..models import Claim, Source
from ..textnorm import claim_text
from .dates import find_dates
from .quantities import find_quantities
from .reference import resolve_references
from .sentences import sentence_spans
from .lexicon import Lexicon, default_lexicon
from .scope import build_claims


def extract_claims(source: Source, lexicon: Lexicon | None = None) -> list[Claim]:
    """Every checkable claim in ``source``, in text order."""
    lexicon = lexicon or default_lexicon()
    text = claim_text(source.text, source.body_start, tuple(source.skip))
    sentences = sentence_spans(text)
    dates = find_dates(text, source.published)
    quantities = resolve_references(text, sentences, find_quantities(text, dates, lexicon), lexicon)
    return build_claims(source, text, sentences, quantities, dates, lexicon)
