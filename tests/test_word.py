"""The Word download: every published briefing's .docx, opened with python-docx.

One board is built once: a rich current briefing, an archived one whose report is on request,
a draft and an embargoed one (neither may get a file). Each test reads the built documents.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from generator.render.word import document as word
from generator.render.word import template as word_template
from generator.render.word.content import WordBriefing, WordSegment
from tests.sitekit import BODY, SiteFolder

AS_OF = "2026-01-01"
FEEDBACK = "feedback@testshire.example.org"
EMAIL = "learning@testshire.example.org"
PHONE = "01632 960 999"
BASE = "https://learning.testshire.example.org/"
SEGMENT_HEADINGS = ["1. Background", "2. Why it matters", "3. Key learning", "4. Themes", "5. What should we do?",
                    "6. Questions for your team", "7. Further information"]
PROMPTS = ["What would we have done?", "Who else lived in the home?", "When did we last see the baby?"]

RICH_BODY = """## Background
A baby was **injured** at home. Several *agencies* knew the family; see the
[local procedures](https://procedures.example.org/guide).

## Why it matters
1. Babies cannot speak for themselves.
2. Risk changes quickly.

## Key learning
- Risk must be reassessed when circumstances change.
- Ask about every adult in the household.
    - Including visitors.

## Voice of the family
They felt unheard.

## What should we do?
1. Use the pre-birth protocol.
2. Share information early.

## Further information
Read the [report](reports/child-a.pdf), email [the learning team](mailto:learning@testshire.example.org) or
[learning@testshire.example.org](mailto:learning@testshire.example.org).
"""


def docx_of(folder: SiteFolder, slug: str) -> Path:
    return folder.site / "briefings" / slug / f"{slug}-7-minute-briefing.docx"


@pytest.fixture(scope="module")
def board(tmp_path_factory) -> SiteFolder:
    folder = SiteFolder(tmp_path_factory.mktemp("word") / "board")
    folder.write("briefings/reports/child-a.pdf", b"%PDF-1.4 a\n")
    folder.write("briefings/reports/old.pdf", b"%PDF-1.4 old\n")
    folder.add("child-a", body=RICH_BODY, themes=["risk-assessment", "neglect"], discussion_prompts=PROMPTS,
               review={"published": "2025-06-01", "report": "reports/child-a.pdf"},
               recommendations=["Reissue the guidance.",
                                {"text": "Train staff", "agency": "Police", "due": "2026-03-31", "status": "in-progress"}])
    folder.add("old-review", body=BODY + "\n- The [overview report](reports/old.pdf).\n",
               review={"published": "2023-02-01", "report": "reports/old.pdf"})
    folder.add("child-d", draft=True)
    folder.add("child-e", review={"published": "2025-01-01", "embargo_until": "2026-06-01"})
    folder.built(AS_OF)
    return folder


@pytest.fixture(scope="module")
def documents(board) -> dict[str, docx.document.Document]:
    return {slug: docx.Document(str(docx_of(board, slug))) for slug in ("child-a", "old-review")}


def styled(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def after(document, heading: str) -> list[tuple[str, str]]:
    """The paragraphs under a Heading 2, up to the next Heading 2."""
    rows = styled(document)
    start = rows.index(("Heading 2", heading)) + 1
    end = next((i for i in range(start, len(rows)) if rows[i][0] == "Heading 2"), len(rows))
    return rows[start:end]


def test_only_published_briefings_get_a_docx_beside_their_page(board):
    found = sorted(p.relative_to(board.site).as_posix() for p in board.site.rglob("*.docx"))
    assert found == ["briefings/child-a/child-a-7-minute-briefing.docx",
                     "briefings/old-review/old-review-7-minute-briefing.docx"]


def test_title_facts_and_seven_segments_use_real_heading_styles(documents):
    rows = styled(documents["child-a"])
    assert rows[0] == ("Heading 1", "Child A: learning from the review")
    headings = [text for style, text in rows if style == "Heading 2"]
    assert headings == ["About the review", *SEGMENT_HEADINGS, "Action plan", "Feedback"]
    facts = after(documents["child-a"], "About the review")
    assert ("Normal", "Type: Serious Case Review") in facts
    assert ("Normal", "Published: 1 June 2025") in facts
    # An extra section keeps its heading, one level down, inside the segment before it.
    assert ("Heading 3", "Voice of the family") in after(documents["child-a"], "3. Key learning")


def test_lists_use_word_list_styles_and_numbered_lists_restart(documents):
    d = documents["child-a"]
    learning = after(d, "3. Key learning")
    assert learning[:3] == [("List Bullet", "Risk must be reassessed when circumstances change."),
                            ("List Bullet", "Ask about every adult in the household."),
                            ("List Bullet 2", "Including visitors.")]
    why = after(d, "2. Why it matters")
    assert [s for s, _ in why] == ["List Number", "List Number"]
    numbered = [p for p in d.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    # Each list has its own numbering (so each starts at 1), shared by its own items.
    assert len(set(num_ids)) == 3 and num_ids[0] == num_ids[1]
    numbering = d.part.numbering_part.element
    for num in numbering.iterchildren(qn("w:num")):
        if int(num.get(qn("w:numId"))) in set(num_ids):
            assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"


def test_discussion_prompts_are_a_numbered_list_in_order(documents):
    assert after(documents["child-a"], "6. Questions for your team") == [("List Number", p) for p in PROMPTS]


def test_bold_italic_and_links_as_text_plus_url(documents):
    d = documents["child-a"]
    background = next(p for p in d.paragraphs if p.text.startswith("A baby was"))
    assert any(r.bold and r.text == "injured" for r in background.runs)
    assert any(r.italic and r.text == "agencies" for r in background.runs)
    assert "local procedures (https://procedures.example.org/guide)." in background.text
    # Links to the site's own files become absolute addresses; an address already shown is not repeated.
    further = " ".join(t for _, t in after(d, "7. Further information"))
    assert f"report ({BASE}files/reports/child-a.pdf)" in further
    assert f"the learning team ({EMAIL}) or {EMAIL}." in further
    rels = d.part.rels
    targets = {r.target_ref for r in rels.values() if r.is_external}
    assert "https://procedures.example.org/guide" in targets


def test_themes_and_recommendations(documents):
    d = documents["child-a"]
    assert after(d, "4. Themes") == [("List Bullet", "Risk assessment"), ("List Bullet", "Neglect")]
    actions = after(d, "5. What should we do?")
    assert ("Heading 3", "Recommendations") in actions
    assert ("List Bullet", "Reissue the guidance.") in actions
    assert ("List Bullet", "Train staff (Police; due 31 March 2026; status: in progress)") in actions


def test_action_plan_table_has_a_repeating_header_and_empty_rows(documents):
    for d in documents.values():
        assert len(d.tables) == 1
        table = d.tables[0]
        assert [c.text for c in table.rows[0].cells] == ["Action", "Who", "By when"]
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        body_rows = table.rows[1:]
        assert len(body_rows) == word_template.ACTION_ROWS >= 5
        assert all(c.text == "" for row in body_rows for c in row.cells)
        assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in body_rows)
        assert table.style.name == "Table Grid"
        # The table comes right after the Action plan heading and its one line of guidance.
        assert [s for s, _ in after(d, "Action plan")] == ["Normal"]


def keeps_with_next(paragraph) -> bool:
    """Word's "keep with next", set on the paragraph or on its style (or a style it is based on)."""
    if paragraph.paragraph_format.keep_with_next:
        return True
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return style.paragraph_format.keep_with_next
        style = style.base_style
    return False


def test_action_plan_heading_guidance_and_table_header_stay_together(documents):
    """Read from the XML: the heading and its guidance line keep with the next paragraph, and the
    header row cannot split, repeats, and keeps with the first empty row."""
    for d in documents.values():
        paragraphs = d.paragraphs
        at = [p.text for p in paragraphs].index("Action plan")
        heading, guidance = paragraphs[at], paragraphs[at + 1]
        assert keeps_with_next(heading) and keeps_with_next(guidance)
        assert guidance._p.pPr.find(qn("w:keepNext")) is not None  # set on the paragraph itself
        assert guidance._p.getnext() is d.tables[0]._tbl, "the table follows the guidance line"
        header = d.tables[0].rows[0]
        trPr = header._tr.trPr
        assert trPr.find(qn("w:cantSplit")) is not None and trPr.find(qn("w:tblHeader")) is not None
        assert all(keeps_with_next(p) for cell in header.cells for p in cell.paragraphs)
        assert not any(keeps_with_next(p) for cell in d.tables[0].rows[-1].cells for p in cell.paragraphs)


def test_feedback_section_names_the_feedback_address_and_the_briefing(documents):
    for d in documents.values():
        text = " ".join(t for _, t in after(d, "Feedback"))
        assert FEEDBACK in text
        assert f"Feedback: {d.core_properties.title}" in text


def test_title_language_and_fixed_dates_are_set(documents):
    d = documents["child-a"]
    props = d.core_properties
    assert props.title == "Child A: learning from the review"
    assert props.language == "en-GB"
    assert props.created.date().isoformat() == props.modified.date().isoformat() == "2025-06-01"
    lang = d.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "en-GB"
    section = d.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)  # A4


def test_archived_report_is_on_request_not_linked(board, documents):
    d = documents["old-review"]
    text = "\n".join(p.text for p in d.paragraphs)
    assert f"Report: available on request from {EMAIL} or telephone {PHONE}" in text
    assert f"The full report is available on request from {EMAIL} or telephone {PHONE}." in text
    # A body link to the withdrawn report reads as one phrase, not "(email) (available on request)".
    assert f"The overview report (available on request from {EMAIL} or telephone {PHONE})." in text
    assert "(available on request)" not in text and f"({EMAIL})" not in text
    assert "old.pdf" not in text
    with zipfile.ZipFile(docx_of(board, "old-review")) as z:
        assert not any(b"old.pdf" in z.read(name) for name in z.namelist())


def test_the_page_links_its_docx_relatively(board):
    html = board.html("briefings/child-a/index.html")
    assert 'href="child-a-7-minute-briefing.docx"' in html


def test_zip_entries_have_a_fixed_order_and_date(board):
    with zipfile.ZipFile(docx_of(board, "child-a")) as z:
        infos = z.infolist()
    assert [i.filename for i in infos][:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert {i.date_time for i in infos} == {(2025, 6, 1, 0, 0, 0)}
    assert not any(i.filename.endswith((".jpeg", "stylesWithEffects.xml")) for i in infos)


def test_same_input_builds_byte_identical_documents(board, tmp_path):
    first = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in board.site.rglob("*.docx")}
    run = board.build(AS_OF, "--site-dir", str(tmp_path / "again"))
    assert run.code == 0, run.err
    again = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "again").rglob("*.docx")}
    assert again == first


def test_worker_processes_give_the_same_bytes_as_one_process(board):
    from generator.build import prepare
    from generator.render.pages import word as word_page

    _, site = prepare(board.config_path, date.fromisoformat(AS_OF))
    docs = [word_page.word_briefing(site, e) for e in site.entries] * (word.PARALLEL_FROM // 2 + 1)
    assert len(docs) > word.PARALLEL_FROM
    assert word.render_all(docs, workers=2) == [word.render(d) for d in docs]


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>a<br>b</p>", [("Normal", "a\nb")]),
    ("<blockquote><p>Said so.</p></blockquote>", [("Quote", "Said so.")]),
    ("<ul><li><p>One</p><p>More on one</p></li></ul>", [("List Bullet", "One"), ("List Continue", "More on one")]),
    ("<p><img alt=\"A cycle\" src=\"../../files/images/c.svg\"></p>",
     [("Normal", f"[Image: A cycle] {BASE}files/images/c.svg")]),
    ("<p>Fish &amp; chips &lt;3</p>", [("Normal", "Fish & chips <3")]),
    ("<p>pasted\x0b from\x14 a PDF</p>", [("Normal", "pasted from a PDF")]),  # XML cannot hold C0 controls
])
def test_html_walker(html, expected):
    b = WordBriefing(path="x.docx", title="T", summary="S", language="en-GB", published=date(2020, 1, 2),
                          board="B", facts=(), segments=(WordSegment(1, "Background", html),),
                          page_url=f"{BASE}briefings/x/", feedback_email=FEEDBACK)
    d = docx.Document(io.BytesIO(word.render(b)))
    assert after(d, "1. Background") == expected
