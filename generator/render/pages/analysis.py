"""The analysis page (site/analysis/) and site/data/themes.json: how often each theme occurs."""

from __future__ import annotations

from generator.derive import analysis
from generator.derive.analysis import FEW, TOP
from generator.derive.site import Site
from generator.render import charts
from generator.render.pages.data import to_json
from generator.render.renderer import OutputFile, Renderer


def build(site: Site, r: Renderer):
    _ = r.language.gettext
    result = analysis.analyse(site)
    entries = analysis.analysed(site)
    titles = {t["slug"]: t["title"] for t in result["themes"]}
    top = result["top_three"]["themes"]
    total = result["reviews"]
    order = analysis.categories(site)
    yield r.page(
        "analysis/index.md", "analysis.html", _("Thematic analysis"),
        description=r.language.ngettext("How often each theme occurs across %(num)d published case review.",
                                        "How often each theme occurs across %(num)d published case reviews.", total),
        nav_title=_("Analysis"), nav_order=40,
        result=result, period=analysis.period(entries), limits=site.site.analysis,
        groups=analysis.by_category(result, order), few=FEW, titles=titles, top=top, full_top=len(top) == TOP,
        top_rows=[t for t in result["themes"] if t["slug"] in top],
        regions=[{**reg, "label": analysis.region_label(reg["themes"], top, titles, r.language)} for reg in result["top_three"]["regions"]],
        in_regions=sum(reg["count"] for reg in result["top_three"]["regions"]),
        series=charts.SERIES, charts=charts.all_charts(r, result, order), percent=analysis.percent,
    )
    yield OutputFile("data/themes.json", to_json(result))
