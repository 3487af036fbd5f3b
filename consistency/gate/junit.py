"""``--format junit``: JUnit XML, one test case per checked source, failed by its failing conflicts.

GitLab, Jenkins and Azure DevOps show it as a test report: "seeds/new.md failed: 3 conflicts".
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from .text import line, summarize, unlisted_line, unreadable_line

if TYPE_CHECKING:
    from ..models import CheckResult

# Characters XML 1.0 cannot hold at all, even escaped; an article may still contain a few.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(result: CheckResult) -> str:
    """A JUnit XML document for the gate's result."""
    failures: dict[str, list[str]] = {}
    for item in result.failing():
        for location in item.annotated():
            failures.setdefault(location.source, []).append(line(item, location))
    for unlisted in (u for u in result.unlisted if u.failing):
        failures.setdefault(unlisted.at.source, []).append(unlisted_line(unlisted))
    tests, errors = str(len(result.new_sources) + len(result.unreadable)), str(len(result.unreadable))
    suites = ET.Element("testsuites", name="consistency", tests=tests, failures=str(len(failures)), errors=errors)
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="consistency check",
        tests=tests,
        failures=str(len(failures)),
        errors=errors,
        skipped="0",
    )
    ET.SubElement(ET.SubElement(suite, "properties"), "property", name="summary", value=_clean(summarize(result)))
    for unreadable in result.unreadable:
        case = ET.SubElement(suite, "testcase", classname="consistency", name=unreadable.path)
        error = ET.SubElement(case, "error", message=_clean(unreadable.message), type=unreadable.rule)
        error.text = _clean(unreadable_line(unreadable))
    for source in result.new_sources:
        case = ET.SubElement(suite, "testcase", classname="consistency", name=result.paths.get(source, source))
        if source in failures:
            found = failures[source]
            failure = ET.SubElement(
                case, "failure", message=_clean(f"{len(found)} conflict{'s' * (len(found) != 1)}"), type="conflict"
            )
            failure.text = _clean("\n".join(found))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
