"""The thematic analysis: how often each theme occurs across the published reviews.

Pure functions of the derived Site (and so of content + as-of date): no I/O, no clock.
``analyse`` returns exactly what ``site/data/themes.json`` holds and ``briefings stats --json``
prints; the analysis page and the terminal table are drawn from the same value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import combinations

from generator.derive import Entry, Site

TOP = 3


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


def by_category(result: dict) -> list[tuple[str, list[dict]]]:
    """The theme rows grouped by category: the category of the most frequent theme first, and
    within a category by count, then title."""
    groups: dict[str, list[dict]] = {}
    for row in result["themes"]:  # already most frequent first
        groups.setdefault(row["category"], []).append(row)
    return [(category, sorted(rows, key=lambda t: (-t["count"], t["title"].casefold()))) for category, rows in groups.items()]


def region_label(themes: Sequence[str], top: Sequence[str], titles: dict[str, str]) -> str:
    """'Risk assessment only', 'A and B only', 'All three' (for a region's theme list)."""
    if len(top) == TOP and len(themes) == TOP:
        return "All three"
    names = [titles.get(t, t) for t in themes]
    return (" and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]) + " only"


def text_report(result: dict) -> str:
    """The analysis as plain-text tables for the terminal (``briefings stats``)."""
    total = result["reviews"]
    lines = [f"Thematic analysis as of {result['as_of']}: {total} review{'s' if total != 1 else ''}"]
    if not total:
        lines.append("No published reviews to analyse.")
        return "\n".join(lines) + "\n"
    titles = {t["slug"]: t["title"] for t in result["themes"]}
    lines += ["", *_table(("Theme", "Category", "Reviews", "%"),
                          [(t["title"], t["category"], t["count"], t["percent"]) for t in result["themes"]])]
    top = result["top_three"]
    lines += ["", "Top themes: " + "; ".join(titles[s] for s in top["themes"])]
    if len(top["themes"]) == TOP:
        lines.append(f"All three: {top['all_three']['count']} reviews ({top['all_three']['percent']}%)")
    lines += ["", *_table(("Reviews featuring exactly", "Reviews"),
                          [(region_label(r["themes"], top["themes"], titles), r["count"]) for r in top["regions"]])]
    lines += ["", *_table(("Year", "Reviews", *top["themes"]),
                          [(y["year"], y["reviews"], *y["themes"].values()) for y in result["by_year"]])]
    return "\n".join(lines) + "\n"


def _table(headers: Sequence[str], rows: Sequence[Sequence]) -> list[str]:
    """Columns padded to fit; numbers right-aligned."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    numeric = [all(isinstance(row[i], int) for row in rows) for i in range(len(headers))]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    out = []
    for row in cells:
        out.append("  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True)).rstrip())
    out.insert(1, "  ".join("-" * w for w in widths))
    return out
