"""Rule files: ``rules/*.yaml`` -> validated ``Rule`` objects (models.py), and the choice of rule for a topic.

One rule per file, each carrying its own pass/fail examples (STYLE.md section 2).
A mistake in a rule file is one ``ConsistencyError`` naming the file, line and field.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .config import rule_folders
from .errors import ConsistencyError, did_you_mean
from .models import Described, Rule
from .yamlload import read_yaml


def rule_for(topic: Described, rules: list[Rule]) -> Rule | None:
    """The most specific rule that applies to a topic (or claim); generic rules are the fallback."""
    fitting = [rule for rule in rules if rule.applies(topic)]
    # Ties go to the lowest code, so the choice does not depend on file order.
    return min(fitting, key=lambda rule: (-rule.applies_to.specificity(), rule.code), default=None)


def load_rules(folder: Path) -> list[Rule]:
    """Read and validate every ``*.yaml`` rule in a folder, sorted by code; codes must be unique."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ConsistencyError(folder, "rules folder not found")
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        rule, line = _load_rule_with_line(path)
        if rule.code in seen:
            raise ConsistencyError(path, f"code: {rule.code} is already used by {seen[rule.code]}", line)
        seen[rule.code] = path
        rules.append(rule)
    if not rules:  # with no rule every check would pass silently
        raise ConsistencyError(folder, "no rule files (*.yaml) in the rules folder: nothing would be checked")
    return sorted(rules, key=lambda rule: rule.code)


def load_layered_rules(rules_dir: Path | None = None) -> list[Rule]:
    """The shipped rules with a project's (``rules_dir``) over them; a rule of the same code replaces the shipped."""
    by_code = {rule.code: rule for folder in rule_folders(rules_dir) for rule in load_rules(folder)}
    return sorted(by_code.values(), key=lambda rule: rule.code)


def load_rule(path: Path) -> Rule:
    """Read and validate one rule file."""
    return _load_rule_with_line(Path(path))[0]


def _load_rule_with_line(path: Path) -> tuple[Rule, int | None]:
    # Returns the line of `code:` too, for the duplicate-code error.
    node, data = read_yaml(path, "rule file")
    if not isinstance(data, dict):
        raise ConsistencyError(path, "a rule file holds one mapping (code: ..., compare: ...)", _line(node, ()))
    try:
        rule = Rule.model_validate(data)
    except ValidationError as err:
        raise _one_line(path, node, err) from None
    return rule, _line(node, ("code",))


def _line(node: yaml.Node | None, loc: tuple[int | str, ...], key: bool = False) -> int | None:
    """The 1-based line of the node at ``loc``, or of the deepest node found on the way."""
    if node is None:
        return None
    for depth, part in enumerate(loc, start=1):
        child = _child(node, part, key and depth == len(loc))
        if child is not None:  # parts pydantic adds (union tags, '[key]') have no node
            node = child
    return node.start_mark.line + 1


def _child(node: yaml.Node, part: int | str, key: bool) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(part):
                return key_node if key else value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def _one_line(path: Path, node: yaml.Node | None, err: ValidationError) -> ConsistencyError:
    """Rewrite a pydantic error into ``field: message`` at the line of its first problem."""
    problems = []
    for error in err.errors(include_url=False):
        loc = tuple(error["loc"])
        line = _line(node, loc, key=error["type"] == "extra_forbidden")
        problems.append((line or 0, _field(loc), _explain(error, loc)))
    problems.sort(key=lambda problem: problem[0])
    line, field, message = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return ConsistencyError(path, f"{field}: {message}{more}" if field else f"{message}{more}", line or None)


def _field(loc: tuple[int | str, ...]) -> str:
    # ('examples', 0, 'articles', 1, 'text') -> examples[0].articles[1].text
    text = ""
    for part in loc:
        if part == "[key]":
            continue
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _explain(error: dict[str, Any], loc: tuple[int | str, ...]) -> str:
    kind, given = error["type"], error.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1])
        return f"unknown field {name!r}{did_you_mean(name, _fields_at(loc[:-1]))}"
    if kind == "missing":
        return "required field missing"
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        return f"{given!r} is not one of {', '.join(choices)}{did_you_mean(str(given), choices)}"
    message = error["msg"].removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def _fields_at(loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the model found by following ``loc`` from Rule."""
    model: type[BaseModel] = Rule
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[str(part)].annotation
        inner = getattr(annotation, "__args__", (annotation,))[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            model = inner
    return list(model.model_fields)
