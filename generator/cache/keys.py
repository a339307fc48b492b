"""Keys for the build cache: a SHA-256 over every real input of an output.

A key is built from parts (text, bytes, or file trees); each part is length-prefixed so two
different lists of parts never hash alike. ``code_version`` stands for the generator itself:
its own source and templates and the versions of the libraries that shape the output, so a
new release (or an edit to an editable install) never reuses an old result.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

#: Libraries whose version changes what a build writes.
LIBRARIES = ("mkdocs", "mkdocs-material", "Jinja2", "Markdown", "pydantic", "PyYAML", "python-docx",
             "feedgen", "pagefind", "pagefind-bin", "cbor2", "lxml", "MarkupSafe", "python-frontmatter", "Babel", "nh3")


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def tree_digest(*paths: Path) -> str:
    """Every file under each path (or the file itself), by relative name and bytes; a missing
    path counts too, so creating it changes the key."""
    h = hashlib.sha256()
    for path in paths:
        h.update(f"\0root {path}\0".encode())
        if path.is_file():
            h.update(path.read_bytes())
            continue
        if not path.is_dir():
            h.update(b"\0missing\0")
            continue
        for file in sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            data = file.read_bytes()
            h.update(f"\0{file.relative_to(path).as_posix()}\0{len(data)}\0".encode())
            h.update(data)
    return h.hexdigest()


@cache
def code_version() -> str:
    """The generator's own source and packaged templates, and its libraries' versions."""
    package = Path(__file__).resolve().parent.parent
    own = sorted(p for p in [*package.rglob("*.py"), *package.rglob("*.po")] if "__pycache__" not in p.parts)  # .po: the catalogues
    h = hashlib.sha256()
    for path in own:
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    from importlib.resources import files

    h.update(tree_digest(Path(str(files("generator.templates")))).encode())
    for name in LIBRARIES:
        try:
            h.update(f"{name}={version(name)}\0".encode())
        except PackageNotFoundError:
            h.update(f"{name}=none\0".encode())
    return h.hexdigest()
