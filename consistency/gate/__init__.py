"""The CI gate's parts: new sources from git, the baseline, and the formats CI systems read."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from . import github, gitlab, junit, sarif, text

if TYPE_CHECKING:
    from ..models import CheckResult


def render_json(result: CheckResult) -> str:
    """The whole gate decision as JSON: every conflict with its status and locations."""
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


# Format name -> renderer of a CheckResult as text.
RENDERERS = {
    "text": text.render,
    "json": render_json,
    "github": github.render,
    "gitlab": gitlab.render,
    "sarif": sarif.render,
    "junit": junit.render,
}
FORMATS = tuple(RENDERERS)


def render(result: CheckResult, fmt: str, max_annotations: int = github.MAX_ANNOTATIONS) -> str:
    """The gate's result in one of FORMATS (GitHub annotations capped at ``max_annotations``)."""
    return github.render(result, max_annotations) if fmt == "github" else RENDERERS[fmt](result)
