"""Problems found in a board's content, reported together rather than one at a time."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content: where it is and what to do about it."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised with every problem of a run, so a board fixes them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the content")


class UsageError(Exception):
    """The command was asked for something it cannot do (exit code 2)."""


class BuildFailed(Exception):
    """The content was valid but the site could not be written (engine or disk trouble)."""


def display_path(path: Path, root: Path) -> str:
    """A path as the board sees it: relative to the content folder where possible."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder, or a link in a loop (RuntimeError before 3.13)
        return str(path)


def did_you_mean(value: str, choices) -> str:
    """A hint naming the closest valid choice, so a typo is fixed without looking anything up."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
