"""Whose count it is, or the event it is about, read in its sentence and paragraph. ``subjects.py`` finds the
candidates (the nearest owner of the right type, an event, an anaphor); this module decides among them."""

from __future__ import annotations

import re
from typing import NamedTuple

from .claim_measure import Measured
from .context import SentenceContext
from .counted import ELLIPSIS, armed_men
from .incidents import Incident
from .lexicon import Lexicon
from .quantities import Quantity
from .reading import Article, Reading
from .subjects import anaphora, discourse_event, subject_of, subject_or_event, subject_types
from .times import COMPARISON


class Owned(NamedTuple):
    subject: str | None
    text: str | None  # the words that name it
    incident: Incident | None  # the event the count is of, if one
    owned: bool  # whether the measure is one that entities own (troops, fighters), not an event's
    measure: str | None  # the measure, as the owner settles it: "armed men" of a group are its fighters


def read_subject(article: Article, r: Reading, q: Quantity, previous: Quantity | None, measured: Measured) -> Owned:
    """Whose count ``q`` is; ``measured`` is what it counts."""
    text, lexicon, discourse, ctx = article.text, article.lexicon, article.discourse, r.ctx
    measure, measure_text, mention = measured.measure, measured.text, measured.mention
    sentence = text[r.start : r.end]
    subject, subject_text, incident = subject_or_event(text, q, ctx, measure, mention, r.incidents, discourse, lexicon)
    owned = bool(subject_types(measure, lexicon))
    if not owned and _the_voice(subject, subject_text, r.attribution, sentence, lexicon):
        subject, subject_text = None, None  # "Surveys by MSF ... concluded that 6,700 were killed": the voice
    if subject is None and (owned or measure not in lexicon.events.measures):
        # "the group", "they": an entity of the sentences before; a toll or a crowd is an event's (below), unless
        # entities own such counts too ("the group held 110,000 square kilometers")
        subject, subject_text = anaphora(text, ctx, measure, lexicon, article.context, r.index)
    if subject is None and incident is None:
        # "420,000 used the Metro yesterday, which compares to 317,000 for Obama's inaugural": not the event the
        # number is compared with
        compared = {x.id for x in r.incidents if COMPARISON.search(text, min(x.end, q.end), max(x.start, q.start))}
        incident = discourse_event(text, q, measure, discourse, lexicon, compared)
        if incident is not None:
            subject, subject_text = incident.id, incident.text
        else:  # no event anywhere: whose people they are, as for any count
            subject, subject_text = subject_of(text, q, ctx, measure, mention, lexicon)
            if not owned and _the_voice(subject, subject_text, r.attribution, sentence, lexicon):
                subject, subject_text = None, None
    throughout = measure in lexicon.measures and lexicon.measures[measure].owned_throughout
    if throughout and subject is None and incident is None:
        # "That force stood at about 5,200": people no one in the sentence owns are those of the one owner the
        # article has named for such counts ("the roughly 2,500 American troops in the country")
        subject, subject_text = discourse.sole_owner(measure)
    elif (
        throughout
        and subject in lexicon.entity_types
        and lexicon.entity_types[subject] in subject_types(measure, lexicon)
    ):
        discourse.own(measure, subject, subject_text)
    if (
        previous is not None
        and id(previous) in r.subjects
        and r.measures.get(id(previous)) == measure
        and ELLIPSIS.match(text, previous.end, q.start)
        and not _owner_between(ctx, previous.end, q.start)
    ):
        # "attacked more than 160 times, 66 times in Iraq, 97 in Syria": an elided count is the same count's
        subject, subject_text = r.subjects[id(previous)]
    r.subjects[id(q)] = (subject, subject_text)
    measure = armed_men(text, q, measure, measure_text, subject, lexicon)
    story = r.incidents or discourse.recent or [x for x in [discourse.incidents.first] if x]
    if measure == "ratio" and incident is None:
        # "three times as many people as Trump's inauguration", "11 times the total leaked from the Exxon Valdez
        # disaster": a multiple is of the story's event, not of what it is set against after it
        before = [x for x in r.incidents if x.end <= q.start]
        story = before or discourse.recent or [x for x in [discourse.incidents.first] if x]
        subject = None if story else subject
    if subject is None and measure in (None, "ratio", "people", "money") and story:
        # "That means almost 97 percent arrived by sea", "five times as big", "More than 40 people have been
        # quarantined", "a help of Rs 500 crore": a share, a ratio, a bare figure, people or money no one owns, in a
        # paragraph about an event, are about that event, else about the story's event
        incident = story[-1]
        subject, subject_text = incident.id, incident.text
    return Owned(subject, subject_text, incident, owned, measure)


def _owner_between(ctx: SentenceContext, start: int, end: int) -> bool:
    """Whether an entity that is no place stands between two counts: "Germany has 1,000 troops in Lithuania and
    Britain 900" gives the second count an owner of its own ("in Iraq" would not)."""
    return any(start <= e.start < end and not any(p[0] <= e.start < p[1] for p in ctx.places) for e in ctx.entities)


def _the_voice(
    subject: str | None, words: str | None, attribution: str | None, sentence: str, lexicon: Lexicon
) -> bool:
    """Whether an entity found as a count's subject is named in the sentence only inside its speaker's words: the
    voice, not whose count it is."""
    if lexicon.entity_types.get(subject or "") in (None, "country") or not words or words not in (attribution or ""):
        return False  # a country is where the voice is, too: "Beirut Governor Marwan Abboud put the damage at"
    pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
    inside = len(pattern.findall(attribution))
    return inside > 0 and len(pattern.findall(sentence)) <= inside
