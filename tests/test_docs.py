"""The guide's examples are tested: a YAML example in docs/ validates against the real models, and
every ``briefings`` command example names a real command and real flags.

A fragment (a YAML block with only some keys) is laid over a minimal valid config or front matter
before validation, so a misspelt key or a wrong value in any example fails here, not for a reader.
"""

from __future__ import annotations

import argparse
import copy
import re
import shlex
from pathlib import Path

import pytest
import yaml

from generator.cli import _parser
from generator.config import localised
from generator.config.settings import SiteConfig
from generator.model.frontmatter import FrontMatter
from tests.sitekit import BASE_CONFIG

ROOT = Path(__file__).resolve().parent.parent
GUIDE = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]

#: ```lang attrs\n body ``` with the language and the info string's attributes (e.g. title="...")
_FENCE = re.compile(r"^```(\w*)([^\n]*)\n(.*?)^```", re.M | re.S)
_INLINE = re.compile(r"`(briefings [^`]+)`")

BASE_FRONT_MATTER = {
    "title": "Child Q: example",
    "summary": "An example.",
    "review": {"name": "Child Q", "type": "CSPR", "published": "2024-01-01"},
    "themes": ["risk-assessment"],
    "discussion_prompts": ["What would we do?"],
}


def _blocks(lang: str):
    for path in GUIDE:
        text = path.read_text(encoding="utf-8")
        for m in _FENCE.finditer(text):
            if m.group(1) == lang:
                line = text.count("\n", 0, m.start()) + 1
                yield pytest.param(m.group(2), m.group(3), id=f"{path.name}:{line}")


def _overlay(base: dict, part: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in part.items():
        out[key] = _overlay(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _kind(data: dict) -> str:
    briefing, config = set(FrontMatter.model_fields), set(SiteConfig.model_fields)
    keys = set(data)
    if keys <= briefing and not keys <= config:
        return "briefing"
    if keys <= config and not keys <= briefing:
        return "config"
    if keys <= briefing and keys <= config:  # e.g. only themes: the value's shape decides
        return "briefing" if isinstance(data.get("themes"), list) else "config"
    return "unknown"


@pytest.mark.parametrize(("info", "body"), list(_blocks("yaml")))
def test_yaml_example_validates_against_the_real_model(info, body):
    if "title=" in info and "site_config.yml" not in info and "briefing" not in info:
        data = yaml.safe_load(body)  # another file (a CI workflow): it must at least be YAML
        assert data, f"empty YAML example {info}"
        return
    text = body.strip()
    if text.startswith("---"):
        text = text.strip("-\n")
    data = yaml.safe_load(text)
    assert isinstance(data, dict), "a YAML example must be a mapping"
    kind = _kind(data)
    assert kind != "unknown", f"keys {sorted(data)} are neither a briefing's nor site_config.yml's"
    if kind == "briefing":
        FrontMatter.model_validate(_overlay(BASE_FRONT_MATTER, data))
    else:  # as load_config does: per-language text checked, then each language's settings validated
        config = _overlay(BASE_CONFIG, data)
        assert not localised.check(config, None, "example")
        for code in localised.languages_of(config):
            SiteConfig.model_validate(localised.for_language(config, code))


def _commands() -> list:
    found = []
    for path in GUIDE:
        text = path.read_text(encoding="utf-8")
        for m in _FENCE.finditer(text):
            if m.group(1) in ("sh", "bash", "console", "shell"):
                body = m.group(3).replace("\\\n", " ")
                for raw in body.splitlines():
                    for part in re.split(r"&&|\|\||;|\|", raw.split("#")[0]):
                        cmd = part.strip().removeprefix("$ ").strip()
                        if cmd.startswith(("briefings ", ".venv/bin/briefings ")):
                            found.append(pytest.param(cmd, id=f"{path.name}:{cmd[:40]}"))
        for m in _INLINE.finditer(text):
            found.append(pytest.param(m.group(1), id=f"{path.name}:{m.group(1)[:40]}"))
    return found


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {flag for action in parser._actions for flag in action.option_strings}


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


@pytest.mark.parametrize("command", _commands())
def test_command_example_names_a_real_command_and_flags(command):
    parser = _parser()
    words = shlex.split(command.replace("...", ""))[1:]
    global_flags, subs = _options(parser), _subcommands(parser)
    while words and words[0].startswith("-"):  # global options, e.g. --config FILE
        flag = words.pop(0).split("=")[0]
        assert flag in global_flags, f"{flag} is not an option of briefings"
        if flag == "--config" and words:
            words.pop(0)
    if not words or words[0] in ("-h", "--help", "--version"):
        return
    assert words[0] in subs, f"'{words[0]}' is not a briefings command (commands: {', '.join(subs)})"
    flags = _options(subs[words[0]]) | global_flags
    for word in words[1:]:
        if word.startswith("--"):
            assert word.split("=")[0] in flags, f"{word} is not an option of 'briefings {words[0]}'"


def test_the_guide_has_examples_to_test():
    """The extraction itself works: the guide holds YAML and command examples."""
    assert len(list(_blocks("yaml"))) >= 2
    assert len(_commands()) >= 5
