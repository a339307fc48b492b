"""The accessibility statement the Public Sector Bodies (Websites and Mobile Applications)
(No. 2) Accessibility Regulations 2018 require, generated from ``accessibility:`` in
site_config.yml and linked from every page's footer."""

from __future__ import annotations

from generator.derive.site import Site
from generator.i18n.language import N_
from generator.render.renderer import Renderer

#: How the statement words each compliance status (the GOV.UK model statement's wording).
STATUS_TEXT = {
    "fully compliant": N_("This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard."),
    "partially compliant": N_("This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 "
                           "AA standard, due to the non-compliances listed below."),
    "not compliant": N_("This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. "
                     "The non-compliances are listed below."),
}


def build(site: Site, r: Renderer):
    _ = r.language.gettext
    settings = site.site.accessibility
    yield r.page(
        "accessibility/index.md", "accessibility.html", _("Accessibility statement"),
        description=_("Accessibility statement for %(site)s: how accessible it is, known problems, "
                      "how to ask for another format and how to complain.", site=site.site.site_name),
        statement=settings,
        status_text=_(STATUS_TEXT[settings.status]),
        contact=settings.contact_email or site.site.board.email,
    )
