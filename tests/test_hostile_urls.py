"""Content never carries script: one URL policy for every link and image, through the real CLI.

Each hostile link is refused by `check` and `build` with the file, the line it is written on,
the link text and what to write instead; no site is written, and a good build's every output
file (pages, topic pages, feeds, data, Word relationships) holds only web, email and phone URLs.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from generator.read import body
from generator.render.word import document as word
from generator.render.word.content import WordBriefing, WordSegment
from tests.sitekit import BODY
from tests.urlscan import unsafe_urls

HOSTILE = [  # (Markdown, what the message calls it)
    ("[Read this](javascript:alert(1))", "the link 'Read this'"),
    ("[Read this](JaVaScRiPt:alert(1))", "the link 'Read this'"),
    ("[Read this](java\nscript:alert(1))", "the link 'Read this'"),  # a browser removes the newline
    ("[Read this](\tjavascript:alert(1))", "the link 'Read this'"),
    ("[Read this](&#106;avascript:alert(1))", "the link 'Read this'"),  # decoded in the attribute
    ("[Read this](javascript&colon;alert(1))", "the link 'Read this'"),
    ("[Read this](java&#x09;script:alert(1))", "the link 'Read this'"),
    ("[Read this](vbscript:msgbox(1))", "the link 'Read this'"),
    ("[Read this](data:text/html,<script>alert(1)</script>)", "the link 'Read this'"),
    ("[Read this](file:///etc/passwd)", "the link 'Read this'"),
    ("[Read this](ms-word:ofe|u|https://x.example/a.docx)", "the link 'Read this'"),
    ("[Read this](//evil.example/page)", "the link 'Read this'"),
    ("[Read this](<java script:alert(1)>)", "the link 'Read this'"),  # a path to a browser; refused all the same
    ("[Read this][ref]\n\n[ref]: javascript:alert(1)", "the link 'Read this'"),
    ("![A chart](javascript:alert(1))", "the image 'A chart'"),
    ("![A chart](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)", "the image 'A chart'"),
]


def _hostile_body(markdown: str) -> str:
    return BODY + "\nSee also:\n\n" + markdown + "\n"


@pytest.mark.parametrize(("markdown", "named"), HOSTILE, ids=[m for m, _ in HOSTILE])
def test_hostile_link_is_refused_with_file_line_and_what_to_do(folder, markdown, named):
    path = folder.add("child-a", body=_hostile_body(markdown))
    lines = path.read_text(encoding="utf-8").splitlines()
    first = markdown.splitlines()[-1] if markdown.startswith("[Read this][ref]") else markdown.splitlines()[0]
    line = lines.index(first) + 1
    for run in (folder.check(), folder.build()):
        assert run.code == 1, run.err
        assert "Traceback" not in run.err + run.out
        assert f"briefings/child-a.md:{line}: {named} goes to " in run.err, run.err
        assert "instead" in run.err
    assert not folder.site.exists()


def test_a_refused_link_leaves_the_previous_site_untouched(folder):
    folder.add("child-a")
    site = folder.built()
    before = {p: p.read_bytes() for p in folder.output_files()}
    folder.add("child-a", body=_hostile_body("[x](javascript:alert(1))"))
    assert folder.build().code == 1
    assert {p: p.read_bytes() for p in folder.output_files()} == before
    assert unsafe_urls(site) == []


def test_every_problem_link_is_reported_in_one_run(folder):
    folder.add("child-a", body=_hostile_body("[one](javascript:a())\n\n![two](vbscript:b)\n\n[three](data:,x)"))
    run = folder.check()
    assert run.code == 1
    assert all(f"'{text}' goes to" in run.err for text in ("one", "two", "three"))


def test_guidance_links_follow_the_same_policy(folder):
    folder.add("child-a")
    folder.write("guidance/risk-assessment.md", "# Risk\n\nText.\n\n- [Tool](vbscript:run)\n")
    run = folder.build()
    assert run.code == 1 and "Traceback" not in run.err
    assert "guidance/risk-assessment.md:5: the link 'Tool' goes to 'vbscript:run'" in run.err


ALLOWED = """## Background
Read [the guide](https://procedures.example.org/guide), [the old guide](http://old.example.org/),
email [the board](mailto:learning@testshire.example.org), ring [the helpline](tel:+441632960000),
jump to [the actions](#what-should-we-do) or <https://nspcc.example.org/learning>, or <someone@example.org>.

## Key learning
- Learning with [a link](https://procedures.example.org/learning) quoted on the topic page.

## What should we do?
Act.
"""


def test_allowed_links_reach_every_output_and_nothing_else_does(folder):
    folder.add("child-a", body=ALLOWED, allow=["+441632960000", "someone@example.org"])
    folder.write("guidance/risk-assessment.md", "# Risk\n\nSee [the tool](https://tool.example.org/) or "
                 "[us](mailto:learning@testshire.example.org).\n")
    site = folder.built()
    page = folder.html("briefings/child-a/index.html")
    for href in ("https://procedures.example.org/guide", "http://old.example.org/", "tel:+441632960000",
                 "#what-should-we-do", "https://nspcc.example.org/learning"):
        assert f'href="{href}"' in page
    assert "mailto:learning@testshire.example.org" in page
    assert 'href="https://procedures.example.org/learning"' in folder.html("themes/risk-assessment/index.html")
    with zipfile.ZipFile(site / "briefings/child-a/child-a-7-minute-briefing.docx") as docx:
        rels = docx.read("word/_rels/document.xml.rels").decode()
    assert 'Target="https://procedures.example.org/guide"' in rels and 'Target="tel:+441632960000"' in rels
    assert unsafe_urls(site) == []


@pytest.mark.parametrize("html", [
    '<p><a href="javascript:alert(1)">x</a></p>',
    '<p><a href="java&#x0A;script:alert(1)">x</a></p>',
    '<p><img src="data:text/html,x" onerror="alert(1)" alt="x"></p>',
    '<script>alert(1)</script><p style="x" onclick="alert(1)">y</p>',
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
])
def test_sanitiser_is_a_second_line_of_defence(html):
    """Should a link ever get past validation, nh3 removes it from the body HTML."""
    clean = body.sanitise(html)
    assert "javascript" not in clean and "data:" not in clean
    assert "<script" not in clean and "onerror" not in clean and "onclick" not in clean


def test_word_never_writes_a_hyperlink_the_policy_refuses():
    segment = WordSegment(1, "Background", '<p><a href="javascript:alert(1)">x</a> '
                                           '<a href="https://ok.example.org/">ok</a> <img alt="i" src="vbscript:y"></p>')
    b = WordBriefing(path="x.docx", title="T", summary="S", language="en-GB", published=date(2020, 1, 2), board="B", facts=(),
                     segments=(segment,), page_url="https://learning.testshire.example.org/briefings/x/",
                     feedback_email="f@example.org")


    with zipfile.ZipFile(io.BytesIO(word.render(b))) as docx:
        rels = docx.read("word/_rels/document.xml.rels").decode()
    assert "https://ok.example.org/" in rels
    assert "javascript" not in rels.lower() and "vbscript" not in rels.lower()


def test_text_direction_overrides_are_refused_like_control_characters(folder):
    """U+202A-U+202E and U+2066-U+2069 show text in another order than it is stored."""
    path = folder.add("child-a", title="Child A \u202eevil\u202c", body=BODY + "\n[safe](https://x.example/\u2066gpj.exe)\n")
    folder.write("guidance/risk-assessment.md", "# Risk\n\nSee \u2067this\u2069.\n")
    lines = path.read_text(encoding="utf-8").splitlines()
    body_line = next(n for n, text in enumerate(lines, 1) if "\u2066" in text)
    for run in (folder.check(), folder.build()):
        assert run.code == 1 and "Traceback" not in run.err
        for where, code in (("briefings/child-a.md:2", "202E"), ("briefings/child-a.md:2", "202C"),
                            (f"briefings/child-a.md:{body_line}", "2066"), ("guidance/risk-assessment.md:3", "2067")):
            assert f"{where}: invisible text-direction character U+{code}" in run.err, run.err


def test_text_direction_override_in_the_config_is_refused(folder):
    folder.add("child-a")
    folder.config["site_name"] = "Testshire \u202dBriefings"
    folder.config["board"]["name"] = "Testshire \u2068Partnership"
    folder.write_config()  # the first as a YAML escape; the second written as the character itself
    text = folder.config_path.read_text(encoding="utf-8").replace("\\u2068", "\u2068")
    folder.config_path.write_text(text, encoding="utf-8")
    board_line = next(n for n, line in enumerate(text.splitlines(), 1) if "\u2068" in line)
    run = folder.build()
    assert run.code == 1 and "Traceback" not in run.err
    assert "site_config.yml:1: invisible text-direction character U+202D" in run.err
    assert f"site_config.yml:{board_line}: invisible text-direction character U+2068" in run.err
