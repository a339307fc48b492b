"""Printing a briefing page: one A4 sheet for a typical briefing, Chromium's own PDF.

The project's sample content is built as of 22 November 2026 and each briefing page is printed
with ``page.pdf(format="A4")``; pypdf counts the sheets and reads their text. The reader's
clock is fixed to the same day, so the archive banners show as they would on that day.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.render.renderer import long_date
from tests.browserkit import guard_outside_requests, serve
from tests.sitekit import BODY, SiteFolder, cli

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-22"
LONG = "cambridgeshire-peterborough-thematic"  # about twice the usual length: two sheets allowed
BOARD = "Northbridge Safeguarding Children Partnership"
A4_HEIGHT = 842  # points
LABELS = ["Background", "Why it matters", "Key learning", "Themes", "What should we do?",
          "Questions for your team", "Further information"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("print") / "site"
    run = cli("--config", ROOT / "site_config.yml", "build", "--as-of", AS_OF, "--site-dir", out, "--quiet")
    assert run.code == 0, run.err
    return out


@pytest.fixture(scope="module")
def printed(sample, browser) -> dict[str, list[str]]:
    """Every briefing page of the sample site printed: slug -> the text of each sheet."""
    sheets = {}
    context = browser.new_context()
    page = context.new_page()
    outside = guard_outside_requests(page)
    page.clock.set_fixed_time(datetime(2026, 11, 22, 12, 0))
    with serve(sample) as base:
        for folder in sorted((sample / "briefings").iterdir()):
            if (folder / "index.html").is_file():
                page.goto(f"{base}briefings/{folder.name}/")
                pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
                sheets[folder.name] = [flat(p.extract_text()) for p in pdf.pages]
    context.close()
    assert outside == []
    return sheets


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_published_sample_briefing_was_printed(sample, printed):
    assert len(printed) >= 8
    assert set(printed) == {p.parent.name for p in (sample / "briefings").glob("*/index.html")}


def test_a_typical_briefing_prints_on_one_a4_sheet(printed):
    counts = {slug: len(pages) for slug, pages in printed.items()}
    assert {slug: n for slug, n in counts.items() if slug != LONG and n != 1} == {}
    assert 1 <= counts[LONG] <= 2


def test_the_sheet_has_the_seven_segments_in_order_and_no_site_chrome(printed):
    for slug, pages in printed.items():
        text = " ".join(pages)
        positions = [text.find(label) for label in LABELS]
        assert -1 not in positions and positions == sorted(positions), slug
        for chrome in ("Present this briefing", "Download as Word", "Accessibility statement",
                       "Skip to content"):
            assert chrome not in text, (slug, chrome)


def test_every_sheet_has_the_board_and_the_publication_date_at_its_foot(sample, printed):
    for slug, pages in printed.items():
        html = (sample / "briefings" / slug / "index.html").read_text(encoding="utf-8")
        published = long_date(date.fromisoformat(re.search(r'class="lb-briefing[^"]*"[^>]* data-published="([^"]+)"', html)[1]))
        for number, text in enumerate(pages, start=1):
            assert BOARD in text and f"published {published}" in text, (slug, number)
            assert f"Page {number} of {len(pages)}" in text


def test_a_long_briefing_keeps_its_short_boxes_whole_and_each_heading_with_its_text(sample, printed):
    """Long boxes may run on to the next sheet; a short one never splits, and no heading is left
    at the foot of a sheet without its first words."""
    import lxml.html

    tree = lxml.html.fromstring((sample / "briefings" / LONG / "index.html").read_bytes())
    for number in range(1, 8):
        section = tree.get_element_by_id(f"segment-{number}")
        words = flat(section.text_content()).split()
        first, last = " ".join(words[:5]), " ".join(words[-3:])
        starts = [i for i, text in enumerate(printed[LONG]) if first in text]
        assert len(starts) == 1, (number, first)
        if "lb-segment--may-split" not in section.get("class"):
            assert last in printed[LONG][starts[0]], (number, last)


@pytest.fixture(scope="module")
def positions(sample, browser) -> dict[str, list[list[tuple[float, float, str]]]]:
    """The long briefing and a typical one printed: per sheet, each piece of text with its
    (x, y) on the sheet in points, y upwards from the sheet's foot (PDF coordinates)."""
    found = {}
    page = browser.new_page()
    page.clock.set_fixed_time(datetime(2026, 11, 22, 12, 0))
    with serve(sample) as base:
        for slug in (LONG, "baby-eliza"):
            page.goto(f"{base}briefings/{slug}/")
            sheets = []
            for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages:
                pieces = []

                def visit(text, cm, tm, _font, _size, pieces=pieces):
                    if text.strip():
                        pieces.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

                sheet.extract_text(visitor_text=visit)
                sheets.append(pieces)
            found[slug] = sheets
    page.close()
    return found


def headings(sheets) -> list[tuple[int, float, float]]:
    """(sheet, x, y) of each segment heading, in segment order."""
    at = {}
    for number, pieces in enumerate(sheets):
        for x, y, text in pieces:
            if text in LABELS and text not in at:
                at[text] = (number, x, y)
    return [at[label] for label in LABELS]


def test_a_long_briefing_prints_in_one_column_in_reading_order_and_fills_its_first_sheet(positions):
    sheets = positions[LONG]
    places = headings(sheets)
    assert len({round(x) for _, x, _ in places}) == 1, "one column: every heading at the same left edge"
    assert places == sorted(places, key=lambda p: (p[0], -p[2])), "segments 1 to 7 down the sheets"
    footer = 40  # the board, date and page number sit in the bottom margin, below this
    lowest = min(y for x, y, _ in sheets[0] if y > footer)
    assert lowest < 0.2 * A4_HEIGHT, f"the first sheet is filled to its foot (text ends {lowest:.0f}pt up)"


def test_a_typical_briefing_reads_down_the_first_column_then_the_second(positions):
    places = headings(positions["baby-eliza"])
    assert {sheet for sheet, _, _ in places} == {0}
    columns = sorted({round(x) for _, x, _ in places})
    assert len(columns) == 2
    order = [(columns.index(round(x)), -y) for _, x, y in places]
    assert order == sorted(order), "down the left column, then down the right: no zig-zag"


def test_print_media_hides_the_tools_and_the_site_header(sample, page):
    with serve(sample) as base:
        page.goto(f"{base}briefings/baby-eliza/")
        page.emulate_media(media="print")
        for selector in (".lb-tools", ".md-header", ".md-footer", ".md-tabs", ".md-sidebar"):
            assert page.locator(selector).first.is_hidden(), selector
        boxes = page.locator(".lb-segment")
        assert boxes.count() == 7
        assert boxes.first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
        assert page.locator(".lb-segments").evaluate("e => getComputedStyle(e).columnCount") == "2"


def test_outside_links_print_their_address_and_internal_links_do_not(tmp_path, page):
    folder = SiteFolder(tmp_path / "board")
    folder.add("child-a", body=BODY + "\n- See the [local procedures](https://procedures.example.org/guide).\n",
               themes=["risk-assessment"])
    folder.built()
    with serve(folder.site) as base:
        page.goto(f"{base}briefings/child-a/")
        text = flat(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text())
    assert "localprocedures(https://procedures.example.org/guide)" in text.replace(" ", "")  # however the line wrapped
    assert "Risk assessment" in text and "themes/risk-assessment" not in text
    assert "Testshire Safeguarding Children Partnership" in text and "published 1 June 2025" in text
