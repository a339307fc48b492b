"""The recommendations tracker (site/recommendations/) and site/data/recommendations.csv.

Every recommendation of every published briefing, with counts by status and by agency.
Overdue means due before the as-of date and not complete: a pure function of the date.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from generator.derive.site import Entry, Site
from generator.i18n.language import ENGLISH, N_, Language
from generator.model.frontmatter import Recommendation
from generator.render.renderer import OutputFile, Renderer

STATUSES = {"open": N_("Open"), "in-progress": N_("In progress"), "complete": N_("Complete")}
NOT_STATED = N_("No owner")  # no agency named: flagged, and filtered on, as an owner of its own
#: The spreadsheet's column names (translated in each language's copy, like its yes/no).
CSV_COLUMNS = (N_("review"), N_("review_type"), N_("board"), N_("published"), N_("briefing_url"), N_("recommendation"),
               N_("agency"), N_("due"), N_("status"), N_("overdue"))


@dataclass(frozen=True)
class Row:
    entry: Entry
    number: int  # the recommendation's place in its briefing, from 1
    rec: Recommendation
    overdue: bool

    @property
    def agency(self) -> str:
        return self.rec.agency or NOT_STATED

    @property
    def no_owner(self) -> bool:
        return not self.rec.agency

    @property
    def no_date(self) -> bool:
        return self.rec.due is None


def is_overdue(rec: Recommendation, as_of: date) -> bool:
    return rec.due is not None and rec.due < as_of and rec.status != "complete"


def rows(site: Site) -> list[Row]:
    """Every recommendation, soonest due first (none due last), then by review and position."""
    found = [Row(e, n, rec, is_overdue(rec, site.as_of))
             for e in site.entries for n, rec in enumerate(e.briefing.recommendations, start=1)]
    return sorted(found, key=lambda r: (r.rec.due is None, r.rec.due or date.max, r.entry.briefing.review.name.casefold(), r.number))


def by_status(found: list[Row]) -> list[dict]:
    counts = Counter(r.rec.status for r in found)
    return [{"status": s, "label": label, "count": counts.get(s, 0)} for s, label in STATUSES.items()]


def by_agency(found: list[Row]) -> list[dict]:
    """Per agency: total, each status, overdue; agencies A to Z with 'No owner' last."""
    table: dict[str, dict] = {}
    for r in found:
        row = table.setdefault(r.agency, {"agency": r.agency, "total": 0, "overdue": 0, **dict.fromkeys(STATUSES, 0)})
        row["total"] += 1
        row[r.rec.status] += 1
        row["overdue"] += r.overdue
    return sorted(table.values(), key=lambda a: (a["agency"] == NOT_STATED, a["agency"].casefold()))


def _cell(value: str) -> str:
    """Keep a spreadsheet from running text as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(site: Site, found: list[Row], language: Language = ENGLISH) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows names with accents and apostrophes correctly."""
    _ = language.gettext
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_(column) for column in CSV_COLUMNS])
    for r in found:
        review = r.entry.briefing.review
        writer.writerow([_cell(v) for v in (
            review.name, review.type, r.entry.board, r.entry.published.isoformat(),
            site.site.site_url + r.entry.url, r.rec.text, r.rec.agency or "",
            r.rec.due.isoformat() if r.rec.due else "", r.rec.status, _("yes") if r.overdue else _("no"),
        )])
    return out.getvalue().encode("utf-8-sig")


def build(site: Site, r: Renderer):
    _ = r.language.gettext
    # front matter only (see without_bodies): kept when a body is edited; overdue is as of the date
    memo = (site.listing_key(site.entries), site.as_of)
    site = replace(site, entries=tuple(site.listed.values()))
    found = rows(site)
    yield r.page(
        "recommendations/index.md", "recommendations.html", _("Recommendations tracker"),
        description=_("Every recommendation from the published case reviews, with its agency, due date and status."),
        nav_title=_("Recommendations"), nav_order=50,
        rows=found, statuses=by_status(found), agencies=by_agency(found), status_labels={key: _(label) for key, label in STATUSES.items()},
        overdue=sum(row.overdue for row in found), reviews=len({row.entry.slug for row in found}),
        no_owner=sum(row.no_owner for row in found), no_date=sum(row.no_date for row in found), no_owner_key=NOT_STATED,
        memo=memo,
    )
    yield OutputFile("data/recommendations.csv", to_csv(site, found, r.language))
