"""The one YAML loader: safe tags only, line numbers in errors, repeated keys refused, alias expansion bounded.

Every YAML file the tool reads (rules, alias files, reference tables, ``sources.yaml``, front matter) is
untrusted: a pull request controls it. A "billion laughs" document is a few hundred bytes whose aliases
expand into billions of nodes; it is refused here, from the node graph, before anything is built from it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from .errors import ConsistencyError
from .files import MAX_DATA_BYTES, read_text

MAX_NODES = 250_000  # nodes after expanding aliases; the shipped alias files hold about 5,000
# libyaml's safe loader when PyYAML was built with it (the wheels are): ten times faster, same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, what: str = "YAML file") -> tuple[yaml.Node | None, Any]:
    """Read and parse a YAML file (a regular file, at most MAX_DATA_BYTES): (node tree, data)."""
    return parse_yaml(path, read_text(path, MAX_DATA_BYTES, what))


def load_yaml(path: Path, text: str, first_line: int = 1) -> Any:
    """Parse YAML ``text`` from ``path``; errors name its lines counted from ``first_line``."""
    return parse_yaml(path, text, first_line)[1]


def parse_yaml(path: Path, text: str, first_line: int = 1) -> tuple[yaml.Node | None, Any]:
    """Safe-load ``text``, keeping the node tree for line numbers; any problem is one ConsistencyError."""
    if len(text) > MAX_DATA_BYTES:
        raise ConsistencyError(path, f"YAML over {MAX_DATA_BYTES:,} characters")
    loader = _LOADER(text)
    try:
        with _collector_paused():
            node = loader.get_single_node()
            _check_nodes(path, node, first_line)
            data = loader.construct_document(node) if node is not None else None
    except ValueError as err:  # a value YAML reads but cannot build, e.g. the date 2016-02-30
        raise ConsistencyError(path, f"invalid YAML: {err}") from None
    except RecursionError:  # the pure-Python parser on deep nesting (libyaml stops at depth 1,000 itself)
        raise ConsistencyError(path, "invalid YAML: nested too deeply") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        raise ConsistencyError(path, f"invalid YAML: {problem}", mark.line + first_line if mark else None) from None
    finally:
        loader.dispose()
    return node, data


@contextmanager
def _collector_paused() -> Iterator[None]:
    # Parsing allocates an object per node, and the cyclic collector's full passes over them, triggered as they
    # pile up, made parse time grow faster than the input; nothing built here needs the collector meanwhile.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check_nodes(path: Path, root: yaml.Node | None, first_line: int) -> None:
    """Refuse repeated keys, and documents whose aliases expand beyond MAX_NODES, visiting each node once."""
    if root is None:
        return
    size: dict[int, int] = {}  # id(node) -> nodes once its aliases are expanded
    entered: set[int] = set()  # entered and not finished: the path from the root, in a depth-first walk
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:  # iterative post-order: no recursion, whatever the nesting
        node, children_done = stack.pop()
        if id(node) in size:
            continue
        children = _children(node)
        if not children_done:
            if id(node) in entered:  # "&a [*a]": a node inside itself would expand forever
                line = node.start_mark.line + first_line
                raise ConsistencyError(path, "invalid YAML: an alias refers to its own anchor", line)
            entered.add(id(node))
            if isinstance(node, yaml.MappingNode):
                _refuse_repeated_keys(path, node, first_line)
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in size)
            continue
        total = 1 + sum(size[id(child)] for child in children)
        if total > MAX_NODES:
            line = node.start_mark.line + first_line
            raise ConsistencyError(path, f"invalid YAML: aliases expand to more than {MAX_NODES:,} nodes", line)
        size[id(node)] = total


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _refuse_repeated_keys(path: Path, node: yaml.MappingNode, first_line: int) -> None:
    # PyYAML keeps the last of two equal keys silently; a repeated key is a typo, or hides a value from review.
    keys: set[str] = set()
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value in keys:
                raise ConsistencyError(path, f"{key.value}: given twice", key.start_mark.line + first_line)
            keys.add(key.value)
