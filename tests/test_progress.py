"""`briefings build` shows its progress on a terminal, and only the summary otherwise."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

import pytest

from tests.sitekit import SiteFolder

AS_OF = "2026-01-01"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> SiteFolder:
    folder = SiteFolder(tmp_path_factory.mktemp("progress") / "board")
    folder.add("child-a")
    folder.add("child-b", themes=["neglect"])
    folder.add("child-c", draft=True)
    return folder


def command(folder: SiteFolder, *extra: str) -> list[str]:
    return [sys.executable, "-m", "generator.cli", "--config", str(folder.config_path), "build", "--as-of", AS_OF, *extra]


def run_in_terminal(args: list[str]) -> tuple[int, str]:
    """Run ``args`` with stdout and stderr on a pseudo-terminal; return (exit code, what it showed)."""
    main, child = pty.openpty()
    proc = subprocess.Popen(args, stdin=child, stdout=child, stderr=child, close_fds=True)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


SUMMARY = re.compile(r"^Built .+ \(as of 2026-01-01\): 2 published .*1 draft\(s\) skipped", re.M)


def test_a_terminal_sees_each_stage_with_counts_then_the_summary(folder):
    code, shown = run_in_terminal(command(folder))
    assert code == 0, shown
    lines = [line.strip() for line in re.split(r"[\r\n]+", shown) if line.strip()]
    stages = [re.sub(r"^\[\s*\d+\.\d+s\] ", "", line) for line in lines if re.match(r"^\[\s*\d+\.\d+s\] ", line)]
    text = "\n".join(stages)
    assert "reading and checking briefings" in text
    assert "rendering 2 briefings" in text
    pages = re.search(r"building (\d+) pages with MkDocs \((\d+) other files\)", text)
    assert pages, text
    assert int(pages.group(1)) >= 3  # home and two briefings at least
    assert re.search(r"building \d+ pages with MkDocs .*: (\d+)/\1", text), "the page count reaches its total"
    assert re.search(r"Word files: 2 \(\d+ files written alongside\)", text)
    assert re.search(r"search index: \d+ pages in \d+ files", text)
    assert re.search(r"done: \d+ pages, \d+ other files", text)
    order = [text.index(s) for s in ("reading and checking", "rendering 2", "with MkDocs", "Word files:", "search index:", "done:")]
    assert order == sorted(order)
    assert SUMMARY.search(shown)
    assert lines[-1].startswith("Built "), "the summary comes last"


def test_quiet_on_a_terminal_prints_only_the_summary(folder):
    code, shown = run_in_terminal(command(folder, "--quiet"))
    assert code == 0, shown
    lines = [line for line in re.split(r"[\r\n]+", shown) if line.strip()]
    assert len(lines) == 1 and SUMMARY.search(lines[0]), shown


def test_piped_output_is_only_the_summary(folder):
    done = subprocess.run(command(folder), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(done.stdout.splitlines()) == 1 and SUMMARY.search(done.stdout)
