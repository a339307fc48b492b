"""Topic pages (themes/<slug>/), the theme index (themes/) and theme guidance (guidance/<slug>.md)."""

from __future__ import annotations

import gzip
import json
import re
from urllib.parse import urljoin

import pytest

from generator.render.pages import themes as themes_module
from tests.sitekit import SiteFolder, doc, text

AS_OF = "2026-01-01"

#: slug -> (themes, type, published, board); newest first is a, b, c, d.
BRIEFINGS = {
    "child-a": (["risk-assessment", "neglect"], "SCR", "2025-06-01", None),
    "child-b": (["risk-assessment", "neglect", "domestic-abuse"], "CSPR", "2024-03-01", "Otherton Partnership"),
    "child-c": (["risk-assessment", "information-sharing"], "CSPR", "2023-05-01", None),
    "child-d": (["neglect"], "SCR", "2022-02-01", None),
}

GUIDANCE = """## Why it matters

Risk changes when families change.

## What good practice looks like

- Reassess when someone new joins the household.
- <script>alert("guidance")</script>
"""


def body(slug: str) -> str:
    return f"""## Background
Background of {slug}.

## Key learning
- Learning point one of {slug}.
- Learning point two of {slug}.
"""


def add_briefings(folder: SiteFolder) -> None:
    for slug, (theme_list, review_type, published, board) in BRIEFINGS.items():
        folder.add(slug, body=body(slug), themes=theme_list,
                   review={"type": review_type, "published": published, "board": board},
                   recommendations=[f"Recommendation of {slug}."],
                   discussion_prompts=[f"Question for teams from {slug}?"])


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> SiteFolder:
    folder = SiteFolder(tmp_path_factory.mktemp("themes") / "board")
    add_briefings(folder)
    # Never published: their themes must get no page and their words must appear nowhere.
    folder.add("draft-e", themes=["lived-experience", "risk-assessment"], draft=True, title="Secretdraft title")
    folder.add("embargo-f", themes=["professional-curiosity"], review={"embargo_until": "2026-06-01"},
               title="Secretembargo title")
    folder.write("guidance/risk-assessment.md", GUIDANCE)
    folder.write("guidance/lived-experience.md", "## Why it matters\n\nUnused theme's guidance.\n")
    folder.built(AS_OF)
    return folder


def test_each_topic_page_lists_exactly_its_reviews_newest_first(site):
    for theme in ("risk-assessment", "neglect", "domestic-abuse", "information-sharing"):
        page = doc(site, f"themes/{theme}/index.html")
        listed = [li.get("data-briefing") for li in page.cssselect("ul.lb-reviews > li")]
        expected = [slug for slug, meta in BRIEFINGS.items() if theme in meta[0]]  # already newest first
        assert listed == expected, theme
        links = [a.get("href") for a in page.cssselect("ul.lb-reviews > li > a")]
        assert links == [f"../../briefings/{slug}/" for slug in expected]
        assert f"{len(expected)} review" in text(page.cssselect(".lb-topic__count")[0])


def test_review_list_shows_type_board_and_year(site):
    page = doc(site, "themes/risk-assessment/index.html")
    items = {li.get("data-briefing"): text(li) for li in page.cssselect("ul.lb-reviews > li")}
    assert "Child Safeguarding Practice Review" in items["child-b"] and "Otherton Partnership" in items["child-b"]
    assert "2024" in items["child-b"] and "CSPR" not in items["child-b"]
    assert "Serious Case Review" in items["child-a"] and "Testshire Safeguarding Children Partnership" in items["child-a"]
    assert "2025" in items["child-a"]


def test_related_themes_with_counts(site):
    def related(theme):
        page = doc(site, f"themes/{theme}/index.html")
        found = []
        for li in page.cssselect("ul.lb-related > li"):
            count = int(re.search(r"\(in (\d+) of \d+ reviews?\)", text(li)).group(1))
            assert li.cssselect("a")[0].get("href") == f"../../themes/{li.get('data-theme')}/"
            found.append((li.get("data-theme"), count))
        return found

    assert related("risk-assessment") == [("neglect", 2), ("domestic-abuse", 1), ("information-sharing", 1)]
    assert related("neglect") == [("risk-assessment", 2), ("domestic-abuse", 1)]
    assert related("information-sharing") == [("risk-assessment", 1)]


def test_topic_page_has_title_category_summary_and_guidance(site):
    page = doc(site, "themes/risk-assessment/index.html")
    assert text(page.cssselect("h1")[0]) == "Risk assessment"
    assert "Professional practice" in text(page.cssselect(".lb-caption")[0])
    assert "Assessing and reassessing risk." in text(page.cssselect(".lb-lead")[0])
    guidance = page.cssselect(".lb-guidance")[0]
    assert [text(h) for h in guidance.cssselect("h2")] == ["Why it matters", "What good practice looks like"]
    assert "Reassess when someone new joins the household." in text(guidance)
    # Raw HTML in guidance is text, never markup.
    assert not page.cssselect(".lb-guidance script")
    assert '&lt;script&gt;alert("guidance")&lt;/script&gt;' in site.html("themes/risk-assessment/index.html")
    contents = [a.get("href") for a in page.cssselect(".lb-contents a")]
    assert contents[:2] == ["#guidance-why-it-matters", "#guidance-what-good-practice-looks-like"]
    for href in contents:
        assert page.cssselect(f"[id='{href[1:]}']"), href
    # A theme without a guidance file still gets its page, without the guidance block.
    assert not doc(site, "themes/neglect/index.html").cssselect(".lb-guidance")


def test_learning_recommendations_and_questions_are_linked_to_their_briefings(site):
    page = doc(site, "themes/neglect/index.html")
    for section, phrase in (("learning-title", "Learning point one of"), ("recommendations-title", "Recommendation of"),
                            ("questions-title", "Question for teams from")):
        block = page.cssselect(f"section[aria-labelledby='{section}']")[0]
        groups = block.cssselect(".lb-from")
        assert [g.get("data-briefing") for g in groups] == ["child-a", "child-b", "child-d"], section
        for group in groups:
            slug = group.get("data-briefing")
            assert group.cssselect("h3 a")[0].get("href") == f"../../briefings/{slug}/"
            assert f"{phrase} {slug}" in text(group)
            assert "child-c" not in text(group)


def test_feed_link_in_head_and_visible(site):
    page = doc(site, "themes/neglect/index.html")
    head = page.cssselect('head link[rel="alternate"][type="application/atom+xml"]')
    assert any(urljoin("themes/neglect/", link.get("href")) == "themes/neglect/feed.xml"
               and link.get("title") == "Neglect briefings" for link in head)
    visible = [a for a in page.cssselect(".md-content a") if text(a) == "Subscribe to updates on this theme (Atom feed)"]
    assert [a.get("href") for a in visible] == ["feed.xml"]


def test_theme_index_groups_by_category_with_counts(site):
    page = doc(site, "themes/index.html")
    groups = {}
    for section in page.cssselect("section.lb-category"):
        category = text(section.cssselect("h2")[0])
        groups[category] = [(li.get("data-theme"), int(re.search(r"\((\d+) reviews?\)", text(li)).group(1)))
                            for li in section.cssselect("ul.lb-theme-index > li")]
    # Every configured theme, in config order of categories; one without reviews yet is unlinked.
    assert groups == {
        "Professional practice": [("information-sharing", 1), ("professional-curiosity", 0), ("risk-assessment", 3)],
        "Child factors": [("lived-experience", 0)],
        "Parental factors": [("domestic-abuse", 1)],
        "Family and environment": [("neglect", 3)],
    }
    links = [a.get("href") for a in page.cssselect("ul.lb-theme-index a")]
    assert links[0] == "../themes/information-sharing/"
    assert len(links) == 4 and not any("professional-curiosity" in h or "lived-experience" in h for h in links)
    assert "(0 reviews)" in text(page.cssselect("li[data-theme='lived-experience']")[0])


def test_themes_and_find_are_in_the_navigation(site):
    page = doc(site, "index.html")
    tabs = [text(a) for a in page.cssselect(".md-tabs a")]
    assert tabs.index("Themes") < tabs.index("Find")


def test_unused_and_unpublished_themes_get_no_page(site):
    made = sorted(p.parent.name for p in (site.site / "themes").glob("*/index.html"))
    assert made == ["domestic-abuse", "information-sharing", "neglect", "risk-assessment"]
    for path in (site.site / "themes").rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "Secretdraft" not in html and "Secretembargo" not in html, path
        assert "Unused theme" not in html
        assert "themes/lived-experience/" not in html and "themes/professional-curiosity/" not in html, path


def search_documents(site: SiteFolder) -> list[dict]:
    """(url, title, text) of every page in the site's search index: Material's JSON, or Pagefind's fragments."""
    material = site.site / "search" / "search_index.json"
    if material.exists():
        docs = json.loads(material.read_text(encoding="utf-8"))["docs"]
        return [{"url": d["location"], "title": d["title"], "text": d["text"]} for d in docs]
    fragments = sorted((site.site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments, "the site has no search index"
    found = []
    for path in fragments:
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found.append({"url": data["url"].lstrip("/"), "title": data["meta"].get("title", ""), "text": data["content"]})
    return found


def test_search_index_has_topic_page_by_theme_title(site):
    """The header search finds a theme's topic page and its briefings by the theme's name."""
    docs = search_documents(site)
    assert any(d["url"] == "themes/neglect/" and d["title"] == "Neglect" for d in docs)
    pages = {d["url"].split("#")[0] for d in docs if "Neglect" in d["title"] + " " + d["text"]}
    assert {"themes/neglect/", "briefings/child-a/", "briefings/child-b/", "briefings/child-d/"} <= pages
    assert "briefings/child-c/" not in pages


def test_learning_is_drawn_from_the_newest_reviews_only(tmp_path, monkeypatch):
    monkeypatch.setattr(themes_module, "LEARNING_FROM", 2)
    folder = SiteFolder(tmp_path / "board")
    add_briefings(folder)
    folder.built(AS_OF)
    page = doc(folder, "themes/neglect/index.html")
    learning = page.cssselect("section[aria-labelledby='learning-title']")[0]
    assert [g.get("data-briefing") for g in learning.cssselect(".lb-from")] == ["child-a", "child-b"]
    assert "From the 2 most recent of the 3 reviews" in text(learning)
    assert len(page.cssselect("ul.lb-reviews > li")) == 3


def test_guidance_for_an_unknown_theme_is_a_content_error(folder):
    folder.add("child-a")
    folder.write("guidance/risk-asessment.md", "## Why it matters\n\nText.\n")
    folder.write("guidance/neglect.md", "Fine.\n")
    folder.write("guidance/notes.txt", "Not Markdown: ignored.\n")
    run = folder.build(AS_OF)
    assert run.code == 1
    assert "guidance/risk-asessment.md" in run.err
    assert "unknown theme 'risk-asessment'" in run.err and "did you mean 'risk-assessment'" in run.err
    assert "neglect.md" not in run.err and "notes.txt" not in run.err
    assert not folder.site.exists()


def test_guidance_dir_setting_is_used(folder):
    folder.config["guidance_dir"] = "notes/themes"
    folder.write_config()
    folder.add("child-a")
    folder.write("notes/themes/risk-assessment.md", "# Background reading\n\n### Detail\n\nRead the procedures.\n")
    folder.write("guidance/unknown-theme.md", "Ignored: not the configured folder.\n")
    folder.built(AS_OF)
    page = doc(folder, "themes/risk-assessment/index.html")
    guidance = page.cssselect(".lb-guidance")[0]
    # Headings are shifted so the file's top level sits at h2 under the page's h1; levels below keep their gaps.
    assert [(h.tag, text(h)) for h in guidance.cssselect("h2, h3, h4")] == [("h2", "Background reading"), ("h4", "Detail")]


@pytest.mark.browser
def test_a_topic_page_requests_nothing_that_is_not_there(site, page):
    """Material's language selector would fetch sitemap.xml beside the topic feed's
    <link rel=alternate> (a 404 and a console error on every topic page); it is switched off."""
    from tests.browserkit import serve

    with serve(site.site) as base:
        failed, errors = [], []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base + "themes/neglect/")
        page.wait_for_load_state("networkidle")
        assert page.locator('link[rel=alternate][type="application/atom+xml"]').count() == 1
        assert failed == [] and errors == [], (failed, errors)
