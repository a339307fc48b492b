"""The accessibility statement: what the 2018 Regulations require, from site_config.yml."""

from __future__ import annotations

import re

import pytest


def _text(html: str) -> str:
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


@pytest.fixture(scope="module")
def statement(tmp_path_factory):
    from tests.sitekit import SiteFolder

    folder = SiteFolder(tmp_path_factory.mktemp("a11y") / "board")
    folder.config["accessibility"] = {
        "status": "partially compliant", "reviewed": "2026-10-01",
        "known_issues": ["Older PDF reports may not work with screen readers.", "Two diagrams lack a long description."],
        "contact_email": "access@testshire.example.org",
    }
    folder.write_config()
    folder.add("child-a")
    folder.built("2026-11-22")
    return folder


def test_statement_has_every_part_the_regulations_require(statement):
    html = statement.html("accessibility/index.html")
    text = _text(html)
    assert "<h1>Accessibility statement for Testshire Learning Briefings</h1>" in html
    assert "applies to https://learning.testshire.example.org/" in text
    # compliance status, and the non-accessible content
    assert "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard" in text
    assert "Older PDF reports may not work with screen readers." in text and "Two diagrams lack a long description." in text
    # how to get another format and report a problem
    assert 'href="mailto:access@testshire.example.org"' in html and "different format" in text
    assert "01632 960 999" in text and "Reporting accessibility problems" in text
    # the enforcement procedure
    assert "Equality and Human Rights Commission" in text and "Equality Advisory and Support Service" in text
    assert "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018" in text
    # preparation and review date
    assert '<time datetime="2026-10-01">1 October 2026</time>' in html


def test_statement_is_linked_from_every_page_footer(statement):
    assert 'href="accessibility/"' in statement.html("index.html")
    assert 'href="../../accessibility/"' in statement.html("briefings/child-a/index.html")


@pytest.mark.parametrize(("status", "wording"), [
    ("fully compliant", "This website is fully compliant with"),
    ("not compliant", "This website is not compliant with"),
])
def test_other_statuses_and_defaults(folder, status, wording):
    folder.config["accessibility"] = {"status": status}
    folder.write_config()
    folder.add("child-a")
    folder.built("2026-11-22")
    html = folder.html("accessibility/index.html")
    text = _text(html)
    assert wording in text
    assert 'href="mailto:learning@testshire.example.org"' in html  # the board's email by default
    assert "We know of no content on this website that does not meet the standard." in text
    assert 'prepared on <time datetime="2026-11-22">22 November 2026</time>' in html  # no review date: the build's


def test_known_issues_are_escaped(folder):
    folder.config["accessibility"] = {"known_issues": ["<script>alert(1)</script> in a table"]}
    folder.write_config()
    folder.add("child-a")
    folder.built()
    html = folder.html("accessibility/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; in a table" in html and "<script>alert(1)" not in html
