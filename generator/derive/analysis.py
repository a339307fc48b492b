"""The thematic analysis: how often each theme occurs across the published reviews.

Pure functions of the derived Site (and so of content + as-of date): no I/O, no clock.
``analyse`` returns exactly what ``site/data/themes.json`` holds and ``briefings stats --json``
prints; the analysis page and the terminal table are drawn from the same value.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import combinations

from generator.derive.site import Entry, Site
from generator.i18n.language import ENGLISH, Language

TOP = 3
#: A year with fewer reviews than this is marked: a share of one or two reviews is not a trend.
FEW = 3


def percent(count: int, total: int) -> int:
    """Whole percent, rounded half up (23 of 27 -> 85, 11 of 27 -> 41); 0 when there is no total."""
    if total <= 0:
        return 0
    return (200 * count + total) // (2 * total)


def analysed(site: Site) -> list[Entry]:
    """The published reviews the analysis covers: all, unless site_config.yml's ``analysis`` limits them."""
    limits = site.site.analysis
    boards = set(limits.boards) if limits.boards else None  # an empty list limits nothing
    return [
        e for e in site.entries
        if (limits.from_year is None or e.published.year >= limits.from_year)
        and (limits.to_year is None or e.published.year <= limits.to_year)
        and (boards is None or e.board in boards)
    ]


def period(entries: Sequence[Entry]) -> tuple[date, date] | None:
    """The first and last publication dates among ``entries``, or None when there are none."""
    if not entries:
        return None
    dates = [e.published for e in entries]
    return min(dates), max(dates)


def theme_counts(entries: Iterable[Entry]) -> Counter[str]:
    """Reviews per theme slug (a theme listed twice in one briefing counts once)."""
    return Counter(slug for e in entries for slug in dict.fromkeys(e.briefing.themes))


def top_themes(counts: Counter[str] | dict[str, int], n: int = TOP) -> list[str]:
    """The ``n`` themes found in most reviews, ties broken by slug; themes never found are left out."""
    ranked = sorted((slug for slug, c in counts.items() if c > 0), key=lambda s: (-counts[s], s))
    return ranked[:n]


def regions(entries: Iterable[Entry], top: Sequence[str]) -> list[dict]:
    """Each non-empty subset of ``top`` with the reviews featuring exactly that subset of it.

    Reviews with none of the top themes belong to no region, so the counts sum to the reviews
    with at least one. Order: each theme alone, then pairs, then all three (top-three order).
    """
    exact = Counter(tuple(t for t in top if t in e.briefing.themes) for e in entries)
    return [
        {"themes": list(subset), "count": exact.get(subset, 0)}
        for size in range(1, len(top) + 1)
        for subset in combinations(top, size)
    ]


def by_year(entries: Sequence[Entry], top: Sequence[str]) -> list[dict]:
    """Reviews per publication year and the top themes' counts in it, every year of the span."""
    if not entries:
        return []
    years = [e.published.year for e in entries]
    rows = []
    for year in range(min(years), max(years) + 1):
        those = [e for e in entries if e.published.year == year]
        counts = theme_counts(those)
        rows.append({"year": year, "reviews": len(those), "themes": {slug: counts.get(slug, 0) for slug in top}})
    return rows


def analyse(site: Site) -> dict:
    """The whole analysis as plain data: the content of ``site/data/themes.json``."""
    entries = analysed(site)
    total = len(entries)
    counts = theme_counts(entries)
    themes = sorted(site.site.themes.items(), key=lambda kv: (-counts.get(kv[0], 0), kv[0]))
    top = top_themes(counts)
    all_top = sum(1 for e in entries if len(top) == TOP and all(t in e.briefing.themes for t in top))
    return {
        "as_of": site.as_of.isoformat(),
        "reviews": total,
        "themes": [
            {"slug": slug, "title": theme.title, "category": theme.category,
             "count": counts.get(slug, 0), "percent": percent(counts.get(slug, 0), total)}
            for slug, theme in themes
        ],
        "top_three": {
            "themes": top,
            "all_three": {"count": all_top, "percent": percent(all_top, total)},
            "regions": regions(entries, top),
        },
        "by_year": by_year(entries, top),
    }


def categories(site: Site) -> list[str]:
    """Theme categories in site_config.yml's order, as the Themes page lists them."""
    return list(dict.fromkeys(theme.category for theme in site.site.themes.values()))


def by_category(result: dict, order: Sequence[str] = ()) -> list[tuple[str, list[dict]]]:
    """The theme rows grouped by category, categories in ``order`` (the Themes page's; any
    other after them, the most frequent theme's first), within a category by count, then title."""
    groups: dict[str, list[dict]] = {category: [] for category in order}
    for row in result["themes"]:  # already most frequent first
        groups.setdefault(row["category"], []).append(row)
    return [(category, sorted(rows, key=lambda t: (-t["count"], t["title"].casefold())))
            for category, rows in groups.items() if rows]


def region_label(themes: Sequence[str], top: Sequence[str], titles: dict[str, str], language: Language = ENGLISH) -> str:
    """'Risk assessment only', 'A and B only', 'All three' (for a region's theme list)."""
    _ = language.gettext
    if len(top) == TOP and len(themes) == TOP:
        return _("All three")
    names = [titles.get(t, t) for t in themes]
    listed = _("%(first)s and %(last)s", first=", ".join(names[:-1]), last=names[-1]) if len(names) > 1 else names[0]
    return _("%(themes)s only", themes=listed)


def counted(count: int, noun: str) -> str:
    """'1 review', '27 reviews': a count and its noun, singular or plural ('review', 'theme')."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def text_report(result: dict, span: tuple[date, date] | None = None, order: Sequence[str] = ()) -> str:
    """The analysis as plain-text tables for the terminal (``briefings stats``).

    The same figures in the same order as the analysis page: reviews and the period they span
    (``span``, from ``period``), key findings, every theme by category, the top three's overlap,
    and each year's reviews with each top theme's count and share (``order``: the categories'
    order, as on the Themes page).
    """
    total = result["reviews"]
    lines = [f"Thematic analysis as of {result['as_of']}: {counted(total, 'review')}"]
    if not total:
        lines.append("No published reviews to analyse.")
        return "\n".join(lines) + "\n"
    if span:
        first, last = (d.isoformat() for d in span)
        lines.append(f"Published between {first} and {last}" if first != last else f"Published on {first}")
    titles = {t["slug"]: t["title"] for t in result["themes"]}
    top = result["top_three"]
    all3 = top["all_three"]
    lines += ["", "Key findings:"]
    lines += [f"  {t['title']}: {t['percent']}% of reviews ({t['count']} of {total})"
              for t in result["themes"] if t["slug"] in top["themes"]]
    if len(top["themes"]) == TOP:
        lines.append(f"All three: {counted(all3['count'], 'review')} ({all3['percent']}%)")
    lines.append(f"Percentages are of {'the 1 review' if total == 1 else f'all {total} reviews'}, rounded to the nearest whole percent.")
    groups = [(category, [(f"  {t['title']}", t["count"], _pc(t["count"], total)) for t in rows])
              for category, rows in by_category(result, order)]
    lines += ["", "Reviews featuring each theme, by category",
              *_table(("Theme", "Reviews", "% of reviews"), groups=groups)]
    if len(top["themes"]) == TOP:
        some = sum(r["count"] for r in top["regions"])
        lines += ["", "Reviews featuring exactly these of the top three themes",
                  *_table(("Themes", "Reviews", "% of reviews"),
                          [(region_label(r["themes"], top["themes"], titles), r["count"], _pc(r["count"], total)) for r in top["regions"]],
                          footer=[("At least one of the three", some, _pc(some, total)),
                                  ("None of the three", total - some, _pc(total - some, total))])]
    else:
        found = len(top["themes"])
        lines += ["", f"The overlap of the top three themes needs three different themes found in the reviews; so far {found} "
                      f"{'has' if found == 1 else 'have'} been found."]
    few = [y for y in result["by_year"] if 0 < y["reviews"] < FEW]
    lines += ["", "Reviews and top themes by year of publication",
              *_table(("Year", "Reviews", *(titles[s] for s in top["themes"])),
                      [(f"{y['year']}{'*' if y in few else ''}", y["reviews"],
                        *(_share(n, y["reviews"]) for n in y["themes"].values())) for y in result["by_year"]])]
    if few:
        lines.append(f"* fewer than {FEW} reviews that year: its shares are not a trend.")
    return "\n".join(lines) + "\n"


def _pc(count: int, total: int) -> str:
    return f"{percent(count, total)}%"


def _share(count: int, total: int) -> str:
    """'2 (67%)' as the page's by-year table shows a theme in a year; '-' for a year without reviews."""
    return f"{count} ({_pc(count, total)})" if total else "-"


#: A figure in a table cell: a count, '85%', '2 (67%)', or '-' for none.
_FIGURE = re.compile(r"\d+%?( \(\d+%\))?|-")


def _table(headers: Sequence[str], rows: Sequence[Sequence] = (), *, groups: Sequence[tuple[str, Sequence[Sequence]]] = (),
           footer: Sequence[Sequence] = ()) -> list[str]:
    """Columns padded to fit, figures right-aligned; ``groups`` puts each heading above its
    rows, ``footer`` rows follow a rule (like a table's tfoot)."""
    body = [*rows, *(row for _, grouped in groups for row in grouped)]
    cells = [[str(c) for c in row] for row in [headers, *body, *footer]]
    numeric = [all(_FIGURE.fullmatch(row[i]) for row in cells[1:]) for i in range(len(headers))]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    out = ["  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True)).rstrip()
           for row in cells]
    rule = "  ".join("-" * w for w in widths)
    lines = [out[0], rule, *out[1:1 + len(rows)]]
    at = 1 + len(rows)
    for heading, grouped in groups:
        lines += [heading, *out[at:at + len(grouped)]]
        at += len(grouped)
    return lines + ([rule, *out[at:]] if footer else [])
