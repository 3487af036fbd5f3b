"""Armed forces of many nations an article names for itself: a task force, a mission known by its initials ("Task
Force Takuba", "the UN mission in Mali, MINUSMA"). No alias table lists every one, but the words around the name say
it is a force's; from then on the name alone ("Takuba", "MINUSMA") is that force, anywhere in the article. A
military operation ("Operation Barkhane") is not one: its troops are its country's, counted as the country's."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import Lexicon, Mention, slug

FORCE = "_force"  # the end of a named force's id: "takuba_force" (an entity of type military)

# "Task Force Takuba", "Joint Task Force Bravo"
TITLED = re.compile(r"\b(?:Joint\s+|Combined\s+)?Task\s+Force\s+(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})")
# "the European Takuba task force": the name right before the words
NAME_BEFORE = re.compile(r"\b(?P<name>[A-Z][\w'-]+)\s+task\s+force\b")
# "the UN mission in Mali, MINUSMA,", "the African Union force in Somalia (AMISOM)": initials set beside a mission
INTRODUCED = re.compile(
    r"\b(?:mission|force|operation)(?:\s+in\s+(?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)?(?:,\s+|\s+\()"
    r"(?P<name>[A-Z]{3,}[A-Za-z-]*)(?=[,)])"
)
# ... and the names before the mission's word, its sponsor's: "African Union" (its long name "African Union force in
# Somalia")
SPONSOR_BEFORE = re.compile(r"(?:(?<=\s)|^)(?:[A-Z][\w'.-]*\s+){1,4}$")
SPONSOR_REACH = 60


@dataclass(frozen=True)
class Forces:
    """The forces one article names: each name it uses -> the force's id ({"Takuba": "takuba_force"})."""

    names: dict[str, str]

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str]:
        longest_first = sorted(self.names, key=len, reverse=True)
        return re.compile(
            r"\b(?:(?:Joint\s+|Combined\s+)?Task\s+Force\s+)?("
            + "|".join(map(re.escape, longest_first))
            + r")(?:\s+task\s+force)?\b"
        )

    def mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """Where a sentence names one of the forces ("Task Force Takuba" as a whole, "Takuba" alone)."""
        if not self.names:
            return []
        return [
            Mention(m.start(), m.end(), self.names[m.group(1)], m.group())
            for m in self._pattern.finditer(text, start, end)
        ]


def named_forces(text: str, lexicon: Lexicon) -> Forces:
    """The forces an article names. A name the alias files know ("Combined Joint Task Force" is the coalition) or a
    place is theirs, not a new force's."""
    names: dict[str, str] = {}
    # the words each form needs, looked for first: most articles name no task force
    for pattern, needed in ((TITLED, "Task Force"), (NAME_BEFORE, "task force"), (INTRODUCED, "")):
        for m in pattern.finditer(text) if needed in text else ():
            name = m.group("name")
            whole = m.group() if pattern is TITLED else name
            if lexicon.entities.find(whole) or lexicon.places.find(name) or lexicon.entities.find(name):
                continue
            names.setdefault(name, slug(name) + FORCE)
            sponsor = SPONSOR_BEFORE.search(text, max(0, m.start() - SPONSOR_REACH), m.start())
            if pattern is INTRODUCED and sponsor:  # the long name is the same force
                long_name = text[sponsor.start() : m.start("name")].rstrip(" ,(").removeprefix("The ")
                names.setdefault(long_name, names[name])
    return Forces(names)
