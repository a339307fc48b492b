"""The ``briefings`` command: build, check, serve, new, stats, import, init.

Exit codes: 0 success, 1 invalid content (every problem listed), 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from generator import __version__
from generator.problems import BuildFailed, ContentError, UsageError


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date: use YYYY-MM-DD, e.g. 2026-03-31") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefings", description="Publish 7-minute briefings from case reviews.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--config", type=Path, default=Path("site_config.yml"),
                        help="the site's config file (default: ./site_config.yml)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="check the content and build the site into site/")
    b.add_argument("--as-of", type=_date, default=None, help="the date the build treats as today (YYYY-MM-DD)")
    b.add_argument("--site-dir", type=Path, default=None, help="where to write the site (default: site/ beside the config)")
    b.add_argument("--strict", action="store_true", help="treat MkDocs warnings as errors")
    b.add_argument("--quiet", action="store_true", help="print only the final summary")
    b.add_argument("--no-cache", action="store_true",
                   help="build everything afresh, without reading or writing .briefings-cache/")

    c = sub.add_parser("check", help="check every briefing; build nothing")
    c.add_argument("--as-of", type=_date, default=None, help="the date the check treats as today")

    s = sub.add_parser("serve", help="live preview that rebuilds when content, templates or config change")
    s.add_argument("--as-of", type=_date, default=None)
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--no-cache", action="store_true", help="rebuild everything on every change (no .briefings-cache/)")

    st = sub.add_parser("stats", help="print the thematic analysis (as on the analysis page) as a table")
    st.add_argument("--as-of", type=_date, default=None, help="the date the analysis treats as today")
    st.add_argument("--json", action="store_true", help="print exactly site/data/themes.json instead")

    n = sub.add_parser("new", help="write a new briefing with every field and heading")
    n.add_argument("name", help='the review\'s anonymised name, e.g. "Child Z"')
    n.add_argument("--type", default="CSPR", help="review type key (default CSPR)")
    im = sub.add_parser("import", help="turn Word (.docx) and PDF 7-minute briefings into draft briefings")
    im.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the .docx or .pdf files to import")
    im.add_argument("--into", type=Path, default=None, help="where to write the drafts (default: the briefings folder)")
    _init_parser(sub)
    return parser


def _init_parser(sub) -> None:
    from generator.scaffold.nations import DEFAULT_NATION, NATIONS

    i = sub.add_parser("init", help="start a new board's content folder, ready to build and publish")
    i.add_argument("dir", type=Path, help="the folder to start the site in (made if missing; nothing in it is overwritten)")
    i.add_argument("--board", required=True, help='the board\'s name, e.g. "Northbridge Safeguarding Children Partnership"')
    i.add_argument("--email", required=True, help="the board's contact email address")
    i.add_argument("--phone", required=True, help="the board's contact phone number")
    i.add_argument("--site-url", default=None, help="the address the site will have (you can set it later)")
    i.add_argument("--nation", choices=list(NATIONS), default=DEFAULT_NATION,
                   help=f"sets the review types (default {DEFAULT_NATION})")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    as_of = getattr(args, "as_of", None) or date.today()
    from generator import commands  # imported late: argparse errors stay fast

    try:
        return commands.run(args, as_of)
    except ContentError as err:
        print(f"{len(err.problems)} problem(s) found:", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        print("Nothing was built; fix the problems above and run the command again.", file=sys.stderr)
        return 1
    except BuildFailed as err:
        print(f"The site could not be built: {err}", file=sys.stderr)
        print("The previous site/ is unchanged.", file=sys.stderr)
        return 1
    except UsageError as err:
        print(f"briefings: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except OSError as err:  # a folder that cannot be made or written: say which, no traceback
        where = f" ({err.filename})" if err.filename else ""
        print(f"briefings: {err.strerror or err}{where}; check the path exists and you may write to it.", file=sys.stderr)
        print("Any previous site/ is unchanged.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
