"""Every example in every shipped rule file reaches its verdict (STYLE.md section 2)."""

from __future__ import annotations

import pytest

from consistency.config import default_rules_dir
from consistency.examples import check_example
from consistency.rules import load_rules

RULES = load_rules(default_rules_dir())
CASES = [(rule, example) for rule in RULES for example in rule.examples]


@pytest.mark.parametrize("rule,example", CASES, ids=[f"{r.code}:{e.name}" for r, e in CASES])
def test_rule_example(rule, example):
    outcome = check_example(rule, example)
    assert outcome.passed, outcome.conflicts


def test_every_rule_has_a_passing_and_a_failing_example():
    """A rule that flags has an example it flags; one that only corroborates, an example it joins in agreement."""
    for rule in RULES:
        verdicts = {example.expect for example in rule.examples}
        assert {"pass", "agree" if rule.corroborate_only else "fail"} <= verdicts, rule.code
        assert "fail" not in verdicts or not rule.corroborate_only, rule.code
