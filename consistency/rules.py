"""Rule files: ``rules/*.yaml`` -> validated ``Rule`` objects, and the choice of rule for a topic.

One rule per file, each carrying its own pass/fail examples (STYLE.md section 2).
A mistake in a rule file is one ``ConsistencyError`` naming the file, line and field.
"""

from __future__ import annotations

import difflib
import re
import string
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .config import rule_folders
from .errors import ConsistencyError
from .models import Kind, Qualifier, Severity, Source
from .yamlload import read_yaml

SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")

# Names a message template may use; rules are untrusted input, so a template
# reaches only these (no "{a.__class__}" walks into Python internals).
CLAIM_FIELDS = frozenset(
    {"source", "outlet", "published", "text", "sentence", "value", "unit", "as_of", "attribution", "measure", "subject"}
)
TEMPLATE_FIELDS: dict[str, frozenset[str]] = {
    "a": CLAIM_FIELDS,
    "b": CLAIM_FIELDS,
    "topic": frozenset({"label", "subject", "measure", "location"}),
    "rule": frozenset({"code", "description"}),
    "distance": frozenset(),
    "relation": frozenset(),  # e.g. "1,000 lies 33% below the range"
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Selector(Strict):
    """Which topics a rule applies to; each list holds fnmatch patterns ('*fighter*'), empty = any."""

    subject: list[str] = []
    measure: list[str] = []
    location: list[str] = []
    kind: list[Kind] = []

    @field_validator("subject", "measure", "location", "kind", mode="before")
    @classmethod
    def _one_is_a_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    def specificity(self) -> int:
        """How many fields constrain the topic; a rule with none is the generic fallback."""
        return sum(bool(patterns) for patterns in (self.subject, self.measure, self.location, self.kind))


class Step(Strict):
    """From this distance on, a conflict has this severity."""

    distance: float = Field(ge=0)
    severity: Severity


class Article(Strict):
    """One article of an example; ``published`` overrides the example's date."""

    text: str = Field(min_length=1)
    published: date | None = None
    outlet: str | None = None


class Example(Strict):
    """Short articles and the verdict the rule must reach on them."""

    name: str = Field(pattern=r"^[a-z0-9_]+$")
    expect: Literal["pass", "fail"]
    published: date | None = None
    articles: list[Article] = Field(min_length=1)

    @field_validator("articles", mode="before")
    @classmethod
    def _text_is_an_article(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"text": item} if isinstance(item, str) else item for item in value]
        return value

    @model_validator(mode="after")
    def _every_article_is_dated(self) -> Example:
        if self.published is None and any(article.published is None for article in self.articles):
            raise ValueError("give 'published' for the example or for every article")
        return self

    def sources(self) -> list[Source]:
        """The articles as sources, named example-1.txt, example-2.txt, ..., to run through the pipeline."""
        return [
            Source(
                name=f"example-{number}.txt",
                path=Path(f"example-{number}.txt"),
                text=article.text,
                outlet=article.outlet or f"Outlet {number}",
                published=article.published or self.published,
            )
            for number, article in enumerate(self.articles, start=1)
        ]


class Rule(Strict):
    """How to compare the claims of the topics a rule applies to, and how bad a disagreement is."""

    code: str = Field(pattern=r"^[A-Z]{2,4}[0-9]{3}$")
    description: str = Field(min_length=1)
    applies_to: Selector = Selector()
    compare: Literal["interval_overlap", "date_match"]
    # Relative slack per qualifier: "about 4,000" with about: 0.10 covers 3,600-4,400.
    # For open-ended qualifiers it bounds the open side: "more than 60" with
    # more_than: 0.5 means 60-90; a qualifier not listed stays open (or exact).
    tolerance: dict[Qualifier, Annotated[float, Field(ge=0, le=1)]] = {}
    window_days: int | None = Field(None, ge=0, description="claims further apart in as_of are not compared")
    running: bool = Field(
        False,
        description="the count grows as time passes (a toll, cases, acres burned): claims are compared only when "
        "both are dated to within window_days, so a figure known only to its year is never set against a daily one",
    )
    severity: Severity = "warning"
    # Raises the severity with the distance between the claims (relative gap
    # for quantities, days for dates): [{distance: 0.5, severity: error}].
    severity_scale: list[Step] = []
    message: str = Field(min_length=1)
    examples: list[Example] = []

    @field_validator("severity_scale")
    @classmethod
    def _ascending(cls, steps: list[Step]) -> list[Step]:
        distances = [step.distance for step in steps]
        if distances != sorted(set(distances)):
            raise ValueError("steps must be in increasing order of distance")
        return steps

    @field_validator("message")
    @classmethod
    def _known_fields(cls, template: str) -> str:
        check_template(template)
        return template

    @field_validator("examples")
    @classmethod
    def _unique_names(cls, examples: list[Example]) -> list[Example]:
        names = [example.name for example in examples]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise ValueError(f"example name {twice[0]!r} is used twice")
        return examples

    def severity_for(self, distance: float | None) -> Severity:
        """The severity of a conflict this far apart: the last step of the scale it reaches."""
        severity = self.severity
        for step in self.severity_scale:
            if distance is not None and distance >= step.distance:
                severity = step.severity
        return severity

    def render_message(self, **fields: Any) -> str:
        """Fill the message template; ``fields`` are the names in TEMPLATE_FIELDS (objects or values)."""
        return self.message.format(rule=self, **fields)

    def applies(self, topic: Described) -> bool:
        """Whether the selector and the kind of comparison fit this topic (or claim)."""
        if COMPARES[self.compare] != topic.kind:
            return False
        selector = self.applies_to
        return (
            _matches(selector.subject, [topic.subject])
            and _matches(selector.measure, [topic.measure])
            and _matches(selector.location, topic.location)
            and _matches(selector.kind, [topic.kind])
        )


# The kind of claim each comparison can handle.
COMPARES: dict[str, Kind] = {"interval_overlap": "quantity", "date_match": "date"}


class Described(Protocol):
    """A Topic or a Claim: anything with these fields can be matched against a selector."""

    kind: Kind
    subject: str | None
    measure: str | None
    location: list[str]


def _matches(patterns: list[str], values: list[str | None]) -> bool:
    # Case-insensitive, and any value may match any pattern ("Iraq, Syria" vs ["syria"]).
    if not patterns:
        return True
    return any(fnmatchcase((value or "").lower(), pattern.lower()) for pattern in patterns for value in values)


def rule_for(topic: Described, rules: list[Rule]) -> Rule | None:
    """The most specific rule that applies to a topic (or claim); generic rules are the fallback."""
    fitting = [rule for rule in rules if rule.applies(topic)]
    # Ties go to the lowest code, so the choice does not depend on file order.
    return min(fitting, key=lambda rule: (-rule.applies_to.specificity(), rule.code), default=None)


def check_template(template: str) -> None:
    """Raise ValueError naming the first field a message template may not use."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as err:
        raise ValueError(str(err)) from None
    for _, field, spec, _ in parsed:
        if field is None:
            continue
        if "{" in (spec or ""):
            raise ValueError("nested fields in a format spec are not allowed")
        root, *attributes = re.split(r"[.\[]", field)
        if root not in TEMPLATE_FIELDS:
            raise ValueError(f"unknown field {{{field}}}{_did_you_mean(root, TEMPLATE_FIELDS)}")
        allowed = TEMPLATE_FIELDS[root]
        if len(attributes) > 1 or (attributes and attributes[0] not in allowed) or ("[" in field):
            name = attributes[0] if attributes else field
            raise ValueError(f"unknown field {{{field}}}{_did_you_mean(name, allowed)}")


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
        return f"unknown field {name!r}{_did_you_mean(name, _fields_at(loc[:-1]))}"
    if kind == "missing":
        return "required field missing"
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        return f"{given!r} is not one of {', '.join(choices)}{_did_you_mean(str(given), choices)}"
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


def _did_you_mean(name: str, choices: Any) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f" — did you mean {close[0]!r}?" if close else ""
