"""The text of the theme's own templates (skip link, header search, footer links), in the
site's language: MkDocs renders those templates, not our Renderer, so the adapter hands them
this table as ``config.extra.lb_text``."""

from __future__ import annotations

import re
from importlib.resources import files

from generator.i18n.language import N_, Language

#: Every message the scripts in templates/assets/ write through lbT() (their English is the key);
#: tests/test_i18n_catalogue.py checks the scripts name no other.
SCRIPT_MESSAGES = [
    N_("%(n)s minute"), N_("%(n)s minutes"), N_("%(n)s second"), N_("%(n)s seconds"), N_("Presenting: "),
    N_("Time used"), N_("Previous"), N_("Start clock"), N_("Next"), N_("Close presenter"), N_("Full screen"),
    N_("Keys: right and left arrows for next and previous segment, Space to start or pause the clock, Escape to close."),
    N_("Presenter open. Segment %(n)s of %(count)s: %(label)s."), N_("The clock is running."),
    N_("The clock is stopped: press Space to start it."), N_("Segment %(n)s of %(count)s"),
    N_("Time used: %(time)s of 7 minutes"), N_("This segment %(time)s of 1:00"),
    N_("This segment's minute is up: time to close the briefing."),
    N_("This segment's minute is up: move on when you are ready."), N_("One minute on %(label)s."),
    N_("Seven minutes are up."), N_("Pause clock"), N_("More below"), N_("Clock started."), N_("Clock paused at %(time)s."),
    N_(" (available on request)"),
    N_("Theme"), N_("Review type"), N_("Board"), N_("Year"),
    N_("Search could not be loaded. It works when the site is opened through a web server."),
    N_(" for \u201c%(query)s\u201d"), N_(" with the filters chosen"),
    N_("No briefings or themes found%(words)s%(filters)s. Check the spelling, use fewer words or clear the filters."),
    N_("%(n)s result%(words)s%(filters)s."), N_("%(n)s results%(words)s%(filters)s."),
    N_("Loading filters\u2026"), N_("Clear filters"),
    N_("Themes: %(themes)s"), N_("Show %(n)s more result (%(left)s not shown)"), N_("Show %(n)s more results (%(left)s not shown)"),
    N_("Showing all %(total)s briefing, newest first."), N_("Showing all %(total)s briefings, newest first."),
    N_("No briefings match these filters. Remove a filter or clear them all."),
    N_("%(n)s of %(total)s briefing matches these filters"), N_("%(n)s of %(total)s briefings matches these filters"),
    N_("%(n)s of %(total)s briefings match these filters"), N_("; showing the first %(page)s."),
    N_("The briefings could not be loaded. Browse by theme below instead."),
]


def script_text(language: Language) -> dict[str, str]:
    """The scripts' messages translated (empty in English, whose messages are the keys)."""
    table = {message: language.messages.gettext(message) for message in SCRIPT_MESSAGES}
    return {k: v for k, v in table.items() if k != v}


def script_messages_used() -> set[str]:
    """The literal messages templates/assets/*.js pass to lbT() (for the catalogue test)."""
    found = set()
    for script in files("generator.templates").joinpath("assets").iterdir():
        if script.name.endswith(".js"):
            code = script.read_text(encoding="utf-8")
            for m in re.finditer(r"\blbT\(", code):
                found.update(_literals(code, m.end()))
    return found


def _literals(code: str, at: int) -> list[str]:
    """The string literals of a call's first argument, which starts at ``at`` (up to its ',' or ')')."""
    found, depth, i = [], 0, at
    while i < len(code):
        c = code[i]
        if c == '"':
            end = i + 1
            while code[end] != '"':
                end += 2 if code[end] == "\\" else 1
            found.append(code[i + 1:end].encode().decode("unicode_escape"))
            i = end
        elif c == "(":
            depth += 1
        elif c in "),{" and depth == 0:
            break
        elif c == ")":
            depth -= 1
        i += 1
    return found


def chrome_text(language: Language) -> dict[str, str]:
    _ = language.gettext
    return {
        "skip": _("Skip to main content"),
        "search_label": _("Search briefings and themes"),
        "search_placeholder": _("Search"),
        "search_hint": _("Results appear below as you type. Press slash or S to come back here from anywhere on a page."),
        "search_filters": _("Filter by theme, type, board and year"),
        "search_results": _("Search results"),
        "search_more": _("Show more results"),
        "footer_nav": _("Site information"),
        "accessibility": _("Accessibility statement"),
        "data": _("Data (JSON)"),
        "languages": _("Languages"),
        "menu": _("Menu"),
        "browse": _("Browse"),
        "browse_hidden": _(" briefings by theme"),
    }
