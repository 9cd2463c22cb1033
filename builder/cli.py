"""The `bulletin` command. The one place errors become messages and exit codes."""
from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

from .arguments import make_parser
from .seenpaths import of_folder, root_option, seen_from_here, shown
from .terminal import RebuildReporter, drafts_left_out, from_here, report, warn_skipped
from .texts import count
from .errors import BulletinError, ContentErrors, Problem, TemplateProblem, UsageError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# True once run() has started: the command is the whole process and ends when main() does
# (tests call main() in-process, and their process goes on).
_WHOLE_PROCESS = False


_FAILED = {"build": "Build failed: {}. Nothing was written; the previous site is unchanged.",
           "new": "The month was not started: {} in the content it starts from. Nothing was "
                  "written.",
           "init": "The first month was not written: {} in the content 'bulletin init' "
                   "wrote, a bug of bulletin's; delete the folder and report the lines above.",
           "import": "Nothing was imported: {}. Nothing was written.",
           "deck": "Deck failed: {}. Nothing was written."}


def main(argv: list[str] | None = None) -> int:
    args = None
    try:
        args = make_parser(argv).parse_args(argv)
        if args.command is None:
            make_parser(argv).print_help()
            return EXIT_USAGE
        return {"build": _build, "check": _check, "init": _init, "new": _new, "import": _import,
                "deck": _deck, "serve": _serve}[args.command](args)
    except ContentErrors as exc:
        report(exc.problems, getattr(args, "root", None))
        errors = sum(1 for p in exc.problems if p.is_error)
        warnings = len(exc.problems) - errors
        counts = f"{count(errors, 'error')}, {count(warnings, 'warning')}"
        if not errors:   # only --strict fails on warnings alone: say so
            counts += " (--strict fails on warnings)"
        print(_FAILED[getattr(args, "command", None) or "build"].format(counts), file=sys.stderr)
        return EXIT_FAILED
    except TemplateProblem as exc:
        report((exc.problem,), getattr(args, "root", None))
        print("Build failed: a template has a mistake. Nothing was written.", file=sys.stderr)
        return EXIT_FAILED
    except BulletinError as exc:
        print(f"bulletin: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # the reader (| head) went away; nothing is wrong
        return EXIT_OK
    except KeyboardInterrupt:
        print("bulletin: stopped; the previous site is unchanged.", file=sys.stderr)
        return 130


def run() -> None:
    """The `bulletin` command itself (and `python -m builder`): main(), then exit."""
    global _WHOLE_PROCESS
    _WHOLE_PROCESS = True
    code = main()
    # Everything is written and closed by now. Python's shutdown would still walk every
    # object the libraries made at import in one last full collection (a tenth of a
    # deck's time); frozen, they are left for the process's exit to free.
    gc.freeze()
    sys.exit(code)


def _build(args) -> int:
    _no_cycle_collector()
    from .pipeline import BuildOptions, build  # keeps `bulletin --help` fast
    root = _root(args)
    out = (args.out or root / "site").resolve()
    _refuse_to_replace(out, root, args.out)
    started = time.perf_counter()
    from .diskcache import persistent_cache
    result = build(BuildOptions(root, out, drafts=args.drafts, strict=args.strict,
                                search=not args.no_search),
                   cache=None if args.no_cache else persistent_cache(root))
    report(result.problems, root)
    took = time.perf_counter() - started
    warnings = f" with {count(len(result.problems), 'warning')}" if result.problems else ""
    if result.unchanged:
        print(f"{shown(out)} is up to date: nothing it is built from has changed since the "
              f"last build ({result.pages} pages, {result.files} files{warnings}; "
              f"checked in {took:.1f}s).")
    else:
        print(f"Built {result.pages} pages ({result.files} files) into {shown(out)} in "
              f"{took:.1f}s{warnings}.")
    if result.drafts:
        print(drafts_left_out(result.drafts, root))
    return EXIT_OK


# What every site this tool writes has at its top: a folder without them is not one.
_SITE_SHAPE = ("index.html", "404.html", "sitemap.xml")


def _refuse_to_replace(out: Path, root: Path, given: Path | None) -> None:
    """The output folder is replaced whole, so it must be new, empty or an earlier site:
    `--out content` once swapped the editors' files for the built site."""
    from .folders import site_folder_holding
    named = f"--out {given}" if given else str(out)
    if out == root or root.is_relative_to(out) or site_folder_holding(out, root):
        raise UsageError(f"{named} would replace the site's own files; build into a folder "
                         "of its own, like site/ (the default) or a new folder.")
    if out.exists() and not out.is_dir():
        raise UsageError(f"{named} is a file, not a folder; name a folder for the site.")
    if out.is_dir() and any(out.iterdir()) and not all((out / f).is_file() for f in _SITE_SHAPE):
        raise UsageError(f"{named} holds files that are not a site built by bulletin, and "
                         "the build replaces the whole folder; give --out a new or empty "
                         "folder, or move those files away first.")


def _root(args) -> Path:
    """The site's folder: --root, or this one; or, run inside a site's content/ (in a
    month's folder, say) without --root, that site, as `bulletin deck` finds it. `check`
    there said there was no content/ folder (an editor's trial)."""
    root = (args.root or Path(".")).resolve()
    if not root.is_dir():
        raise UsageError(f"--root {args.root} is not a folder")
    if args.root is None and not (root / "content").is_dir():
        root = next((folder for folder in root.parents
                     if root.is_relative_to(folder / "content")), root)
    args.root = root   # the messages name files from here, wherever the site is
    return root


def _check(args) -> int:
    from .checking import of_month, refuse_unknown_month, run_check
    root = _root(args)
    month = _month_to_check(args.month)
    if month is not None:
        refuse_unknown_month(root, month)
    result, elsewhere = run_check(root), 0
    if month is not None:
        result, elsewhere = of_month(result, month)
    problems = from_here(result.problems, root)
    checked = shown(root / "content" / "bulletins" / month if month else root / "content")
    summary = (f"Checked {checked}: {count(result.errors, 'error')}, "
               f"{count(result.warnings, 'warning')}"
               + (f" (and {count(elsewhere, 'warning')} elsewhere, which "
                  f"'bulletin check{root_option(root)}' lists)" if elsewhere else "") + ".")
    failed = result.errors or args.strict and result.warnings
    if args.format == "json":
        print(json.dumps({"problems": [_as_json(p) for p in problems],
                          "summary": {"errors": result.errors, "warnings": result.warnings,
                                      "warnings_elsewhere": elsewhere, "ok": not failed,
                                      "text": summary}}, indent=2))
    else:
        for problem in problems:
            print(str(problem))
        advice = (" Fix the errors before publishing." if result.errors else
                  " With --strict, warnings fail the check too." if failed else "")
        print(summary + advice)
    return EXIT_FAILED if failed else EXIT_OK


def _month_to_check(given: str | None) -> str | None:
    if given is None:
        return None
    from .monthnames import month_named, not_a_month
    month = month_named(Path(given), "bulletin check")
    if month is None:
        raise not_a_month(given, "bulletin check")
    return month


def _as_json(problem: Problem) -> dict:
    return {"path": problem.path, "line": problem.line, "col": problem.col,
            "severity": problem.severity.value, "message": problem.message}


def _new(args) -> int:
    from .newmonth import create_month
    root = _root(args)
    created = create_month(root, args.month)
    for path in created.files:
        print(f"created {seen_from_here(str(path), root)}")
    source = created.source or "content/themes.yaml, as the first month"
    print(f"Started {created.month} as a draft from {source}. Replace each "
          f"'[[to do: ...]]', then run 'bulletin check {created.month}{root_option(root)}'.")
    if created.skipped:
        warn_skipped(created.month, created.source, created.skipped, root)
    return EXIT_OK


def _init(args) -> int:
    from datetime import date

    from .starter import start_site
    started = start_site(args.folder, args.month, date.today())
    root = args.folder.resolve()
    for path in started.files:
        print(f"created {seen_from_here(path, root)}")
    print(f"Started a site in {shown(root)} with {started.month} as its first month, a draft. "
          "Write your own settings and themes over the examples in content/site.yaml and "
          f"content/themes.yaml, then run 'bulletin check{root_option(root)}': it lists "
          "what is still to write. (README: 'Starting a site of your own'.)")
    return EXIT_OK


def _import(args) -> int:
    from .importer import import_files
    result = import_files(_root(args), args.files, force=args.force)
    for problem in result.warnings:
        print(str(problem), file=sys.stderr)
    for path in result.written:
        print(f"wrote {path}")
    print(f"Imported {count(len(args.files), 'file')} into {count(len(result.written), 'content file')}"
          f" with {count(len(result.warnings), 'warning')}. Run 'bulletin check' to see what "
          "to fix before publishing.")
    return EXIT_OK


def _no_cycle_collector() -> None:
    """Turn off Python's cycle collector when this process runs one build or one deck and
    exits. Such a process makes millions of objects that live to its end: a warm build
    unpickles its whole cache; a deck imports its libraries. The collector walks them all
    again and again (a quarter of a warm build's time, a tenth of a deck's) and finds
    nothing to free, as reference counting frees the rest. Measured at 10,000 entries, a
    clean build's peak memory is the same either way. `bulletin serve` runs for hours
    and keeps it on."""
    if _WHOLE_PROCESS:
        gc.disable()


def _deck(args) -> int:
    _no_cycle_collector()
    from . import TOOL_ROOT
    from .decks.command import run_deck  # keeps `bulletin --help` fast
    started = time.perf_counter()
    result = run_deck(args, TOOL_ROOT)   # sets args.root for a month's deck
    report(result.problems, args.root)
    took = time.perf_counter() - started
    warnings = f" with {count(len(result.problems), 'warning')}" if result.problems else ""
    pages = f", {count(result.pages, 'PDF page')}" if result.pages is not None else ""
    written = ", ".join(shown(p).rstrip("/") for p in result.written)
    print(f"Built {count(result.slides, 'slide')}{pages} into {written} in {took:.1f}s{warnings}.")
    return EXIT_OK


def _serve(args) -> int:
    import signal
    import threading
    import webbrowser

    from .serve import Preview  # keeps `bulletin build` from loading the server
    from .serve.addresses import is_loopback
    root = _root(args)
    if not is_loopback(args.host):
        print(f"Warning: serving on {args.host} lets other computers on the network see this "
              "preview" + (", drafts included" if args.drafts else "") + ". Use it only on a "
              "network you trust; leave --host out to serve on this computer only.",
              file=sys.stderr)
    reporter = RebuildReporter(root)
    preview = Preview(root, host=args.host, port=args.port, drafts=args.drafts, poll=args.poll,
                      report=reporter, notify=lambda message: print(message, file=sys.stderr))
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        preview.start()
        reporter.live = True
        watching = "polling for changes" if args.poll else "watching for changes"
        print(f"Serving {preview.url}{' with drafts' if args.drafts else ''}; {watching} in "
              f"content/, templates/ and assets/{of_folder(root)}. Press Ctrl+C to stop.", flush=True)
        if args.open:
            webbrowser.open(preview.url)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        if sys.stdout.isatty():
            print()   # after the terminal's ^C, not on its line
    finally:
        preview.stop()
        signal.signal(signal.SIGTERM, previous)
    print("Stopped serving.")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    run()
