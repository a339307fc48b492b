"""A site in English and Welsh (issue 14): every page in both languages, linked both ways,
the Welsh pages in Welsh, untranslated text marked, nothing held back in either language."""

from __future__ import annotations

import re

import lxml.html
import pytest
from babel.messages.pofile import read_po

from generator.i18n import extract
from generator.i18n.language import catalogue_path
from tests.bilingualkit import AS_OF, SECRET, bilingual_site

SITE_URL = "https://learning.testshire.example.org/"
PAGES = ["index.html", "briefings/child-a/index.html", "briefings/child-c/index.html", "themes/index.html",
         "themes/risk-assessment/index.html", "find/index.html", "archive/index.html", "archive/scr/index.html",
         "analysis/index.html", "recommendations/index.html", "accessibility/index.html"]
FILES = ["feed.xml", "data/briefings.json", "themes/neglect/feed.xml", "data/recommendations.csv",
         "briefings/child-a/child-a-7-minute-briefing.docx"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = bilingual_site(tmp_path_factory.mktemp("bilingual"))
    folder.built(AS_OF)
    return folder


def page(site, path: str):
    return lxml.html.fromstring(site.html(path))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_is_built_in_both_languages_with_its_lang(site, path):
    assert page(site, path).get("lang") == "en"
    assert page(site, f"cy/{path}").get("lang") == "cy"


@pytest.mark.parametrize("path", FILES)
def test_feeds_data_and_word_files_exist_per_language(site, path):
    assert (site.site / path).is_file() and (site.site / "cy" / path).is_file()


def test_the_feed_and_data_are_in_each_language(site):
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="cy">' in site.html("cy/feed.xml")
    assert "Plentyn A: dysgu o’r adolygiad" in site.html("cy/feed.xml")
    titles = {b["slug"]: b["title"] for b in site.json("cy/data/briefings.json")}
    assert titles["child-a"] == "Plentyn A: dysgu o’r adolygiad"
    assert titles["child-c"] == "Child C: learning from the review"  # untranslated: as written


@pytest.mark.parametrize("path", PAGES)
def test_alternates_link_each_language_both_ways(site, path):
    url = "" if path == "index.html" else path.removesuffix("index.html")
    for tree in (f"{path}", f"cy/{path}"):
        links = {a.get("hreflang"): a.get("href") for a in page(site, tree).xpath('//head/link[@rel="alternate"][@hreflang]')}
        assert links == {"en": SITE_URL + url, "cy": SITE_URL + "cy/" + url}, tree


@pytest.mark.parametrize("path", PAGES)
def test_the_language_switch_goes_to_the_same_page_in_the_other_language(site, path):
    for here, there, name in ((path, f"cy/{path}", "Cymraeg"), (f"cy/{path}", path, "English")):
        (link,) = page(site, here).xpath('//nav[contains(@class, "lb-languages")]//a')
        assert (link.text_content().strip(), link.get("hreflang"), link.get("lang")) == (name, there[:2] if name == "Cymraeg" else "en",
                                                                                          "cy" if name == "Cymraeg" else "en")
        target = (site.site / here).parent / link.get("href")
        assert target.resolve() == (site.site / there).parent.resolve(), (here, link.get("href"))


def test_the_sitemap_lists_both_languages(site):
    sitemap = site.html("sitemap.xml")
    assert f"<loc>{SITE_URL}briefings/child-a/</loc>" in sitemap
    assert f"<loc>{SITE_URL}cy/briefings/child-a/</loc>" in sitemap


def _english_phrases() -> list[str]:
    """Runs of words from each English message (placeholders cut out), except those the Welsh
    catalogue deliberately writes the same ("Data (JSON)")."""
    with catalogue_path("cy").open("rb") as f:
        welsh = read_po(f, locale="cy")
    phrases = set()
    for message in extract.messages():
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else message.id[1]
        entry = welsh.get(message.id)
        same = entry is not None and (entry.string if isinstance(entry.string, str) else entry.string[-1]) == english
        if same:
            continue
        for run in re.split(r"%\(\w+\)[sd]|%%|<[^>]+>|&\w+;", english):
            run = run.strip(" .,:;()")
            if len(run) >= 12 and " " in run:
                phrases.add(run)
    return sorted(phrases)


def _visible_text(tree) -> str:
    """A page's words a reader sees, without those marked as in another language than the page's."""
    for el in tree.xpath('//body//*[@lang and @lang != $lang] | //script | //style | //template', lang=tree.get("lang")):
        el.getparent().remove(el)
    return " ".join(tree.text_content().split())


@pytest.mark.parametrize("path", PAGES)
def test_no_english_interface_text_on_a_welsh_page(site, path):
    text = _visible_text(page(site, f"cy/{path}"))
    found = [phrase for phrase in _english_phrases() if phrase in text]
    assert not found, f"cy/{path} has English interface text: {found}"


def test_welsh_pages_use_the_welsh_settings_and_dates(site):
    text = _visible_text(page(site, "cy/briefings/child-a/index.html"))
    assert "Asesu risg" in text and "Adolygiad Ymarfer Plant" in text and "Partneriaeth Diogelu Plant Swydd Brawf" in text
    assert "1 Mehefin 2025" in text
    assert "Risk assessment" not in text


def test_an_untranslated_briefing_is_marked_and_explained_in_welsh(site):
    tree = page(site, "cy/briefings/child-c/index.html")
    (notice,) = tree.xpath('//*[contains(@class, "lb-untranslated")]')
    assert "Nid yw’r briff hwn wedi’i gyfieithu eto" in notice.text_content()
    assert tree.xpath('//h1[@id="briefing-title"]')[0].get("lang") == "en"
    assert all(el.get("lang") == "en" for el in tree.xpath('//section[contains(@class, "lb-segment--background")]/div'))
    translated = page(site, "cy/briefings/child-a/index.html")
    assert not translated.xpath('//*[contains(@class, "lb-untranslated")]')
    assert translated.xpath('//h1[@id="briefing-title"]')[0].get("lang") is None


def test_untranslated_guidance_is_marked(site):
    tree = page(site, "cy/themes/neglect/index.html")
    assert tree.xpath('//div[contains(@class, "lb-guidance")]')[0].get("lang") == "en"
    assert "Nid yw risg yn sefydlog" in site.html("cy/themes/risk-assessment/index.html")


def test_nothing_of_the_embargoed_briefing_reaches_any_language(site):
    leaked = [p.relative_to(site.site).as_posix() for p in site.output_files() if SECRET.encode() in p.read_bytes()]
    assert not leaked
    assert not (site.site / "briefings/child-e").exists() and not (site.site / "cy/briefings/child-e").exists()


def test_check_lists_missing_translations_and_strict_fails_on_them(site):
    run = site.check(AS_OF)
    assert run.code == 0, run.err
    assert "cy: briefings/child-c.md" in run.out
    strict = site.build(AS_OF, "--strict")
    assert strict.code != 0 and "child-c.md" in strict.err


def test_the_english_text_check_finds_english_on_the_english_page(site):
    """The check above can fail: the same phrases are found on the English page."""
    text = _visible_text(page(site, "briefings/child-a/index.html"))
    assert len([phrase for phrase in _english_phrases() if phrase in text]) >= 3
