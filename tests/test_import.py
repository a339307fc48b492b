"""`briefings import`: Word and PDF briefings in the layouts boards use become drafts that build.

Each fixture is written here (tests/importkit.py), imported with the real CLI, made publishable
as a person would (a summary written, draft: false), built, and read back from the HTML.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

import pytest

from tests import importkit as kit
from tests.sitekit import SiteFolder, cli, doc, text

SLUG = "child-q-a-baby-who-was-not-seen"
LAYOUTS = [
    "docx:headings", "docx:bold", "docx:numbered", "docx:table", "docx:textboxes",
    "docx:drawingml", "pdf:single", "pdf:two-pages", "pdf:two-column",
]


def _fixture(layout: str, **kw) -> tuple[str, bytes]:
    kind, name = layout.split(":")
    return (f"{name}.docx", kit.docx_bytes(name, **kw)) if kind == "docx" else (f"{name}.pdf", kit.pdf_bytes(name, **kw))


def _import(folder: SiteFolder, *names_and_data, extra=()):
    paths = [folder.write(f"inbox/{name}", data) for name, data in names_and_data]
    return cli("--config", folder.config_path, "import", *paths, *extra)


def _publish(path) -> None:
    """What a person does once the draft is checked: write the summary, remove draft."""
    draft = path.read_text(encoding="utf-8")
    draft = draft.replace('summary: ""', 'summary: "A baby was not seen at home by the services working with her."', 1)
    path.write_text(draft.replace("draft: true", "draft: false", 1), encoding="utf-8")


def _published_page(folder: SiteFolder, draft):
    """Publish the draft, build, and check every sentence is in its segment exactly once; the page."""
    _publish(draft)
    folder.built()
    page = doc(folder, f"briefings/{SLUG}/index.html")
    main = text(page.cssselect("main")[0])
    for segment, sentence in kit.sentences():
        (section,) = page.cssselect(f"section.lb-segment--{segment}")
        assert text(section).count(sentence) == 1, (segment, sentence)
        assert main.count(sentence) == 1, sentence
    return page


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_imports_to_a_draft_that_builds_with_each_sentence_once_in_its_segment(tmp_path, layout):
    folder = SiteFolder(tmp_path)
    name, data = _fixture(layout)
    if layout == "docx:textboxes":  # the fixture is honest: Word's two copies of every box are in the file
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
        assert xml.count("Neglect can build up quietly") == 2 and "mc:Fallback" in xml and "wps:txbx" in xml
    run = _import(folder, (name, data))
    assert run.code == 0, run.err
    draft = tmp_path / "briefings" / f"{SLUG}.md"
    written = draft.read_text(encoding="utf-8")
    assert "draft: true" in written
    assert 'title: "Child Q: a baby who was not seen"' in written
    assert 'name: "Child Q"' in written and 'type: "CSPR"' in written and "published: 2024-03-14" in written
    assert "themes: [information-sharing, neglect]" in written
    assert re.findall(r'^  - "(.*)"$', written, re.MULTILINE) == [s for k, s in kit.sentences() if k == "questions"]
    assert f"{name} -> briefings/{SLUG}.md" in run.out
    assert kit.RUNNING not in written  # a PDF's running header and footer are not content
    assert '"Questions for reflection" -> discussion_prompts' in run.out and '"Useful links" -> Further information' in run.out

    page = _published_page(folder, draft)
    learning = page.cssselect("section.lb-segment--learning")[0]
    assert [text(s) for s in learning.cssselect("li strong")] == ["not"]
    assert [text(e) for e in page.cssselect("section.lb-segment--why em")] == ["invisible"]
    links = page.cssselect("section.lb-segment--further a")
    assert [text(a) for a in links if a.get("href") == kit.LINK] == ["neglect practice guidance"]
    assert len(learning.cssselect("li")) == 3  # bullets stay list items


def test_the_seven_boxes_as_a_smartart_diagram_are_read_from_the_diagram(tmp_path):
    folder = SiteFolder(tmp_path)
    data = kit.docx_bytes("smartart")
    assert "word/diagrams/data1.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    run = _import(folder, ("diagram.docx", data))
    assert run.code == 0, run.err
    assert "SmartArt diagram(s) was read in the diagram's own order" in run.out
    written = (tmp_path / "briefings" / f"{SLUG}.md").read_text(encoding="utf-8")
    assert re.findall(r'^  - "(.*)"$', written, re.MULTILINE) == [s for k, s in kit.sentences() if k == "questions"]
    _published_page(folder, tmp_path / "briefings" / f"{SLUG}.md")


def test_images_are_extracted_with_their_alt_text_and_a_missing_one_is_reported(tmp_path):
    folder = SiteFolder(tmp_path)
    run = _import(folder, ("with-images.docx", kit.docx_bytes("headings", images=((kit.png(), "A diagram of the visits"),
                                                                                (kit.png(50, 20), None)))))
    assert run.code == 0, run.err
    images = sorted((tmp_path / "briefings" / "images" / SLUG).iterdir())
    assert [p.name for p in images] == ["image-1.png", "image-2.png"]
    assert images[0].read_bytes() == kit.png()
    written = (tmp_path / "briefings" / f"{SLUG}.md").read_text(encoding="utf-8")
    assert f"![A diagram of the visits](images/{SLUG}/image-1.png)" in written
    missing_line = written.splitlines().index(f"![](images/{SLUG}/image-2.png)") + 1
    assert f"briefings/{SLUG}.md:{missing_line} image alt text: describe images/{SLUG}/image-2.png" in run.out
    _publish(tmp_path / "briefings" / f"{SLUG}.md")
    folder.built()
    page = doc(folder, f"briefings/{SLUG}/index.html")
    (img,) = [i for i in page.cssselect("section.lb-segment--background img") if i.get("alt")]
    assert img.get("alt") == "A diagram of the visits"
    assert (folder.site / f"briefings/{SLUG}" / img.get("src")).resolve().read_bytes() == kit.png()


def test_pictures_in_a_pdf_are_extracted_as_images_and_their_missing_alt_text_reported(tmp_path):
    folder = SiteFolder(tmp_path)
    run = _import(folder, ("pictures.pdf", kit.pdf_bytes("single", images=(kit.png(40, 30),))))
    assert run.code == 0, run.err
    image = tmp_path / "briefings" / "images" / SLUG / "image-1.png"
    data = image.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (40, 30)
    from PIL import Image

    assert Image.open(io.BytesIO(data)).convert("RGB").getpixel((20, 15)) == (120, 120, 120)  # the picture, not noise
    written = (tmp_path / "briefings" / f"{SLUG}.md").read_text(encoding="utf-8")
    background = written.split("## Background", 1)[1].split("## Why it matters", 1)[0]
    assert f"![](images/{SLUG}/image-1.png)" in background  # where the picture stood: after box 1
    assert f"image alt text: describe images/{SLUG}/image-1.png" in run.out


@pytest.mark.parametrize("layout", ["table", "numbered"])
def test_a_section_that_fits_no_segment_is_kept_under_its_own_heading(tmp_path, layout):
    folder = SiteFolder(tmp_path)
    boxes = [*kit.BOXES, kit.EXTRA]
    run = _import(folder, ("extra.docx", kit.docx_bytes(layout, boxes=boxes)))
    assert run.code == 0, run.err
    assert '"About the partnership" -> kept under its own heading "About the partnership" (shown with Further information)' in run.out
    _publish(tmp_path / "briefings" / f"{SLUG}.md")
    folder.built()
    page = doc(folder, f"briefings/{SLUG}/index.html")
    further = page.cssselect("section.lb-segment--further")[0]
    assert "About the partnership" in [text(h) for h in further.cssselect("h3")]
    assert text(further).count("The partnership reviews every briefing with its members.") == 1


@pytest.mark.parametrize("title", ["7 Minute Briefing", "Seven-minute briefing: Child Q: a baby who was not seen"])
def test_the_formats_own_name_is_not_taken_for_the_title(tmp_path, title):
    folder = SiteFolder(tmp_path)
    meta = kit.TITLE if title == "7 Minute Briefing" else kit.META
    run = _import(folder, ("seven.docx", kit.docx_bytes("bold", title=title, meta=meta)))
    assert run.code == 0, run.err
    assert f'title: "{kit.TITLE}"' in (tmp_path / "briefings" / f"{SLUG}.md").read_text(encoding="utf-8")


def test_names_come_from_the_title_and_never_overwrite(tmp_path):
    folder = SiteFolder(tmp_path)
    data = kit.docx_bytes("headings")
    assert _import(folder, ("a.docx", data)).code == 0
    first = (tmp_path / "briefings" / f"{SLUG}.md").read_text(encoding="utf-8")
    run = _import(folder, ("b.docx", data))
    assert run.code == 0 and f"-> briefings/{SLUG}-2.md" in run.out
    assert (tmp_path / "briefings" / f"{SLUG}.md").read_text(encoding="utf-8") == first
    elsewhere = tmp_path / "to-review"
    run = _import(folder, ("c.docx", data), extra=("--into", elsewhere))
    assert run.code == 0 and (elsewhere / f"{SLUG}.md").is_file()
    assert sorted(p.name for p in (tmp_path / "briefings").glob("*.md")) == [f"{SLUG}-2.md", f"{SLUG}.md"]


def test_what_a_person_must_decide_is_reported_and_then_named_by_check_with_file_and_line(tmp_path):
    folder = SiteFolder(tmp_path)
    boxes = [b for b in kit.BOXES if b[1] != "questions"]
    plain = [("Background", "background", [("p", [("A toddler was often late to nursery.", "")])]),
             *boxes[1:2]]
    run = _import(folder, ("bare.docx", kit.docx_bytes("headings", boxes=plain, title="Learning from a review",
                                                       meta="Prepared by the learning team.")))
    assert run.code == 0, run.err
    draft = tmp_path / "briefings" / "learning-from-a-review.md"
    lines = draft.read_text(encoding="utf-8").splitlines()

    def line_of(start: str) -> int:
        return next(i for i, ln in enumerate(lines, start=1) if ln.lstrip().startswith(start))

    shown = "briefings/learning-from-a-review.md"
    for field, start in [("summary", "summary:"), ("review.name", "name:"), ("review.type", "type:"),
                         ("review.published", "# published:"), ("themes", "themes:"), ("discussion_prompts", "discussion_prompts:")]:
        assert f"{shown}:{line_of(start)} {field}:" in run.out, field
    check = folder.check()
    assert check.code == 1
    for field, start in [("summary", "summary:"), ("review.name", "name:"), ("review.type", "type:"),
                         ("themes", "themes:"), ("discussion_prompts", "discussion_prompts:")]:
        assert f"{shown}:{line_of(start)}: '{field}'" in check.err, field


def _garbled_docx() -> bytes:
    """A .docx whose zip is sound but whose text (word/document.xml) is not XML."""
    source = zipfile.ZipFile(io.BytesIO(kit.docx_bytes("headings")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item in source.infolist():
            archive.writestr(item, b"<w:document><w:body>" if item.filename == "word/document.xml" else source.read(item))
    return out.getvalue()


def test_bad_inputs_are_each_named_nothing_written_for_them_and_the_others_still_imported(tmp_path):
    folder = SiteFolder(tmp_path)
    good = kit.docx_bytes("headings")
    bad = {
        "damaged.docx": good[: len(good) // 2],
        "garbled.docx": _garbled_docx(),
        "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "notes.txt": b"Some notes about a review.\n",
        "locked.pdf": kit.encrypted_pdf(),
        "scanned.pdf": kit.scanned_pdf(),
        "empty.docx": kit.empty_docx(),
        "blank.pdf": kit.empty_pdf(),
    }
    run = _import(folder, *bad.items(), ("good.docx", good))
    assert run.code == 1
    assert "Traceback" not in run.err + run.out
    expected = {
        "damaged.docx": "damaged", "garbled.docx": "damaged: its text is not valid XML",
        "old.doc": "save it as .docx", "notes.txt": "not a Word document (.docx) or PDF",
        "locked.pdf": "password-protected", "scanned.pdf": "scanned image with no text", "empty.docx": "empty",
        "blank.pdf": "empty",
    }
    for name, words in expected.items():
        (line,) = [ln for ln in run.err.splitlines() if ln.startswith(str(tmp_path / "inbox" / name))]
        assert words in line and "Nothing was written for it" in line, line
    assert [p.name for p in (tmp_path / "briefings").rglob("*") if p.is_file()] == [f"{SLUG}.md"]
    assert "Imported 1 of 9 file(s)" in run.out


def test_the_anonymity_check_runs_on_what_was_imported_and_its_findings_are_printed(tmp_path):
    folder = SiteFolder(tmp_path)
    folder.write("private/redact.txt", "Brindlecombe\n")
    boxes = [("Background", "background", [("p", [("Q lived in Brindlecombe with her mother.", "")]),
                                           ("p", [("The family could be reached on 07700 900123.", "")]),
                                           ("p", [("They had moved to NB2 4QT the year before.", "")])]),
             *kit.BOXES[1:]]
    run = _import(folder, ("named.docx", kit.docx_bytes("bold", boxes=boxes)))
    assert run.code == 0, run.err
    lines = (tmp_path / "briefings" / f"{SLUG}.md").read_text(encoding="utf-8").splitlines()
    town = next(i for i, ln in enumerate(lines, start=1) if "Brindlecombe" in ln)
    phone = next(i for i, ln in enumerate(lines, start=1) if "07700" in ln)
    postcode = next(i for i, ln in enumerate(lines, start=1) if "NB2 4QT" in ln)
    assert "anonymity check: 3 finding(s)" in run.out
    assert f"briefings/{SLUG}.md:{postcode}: possible postcode 'NB2 4QT'" in run.out
    assert f"briefings/{SLUG}.md:{town}: 'Brindlecombe' is on the private redact list" in run.out
    assert f"briefings/{SLUG}.md:{phone}: possible phone number '07700 900123'" in run.out
    check = folder.check()
    assert check.code == 1 and all(found in check.err for found in ("Brindlecombe", "07700 900123", "NB2 4QT"))


@pytest.mark.parametrize(("words", "key"), [
    ("A Local Child Safeguarding Practice Review into the death of Child A", "LCSPR"),
    ("This Serious Case Review (SCR) was published in 2017", "SCR"),
    ("Findings of the CSPR", "CSPR"),
    ("A thematic review of neglect", "thematic"),
    ("Learning from practice", None),
])
def test_review_type_is_read_from_its_full_name_or_its_abbreviation(words, key):
    from generator.config.settings import DEFAULT_REVIEW_TYPES
    from generator.importer.metadata import review_type

    found = review_type(words, DEFAULT_REVIEW_TYPES)
    assert (found.value if found else None) == key


@pytest.mark.parametrize(("words", "when"), [
    ("Published 3rd June 2021 by the partnership", "2021-06-03"),
    ("Date of publication: 14/03/2024", "2024-03-14"),
    ("published: 2019-11-20", "2019-11-20"),
    ("In May 2018 the baby was seen. Published Sept 2020.", "2020-09-01"),
    ("No date here at all", None),
])
def test_the_publication_date_is_read_from_the_ways_boards_write_it(words, when):
    from generator.importer.metadata import published

    found = published(words)
    assert (found.value.isoformat() if found else None) == when
