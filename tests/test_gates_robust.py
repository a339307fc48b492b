"""Gate: random and hostile front matter and Markdown never crash `check` or `build`.

Hypothesis writes briefings (near-valid front matter with fields broken or replaced, raw YAML
text, raw bytes, hostile Markdown) and runs the real CLI. Every run ends in exit code 0 with a
valid site, or exit code 1 with a clear message: never a traceback, never another code.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.sitekit import BODY, SiteFolder, briefing_text, front_matter
from tests.urlscan import unsafe_urls

HOSTILE = [
    "", " ", "---", "...", "<script>alert(1)</script>", "{{ 7*7 }}", "{% include 'x' %}", "{# x", "]]>", "&amp;", "&#0;",
    "\u202e", "\u0000", "\x0b", "\ufeff", "\u2028", "a: b", "- x", "? x", "!!python/object:os.system", "*alias", "&anchor x",
    "[x](../../../etc/passwd)", "![i](missing.png)", "[r](reports/x.pdf)", "[m](other.md)", "[a](/abs)", "[j](javascript:alert(1))",
    "# h", "## Key learning", "## Background", "##", "'", '"', "\\", "null", "~", "2026-02-30", "9999-99-99", "0000-01-01",
    "1e400", "-0", "0x1F", "😀", "\r\n", "x" * 3000, "%", "`", "```", "|a|b|\n|-|-|", "<!--", "-->", "</main>", "<h1>",
    "CON", "index", "../x", "a/b", "risk-assessment", "SCR", "Child A", "true", "no", "on",
]

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20), st.floats(allow_nan=True),
    st.dates(min_value=date(1, 1, 1)), st.sampled_from(HOSTILE), st.text(max_size=40),
)
KEYS = ["title", "summary", "slug", "review", "themes", "agencies", "recommendations", "discussion_prompts", "draft",
        "allow", "name", "type", "board", "published", "report", "embargo_until", "text", "agency", "due", "status"]
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
REVIEW_KEYS = ["name", "type", "board", "published", "report", "embargo_until"]


@st.composite
def mutated_front_matter(draw) -> dict:
    """A valid briefing's front matter with a few fields replaced by anything, or removed."""
    data = front_matter(draw(st.sampled_from(["child-a", "baby-b", "x"])))
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(list(data) + ["unknown", "allow"]))
        if key == "review" and isinstance(data.get("review"), dict) and draw(st.booleans()):
            sub = draw(st.sampled_from(REVIEW_KEYS))
            data["review"] = {**data["review"], sub: draw(VALUES)}
        elif draw(st.booleans()):
            data.pop(key, None)
        else:
            data[key] = draw(VALUES)
    return data


@st.composite
def disguised_url(draw) -> str:
    """A dangerous scheme as an attacker writes it: any case, with controls, spaces, tabs,
    newlines or character references inside or around it, or an unknown scheme."""
    word = draw(st.sampled_from(["javascript", "vbscript", "data", "file", "livescript", "x-unknown", "https", "mailto"]))
    out = draw(st.sampled_from(["", " ", "\x01", "\t", "&#x20;", "\x1f"]))
    for char in word + ":":
        char = char.upper() if draw(st.booleans()) else char
        out += draw(st.sampled_from([char, char, f"&#{ord(char)};", f"&#x{ord(char):x};", "\t" + char, "\n" + char]))
    return out + draw(st.sampled_from(["alert(1)", "text/html,<script>alert(1)</script>", "///etc/passwd", "//x.example/"]))


LINKS = st.builds(lambda form, url: form.format(url=url), st.sampled_from(
    ["[x]({url})", "![x]({url})", "[x][r]\n\n[r]: {url}", "[x](<{url}>)", "<{url}>"]), disguised_url())

MARKDOWN = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60), LINKS,
              st.sampled_from(["## Why it matters", "## What should we do?", "- point", "1. step", "> quote", "    code",
                               "| a |\n| - |\n| b |", "***", "<div>raw</div>", "[link][ref]\n\n[ref]: https://x.example/"])),
    max_size=12,
).map("\n".join)


def _run_both(folder: SiteFolder) -> None:
    check = folder.check()
    build = folder.build()
    for run in (check, build):
        assert run.code in (0, 1), (run.code, run.err)
        assert "Traceback" not in run.err and "Traceback" not in run.out
        if run.code == 1:
            assert "problem(s) found" in run.err or "could not be built" in run.err, run.err
            assert run.err.strip().splitlines()[-1].startswith(("Nothing was built", "The previous site/"))
    if build.code == 0:
        assert (folder.site / "index.html").is_file()
        assert unsafe_urls(folder.site) == []  # pages, topic pages, feeds, data, Word relationships
        for record in folder.json("data/briefings.json"):
            assert (folder.site / record["url"] / "index.html").is_file()
    else:
        assert not folder.site.exists()


def _fresh_folder() -> tuple[tempfile.TemporaryDirectory, SiteFolder]:
    tmp = tempfile.TemporaryDirectory(prefix="lb-robust-")
    return tmp, SiteFolder(Path(tmp.name) / "board")


# Each example is a real check and build (about a second): modest numbers, and no shrinking,
# which can take many minutes on builds; a failure prints its (unshrunk) example to reproduce.
ROBUST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                  phases=[Phase.explicit, Phase.reuse, Phase.generate])


@ROBUST
@given(meta=mutated_front_matter(), body=MARKDOWN)
def test_random_front_matter_and_markdown_never_crash(meta, body):
    tmp, folder = _fresh_folder()
    with tmp:
        folder.add("child-z")  # a good neighbour: one bad file must not take the others down silently
        folder.write("briefings/under-test.md", briefing_text(meta, body))
        _run_both(folder)


@ROBUST
@given(text=st.one_of(st.text(max_size=300), st.sampled_from(HOSTILE)).map(lambda t: f"---\n{t}\n---\n\n{BODY}"),
       raw=st.binary(max_size=200))
def test_raw_yaml_text_and_bytes_never_crash(text, raw):
    tmp, folder = _fresh_folder()
    with tmp:
        folder.write("briefings/yaml-text.md", text)
        folder.write("briefings/raw-bytes.md", raw)
        _run_both(folder)


@ROBUST
@given(body=MARKDOWN, title=st.sampled_from(HOSTILE).filter(lambda t: t.strip()), guidance=MARKDOWN)
def test_hostile_text_is_escaped_or_refused(body, title, guidance):
    tmp, folder = _fresh_folder()
    with tmp:
        folder.add("child-y", title=title, summary=title, body=body)
        folder.write("guidance/risk-assessment.md", guidance)
        _run_both(folder)
        if folder.site.exists():
            page = folder.html("briefings/child-y/index.html")
            assert "<script>alert(1)" not in page
            assert not re.search(r"(?:href|src|action)\s*=\s*[\"']?\s*javascript:", page, re.I)  # text, never a link


_SVG_PARTS = ["<script>alert(1)</script>", '<rect onload="alert(1)"/>', "<foreignObject/>", "<title>ok</title>",
              '<a href="javascript:alert(1)"/>', '<image href="https://x.example/t.png"/>', '<rect fill="url(#g)"/>',
              "<style>@import 'https://x.example/a.css';</style>", '<use href="#g"/>', "&lt;script&gt;"]
FILE_CONTENT = st.one_of(
    st.binary(max_size=64),
    st.sampled_from([b"\x89PNG\r\n\x1a\n", b"%PDF-1.4", b"PK\x03\x04", b"GIF89a", b"<html><script>alert(1)</script>"]),
    st.lists(st.sampled_from(_SVG_PARTS), max_size=3).map(
        lambda parts: ('<svg xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>").encode()),
)
FILE_NAMES = st.sampled_from(["a.png", "a.PNG", "a.jpg", "a.gif", "a.webp", "a.svg", "a.SVG", "a.svgz", "a.pdf", "a.docx",
                              "a.csv", "a.txt", "a.html", "a.HTM", "a.xhtml", "a.js", "a.exe", "a", ".htaccess", "a.md"])


@ROBUST
@given(name=FILE_NAMES, content=FILE_CONTENT, image=st.booleans())
def test_hostile_files_are_refused_or_served_safely(name, content, image):
    tmp, folder = _fresh_folder()
    with tmp:
        folder.write(f"briefings/files/{name}", content)
        folder.add("child-y", body=BODY + f"\n{'!' if image else ''}[x](files/{name})\n")
        _run_both(folder)
        copied = folder.site / "files/files" / name
        if folder.site.exists() and copied.exists():
            assert copied.suffix.lower() in {".png", ".jpg", ".gif", ".webp", ".svg", ".pdf", ".docx", ".csv", ".txt"}
            if copied.suffix.lower() == ".svg":
                assert not re.search(rb"<script|onload|foreignObject|javascript:|https://", content, re.I), content


def test_control_characters_are_refused_with_their_line(folder):
    """Found by this gate: Word files and feeds (XML) crashed on characters pasted from PDFs."""
    folder.add("child-a", title="Child A\x0b", body=BODY + "\nA line\x14 here.\n")
    folder.write("briefings/raw.md", f"---\ntitle: x\n\x1b\n---\n\n{BODY}")
    run = folder.build()
    assert run.code == 1 and "Traceback" not in run.err
    assert "briefings/child-a.md:2: invisible control character U+000B" in run.err
    assert "briefings/raw.md:3: malformed YAML in the front matter: invisible control character U+001B" in run.err
    body_line = (folder.root / "briefings/child-a.md").read_text().splitlines().index("A line\x14 here.") + 1
    assert f"briefings/child-a.md:{body_line}: invisible control character U+0014" in run.err
