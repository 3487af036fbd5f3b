"""Run the pass/fail examples that each rule file carries (``consistency rules test`` and the test suite)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .models import Example, Rule
from .pipeline import RunOptions, analyse
from .rules import load_layered_rules


@dataclass
class Outcome:
    rule: str
    example: str
    expected: str
    got: str
    conflicts: list[str]

    @property
    def passed(self) -> bool:
        # "pass" asks only that nothing be flagged; "agree" also that an agreement join the claims
        return self.expected == self.got or (self.expected == "pass" and self.got == "agree")


def check_example(rule: Rule, example: Example, rules_dir: Path | None = None) -> Outcome:
    """Run an example's articles through the whole pipeline with this rule alone; "fail" means a conflict, "agree"
    an agreement and no conflict."""
    report = analyse(example.sources(), [rule], RunOptions(rules_dir))
    got = "fail" if report.conflicts else "agree" if report.agreements else "pass"
    return Outcome(rule.code, example.name, example.expect, got, [c.explanation for c in report.conflicts])


def run_examples(rules_dir: Path | None = None) -> list[Outcome]:
    """Every example of every rule: the shipped ones and ``rules_dir``'s over them."""
    return [
        check_example(rule, example, rules_dir) for rule in load_layered_rules(rules_dir) for example in rule.examples
    ]
