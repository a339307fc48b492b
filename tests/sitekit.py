"""Build small real sites in temp folders: the shared fixtures' workhorse.

Tests write briefings as dicts (front matter) plus a body, build with the real CLI
entry point, then read the HTML/JSON/DOCX that was written.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.cli import main

BASE_CONFIG = {
    "site_name": "Testshire Learning Briefings",
    "site_url": "https://learning.testshire.example.org/",
    "board": {
        "name": "Testshire Safeguarding Children Partnership",
        "email": "learning@testshire.example.org",
        "phone": "01632 960 999",
        "feedback_email": "feedback@testshire.example.org",
    },
    "publication": {"keep_months": 12},
    "themes": {
        "risk-assessment": {"title": "Risk assessment", "category": "Professional practice",
                            "summary": "Assessing and reassessing risk."},
        "lived-experience": {"title": "The lived experience of the child", "category": "Child factors"},
        "professional-curiosity": {"title": "Professional curiosity", "category": "Professional practice"},
        "information-sharing": {"title": "Information sharing", "category": "Professional practice"},
        "domestic-abuse": {"title": "Domestic abuse", "category": "Parental factors"},
        "neglect": {"title": "Neglect", "category": "Family and environment"},
    },
}

BODY = """## Background
A baby was injured at home. Several agencies knew the family.

## Why it matters
Babies cannot speak for themselves.

## Key learning
- Risk must be reassessed when circumstances change.
- Ask about every adult in the household.

## What should we do?
Use the pre-birth protocol.

## Further information
Read the local procedures.
"""


def front_matter(stem: str = "child-a", **overrides) -> dict:
    """A valid briefing's front matter; override any key (None deletes it)."""
    name = stem.replace("-", " ").title()
    data = {
        "title": f"{name}: learning from the review",
        "summary": f"What the {name} review taught us.",
        "review": {"name": name, "type": "SCR", "published": "2025-06-01"},
        "themes": ["risk-assessment"],
        "agencies": ["Children's social care"],
        "recommendations": ["Reissue the guidance."],
        "discussion_prompts": ["What would we have done?"],
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        elif key == "review":
            data["review"] = {**data["review"], **value}
            data["review"] = {k: v for k, v in data["review"].items() if v is not None}
        else:
            data[key] = value
    return data


def briefing_text(meta: dict, body: str = BODY) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body


@dataclass
class Run:
    code: int
    out: str
    err: str


def cli(*args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return Run(code, out.getvalue(), err.getvalue())


class SiteFolder:
    """A board's content folder in a temp dir: site_config.yml, briefings/, and the built site/."""

    def __init__(self, root: Path, config: dict | None = None):
        self.root = root
        self.config = copy.deepcopy(config or BASE_CONFIG)
        (root / "briefings").mkdir(parents=True, exist_ok=True)
        self.write_config()

    @property
    def config_path(self) -> Path:
        return self.root / "site_config.yml"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write_config(self) -> None:
        self.config_path.write_text(yaml.safe_dump(self.config, sort_keys=False), encoding="utf-8")

    def add(self, name: str = "child-a", body: str = BODY, path: str | None = None, **overrides) -> Path:
        """Write briefings/<name>.md (or ``path``) from front_matter(name, **overrides)."""
        target = self.root / "briefings" / (path or f"{name}.md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(briefing_text(front_matter(name, **overrides), body), encoding="utf-8")
        return target

    def write(self, relative: str, text: str | bytes) -> Path:
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        return target

    def build(self, as_of: str = "2026-01-01", *extra: str) -> Run:
        return cli("--config", self.config_path, "build", "--as-of", as_of, *extra)

    def check(self, as_of: str = "2026-01-01") -> Run:
        return cli("--config", self.config_path, "check", "--as-of", as_of)

    def built(self, as_of: str = "2026-01-01", *extra: str) -> Path:
        """Build and insist it worked; return site/."""
        run = self.build(as_of, *extra)
        assert run.code == 0, run.err
        return self.site

    def html(self, relative: str) -> str:
        return (self.site / relative).read_text(encoding="utf-8")

    def json(self, relative: str):
        return json.loads((self.site / relative).read_text(encoding="utf-8"))

    def output_files(self) -> list[Path]:
        return sorted(p for p in self.site.rglob("*") if p.is_file())


@pytest.fixture(name="folder")
def built_folder(tmp_path) -> SiteFolder:
    """``folder`` for a module about a site already built (one briefing, built as of 2026-01-01):
    a module that imports this fixture gets it in place of conftest's empty folder."""
    folder = SiteFolder(tmp_path / "board")
    folder.add("child-a")
    folder.built("2026-01-01")
    return folder


def doc(folder: SiteFolder, relative: str):
    """A built page parsed with lxml, for CSS-selector and XPath assertions."""
    import lxml.html

    return lxml.html.fromstring(folder.html(relative))


def text(el) -> str:
    """An element's visible text with white space folded, as a reader sees it."""
    return " ".join(el.text_content().split())


def signal_at_stage(args: list[str], stage: str, send, new_session: bool = False) -> tuple[bool, int, str]:
    """Run a command on a pseudo-terminal (so it shows its stages) and call ``send(proc)`` the
    moment it shows ``stage``; return whether it was sent, the exit code and what it showed."""
    import os
    import pty
    import signal
    import subprocess

    main, child = pty.openpty()
    # as a terminal's foreground job has it: not ignoring Ctrl+C even when these tests were
    # started in the background (nohup, `&` in a script), which ignores SIGINT in every child
    proc = subprocess.Popen(args, stdin=child, stdout=child, stderr=child, close_fds=True, start_new_session=new_session,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    os.close(child)
    shown, sent = b"", False
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:
            break
        if not data:
            break
        shown += data
        if not sent and stage.encode() in shown:
            send(proc)
            sent = True
    os.close(main)
    return sent, proc.wait(timeout=600), shown.decode("utf-8", "replace")
