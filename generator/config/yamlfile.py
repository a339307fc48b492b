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
    """Malformed YAML, with the 1-based line of the text where the parser gave up. ``syntax`` is
    False for well-formed YAML refused for its shape (an alias bomb, nesting too deep)."""

    def __init__(self, message: str, line: int | None, syntax: bool = True):
        super().__init__(message)
        self.message = message
        self.line = line
        self.syntax = syntax

    def described(self) -> str:
        return f"malformed YAML: {self.message}" if self.syntax else self.message


def load(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse ``text`` into (data, node tree); the node tree remembers where each value was."""
    if _FastLoader is not _Loader:
        loader = _FastLoader(text)
        try:
            node = _compose(loader, text)
            return (loader.construct_document(node) if node is not None else None), node
        except yaml.MarkedYAMLError as err:
            if "nesting depth" in str(err.problem):  # libyaml's own limit: the Python parser is slow to agree
                raise YamlProblem(_TOO_DEEP, err.problem_mark.line + 1 if err.problem_mark else None, syntax=False) from None
            # otherwise parse again below for the Python parser's messages
        except yaml.YAMLError:
            pass
        finally:
            loader.dispose()
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as err:  # a control character: refused before any parsing
        line = text.count("\n", 0, err.position) + 1
        raise YamlProblem(f"invisible control character U+{err.character:04X} is not allowed; delete it", line) from None
    return _load(loader, text)


def _load(loader: yaml.SafeLoader, text: str) -> tuple[Any, yaml.Node | None]:
    try:
        node = _compose(loader, text)
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


#: Deeper than this is no settings file or front matter (and deeper still overflows the parser).
MAX_DEPTH = 50
#: What a document that uses aliases (``&a`` ... ``*a``) may expand to: an "alias bomb" of a few
#: hundred bytes expands to billions of values and would hang whatever reads it.
MAX_EXPANDED = 10_000
_TOO_DEEP = f"the values are nested more than {MAX_DEPTH} levels deep; a briefing or a setting needs only a few levels"


def _compose(loader, text: str) -> yaml.Node | None:
    """The document's node tree, refused (YamlProblem with a line) if it nests too deep, refers
    to itself or its aliases would expand too far: never a RecursionError or a hang."""
    try:
        node = loader.get_single_node()
    except RecursionError:
        raise YamlProblem(_TOO_DEEP, _too_deep_line(text), syntax=False) from None
    if node is not None:
        _refuse_blowups(node)
    return node


def _too_deep_line(text: str) -> int | None:
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):  # events come without recursion
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _refuse_blowups(root: yaml.Node) -> None:
    """Count each value once per use (without expanding anything), depth first and iteratively."""
    size: dict[int, int] = {}
    order: list[yaml.Node] = []  # smallest first
    on_path: set[int] = set()
    aliased = False
    stack = [(root, 1, False)]
    while stack:
        node, depth, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            order.append(node)
            continue
        if key in size:
            aliased = True
            continue
        line = node.start_mark.line + 1
        if key in on_path:
            raise YamlProblem("an alias (*name) refers to the value that contains it; write the values out instead", line, syntax=False)
        if depth > MAX_DEPTH:
            raise YamlProblem(_TOO_DEEP, line, syntax=False)
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in reversed(_children(node)))
    if aliased and size[id(root)] > MAX_EXPANDED:
        node = next(n for n in order if size[id(n)] > MAX_EXPANDED)
        raise YamlProblem(f"the aliases (*name) here would expand to more than {MAX_EXPANDED:,} values "
                          "(an 'alias bomb'); write the values out instead of using & and *", node.start_mark.line + 1, syntax=False)


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
