"""The core build: pages, data, assets, publication rules, escaping, atomic swap, CLI."""

from __future__ import annotations

import hashlib
import zipfile

import pytest

from tests.sitekit import cli, doc

CANARY = "Zebracanary"


def _everything_written(site) -> str:
    """The text of every output file, Word and gzip contents included."""
    import gzip

    parts = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        elif path.suffix == ".gz":
            data = gzip.decompress(data)
        parts.append(path.as_posix())
        parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def test_briefing_page_has_facts_and_seven_segments_in_order(folder):
    folder.add("child-a", themes=["risk-assessment", "lived-experience"],
               recommendations=["Reissue the guidance.", {"text": "Train staff", "agency": "Police",
                                                          "due": "2026-03-31", "status": "in-progress"}])
    folder.built()
    html = folder.html("briefings/child-a/index.html")
    labels = ["Background", "Why it matters", "Key learning", "Themes", "What should we do?",
              "Questions for your team", "Further information"]
    positions = [html.index(f'<span class="lb-segment__number" data-pagefind-ignore>{n}</span> {label}')
                 for n, label in enumerate(labels, 1)]
    assert positions == sorted(positions)
    assert "<dt>Type</dt>" in html and "Serious Case Review" in html
    assert '<time datetime="2025-06-01">1 June 2025</time>' in html
    assert 'href="../../themes/lived-experience/"' in html
    assert "Train staff" in html and "Police" in html and "status: in progress" in html
    assert "What would we have done?" in html


def test_heading_aliases_and_extra_sections_are_kept(folder):
    body = "Intro text.\n\n## Learning\n- Point\n\n## Voice of the family\nThey felt unheard.\n\n" \
           "## Practice points\nDo this.\n\n## Find out more\nRead that.\n"
    folder.add("child-a", body=body)
    folder.built()
    html = folder.html("briefings/child-a/index.html")
    learning = html.split('id="segment-3"')[1].split('id="segment-4"')[0]
    assert "<li>Point</li>" in learning
    assert "<h3>Voice of the family</h3>" in learning and "They felt unheard." in learning
    assert "Do this." in html.split('id="segment-5"')[1].split('id="segment-6"')[0]
    assert "Read that." in html.split('id="segment-7"')[1]
    assert "Intro text." in html.split('id="segment-1"')[1].split('id="segment-2"')[0]


def test_briefings_json_has_the_documented_keys(folder):
    folder.add("child-a", agencies=["Police"], review={"board": "Other Board"})
    folder.add("child-b", review={"published": "2025-09-01"})
    folder.built()
    data = folder.json("data/briefings.json")
    assert [d["slug"] for d in data] == ["child-b", "child-a"]  # newest first
    first = data[1]
    for key in ("slug", "url", "title", "summary", "review", "themes", "agencies", "archived"):
        assert key in first
    assert first["review"] == {**first["review"], "name": "Child A", "type": "SCR", "board": "Other Board",
                                "published": "2025-06-01"}
    assert first["url"] == "briefings/child-a/"
    assert first["agencies"] == ["Police"]
    assert data[0]["review"]["board"] == "Testshire Safeguarding Children Partnership"


def test_subfolders_and_slug_override(folder):
    folder.add("child-a", path="2025/spring/review.md", slug="child-a")
    folder.built()
    assert (folder.site / "briefings/child-a/index.html").is_file()


@pytest.mark.parametrize("hidden", [
    {"draft": True},
    {"review": {"embargo_until": "2026-06-01"}},
    {"review": {"published": "2026-03-01"}},
], ids=["draft", "embargoed", "future"])
def test_unpublished_briefing_reaches_no_output_file(folder, hidden):
    folder.add("child-a")
    folder.add("child-z", title=f"{CANARY} title", summary=f"{CANARY} summary",
               review={"name": f"{CANARY} name", **hidden.get("review", {})},
               discussion_prompts=[f"{CANARY} prompt"], agencies=[f"{CANARY} agency"],
               body=f"## Background\n{CANARY} body.\n", **{k: v for k, v in hidden.items() if k != "review"})
    run = folder.build("2026-01-01")
    assert run.code == 0, run.err
    everything = _everything_written(folder.site)
    assert "child-a" in everything
    assert CANARY not in everything and "child-z" not in everything
    assert CANARY not in run.out + run.err


def test_summary_counts_held_back_without_content(folder):
    folder.add("child-a")
    folder.add("child-b", draft=True)
    folder.add("child-c", review={"embargo_until": "2026-06-01"})
    folder.add("child-d", review={"published": "2026-02-01"})
    run = folder.build("2026-01-01")
    assert "1 published" in run.out
    assert "1 draft(s) skipped" in run.out
    assert "1 embargoed, held back until 2026-06-01" in run.out
    assert "1 scheduled for later publication, held back until 2026-02-01" in run.out
    assert "Child C" not in run.out and "child-c" not in run.out


def test_front_matter_markup_is_escaped_everywhere(folder):
    folder.add("child-a", title="<script>alert('t')</script> Title", summary="<img src=x onerror=alert(1)>",
               review={"name": "<b>Bold</b>"}, discussion_prompts=["<iframe src=x></iframe>?"],
               body="## Background\n<script>alert('body')</script>\n")
    folder.built()
    for path in folder.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert(" not in html, path
        assert "<img src=x" not in html and "<iframe src=x" not in html and "<b>Bold</b>" not in html, path
    assert "&lt;script&gt;alert(" in folder.html("briefings/child-a/index.html")


def test_report_and_images_are_copied_and_resolve(folder):
    folder.write("briefings/reports/overview.pdf", b"%PDF-1.4 test")
    folder.write("briefings/images/cycle.svg", "<svg xmlns='http://www.w3.org/2000/svg'><title>c</title></svg>")
    folder.add("child-a", review={"report": "reports/overview.pdf", "published": "2025-10-01"},
               body="## Background\n![The cycle](images/cycle.svg)\n\n[Overview](reports/overview.pdf)\n")
    folder.built()
    html = folder.html("briefings/child-a/index.html")
    assert 'src="../../files/images/cycle.svg"' in html
    assert 'href="../../files/reports/overview.pdf"' in html
    assert (folder.site / "files/images/cycle.svg").is_file()
    assert (folder.site / "files/reports/overview.pdf").read_bytes() == b"%PDF-1.4 test"


def test_no_outside_hosts_in_pages(folder):
    folder.add("child-a")
    folder.built()
    for path in folder.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        assert "cdn." not in html and "unpkg" not in html and "jsdelivr" not in html, path


def _tree_digest(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_failed_build_leaves_previous_site_untouched(folder):
    folder.add("child-a")
    folder.built()
    before = _tree_digest(folder.site)
    folder.add("child-b", themes=["no-such-theme"])
    run = folder.build()
    assert run.code == 1
    assert _tree_digest(folder.site) == before
    assert not [p for p in folder.root.iterdir() if p.name.startswith((".briefings-build-", ".site-old-"))]


def test_engine_failure_also_leaves_previous_site(folder, monkeypatch):
    from generator.engine import mkdocs_adapter

    folder.add("child-a")
    folder.built()
    before = _tree_digest(folder.site)

    def broken(*args, **kwargs):
        raise mkdocs_adapter.EngineError("simulated MkDocs failure")

    monkeypatch.setattr(mkdocs_adapter, "build", broken)
    run = folder.build("2026-01-01", "--no-cache")  # with the cache, nothing changed: MkDocs would not run
    assert run.code == 1 and "simulated MkDocs failure" in run.err
    assert _tree_digest(folder.site) == before


@pytest.mark.parametrize("target", [".", "briefings", "briefings/out", "site_config.yml", "..", "templates", "notes"])
def test_site_dir_that_would_replace_content_is_refused(folder, target):
    folder.add("child-a")
    folder.write("templates/pages/.keep", "")
    folder.write("notes/minutes.txt", "Not a site.")
    before = _tree_digest(folder.root)
    run = folder.build("2026-01-01", "--site-dir", str(folder.root / target))
    assert run.code == 2, run.err
    assert "--site-dir" in run.err and "choose" in run.err and "Traceback" not in run.err
    assert _tree_digest(folder.root) == before  # nothing written, nothing removed


def test_site_dir_elsewhere_and_a_previous_build_are_fine(folder, tmp_path):
    folder.add("child-a")
    elsewhere = tmp_path / "upload" / "site"
    assert folder.build("2026-01-01", "--site-dir", str(elsewhere)).code == 0
    assert folder.build("2026-01-01", "--site-dir", str(elsewhere)).code == 0  # replaces its own build
    assert (elsewhere / "briefings" / "child-a" / "index.html").is_file()


def test_a_folder_that_cannot_be_made_is_reported_without_a_traceback(folder):
    folder.add("child-a")
    run = folder.build("2026-01-01", "--site-dir", str(folder.config_path / "out"))
    assert run.code in (1, 2) and "Traceback" not in run.err
    run = folder.build("2026-01-01", "--site-dir", "/proc/no-such-folder/site")
    assert run.code == 1 and "Traceback" not in run.err
    assert "/proc/no-such-folder" in run.err and "check the path" in run.err


LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'


def test_logo_is_published_and_shown_in_every_page_header(folder):
    folder.write("branding/Board Logo.SVG", LOGO)
    folder.config["logo"] = "branding/Board Logo.SVG"
    folder.write_config()
    folder.add("child-a")
    site = folder.built()
    assert (site / "assets" / "logo.svg").read_bytes() == LOGO
    for page, src in (("index.html", "assets/logo.svg"), ("briefings/child-a/index.html", "../../assets/logo.svg")):
        images = doc(folder, page).cssselect("header .md-logo img")
        assert [(i.get("src"), i.get("alt")) for i in images] == [(src, "")]


def test_missing_logo_is_a_config_problem_with_its_line(folder):
    folder.config["logo"] = "branding/nowhere.png"
    folder.write_config()
    folder.add("child-a")
    run = folder.build()
    assert run.code == 1
    line = next(n for n, text in enumerate(folder.config_path.read_text().splitlines(), 1) if text.startswith("logo:"))
    assert f"site_config.yml:{line}: logo 'branding/nowhere.png' is not an image file here" in run.err


def test_site_templates_override_defaults_file_by_file(folder):
    folder.add("child-a")
    folder.write("templates/pages/home.html", "<h1>{{ site.site_name }} – our own home</h1>\n")
    folder.built()
    assert "– our own home</h1>" in folder.html("index.html")
    assert "lb-segment" in folder.html("briefings/child-a/index.html")  # others stay default


def test_new_writes_a_draft_that_checks(folder):
    run = cli("--config", folder.config_path, "new", "Child Z", "--type", "CSPR")
    assert run.code == 0, run.err
    text = (folder.root / "briefings/child-z.md").read_text()
    for heading in ("## Background", "## Why it matters", "## Key learning", "## What should we do?", "## Further information"):
        assert heading in text
    assert "type: CSPR" in text and "draft: true" in text
    check = folder.check()
    assert check.code == 0, check.err
    again = cli("--config", folder.config_path, "new", "Child Z")
    assert again.code == 2 and "already exists" in again.err


def test_new_rejects_unknown_type(folder):
    run = cli("--config", folder.config_path, "new", "Child Q", "--type", "XYZ")
    assert run.code == 2 and "unknown review type 'XYZ'" in run.err


def test_sample_content_builds(tmp_path):
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    run = cli("--config", repo / "site_config.yml", "build", "--as-of", "2026-11-22", "--site-dir", tmp_path / "site")
    assert run.code == 0, run.err
    data = __import__("json").loads((tmp_path / "site/data/briefings.json").read_text())
    assert len(data) >= 10
    assert "child-w" not in {d["slug"] for d in data}  # embargoed until 2027
    assert "child-t" not in {d["slug"] for d in data}  # draft


def test_autolinked_board_email_in_body_is_a_mail_link(folder):
    folder.add("child-a", body="## Further information\nWrite to <learning@testshire.example.org>.\n")
    folder.built()
    html = folder.html("briefings/child-a/index.html")
    assert "mailto:" in html.replace("&#109;&#97;&#105;&#108;&#116;&#111;&#58;", "mailto:")
