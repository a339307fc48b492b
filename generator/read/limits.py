"""Bounds on a body, checked before and after Markdown renders it, so that a hostile or broken
file is a problem with its line rather than a RecursionError in some renderer (the Word writer,
lxml, a worker process) or a build that takes minutes on one line.

No real briefing comes near them: a paragraph of 20,000 characters is several pages, and
lists in lists in quotes with bold and a link are a dozen elements deep.
"""

from __future__ import annotations

import re

from generator.problems import Problem

MAX_LINE = 20_000
MAX_NESTING = 40
#: Leading spaces, tabs and '>' marks: Markdown's time grows with the cube of list depth, so a
#: list 250 deep is refused here, from its text, rather than after minutes of rendering.
MAX_INDENT = 100

_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def line_problems(text: str, first_line: int, shown: str) -> list[Problem]:
    """The first line of ``text`` longer than MAX_LINE characters, and the first indented deeper
    than MAX_INDENT, each with how many more lines are like it."""
    found: dict[str, list[tuple[int, int]]] = {"long": [], "deep": []}
    start, number = 0, first_line
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_LINE:
            found["long"].append((number, end - start))
        elif end - start > MAX_INDENT:
            line = text[start:end]
            indent = len(line) - len(line.lstrip(" \t>"))
            if indent > MAX_INDENT:
                found["deep"].append((number, indent))
        start, number = end + 1, number + 1
    problems = []
    for kind, lines in found.items():
        if not lines:
            continue
        number, size = lines[0]
        more = f" ({len(lines) - 1} more line(s) like it below)" if len(lines) > 1 else ""
        problems.append(Problem(shown, number, f"this line is {size:,} characters long{more}; a line may have at most "
            f"{MAX_LINE:,}: break it into paragraphs (a blank line between them)" if kind == "long" else
            f"this line starts with {size} spaces, tabs or '>' marks{more}: lists inside lists or quotes inside "
            f"quotes, many levels deep; a line may start with at most {MAX_INDENT}, so flatten it to a few levels"))
    return problems


#: A tag of nh3's output (html5ever's serialisation): every attribute value in double quotes,
#: '<' and '>' escaped in text, no comments. A regular expression reads it exactly, ten times
#: faster than an HTML parser (thousands of sections in a national collection).
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[^>"]|"[^"]*")*>')


def nesting(html: str) -> int:
    """How many elements deep sanitised ``html`` (body.sanitise's output) goes, counted without
    recursion."""
    depth = deepest = 0
    for tag in _TAG.finditer(html):
        if tag[2].lower() in _VOID:
            continue
        if tag[1]:
            depth -= 1
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def too_deep(shown: str, line: int | None) -> Problem:
    return Problem(shown, line, f"the text of this section is nested more than {MAX_NESTING} levels deep (lists "
        "inside lists, quotes inside quotes, or runs of * or _ around words); flatten it to a few levels")
