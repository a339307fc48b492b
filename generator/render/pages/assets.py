"""The site's own stylesheet and scripts, and the files briefings link (reports, images)."""

from __future__ import annotations

from generator.config.settings import logo_output
from generator.derive.site import Site
from generator.render.renderer import OutputFile, Renderer

#: Served from the site itself: no CDN, no outside request. GLOBAL_* load on every page;
#: PAGE_ASSETS are included by the one page template that needs them.
GLOBAL_CSS = ["assets/briefings.css", "assets/archive.css", "assets/search.css", "assets/analysis.css"]
#: Linked on every page with media="print" (templates/material/main.html), so a screen never
#: waits for it before drawing the page.
PRINT_CSS = "assets/print.css"
GLOBAL_JS = ["assets/briefings.js", "assets/search.js"]
PAGE_ASSETS: list[str] = [PRINT_CSS]
PAGE_ASSETS += ["assets/expiry.js", "assets/finder.js", "assets/finder.css", "assets/themes.css", "assets/recommendations.js"]
PAGE_ASSETS += ["assets/presenter.js", "assets/presenter.css"]  # the team-leader kit: partials/briefing_tools.html
#: The scripts' words in the page's language (lbT), loaded deferred from every page's head: before the others.
TEXT_JS = "assets/text.js"
STATIC = GLOBAL_CSS + GLOBAL_JS + PAGE_ASSETS + [TEXT_JS]
LANGUAGES_CSS = "assets/languages.css"  # the language switch, on every page of a site in several languages


def build(site: Site, r: Renderer):
    for name in STATIC + ([LANGUAGES_CSS] if site.site.translations else []):
        yield OutputFile(name, source=r.find(name))
    if site.site.logo:
        yield OutputFile(logo_output(site.site), source=site.config.resolve(site.site.logo))
    copied: set[str] = set()
    for entry in site.entries:
        b = entry.briefing
        wanted = list(b.assets)
        if b.report_asset and entry.report_url:
            wanted.append(b.report_asset)
        for asset in wanted:
            if asset.output not in copied:
                copied.add(asset.output)
                yield OutputFile(asset.output, source=asset.source)
