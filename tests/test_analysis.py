"""Thematic analysis, themes.json, `briefings stats` and the recommendations tracker.

The main fixture rebuilds the Cambridgeshire and Peterborough thematic review (2020): 27
reviews from two boards, 2006-2019; risk assessment in 23 (85%), the child's lived experience
in 17 (63%), professional curiosity in 17 (63%), all three in 11 (41%). Two more published
briefings fall outside the configured ``analysis`` limits (another board; a later year), so the
figures only come out right when those limits are applied.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import expect

from generator.derive.analysis import percent, top_themes
from tests.browserkit import axe_violations, guard_outside_requests, serve
from tests.sitekit import BASE_CONFIG, SiteFolder, cli

AS_OF = "2020-03-31"
PBORO = "Peterborough Safeguarding Children Board"
CAMBS = "Cambridgeshire Safeguarding Children Board"
R, L, P = "risk-assessment", "lived-experience", "professional-curiosity"

#: (top themes a review features, how many reviews) — the seven Venn regions plus "none".
REGIONS = [((R,), 4), ((L,), 1), ((P,), 1), ((R, L), 4), ((R, P), 4), ((L, P), 1), ((R, L, P), 11), ((), 1)]

RECOMMENDATIONS = {  # review number -> its recommendations (everything else has none)
    1: [{"text": "Reissue the pre-birth guidance.", "agency": "Children's social care", "due": "2020-01-31", "status": "open"}],
    2: [{"text": "Audit supervision records.", "agency": "Children's social care", "due": "2020-03-31", "status": "open"}],
    3: [{"text": "Train GPs on safe sleeping.", "agency": "Health", "due": "2019-06-30", "status": "complete"}],
    4: [{"text": "Review the domestic abuse pathway.", "agency": "Police", "due": "2019-09-30", "status": "in-progress"},
        "=SUM(A1) is how the audit tool adds scores; check it.",
        {"text": "Publish a practice guide.", "agency": "Health", "due": "2021-01-01", "status": "in-progress"}],
}


def fixture_reviews() -> list[dict]:
    """The 27 reviews: slug, year, board and themes, deterministic."""
    reviews, n = [], 0
    for top, count in REGIONS:
        for _ in range(count):
            n += 1
            extra = []
            if n % 3 == 0:
                extra.append("information-sharing")
            if n % 3 == 1 and n < 27:
                extra.append("domestic-abuse")
            if n % 5 == 0 or not top:
                extra.append("neglect")
            reviews.append({"n": n, "slug": f"review-{n:02d}", "year": 2006 + (n - 1) % 14,
                            "board": PBORO if n % 2 else CAMBS, "themes": [*top, *extra]})
    return reviews


def add_review(folder: SiteFolder, slug: str, year: int, board: str, themes: list[str], recommendations=(), month: int = 5,
               **extra) -> None:
    folder.add(slug, review={"board": board, "published": f"{year}-{month:02d}-{10 + len(slug) % 15:02d}"},
               themes=themes, recommendations=list(recommendations), **extra)


@pytest.fixture(scope="module")
def cambs(tmp_path_factory) -> SiteFolder:
    config = {**BASE_CONFIG, "analysis": {"from_year": 2006, "to_year": 2019, "boards": [PBORO, CAMBS]}}
    folder = SiteFolder(tmp_path_factory.mktemp("cambs") / "board", config)
    for r in fixture_reviews():
        add_review(folder, r["slug"], r["year"], r["board"], r["themes"], RECOMMENDATIONS.get(r["n"], ()))
    # Published, but outside the analysis: another board, and a year after to_year.
    add_review(folder, "norfolk-review", 2012, "Norfolk Safeguarding Children Board", [R, L, P],
               [{"text": "Share the learning with Norfolk schools.", "agency": "Education", "due": "2019-12-31"}])
    add_review(folder, "review-2020", 2020, CAMBS, [R], month=1)
    add_review(folder, "draft-review", 2015, CAMBS, [R, L, P], draft=True)
    folder.built(AS_OF)
    return folder


@pytest.fixture(scope="module")
def empty(tmp_path_factory) -> SiteFolder:
    folder = SiteFolder(tmp_path_factory.mktemp("empty") / "board")
    add_review(folder, "only-a-draft", 2019, PBORO, [R], draft=True)
    folder.built(AS_OF)
    return folder


# --- pure functions -------------------------------------------------------------------------

@pytest.mark.parametrize(("count", "total", "expected"), [
    (23, 27, 85), (17, 27, 63), (11, 27, 41), (1, 8, 13), (1, 200, 1), (27, 27, 100), (0, 27, 0), (0, 0, 0), (5, 0, 0),
])
def test_percent_rounds_half_up_and_never_divides_by_zero(count, total, expected):
    assert percent(count, total) == expected


def test_top_themes_break_ties_by_slug_and_skip_unused_themes():
    assert top_themes(Counter({"neglect": 5, "domestic-abuse": 5, "risk-assessment": 5, "grooming": 5})) == [
        "domestic-abuse", "grooming", "neglect"]
    assert top_themes(Counter({"b": 2, "a": 1, "c": 2, "z": 0})) == ["b", "c", "a"]
    assert top_themes(Counter({"a": 1, "b": 0})) == ["a"]


# --- themes.json ----------------------------------------------------------------------------

def test_themes_json_reproduces_the_cambridgeshire_and_peterborough_figures(cambs):
    data = cambs.json("data/themes.json")
    assert list(data) == ["as_of", "reviews", "themes", "top_three", "by_year"]
    assert data["as_of"] == AS_OF
    assert data["reviews"] == 27
    themes = {t["slug"]: t for t in data["themes"]}
    assert {k: (t["count"], t["percent"]) for k, t in themes.items()} == {
        R: (23, 85), L: (17, 63), P: (17, 63), "domestic-abuse": (9, 33), "information-sharing": (9, 33), "neglect": (6, 22)}
    assert themes[R] == {"slug": R, "title": "Risk assessment", "category": "Professional practice", "count": 23, "percent": 85}
    # Most frequent first; equal counts in slug order.
    assert [t["slug"] for t in data["themes"]] == [R, L, P, "domestic-abuse", "information-sharing", "neglect"]
    top = data["top_three"]
    assert list(top) == ["themes", "all_three", "regions"]
    assert top["themes"] == [R, L, P]  # L and P tie on 17: lived-experience sorts first
    assert top["all_three"] == {"count": 11, "percent": 41}


def test_venn_regions_are_exact_subsets_and_sum_to_reviews_with_any_top_theme(cambs):
    data = cambs.json("data/themes.json")
    regions = data["top_three"]["regions"]
    assert regions == [{"themes": list(themes), "count": count} for themes, count in REGIONS if themes]
    assert all(list(r) == ["themes", "count"] for r in regions)
    with_any = sum(1 for r in fixture_reviews() if set(r["themes"]) & {R, L, P})
    assert sum(r["count"] for r in regions) == with_any == 26
    assert regions[-1] == {"themes": [R, L, P], "count": data["top_three"]["all_three"]["count"]}


def test_by_year_counts_every_year_of_the_span_and_the_top_themes(cambs):
    by_year = cambs.json("data/themes.json")["by_year"]
    reviews = fixture_reviews()
    assert [y["year"] for y in by_year] == list(range(2006, 2020))
    for row in by_year:
        those = [r for r in reviews if r["year"] == row["year"]]
        assert list(row) == ["year", "reviews", "themes"]
        assert row["reviews"] == len(those)
        assert row["themes"] == {t: sum(t in r["themes"] for r in those) for t in (R, L, P)}
    assert sum(y["reviews"] for y in by_year) == 27


def test_analysis_limits_leave_out_other_boards_and_years_but_nothing_else(cambs):
    published = {b["slug"] for b in cambs.json("data/briefings.json")}
    assert {"norfolk-review", "review-2020"} <= published and "draft-review" not in published
    assert len(published) == 29
    page = cambs.html("analysis/index.html")
    assert f"published from 2006 to 2019 by {PBORO} and {CAMBS}, as set" in page


# --- the analysis page ----------------------------------------------------------------------

def _row(page: str, attr: str) -> list[str]:
    match = re.search(rf'<tr {attr}>(.*?)</tr>', page, re.S)
    assert match, attr
    return re.findall(r'<td class="lb-num">([^<]*)</td>', match.group(1))


def test_analysis_page_states_the_findings_with_tables(cambs):
    page = cambs.html("analysis/index.html")
    assert "<h1>Thematic analysis</h1>" in page
    assert "<dt>Reviews analysed</dt><dd>27</dd>" in page
    assert "11 reviews (41%) featured all three." in page
    assert "Risk assessment: <strong>85%</strong> of reviews (23 of 27)." in page
    assert "The lived experience of the child: <strong>63%</strong> of reviews (17 of 27)." in page
    assert _row(page, 'data-theme="risk-assessment"') == ["23", "85%"]
    assert _row(page, 'data-theme="neglect"') == ["6", "22%"]
    # Grouped by category: one row group each, the most frequent theme's category first.
    groups = re.findall(r'<th scope="rowgroup" colspan="3">([^<]*)</th>', page)
    assert groups == ["Professional practice", "Child factors", "Parental factors", "Family and environment"]
    overlap = page[page.index('id="overlap-table"'):]
    assert re.search(r"<th scope=\"row\">All three</th><td class=\"lb-num\">11</td><td class=\"lb-num\">41%</td>", overlap)
    assert re.search(r"None of the three</th><td class=\"lb-num\">1</td>", overlap)
    years = page[page.index('id="years-table"'):]
    assert "<th scope=\"row\">2019* <span class=\"lb-few\">(fewer than 3 reviews: not a trend)</span></th>" in years
    assert 'href="../data/themes.json"' in page


def test_charts_are_inline_svg_images_with_text_alternatives(cambs):
    page = cambs.html("analysis/index.html")
    svgs = re.findall(r"<svg [^>]*class=\"lb-chart-svg[^\"]*\"[^>]*>.*?</svg>", page, re.S)
    assert len(svgs) == 3
    for svg in svgs:
        chart_id = re.search(r'id="([^"]+)"', svg).group(1)
        assert 'role="img"' in svg
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
        assert re.search(rf'<title id="{chart_id}-title">[^<]+</title>', svg)
        assert re.search(rf'<desc id="{chart_id}-desc">[^<]+</desc>', svg)
        assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # nothing fetched
    bar, venn, years = svgs
    assert ">23 (85%)</text>" in bar and ">Risk assessment</text>" in bar
    # Seven region counts, readable without colour: each circle has its own pattern and outline.
    counts = re.findall(r'font-size="24"[^>]*>(\d+)</text>', venn)
    assert counts == [str(c) for themes, c in REGIONS if themes]
    circles = re.findall(r"<circle [^>]*stroke-width=\"3\"[^>]*/>", venn)
    assert len(circles) == 3
    assert len({(re.search(r'stroke-dasharray="([^"]+)"', c) or re.search("", c)).group(0) for c in circles}) == 3
    hatches = re.findall(r'<path class="lb-chart-hatch" d="([^"]+)" clip-path="url\(#chart-venn-clip\d\)"', venn)
    assert len(hatches) == 3 and hatches[0].count("L") > 20 and hatches[2].count("h0") > 100  # lines, lines, dots
    assert "featured all three" in venn
    assert ">2006*</text>" in years and ">All reviews</text>" in years


def test_navigation_lists_analysis_then_recommendations(cambs):
    page = cambs.html("index.html")
    tabs = re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*</a>', page)
    assert "Analysis" in tabs and "Recommendations" in tabs
    assert tabs.index("Analysis") + 1 == tabs.index("Recommendations")


def test_empty_site_builds_with_a_message_and_no_division_by_zero(empty):
    data = empty.json("data/themes.json")
    assert data["reviews"] == 0
    assert all(t["count"] == 0 and t["percent"] == 0 for t in data["themes"])
    assert data["top_three"] == {"themes": [], "all_three": {"count": 0, "percent": 0}, "regions": []}
    assert data["by_year"] == []
    page = empty.html("analysis/index.html")
    assert "There are no published reviews to analyse yet." in page
    assert "lb-chart-svg" not in page
    recs = empty.html("recommendations/index.html")
    assert "No recommendations are recorded in the published briefings yet." in recs
    assert (empty.site / "data/recommendations.csv").read_text(encoding="utf-8-sig").strip() == (
        "review,review_type,board,published,briefing_url,recommendation,agency,due,status,overdue")


# --- briefings stats ------------------------------------------------------------------------

def test_stats_prints_a_table_and_json_equal_to_themes_json(cambs):
    run = cli("--config", cambs.config_path, "stats", "--as-of", AS_OF)
    assert run.code == 0, run.err
    # The analysis limits apply to the period too: not the Norfolk review, nor the one of 2020.
    assert run.out.startswith(f"Thematic analysis as of {AS_OF}: 27 reviews\nPublished between 2006-05-19 and 2019-05-19\n")
    assert re.search(r"^  Risk assessment +23 +85%$", run.out, re.M)
    assert re.search(r"^  The lived experience of the child +17 +63%$", run.out, re.M)
    assert re.findall(r"^[A-Z][a-z]+ (?:practice|factors|and environment)$", run.out, re.M) == [
        "Professional practice", "Child factors", "Parental factors", "Family and environment"]
    assert "All three: 11 reviews (41%)" in run.out
    assert re.search(r"^All three +11 +41%$", run.out, re.M)
    assert re.search(r"^2019\* +1 +1 \(100%\) +0 \(0%\) +1 \(100%\)$", run.out, re.M)  # review-14: risk, curiosity
    as_json = cli("--config", cambs.config_path, "stats", "--as-of", AS_OF, "--json")
    assert as_json.code == 0, as_json.err
    assert as_json.out == (cambs.site / "data/themes.json").read_text(encoding="utf-8")
    assert json.loads(as_json.out)["reviews"] == 27


#: Ten reviews over 2018-2020 (none in 2019): one features all three top themes, and a theme
#: in 1 of 2020's 8 reviews is 12.5%, which rounds half up to 13%.
TEN = [("2018-03-14", [R, L, P]), ("2018-09-01", [R]), ("2020-01-10", [R, L]), ("2020-02-10", [R]), ("2020-03-10", [R]),
       ("2020-04-10", [R, P]), ("2020-05-10", [L]), ("2020-06-10", ["neglect"]), ("2020-07-10", ["domestic-abuse"]),
       ("2020-11-02", ["information-sharing"])]

TEN_REPORT = """\
Thematic analysis as of 2021-01-01: 10 reviews
Published between 2018-03-14 and 2020-11-02

Key findings:
  Risk assessment: 60% of reviews (6 of 10)
  The lived experience of the child: 30% of reviews (3 of 10)
  Professional curiosity: 20% of reviews (2 of 10)
All three: 1 review (10%)
Percentages are of all 10 reviews, rounded to the nearest whole percent.

Reviews featuring each theme, by category
Theme                                Reviews  % of reviews
-----------------------------------  -------  ------------
Professional practice
  Risk assessment                          6           60%
  Professional curiosity                   2           20%
  Information sharing                      1           10%
Child factors
  The lived experience of the child        3           30%
Parental factors
  Domestic abuse                           1           10%
Family and environment
  Neglect                                  1           10%

Reviews featuring exactly these of the top three themes
Themes                                                             Reviews  % of reviews
-----------------------------------------------------------------  -------  ------------
Risk assessment only                                                     3           30%
The lived experience of the child only                                   1           10%
Professional curiosity only                                              0            0%
Risk assessment and The lived experience of the child only               1           10%
Risk assessment and Professional curiosity only                          1           10%
The lived experience of the child and Professional curiosity only        0            0%
All three                                                                1           10%
-----------------------------------------------------------------  -------  ------------
At least one of the three                                                7           70%
None of the three                                                        3           30%

Reviews and top themes by year of publication
Year   Reviews  Risk assessment  The lived experience of the child  Professional curiosity
-----  -------  ---------------  ---------------------------------  ----------------------
2018*        2         2 (100%)                            1 (50%)                 1 (50%)
2019         0                -                                  -                       -
2020         8          4 (50%)                            2 (25%)                 1 (13%)
* fewer than 3 reviews that year: its shares are not a trend.
"""


@pytest.fixture(scope="module")
def ten(tmp_path_factory) -> SiteFolder:
    folder = SiteFolder(tmp_path_factory.mktemp("ten") / "board")
    for n, (published, themes) in enumerate(TEN, 1):
        folder.add(f"review-{n:02d}", review={"published": published}, themes=themes)
    folder.built("2021-01-01")
    return folder


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> SiteFolder:
    folder = SiteFolder(tmp_path_factory.mktemp("single") / "board")
    folder.add("only-review", review={"published": "2019-05-10"}, themes=[R, L])
    folder.built("2021-01-01")
    return folder


def _descs(folder: SiteFolder) -> dict[str, str]:
    page = folder.html("analysis/index.html")
    return {m[0]: html.unescape(m[1]) for m in re.findall(r'<desc id="chart-(\w+)-desc">([^<]*)</desc>', page)}


def test_stats_prints_what_the_page_shows_in_its_order(ten):
    """Period, key findings, themes grouped by category, overlap with shares, and each top
    theme's share per year: the page's figures, rounded as the page rounds them."""
    run = cli("--config", ten.config_path, "stats", "--as-of", "2021-01-01")
    assert run.code == 0, run.err
    assert run.out == TEN_REPORT
    page = ten.html("analysis/index.html")
    assert re.findall(r'<th scope="rowgroup" colspan="3">([^<]*)</th>', page) == [
        "Professional practice", "Child factors", "Parental factors", "Family and environment"]
    years = page[page.index('id="years-table"'):]
    assert '<th scope="row">2020</th><td class="lb-num">8</td><td class="lb-num">4 (50%)</td>' in years
    assert '<td class="lb-num">1 (13%)</td></tr>' in years
    assert '<time datetime="2018-03-14">14 March 2018</time> and <time datetime="2020-11-02">2 November 2020</time>' in page


def test_one_review_is_counted_in_the_singular(ten, single):
    assert "<strong>1 review (10%) featured all three.</strong>" in ten.html("analysis/index.html")
    assert _descs(ten)["venn"].endswith(". 1 review (10%) featured all three.")
    assert "Professional curiosity: 2 reviews (20%)" in _descs(ten)["themes"]

    run = cli("--config", single.config_path, "stats", "--as-of", "2021-01-01")
    assert run.code == 0, run.err
    assert run.out.startswith("Thematic analysis as of 2021-01-01: 1 review\nPublished on 2019-05-10\n")
    assert "Percentages are of the 1 review, rounded to the nearest whole percent." in run.out
    assert ("The overlap of the top three themes needs three different themes found in the reviews; "
            "so far 2 have been found.") in run.out
    assert re.search(r"^2019\* +1 +1 \(100%\) +1 \(100%\)$", run.out, re.M)
    page = single.html("analysis/index.html")
    assert "What 1 published review has in common" in page
    assert "Percentages are of the 1 review, rounded" in page
    assert "Share of the 1 review that featured each theme" in page
    assert 'content="How often each theme occurs across 1 published case review."' in page
    descs = _descs(single)
    assert set(descs) == {"themes", "years"}  # no Venn diagram with two themes
    assert descs["themes"].startswith("Bar chart of 6 themes across 1 review, grouped by category. "
                                      "The lived experience of the child: 1 review (100%); Risk assessment: 1 review (100%).")
    assert descs["years"].startswith("Bar chart of reviews published in 2019, ")


def test_stats_on_an_empty_site_and_with_bad_input(empty, tmp_path):
    run = cli("--config", empty.config_path, "stats", "--as-of", AS_OF)
    assert run.code == 0 and "No published reviews to analyse." in run.out
    assert cli("--config", empty.config_path, "stats", "--as-of", "31/03/2020").code == 2
    missing = cli("--config", tmp_path / "nowhere.yml", "stats")
    assert missing.code == 2 and "site_config.yml" in missing.err


# --- the recommendations tracker ------------------------------------------------------------

def _tracker_rows(page: str) -> list[dict]:
    body = page[page.index('id="recommendations-table"'):]
    rows = []
    for attrs, cells in re.findall(r"<tr (data-status=[^>]*)>(.*?)</tr>", body, re.S):
        texts = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)]
        rows.append({"attrs": attrs, "cells": texts, "html": cells})
    return rows


def test_tracker_lists_every_recommendation_and_flags_overdue_in_words(cambs):
    rows = _tracker_rows(cambs.html("recommendations/index.html"))
    assert len(rows) == 7  # 6 in the 27 reviews + 1 from the review outside the analysis
    by_text = {r["cells"][1]: r for r in rows}
    overdue = {text for text, r in by_text.items() if 'data-overdue="yes"' in r["attrs"]}
    # Due before the as-of date and not complete; due on it, complete, or undated are not overdue.
    assert overdue == {"Reissue the pre-birth guidance.", "Review the domestic abuse pathway.",
                       "Share the learning with Norfolk schools."}
    for text in overdue:
        assert by_text[text]["cells"][4].endswith("Overdue")  # said in words, with an icon
        assert 'aria-hidden="true"' in by_text[text]["html"]
    first = by_text["Reissue the pre-birth guidance."]["cells"]
    assert first[0] == "Review 01 (Serious Case Review, 2006)"
    assert first[2:4] == ["Children's social care", "31 January 2020"]
    assert by_text["=SUM(A1) is how the audit tool adds scores; check it."]["cells"][2:5] == ["No owner", "No date", "Open"]
    assert '<a href="../briefings/review-01/">Review 01</a>' in by_text["Reissue the pre-birth guidance."]["html"]
    # Soonest due first, undated last: the no-JavaScript order.
    assert [r["cells"][3] for r in rows][:3] == ["30 June 2019", "30 September 2019", "31 December 2019"]
    assert rows[-1]["cells"][3] == "No date"


def test_tracker_counts_by_status_and_agency(cambs):
    page = cambs.html("recommendations/index.html")
    assert "3 overdue</strong></a>: due before 31 March 2020 and not complete." in page
    assert _row(page, 'data-status="open"') == ["4"]
    assert _row(page, 'data-status="in-progress"') == ["2"]
    assert _row(page, 'data-status="complete"') == ["1"]
    assert _row(page, 'data-status="overdue"') == ["3"]
    agency = page[page.index('id="agency-table"'):page.index("</table>", page.index('id="agency-table"'))]
    names = [html.unescape(n) for n in re.findall(r'<th scope="row">([^<]+)</th>', agency)]
    assert names == ["Children's social care", "Education", "Health", "Police", "No owner"]
    health = re.search(r"Health</th>(.*?)</tr>", agency, re.S).group(1)
    assert re.findall(r'<td class="lb-num">([^<]*)</td>', health) == ["2", "0", "1", "1", "0"]
    assert 'src="../assets/recommendations.js"' in page


def test_recommendations_csv_matches_the_tracker(cambs):
    text = (cambs.site / "data/recommendations.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(text.decode("utf-8-sig"))))
    assert len(rows) == 7
    first = next(r for r in rows if r["recommendation"] == "Reissue the pre-birth guidance.")
    assert first == {
        "review": "Review 01", "review_type": "SCR", "board": PBORO, "published": first["published"],
        "briefing_url": "https://learning.testshire.example.org/briefings/review-01/",
        "recommendation": "Reissue the pre-birth guidance.", "agency": "Children's social care",
        "due": "2020-01-31", "status": "open", "overdue": "yes",
    }
    assert first["published"].startswith("2006-")
    assert sum(r["overdue"] == "yes" for r in rows) == 3
    # A cell that starts like a formula is kept as text.
    assert any(r["recommendation"] == "'=SUM(A1) is how the audit tool adds scores; check it." for r in rows)


# --- in the browser -------------------------------------------------------------------------

@pytest.mark.browser
def test_pages_pass_axe_and_print_their_charts(cambs, page, tmp_path):
    from pypdf import PdfReader

    outside = guard_outside_requests(page)
    with serve(cambs.site) as base:
        for name in ("analysis", "recommendations"):
            page.goto(f"{base}{name}/")
            assert axe_violations(page) == [], name
        page.goto(f"{base}analysis/")
        page.emulate_media(media="print")
        pdf = Path(tmp_path / "analysis.pdf")
        page.pdf(path=str(pdf), format="A4")
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "23 (85%)" in text and "Risk assessment" in text  # the charts' words print as text
    assert outside == []


@pytest.mark.browser
def test_tracker_sorts_with_header_buttons_and_filters(cambs, page):
    with serve(cambs.site) as base:
        page.goto(f"{base}recommendations/")
        table = page.locator("#recommendations-table")
        due = table.locator("th", has_text="Due")
        assert due.get_attribute("aria-sort") == "ascending"
        review = table.get_by_role("button", name="Review")
        review.focus()
        page.keyboard.press("Enter")
        header = table.locator("th").first
        assert header.get_attribute("aria-sort") == "ascending"
        assert due.get_attribute("aria-sort") is None
        first_cells = table.locator("tbody tr td:first-child")
        names = [t.split(" (")[0] for t in first_cells.all_inner_texts()]
        assert names == sorted(names, key=str.lower)
        review.click()
        assert header.get_attribute("aria-sort") == "descending"
        assert first_cells.first.inner_text().startswith("Review 04")
        page.get_by_label("Status", exact=True).select_option("overdue")
        visible = table.locator("tbody tr:visible")
        expect(visible).to_have_count(3)
        expect(page.locator("[data-lb-rec-count]")).to_have_text("Showing 3 of 7 recommendations.")
        page.get_by_label("Agency", exact=True).select_option("Police")
        expect(visible).to_have_count(1)
        page.get_by_label("Status", exact=True).select_option("")
        page.get_by_label("Agency", exact=True).select_option("")
        page.get_by_label("Containing the words").fill("guide")
        expect(visible).to_have_count(1)
        assert visible.all_inner_texts()[0].count("Publish a practice guide.") == 1


# --- themes over time: numbers, axes, thin years; categories as on the Themes page ----------

def test_years_chart_numbers_every_bar_titles_its_axes_and_marks_thin_years(ten):
    page = ten.html("analysis/index.html")
    svg = re.search(r'<svg [^>]*id="chart-years".*?</svg>', page, re.S).group(0)
    groups = re.findall(r'<g class="lb-chart-year"( data-few="true")?>(.*?)</g>', svg, re.S)
    assert len(groups) == 3  # 2018, 2019, 2020
    values = [re.findall(r'class="lb-chart-value"[^>]*>(\d+)</text>', body) for _, body in groups]
    assert values == [["2", "2", "1", "1"], ["0"], ["8", "4", "2", "1"]]  # as the table; a year without reviews: one 0
    years = [re.search(r'text-anchor="middle" fill="#0b0c0c">(\d{4}\*?)</text>', body).group(1) for _, body in groups]
    assert years == ["2018*", "2019", "2020"], "2018 had 2 reviews: marked; 2019 had none: nothing to mark"
    assert [bool(few) for few, _ in groups] == [True, False, False]
    assert ">Year of publication</text>" in svg and ">Number of reviews</text>" in svg
    assert "* fewer than 3 reviews that year: its shares are not a trend" in svg
    assert "Years marked with an asterisk had fewer than 3 reviews: 2018." in svg  # in the chart's <desc>
    table = page[page.index('id="years-table"'):]
    assert '<th scope="row">2018* <span class="lb-few">(fewer than 3 reviews: not a trend)</span></th>' in table
    assert '<th scope="row">2020</th>' in table


def test_bar_values_sit_on_their_bars(ten):
    """Each number is centred over its bar and just above its top."""
    svg = re.search(r'<svg [^>]*id="chart-years".*?</svg>', ten.html("analysis/index.html"), re.S).group(0)
    body = re.findall(r'<g class="lb-chart-year"[^>]*>(.*?)</g>', svg, re.S)[2]  # 2020
    rects = [(float(x), float(y), float(w)) for x, y, w in re.findall(r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', body)]
    labels = [(float(x), float(y)) for x, y in re.findall(r'class="lb-chart-value" x="([\d.]+)" y="([\d.]+)"', body)]
    assert len(rects) == len(labels) == 4
    for (x, y, w), (lx, ly) in zip(rects, labels, strict=True):
        assert abs(lx - (x + w / 2)) < 0.01 and 0 < y - ly <= 6


def test_analysis_lists_categories_in_the_themes_page_order(tmp_path):
    folder = SiteFolder(tmp_path / "board")
    for n in range(1, 4):  # neglect (Family and environment, last in the config) is the most frequent
        folder.add(f"review-{n}", themes=["neglect"] + (["domestic-abuse"] if n == 1 else []),
                   review={"published": f"201{n}-05-01"})
    folder.built("2021-01-01")
    themes_page = folder.html("themes/index.html")
    index_order = [c for c in ("Professional practice", "Child factors", "Parental factors", "Family and environment")
                   if c in themes_page]
    index_order.sort(key=themes_page.index)
    page = folder.html("analysis/index.html")
    assert re.findall(r'<th scope="rowgroup" colspan="3">([^<]*)</th>', page) == [
        "Professional practice", "Child factors", "Parental factors", "Family and environment"]
    used = [c for c in re.findall(r'<th scope="rowgroup" colspan="3">([^<]*)</th>', page) if c in index_order]
    assert used == index_order
    chart = re.search(r'<svg [^>]*id="chart-themes".*?</svg>', page, re.S).group(0)
    chart_order = re.findall(r'<text x="0" y="[\d.]+" font-weight="700" fill="#0b0c0c">([^<]+)</text>', chart)
    assert chart_order == ["Professional practice", "Child factors", "Parental factors", "Family and environment"]
    run = cli("--config", folder.config_path, "stats", "--as-of", "2021-01-01")
    assert [line for line in run.out.splitlines() if line in chart_order] == chart_order


# --- the tracker: flags for missing owners and dates, filtered views in the address --------

def test_tracker_flags_recommendations_with_no_owner_or_no_date_and_counts_them(cambs):
    page = cambs.html("recommendations/index.html")
    rows = _tracker_rows(page)
    no_owner = [r for r in rows if 'data-agency="No owner"' in r["attrs"]]
    no_date = [r for r in rows if 'data-due="none"' in r["attrs"]]
    assert no_owner and no_date
    assert all(r["cells"][2] == "No owner" and 'class="lb-flag"' in r["html"] for r in no_owner)
    assert all(r["cells"][3] == "No date" for r in no_date)
    assert _row(page, 'data-status="no-owner"') == [str(len(no_owner))]
    assert _row(page, 'data-status="no-date"') == [str(len(no_date))]
    gaps = re.search(r'<p class="lb-gaps">(.*?)</p>', page, re.S).group(1)
    assert f'<a href="?agency=No%20owner#all-title">{len(no_owner)} with no owner</a>' in gaps
    assert f'<a href="?due=none#all-title">{len(no_date)} with no due date</a>' in gaps


def test_the_overdue_count_links_to_the_overdue_view(cambs):
    page = cambs.html("recommendations/index.html")
    assert '<a href="?status=overdue#all-title" class="lb-overdue-link"><strong class="lb-overdue">' in page
    assert re.search(r'<a href="\?status=overdue&amp;agency=Police#all-title" aria-label="1 overdue for Police: show them">'
                     r'<strong class="lb-overdue">', page)


@pytest.mark.browser
def test_the_overdue_link_opens_the_filtered_view_and_filters_stay_in_the_address(cambs, page):
    with serve(cambs.site) as base:
        page.goto(f"{base}recommendations/")
        page.locator(".lb-overdue-link").click()
        page.wait_for_url("**/recommendations/?status=overdue#all-title")
        visible = page.locator("#recommendations-table tbody tr:visible")
        expect(visible).to_have_count(3)
        expect(page.get_by_label("Status", exact=True)).to_have_value("overdue")
        page.get_by_label("Agency", exact=True).select_option("Police")
        expect(visible).to_have_count(1)
        assert page.url.endswith("recommendations/?status=overdue&agency=Police#all-title")
        page.reload()
        expect(visible).to_have_count(1)
        expect(page.get_by_label("Agency", exact=True)).to_have_value("Police")
        page.goto(f"{base}recommendations/?due=none")
        expect(page.get_by_label("Due date", exact=True)).to_have_value("none")
        expect(visible).to_have_count(len(page.locator("#recommendations-table tbody tr[data-due=none]").all()))
        page.get_by_label("Due date", exact=True).select_option("")
        assert page.url.endswith("recommendations/")
        page.goto(f"{base}recommendations/?status=nonsense")
        expect(page.get_by_label("Status", exact=True)).to_have_value("")
        expect(visible).to_have_count(7)


@pytest.mark.browser
def test_on_a_phone_each_recommendation_is_a_card_with_every_field_on_screen(cambs, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    with serve(cambs.site) as base:
        page.goto(f"{base}recommendations/")
        rows = page.locator("#recommendations-table tbody tr")
        expect(rows).to_have_count(7)
        width = page.evaluate("document.documentElement.clientWidth")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "nothing to scroll sideways to"
        for i in range(rows.count()):
            cells = rows.nth(i).locator("td")
            assert cells.count() == 5
            for j in range(5):
                box = cells.nth(j).bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= width, (i, j)
            labels = cells.evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
            assert labels == ['"Review: "', '"Recommendation: "', '"Agency: "', '"Due: "', '"Status: "'], labels
        overdue = page.locator("#recommendations-table tr.lb-row--overdue").first
        box = overdue.locator("td").nth(4).bounding_box()
        assert box["x"] + box["width"] <= width and "Overdue" in overdue.inner_text()
        assert axe_violations(page) == []
    context.close()
