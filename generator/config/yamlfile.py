"""YAML with line numbers, so every validation error can point at the line to fix.

Dates are left as strings on purpose: PyYAML raises a bare ValueError (no line) on
``2018-13-45``; pydantic parses the string instead and says what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp resolver."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# libyaml's parser (when PyYAML has it) is about 15 times faster and keeps the same line marks;
# a file it rejects is parsed again by the Python loader, so error messages never change.
_FastLoader = _Loader
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """The same loader on libyaml."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


class YamlProblem(Exception):
    """Malformed YAML, with the 1-based line of the text where the parser gave up."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message = message
        self.line = line


def load(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse ``text`` into (data, node tree); the node tree remembers where each value was."""
    if _FastLoader is not _Loader:
        loader = _FastLoader(text)
        try:
            node = loader.get_single_node()
            return (loader.construct_document(node) if node is not None else None), node
        except yaml.YAMLError:
            pass  # parse again below for the Python parser's messages
        finally:
            loader.dispose()
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as err:  # a control character: refused before any parsing
        line = text.count("\n", 0, err.position) + 1
        raise YamlProblem(f"invisible control character U+{err.character:04X} is not allowed; delete it", line) from None
    return _load(loader)


def _load(loader: yaml.SafeLoader) -> tuple[Any, yaml.Node | None]:
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        # An unclosed quote or bracket is noticed lines later (often at the end); the line where
        # the unfinished item began (context_mark) is where the board has to look.
        mark = err.context_mark or err.problem_mark
        problem = " ".join(p for p in (err.context, err.problem) if p)
        if err.context_mark and err.problem_mark and err.problem_mark.line != err.context_mark.line:
            problem += " (check this line for an unclosed quote or bracket)"
        raise YamlProblem(problem or str(err), mark.line + 1 if mark else None) from None
    except yaml.YAMLError as err:
        raise YamlProblem(str(err), None) from None
    finally:
        loader.dispose()
    return data, node


def line_of(node: yaml.Node | None, loc: Sequence[str | int]) -> int | None:
    """The 1-based line of the value at ``loc`` (a pydantic error location), or its nearest parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                key = next((k for k, _ in node.value if k.value == part), None)
                return key.start_mark.line + 1 if key is not None else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def key_line(node: yaml.Node | None, loc: Sequence[str | int]) -> int | None:
    """The 1-based line of the key at ``loc`` itself (``title:``), where a block value starts
    below it; a list item's own line. Falls back to :func:`line_of`."""
    if not loc or node is None:
        return line_of(node, loc)
    parent = node
    for part in loc[:-1]:
        if isinstance(parent, yaml.MappingNode):
            parent = next((v for k, v in parent.value if k.value == part), None)
        elif isinstance(parent, yaml.SequenceNode) and isinstance(part, int) and part < len(parent.value):
            parent = parent.value[part]
        else:
            parent = None
        if parent is None:
            return line_of(node, loc)
    if isinstance(parent, yaml.MappingNode):
        key = next((k for k, _ in parent.value if k.value == loc[-1]), None)
        if key is not None:
            return key.start_mark.line + 1
    return line_of(node, loc)
