"""Text from untrusted files made safe to print: control characters are shown, never obeyed.

A file name holding a line break would forge a second line (in GitHub Actions, an ``::error``
workflow command); ESC and BEL in an outlet's name would drive the terminal; bidirectional
overrides would make a line read differently from what it holds.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, bidirectional embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` with each control character written as its escape (a line break as ``\\n``, ESC as ``\\x1b``)."""
    return _CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)
