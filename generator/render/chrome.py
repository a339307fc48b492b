"""The text of the theme's own templates (skip link, header search, footer links), in the
site's language: MkDocs renders those templates, not our Renderer, so the adapter hands them
this table as ``config.extra.lb_text``."""

from __future__ import annotations

from generator.i18n.language import Language


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
    }
