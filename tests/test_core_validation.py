"""Bad input: each case gets a clear message naming the file (and line), exit 1, no traceback."""

from __future__ import annotations

import pytest

from tests.sitekit import briefing_text, front_matter


def _problems(folder) -> str:
    run = folder.check()
    assert run.code == 1, run.out + run.err
    assert "Traceback" not in run.err
    return run.err


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"colour": "blue"}, "child-a.md:16: unknown key 'colour'"),
        ({"title": 42}, "child-a.md:2: 'title': Input should be a valid string"),
        ({"review": {"published": "2018-13-45"}},
         "child-a.md:7: 'review.published': '2018-13-45' is not a valid date (month value is outside expected range"
         " of 1-12); write it as YYYY-MM-DD"),
        ({"review": {"published": 1511136000}}, "child-a.md:7: 'review.published': 1511136000 is not a date; write it as"),
        ({"draft": "yes"}, "'draft': 'yes' is not true or false; write true or false"),
        ({"slug": "Child A"}, "'slug': 'Child A' is not a usable page address; use lower-case letters"),
        ({"themes": ["risk-assesment"]}, "unknown theme 'risk-assesment' (did you mean 'risk-assessment'?)"),
        ({"review": {"type": "SRC"}}, "unknown review type 'SRC' (did you mean 'SCR'?)"),
        ({"summary": None}, "'summary' is required: add it"),
        ({"discussion_prompts": []}, "'discussion_prompts': List should have at least 1 item"),
        ({"themes": []}, "'themes': List should have at least 1 item"),
        ({"review": {"published": None}}, "review.published is required unless the briefing is a draft"),
        ({"recommendations": [{"text": "x", "status": "done"}]},
         "'recommendations.0.status': Input should be 'open', 'in-progress' or 'complete'"),
        ({"review": {"report": "reports/missing.pdf"}}, "review.report 'reports/missing.pdf' does not exist"),
        ({"review": {"report": "../../etc/passwd"}}, "review.report '../../etc/passwd' points outside the content folder"),
        ({"review": {"report": "/etc/passwd"}}, "child-a.md:8: review.report '/etc/passwd' is neither a file beside"),
        ({"review": {"report": "//elsewhere.example/x.pdf"}}, "review.report '//elsewhere.example/x.pdf' is neither"),
        ({"review": {"report": "ftp://elsewhere.example/x.pdf"}}, "review.report 'ftp://elsewhere.example/x.pdf' is neither"),
    ],
    ids=["unknown-key", "wrong-type", "bad-date", "timestamp-date", "draft-not-bool", "bad-slug", "unknown-theme",
         "unknown-type", "missing-field", "no-prompts",
         "no-themes", "published-required", "bad-status", "report-missing", "report-outside",
         "report-absolute", "report-no-scheme", "report-ftp"],
)
def test_front_matter_problem(folder, overrides, expected):
    folder.add("child-a", **overrides)
    err = _problems(folder)
    assert "briefings/child-a.md" in err
    assert expected in err


@pytest.mark.parametrize("broken", ["summary: [unclosed", 'summary: "unclosed'])
def test_malformed_yaml_names_the_line_where_the_unfinished_item_began(folder, broken):
    folder.write("briefings/child-a.md", f"---\ntitle: ok\n{broken}\nreview: {{}}\nthemes: []\n---\nbody\n")
    err = _problems(folder)
    assert "briefings/child-a.md:3: malformed YAML" in err
    assert "check this line for an unclosed quote or bracket" in err


def test_no_front_matter(folder):
    folder.write("briefings/child-a.md", "# Just a heading\n\nSome text.\n")
    assert "briefings/child-a.md:1: no front matter" in _problems(folder)


def test_empty_file(folder):
    folder.write("briefings/child-a.md", "  \n")
    assert "briefings/child-a.md: the file is empty" in _problems(folder)


def test_non_utf8_file(folder):
    folder.write("briefings/child-a.md", briefing_text(front_matter()).encode("utf-8") + b"\xff\xfe caf\xe9\n")
    assert "briefings/child-a.md: not UTF-8 text" in _problems(folder)


def test_duplicate_slug(folder):
    folder.add("child-a")
    folder.add("child-a", path="older/child-a.md")
    err = _problems(folder)
    assert "duplicate slug 'child-a'" in err


def test_duplicate_slug_from_front_matter(folder):
    folder.add("child-a")
    folder.add("child-b", slug="child-a")
    err = _problems(folder)
    assert "duplicate slug 'child-a'" in err
    line = next(n for n, t in enumerate((folder.root / "briefings/child-b.md").read_text().splitlines(), 1)
                if t.startswith("slug:"))
    assert f"briefings/child-b.md:{line}: duplicate slug 'child-a' (also briefings/child-a.md)" in err


def test_body_link_to_missing_file(folder):
    folder.add("child-a", body="## Background\nSee ![diagram](images/nowhere.png).\n")
    assert "the image 'images/nowhere.png' does not exist" in _problems(folder)


def test_every_problem_of_a_run_is_reported_together(folder):
    folder.add("child-a", colour="blue")
    folder.add("child-b", themes=["nonsense"])
    folder.write("briefings/child-c.md", "")
    err = _problems(folder)
    assert err.startswith("3 problem(s) found:")
    for name in ("child-a.md", "child-b.md", "child-c.md"):
        assert f"briefings/{name}" in err


def test_bad_config_is_reported_with_lines(folder):
    folder.config["board"] = {"name": "X"}
    folder.config["colours"] = "red"
    folder.write_config()
    err = _problems(folder)
    assert "site_config.yml" in err
    assert "'board.email' is required" in err
    assert "unknown key 'colours'" in err


def test_a_broken_config_does_not_hide_the_briefings_format_problems(folder):
    folder.config["colours"] = "red"
    folder.write_config()
    folder.add("child-a", review={"published": "2018-13-45"})
    folder.add("child-b", colour="blue")
    folder.add("child-c")
    run = folder.build()
    assert run.code == 1
    assert "unknown key 'colours'" in run.err
    assert "briefings/child-a.md:7: 'review.published': '2018-13-45' is not a valid date" in run.err
    assert "briefings/child-b.md:16: unknown key 'colour'" in run.err
    assert "child-c" not in run.err


def test_missing_config_is_a_clear_error(tmp_path):
    from tests.sitekit import cli

    run = cli("--config", tmp_path / "site_config.yml", "check")
    assert run.code == 2  # bad usage (the wrong folder, a mistyped --config), not invalid content
    assert f"no site_config.yml at {tmp_path / 'site_config.yml'}: run in the site's folder or pass --config" in run.err
    assert cli("--config", tmp_path, "build").code == 2


@pytest.mark.parametrize("args", [["build", "--as-of", "2026-02-30"], ["frobnicate"], []])
def test_bad_usage_exits_2(folder, args):
    from tests.sitekit import cli

    run = cli("--config", folder.config_path, *args)
    assert run.code == 2
    assert "Traceback" not in run.err


def test_draft_needs_no_published_date(folder):
    folder.add("child-a", draft=True, review={"published": None})
    run = folder.check()
    assert run.code == 0, run.err
    assert "1 draft(s) skipped" in run.out


def test_check_reports_guidance_and_briefing_problems_together(folder):
    folder.add("child-a", themes=["nonsense"])
    folder.write("guidance/risk-assesment.md", "## Why it matters\nText.\n")
    err = _problems(folder)
    assert err.startswith("2 problem(s) found:")
    assert "guidance/risk-assesment.md" in err and "did you mean 'risk-assessment'" in err
    assert "unknown theme 'nonsense'" in err


def test_analysis_years_out_of_order(folder):
    folder.config["analysis"] = {"from_year": 2020, "to_year": 2010}
    folder.write_config()
    assert "from_year 2020 is after to_year 2010; swap them" in _problems(folder)
