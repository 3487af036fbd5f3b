"""Rule files: validation errors are one line with file:line, and rules are chosen by specificity."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from consistency.errors import ConsistencyError
from consistency.models import Topic
from consistency.rules import load_rule, load_rules, rule_for

DATA = Path(__file__).parent / "data"
BAD = sorted((DATA / "rules_bad").glob("*.yaml"))


def expected_error(path: Path) -> str:
    """Each bad rule file opens with `# expect: <part of the error>`."""
    return path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_rule_is_one_line_with_file_and_line(path):
    with pytest.raises(ConsistencyError) as caught:
        load_rule(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:"), message
    assert caught.value.line is not None, message
    assert expected_error(path) in message


def test_good_rules_load_sorted_by_code():
    rules = load_rules(DATA / "rules_good")
    assert [rule.code for rule in rules] == ["CC101", "CC900", "CC901"]
    force = rules[0]
    assert force.tolerance == {"about": 0.10, "nearly": 0.10}
    assert [example.expect for example in force.examples] == ["pass", "fail", "pass"]


def test_duplicate_codes_are_refused(tmp_path):
    shutil.copy(DATA / "rules_good" / "CC101-force-size.yaml", tmp_path / "a.yaml")
    shutil.copy(DATA / "rules_good" / "CC101-force-size.yaml", tmp_path / "b.yaml")
    with pytest.raises(ConsistencyError, match=r"b\.yaml:\d+: code: CC101 is already used by .*a\.yaml"):
        load_rules(tmp_path)


def test_missing_folder_names_it(tmp_path):
    with pytest.raises(ConsistencyError, match="rules folder not found"):
        load_rules(tmp_path / "nope")


def test_aliases_do_not_blow_up(tmp_path):
    # A "billion laughs" file must fail fast, not expand.
    lines = ['a0: &a0 ["x"]'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (tmp_path / "laughs.yaml").write_text("\n".join(lines) + "\n")
    with pytest.raises(ConsistencyError, match=r"laughs\.yaml:\d+: invalid YAML: aliases expand"):
        load_rules(tmp_path)


def topic(kind="quantity", subject="islamic_state", measure="fighters", location=("Iraq", "Syria")) -> Topic:
    return Topic(id="t", label="t", kind=kind, subject=subject, measure=measure, location=list(location))


def test_specific_rule_wins_over_generic():
    rules = load_rules(DATA / "rules_good")
    assert rule_for(topic(), rules).code == "CC101"
    assert rule_for(topic(measure="attacks"), rules).code == "CC900"
    assert rule_for(topic(kind="date", measure=None), rules).code == "CC901"
    assert rule_for(topic(measure="military personnel"), rules).code == "CC101"  # pattern "*personnel"


def test_no_rule_fits():
    rules = [rule for rule in load_rules(DATA / "rules_good") if rule.code != "CC901"]
    assert rule_for(topic(kind="date"), rules) is None


def test_severity_rises_with_distance():
    rule = load_rule(DATA / "rules_good" / "CC101-force-size.yaml")
    assert rule.severity_for(None) == "warning"
    assert rule.severity_for(0.10) == "warning"
    assert rule.severity_for(0.33) == "error"


def test_message_template_renders():
    rule = load_rule(DATA / "rules_good" / "CC101-force-size.yaml")
    a = SimpleNamespace(outlet="Washington Times", published=date(2024, 1, 25), text="about 1,000")
    b = SimpleNamespace(outlet="Voice of America", published=date(2024, 9, 27), text="1,500–3,000")
    message = rule.render_message(a=a, b=b, relation="1,000 lies 33% below the range")
    assert message == (
        "Washington Times, 2024-01-25: about 1,000 — Voice of America, 2024-09-27: 1,500–3,000;"
        " 1,000 lies 33% below the range"
    )


def test_example_sources_carry_dates():
    rule = load_rule(DATA / "rules_good" / "CC101-force-size.yaml")
    sources = rule.examples[2].sources()
    assert [s.published for s in sources] == [date(2017, 3, 1), date(2016, 3, 1)]
    assert sources[0].text == "Roughly 900 rebels are left."
