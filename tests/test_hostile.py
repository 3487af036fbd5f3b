"""Hostile files, built in each test: every refusal is one line naming the file, exit 2 (or the file is skipped
and the others still run), never a traceback, and no input makes the tool read, write or work without bound."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import cli
from consistency.extract.lexicon import default_rules_dir

GOOD = "---\noutlet: Wire\npublished: 2024-01-25\n---\nAbout 2,500 U.S. troops remain in Iraq, officials said.\n"


def invoke(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), **kwargs)


def one_line_about(result, name: str, words: str) -> None:
    """The run names ``name`` in exactly one line of stderr, saying ``words``, and shows no traceback."""
    assert "Traceback" not in result.output, result.output
    lines = [line for line in result.stderr.splitlines() if name in line]
    assert len(lines) == 1 and words in lines[0], result.stderr


def bomb(levels: int = 7, indent: str = "") -> str:
    """A "billion laughs" YAML mapping: each level repeats the previous one nine times (9**levels leaves)."""
    lines = [f'{indent}l0: &l0 ["lol"]']
    lines += [f"{indent}l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    return Path(shutil.copytree(default_rules_dir(), tmp_path / "rules"))


@pytest.mark.parametrize("where", ["front matter", "sources.yaml"])
def test_alias_bomb_in_an_article_folder_is_refused_and_the_rest_runs(tmp_path, where):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD)
    if where == "front matter":
        (corpus / "bomb.md").write_text("---\n" + bomb().replace("l7:", "outlet:") + "---\nText with 40 fighters.\n")
        name = "bomb.md"
    else:
        (corpus / "sources.yaml").write_text(bomb())
        name = "sources.yaml"
    result = invoke("extract", str(corpus), "--format", "json")
    assert result.exit_code == 0, result.output
    one_line_about(result, name, "aliases expand")
    assert [c["text"] for c in json.loads(result.stdout) if c["kind"] == "quantity"][0] == "About 2,500 U.S. troops"


@pytest.mark.parametrize("table", ["aliases/measures.yaml", "aliases/places.yaml", "reference/bomb.yaml", "CC999-bomb.yaml"])
def test_alias_bomb_in_the_rules_folder_is_one_line_exit_2(tmp_path, rules_copy, table):
    (tmp_path / "a.md").write_text(GOOD)
    (rules_copy / table).write_text(bomb())
    result = invoke("report", str(tmp_path / "a.md"), "--rules", str(rules_copy), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    one_line_about(result, Path(table).name, "aliases expand")
    assert re.search(rf"{re.escape(Path(table).name)}:\d+: invalid YAML", result.stderr), result.stderr


def test_yaml_that_refers_to_itself_and_repeated_keys_are_refused(tmp_path):
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "self.md").write_text("---\noutlet: &a [*a]\n---\nText with 40 fighters.\n")
    (tmp_path / "twice.md").write_text("---\noutlet: A\noutlet: [B]\n---\nText with 40 fighters.\n")
    result = invoke("extract", str(tmp_path))
    assert result.exit_code == 0, result.output
    one_line_about(result, "self.md", "refers to its own anchor")
    one_line_about(result, "twice.md:3: front matter: outlet: given twice", "given twice")
