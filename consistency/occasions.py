"""Counts that belong to one occasion: a crowd, a turnout, a day's ridership.

"250,000 attended Trump's inauguration" and "160,000 were on the Mall for the inauguration" speak of the same
day whenever they were written, so the event dates them; a death toll or a case count goes on rising and does not.
"""

from .models import Claim

# Measures whose counts hold on the day of the event they are counted at.
DATED_BY_EVENT = frozenset({"crowd", "strikers", "trips"})


def dated_by_occasion(claim: Claim) -> bool:
    """Whether a claim counts what was at one named occasion ("the crowd at Trump's inauguration", "the Women's
    March in Los Angeles"): the occasion's day is its time whether or not the article is dated."""
    if claim.measure not in DATED_BY_EVENT:
        return False
    # one of a series held in many places is one occasion where its own sentence names the place ("in Los Angeles")
    return claim.subject_type == "named_event" or (claim.subject_type == "named_series" and bool(claim.location_text))
