"""Files a body links or embeds (and the config's logo) are copied only when safe to serve.

An HTML page, a script or an SVG with script, copied into the site, would run on the board's
own address. Each is refused by `check` and `build` with the file, the line and what to do;
safe pictures and documents are copied as they are.
"""

from __future__ import annotations

import pytest

from tests.sitekit import BODY

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
SAFE_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><defs><linearGradient id="g"/></defs>' \
           b'<rect width="4" height="4" fill="url(#g)"/><use href="#g"/></svg>'
SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'

HOSTILE_FILES = [  # (file name, content, Markdown form, what the message says)
    ("page.html", b"<script>alert(1)</script>", "[Notes]({})", "is a .html file, which would run its own script"),
    ("page.htm", b"<p>x</p>", "[Notes]({})", "is a .htm file"),
    ("page.xhtml", b"<p>x</p>", "[Notes]({})", "is a .xhtml file"),
    ("tool.js", b"alert(1)", "[Notes]({})", "is a .js file"),
    ("chart.svgz", b"\x1f\x8b", "![Chart]({})", "is a .svgz file"),
    ("tool.exe", b"MZ", "[Notes]({})", "is a .exe file"),
    ("archive.zip", b"PK\x03\x04", "[Notes]({})", "is a .zip file"),
    ("fake.png", b"<html><script>alert(1)</script></html>", "![Chart]({})", "is not really a PNG file"),
    ("report.pdf", b"%PDF-1.4", "![Chart]({})", "is a .pdf file and not a picture"),
    ("s.svg", SVG.format("<script>alert(1)</script>").encode(), "![Chart]({})", "holds a <script> element"),
    ("s.svg", SVG.format('<rect onload="alert(1)"/>').encode(), "![Chart]({})", "has an event handler (onload="),
    ("s.svg", SVG.format("<foreignObject><p>x</p></foreignObject>").encode(), "[Chart]({})", "holds a <foreignObject>"),
    ("s.svg", SVG.format('<a xlink:href="javascript:alert(1)"><text>x</text></a>').encode(), "[Chart]({})",
     "has a script or document URL"),
    ("s.svg", SVG.format('<a href="java&#x0A;script:alert(1)"><text>x</text></a>').encode(), "[Chart]({})",
     "has a script or document URL"),
    ("s.svg", SVG.format('<image href="https://tracker.example/p.png"/>').encode(), "![Chart]({})",
     "refers to an outside file"),
    ("s.svg", SVG.format("<style>@import url(https://x.example/a.css);</style>").encode(), "![Chart]({})",
     "has a stylesheet that loads an outside file"),
    ("s.svg", SVG.format('<rect fill="url(\'https://x.example/p.svg#a\')"/>').encode(), "![Chart]({})",
     "has a style that loads an outside file"),
    ("s.svg", SVG.format('<set attributeName="href" to="javascript:alert(1)"/>').encode(), "![Chart]({})",
     "animates a link's address"),
    ("s.svg", b'<?xml-stylesheet href="https://x.example/a.css"?>' + SVG.format("").encode(), "![Chart]({})",
     "has a processing instruction"),
    ("s.svg", b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              + SVG.format("<text>&b;</text>").encode(), "![Chart]({})", "has a DOCTYPE"),
    ("s.svg", b"<svg><unclosed></svg>", "![Chart]({})", "is not a well-formed SVG"),
    ("s.svg", b'<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', "![Chart]({})",
     "is not an SVG picture"),
]


@pytest.mark.parametrize(("name", "content", "form", "said"), HOSTILE_FILES,
                         ids=[f"{n}-{s}" for n, _, _, s in HOSTILE_FILES])
def test_unsafe_file_is_refused_with_file_line_and_what_to_do(folder, name, content, form, said):
    folder.write(f"briefings/files/{name}", content)
    markdown = form.format(f"files/{name}")
    path = folder.add("child-a", body=BODY + "\nAlso:\n\n" + markdown + "\n")
    line = path.read_text(encoding="utf-8").splitlines().index(markdown) + 1
    what = "the image" if form.startswith("!") else "the link"
    for run in (folder.check(), folder.build()):
        assert run.code == 1 and "Traceback" not in run.err + run.out, run.err
        assert f"briefings/child-a.md:{line}: {what} 'files/{name}' {said}" in run.err, run.err
        assert "instead" in run.err or "save it again" in run.err or "check the file" in run.err
    assert not folder.site.exists()


def test_a_report_must_be_a_safe_document_too(folder):
    folder.write("briefings/reports/report.html", b"<script>alert(1)</script>")
    folder.add("child-a", review={"report": "reports/report.html"})
    run = folder.build()
    assert run.code == 1
    assert "review.report 'reports/report.html' is a .html file, which would run its own script" in run.err


def test_safe_pictures_and_documents_are_copied_as_they_are(folder):
    documents = {"a.pdf": b"%PDF-1.4 x", "b.docx": b"PK\x03\x04 w", "c.xlsx": b"PK\x03\x04 x", "d.pptx": b"PK\x03\x04 p",
                 "e.odt": b"PK\x03\x04 o", "f.csv": b"a,b\n1,2\n", "g.txt": b"Notes\n"}
    pictures = {"p.png": PNG, "q.jpg": b"\xff\xd8\xff\xe0", "r.gif": b"GIF89a", "s.webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ",
                "t.svg": SAFE_SVG}
    for name, content in {**documents, **pictures}.items():
        folder.write(f"briefings/files/{name}", content)
    body = BODY + "\n" + "\n".join(f"[{n}](files/{n})" for n in documents) + "\n\n" \
        + "\n".join(f"![{n}](files/{n})" for n in pictures) + "\n"
    folder.add("child-a", body=body)
    site = folder.built()
    for name, content in {**documents, **pictures}.items():
        assert (site / "files/files" / name).read_bytes() == content


def _logo_run(folder, logo: str):
    folder.add("child-a")
    folder.config["logo"] = logo
    folder.write_config()
    line = next(n for n, text in enumerate(folder.config_path.read_text().splitlines(), 1) if text.startswith("logo:"))
    return folder.build(), line


@pytest.mark.parametrize(("name", "content", "said"), [
    ("branding/logo.svg", SVG.format('<rect onclick="alert(1)"/>').encode(), "has an event handler"),
    ("branding/logo.html", b"<p>x</p>", "is not an image file here"),
    ("branding/logo.png", b"<script>alert(1)</script>", "is not really a PNG file"),
])
def test_an_unsafe_logo_is_a_config_problem(folder, name, content, said):
    folder.write(name, content)
    run, line = _logo_run(folder, name)
    assert run.code == 1 and "Traceback" not in run.err
    assert f"site_config.yml:{line}: logo '{name}' {said}" in run.err, run.err


def test_the_logo_lives_in_the_content_folder(folder, tmp_path):
    (tmp_path / "elsewhere.png").write_bytes(PNG)
    run, line = _logo_run(folder, "../elsewhere.png")
    assert run.code == 1 and "Traceback" not in run.err
    assert f"site_config.yml:{line}: logo '../elsewhere.png' is outside the content folder" in run.err
