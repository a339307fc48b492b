"""Archive, expiry banners, report links after expiry, embargoes, feeds and the sitemap.

One small board is built as of 14 March 2020 twice, once per ``publication.after_expiry`` mode:
"old-report" was published on 14 March 2019, so it is archived on exactly that day; "fresh" was
published a day later, so it is not. Held-back briefings carry a marker that must reach no file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.render.feeds import FEED_LIMIT
from tests.sitekit import BODY, SiteFolder, doc, text

AS_OF = "2020-03-14"
SECRET = "ZEBRAFINCH"  # in every held-back briefing; must appear in no output file
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://learning.testshire.example.org/"
EMAIL, PHONE = "learning@testshire.example.org", "01632 960 999"
OUTSIDE_REPORT = "https://reports.example.org/older.pdf?id=1&v=2"


def body_linking(report: str) -> str:
    return BODY + f"\n- The [overview report]({report}) for this review.\n"


def make_board(root: Path, after_expiry: str) -> SiteFolder:
    folder = SiteFolder(root)
    folder.config["publication"] = {"keep_months": 12, "after_expiry": after_expiry}
    folder.write_config()
    folder.write("briefings/reports/old.pdf", b"%PDF-1.4 old\n")
    folder.write("briefings/reports/fresh.pdf", b"%PDF-1.4 fresh\n")
    folder.add("old-report", body=body_linking("reports/old.pdf"),
               review={"published": "2019-03-14", "report": "reports/old.pdf"}, themes=["risk-assessment", "neglect"])
    folder.add("fresh", body=body_linking("reports/fresh.pdf#page=2"),
               review={"published": "2019-03-15", "report": "reports/fresh.pdf"}, themes=["risk-assessment"])
    folder.add("child-e", review={"published": "2019-04-01", "type": "CSPR"}, themes=["lived-experience"])
    folder.add("older", body=body_linking(OUTSIDE_REPORT),
               review={"published": "2018-05-01", "report": OUTSIDE_REPORT}, themes=["neglect"])
    secret = {"title": f"{SECRET} title", "summary": f"{SECRET} summary", "themes": ["domestic-abuse"]}
    folder.add("child-s", body=BODY + f"\n{SECRET} body\n",
               review={"published": "2019-06-01", "embargo_until": "2020-04-01", "name": f"{SECRET} S"}, **secret)
    folder.add("child-f", review={"published": "2020-05-01", "name": f"{SECRET} F"}, **secret)
    folder.add("child-d", draft=True, **secret)
    return folder


@pytest.fixture(scope="module")
def on_request(tmp_path_factory) -> SiteFolder:
    folder = make_board(tmp_path_factory.mktemp("on-request"), "on_request")
    folder.built(AS_OF)
    return folder


@pytest.fixture(scope="module")
def keep(tmp_path_factory) -> SiteFolder:
    folder = make_board(tmp_path_factory.mktemp("keep"), "keep")
    folder.built(AS_OF)
    return folder


def banner(folder: SiteFolder, slug: str, page=None):
    page = page if page is not None else doc(folder, f"briefings/{slug}/index.html")
    found = page.xpath("//*[@data-archive-banner]")
    assert len(found) == 1, "one banner per page"
    return found[0]


# --- banners -----------------------------------------------------------------------------------

def test_archived_briefing_shows_a_notification_banner_before_its_h1(on_request):
    page = doc(on_request, "briefings/old-report/index.html")
    b = banner(on_request, "old-report", page)
    assert b.get("hidden") is None
    assert b.get("role") == "region"
    title = page.get_element_by_id(b.get("aria-labelledby"))
    assert text(title) == "Archived review"
    assert title in b.iter()
    words = text(b)
    assert "available on request" in words
    assert EMAIL in words and PHONE in words
    assert b.xpath(".//time/@datetime") == ["2020-03-14", "2019-03-14"]  # archived on, published on
    assert b.xpath(f".//a[starts-with(@href, 'mailto:{EMAIL}')]")
    h1 = page.xpath("//h1")[0]
    ordered = [el for el in page.iter() if el is b or el is h1]
    assert ordered == [b, h1], "the banner comes before the h1"
    assert page.xpath("//*[@data-expires]/@data-expires") == ["2020-03-14"]


def test_not_yet_archived_briefing_carries_a_hidden_banner_and_its_expiry_date(on_request):
    b = banner(on_request, "fresh")
    assert b.get("hidden") is not None
    page = doc(on_request, "briefings/fresh/index.html")
    assert page.xpath("//*[@data-expires]/@data-expires") == ["2020-03-15"]
    assert page.xpath("//script[contains(@src, 'assets/expiry.js')]")


def test_keep_mode_banner_still_says_available_on_request(keep):
    b = banner(keep, "old-report")
    assert b.get("hidden") is None
    assert "available on request" in text(b)
    assert "still linked" in text(b)


def test_banner_is_one_line_with_the_contact_folded_away(on_request):
    b = banner(on_request, "old-report")
    heading = b.xpath(".//p[contains(@class, 'lb-notification-banner__heading')]")[0]
    assert text(heading) == "Archived on 14 March 2020: its full report is now available on request."
    details = b.xpath(".//details")[0]
    assert details.get("open") is None, "the detail starts folded"
    assert text(details.xpath("summary")[0]) == "How to ask for the report"
    assert EMAIL in text(details) and PHONE in text(details)
    assert "Reports stay on this website for 12 months" in text(details)
    assert "The learning in this briefing is still current." in text(details)


def test_banner_of_a_review_whose_report_was_never_published_here(tmp_path):
    folder = SiteFolder(tmp_path / "board")
    folder.add("no-report", review={"published": "2018-05-01"})
    folder.built(AS_OF)
    words = text(banner(folder, "no-report"))
    assert "Archived on 1 May 2019. This review’s report was not published on this website." in words
    assert "stay on this website" not in words and "12 months" not in words
    assert "available on request" not in words
    assert "How to ask about the review" in words and EMAIL in words


def test_briefings_json_carries_archived_and_expires(on_request):
    records = {r["slug"]: r for r in on_request.json("data/briefings.json")}
    assert set(records) == {"old-report", "fresh", "child-e", "older"}
    assert (records["old-report"]["archived"], records["old-report"]["expires"]) == (True, "2020-03-14")
    assert (records["fresh"]["archived"], records["fresh"]["expires"]) == (False, "2020-03-15")


# --- archive page ------------------------------------------------------------------------------

def archive_items(folder: SiteFolder, relative: str = "archive/index.html"):
    page = doc(folder, relative)
    return [
        (section.xpath("string(h2/@id)"), item.get("data-slug"), item.get("data-expires"),
         text(item.xpath(".//*[contains(@class, 'lb-archive-state')]")[0]))
        for section in page.xpath("//section[contains(@class, 'lb-archive-year')]")
        for item in section.xpath(".//li[contains(@class, 'lb-archive-item')]")
    ]


def test_archive_lists_every_published_review_by_year_newest_first_with_its_state(on_request):
    assert archive_items(on_request) == [
        ("year-2019", "child-e", "2020-04-01", "To be archived on 1 April 2020"),
        ("year-2019", "fresh", "2020-03-15", "Report on this website until 15 March 2020"),
        ("year-2019", "old-report", "2020-03-14", "Archived on 14 March 2020 — report available on request"),
        ("year-2018", "older", "2019-05-01", "Archived on 1 May 2019 — report available on request"),
    ]
    page = doc(on_request, "archive/index.html")
    item = page.xpath("//li[@data-slug='child-e']")[0]
    assert item.xpath(".//a/@href") == ["../briefings/child-e/"]
    assert "Child Safeguarding Practice Review" in text(item) and "Testshire Safeguarding Children Partnership" in text(item)
    assert "CSPR" not in text(item)
    assert item.xpath(".//time/@datetime") == ["2019-04-01"]
    states = page.xpath("//*[@data-archived-text]/@data-archived-text")
    assert states == ["Archived on 1 April 2020 — report not published here",
                      "Archived on 15 March 2020 — report available on request",
                      "Archived on 14 March 2020 — report available on request",
                      "Archived on 1 May 2019 — report available on request"]
    assert page.xpath("//script[contains(@src, 'assets/expiry.js')]")


def test_archive_is_in_the_navigation_and_filters_by_type_without_javascript(on_request):
    page = doc(on_request, "archive/index.html")
    assert "Archive" in [text(a) for a in page.xpath("//nav//a")]
    filters = {text(a): a.get("href") for a in page.xpath("//nav[@aria-labelledby='archive-filter-title']//a")}
    assert filters == {"All types": "../archive/", "Serious Case Review": "../archive/scr/",
                       "Child Safeguarding Practice Review": "../archive/cspr/"}
    assert [slug for _, slug, _, _ in archive_items(on_request, "archive/cspr/index.html")] == ["child-e"]
    assert [slug for _, slug, _, _ in archive_items(on_request, "archive/scr/index.html")] == ["fresh", "old-report", "older"]
    cspr = doc(on_request, "archive/cspr/index.html")
    assert cspr.xpath("//a[@aria-current='page']/@href") == ["../../archive/cspr/"]


def test_archived_only_and_current_only_views_need_no_javascript(on_request):
    page = doc(on_request, "archive/index.html")
    views = {text(a): a.get("href") for a in page.xpath("//nav[@aria-labelledby='archive-state-title']//a")}
    assert views == {"All reviews": "../archive/", "Current only": "../archive/current/",
                     "Archived only": "../archive/archived/"}
    current = doc(on_request, "archive/current/index.html")
    assert [slug for _, slug, _, _ in archive_items(on_request, "archive/current/index.html")] == ["child-e", "fresh"]
    assert current.xpath("//a[@aria-current='page']/@href") == ["../../archive/current/"]
    archived = doc(on_request, "archive/archived/index.html")
    shown = [li.get("data-slug") for li in archived.xpath("//li[@data-slug][not(@hidden)]")]
    assert shown == ["old-report", "older"]
    # Not yet archived at the build: in the page, hidden, for expiry.js to show on its date.
    waiting = archived.xpath("//li[@data-slug][@hidden]")
    assert {li.get("data-slug") for li in waiting} == {"child-e", "fresh"}
    assert {li.get("data-archive-view") for li in waiting} == {"archived"}
    assert archived.xpath("//script[contains(@src, 'assets/expiry.js')]")


def test_keep_mode_archive_states(keep):
    assert [state for *_, state in archive_items(keep)] == [
        "To be archived on 1 April 2020", "To be archived on 15 March 2020",
        "Archived on 14 March 2020 — report still on this website", "Archived on 1 May 2019 — report still on this website",
    ]


# --- report links after expiry -----------------------------------------------------------------

def hrefs(folder: SiteFolder, slug: str) -> list[str]:
    return doc(folder, f"briefings/{slug}/index.html").xpath("//a/@href")


def test_on_request_report_is_not_copied_and_every_link_becomes_the_request_contact(on_request):
    links = hrefs(on_request, "old-report")
    assert not [h for h in links if "old.pdf" in h]
    assert not (on_request.site / "files/reports/old.pdf").exists()
    request = f"mailto:{EMAIL}?subject=Report%20request%3A%20Old%20Report"
    assert links.count(request) >= 4  # banner, report fact, body link, further information
    page = doc(on_request, "briefings/old-report/index.html")
    body_link = page.xpath("//a[text()='overview report']")[0]
    assert body_link.get("href") == request
    assert "overview report (available on request)" in text(body_link.getparent())
    # An outside report URL is withdrawn the same way.
    assert not any("reports.example.org" in h for h in hrefs(on_request, "older"))
    everything = b"".join(p.read_bytes() for p in on_request.output_files())
    assert b"old.pdf" not in everything and b"reports.example.org" not in everything


def test_on_request_leaves_a_current_report_linked(on_request):
    links = hrefs(on_request, "fresh")
    assert "../../files/reports/fresh.pdf" in links
    assert "../../files/reports/fresh.pdf#page=2" in links
    assert (on_request.site / "files/reports/fresh.pdf").read_bytes() == b"%PDF-1.4 fresh\n"


def test_keep_mode_keeps_the_archived_report_linked(keep):
    links = hrefs(keep, "old-report")
    assert links.count("../../files/reports/old.pdf") >= 2  # report fact and body link
    assert (keep.site / "files/reports/old.pdf").exists()
    assert OUTSIDE_REPORT in hrefs(keep, "older")


# --- nothing held back reaches any file --------------------------------------------------------

def test_held_back_briefings_reach_no_output_file(on_request, keep):
    for folder in (on_request, keep):
        for path in folder.output_files():
            data = path.read_bytes()
            assert SECRET.encode() not in data, path
            for slug in (b"child-s", b"child-f", b"child-d"):
                assert slug not in data, path
        assert not (folder.site / "themes/domestic-abuse/feed.xml").exists()


def test_build_summary_counts_held_back_briefings_without_naming_them(tmp_path):
    folder = make_board(tmp_path / "board", "on_request")
    run = folder.build(AS_OF)
    assert run.code == 0, run.err
    assert "1 embargoed, held back until 2020-04-01" in run.out
    assert "1 scheduled for later publication, held back until 2020-05-01" in run.out
    assert SECRET not in run.out + run.err and "child-s" not in run.out


def test_check_prints_archiving_and_embargoes_in_the_next_30_days(on_request):
    run = on_request.check("2020-03-10")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    start = lines.index("In the next 30 days (to 2020-04-09):")
    assert lines[start + 1:] == [
        "  archived from 2020-03-14: old-report (Old Report: learning from the review)",
        "  archived from 2020-03-15: fresh (Fresh: learning from the review)",
        "  archived from 2020-04-01: child-e (Child E: learning from the review)",
        "  published on 2020-04-01: briefings/child-s.md (embargoed until then)",
    ]
    # Which embargo lifts is named by its file only: nothing of its content, and nothing of the
    # briefings still held back after the 30 days.
    assert SECRET not in run.out and "child-f" not in run.out
    later = on_request.check("2020-06-01")
    assert later.out.splitlines()[-1] == "  no briefing will be archived and no embargo lifts"


# --- feeds ---------------------------------------------------------------------------------------

def feed(folder: SiteFolder, relative: str) -> ET.Element:
    return ET.parse(folder.site / relative).getroot()


def entry_ids(root: ET.Element) -> list[str]:
    return [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")]


def test_site_feed_lists_every_published_briefing_newest_first(on_request):
    root = feed(on_request, "feed.xml")
    assert root.tag == f"{ATOM}feed"
    assert entry_ids(root) == [BASE + f"briefings/{s}/" for s in ("child-e", "fresh", "old-report", "older")]
    assert root.findtext(f"{ATOM}updated") == "2019-04-01T00:00:00+00:00"  # newest briefing, not the clock
    self_link = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link == [BASE + "feed.xml"]
    first = root.find(f"{ATOM}entry")
    assert first.findtext(f"{ATOM}title") == "Child E: learning from the review"
    assert first.findtext(f"{ATOM}summary") == "What the Child E review taught us."
    assert first.findtext(f"{ATOM}published") == "2019-04-01T00:00:00+00:00"
    assert first.find(f"{ATOM}link").get("href") == BASE + "briefings/child-e/"
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == ["lived-experience"]


def test_a_lifted_embargo_reads_as_new_in_the_feed(tmp_path):
    """A review published long ago but embargoed until recently first appears on the site at the
    embargo's end: the feed puts it on top, dated then, even past the 50-entry limit."""
    folder = SiteFolder(tmp_path / "board")
    for n in range(FEED_LIMIT):
        folder.add(f"child-{n:02d}", review={"published": f"2019-{1 + n % 12:02d}-{1 + n // 12:02d}"})
    folder.add("child-late", review={"published": "2015-06-01", "embargo_until": "2020-02-01"})
    folder.built("2020-03-01")
    root = feed(folder, "feed.xml")
    assert entry_ids(root)[0] == BASE + "briefings/child-late/" and len(entry_ids(root)) == FEED_LIMIT
    first = root.find(f"{ATOM}entry")
    assert first.findtext(f"{ATOM}published") == "2020-02-01T00:00:00+00:00"
    assert root.findtext(f"{ATOM}updated") == "2020-02-01T00:00:00+00:00"


def test_theme_feeds_hold_only_that_themes_briefings(on_request):
    assert entry_ids(feed(on_request, "themes/risk-assessment/feed.xml")) == [
        BASE + "briefings/fresh/", BASE + "briefings/old-report/"]
    assert entry_ids(feed(on_request, "themes/neglect/feed.xml")) == [
        BASE + "briefings/old-report/", BASE + "briefings/older/"]
    assert entry_ids(feed(on_request, "themes/lived-experience/feed.xml")) == [BASE + "briefings/child-e/"]
    themed = sorted(p.parent.name for p in (on_request.site / "themes").glob("*/feed.xml"))
    assert themed == ["lived-experience", "neglect", "risk-assessment"]


def test_feeds_are_the_same_bytes_from_the_same_content(on_request, keep):
    # Two builds at different times (and with a setting feeds do not show) give identical feeds.
    for relative in ("feed.xml", "themes/neglect/feed.xml"):
        assert (on_request.site / relative).read_bytes() == (keep.site / relative).read_bytes()


def test_home_page_links_the_feed_in_its_head(on_request):
    page = doc(on_request, "index.html")
    links = page.xpath("//head/link[@rel='alternate'][@type='application/atom+xml']/@href")
    assert links == ["feed.xml"]
    assert doc(on_request, "archive/index.html").xpath("//head/link[@rel='alternate']/@href") == ["../feed.xml"]


# --- sitemap -------------------------------------------------------------------------------------

def test_sitemap_lists_only_published_pages(on_request):
    locs = [el.text for el in ET.parse(on_request.site / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    briefings = sorted(loc[len(BASE + "briefings/"):].strip("/") for loc in locs if loc.startswith(BASE + "briefings/"))
    assert briefings == ["child-e", "fresh", "old-report", "older"]
    assert BASE + "archive/" in locs
    for loc in locs:
        assert loc.startswith(BASE)
        assert (on_request.site / loc[len(BASE):] / "index.html").is_file(), loc


def test_feeds_carry_only_the_newest_entries(tmp_path, monkeypatch):
    from generator.render import feeds

    monkeypatch.setattr(feeds, "FEED_LIMIT", 2)
    folder = SiteFolder(tmp_path / "board")
    for n, day in enumerate(("2025-01-01", "2025-02-01", "2025-03-01")):
        folder.add(f"child-{n}", review={"published": day})
    folder.built("2025-06-01")
    assert entry_ids(feed(folder, "feed.xml")) == [BASE + "briefings/child-2/", BASE + "briefings/child-1/"]
    assert len(entry_ids(feed(folder, "themes/risk-assessment/feed.xml"))) == 2
