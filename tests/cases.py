"""Extraction cases as data: one shape for every case file under tests/data/extract/.

A case file is a YAML list of cases. A case is a mapping: ``text`` (a sentence or a few paragraphs),
``published`` (a YAML date; omitted for an undated article), what the extractor must find in the text (``claims``,
each found by the first occurrence of its ``quote``; or ``dates``, date mentions by their ``text``), and
optionally ``note`` (why the case is there) and ``known_gap: "<what goes wrong>"``. Each harness checks the
expectations of its own kind of case; this module loads the files, names each case and marks its known gap.

A case the extractor gets wrong today runs as a strict xfail: fixing it fails the test until the key is
removed, so the gaps only ever shrink, and each one is written beside the text it is about rather than kept by
its position in a list.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

# Keys every case may carry, whatever it expects.
CASE_KEYS = frozenset({"text", "published", "note", "known_gap"})

Case = tuple[str, int, dict[str, Any]]  # the file's stem, the case's place in it (for its name), the case


def load_cases(*paths: Path) -> list[Case]:
    """The cases of each file (a folder: each of its .yaml files, in name order), in file order."""
    files = [file for path in paths for file in (sorted(path.glob("*.yaml")) if path.is_dir() else [path])]
    return [
        (file.stem, index, case)
        for file in files
        for index, case in enumerate(yaml.safe_load(file.read_text(encoding="utf-8")) or [])
    ]


def case_id(stem: str, index: int, case: Any) -> str:
    """``file[index]:first words of the text``: a failing test names the file and the case."""
    text = str(case.get("text", "")) if isinstance(case, dict) else ""
    return f"{stem}[{index}]:{text[:40].strip()}"


def case_param(stem: str, index: int, case: Any):
    """The case as a pytest parameter (stem, index, case), a strict xfail when it names a known gap."""
    gap = case.get("known_gap") if isinstance(case, dict) else None
    marks = [pytest.mark.xfail(strict=True, reason=f"known gap: {gap}")] if gap else []
    return pytest.param(stem, index, case, id=case_id(stem, index, case), marks=marks)


def case_problems(where: str, case: Any, expectation_keys: set[str]) -> list[str]:
    """What is wrong with a case's common keys: not a mapping, an unknown key (beyond ``expectation_keys``),
    no text, a published that is not a date, a known gap that does not say what goes wrong."""
    if not isinstance(case, dict):
        return [f"{where}: not a mapping"]
    problems = [f"{where}: unknown key {key!r}" for key in case if key not in CASE_KEYS | expectation_keys]
    text = case.get("text")
    if not isinstance(text, str) or not text.strip():
        return problems + [f"{where}: text must be a non-empty string"]
    where = f"{where} ({text[:40]!r})"
    if "published" in case and not isinstance(case["published"], date):
        problems.append(f"{where}: published must be a YAML date (YYYY-MM-DD), or omitted for an undated article")
    if "known_gap" in case and not (isinstance(case["known_gap"], str) and case["known_gap"].strip()):
        problems.append(f"{where}: known_gap must say what goes wrong")
    return problems


def expectation_problems(
    cases: list[Case], kind: str, locator: str, required: set[str], allowed: set[str]
) -> list[str]:
    """What is wrong with case files whose cases expect a list ``kind`` (claims, dates) and nothing else: each
    case's common keys, then each expected item: a mapping whose ``locator`` (its quote, its text) is in the
    case's text, with the ``required`` keys and none beyond ``allowed``."""
    required = required | {locator}
    problems = []
    for stem, index, case in cases:
        where = f"{stem}.yaml item {index}"
        problems += case_problems(where, case, {kind})
        expected = case.get(kind) if isinstance(case, dict) else None
        if not isinstance(expected, list):
            problems.append(f"{where}: {kind} must be a list (use [] for none)")
            continue
        for item in expected:
            if not isinstance(item, dict) or not required <= item.keys():
                problems.append(f"{where}: each of {kind} needs {', '.join(sorted(required))}: {item!r}")
                continue
            problems += [f"{where}: unknown key {key!r} in {kind}" for key in item.keys() - allowed]
            if str(item[locator]) not in str(case.get("text", "")):
                problems.append(f"{where}: {item[locator]!r} is not in the text")
    return problems
