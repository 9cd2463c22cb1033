"""The `bulletin` command. The one place errors become messages and exit codes."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import BulletinError, ContentErrors, Problem, TemplateProblem, UsageError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 itself; keep our wording
        self.print_usage(sys.stderr)
        raise UsageError(message)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bulletin", description="Build the community safety bulletin site.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    build = commands.add_parser("build", help="build the site from content/ into site/")
    build.add_argument("--root", type=Path, default=Path("."),
                       help="the site's folder, holding content/ (default: here)")
    build.add_argument("--out", type=Path, default=None,
                       help="where to write the site (default: ROOT/site)")
    build.add_argument("--drafts", action="store_true", help="include issues with status: draft")
    build.add_argument("--strict", action="store_true", help="fail on warnings too")
    build.add_argument("--no-search", action="store_true",
                       help="skip building the Pagefind search index")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = make_parser().parse_args(argv)
        if args.command is None:
            make_parser().print_help()
            return EXIT_USAGE
        return _build(args)
    except ContentErrors as exc:
        _report(exc.problems)
        errors = sum(1 for p in exc.problems if p.is_error)
        warnings = len(exc.problems) - errors
        print(f"Build failed: {_count(errors, 'error')}, {_count(warnings, 'warning')}. "
              "Nothing was written; the previous site is unchanged.", file=sys.stderr)
        return EXIT_FAILED
    except TemplateProblem as exc:
        print(str(exc.problem), file=sys.stderr)
        print("Build failed: a template has a mistake. Nothing was written.", file=sys.stderr)
        return EXIT_FAILED
    except BulletinError as exc:
        print(f"bulletin: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("bulletin: stopped; the previous site is unchanged.", file=sys.stderr)
        return 130


def _build(args) -> int:
    from .pipeline import BuildOptions, build  # keeps `bulletin --help` fast
    root = args.root.resolve()
    if not root.is_dir():
        raise UsageError(f"--root {args.root} is not a folder")
    out = (args.out or root / "site").resolve()
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out} is a file, not a folder; name a folder for the site")
    started = time.perf_counter()
    result = build(BuildOptions(root, out, drafts=args.drafts, strict=args.strict,
                                search=not args.no_search))
    _report(result.problems)
    took = time.perf_counter() - started
    warnings = f" with {_count(len(result.problems), 'warning')}" if result.problems else ""
    print(f"Built {result.pages} pages ({result.files} files) into {_shown(out)} in "
          f"{took:.1f}s{warnings}.")
    return EXIT_OK


def _report(problems) -> None:
    for problem in problems:
        print(str(problem), file=sys.stderr)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd())) + "/"
    except ValueError:
        return str(path) + "/"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
