"""File names that work on every host: the site is often built on Linux and then copied to, or
served from, Windows or macOS, whose file systems ignore case and keep device names."""

from __future__ import annotations

from generator.config.settings import reserved_hint, windows_reserved
from generator.model.briefing import Briefing
from generator.problems import Problem


def asset_problems(briefings: list[Briefing]) -> list[Problem]:
    """Linked files whose published names differ only in case from another's, or hold a
    Windows device name, each named with the briefing that links it."""
    problems, by_name = [], {}
    for b in briefings:
        for asset in (*b.assets, *((b.report_asset,) if b.report_asset else ())):
            reserved = [part for part in asset.output.split("/") if windows_reserved(part)]
            if reserved:
                problems.append(Problem(b.source, None, f"the linked file {asset.output}: {reserved_hint(reserved[0])}; "
                                        "rename it"))
            first = by_name.setdefault(asset.output.lower(), (asset, b))
            if first[0].output != asset.output:
                problems.append(Problem(b.source, None, f"the linked file {asset.output} differs only in upper and lower "
                    f"case from {first[0].output} (linked from {first[1].source}); on Windows and macOS they are "
                    "one file, so rename one of them"))
    return problems
