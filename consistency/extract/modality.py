"""Whether a claim is asserted, planned ("will deploy 3,000"), conditional ("if the dam fails") or negated."""

from __future__ import annotations

import re

from .context import SentenceContext
from .quantities import Quantity

# Modal verbs ("may" in lower case only: "May" is the month) and the phrases of a plan, "plans to", "is expected to".
MODAL = r"will|would|could|(?-i:may)|might|shall"
PLAN = r"plans? to|planned to|expected to|set to|intends? to|aims? to|going to|scheduled to|due to"

# "will deploy 3,000", "plans to send up to 500": a modal governing the number within three words.
PLANNED = re.compile(
    rf"(?i)\b(?:{MODAL}|{PLAN}|planning to|expects? to|proposed to|proposes to|wants? to|hopes? to|seeks? to|"
    r"seeking to|agreed to|agrees? to|preparing to|prepares? to|(?:is|are|was|were) to|pledged? to|pledges to|"
    r"promised? to|promises to|vowed? to|vows to|offered to|ready to)\s+(?:[a-z]+ly\s+)?(?:be\s+)?[a-z]+\s+"
    r"(?:(?:for|to|by|of|with|about|until|up)\s+)?(?:(?:an?\s+)?(?:additional|another|further|extra|new)\s+)?$"
)

# "the toll could rise eightfold, to as many as 20,000", "expects the death toll to surpass 500": a modal's (or an
# expectation's) verb of growth, and the level it may reach.
PLANNED_RISE = re.compile(
    rf"(?i)\b(?:{MODAL}|(?:expects?|expected|forecasts?|predicts?|fears?|feared)\s+(?:the\s+)?(?:[\w-]+\s+){{0,6}}?to)"
    r"\s+(?:[a-z]+ly\s+)?(?:rise|reach|climb|grow|increase|top|exceed|surpass|hit|soar|jump)\b"
    r"[^.;\d]{0,40}$"
)
# "will reduce its forces in Afghanistan to 8,600": a modal's verb that changes a level, and the target it sets.
PLANNED_TARGET = re.compile(
    rf"(?i)\b(?:{MODAL}|{PLAN}|agreed to|agrees? to|pledged? to|promised? to|vowed? to)\s+(?:[a-z]+ly\s+)?"
    r"(?:reduce|cut|lower|raise|increase|bring|boost|expand|shrink|draw\s+down|trim|double|halve|limit|cap)\b"
    r"[^.;,]{0,60}?\bto\s+(?:about\s+|around\s+|roughly\s+|some\s+|fewer than\s+|no more than\s+)?$"
)

# "up to 500,000 people could be forced from their homes": the modal right after the counted noun.
MODAL_AFTER = re.compile(
    r"(?i)(?:\s+(?:a|per|each)\s+(?:day|week|month|year))?"
    r"(?:\s+(?:from|of|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?"
    r"\s+(?:(?:also|still|now|soon|then)\s+)?"
    # (not "may have been killed": a guess at what happened, no plan)
    rf"(?:(?:{MODAL})(?!\s+(?:not\s+)?have\b)|(?:is|are) (?:expected|set|likely) to)\b"
    # not a figure that may grow: "the toll of 131 is likely to rise" is 131 now
    r"(?!\s+(?:\w+ly\s+)?(?:rise|climb|increase|grow|mount|go\s+up|worsen|swell)\b)"
)

# A qualifier that is a modal's ceiling: "could reach", "may reach".
MODAL_QUALIFIER = re.compile(rf"(?i)(?:{MODAL})\b")

# A threshold a figure would have to pass, no figure anyone gave: "Its winds would need to be confirmed over 200 miles
# per hour to get an EF5 designation", "turnout has to be above 50 percent".
REQUIREMENT = re.compile(
    r"(?i)\b(?:(?:would|will|must|might|could)\s+(?:need|have)\s+to|needs?\s+to|needed\s+to|has\s+to|have\s+to|"
    r"had\s+to|must)\s+be\s+(?:[a-z]+\s+){0,2}$"
)

# "If the dam fails, ...": the condition clause, up to its comma.
CONDITION_FIRST = re.compile(r"(?i)\s*\"?(?:if|unless|should|were|in case|in the event that)\b[^,;]{0,200}(?:,|$)")

# A modal in a dated clause: "troops would leave by 2021", "the vote is scheduled to take place in May".
DATE_PLANNED = re.compile(rf"(?i)\b(?:{MODAL}|{PLAN})\b")

# "did not withdraw in 2021", "never happened"
NEGATED = re.compile(r"(?i)\b(?:not|never|n't)\b")

# "if the talks fail in March", "unless", "should the dam break"
CONDITIONAL = re.compile(r"(?i)\b(?:if|unless|should)\b")

PLANNED_REACH = 80  # characters before a number searched for the modal that governs it: "plans to send up to"
MODAL_AFTER_REACH = 40  # and after it: "people from the Gaza Strip could"


def date_modality(text: str, sentence_start: int, pos: int) -> str:
    """A dated event is planned or conditional when its clause has a modal or "if": "troops would leave in 2021"."""
    clause = text[sentence_start:pos]
    clause = clause[max(clause.rfind(","), clause.rfind(";"), clause.rfind(":")) + 1 :]
    if CONDITIONAL.search(clause):
        return "conditional"
    if DATE_PLANNED.search(clause):
        return "planned"
    if NEGATED.search(clause):
        return "negated"
    return "asserted"


def modality(text: str, ctx: SentenceContext, q: Quantity) -> str:
    """Planned ("will deploy 3,000", "up to 500 could be"), conditional ("if ..."), else asserted."""
    modal = (
        PLANNED.search(text, max(ctx.start, q.start - PLANNED_REACH), q.start)
        or PLANNED_TARGET.search(text, max(ctx.start, q.start - PLANNED_REACH), q.start)
        or PLANNED_RISE.search(text, max(ctx.start, q.start - PLANNED_REACH), q.start)
        or MODAL_AFTER.match(text, q.end, min(ctx.end, q.end + MODAL_AFTER_REACH))
        or MODAL_QUALIFIER.match(text, q.start, q.num_start)  # "could reach 10,000": the qualifier is a modal's
    )
    if REQUIREMENT.search(text, max(ctx.start, q.start - PLANNED_REACH), q.start):
        return "conditional"
    condition = CONDITION_FIRST.match(text, ctx.start, ctx.end)
    if condition and (modal or q.start < condition.end()):
        return "conditional"
    return "planned" if modal else "asserted"
