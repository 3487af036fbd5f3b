"""How bad a conflict is: the one order of severity, and the thresholds the CI gate can fail on.

Apart from models.py so that the command line offers the thresholds without loading pydantic.
"""

from __future__ import annotations

from typing import Literal, get_args

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)  # least severe first
FAIL_ON = ("none", *SEVERITIES)  # a gate's threshold: "none" fails on no severity


def severity_rank(severity: str) -> int:
    """A severity's place in SEVERITIES; "none", the threshold no severity reaches, ranks above them all."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)
