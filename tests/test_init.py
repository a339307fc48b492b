"""`briefings init`: a new board's folder that checks and builds straight away, and never overwrites."""

from __future__ import annotations

import re

import lxml.html
import pytest
import yaml

from generator.config.settings import load_config
from tests.sitekit import cli, text

BOARD = ["--board", "Testshire Safeguarding Children Partnership", "--email", "learning@testshire.example.org",
         "--phone", "01632 960 123"]

#: The review types each nation's boards publish, with their full names (issue 11).
NATION_TYPES = {
    "england": {"SCR": "Serious Case Review", "CSPR": "Child Safeguarding Practice Review",
                "LCSPR": "Local Child Safeguarding Practice Review", "NATIONAL": "National Child Safeguarding Practice Review",
                "rapid-review": "Rapid review", "thematic": "Thematic review", "SAR": "Safeguarding Adults Review",
                "DHR": "Domestic Homicide Review"},
    "wales": {"CPR": "Child Practice Review", "APR": "Adult Practice Review", "SUSR": "Single Unified Safeguarding Review",
              "DHR": "Domestic Homicide Review", "thematic": "Thematic review"},
    "scotland": {"learning-review": "Learning Review", "SCR": "Significant Case Review", "thematic": "Thematic review"},
    "northern-ireland": {"CMR": "Case Management Review", "thematic": "Thematic review"},
}


def init(target, *extra: str):
    return cli("init", target, *BOARD, *extra)


def snapshot(root) -> dict[str, bytes | None]:
    """Every path under ``root`` with its bytes (None for a folder)."""
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


def test_init_then_check_and_build(tmp_path):
    target = tmp_path / "new-board"
    run = init(target, "--site-url", "https://learning.testshire.example.org")
    assert run.code == 0, run.err
    assert "briefings serve" in run.out and "README.md" in run.out

    config = load_config(target / "site_config.yml").site  # what the build itself reads
    assert config.board.name == "Testshire Safeguarding Children Partnership"
    assert config.board.email == "learning@testshire.example.org" and config.board.phone == "01632 960 123"
    assert config.site_url == "https://learning.testshire.example.org/"
    assert 20 <= len(config.themes) <= 25
    categories = [t.category for t in config.themes.values()]
    assert list(dict.fromkeys(categories)) == ["Professional practice", "Parental factors", "Child factors", "Family and environment"]
    assert config.accessibility.status == "partially compliant"
    assert config.redact_file == "private/redact.txt" and (target / "private" / "redact.txt").is_file()
    assert sorted(p.stem for p in (target / "guidance").glob("*.md")) == sorted(config.themes)
    assert {"private/", "site/", ".briefings-cache/"} <= set((target / ".gitignore").read_text().split())
    assert "# Professional practice" in (target / "site_config.yml").read_text()  # written to be read

    check = cli("--config", target / "site_config.yml", "check")
    assert check.code == 0, check.err
    assert "1 draft(s) skipped" in check.out
    build = cli("--config", target / "site_config.yml", "build", "--as-of", "2026-06-01")
    assert build.code == 0, build.err
    site = target / "site"
    home = lxml.html.fromstring((site / "index.html").read_text(encoding="utf-8"))
    assert "Testshire Safeguarding Children Partnership" in text(home)
    # The example is a draft: nothing of it is published.
    example = (target / "briefings" / "example-briefing.md").read_text()
    assert "draft: true" in example
    assert not any(b"an example briefing" in p.read_bytes() for p in site.rglob("*") if p.is_file())


def test_example_briefing_publishes_with_the_starter_guidance(tmp_path):
    """Undrafted, the example is a valid briefing, and its themes' pages show the starter guidance."""
    target = tmp_path / "board"
    assert init(target).code == 0
    example = target / "briefings" / "example-briefing.md"
    # What a board does: uncomment published: and give the date, remove draft: true.
    example.write_text(example.read_text().replace("draft: true", "").replace(
        "  # published: YYYY-MM-DD", "  published: 2026-05-01"), encoding="utf-8")
    build = cli("--config", target / "site_config.yml", "build", "--as-of", "2026-06-01")
    assert build.code == 0, build.err
    themes = re.search(r"^themes: \[(.*)\]$", example.read_text(), re.M).group(1).split(", ")
    for slug in themes:
        page = lxml.html.fromstring((target / "site" / "themes" / slug / "index.html").read_text(encoding="utf-8"))
        lines = (target / "guidance" / f"{slug}.md").read_text().splitlines()
        assert next(line for line in lines if line.startswith("- "))[2:] in text(page)
        assert "Child A: an example briefing" in text(page)


@pytest.mark.parametrize("nation", list(NATION_TYPES))
def test_every_nation_gets_its_review_types(tmp_path, nation):
    target = tmp_path / nation
    run = init(target, "--nation", nation)
    assert run.code == 0, run.err
    config = load_config(target / "site_config.yml").site
    assert config.review_types == NATION_TYPES[nation]
    example_type = yaml.safe_load((target / "briefings" / "example-briefing.md").read_text().split("---")[1])["review"]["type"]
    assert example_type in NATION_TYPES[nation]
    assert example_type in run.out  # the next steps' `briefings new --type` uses the nation's type
    assert cli("--config", target / "site_config.yml", "check").code == 0


def test_unknown_nation_is_a_usage_error(tmp_path):
    run = init(tmp_path / "x", "--nation", "cornwall")
    assert run.code == 2
    assert "northern-ireland" in run.err
    assert not (tmp_path / "x").exists()


def test_init_never_overwrites(tmp_path):
    target = tmp_path / "board"
    assert init(target).code == 0
    (target / "site_config.yml").write_text("site_name: ours\n", encoding="utf-8")  # the board's own edit
    before = snapshot(target)
    run = init(target, "--nation", "wales")
    assert run.code == 2
    assert "site_config.yml" in run.err and "nothing was written" in run.err
    assert snapshot(target) == before


@pytest.mark.parametrize("existing", ["README.md", ".github/workflows/publish.yml", "guidance/neglect.md"])
def test_one_existing_file_stops_everything(tmp_path, existing):
    target = tmp_path / "board"
    (target / existing).parent.mkdir(parents=True)
    (target / existing).write_text("the board's own file\n", encoding="utf-8")
    before = snapshot(target)
    run = init(target)
    assert run.code == 2
    assert existing in run.err
    assert snapshot(target) == before


def test_a_file_where_a_folder_goes_stops_everything(tmp_path):
    target = tmp_path / "board"
    target.mkdir()
    (target / "briefings").write_text("not a folder\n", encoding="utf-8")
    before = snapshot(target)
    run = init(target)
    assert run.code == 2 and "briefings/example-briefing.md" in run.err
    assert snapshot(target) == before
    assert init(target / "briefings").code == 2  # DIR itself a file
    assert "not a folder" in init(target / "briefings").err


def test_other_files_in_the_folder_are_left_alone(tmp_path):
    target = tmp_path / "board"
    (target / "notes").mkdir(parents=True)
    (target / "notes" / "minutes.txt").write_text("kept\n", encoding="utf-8")
    assert init(target).code == 0
    assert (target / "notes" / "minutes.txt").read_text() == "kept\n"


def test_bad_details_are_named_and_nothing_is_written(tmp_path):
    target = tmp_path / "board"
    run = cli("init", target, "--board", "Testshire", "--email", "not-an-address", "--phone", "01632 960 123",
              "--site-url", "learning.testshire.example.org")
    assert run.code == 2
    assert "--email 'not-an-address'" in run.err and "--site-url 'learning.testshire.example.org'" in run.err
    assert "Traceback" not in run.err
    assert not target.exists()


def test_board_details_with_yaml_characters_survive(tmp_path):
    target = tmp_path / "board"
    name = "Testshire & Vale: Children's \"Safeguarding\" Partnership #1"
    run = cli("init", target, "--board", name, "--email", "a@testshire.example.org", "--phone", "01632960123")
    assert run.code == 0, run.err
    config = load_config(target / "site_config.yml").site
    assert config.board.name == name and config.board.phone == "01632960123"
    assert cli("--config", target / "site_config.yml", "check").code == 0


def test_version():
    """The one version (generator.__version__; the wheel's metadata is read from it: test_wheel)."""
    from generator import __version__

    run = cli("--version")
    assert run.code == 0
    assert run.out.strip() == f"briefings {__version__}"


def test_first_day_init_import_check_build(tmp_path):
    """The whole first day: start the site, import an old Word briefing, finish it, publish."""
    from tests.importkit import docx_bytes

    target = tmp_path / "board"
    assert init(target).code == 0
    old = tmp_path / "child-q.docx"
    old.write_bytes(docx_bytes("headings"))
    config = target / "site_config.yml"
    imported = cli("--config", config, "import", old)
    assert imported.code == 0, imported.err
    assert "the redact list is empty, so no names were checked" in imported.out  # init wrote an empty one
    draft = next(p for p in (target / "briefings").glob("*.md") if p.name != "example-briefing.md")
    meta = yaml.safe_load(draft.read_text().split("---")[1])
    assert meta["draft"] is True and set(meta["themes"]) <= set(load_config(config).site.themes)
    still = cli("--config", config, "check")
    assert still.code == 1 and f"{draft.relative_to(target)}:" in still.err and "summary" in still.err
    meta.update(summary="A baby who was not brought to appointments.", draft=False)
    draft.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + draft.read_text().split("---", 2)[2])
    build = cli("--config", config, "build", "--as-of", "2026-06-01")
    assert build.code == 0, build.err
    assert "1 published" in build.out


def test_a_welsh_board_publishes_in_welsh_and_english(tmp_path):
    """Welsh Language Standards: init --nation wales starts a bilingual site whose review types
    have Welsh names on the Welsh pages, and it builds both editions straight away."""
    target = tmp_path / "wales"
    assert init(target, "--nation", "wales").code == 0
    loaded = load_config(target / "site_config.yml")
    assert loaded.site.translations == ["cy"]
    assert loaded.for_language("cy").review_types["SUSR"] == "Adolygiad Diogelu Unedig Sengl"
    assert loaded.site.review_types["SUSR"] == "Single Unified Safeguarding Review"
    assert cli("--config", target / "site_config.yml", "build").code == 0
    assert (target / "site" / "cy" / "index.html").is_file()
