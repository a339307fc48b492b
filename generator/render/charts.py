"""Charts for the analysis page, drawn at build time as SVG: no JavaScript, no outside request.

Python works out the geometry here; the markup lives in Jinja templates (templates/charts/),
so every label from site_config.yml is escaped by autoescape and a board can override a
chart's look file by file like any other template. Every chart is ``role="img"`` with a
``<title>`` and ``<desc>``, and the page shows the same figures in a table beside it.
Series differ by hatching and line style as well as colour, so they survive black-and-white
print. The hatching is drawn as clipped vector lines, not SVG ``<pattern>`` fills: Chromium
prints a pattern as images (a 14 MB PDF for one page), lines as a few kilobytes.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

from markupsafe import Markup

from generator.derive.analysis import FEW, TOP, by_category, region_label
from generator.render.renderer import Renderer

FONT = 14  # user units; charts scale with the page width
GAP = 8  # hatching: distance between lines or dots

#: The top three themes, in order: colour, fill pattern and outline dash differ together.
SERIES = (
    {"colour": "#1d70b8", "pattern": "hatch", "dash": "", "key": "blue, lines sloping up, solid outline"},
    {"colour": "#b3341c", "pattern": "backhatch", "dash": "10 5", "key": "red, lines sloping down, dashed outline"},
    {"colour": "#00703c", "pattern": "dots", "dash": "2 4", "key": "green, dots, dotted outline"},
)


def text_width(text: str, size: float = FONT) -> float:
    """A generous estimate (0.58 em a character) for a sans-serif face."""
    return len(text) * 0.58 * size


def _n(value: float) -> str:
    return f"{round(value, 2):g}"


def hatching(box: tuple[float, float, float, float], pattern: str) -> str:
    """Path data for a series' lines or dots inside ``box`` (x, y, width, height).

    Lines and dots sit on one grid for the whole chart, so boxes side by side or overlapping
    (the Venn circles are clipped from their square boxes) get evenly spaced hatching.
    """
    x0, y0, w, h = box
    x1, y1 = x0 + w, y0 + h
    if pattern == "dots":
        xs = [GAP * i + GAP / 2 for i in range(math.ceil((x0 - GAP / 2) / GAP), math.floor((x1 - GAP / 2) / GAP) + 1)]
        ys = [GAP * j + GAP / 2 for j in range(math.ceil((y0 - GAP / 2) / GAP), math.floor((y1 - GAP / 2) / GAP) + 1)]
        return "".join(f"M{_n(cx)} {_n(cy)}h0" for cx in xs for cy in ys)
    segments = []
    if pattern == "hatch":  # sloping up: the lines x + y = c
        lo, hi = x0 + y0, x1 + y1
        for c in range(math.ceil(lo / GAP) * GAP, math.floor(hi / GAP) * GAP + 1, GAP):
            xa, xb = max(x0, c - y1), min(x1, c - y0)
            if xb > xa:
                segments.append(f"M{_n(xa)} {_n(c - xa)}L{_n(xb)} {_n(c - xb)}")
    else:  # sloping down: the lines x - y = c
        lo, hi = x0 - y1, x1 - y0
        for c in range(math.ceil(lo / GAP) * GAP, math.floor(hi / GAP) * GAP + 1, GAP):
            xa, xb = max(x0, c + y0), min(x1, c + y1)
            if xb > xa:
                segments.append(f"M{_n(xa)} {_n(xa - c)}L{_n(xb)} {_n(xb - c)}")
    return "".join(segments)


def fill(series: int, rects: Sequence[tuple[float, float, float, float]] = (), circles: Sequence[tuple[float, float, float]] = ()) -> dict:
    """One series' hatched area: the shapes that clip it and the lines that fill them."""
    boxes = [*rects, *((cx - r, cy - r, 2 * r, 2 * r) for cx, cy, r in circles)]
    return {"series": series, "rects": list(rects), "circles": list(circles),
            "d": "".join(hatching(b, SERIES[series]["pattern"]) for b in boxes), **SERIES[series]}


def wrap(text: str, width: int = 28) -> list[str]:
    """Split a long label over lines of about ``width`` characters."""
    return textwrap.wrap(text, width) or [""]


def _svg(r: Renderer, template: str, **context) -> Markup:
    # The template is rendered with autoescape on, so its output is safe markup as a whole.
    return Markup(r.text(f"charts/{template}", series=SERIES, **context))


def themes_bar(r: Renderer, result: dict, order: Sequence[str] = (), chart_id: str = "chart-themes") -> Markup:
    """Horizontal bars: every theme's share of the reviews, grouped by category (in ``order``)."""
    total = result["reviews"]
    groups = by_category(result, order)
    label_w = max([text_width(t["title"]) for _, rows in groups for t in rows] + [text_width(c, FONT) for c, _ in groups]) + 16
    bar_w, value_w, row_h, head_h, top = 360, 110, 28, 34, 30
    items, y = [], top
    for category, rows in groups:
        y += head_h
        items.append({"kind": "category", "text": category, "y": y - 10})
        for t in rows:
            length = bar_w * t["count"] / total if total else 0
            items.append({"kind": "bar", "title": t["title"], "y": y, "length": round(length, 2),
                          "value": f"{t['count']} ({t['percent']}%)", "top": t["slug"] in result["top_three"]["themes"]})
            y += row_h
    height = y + 10
    ticks = [{"x": round(label_w + bar_w * p / 100, 2), "label": f"{p}%"} for p in (0, 25, 50, 75, 100)]
    top_titles = [t["title"] for t in result["themes"] if t["slug"] in result["top_three"]["themes"]]
    lang = r.language
    reviews = lang.ngettext("%(num)d review", "%(num)d reviews", total)
    themes = lang.ngettext("%(num)d theme", "%(num)d themes", len(result["themes"]))
    desc = (lang.gettext("Bar chart of %(themes)s across %(reviews)s, grouped by category. ", themes=themes, reviews=reviews)
            + "; ".join(lang.gettext("%(theme)s: %(reviews)s (%(percent)s%%)", theme=t["title"], percent=t["percent"],
                                     reviews=lang.ngettext("%(num)d review", "%(num)d reviews", t["count"]))
                        for t in result["themes"][:TOP] if t["count"])
            + lang.gettext(". The table below gives every figure."))
    return _svg(r, "bar.svg.j2", id=chart_id, items=items, label_w=round(label_w, 2), bar_w=bar_w, row_h=row_h,
                width=round(label_w + bar_w + value_w, 2), height=height, ticks=ticks, top=top,
                title=lang.gettext("Reviews featuring each theme"), desc=desc, top_titles=top_titles)


#: Three circles of radius R; region labels sit where exactly that subset of circles overlaps.
R = 130
CENTRES = ((250, 200), (390, 200), (320, 321))
REGION_AT = {(0,): (188, 170), (1,): (452, 170), (2,): (320, 398),
             (0, 1): (320, 148), (0, 2): (244, 292), (1, 2): (396, 292), (0, 1, 2): (320, 238)}


def venn(r: Renderer, result: dict, chart_id: str = "chart-venn") -> Markup | None:
    """Three-set Venn diagram of the top three themes with the count in each of its seven regions."""
    top = result["top_three"]
    if len(top["themes"]) < TOP:
        return None
    titles = {t["slug"]: t["title"] for t in result["themes"]}
    index = {slug: i for i, slug in enumerate(top["themes"])}
    circles = []
    for i, slug in enumerate(top["themes"]):
        cx, cy = CENTRES[i]
        lines = wrap(titles[slug], 26)
        if i == 0:
            label = {"x": cx + 40, "y": cy - R - 16 - 18 * (len(lines) - 1), "anchor": "end"}
        elif i == 1:
            label = {"x": cx - 40, "y": cy - R - 16 - 18 * (len(lines) - 1), "anchor": "start"}
        else:
            label = {"x": cx, "y": cy + R + 26, "anchor": "middle"}
        circles.append({"cx": cx, "cy": cy, "lines": lines, **label, **SERIES[i]})
    regions = []
    for region in top["regions"]:
        key = tuple(index[s] for s in region["themes"])
        x, y = REGION_AT[key]
        regions.append({"x": x, "y": y, "count": region["count"], "halo": 15 * len(str(region["count"])) + 10,
                        "label": region_label(region["themes"], top["themes"], titles, r.language)})
    above = max(len(c["lines"]) for c in circles[:2]) - 1
    shift = 18 * above
    lang = r.language
    desc = (lang.gettext("Venn diagram of the %(top)s most frequent themes in %(reviews)s. ", top=TOP,
                         reviews=lang.ngettext("%(num)d review", "%(num)d reviews", result["reviews"]))
            + "; ".join(f"{reg['label']}: {reg['count']}" for reg in regions) + ". "
            + lang.ngettext("%(num)d review (%(percent)s%%) featured all three.", "%(num)d reviews (%(percent)s%%) featured all three.",
                            top["all_three"]["count"], percent=top["all_three"]["percent"]))
    height = CENTRES[2][1] + R + 26 + 18 * (len(circles[2]["lines"]) - 1) + 12
    fills = [fill(i, circles=[(c["cx"], c["cy"], R)]) for i, c in enumerate(circles)]
    return _svg(r, "venn.svg.j2", id=chart_id, circles=circles, regions=regions, radius=R, fills=fills,
                width=640, height=height + shift, shift=shift,
                title=lang.gettext("How the top %(top)s themes overlap", top=TOP), desc=desc)


def years(r: Renderer, result: dict, chart_id: str = "chart-years") -> Markup | None:
    """Grouped bars per year: all reviews (outline) and each top theme (patterned), each bar
    with its number, the axes titled, and a year of fewer than FEW reviews marked with a '*'."""
    rows = result["by_year"]
    if not rows:
        return None
    titles = {t["slug"]: t["title"] for t in result["themes"]}
    top = result["top_three"]["themes"]
    peak = max(y["reviews"] for y in rows)
    step = _nice_step(peak)
    ymax = step * math.ceil(peak / step)
    left, right, plot_h, legend_h = 62, 12, 240, 26 * (len(top) + 1) + 30
    width = max(640, left + right + 36 * len(rows))
    plot_w = width - left - right
    group = plot_w / len(rows)
    bars_per = len(top) + 1
    bar = min(16.0, group * 0.8 / bars_per)
    base = legend_h + plot_h
    every = 1 if group >= 38 else math.ceil(38 / group)
    groups = []
    for i, y in enumerate(rows):
        x0 = left + i * group + (group - bar * bars_per) / 2
        values = [y["reviews"]] + [y["themes"][s] for s in top]
        groups.append({
            "year": y["year"], "few": 0 < y["reviews"] < FEW, "x": round(left + (i + 0.5) * group, 2), "show": i % every == 0,
            "bars": [{"x": round(x0 + j * bar, 2), "h": round(plot_h * v / ymax, 2), "value": v, "series": j - 1}
                     for j, v in enumerate(values)],
        })
    ticks = [{"y": round(base - plot_h * v / ymax, 2), "label": v} for v in range(0, ymax + 1, step)]
    lang = r.language
    legend = [{"text": lang.gettext("All reviews"), "series": -1, "x": left, "y": 4}]
    legend += [{"text": titles[s], "series": j, "x": left, "y": 4 + 26 * (j + 1)} for j, s in enumerate(top)]
    fills = [fill(j, rects=[(b["x"], base - b["h"], bar, b["h"]) for g in groups for b in g["bars"] if b["series"] == j and b["h"]]
                  + [(item["x"], item["y"], 22, 16) for item in legend if item["series"] == j]) for j in range(len(top))]
    span = (lang.gettext("each year from %(start)s to %(end)s", start=rows[0]["year"], end=rows[-1]["year"]) if len(rows) > 1
            else lang.gettext("in %(year)s", year=rows[0]["year"]))
    desc = (lang.gettext("Bar chart of reviews published %(span)s", span=span)
            + (lang.gettext(", with the number featuring each of the top themes") if top else "")
            + lang.gettext(". Most in one year: %(peak)s. The table below gives every figure.", peak=peak))
    few = [g["year"] for g in groups if g["few"]]
    if few:
        desc += lang.gettext(" Years marked with an asterisk had fewer than %(few)s reviews: %(years)s.", few=FEW,
                             years=", ".join(map(str, few)))
    return _svg(r, "years.svg.j2", id=chart_id, groups=groups, ticks=ticks, legend=legend, bar=round(bar, 2), fills=fills,
                left=left, width=width, plot_w=plot_w, plot_h=plot_h, base=base, height=base + (78 if few else 56),
                few=FEW if few else None, title=lang.gettext("Reviews and top themes by year"), desc=desc)


def _nice_step(peak: int) -> int:
    """A gridline step giving at most about six lines: 1, 2, 5, 10, 20, 50 ..."""
    for magnitude in (1, 10, 100, 1000, 10000):
        for m in (1, 2, 5):
            if peak / (m * magnitude) <= 6:
                return m * magnitude
    return 100000


def all_charts(r: Renderer, result: dict, order: Sequence[str] = ()) -> dict[str, Markup | None]:
    if not result["reviews"]:
        return {"themes": None, "venn": None, "years": None}
    return {"themes": themes_bar(r, result, order), "venn": venn(r, result), "years": years(r, result)}
