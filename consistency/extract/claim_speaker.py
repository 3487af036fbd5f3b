"""On whose word a count is, read in its sentence and paragraph: a source named beside the number, the speaker of
its clause, of its sentence, of the paragraph. ``speakers.py`` finds who says; this module decides whose word each
count is."""

from __future__ import annotations

import re

from .citations import Citation
from .facets import UNNAMED_ESTIMATES
from .quantities import Quantity
from .reading import Article, Reading
from .speakers import (
    PRONOUN_SOURCE,
    attached_speaker,
    clause_speaker,
    clean_speaker,
    elsewhere_in_sentence,
    figure_owner,
    quotation_speaker,
    source_after_figure,
    speaker_clauses,
)

# Characters between a place and the number it owns: "Malta 105", "Chicago: 250,000".
PLACE_LABEL_GAP = 3
# A speaker whose verb the clause before lends it, right before its number: ", the CGT 1.5 million", ", and the unions
# 2 million" (a capitalised name, or the words before a known speaker's noun).
GAPPED_SPEAKER = re.compile(
    r",\s+(?:and\s+|while\s+)?(?:the\s+)?((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*|unions?|organi[sz]ers|police)"
    r"\s+(?:at\s+)?(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|only|just)\s+)?$"
)
GAPPED_REACH = 60  # ", and the Confederation of Trade Unions some " before the number

# The words a sentence may open with before its figure: "Altogether ", "So far, ", "Another ", "In all, ".
COUNT_OPENING = re.compile(r"\s*(?:[A-Z][a-z]*,?\s+(?:[a-z]+,?\s+)?)?")

# The next sentence naming who gave the figures just told: "This was revealed by authorities in the state of Guerrero
# on Monday", "The figures were released by the health ministry".
TOLD_BY_NEXT = re.compile(
    r"\s*(?:This|That|These|The\s+(?:figures?|toll|tally|numbers?|count|information|data))\s+(?:was|were|has\s+been|"
    r"have\s+been)\s+(?:revealed|announced|confirmed|reported|given|released|provided|disclosed|made\s+public)\s+by\s+"
    r"([^.;,]{2,80}?)(?=\s+(?:on|in|at|late|early|last|this|yesterday|today)\b|[.;,])"
)

# "they said": the speaker of the contrasting last clause of the sentence before, if one spoke there.
THEY_SAID = re.compile(r"(?i)\bthey\s+(?:said|say|added|told|reported|estimated)\b")


def sentence_voices(
    article: Article, qs: list[Quantity], start: int, end: int, stated: str | None, cited: Citation | None
) -> tuple[str | None, str | None, dict[int, str], list[tuple[int, int]]]:
    """The speaker of a sentence's counts as a whole, the one it names itself (``stated``, unless that is one count's
    own source), each count's own source, and the clauses that may each have a speaker."""
    text, discourse = article.text, article.discourse
    attached = {id(x): found for x in qs if (found := attached_speaker(text, x, end))}
    if stated in attached.values() and len(attached) < len(qs):
        stated = None  # "5,864 according to the count kept by the WHO": one number's source, not all's
    # a quoted claim's source speaks for it alone, not for the fact-check's sentences after it
    attribution = stated or (cited.who if cited else None)
    voice = discourse.last_voice
    if attribution is None and voice and voice.endswith("s") and THEY_SAID.search(text, start, end):
        # "The government had announced 368 rescued, but officials later acknowledged an error. More than 290 remain
        # unaccounted for, they said": the officials (a plural, as "they" is; not "but that Iraq said no")
        attribution = voice
    if attribution is None and qs:
        attribution = quotation_speaker(text, start)  # a quotation's sentence: who the quotation closes on
    if attribution is None and qs and (told := TOLD_BY_NEXT.match(text, end)):
        # "... had increased to close to 100 people. This was revealed by authorities in Guerrero on Monday."
        attribution = clean_speaker(told.group(1))
    if attribution is None and not UNNAMED_ESTIMATES.search(text, start, end):
        attribution = discourse.speaker  # the paragraph's, unless the sentence speaks of many unnamed voices
    if attribution is None and qs and COUNT_OPENING.fullmatch(text, start, qs[0].start):
        # "..., the NDMA said today. // Altogether 87 people were injured": a figure the sentence opens on goes on
        # with the statement before (not "Rescue teams have pulled 107 people alive": what someone did)
        attribution = discourse.paragraph_before_speaker
    if attribution is None and PRONOUN_SOURCE.search(text, start, end):
        attribution = discourse.last_speaker  # "His estimate of the amount leaked ... is 126 million gallons"
    clauses = speaker_clauses(text, start, end) if len(qs) > 1 else []
    return attribution, stated, attached, clauses


def read_speaker(article: Article, r: Reading, q: Quantity, location_text: str | None) -> str | None:
    """On whose word ``q`` is; ``location_text`` is the words that placed it."""
    text, lexicon, stated = article.text, article.lexicon, r.stated_attribution
    # "the Haitian government's official toll of 316,000", "the 2,357 tally the Philippine government announced"
    owner = figure_owner(text, r.start, q.start, lexicon) or source_after_figure(text, q.num_end, r.end)
    if owner is None and stated and location_text and lexicon.is_place(stated):
        # "Spain reported 3,592 arrivals and Malta 105": the second place reported the second number
        before = text[max(0, q.start - len(location_text) - PLACE_LABEL_GAP) : q.start]
        if location_text != stated and before.rstrip(" :").endswith(location_text):
            owner = location_text
    if owner is None and stated and q is not r.quantities[0]:
        # "the police had counted 806,000 demonstrators, the CGT 1.5 million": a second speaker, its verb elided
        gapped = GAPPED_SPEAKER.search(text, max(r.start, q.start - GAPPED_REACH), q.start)
        if gapped and not lexicon.is_place(gapped.group(1)) and gapped.group(1) != stated:
            owner = gapped.group(1)
    voice = r.attribution
    if stated and elsewhere_in_sentence(text, r.clauses, q, stated):
        # "That is less than the 144,000 gallons first feared, but the leak killed 100 birds, according to the
        # network": the network speaks for its own clause only
        voice = (r.cited.who if r.cited else None) or article.discourse.speaker
    return owner or r.attached.get(id(q)) or clause_speaker(text, r.clauses, q, lexicon) or voice
