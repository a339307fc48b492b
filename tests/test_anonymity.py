"""Publication safety: personal details and redact-list names stop check and build."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest

from generator.problems import ContentError
from generator.render.renderer import PACKAGE_TEMPLATES
from generator.safety import anonymity, detectors, output_scan
from generator.safety.redact import RedactList, read_redact_list
from tests.sitekit import BODY

# --- the detectors, one table -----------------------------------------------------------

DETECTOR_CASES = [
    # (detector, text, the text it must find, or None for nothing)
    ("phone number", "Call 01632 960 100 today", "01632 960 100"),
    ("phone number", "ring 020 7946 0000.", "020 7946 0000"),
    ("phone number", "on +44 (0)20 7946 0000", "+44 (0)20 7946 0000"),
    ("phone number", "+44 7700 900123", "+44 7700 900123"),
    ("phone number", "(01632) 960100", "(01632) 960100"),
    ("phone number", "mobile 07700900123", "07700900123"),
    ("phone number", "mobile 07700-900-123", "07700-900-123"),
    ("phone number", "ring 0044 161 496 0000 now", "0044 161 496 0000"),
    ("phone number", "0044 7700 900123", "0044 7700 900123"),
    ("phone number", "0044 (0)20 7946 0000", "0044 (0)20 7946 0000"),
    ("phone number", "00447700900123", "00447700900123"),
    ("phone number", "0044 800", None),
    ("phone number", "Childline 0800 1111", None),  # a short national service number
    ("phone number", "between 2017 and 2018", None),
    ("phone number", "version 0.12345678901", None),
    ("phone number", "ref 123 456 7890", None),  # no leading 0
    ("email address", "write to jo.bloggs+x@mail.example.co.uk today", "jo.bloggs+x@mail.example.co.uk"),
    ("email address", "an @ sign alone", None),
    ("email address", "user@localhost", None),
    ("postcode", "lived at SW1A 1AA for", "SW1A 1AA"),
    ("postcode", "M1 1AE", "M1 1AE"),
    ("postcode", "in B33 8TH.", "B33 8TH"),
    ("postcode", "EC1A1BB", "EC1A1BB"),
    ("postcode", "CR2 6XH", "CR2 6XH"),
    ("postcode", "Call 07700 900123 or jo@example.com, ne1 4st.", "ne1 4st"),
    ("postcode", "at Ne1 4St today", "Ne1 4St"),
    ("postcode", "sw1a 1aa", "sw1a 1aa"),
    ("postcode", "NE1 4st", "NE1 4st"),
    ("postcode", "NE1 1ST", "NE1 1ST"),
    ("postcode", "a 7-minute briefing", None),
    ("postcode", "ne14st", None),  # in lower case only with its space: "u00bd", "pm80xx", hashes
    ("postcode", "escaped \\u00bd and chip pm80xx, commit bd019bd", None),
    ("postcode", "in Y2 2nd term, KS1 1st year and Y10 4th set", None),  # ordinals, not in capitals
    ("postcode", "gir 0aa", None),
    ("postcode", "COVID19 in 2020", None),
    ("NHS number", "NHS number 943 476 5919", "943 476 5919"),
    ("NHS number", "9434765919", "9434765919"),
    ("NHS number", "401-023-2137", "401-023-2137"),
    ("NHS number", "943 476 5918", None),  # wrong check digit
    ("NHS number", "4010232138", None),  # wrong check digit
    ("NHS number", "1000000010", None),  # check digit would be 10: never issued
    ("NHS number", "0000000000", None),
    ("NHS number", "94347659190", None),  # part of a longer number
    ("National Insurance number", "NI AB 12 34 56 C", "AB 12 34 56 C"),
    ("National Insurance number", "JT123456A", "JT123456A"),
    ("National Insurance number", "ab123456c", "ab123456c"),
    ("National Insurance number", "QQ 12 34 56 C", None),  # Q is never a first letter
    ("National Insurance number", "GB123456A", None),  # never issued
    ("National Insurance number", "AB123456E", None),  # suffix is A-D
    ("date of birth", "She was born on 3 March 2015.", "born on 3 March 2015"),
    ("date of birth", "born on the 3rd of March", "born on the 3rd of March"),
    ("date of birth", "born 14/02/2016 at home", "born 14/02/2016"),
    ("date of birth", "DOB: 03/03/2015", "DOB: 03/03/2015"),
    ("date of birth", "D.O.B. 3.3.15", "D.O.B. 3.3.15"),
    ("date of birth", "date of birth 2015-03-03", "date of birth 2015-03-03"),
    ("date of birth", "born on March 3rd, 2015", "born on March 3rd, 2015"),
    ("date of birth", "born 12 weeks early", None),
    ("date of birth", "born on time", None),
    ("date of birth", "the review was published on 3 March 2015", None),
    ("street address", "lived at 12 Larkspur Close with", "12 Larkspur Close"),
    ("street address", "4a High Street", "4a High Street"),
    ("street address", "Flat 2, 17 St Mary's Road", "17 St Mary's Road"),
    ("street address", "9 Upper Church Lane", "9 Upper Church Lane"),
    ("street address", "after 3 Family Court hearings", None),
    ("street address", "In 2016 Green Lane", None),  # a year, not a house number
    ("street address", "12 months on the road", None),
]


@pytest.mark.parametrize(("kind", "text", "expected"), DETECTOR_CASES, ids=[f"{k}:{t}" for k, t, _ in DETECTOR_CASES])
def test_detector(kind, text, expected):
    found = [text[s:e] for s, e in detectors.DETECTORS[kind](text)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(("digits", "valid"), [
    ("9434765919", True), ("4010232137", True), ("4505577104", True), ("9876543210", True),
    ("9434765918", False), ("4010232138", False), ("1000000010", False), ("123456789", False), ("94347659190", False),
])
def test_nhs_modulus_11(digits, valid):
    assert detectors.nhs_number_valid(digits) is valid


def test_one_finding_per_span_and_plain_text_is_clean():
    text = "Agencies met in 2016 to plan. The baby was 3 months old; see section 4.2 and page 12."
    assert detectors.personal_details(text) == []
    assert [m.kind for m in detectors.personal_details("Tel 01632 960 100 or x@example.org")] == [
        "phone number", "email address"]


def test_redact_list_file_format():
    text = "# comment\n\nJayden Smithfield\n  Larkspur Close   # the street\nJayden Smithfield\n"
    assert read_redact_list(text) == ["Jayden Smithfield", "Larkspur Close"]


@pytest.mark.parametrize(("text", "found"), [
    ("met jayden smithfield today", "jayden smithfield"),
    ("JAYDEN SMITHFIELD", "JAYDEN SMITHFIELD"),
    ("Jayden\nSmithfield", "Jayden\nSmithfield"),  # a wrapped line
    ("briefings/jayden-smithfield/", "jayden-smithfield"),  # a slug
    ("Jayden&nbsp;Smithfield", "Jayden&nbsp;Smithfield"),
    ("Tamsin Okonedo-Reeve's mother", "Tamsin Okonedo-Reeve"),
    ("Jayden Smithfields", None),  # whole words only
    ("XJayden Smithfield", None),
    ("Jayden Smith", None),
    ("O’Brien", "O’Brien"),
    ("o'brien", "o'brien"),
    # A soft hyphen or zero-width character inside a word shows as nothing: read past it.
    ("met Jay\u00adden Smith\u00adfield", "Jayden Smithfield"),
    ("Jay&shy;den Smith&#173;field", "Jayden Smithfield"),
    ("Jayden&#xAD; Smith&#x200b;field", "Jayden Smithfield"),
    ("J\u200bay\u200cden\u200d Smith\u2060fi\ufeffeld", "Jayden Smithfield"),
    ("O&ZeroWidthSpace;'Br&zwj;ien", "O'Brien"),
    ("Jay&amp;shy;den Smithfield", None),  # shows as "Jay&shy;den"
    ("Jayden-&shy;Smithfields", None),
])
def test_redact_list_matches_whole_words_any_case(text, found):
    redact = RedactList(["Jayden Smithfield", "Tamsin Okonedo-Reeve", "O'Brien"])
    assert [m.text for m in redact.find(text)] == ([found] if found else [])


# --- end to end through the CLI -----------------------------------------------------------

def line_of(path, text: str) -> int:
    """The 1-based line of the file where ``text`` first appears."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def snapshot(folder) -> dict[str, bytes]:
    return {p.relative_to(folder.site).as_posix(): p.read_bytes() for p in folder.output_files()}


@pytest.fixture
def redacted(folder):
    folder.write("private/redact.txt", "# real names\nJayden Smithfield\nLarkspur Close\n")
    return folder


EVERY_KIND = {
    "phone number": "07700 900123",
    "email address": "mum@mail.example.com",
    "postcode": "NB1 4QX",
    "NHS number": "943 476 5919",
    "National Insurance number": "JT 12 34 56 A",
    "date of birth": "born on 3 March 2015",
    "street address": "14 Hazel Grove",
}


def test_every_kind_stops_build_with_file_line_and_text_and_site_is_untouched(redacted):
    redacted.add("child-a")
    redacted.built()
    before = snapshot(redacted)
    extra = "\n".join(f"Detail: {text}." for text in EVERY_KIND.values())
    path = redacted.add("child-b", body=BODY + "\n## Notes\n" + extra + "\nMet Jayden Smithfield.\n",
                        summary="Lived at 12 Larkspur Close.", title="Child B: call 01632 960 555")
    run = redacted.build()
    assert run.code == 1
    assert "Traceback" not in run.err
    for kind, text in EVERY_KIND.items():
        assert f"briefings/child-b.md:{line_of(path, text)}: possible {kind} '{text}'" in run.err
    assert f"briefings/child-b.md:{line_of(path, 'Met Jayden')}: 'Jayden Smithfield' is on the private redact list" in run.err
    assert f"briefings/child-b.md:{line_of(path, 'Larkspur')}: 'Larkspur Close' is on the private redact list" in run.err
    assert f"briefings/child-b.md:{line_of(path, '01632 960 555')}: possible phone number '01632 960 555'" in run.err
    assert "Nothing was built" in run.err
    assert snapshot(redacted) == before
    assert redacted.check().code == 1


def test_drafts_and_embargoed_briefings_are_checked_too(folder):
    folder.add("child-a", draft=True, review={"published": None}, body=BODY + "\nCall 07700 900123.\n")
    folder.add("child-b", review={"embargo_until": "2030-01-01"}, summary="Lives at NB1 4QX.")
    run = folder.check()
    assert run.code == 1
    assert "child-a.md" in run.err and "07700 900123" in run.err
    assert "child-b.md" in run.err and "NB1 4QX" in run.err


def test_findings_come_with_every_other_problem(folder):
    folder.add("child-a", themes=["no-such-theme"], summary="Call 07700 900123.")
    run = folder.check()
    assert run.code == 1
    assert "unknown theme 'no-such-theme'" in run.err and "'07700 900123'" in run.err


def test_allow_silences_exact_strings_only(folder):
    body = BODY + "\nChildline is on 0800 1111; the NSPCC helpline is 0808 800 5000.\nRing 07700 900123.\n"
    folder.add("child-a", body=body, allow=["0808 800 5000", "help@nspcc.example.org"],
               summary="Write to help@nspcc.example.org.")
    run = folder.check()
    assert run.code == 1
    assert "0808 800 5000" not in run.err and "help@nspcc" not in run.err
    assert "'07700 900123'" in run.err
    folder.add("child-a", body=body, allow=["the NSPCC helpline is 0808 800 5000", "Ring 07700 900123"],
               summary="Write to help@nspcc.example.org.", agencies=["NSPCC"])
    run = folder.check()
    assert run.code == 1 and "help@nspcc.example.org" in run.err and "0808" not in run.err and "07700" not in run.err


def test_allow_never_silences_the_redact_list(redacted):
    redacted.add("child-a", summary="About Jayden Smithfield.", allow=["Jayden Smithfield"])
    run = redacted.check()
    assert run.code == 1
    assert run.err.count("'Jayden Smithfield' is on the private redact list") == 2  # the summary and the allow entry


def test_board_contacts_are_allowed_automatically(folder):
    folder.config["board"]["address"] = "Civic Centre, 1 Market Street, Testshire TS1 1AA"
    folder.config["accessibility"] = {"contact_email": "access@testshire.example.org"}
    folder.write_config()
    body = BODY + ("\nContact learning@testshire.example.org, feedback@testshire.example.org, "
                   "access@testshire.example.org, 01632 960999, +44 1632 960 999, or write to 1 Market Street, TS1 1AA.\n")
    folder.add("child-a", body=body)
    assert folder.check().code == 0, folder.check().err
    folder.built()


def test_redact_name_in_guidance_or_config_is_caught_by_check(redacted):
    redacted.add("child-a")
    guide = redacted.write("guidance/risk-assessment.md", "## Why it matters\n\nRemember Jayden Smithfield.\n")
    redacted.config["themes"]["neglect"]["summary"] = "Neglect near Larkspur Close."
    redacted.write_config()
    run = redacted.check()
    assert run.code == 1
    assert f"guidance/risk-assessment.md:{line_of(guide, 'Jayden')}: 'Jayden Smithfield'" in run.err
    assert f"site_config.yml:{line_of(redacted.config_path, 'Larkspur')}: 'Larkspur Close'" in run.err


def test_redact_name_from_a_template_override_is_caught_in_the_output(redacted):
    redacted.add("child-a")
    redacted.built()
    before = snapshot(redacted)
    home = (PACKAGE_TEMPLATES / "pages" / "home.html").read_text(encoding="utf-8")
    redacted.write("templates/pages/home.html", home + "\n<p>In memory of Jayden O&#39;Smithfield and Jayden\nSmithfield.</p>\n")
    run = redacted.build()
    assert run.code == 1, run.err
    assert "site/index.html:" in run.err and "'Jayden Smithfield' from the private redact list" in run.err
    assert "Traceback" not in run.err
    assert snapshot(redacted) == before


def test_redact_name_from_a_theme_override_is_caught_in_the_output(redacted):
    redacted.add("child-a")
    redacted.write("templates/material/partials/copyright.html",
                   '<div class="md-copyright">Thanks to the Larkspur Close residents</div>\n')
    run = redacted.build()
    assert run.code == 1
    assert "site/index.html:" in run.err and "'Larkspur Close' from the private redact list" in run.err
    assert not redacted.site.exists()


def test_redact_file_is_never_published_and_a_missing_one_is_a_loud_warning(redacted):
    redacted.add("child-a")
    site = redacted.built()
    assert not [p for p in site.rglob("*") if "redact" in p.name]
    assert "Warning" not in redacted.build().err
    # The file is git-ignored: a fresh clone has none, and must still build, but not silently.
    redacted.config["redact_file"] = "private/missing.txt"
    redacted.write_config()
    for run in (redacted.check(), redacted.build()):
        assert run.code == 0
        assert run.err.count("Warning: the redact file private/missing.txt (redact_file in site_config.yml) is not here") == 1


def test_redact_file_inside_a_published_folder_is_refused(folder):
    folder.write("briefings/names.txt", "Jayden Smithfield\n")
    folder.config["redact_file"] = "briefings/names.txt"
    folder.write_config()
    folder.add("child-a")
    run = folder.check()
    assert run.code == 1 and "the redact file is inside briefings/" in run.err


# --- the output scan reads every kind of file ---------------------------------------------

def _docx_bytes(runs: list[str]) -> bytes:
    body = "".join(f"<w:r><w:t>{r}</w:t></w:r>" for r in runs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<w:document xmlns:w="x"><w:body><w:p>{body}</w:p></w:body></w:document>')
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content"), [
    ("page/index.html", b"<p>Met <em>Jayden</em> Smithfield</p>"),
    ("page/index.html", b'<img alt="Jayden Smithfield" src="x.png">'),
    ("data/x.json", json.dumps({"t": "Zo\u00eb and Jayden Smithfield"}).encode()),
    ("data/y.json", json.dumps(["O&#39;Brien"]).encode()),
    ("feed.xml", b"<title>Jayden &amp; Jayden Smithfield</title>"),
    ("sitemap.xml.gz", gzip.compress(b"<loc>https://x/briefings/jayden-smithfield/</loc>")),
    ("pagefind/fragment/en_1.pf_fragment", gzip.compress(b'pagefind_dcd{"content":"Jayden Smithfield"}')),
    ("briefings/a/a.docx", _docx_bytes(["Met Jay", "den Smith", "field"])),
    ("data/x.csv", b"slug,name\na,Jayden Smithfield\n"),
    ("data/z.json", json.dumps({"t": "met ZO\u00cb BRONT\u00cb"}).encode()),  # \u escapes, any case
    ("page/z.html", "<p>Zoë&nbsp;Brontë</p>".encode()),
    ("files/jayden-smithfield.pdf", b"%PDF-1.4\x00binary"),  # caught by its address
    ("page/shy.html", b"<p>Jay&shy;den Smith&#173;field</p>"),
    ("page/soft.html", "<p>Jay\u00adden Smith\u200bfield</p>".encode()),
    ("data/shy.json", json.dumps({"t": "Jay\u00adden Smithfield"}).encode()),  # written as \u00ad
    ("briefings/b/b.docx", _docx_bytes(["Met Jay\u00ad", "den Smith", "\u200bfield"])),
])
def test_output_scan_finds_names_in_every_kind_of_file(tmp_path, folder, name, content):
    from generator.config.settings import load_config

    folder.write("private/redact.txt", "Jayden Smithfield\nO'Brien\nZoë Brontë\n")
    out = tmp_path / "out"
    target = out / name
    target.parent.mkdir(parents=True)
    target.write_bytes(content)
    (out / "clean.html").write_text("<p>Nothing to see: Jayden and Smithfield apart.</p>")
    with pytest.raises(ContentError) as caught:
        output_scan.scan_output(out, load_config(folder.config_path))
    assert [p.file.split("!")[0] for p in caught.value.problems] == [f"site/{name}"]


def test_output_scan_in_worker_processes_finds_the_same(tmp_path, folder, monkeypatch):
    from generator.config.settings import load_config

    folder.write("private/redact.txt", "Jayden Smithfield\n")
    out = tmp_path / "out"
    for i in range(30):
        folder.write(f"../out/p{i:02}/index.html", f"<p>page {i}</p>" + (" Jayden Smithfield" if i % 7 == 0 else ""))
    checker, _ = anonymity.Checker.for_config(load_config(folder.config_path))
    serial = sorted(output_scan.output_problems(checker, out, "site"))
    monkeypatch.setattr(output_scan, "PARALLEL_FROM", 1)
    assert sorted(output_scan.output_problems(checker, out, "site")) == serial
    assert [p.file for p in serial] == [f"site/p{i:02}/index.html" for i in (0, 7, 14, 21, 28)]


# --- guidance files are read as briefings are ---------------------------------------------

GUIDANCE = "## Why it matters\n\nRisk changes when the household changes.\n"


def test_personal_details_in_guidance_stop_build_with_file_line_and_site_is_untouched(redacted):
    redacted.add("child-a")
    redacted.write("guidance/risk-assessment.md", GUIDANCE)
    redacted.built()
    before = snapshot(redacted)
    details = "\n".join(f"Detail: {text}." for text in EVERY_KIND.values())
    risk = redacted.write("guidance/risk-assessment.md", f"{GUIDANCE}\n{details}\n")
    neglect = redacted.write("guidance/neglect.md", "## Neglect\n\nCall 07700 900124 or jo@example.com, ne1 4st.\n")
    run = redacted.build()
    assert run.code == 1 and "Traceback" not in run.err
    for kind, text in EVERY_KIND.items():
        assert f"guidance/risk-assessment.md:{line_of(risk, text)}: possible {kind} '{text}'" in run.err
    line = line_of(neglect, "Call")
    for kind, text in [("phone number", "07700 900124"), ("email address", "jo@example.com"), ("postcode", "ne1 4st")]:
        assert f"guidance/neglect.md:{line}: possible {kind} '{text}'" in run.err
    assert snapshot(redacted) == before
    assert redacted.check().code == 1


def test_guidance_allow_and_the_boards_own_contacts(folder):
    folder.add("child-a")
    folder.write("guidance/risk-assessment.md",
                 '---\nallow: ["0808 800 5000"]\n---\n\n' + GUIDANCE +
                 "\nThe NSPCC helpline is 0808 800 5000. Ask learning@testshire.example.org, "
                 "ring +44 (0)1632 960 999 or 0044 1632 960 999.\n")
    site = folder.built()
    page = (site / "themes" / "risk-assessment" / "index.html").read_text(encoding="utf-8")
    assert "0808 800 5000" in page and "0044 1632 960 999" in page and "Risk changes" in page
    assert "allow" not in page  # the front matter is not shown
    # allow: is per file: the same number in another guidance file is still found.
    path = folder.write("guidance/neglect.md", "Or ring 0808 800 5000.\n")
    run = folder.check()
    assert run.code == 1
    assert f"guidance/neglect.md:{line_of(path, '0808')}: possible phone number '0808 800 5000'" in run.err
    assert "risk-assessment.md" not in run.err


def test_guidance_front_matter_holds_only_allow(folder):
    folder.add("child-a")
    path = folder.write("guidance/risk-assessment.md",
                        "---\ntitle: Risk\nallow: 12\n---\n\n" + GUIDANCE + "\nRing 07700 900123.\n")
    folder.write("guidance/neglect.md", "---\nallow: [unclosed\n---\n\nText.\n")
    run = folder.build()
    assert run.code == 1 and "Traceback" not in run.err
    assert "guidance/risk-assessment.md:2: guidance front matter holds only allow:" in run.err
    assert "guidance/risk-assessment.md:3: allow: must be a list of exact strings" in run.err
    assert f"guidance/risk-assessment.md:{line_of(path, 'Ring')}: possible phone number '07700 900123'" in run.err
    assert "guidance/neglect.md:" in run.err and "malformed YAML" in run.err
    assert not folder.site.exists()


# --- a soft hyphen or zero-width character does not hide a name -----------------------------

def test_soft_hyphens_do_not_hide_a_redact_name_in_briefings_and_guidance(folder):
    folder.write("private/redact.txt", "Brindlecombe\n")
    folder.add("child-a")
    folder.built()
    before = snapshot(folder)
    briefing = folder.add("child-b", summary="Moved to Brindle\u00adcombe.",
                          body=BODY + "\nThe family lived in Brindle&shy;combe.\n")
    guide = folder.write("guidance/neglect.md",
                         "## Neglect\n\nA&shy;B&#173;C &shy;&shy;&shy;&shy;&shy;&shy;&shy;&shy;\n\n"
                         "Near Brin&#173;dle\u200bcombe.\n")
    run = folder.build()
    assert run.code == 1 and "Traceback" not in run.err
    said = "'Brindlecombe' is on the private redact list"
    assert f"briefings/child-b.md:{line_of(briefing, 'summary:')}: {said}" in run.err
    assert f"briefings/child-b.md:{line_of(briefing, 'lived in')}: {said}" in run.err
    assert f"guidance/neglect.md:{line_of(guide, 'Near')}: {said}" in run.err
    assert snapshot(folder) == before


def test_soft_hyphen_from_a_template_override_is_caught_in_the_output(redacted):
    redacted.add("child-a")
    home = (PACKAGE_TEMPLATES / "pages" / "home.html").read_text(encoding="utf-8")
    redacted.write("templates/pages/home.html", home + "\n<p>For Jay&shy;den Smith&#x200B;field.</p>\n")
    run = redacted.build()
    assert run.code == 1, run.err
    assert "site/index.html:" in run.err and "'Jayden Smithfield' from the private redact list" in run.err
    assert not redacted.site.exists()


def test_sample_content_stays_clean():
    """Ordinary prose: the whole sample site (briefings and guidance) has no finding."""
    from generator.config.settings import load_config
    from generator.read import guidance
    from generator.read.source import briefing_files, read_source

    root = Path(__file__).resolve().parent.parent
    config = load_config(root / "site_config.yml")
    checker = anonymity.Checker(config, RedactList([]), "private/redact.txt")
    problems = checker.content_problems(guidance.read)
    for path in briefing_files(root / config.site.briefings_dir):
        src, _ = read_source(path, root)
        problems += checker.source_problems(src)
    assert problems == []
    guidance_lines = [line for p in (root / "guidance").glob("*.md") for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(guidance_lines) > 100
    assert [m for line in guidance_lines for m in detectors.personal_details(line)] == []
