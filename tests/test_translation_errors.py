"""Bad translations and per-language settings are reported with file and line, every one in a
run, and nothing is built; a Welsh-first site puts English under site/en/."""

from __future__ import annotations

import lxml.html

from tests.bilingualkit import AS_OF, bilingual_site, config, welsh
from tests.sitekit import SiteFolder, briefing_text


def test_a_fact_in_a_translation_is_an_error_at_its_line(tmp_path):
    folder = bilingual_site(tmp_path)
    folder.write("briefings/child-b.cy.md", welsh("child-b", themes=["neglect"], review={"name": "Plentyn B", "type": "SCR"}))
    run = folder.build(AS_OF)
    assert run.code == 1
    lines = folder.root.joinpath("briefings/child-b.cy.md").read_text(encoding="utf-8").splitlines()
    themes_line = next(i for i, line in enumerate(lines, 1) if line.startswith("themes:"))
    type_line = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("type:"))
    assert f"briefings/child-b.cy.md:{themes_line}: 'themes' is a fact and comes from briefings/child-b.md" in run.err
    assert f"briefings/child-b.cy.md:{type_line}: 'review.type' is a fact" in run.err
    assert not folder.site.exists()


def test_a_translation_without_its_briefing_and_a_wrong_count_of_recommendations(tmp_path):
    folder = bilingual_site(tmp_path)
    folder.write("briefings/child-z.cy.md", welsh("child-z"))
    folder.write("briefings/child-a.cy.md", welsh("child-a", recommendations=["Un.", "Dau."]))
    run = folder.build(AS_OF)
    assert run.code == 1
    assert "briefings/child-z.cy.md: a cy translation with no main file: briefings/child-z.md does not exist" in run.err
    assert "2 recommendations, but briefings/child-a.md has 1: translate each one, in the same order" in run.err


def test_a_setting_missing_a_language_is_an_error_naming_key_and_line(tmp_path):
    data = config()
    data["themes"]["neglect"]["title"] = {"en": "Neglect"}
    folder = SiteFolder(tmp_path, data)
    folder.add("child-a", themes=["neglect"])
    run = folder.check(AS_OF)
    assert run.code == 1
    text = folder.config_path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, row in enumerate(text, 1) if row.strip() == "title:" and "Neglect" in text[i])
    assert f"site_config.yml:{line}: 'themes.neglect.title' has no cy text: add cy: ..." in run.err


def test_a_welsh_first_site_puts_english_under_en(tmp_path):
    data = config()
    data["language"], data["translations"] = "cy", ["en"]
    folder = SiteFolder(tmp_path, data)
    folder.write("briefings/plentyn-a.md", briefing_text(
        {"title": "Plentyn A: dysgu", "summary": "Crynodeb.", "review": {"name": "Plentyn A", "type": "CPR", "published": "2025-06-01"},
         "themes": ["neglect"], "discussion_prompts": ["Beth nawr?"]},
        "## Cefndir\nTestun.\n"))
    folder.write("briefings/plentyn-a.en.md", briefing_text(
        {"title": "Child A: learning", "summary": "Summary.", "review": {"name": "Child A"}, "discussion_prompts": ["What now?"]},
        "## Background\nText.\n"))
    site = folder.built(AS_OF)
    root = lxml.html.fromstring((site / "briefings/plentyn-a/index.html").read_text(encoding="utf-8"))
    english = lxml.html.fromstring((site / "en/briefings/plentyn-a/index.html").read_text(encoding="utf-8"))
    assert (root.get("lang"), english.get("lang")) == ("cy", "en")
    assert root.xpath("//h1")[0].text_content().strip() == "Plentyn A: dysgu"
    assert english.xpath("//h1")[0].text_content().strip() == "Child A: learning"
    assert "Adolygiad Ymarfer Plant" in root.text_content() and "Child Practice Review" in english.text_content()
